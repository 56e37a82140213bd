"""Views of the surveys app, by audience: ``builder`` and ``results`` (officers), ``answering``
(members and the public link) and ``box`` (the suggestion box and published answers)."""
