"""A user's calendar as an iCalendar (RFC 5545) feed: one event per entry, all-day except the
study sessions (timed, in UTC). Written the way ``reports/calendar.py`` writes the unit's feed
(escaped text, lines folded at 75 octets); the tests parse it with the ``icalendar`` library."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from .agenda import Entry


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines of at most 75 octets; continuation lines start with a space (never inside a
    multi-byte character)."""
    if len(line.encode()) <= 75:
        return line
    parts: list[str] = []
    current = ""
    for ch in line:
        limit = 75 if not parts else 74
        if len((current + ch).encode()) > limit:
            parts.append(current)
            current = ""
        current += ch
    parts.append(current)
    return "\r\n ".join(parts)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def feed(name: str, entries: Iterable[Entry], host: str, site: str = "") -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Tuyen giao//Lich tuyen truyen//VI",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for e in entries:
        lines += ["BEGIN:VEVENT", f"UID:{e.uid}@{host}", f"DTSTAMP:{stamp}"]
        if e.at is not None:
            lines.append(f"DTSTART:{_utc(e.at)}")
            lines.append(f"DTEND:{_utc(e.until or e.at + timedelta(hours=1))}")
        else:
            lines.append(f"DTSTART;VALUE=DATE:{e.start:%Y%m%d}")
            lines.append(f"DTEND;VALUE=DATE:{e.end + timedelta(days=1):%Y%m%d}")
        summary = f"{e.title} ({e.badge})" if e.badge else e.title
        lines.append(f"SUMMARY:{_escape(summary)}")
        description = " — ".join(x for x in (e.kind_label, e.unit_name, e.note) if x)
        if description:
            lines.append(f"DESCRIPTION:{_escape(description)}")
        lines.append(f"CATEGORIES:{_escape(e.kind_label)}")
        if e.url and site:
            lines.append(f"URL:{site.rstrip('/')}{e.url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
