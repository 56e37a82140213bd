"""The index of the visible_to_all branch of a user's scope (``accounts.scoping.view_keys``)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_search_index"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="document",
            index=models.Index(
                condition=models.Q(("visible_to_all", True)),
                fields=["date"],
                name="documents_visible_to_all",
            ),
        ),
    ]
