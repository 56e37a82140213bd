from django.db import migrations

FORMS = [
    "Giấy khen",
    "Bằng khen",
    "Cờ thi đua",
    "Danh hiệu Tập thể lao động xuất sắc",
    "Danh hiệu Chiến sĩ thi đua cơ sở",
]


def seed(apps, schema_editor):
    AwardForm = apps.get_model("emulation", "AwardForm")
    for order, name in enumerate(FORMS, start=1):
        AwardForm.objects.get_or_create(name=name, defaults={"order": order})


class Migration(migrations.Migration):
    dependencies = [("emulation", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
