"""Working days and the legal deadlines of a data subject's request, in one place.

Holidays — Bộ luật Lao động 2019 (Luật số 45/2019/QH14), Điều 112 khoản 1: Tết Dương lịch
(1/1), Tết Âm lịch (5 ngày), Ngày Chiến thắng (30/4), Ngày Quốc tế lao động (1/5), Quốc khánh
(2/9 and one day before or after it), Giỗ Tổ Hùng Vương (10/3 âm lịch); khoản 3 of the same
article lets the Prime Minister fix each year which days the Tết and Quốc khánh holidays fall on.
Holidays falling on a weekend are taken on the next working day, and the government's yearly
notices swap working days (a Saturday worked for a day off bridging a holiday). Since 2026
Ngày Văn hóa Việt Nam (24/11) is also a paid holiday.

The calendar is not kept by hand: the lunar dates (Tết, 10/3 âm lịch) are computed on the
Vietnamese lunisolar calendar (UTC+7, which differs from the Chinese one in some years) and the
yearly notices (days swapped, days taken in lieu, the five Tết days chosen) come from the PyPI
package ``holidays`` (country "VN"), maintained by the Open World Holidays Framework and updated
each year when the government publishes its notice. A year whose notice is not out yet gets the
rules of the Code (lunar dates computed, weekend holidays taken on the next working day). Weekly
rest: Saturday and Sunday (the 40-hour, Monday-to-Friday week of the public service, Quyết định
188/1999/QĐ-TTg).

Response time — a data subject's request (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Điều 4:
xem, chỉnh sửa, cung cấp, xóa, hạn chế xử lý, phản đối) is answered under Nghị định
356/2025/NĐ-CP, which details khoản 5 Điều 4 of the Law: the controller **responds within 2
working days** of receiving the request; stopping the processing (withdrawal of consent,
restriction, objection) is **completed within 15 days**, 20 when a processor or a third party
must stop too, extendable once by at most 15 days. The article of the decree that sets these
times could not be read in the stored copies of its text (see ``privacy/legal.py``); the figures
are those the published commentaries give. The same 15 days are used as the completion time of
access, correction and erasure requests — the register's internal target, which the controller's
legal officer must confirm.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays

ACKNOWLEDGE_WORKING_DAYS = 2
COMPLETE_DAYS = 15
COMPLETE_DAYS_WITH_THIRD_PARTY = 20
MAX_EXTENSION_DAYS = 15


@cache
def _calendar(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("VN", years=year, language="vi")


def holidays_of(year: int) -> dict[date, str]:
    """The public holidays of ``year`` (days off, including those taken in lieu), by date, named
    in Vietnamese."""
    return dict(sorted(_calendar(year).items()))


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a public holiday, or a weekend day the government's notice made a
    working day."""
    return bool(_calendar(day.year).is_working_day(day))


def add_working_days(start: date, count: int) -> date:
    """The ``count``-th working day after ``start`` (the day of receipt does not count)."""
    day = start
    done = 0
    while done < count:
        day += timedelta(days=1)
        if is_working_day(day):
            done += 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end``."""
    return sum(
        1 for n in range(1, (end - start).days + 1) if is_working_day(start + timedelta(days=n))
    )


def respond_by(received: date) -> date:
    """The day by which the request must be answered (acknowledged): 2 working days."""
    return add_working_days(received, ACKNOWLEDGE_WORKING_DAYS)


def complete_by(received: date, third_party: bool = False, extended_days: int = 0) -> date:
    """The day by which the request must be carried out: 15 days (20 when a processor or a third
    party must act too), plus one extension of at most 15 days. Counted in calendar days (the
    commentaries say "ngày", not "ngày làm việc"); when the last day is not a working day the
    time ends on the next working day, as the Civil Code does for time limits (Bộ luật Dân sự
    2015, Điều 148 — not re-read in a stored copy)."""
    if not 0 <= extended_days <= MAX_EXTENSION_DAYS:
        raise ValueError(f"Gia hạn tối đa {MAX_EXTENSION_DAYS} ngày.")
    days = COMPLETE_DAYS_WITH_THIRD_PARTY if third_party else COMPLETE_DAYS
    end = received + timedelta(days=days + extended_days)
    while not is_working_day(end):
        end += timedelta(days=1)
    return end
