"""The study part of the dashboard: sessions of the unit (and of the units above it) in the next
7 days, and for a superior the units below the target rate in the rounds it opened."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone

from tuyengiao.accounts.scoping import scoped
from tuyengiao.core.dashboard import SECTION_LIMIT, WEEK_DAYS, Item, Section
from tuyengiao.formats.numbers import percent

from .models import StudyRound, StudySession
from .services import rates


def own_sections(user: Any, today: date) -> list[Section]:
    unit = getattr(user, "unit", None)
    if unit is None:
        return []
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(today, time.min), tz)
    sessions = (
        scoped(StudySession, user)
        .filter(
            unit__in=unit.ancestors(include_self=True),
            starts_at__gte=start,
            starts_at__lt=start + timedelta(days=WEEK_DAYS + 1),
        )
        .select_related("round", "unit")
        .order_by("starts_at", "id")
    )
    items = []
    for s in sessions[:SECTION_LIMIT]:
        at = timezone.localtime(s.starts_at)
        items.append(
            Item(
                text=str(s),
                url=reverse("study:session_detail", kwargs={"session_pk": s.pk}),
                when=at.date(),
                badge=f"{at:%H:%M}",
                note=", ".join(
                    x for x in (s.place, s.unit.name if s.unit_id != unit.pk else "") if x
                ),
            )
        )
    return [
        Section(
            "Buổi học tập sắp tới",
            30,
            items,
            empty="Không có buổi học tập nào trong 7 ngày tới.",
            more_url=reverse("study:round_list"),
            total=sessions.count(),
        )
    ]


def behind_sections(user: Any, today: date) -> list[Section]:
    unit = getattr(user, "unit", None)
    if unit is None:
        return []
    items = []
    current = scoped(StudyRound, user).filter(unit=unit, starts_on__lte=today, ends_on__gte=today)
    for study_round in current.order_by("ends_on")[:SECTION_LIMIT]:
        rows = [r for r in rates.round_rates(study_round, unit) if not r.direct]
        below = [r for r in rows if r.below_target]
        figures = rates.rate_for_unit(study_round, unit)
        rate = figures["rate"]
        items.append(
            Item(
                text=(
                    f"{study_round.title}: tỷ lệ {percent(rate)}"
                    f" (chỉ tiêu {percent(study_round.target_rate, 0)})"
                ),
                url=reverse("study:round_detail", kwargs={"round_pk": study_round.pk}),
                when=study_round.ends_on,
                badge=f"{len(below)}/{len(rows)} đơn vị dưới chỉ tiêu" if below else "Đạt",
                badge_class="bad" if below else "ok",
            )
        )
    if not items:
        return []
    return [Section("Học tập của đơn vị cấp dưới", 52, items, behind=True)]


def sections(user: Any, today: date) -> list[Section]:
    return own_sections(user, today) + behind_sections(user, today)
