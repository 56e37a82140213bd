"""The kinds of activity units record most, as the seeds of the list (editable afterwards)."""

from django.db import migrations

KINDS = [
    ("Hội nghị (quán triệt, triển khai, sơ kết, tổng kết)", False),
    ("Nói chuyện chuyên đề", False),
    ("Triển lãm", False),
    ("Panô, áp phích, khẩu hiệu, băng rôn", False),
    ("Tin bài trên trang thông tin của đơn vị", True),
    ("Phát thanh, loa truyền thanh", False),
    ("Sân khấu hóa, văn nghệ", False),
    ("Chiếu phim", False),
    ("Cuộc thi", False),
    ("Mạng nội bộ, nhóm Zalo của đơn vị", True),
    ("Tài liệu, tờ gấp phát hành", False),
    ("Hoạt động khác", False),
]


def seed(apps, schema_editor):
    ActivityKind = apps.get_model("activities", "ActivityKind")
    for order, (name, counts_items) in enumerate(KINDS, start=1):
        ActivityKind.objects.get_or_create(
            name=name, defaults={"order": order * 10, "counts_items": counts_items}
        )


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
