"""The round-anniversary computation: leap years, lunar dates, the national list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from tuyengiao.events.anniversaries import (
    falls_on,
    is_major,
    is_round,
    occurrences,
    round_anniversaries,
)
from tuyengiao.events.models import Anniversary
from tuyengiao.events.national import NATIONAL


@dataclass
class Day:
    title: str
    day: int
    month: int
    year: int | None
    lunar: bool = False


def test_round_and_major_years() -> None:
    assert [y for y in range(0, 101) if is_round(y)] == list(range(5, 101, 5))
    assert [y for y in range(0, 201) if is_major(y)] == [50, 75, 100, 125, 150, 175, 200]
    assert not is_round(None) and not is_major(None)


def test_29_february_falls_on_28_february_of_a_common_year() -> None:
    leap = Day("Ngày 29/02", 29, 2, 1960)
    assert falls_on(leap, 2026) == date(2026, 2, 28)
    assert falls_on(leap, 2028) == date(2028, 2, 29)
    found = occurrences([leap], date(2027, 1, 1), date(2028, 12, 31))
    assert [(o.on, o.years) for o in found] == [(date(2027, 2, 28), 67), (date(2028, 2, 29), 68)]


def test_the_window_crosses_a_leap_day_once() -> None:
    """From 01/03/2027 to 28/02/2029: the 29/02/2028 occurrence counts once, no duplicate on
    28/02/2028, and 2029's falls on 28/02."""
    leap = Day("Ngày 29/02", 29, 2, 1980)
    found = occurrences([leap], date(2027, 3, 1), date(2029, 2, 28))
    assert [o.on for o in found] == [date(2028, 2, 29), date(2029, 2, 28)]
    assert [o.years for o in found] == [48, 49]


def test_no_anniversary_before_the_event() -> None:
    found = occurrences([Day("Sự kiện", 1, 6, 2027)], date(2026, 1, 1), date(2028, 12, 31))
    assert [(o.on, o.years, o.label) for o in found] == [
        (date(2027, 6, 1), 0, "Sự kiện"),
        (date(2028, 6, 1), 1, "Kỷ niệm 1 năm Sự kiện"),
    ]


def test_lunar_hung_kings_on_the_vietnamese_calendar() -> None:
    gio_to = Day("Giỗ Tổ Hùng Vương", 10, 3, None, lunar=True)
    assert falls_on(gio_to, 2026) == date(2026, 4, 26)
    assert falls_on(gio_to, 2027) == date(2027, 4, 16)
    # no event year: on the calendar every year, never a round anniversary
    found = occurrences([gio_to], date(2026, 1, 1), date(2027, 12, 31))
    assert [o.on for o in found] == [date(2026, 4, 26), date(2027, 4, 16)]
    assert not any(o.round for o in found)
    assert round_anniversaries([gio_to], date(2026, 1, 1)) == []


@pytest.mark.django_db
def test_the_national_list_is_seeded_with_a_source_for_each_date() -> None:
    national = Anniversary.objects.filter(unit=None)
    assert national.count() == len(NATIONAL)
    assert all(a.source for a in national)
    founding = national.get(title="Ngày thành lập Đảng Cộng sản Việt Nam")
    assert (founding.day, founding.month, founding.year) == (3, 2, 1930)


@pytest.mark.django_db
def test_round_anniversaries_over_the_national_list_for_24_months() -> None:
    national = list(Anniversary.objects.filter(unit=None))
    coming = round_anniversaries(national, date(2029, 12, 1))  # to 01/12/2031
    labels = {(o.on, o.label, o.major) for o in coming}
    assert (
        date(2030, 2, 3),
        "Kỷ niệm 100 năm Ngày thành lập Đảng Cộng sản Việt Nam",
        True,
    ) in labels
    assert (date(2030, 5, 19), "Kỷ niệm 140 năm Ngày sinh Chủ tịch Hồ Chí Minh", False) in labels
    assert (
        date(2030, 9, 2),
        "Kỷ niệm 85 năm Ngày Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam",
        False,
    ) in labels
    assert (
        date(2030, 4, 30),
        "Kỷ niệm 55 năm Ngày Giải phóng miền Nam, thống nhất đất nước",
        False,
    ) in labels
    assert (
        date(2030, 10, 20),
        "Kỷ niệm 100 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (Ngày Phụ nữ Việt Nam)",
        True,
    ) in labels
    # only round ones, all inside the window, in date order
    assert all(o.round for o in coming)
    assert all(date(2029, 12, 1) <= o.on <= date(2031, 12, 1) for o in coming)
    assert [o.on for o in coming] == sorted(o.on for o in coming)
    # 2031: the 100th year of the Youth Union (26/03/1931), flagged large
    assert any(o.major and o.on == date(2031, 3, 26) for o in coming)
    # 07/05/1954 → 2030 is the 76th: not round
    assert not any("Điện Biên Phủ" in o.label for o in coming if o.on.year == 2030)


@pytest.mark.django_db
def test_the_great_days_cite_the_article_that_lists_them() -> None:
    founding = Anniversary.objects.get(unit=None, title="Ngày thành lập Đảng Cộng sản Việt Nam")
    assert founding.source == "Nghị định 145/2013/NĐ-CP, Điều 4 (các ngày lễ lớn)"
    assert not Anniversary.objects.filter(source__contains="Điều 3").exists()
