"""Fill the monthly counters from the activities already recorded."""

from typing import Any

from django.db import migrations


def fill(apps: Any, schema_editor: Any) -> None:
    from tuyengiao.activities.models import ActivityPlaceTally, ActivityTally
    from tuyengiao.activities.services.tallies import rebuild

    rebuild(only=[ActivityTally, ActivityPlaceTally])  # 0007 fills the table 0006 adds


class Migration(migrations.Migration):
    dependencies = [("activities", "0004_tallies")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
