"""Fill the counters by unit, month and kind from the activities already recorded."""

from typing import Any

from django.db import migrations


def fill(apps: Any, schema_editor: Any) -> None:
    from tuyengiao.activities.models import ActivityKindTally
    from tuyengiao.activities.services.tallies import rebuild

    rebuild(only=[ActivityKindTally])


class Migration(migrations.Migration):
    dependencies = [("activities", "0006_kind_tallies")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
