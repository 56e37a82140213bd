from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "tuyengiao.documents"
    label = "documents"
    verbose_name = "Thư viện văn bản"
    # Set url_prefix (and nav_items) once the app has views; tuyengiao/urls.py mounts it.
    url_prefix: str | None = None
    nav_items: list[tuple[str, str, int]] = []
