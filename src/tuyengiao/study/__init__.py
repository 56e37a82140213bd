"""study: study rounds on resolutions — sessions, attendance, comprehension tests, essays."""
