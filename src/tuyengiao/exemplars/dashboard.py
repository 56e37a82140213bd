"""The exemplars' part of the dashboard: models waiting for the user's unit to review them."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse

from tuyengiao.accounts.scoping import Action, can, scoped
from tuyengiao.core.dashboard import SECTION_LIMIT, Item, Section

from .models import Exemplar, Status


def sections(user: Any, today: date) -> list[Section]:
    unit = getattr(user, "unit", None)
    if unit is None or not can(user, Action.CHANGE, unit):
        return []
    pending = (
        scoped(Exemplar, user)
        .filter(reviewer=unit, status=Status.PROPOSED)
        .exclude(unit=unit)
        .select_related("unit")
        .order_by("proposed_on", "id")
    )
    items = [
        Item(
            text=f"{e.title} — {e.unit.name}",
            url=reverse("exemplars:detail", kwargs={"exemplar_pk": e.pk}),
            badge="Chờ xét",
            badge_class="warn",
        )
        for e in pending[:SECTION_LIMIT]
    ]
    if not items:
        return []
    return [
        Section(
            "Mô hình, điển hình chờ xét công nhận",
            30,
            items,
            more_url=reverse("exemplars:proposals"),
        )
    ]
