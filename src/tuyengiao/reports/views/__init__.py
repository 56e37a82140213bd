"""Views of the reports app, one module per topic: ``report_types``, ``submissions``, ``matrix``,
``rollups``, ``exports`` and ``calendar``. Every object is reached through
``tuyengiao.accounts.scoping``; each view handles at most one POST action."""
