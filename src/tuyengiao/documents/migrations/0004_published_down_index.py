"""The index of the ancestors' branch of a user's scope (``accounts.scoping.view_keys``): documents
of a unit above that are published down, found without reading the rows."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0003_visible_to_all_index"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="document",
            index=models.Index(
                condition=models.Q(("published_down", True)),
                fields=["unit"],
                name="documents_published_down",
            ),
        ),
    ]
