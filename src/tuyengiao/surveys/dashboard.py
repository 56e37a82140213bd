"""The surveys part of "Tuần này": the unit's open surveys closing within the week (with the
response rate, counts only) and the suggestions of the unit's box not answered yet."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse

from tuyengiao.accounts.permissions import is_officer
from tuyengiao.accounts.scoping import scoped
from tuyengiao.core.dashboard import SECTION_LIMIT, WEEK_DAYS, Item, Section

from .models import Suggestion, SuggestionStatus, Survey, SurveyStatus


def sections(user: Any, today: date) -> list[Section]:
    unit = getattr(user, "unit", None)
    if unit is None or not is_officer(user):
        return []
    surveys = (
        scoped(Survey, user)
        .filter(
            unit=unit, status=SurveyStatus.OPEN, closes_on__lte=today + timedelta(days=WEEK_DAYS)
        )
        .annotate(
            asked=Count("participations"),
            answered=Count("participations", filter=Q(participations__answered=True)),
        )
        .order_by("closes_on", "id")
    )
    survey_items = [
        Item(
            text=s.title,
            url=reverse("surveys:survey_detail", kwargs={"survey_pk": s.pk}),
            when=s.closes_on,
            badge="Quá hạn" if s.closes_on < today else f"{s.answered}/{s.asked} đã trả lời",
            badge_class="bad" if s.closes_on < today else "",
        )
        for s in surveys[:SECTION_LIMIT]
    ]
    waiting = (
        scoped(Suggestion, user)
        .filter(unit=unit, status=SuggestionStatus.NEW)
        .order_by("received_on", "id")
    )
    suggestion_items = [
        Item(
            text=s.text[:100],
            url=reverse("surveys:suggestion_detail", kwargs={"suggestion_pk": s.pk}),
            when=s.received_on,
            badge=f"{(today - s.received_on).days} ngày",
            badge_class="warn" if (today - s.received_on).days > WEEK_DAYS else "",
        )
        for s in waiting[:SECTION_LIMIT]
    ]
    return [
        Section(
            "Khảo sát sắp hết hạn",
            55,
            survey_items,
            empty="Không có khảo sát nào hết hạn trong 7 ngày tới.",
            more_url=reverse("surveys:survey_list"),
            total=surveys.count(),
        ),
        Section(
            "Câu hỏi, góp ý chưa trả lời",
            56,
            suggestion_items,
            empty="Hộp thư không còn câu hỏi nào chờ trả lời.",
            more_url=reverse("surveys:box_list") + "?status=new",
            total=waiting.count(),
        ),
    ]
