"""Dashboard section: briefings of the user's unit and above held in the last weeks, with the
number of talks recorded since."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.urls import reverse

from tuyengiao.accounts.scoping import scoped
from tuyengiao.core.dashboard import SECTION_LIMIT, Item, Section

from .models import Briefing


def sections(user: Any, today: date) -> list[Section]:
    recent = (
        scoped(Briefing, user)
        .filter(held_on__gte=today - timedelta(days=45), held_on__lte=today + timedelta(days=30))
        .select_related("unit")
        .order_by("held_on")
    )
    total = recent.count()
    if not total:
        return []
    return [
        Section(
            "Hội nghị báo cáo viên",
            order=65,
            items=[
                Item(
                    f"{b.title} — {b.unit}",
                    reverse("speakers:briefing_detail", kwargs={"briefing_pk": b.pk}),
                    when=b.held_on,
                    badge=f"{b.talks.count()} buổi nói chuyện",
                    badge_class="",
                )
                for b in recent[:SECTION_LIMIT]
            ],
            more_url=reverse("speakers:briefing_list"),
            total=total,
        )
    ]
