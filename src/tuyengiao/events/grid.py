"""The month and week grids: days (Monday first, as Vietnamese calendars print them) with the
entries that fall on each. A multi-day entry (a campaign's window) is shown on its first day in
the grid and listed once above it."""

from __future__ import annotations

import calendar as stdlib_calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from .services.agenda import Entry

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


@dataclass
class Day:
    day: date
    in_month: bool
    today: bool
    entries: list[Entry] = field(default_factory=list)

    @property
    def weekday(self) -> str:
        return WEEKDAYS[self.day.weekday()]


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, stdlib_calendar.monthrange(year, month)[1])


def grid_bounds(first: date, last: date) -> tuple[date, date]:
    """From the Monday on or before ``first`` to the Sunday on or after ``last``."""
    return first - timedelta(days=first.weekday()), last + timedelta(days=6 - last.weekday())


def days(
    start: date, end: date, entries: list[Entry], today: date, month: int | None = None
) -> list[Day]:
    out = [
        Day(
            start + timedelta(days=n),
            month is None or (start + timedelta(days=n)).month == month,
            start + timedelta(days=n) == today,
        )
        for n in range((end - start).days + 1)
    ]
    index = {d.day: d for d in out}
    for e in entries:
        shown = max(e.start, start)
        if shown in index:
            index[shown].entries.append(e)
    return out


def weeks(all_days: list[Day]) -> list[list[Day]]:
    return [all_days[i : i + 7] for i in range(0, len(all_days), 7)]


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1
