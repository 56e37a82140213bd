from django.apps import AppConfig


class StudyConfig(AppConfig):
    name = "tuyengiao.study"
    label = "study"
    verbose_name = "Học tập nghị quyết"
    # Set url_prefix (and nav_items) once the app has views; tuyengiao/urls.py mounts it.
    url_prefix: str | None = None
    nav_items: list[tuple[str, str, int]] = []
