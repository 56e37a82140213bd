"""Everything on a user's calendar between two dates, as ``Entry`` rows in one shape.

Read-only, and only through ``accounts.scoping``: anniversaries (national, and those of the
user's unit and of the units above that publish them down), campaigns (the unit's own and those
published down to it), units' own events, and the deadlines the other apps know for the user's
own unit — reports to submit (``reports``), plan tasks due (``plans``), study sessions
(``study``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from tuyengiao.accounts.scoping import Action, can, scoped

from ..anniversaries import occurrences
from ..models import Anniversary, Campaign, UnitEvent


class EntryKind(StrEnum):
    ANNIVERSARY = "ky-niem"
    CAMPAIGN = "tuyen-truyen"
    EVENT = "su-kien"
    REPORT = "bao-cao"
    TASK = "nhiem-vu"
    SESSION = "hoc-tap"


KIND_LABELS: dict[str, str] = {
    EntryKind.ANNIVERSARY: "Ngày kỷ niệm",
    EntryKind.CAMPAIGN: "Đợt tuyên truyền",
    EntryKind.EVENT: "Sự kiện của đơn vị",
    EntryKind.REPORT: "Hạn nộp báo cáo",
    EntryKind.TASK: "Hạn nhiệm vụ kế hoạch",
    EntryKind.SESSION: "Buổi học tập nghị quyết",
}


@dataclass(frozen=True)
class Entry:
    kind: str
    uid: str  # stable across feeds: the .ics UID
    title: str
    start: date
    end: date  # inclusive
    url: str = ""
    note: str = ""
    badge: str = ""
    unit_name: str = ""
    at: datetime | None = None  # a timed entry (study session): its start …
    until: datetime | None = None  # … and its end

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, "")

    @property
    def multi_day(self) -> bool:
        return self.end > self.start

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


def _anniversaries(user: Any, start: date, end: date) -> list[Entry]:
    rows = scoped(Anniversary, user).filter(active=True).select_related("unit")
    return [
        Entry(
            kind=EntryKind.ANNIVERSARY,
            uid=f"anniversary-{o.anniversary.pk}-{o.on:%Y}",
            title=o.label,
            start=o.on,
            end=o.on,
            url=reverse("events:anniversary_list"),
            note=o.anniversary.source,
            badge=o.badge,
            unit_name=o.anniversary.unit.name if o.anniversary.unit else "",
        )
        for o in occurrences(rows, start, end)
    ]


def _campaigns(user: Any, start: date, end: date) -> list[Entry]:
    rows = (
        scoped(Campaign, user)
        .filter(starts_on__lte=end, ends_on__gte=start)
        .select_related("unit")
        .order_by("starts_on", "id")
    )
    return [
        Entry(
            kind=EntryKind.CAMPAIGN,
            uid=f"campaign-{c.pk}",
            title=c.title,
            start=c.starts_on,
            end=c.ends_on,
            url=reverse("events:campaign_detail", kwargs={"campaign_pk": c.pk}),
            note=c.theme,
            badge="" if c.published_down else "Chưa công bố",
            unit_name=c.unit.name,
        )
        for c in rows
    ]


def _events(user: Any, start: date, end: date) -> list[Entry]:
    rows = (
        scoped(UnitEvent, user)
        .filter(starts_on__lte=end)
        .filter(Q(ends_on__gte=start) | Q(ends_on__isnull=True, starts_on__gte=start))
        .select_related("unit")
        .order_by("starts_on", "id")
    )
    return [
        Entry(
            kind=EntryKind.EVENT,
            uid=f"event-{e.pk}",
            title=e.title,
            start=e.starts_on,
            end=e.last_day,
            url=(
                reverse("events:event_edit", kwargs={"unit_event_pk": e.pk})
                if can(user, Action.CHANGE, e)
                else reverse("events:week") + f"?tuan={e.starts_on.isoformat()}"
            ),
            note=" — ".join(x for x in (e.get_kind_display(), e.place) if x),
            unit_name=e.unit.name,
        )
        for e in rows
    ]


def _reports(user: Any, start: date, end: date) -> list[Entry]:
    from tuyengiao.reports.models import Status, Submission

    unit = getattr(user, "unit", None)
    if unit is None:
        return []
    rows = (
        scoped(Submission, user)
        .filter(unit=unit, period__report_type__sent=True, period__due_date__range=(start, end))
        .select_related("period__report_type")
        .order_by("period__due_date", "id")
    )
    return [
        Entry(
            kind=EntryKind.REPORT,
            uid=f"submission-{s.pk}",
            title=f"Hạn nộp: {s.period.report_type.title} — {s.period.label}",
            start=s.period.due_date,
            end=s.period.due_date,
            url=reverse("reports:submission", kwargs={"submission_pk": s.pk}),
            badge="Đã nộp" if s.status not in (Status.DRAFT, Status.RETURNED) else "",
        )
        for s in rows
    ]


def _tasks(user: Any, start: date, end: date) -> list[Entry]:
    from tuyengiao.plans.models import TaskAssignment

    unit = getattr(user, "unit", None)
    if unit is None:
        return []
    rows = (
        scoped(TaskAssignment, user)
        .filter(unit=unit, task__end_date__range=(start, end))
        .select_related("task__plan")
        .order_by("task__end_date", "id")
    )
    out = []
    for a in rows:
        due = a.task.end_date
        assert due is not None
        out.append(
            Entry(
                kind=EntryKind.TASK,
                uid=f"assignment-{a.pk}",
                title=f"Hạn nhiệm vụ: {a.task.title}",
                start=due,
                end=due,
                url=reverse("plans:assignment_detail", kwargs={"assignment_pk": a.pk}),
                note=f"Kế hoạch: {a.task.plan}",
                badge=a.status_label(),
            )
        )
    return out


def _sessions(user: Any, start: date, end: date) -> list[Entry]:
    from tuyengiao.study.models import StudySession

    unit = getattr(user, "unit", None)
    if unit is None:
        return []
    tz = timezone.get_current_timezone()
    lo = timezone.make_aware(datetime.combine(start, time.min), tz)
    hi = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), tz)
    rows = (
        scoped(StudySession, user)
        .filter(unit=unit, starts_at__gte=lo, starts_at__lt=hi)
        .select_related("round")
        .order_by("starts_at", "id")
    )
    out = []
    for s in rows:
        at = timezone.localtime(s.starts_at)
        out.append(
            Entry(
                kind=EntryKind.SESSION,
                uid=f"session-{s.pk}",
                title=f"{at:%H:%M} {s}",
                start=at.date(),
                end=at.date(),
                url=reverse("study:session_detail", kwargs={"session_pk": s.pk}),
                note=s.place,
                at=at,
                until=timezone.localtime(s.ends_at),
            )
        )
    return out


SOURCES = {
    EntryKind.ANNIVERSARY: _anniversaries,
    EntryKind.CAMPAIGN: _campaigns,
    EntryKind.EVENT: _events,
    EntryKind.REPORT: _reports,
    EntryKind.TASK: _tasks,
    EntryKind.SESSION: _sessions,
}


def entries(user: Any, start: date, end: date, kinds: set[str] | None = None) -> list[Entry]:
    """The user's calendar from ``start`` to ``end`` (inclusive), in date order."""
    out: list[Entry] = []
    for kind, source in SOURCES.items():
        if kinds and kind not in kinds:
            continue
        out.extend(source(user, start, end))
    out.sort(key=lambda e: (e.start, e.at.time() if e.at else time.min, e.kind, e.title))
    return out
