from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tuyengiao.core"
    label = "core"
    verbose_name = "Lõi"
    nav_items = [("Tuần này", "core:dashboard", 0)]

    def ready(self) -> None:
        from django.db.models import fields

        from . import checks  # noqa: F401 - registers the deploy checks

        # The empty choice of every select built from a model field (Django's hook for it; its
        # "- Select an option -" has no Vietnamese translation).
        fields.BLANK_CHOICE_LABEL = "— Chọn —"
