"""The calendar's part of "Tuần này": the anniversaries and campaigns of the coming week, and the
large round anniversaries (50, 75, 100 … years) of the coming months to prepare for."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.urls import reverse

from tuyengiao.accounts.scoping import scoped
from tuyengiao.core.dashboard import SECTION_LIMIT, WEEK_DAYS, Item, Section

from .anniversaries import add_months, occurrences
from .models import Anniversary
from .services.agenda import EntryKind, entries

# Large anniversaries are shown this many months ahead: time to plan the campaign.
MAJOR_AHEAD_MONTHS = 6


def sections(user: Any, today: date) -> list[Section]:
    if getattr(user, "unit", None) is None:  # the dashboard tells such an account why it is empty
        return []
    week = entries(
        user,
        today,
        today + timedelta(days=WEEK_DAYS),
        {EntryKind.ANNIVERSARY, EntryKind.CAMPAIGN, EntryKind.EVENT},
    )
    items = [
        Item(
            text=f"{e.kind_label}: {e.title}",
            url=e.url or reverse("events:month"),
            when=e.start if e.start >= today else e.end,
            badge=e.badge or ("Đang diễn ra" if e.start < today else ""),
            badge_class="warn" if e.badge == "Năm tròn lớn" else "",
            note=f"Đến {e.end:%d/%m/%Y}" if e.multi_day else "",
        )
        for e in week
    ]
    active = scoped(Anniversary, user).filter(active=True)
    major = [
        o
        for o in occurrences(
            active, today + timedelta(days=WEEK_DAYS + 1), add_months(today, MAJOR_AHEAD_MONTHS)
        )
        if o.major
    ]
    items += [
        Item(
            text=f"Sắp tới: {o.label}",
            url=reverse("events:anniversary_list") + "?tron=on",
            when=o.on,
            badge=o.badge,
            badge_class="warn",
        )
        for o in major
    ]
    return [
        Section(
            "Ngày kỷ niệm và tuyên truyền",
            25,
            items[:SECTION_LIMIT],
            empty="Không có ngày kỷ niệm hay đợt tuyên truyền nào trong 7 ngày tới.",
            more_url=reverse("events:month"),
            more_label="Xem lịch tuyên truyền",
            total=len(items),
        )
    ]
