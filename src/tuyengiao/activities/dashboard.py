"""The activity register's part of the dashboard: the unit's activities of the last 30 days
(with the button to record one), and for a superior the units below (cells aside) with none
recorded."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.urls import reverse

from tuyengiao.accounts.scoping import Action, can
from tuyengiao.core.dashboard import Item, Section
from tuyengiao.orgs.models import UnitKind

from .services import rollups

RECENT_DAYS = 30


def sections(user: Any, today: date) -> list[Section]:
    unit = getattr(user, "unit", None)
    if unit is None:
        return []
    start = today - timedelta(days=RECENT_DAYS - 1)
    window = rollups.Window(unit, start, today)
    rows, _with_activity, _children = rollups.by_child(window)
    count = sum(r.count for r in rows)
    reached = sum(r.reached for r in rows)
    # Cells (chi bộ) do their communication work through their base organisation, which records
    # it: only the units below that keep a register of their own are counted as behind.
    keeping = [
        r for r in rows if r.unit is not None and not r.direct and r.unit.kind != UnitKind.CELL
    ]
    children = len(keeping)
    with_activity = sum(1 for r in keeping if r.count)
    since = f"?start={start:%d/%m/%Y}&end={today:%d/%m/%Y}"
    items = [
        Item(
            text=f"{count} hoạt động, {reached} lượt người được tuyên truyền trong {RECENT_DAYS} ngày qua",
            url=reverse("activities:rollup") + since,
        )
    ]
    if can(user, Action.CHANGE, unit):
        items.append(Item(text="Ghi hoạt động mới", url=reverse("activities:activity_create")))
    out = [Section("Hoạt động tuyên truyền", 45, items)]
    if children and with_activity < children:
        out.append(
            Section(
                "Hoạt động tuyên truyền của đơn vị cấp dưới",
                55,
                [
                    Item(
                        text=(
                            f"{children - with_activity}/{children} đơn vị trực thuộc chưa ghi "
                            f"hoạt động nào trong {RECENT_DAYS} ngày qua"
                        ),
                        url=reverse("activities:rollup") + since,
                        badge="Cần nhắc",
                        badge_class="warn",
                    )
                ],
                behind=True,
            )
        )
    return out
