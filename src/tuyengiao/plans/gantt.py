"""A server-rendered, Gantt-like timeline of a plan's tasks (inline SVG geometry, no JavaScript)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.utils import timezone

if TYPE_CHECKING:
    from .models import Task

LABEL_W = 0  # labels are drawn in an HTML column beside the chart
WIDTH = 720
ROW_H = 26
TOP = 22


@dataclass
class Bar:
    task: Task
    y: int
    x: float | None
    w: float | None
    text: str
    css: str  # "done", "late", "open", "recurring" or "nodate"


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Gantt:
    bars: list[Bar]
    ticks: list[Tick]
    today_x: float | None
    width: int
    height: int
    row_h: int


def _x(d: date, start: date, span: int) -> float:
    return round((d - start).days / span * WIDTH, 1)


def build_gantt(tasks: list[Task], today: date | None = None) -> Gantt:
    today = today or timezone.localdate()
    dated = [t for t in tasks if t.start_date or t.end_date]
    if dated:
        first = min((t.start_date or t.end_date) for t in dated if (t.start_date or t.end_date))  # type: ignore[type-var]
        last = max((t.end_date or t.start_date) for t in dated if (t.end_date or t.start_date))  # type: ignore[type-var]
    else:
        first, last = date(today.year, 1, 1), date(today.year, 12, 31)
    first = date(first.year, first.month, 1)  # type: ignore[union-attr]
    last = date(last.year, 12, 31)  # type: ignore[union-attr]
    span = max((last - first).days, 1)
    bars = []
    for i, task in enumerate(tasks):
        y = TOP + i * ROW_H
        start, end = task.start_date, task.end_date
        x: float | None = None
        w: float | None = None
        if start or end:
            s = start or first
            e = end or last
            x, w = _x(s, first, span), max(_x(e, first, span) - _x(s, first, span), 4)
        assignments = list(getattr(task, "visible_assignments", None) or task.assignments.all())
        statuses = {a.status(today) for a in assignments}
        if x is None:
            css = "recurring" if task.recurrence != "none" or task.ongoing else "nodate"
        elif assignments and statuses == {"done"}:
            css = "done"
        elif "overdue" in statuses:
            css = "late"
        elif task.recurrence != "none":
            css = "recurring"
        else:
            css = "open"
        bars.append(Bar(task, y, x, w, task.timeframe.label() or "chưa xác định thời gian", css))
    ticks = []
    for year in range(first.year, last.year + 1):
        for month in (1, 7) if last.year - first.year < 3 else (1,):
            d = date(year, month, 1)
            if first <= d <= last:
                ticks.append(
                    Tick(_x(d, first, span), f"{month:02d}/{year}" if month != 1 else str(year))
                )
    today_x = _x(today, first, span) if first <= today <= last else None
    return Gantt(bars, ticks, today_x, WIDTH, TOP + len(tasks) * ROW_H + 6, ROW_H)
