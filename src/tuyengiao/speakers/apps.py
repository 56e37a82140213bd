"""speakers: the network of báo cáo viên, tuyên truyền viên and cộng tác viên — rosters and
terms, training (attendance through the study app), periodic briefings and the talks that follow,
contests with a jury and a rubric."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig

if TYPE_CHECKING:
    from tuyengiao.core.dashboard import Section


class SpeakersConfig(AppConfig):
    name = "tuyengiao.speakers"
    label = "speakers"
    verbose_name = "Báo cáo viên, tuyên truyền viên"
    url_prefix: str | None = "bao-cao-vien/"
    nav_items: list[tuple[str, str, int]] = [
        ("Báo cáo viên, tuyên truyền viên", "speakers:roster", 62)
    ]
    member_nav_items: list[tuple[str, str, int]] = [
        ("Hội nghị báo cáo viên", "speakers:my_briefings", 12),
        ("Chấm thi", "speakers:my_scoring", 13),
    ]
    member_url_names = (
        "speakers:my_briefings",
        "speakers:talk_add",
        "speakers:my_scoring",
        "speakers:score_entry",
    )

    def member_nav_allowed(self, user: Any, url_name: str) -> bool:
        """A member sees "Hội nghị báo cáo viên" only when on a roster, "Chấm thi" only when on a
        jury: other members have nothing there."""
        from .models import Appointment, Juror

        person_id: int = getattr(user, "person_id", None) or 0
        if url_name == "speakers:my_briefings":
            return Appointment.objects.filter(person_id=person_id).exists()
        if url_name == "speakers:my_scoring":
            return Juror.objects.filter(person_id=person_id).exists()
        return True

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.Appointment)
        auditlog.register(models.Course)
        auditlog.register(models.Briefing)
        auditlog.register(models.Score)

    def dashboard_sections(self, user: Any, today: date) -> list[Section]:
        from .dashboard import sections

        return sections(user, today)
