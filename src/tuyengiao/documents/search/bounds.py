"""How far a broad search goes, the same on both backends: the ranking runs over the newest
``CANDIDATES`` matches in the user's scope (ranking reads every candidate's text or vector), and
the count stops at ``COUNT_CAP`` (the list then says "Hơn 1000").

``RECENT_WINDOW``: PostgreSQL first looks for a broad query's candidates among the newest this
many documents of the library (see ``postgres.ranked_ids``); a query matching fewer there falls
back to the whole library, so the results are the same either way.

``HEADING_CANDIDATES``: among this many best-ranked matches, those naming the query in their type
and title come first (``search._heading_first``)."""

CANDIDATES = 500
COUNT_CAP = 1000
RECENT_WINDOW = 10_000
HEADING_CANDIDATES = 100
