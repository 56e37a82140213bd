"""The national anniversaries' source named Điều 3 of Nghị định 145/2013/NĐ-CP; the great days are
listed in its Điều 4 (read this stop: see events/national.py). Rows seeded before are corrected."""

from django.db import migrations

BEFORE = "Nghị định 145/2013/NĐ-CP, Điều 3 (ngày lễ lớn trong nước)"
AFTER = "Nghị định 145/2013/NĐ-CP, Điều 4 (các ngày lễ lớn)"


def forwards(apps, schema_editor):
    Anniversary = apps.get_model("events", "Anniversary")
    for row in Anniversary.objects.filter(unit=None, source__contains=BEFORE):
        row.source = row.source.replace(BEFORE, AFTER)
        row.save(update_fields=["source"])


def backwards(apps, schema_editor):
    Anniversary = apps.get_model("events", "Anniversary")
    for row in Anniversary.objects.filter(unit=None, source__contains=AFTER):
        row.source = row.source.replace(AFTER, BEFORE)
        row.save(update_fields=["source"])


class Migration(migrations.Migration):
    dependencies = [("events", "0004_bulletin_part_exemplars")]

    operations = [migrations.RunPython(forwards, backwards)]
