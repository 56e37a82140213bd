"""The inspections' part of the dashboard: the unit's recommendations to carry out (deadline this
week or overdue), and for the inspecting unit its visits planned this week and the follow-ups
waiting for its acceptance."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.urls import reverse

from tuyengiao.accounts.scoping import scoped
from tuyengiao.core.dashboard import SECTION_LIMIT, WEEK_DAYS, Item, Section

from . import services
from .models import Recommendation, Visit, VisitState


def _short(text: str, n: int = 120) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def sections(user: Any, today: date) -> list[Section]:
    unit = getattr(user, "unit", None)
    if unit is None:
        return []
    horizon = today + timedelta(days=WEEK_DAYS)
    own = (
        scoped(Recommendation, user)
        .filter(visit__unit=unit, accepted_on__isnull=True, due_date__lte=horizon)
        .select_related("assignment", "visit")
        .order_by("due_date", "id")
    )
    own_items = [
        Item(
            text=_short(r.text),
            url=reverse("plans:assignment_detail", kwargs={"assignment_pk": r.assignment_id})
            if r.assignment_id
            else reverse("inspections:visit_detail", kwargs={"visit_pk": r.visit_id}),
            when=r.due_date,
            badge="Quá hạn" if r.due_date < today else "Sắp đến hạn",
            badge_class="bad" if r.due_date < today else "warn",
        )
        for r in own[:SECTION_LIMIT]
    ]
    visits = (
        scoped(Visit, user)
        .filter(
            inspection__unit=unit,
            inspection__planned_on__range=(today, horizon),
            state__in=[VisitState.PLANNED, VisitState.VISITED],
        )
        .select_related("inspection", "unit")
        .order_by("inspection__planned_on", "id")
    )
    visit_items = [
        Item(
            text=f"{v.unit.name}: {_short(v.inspection.title)}",
            url=reverse("inspections:visit_detail", kwargs={"visit_pk": v.pk}),
            when=v.inspection.planned_on,
            badge=v.get_state_display(),
            badge_class=v.badge,
        )
        for v in visits[:SECTION_LIMIT]
    ]
    waiting = [
        r
        for r in scoped(Recommendation, user)
        .filter(visit__inspection__unit=unit, accepted_on__isnull=True)
        .select_related("assignment", "visit__unit")
        .order_by("due_date", "id")[:200]
        if services.ready_for_acceptance(r)
    ]
    waiting_items = [
        Item(
            text=f"{r.visit.unit.name}: {_short(r.text)}",
            url=reverse("inspections:visit_detail", kwargs={"visit_pk": r.visit_id}),
            when=r.due_date,
            badge="Chờ chấp nhận",
            badge_class="warn",
        )
        for r in waiting[:SECTION_LIMIT]
    ]
    result = []
    if own_items:
        result.append(
            Section(
                "Kiến nghị sau kiểm tra cần khắc phục",
                26,
                own_items,
                more_url=reverse("inspections:my_inspections"),
            )
        )
    if visit_items:
        result.append(
            Section(
                "Kiểm tra, giám sát trong tuần",
                27,
                visit_items,
                more_url=reverse("inspections:inspection_list"),
            )
        )
    if waiting_items:
        result.append(
            Section(
                "Kết quả khắc phục chờ chấp nhận",
                28,
                waiting_items,
                behind=True,
                total=len(waiting),
            )
        )
    return result
