"""When an anniversary falls in a given year, and which ones are round.

Solar dates come back on the same day and month; 29/02 falls on 28/02 in a common year (the day
before 01/03, as Vietnamese calendars print it). Lunar dates are converted on the Vietnamese
lunisolar calendar (UTC+7, which differs from the Chinese one in some years) by the ``holidays``
package, which knows the lunar days that are holidays somewhere: the dates of ``LUNAR_DAYS``
below. Any other lunar day is refused by the form with a message naming these.

Round anniversaries (Nghị định 145/2013/NĐ-CP vocabulary): 5, 10, 15 … years after the event are
"năm chẵn" (``ROUND_EVERY``); 50, 75, 100, 125 … years are the large ones the calendar flags
(``MAJOR_FROM`` and ``MAJOR_EVERY``), planned months ahead.
"""

from __future__ import annotations

import calendar as stdlib_calendar
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Protocol

from holidays.calendars.chinese import VIETNAMESE_CALENDAR, _ChineseLunisolar

ROUND_EVERY = 5
MAJOR_FROM = 50
MAJOR_EVERY = 25
HORIZON_MONTHS = 24

_LUNISOLAR = _ChineseLunisolar(VIETNAMESE_CALENDAR)

# (lunar month, lunar day) → the holidays package's converter for that day of a Gregorian year.
LUNAR_DAYS: dict[tuple[int, int], Callable[[int], tuple[date | None, bool]]] = {
    (1, 1): lambda y: _LUNISOLAR.lunar_new_year_date(y),
    (3, 10): lambda y: _LUNISOLAR.hung_kings_date(y),
    (4, 15): lambda y: _LUNISOLAR.buddha_birthday_date(y),
    (5, 5): lambda y: _LUNISOLAR.dragon_boat_date(y),
    (8, 15): lambda y: _LUNISOLAR.mid_autumn_date(y),
    (9, 9): lambda y: _LUNISOLAR.double_ninth_date(y),
}
LUNAR_DAYS_TEXT = "01/01, 10/03, 15/04, 05/05, 15/08, 09/09"


def lunar_supported(day: int, month: int) -> bool:
    return (month, day) in LUNAR_DAYS


@cache
def lunar_to_solar(day: int, month: int, year: int) -> date | None:
    """The Gregorian date of lunar ``day/month`` in the lunar year that starts in ``year``."""
    convert = LUNAR_DAYS.get((month, day))
    if convert is None:
        return None
    return convert(year)[0]


def solar_in_year(day: int, month: int, year: int) -> date:
    """``day/month`` in ``year``; 29/02 of a common year is 28/02; a day past the month's end
    (31/04, refused by the form) is the month's last day."""
    last = stdlib_calendar.monthrange(year, month)[1]
    return date(year, month, min(day, last))


class HasDate(Protocol):
    """What the computation reads of an anniversary (the model, or any object alike)."""

    title: str
    day: int
    month: int
    lunar: bool
    year: int | None


def falls_on(anniversary: HasDate, year: int) -> date | None:
    """The day ``anniversary`` is celebrated in the Gregorian ``year`` (None: not computable)."""
    if anniversary.lunar:
        return lunar_to_solar(anniversary.day, anniversary.month, year)
    return solar_in_year(anniversary.day, anniversary.month, year)


def years_since(anniversary: HasDate, on: date) -> int | None:
    """How many years the anniversary of ``on`` marks (None without an event year)."""
    if not anniversary.year:
        return None
    return on.year - anniversary.year


def is_round(years: int | None) -> bool:
    return years is not None and years > 0 and years % ROUND_EVERY == 0


def is_major(years: int | None) -> bool:
    return years is not None and years >= MAJOR_FROM and years % MAJOR_EVERY == 0


@dataclass(frozen=True)
class Occurrence[T: HasDate]:
    anniversary: T
    on: date
    years: int | None

    @property
    def round(self) -> bool:
        return is_round(self.years)

    @property
    def major(self) -> bool:
        return is_major(self.years)

    @property
    def label(self) -> str:
        title = self.anniversary.title
        if self.years and self.years > 0:
            return f"Kỷ niệm {self.years} năm {title}"
        return title

    @property
    def badge(self) -> str:
        if self.major:
            return "Năm tròn lớn"
        if self.round:
            return "Năm chẵn"
        return ""


def occurrences[T: HasDate](
    anniversaries: Iterable[T], start: date, end: date
) -> list[Occurrence[T]]:
    """Every day from ``start`` to ``end`` (inclusive) on which one of ``anniversaries`` falls,
    in date order. A date before the event's own year is not an anniversary."""
    out: list[Occurrence[T]] = []
    for item in anniversaries:
        for year in range(start.year, end.year + 1):
            on = falls_on(item, year)
            if on is None or not start <= on <= end:
                continue
            years = years_since(item, on)
            if years is not None and years < 0:
                continue
            out.append(Occurrence(item, on, years))
    out.sort(key=lambda o: (o.on, o.anniversary.title))
    return out


def add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return solar_in_year(day.day, month, year)


def round_anniversaries[T: HasDate](
    anniversaries: Iterable[T], today: date, months: int = HORIZON_MONTHS
) -> list[Occurrence[T]]:
    """The round anniversaries (5, 10 … years) from ``today`` to ``months`` months ahead."""
    end = add_months(today, months)
    return [o for o in occurrences(anniversaries, today, end) if o.round]
