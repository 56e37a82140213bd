"""documents: the library of directives, plans and reports, with search and the citation graph."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig

if TYPE_CHECKING:
    from tuyengiao.core.dashboard import Section


class DocumentsConfig(AppConfig):
    name = "tuyengiao.documents"
    label = "documents"
    verbose_name = "Thư viện văn bản"
    url_prefix: str | None = "tai-lieu/"
    nav_items: list[tuple[str, str, int]] = [("Thư viện văn bản", "documents:document_list", 30)]

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.Document, exclude_fields=["text", "parsed", "search_folded"])
        auditlog.register(models.FieldCorrection)

    def dashboard_sections(self, user: Any, today: date) -> list[Section]:
        from .dashboard import sections

        return sections(user, today)
