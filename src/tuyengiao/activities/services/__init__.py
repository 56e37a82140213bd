"""The activity register's rules: ``records`` (every write) and ``rollups`` (every figure)."""
