"""How far a broad search goes, the same on both backends: the ranking runs over the newest
``CANDIDATES`` matches in the user's scope (ranking reads every candidate's text or vector), and
the count stops at ``COUNT_CAP`` (the list then says "Hơn 1000")."""

CANDIDATES = 500
COUNT_CAP = 1000
