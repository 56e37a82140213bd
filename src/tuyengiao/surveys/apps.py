"""surveys: anonymous surveys reported in aggregate only, a suggestion box and published
questions and answers (hỏi – đáp) of a unit."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig

if TYPE_CHECKING:
    from tuyengiao.core.dashboard import Section


class SurveysConfig(AppConfig):
    name = "tuyengiao.surveys"
    label = "surveys"
    verbose_name = "Khảo sát, hộp thư góp ý"
    url_prefix: str | None = "khao-sat/"
    nav_items: list[tuple[str, str, int]] = [
        ("Khảo sát", "surveys:survey_list", 65),
        ("Hộp thư góp ý", "surveys:box_list", 66),
    ]
    member_nav_items: list[tuple[str, str, int]] = [
        ("Khảo sát của tôi", "surveys:my_surveys", 14),
        ("Gửi câu hỏi, góp ý", "surveys:member_suggest", 15),
        ("Hỏi – đáp", "surveys:faq", 16),
    ]
    member_url_names = (
        "surveys:my_surveys",
        "surveys:survey_answer",
        "surveys:member_suggest",
        "surveys:faq",
    )

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models

        # Only what officers build is in the change log. Participation, answers and suggestions
        # are not: a log entry's time and actor would join a person to an answer or a suggestion.
        auditlog.register(models.Survey, m2m_fields={"audience_units", "audience_roles"})
        auditlog.register(models.Question)
        auditlog.register(models.Section)
        auditlog.register(models.SuggestionBox)

    def dashboard_sections(self, user: Any, today: date) -> list[Section]:
        from .dashboard import sections

        return sections(user, today)
