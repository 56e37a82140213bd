"""exemplars: exemplary models and good examples (mô hình, điển hình) — a unit proposes, the
superior recognises or returns; a searchable library of recognised models, a chart, and the
models feed the monthly bulletin and the interim/final reviews."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig

if TYPE_CHECKING:
    from tuyengiao.core.dashboard import Section


class ExemplarsConfig(AppConfig):
    name = "tuyengiao.exemplars"
    label = "exemplars"
    verbose_name = "Mô hình, điển hình"
    url_prefix: str | None = "dien-hinh/"
    nav_items: list[tuple[str, str, int]] = [
        ("Mô hình, điển hình", "exemplars:library", 77),
    ]

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.Exemplar)
        auditlog.register(models.Sector)

    def dashboard_sections(self, user: Any, today: date) -> list[Section]:
        from .dashboard import sections

        return sections(user, today)
