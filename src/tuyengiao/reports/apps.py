from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "tuyengiao.reports"
    label = "reports"
    verbose_name = "Báo cáo"
    # Set url_prefix (and nav_items) once the app has views; tuyengiao/urls.py mounts it.
    url_prefix: str | None = None
    nav_items: list[tuple[str, str, int]] = []
