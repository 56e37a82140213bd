from django.db import migrations

ROLES = [
    ("bao-cao-vien", "Báo cáo viên", 1),
    ("tuyen-truyen-vien", "Tuyên truyền viên", 2),
    ("cong-tac-vien-du-luan", "Cộng tác viên dư luận xã hội", 3),
    ("giang-vien-kiem-chuc", "Giảng viên kiêm chức", 4),
    ("phong-vien", "Phóng viên", 5),
    ("bien-tap-vien", "Biên tập viên", 6),
    ("can-bo-tuyen-giao", "Cán bộ tuyên giáo", 7),
]


def add_roles(apps, schema_editor):
    CommRole = apps.get_model("orgs", "CommRole")
    for code, name, order in ROLES:
        CommRole.objects.get_or_create(code=code, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("orgs", "0001_initial")]
    operations = [migrations.RunPython(add_roles, migrations.RunPython.noop)]
