import importlib
from typing import Any

from django.db import migrations, models

# SQLite adds a NOT NULL column by rebuilding the table, which drops the table's triggers: the
# tallies' triggers of 0004 are installed again on the new table (the counts themselves are
# untouched: the rebuild copies rows without firing any trigger).
_tallies = importlib.import_module("tuyengiao.reports.migrations.0004_tallies")


def reinstall_sqlite_triggers(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in [*_tallies.SQLITE_REMOVE, *_tallies.SQLITE_INSTALL]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0004_tallies"),
    ]

    operations = [
        # when unapplied, the column's removal rebuilds the table too: reinstall after it
        migrations.RunPython(migrations.RunPython.noop, reinstall_sqlite_triggers),
        migrations.AddField(
            model_name="submission",
            name="last_seq",
            field=models.PositiveIntegerField(db_default=0, default=0),
        ),
        migrations.RunPython(reinstall_sqlite_triggers, migrations.RunPython.noop),
    ]
