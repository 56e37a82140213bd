"""documents: the library of directives, plans and reports, read by vanban, searchable, linked by citation."""
