"""study: study rounds on resolutions — sessions, attendance, comprehension tests, essays."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class StudyConfig(AppConfig):
    name = "tuyengiao.study"
    label = "study"
    verbose_name = "Học tập nghị quyết"
    url_prefix: str | None = "hoc-tap/"
    nav_items: list[tuple[str, str, int]] = [("Học tập nghị quyết", "study:round_list", 60)]
    # The member menu (accounts.permissions.is_member) and the pages a member may open.
    member_nav_items: list[tuple[str, str, int]] = [
        ("Học tập của tôi", "study:my_study", 10),
        ("Điểm danh", "study:checkin_code", 11),
    ]
    member_url_names = (
        "study:my_study",
        "study:checkin_code",
        "study:session_checkin",
        "study:test_start",
        "study:test_take",
        "study:essay_list",
    )

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from tuyengiao.orgs import path_copies

        from . import models

        path_copies.register(models.RoundUnitTally, "unit__path")

        from tuyengiao.orgs import handover as orgs_handover

        from .services import handover

        orgs_handover.register("study", handover.TITLE, handover.pending, handover.transfer)
        auditlog.register(models.StudyRound)
        auditlog.register(models.StudySession)
        auditlog.register(models.Eligibility)

    def dashboard_cards(self, user: Any) -> list[dict[str, Any]]:
        from django.urls import reverse
        from django.utils import timezone

        from tuyengiao.accounts.scoping import scoped

        from .models import StudyRound
        from .services import rates

        unit = getattr(user, "unit", None)
        if unit is None:
            return []
        today = timezone.localdate()
        current = scoped(StudyRound, user).filter(ends_on__gte=today).order_by("ends_on").first()
        if current is None or (not current.unit.contains(unit) and not unit.contains(current.unit)):
            return []
        figures = rates.rate_for_unit(
            current, unit if current.unit.contains(unit) else current.unit
        )
        rate = figures["rate"]
        return [
            {
                "label": f"Tỷ lệ học tập: {current.title}",
                "value": f"{rate:.1f} %" if rate is not None else "—",
                "url": reverse("study:round_detail", kwargs={"round_pk": current.pk}),
            }
        ]
