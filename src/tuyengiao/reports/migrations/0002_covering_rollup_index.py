"""On PostgreSQL, make the roll-up index cover ``value`` so the roll-up is an index-only scan.

Done in SQL for PostgreSQL only: declaring ``include=`` on the model would raise a system-check
warning (models.W040) on SQLite, where covering indexes do not exist.
"""

from typing import Any

from django.db import migrations

COVERING = (
    "CREATE INDEX reports_value_rollup ON reports_indicatorvalue "
    "(period_id, indicator_id, unit_path) INCLUDE (value)"
)
PLAIN = (
    "CREATE INDEX reports_value_rollup ON reports_indicatorvalue "
    "(period_id, indicator_id, unit_path)"
)


def _rebuild(sql: str) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("DROP INDEX IF EXISTS reports_value_rollup")
        schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
    ]

    operations = [migrations.RunPython(_rebuild(COVERING), _rebuild(PLAIN))]
