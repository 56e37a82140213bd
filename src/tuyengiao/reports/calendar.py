"""The reporting calendar: period bounds, labels, deadlines, a year's periods, the .ics feed."""

from __future__ import annotations

import calendar as _cal
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from django.db import transaction

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .models import Period, ReportType

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

# kind → (number of periods in a year, months per period); 6 and 9 months start in January.
LAYOUT = {"month": (12, 1), "quarter": (4, 3), "half": (1, 6), "nine": (1, 9), "year": (1, 12)}


def last_day(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]


def period_bounds(kind: str, year: int, index: int) -> tuple[date, date]:
    count, months = LAYOUT[kind]
    if not 1 <= index <= count:
        raise ValueError(f"kỳ {index} không hợp lệ cho loại {kind}")
    first_month = 1 + (index - 1) * months
    last_month = first_month + months - 1
    return date(year, first_month, 1), date(year, last_month, last_day(year, last_month))


def period_label(kind: str, year: int, index: int) -> str:
    if kind == "month":
        return f"Tháng {index}/{year}"
    if kind == "quarter":
        return f"Quý {ROMAN[index]}/{year}"
    if kind == "half":
        return f"6 tháng đầu năm {year}"
    if kind == "nine":
        return f"9 tháng năm {year}"
    return f"Năm {year}"


# The period kinds as they read in a download's name (Vietnamese, no marks, no spaces).
FILE_KIND = {
    "month": "thang",
    "quarter": "quy",
    "half": "6-thang",
    "nine": "9-thang",
    "year": "nam",
}


def file_key(key: str) -> str:
    """A period key ("2025-quarter-4") as it reads in a file name: "quy-4-2025", "nam-2025"."""
    year, _, rest = key.partition("-")
    kind, _, index = rest.partition("-")
    if kind not in FILE_KIND:
        return key
    if kind in ("year", "half", "nine"):
        return f"{FILE_KIND[kind]}-{year}"
    return f"{FILE_KIND[kind]}-{index}-{year}"


def due_date_for(end: date, due_day: int, month_offset: int) -> date:
    """The deadline: day ``due_day`` of the month ``month_offset`` months after the period's last
    month (clamped to the month's last day)."""
    month_index = end.year * 12 + (end.month - 1) + month_offset
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(max(due_day, 1), last_day(year, month)))


@transaction.atomic
def generate_year(report_type: ReportType, year: int) -> list[Period]:
    """Create (or re-date) every period of ``year`` for the type; returns them in order."""
    from .models import Period

    count, _ = LAYOUT[report_type.period_kind]
    out = []
    for index in range(1, count + 1):
        start, end = period_bounds(report_type.period_kind, year, index)
        due = due_date_for(end, report_type.due_day, report_type.due_month_offset)
        period, _created = Period.objects.update_or_create(
            report_type=report_type,
            year=year,
            index=index,
            defaults={"kind": report_type.period_kind, "start": start, "end": end, "due_date": due},
        )
        out.append(period)
    return out


def _ics_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545 lines are at most 75 octets; continuation lines start with a space."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for ch in line:
        b = ch.encode()
        if len(current) + len(b) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += b
    parts.append(current.decode())
    return "\r\n ".join(parts)


def ics_feed(unit_name: str, periods: Iterable[Period], host: str = "tuyengiao") -> str:
    """A VCALENDAR with one all-day event per deadline."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Tuyen giao//Bao cao dinh ky//VI",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_ics_escape('Hạn nộp báo cáo — ' + unit_name)}",
    ]
    for p in periods:
        day = p.due_date
        nxt = date.fromordinal(day.toordinal() + 1)
        lines += [
            "BEGIN:VEVENT",
            f"UID:report-period-{p.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{nxt:%Y%m%d}",
            f"SUMMARY:{_ics_escape('Hạn nộp: ' + p.report_type.title + ' — ' + p.label)}",
            f"DESCRIPTION:{_ics_escape('Đơn vị yêu cầu: ' + p.report_type.unit.name)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
