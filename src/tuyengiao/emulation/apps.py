"""emulation: emulation movements (thi đua) with criteria and points, self-assessment and the
superior's scoring and ranking, and the commendation register (khen thưởng) with certificates."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig

if TYPE_CHECKING:
    from tuyengiao.core.dashboard import Section


class EmulationConfig(AppConfig):
    name = "tuyengiao.emulation"
    label = "emulation"
    verbose_name = "Thi đua, khen thưởng"
    url_prefix: str | None = "thi-dua/"
    nav_items: list[tuple[str, str, int]] = [
        ("Thi đua", "emulation:movement_list", 75),
        ("Sổ khen thưởng", "emulation:register", 76),
        ("Đề nghị khen thưởng", "emulation:nomination_list", 76),
    ]

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.Movement)
        auditlog.register(models.Entry)
        auditlog.register(models.Commendation)
        auditlog.register(models.Nomination)
        auditlog.register(models.CertificateTemplate)

    def dashboard_sections(self, user: Any, today: date) -> list[Section]:
        from .dashboard import sections

        return sections(user, today)
