"""The emulation's part of the dashboard: movements the unit takes part in and has not
self-assessed yet."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse

from tuyengiao.accounts.scoping import scoped
from tuyengiao.core.dashboard import SECTION_LIMIT, Item, Section

from .models import Entry


def sections(user: Any, today: date) -> list[Section]:
    unit = getattr(user, "unit", None)
    if unit is None:
        return []
    pending = (
        scoped(Entry, user)
        .filter(unit=unit, submitted_on__isnull=True, movement__year=today.year)
        .select_related("movement")
        .order_by("id")
    )
    items = [
        Item(
            text=e.movement.title,
            url=reverse("emulation:entry_detail", kwargs={"entry_pk": e.pk}),
            badge="Chưa tự chấm",
            badge_class="warn",
        )
        for e in pending[:SECTION_LIMIT]
    ]
    if not items:
        return []
    return [
        Section(
            "Thi đua: đơn vị cần tự chấm", 29, items, more_url=reverse("emulation:movement_list")
        )
    ]
