"""A server-rendered, Gantt-like timeline of a plan's tasks (inline SVG geometry, no JavaScript)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.utils import timezone

if TYPE_CHECKING:
    from .models import Task

LABEL_W = 300  # task titles, drawn inside the SVG so that rows stay aligned at any width
WIDTH = 700  # the time axis
ROW_H = 26
TOP = 30


@dataclass
class Bar:
    task: Task
    y: int
    x: float | None
    w: float | None
    text: str
    css: str  # "done", "late", "open", "recurring" or "nodate"
    label: str = ""


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
    label_w: int = LABEL_W

    @property
    def total_width(self) -> int:
        return self.label_w + self.width + 10


def _x(d: date, start: date, span: int) -> float:
    return round(LABEL_W + (d - start).days / span * WIDTH, 1)


def build_gantt(tasks: list[Task], today: date | None = None) -> Gantt:
    today = today or timezone.localdate()
    dated = [t for t in tasks if t.start_date or t.end_date]
    if dated:
        first = min((t.start_date or t.end_date) for t in dated if (t.start_date or t.end_date))  # type: ignore[type-var]
        last = max((t.end_date or t.start_date) for t in dated if (t.end_date or t.start_date))  # type: ignore[type-var]
    else:
        first, last = date(today.year, 1, 1), date(today.year, 12, 31)
    first = date(first.year, 1, 1)  # type: ignore[union-attr]
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
        statuses = getattr(task, "status_set", None)
        if statuses is None:
            assignments = list(getattr(task, "visible_assignments", None) or task.assignments.all())
            statuses = {a.status(today) for a in assignments}
        if x is None:
            css = "recurring" if task.recurrence != "none" or task.ongoing else "nodate"
        elif statuses and statuses == {"done"}:
            css = "done"
        elif "overdue" in statuses:
            css = "late"
        elif task.recurrence != "none":
            css = "recurring"
        else:
            css = "open"
        bars.append(
            Bar(
                task,
                y,
                x,
                w,
                task.timeframe.label() or "chưa xác định thời gian",
                css,
                f"{i + 1}. {short(task.title)}",
            )
        )
    ticks = []
    years = last.year - first.year + 1
    step = 1 if years == 1 else 3 if years <= 3 else 12
    for year in range(first.year, last.year + 1):
        for month in range(1, 13, step):
            d = date(year, month, 1)
            ticks.append(Tick(_x(d, first, span), str(year) if month == 1 else f"T{month}"))
    today_x = _x(today, first, span) if first <= today <= last else None
    return Gantt(bars, ticks, today_x, WIDTH, TOP + len(tasks) * ROW_H + 6, ROW_H)


def short(text: str, limit: int = 44) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
