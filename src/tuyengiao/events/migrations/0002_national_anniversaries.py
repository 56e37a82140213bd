"""Seed the national list of anniversaries (events/national.py, with the source of each date)."""

from django.db import migrations


def seed(apps, schema_editor):
    from tuyengiao.events.national import NATIONAL

    Anniversary = apps.get_model("events", "Anniversary")
    for s in NATIONAL:
        Anniversary.objects.update_or_create(
            unit=None,
            title=s.title,
            defaults={
                "category": s.category,
                "day": s.day,
                "month": s.month,
                "year": s.year,
                "lunar": s.lunar,
                "source": s.source,
            },
        )


def unseed(apps, schema_editor):
    from tuyengiao.events.national import NATIONAL

    Anniversary = apps.get_model("events", "Anniversary")
    Anniversary.objects.filter(unit=None, title__in=[s.title for s in NATIONAL]).delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
