"""Submission statuses as the matrix shows them (on time, late, missing …), their counts and
the reminders to units that have not submitted."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from ..models import Period, PeriodStatusCount, Status, Submission

DONE_STATUSES = (Status.SUBMITTED, Status.ACCEPTED, Status.RETURNED)


class Cell:
    """Matrix status of one unit × report type in a period."""

    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    PENDING = "pending"
    RETURNED = "returned"
    ACCEPTED = "accepted"
    NONE = "none"

    LABELS = {
        ON_TIME: ("Đúng hạn", "ok"),
        LATE: ("Nộp muộn", "warn"),
        MISSING: ("Chưa nộp (quá hạn)", "bad"),
        PENDING: ("Chưa nộp", ""),
        RETURNED: ("Trả lại", "warn"),
        ACCEPTED: ("Đã tiếp nhận", "ok"),
        NONE: ("—", ""),
    }


def cell_status(status: str | None, is_late: bool, due: date, today: date | None = None) -> str:
    today = today or timezone.localdate()
    if status in (None, Status.DRAFT):
        return Cell.MISSING if today > due else Cell.PENDING
    if status == Status.RETURNED:
        return Cell.RETURNED
    if status == Status.ACCEPTED:
        return Cell.ACCEPTED
    return Cell.LATE if is_late else Cell.ON_TIME


def status_condition(period: Period, wanted: str, today: date | None = None) -> Q:
    """A Q over Unit rows: the unit's cell for ``period`` has status ``wanted``."""
    today = today or timezone.localdate()
    subs = Submission.objects.filter(period=period, unit=OuterRef("pk"))
    done = Exists(subs.filter(status__in=DONE_STATUSES))
    if wanted == Cell.ACCEPTED:
        return Q(Exists(subs.filter(status=Status.ACCEPTED)))
    if wanted == Cell.RETURNED:
        return Q(Exists(subs.filter(status=Status.RETURNED)))
    if wanted == Cell.LATE:
        return Q(Exists(subs.filter(status=Status.SUBMITTED, is_late=True)))
    if wanted == Cell.ON_TIME:
        return Q(Exists(subs.filter(status=Status.SUBMITTED, is_late=False)))
    if wanted in (Cell.MISSING, Cell.PENDING):
        overdue = today > period.due_date
        if (wanted == Cell.MISSING) != overdue:
            return Q(pk__in=[])
        return ~Q(done)
    return Q()


def status_counts(
    periods: Sequence[Period], today: date | None = None
) -> dict[int, dict[str, int]]:
    """Per period: how many submissions are in each cell status (one query, of the tallies the
    database keeps: ``PeriodStatusCount``)."""
    today = today or timezone.localdate()
    out: dict[int, dict[str, int]] = {p.pk: {k: 0 for k in Cell.LABELS} for p in periods}
    by_pk = {p.pk: p for p in periods}
    rows = PeriodStatusCount.objects.filter(period__in=list(by_pk)).values_list(
        "period_id", "status", "is_late", "n"
    )
    for period_id, status, is_late, n in rows:
        p = by_pk[period_id]
        out[p.pk][cell_status(status, is_late, p.due_date, today)] += n
    return out


def remind_missing(periods: Sequence[Period]) -> None:
    from ..tasks import send_report_reminders

    send_report_reminders.enqueue([p.pk for p in periods])
