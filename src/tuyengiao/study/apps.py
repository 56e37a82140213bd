"""study: study rounds on resolutions — sessions, attendance, comprehension tests, essays."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig

if TYPE_CHECKING:
    from tuyengiao.core.dashboard import Section


class StudyConfig(AppConfig):
    name = "tuyengiao.study"
    label = "study"
    verbose_name = "Học tập nghị quyết"
    url_prefix: str | None = "hoc-tap/"
    nav_items: list[tuple[str, str, int]] = [("Học tập nghị quyết", "study:round_list", 60)]

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from tuyengiao.orgs import path_copies

        from . import models

        path_copies.register(models.RoundUnitTally, "unit__path")
        auditlog.register(models.StudyRound)
        auditlog.register(models.StudySession)
        auditlog.register(models.Eligibility)

    def dashboard_sections(self, user: Any, today: date) -> list[Section]:
        from .dashboard import sections

        return sections(user, today)
