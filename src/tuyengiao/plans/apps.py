from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "tuyengiao.plans"
    label = "plans"
    verbose_name = "Kế hoạch"
    # Set url_prefix (and nav_items) once the app has views; tuyengiao/urls.py mounts it.
    url_prefix: str | None = None
    nav_items: list[tuple[str, str, int]] = []
