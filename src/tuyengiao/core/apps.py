from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tuyengiao.core"
    label = "core"
    verbose_name = "Lõi"
    nav_items = [("Tổng quan", "core:dashboard", 0)]

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the deploy checks
