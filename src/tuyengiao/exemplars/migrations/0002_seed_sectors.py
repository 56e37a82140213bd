"""The fields of exemplary models units use most, as the seeds of the list (editable afterwards)."""

from django.db import migrations

SECTORS = [
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Tuyên truyền, phổ biến nghị quyết",
    "Chuyển đổi số trong công tác tuyên giáo",
    "Dân vận khéo",
    "Xây dựng Đảng, sinh hoạt chi bộ",
    "Văn hóa, xã hội",
    "Phát triển kinh tế",
    "Quốc phòng, an ninh",
    "Lĩnh vực khác",
]


def seed(apps, schema_editor):
    Sector = apps.get_model("exemplars", "Sector")
    for order, name in enumerate(SECTORS, start=1):
        Sector.objects.get_or_create(name=name, defaults={"order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("exemplars", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
