"""The deadline calculator against the 2026 and 2027 calendars: the official days off of the
public service (Tết Bính Ngọ 16–20/02/2026 per the government's notice; Giỗ Tổ 10/3 âm lịch on a
Sunday in 2026, taken on Monday; Quốc khánh 01–02/09/2026 with 31/08 swapped for Saturday 22/08;
Tết Đinh Mùi 2027 from 04/02 to 10/02; 24/11 Ngày Văn hóa Việt Nam)."""

from __future__ import annotations

from datetime import date

import pytest

from tuyengiao.privacy import deadlines

# Days off of the public service in 2026 and 2027 that fall on weekdays (the calendar the tests
# check the module against). Tết 2026: 16/02 (29 tháng Chạp) to 20/02 (mùng 4); Tết 2027: the
# 5 days of the Code plus the days in lieu of those falling on the weekend.
DAYS_OFF_2026 = {
    date(2026, 1, 1),
    *(date(2026, 2, d) for d in range(16, 21)),
    date(2026, 4, 27),  # Giỗ Tổ (10/3 âm lịch = Sunday 26/04) taken on Monday
    date(2026, 4, 30),
    date(2026, 5, 1),
    date(2026, 8, 31),  # swapped: Saturday 22/08 is worked instead
    date(2026, 9, 1),
    date(2026, 9, 2),
    date(2026, 11, 24),
}
WORKED_SATURDAYS_2026 = {date(2026, 8, 22)}
TET_2027 = {date(2027, 2, d) for d in (4, 5, 8, 9, 10)}  # weekdays of 04/02–10/02/2027


def test_holidays_of_2026_are_the_official_days_off() -> None:
    weekdays_off = {d for d in deadlines.holidays_of(2026) if d.weekday() < 5}
    assert weekdays_off >= DAYS_OFF_2026
    for day in DAYS_OFF_2026:
        assert not deadlines.is_working_day(day), day
    for day in WORKED_SATURDAYS_2026:
        assert deadlines.is_working_day(day), day


def test_tet_2027_and_the_lunar_holidays() -> None:
    for day in TET_2027:
        assert not deadlines.is_working_day(day), day
    # Giỗ Tổ Hùng Vương 2027: 10/3 âm lịch = Friday 16/04/2027
    assert not deadlines.is_working_day(date(2027, 4, 16))
    assert deadlines.is_working_day(date(2027, 4, 15))
    # 1/5/2027 is a Saturday: taken on Monday 03/05
    assert not deadlines.is_working_day(date(2027, 5, 3))


@pytest.mark.parametrize(
    ("received", "respond_by"),
    [
        # an ordinary week: Tuesday → Thursday
        (date(2026, 3, 10), date(2026, 3, 12)),
        # Friday before Tết Bính Ngọ: Tết 16–20/02, then Monday 23 and Tuesday 24
        (date(2026, 2, 13), date(2026, 2, 24)),
        # received during Tết
        (date(2026, 2, 17), date(2026, 2, 24)),
        # Friday before Giỗ Tổ (in lieu Monday 27/04) and 30/04–01/05
        (date(2026, 4, 24), date(2026, 4, 29)),
        (date(2026, 4, 29), date(2026, 5, 5)),
        # Quốc khánh 2026: 31/08–02/09 off
        (date(2026, 8, 28), date(2026, 9, 4)),
        # Wednesday 03/02/2027 before Tết Đinh Mùi: 04/02–10/02 off
        (date(2027, 2, 3), date(2027, 2, 12)),
        # over a new year: 31/12/2026 (Thursday), 01/01/2027 off
        (date(2026, 12, 31), date(2027, 1, 5)),
    ],
)
def test_respond_by_counts_two_working_days(received: date, respond_by: date) -> None:
    assert deadlines.respond_by(received) == respond_by
    assert deadlines.working_days_between(received, respond_by) == 2


def test_complete_by_is_fifteen_days_moved_off_a_holiday() -> None:
    # 10/03/2026 + 15 days = Wednesday 25/03: a working day
    assert deadlines.complete_by(date(2026, 3, 10)) == date(2026, 3, 25)
    # 02/02/2026 + 15 = 17/02 (Tết): the next working day is Monday 23/02
    assert deadlines.complete_by(date(2026, 2, 2)) == date(2026, 2, 23)
    # with a third party: 20 days; 27/01/2027 + 20 = 16/02/2027 (Tuesday, after Tết)
    assert deadlines.complete_by(date(2027, 1, 27), third_party=True) == date(2027, 2, 16)
    # one extension of at most 15 days
    assert deadlines.complete_by(date(2026, 3, 10), extended_days=15) == date(2026, 4, 9)
    with pytest.raises(ValueError):
        deadlines.complete_by(date(2026, 3, 10), extended_days=16)
