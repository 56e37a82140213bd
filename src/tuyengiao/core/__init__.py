"""core: the shell every app plugs into — layout, navigation, dashboard, the demo, and the
helpers for spreadsheet import/export that several apps share."""
