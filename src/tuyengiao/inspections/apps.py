"""inspections: inspections and supervisions (kiểm tra, giám sát) of units' work on plans — the
checklist drafted from the unit's own data, findings on a phone, the conclusion (.docx) and its
recommendations tracked as tasks of the inspected unit."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig

if TYPE_CHECKING:
    from tuyengiao.core.dashboard import Section


class InspectionsConfig(AppConfig):
    name = "tuyengiao.inspections"
    label = "inspections"
    verbose_name = "Kiểm tra, giám sát"
    url_prefix: str | None = "kiem-tra/"
    nav_items: list[tuple[str, str, int]] = [
        ("Kiểm tra, giám sát", "inspections:inspection_list", 70),
        ("Kiểm tra đối với đơn vị", "inspections:my_inspections", 71),
        ("Sơ kết, tổng kết", "inspections:review_list", 72),
    ]

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.Inspection)
        auditlog.register(models.TeamMember)
        auditlog.register(models.Visit)
        auditlog.register(models.ChecklistLine, exclude_fields=["updated_at"])
        auditlog.register(models.Recommendation)
        auditlog.register(models.Review)
        auditlog.register(models.ReviewReport)

    def dashboard_sections(self, user: Any, today: date) -> list[Section]:
        from .dashboard import sections

        return sections(user, today)
