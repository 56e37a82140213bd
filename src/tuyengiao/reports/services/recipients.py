"""Whom a report type is sent to, and the empty drafts every recipient × period owes."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet

from tuyengiao.orgs.models import Unit

from ..models import Period, Recipient, RecipientCount, ReportType, Status, Submission


def ensure_submissions(report_type: ReportType, periods: Iterable[Period] | None = None) -> int:
    """An empty draft for every recipient × period (so each unit's inbox and the matrix exist),
    for the recipients that exist at the period's end (a unit ended by a reorganisation owes no
    later period; one formed by it owes none before)."""
    periods = list(periods if periods is not None else report_type.periods.all())
    units = list(
        report_type.recipients.values_list("unit_id", "unit__started_on", "unit__ended_on")
    )
    rows = [
        Submission(period=p, unit_id=u)
        for p in periods
        for u, started, ended in units
        if (started is None or started <= p.end) and (ended is None or ended > p.end)
    ]
    Submission.objects.bulk_create(rows, ignore_conflicts=True, batch_size=2000)
    return len(rows)


@transaction.atomic
def set_recipients(report_type: ReportType, units: Iterable[Unit]) -> int:
    """Send the type to ``units`` (replacing the previous set; drafts of removed units that were
    never submitted are removed). Returns the number of recipients."""
    ids = {u.pk for u in units}
    report_type.recipients.exclude(unit_id__in=ids).delete()
    Submission.objects.filter(
        period__report_type=report_type, status=Status.DRAFT, version=1
    ).exclude(unit_id__in=ids).delete()
    Recipient.objects.bulk_create(
        [Recipient(report_type=report_type, unit_id=i) for i in ids], ignore_conflicts=True
    )
    report_type.sent = bool(ids)
    report_type.save(update_fields=["sent"])
    ensure_submissions(report_type)
    return len(ids)


def recipient_candidates(owner: Unit, kind: str = "", root: Unit | None = None) -> QuerySet[Unit]:
    """Units strictly below ``owner`` (optionally below ``root``), optionally of one kind."""
    base = root if root is not None and owner.contains(root) else owner
    qs = Unit.objects.filter(path__startswith=base.path, active=True).exclude(pk=owner.pk)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("path")


def recipient_count(report_type: ReportType) -> int:
    """How many units ``report_type`` is sent to, as of when it was read (the tally the database
    keeps; no query when the type was read with ``select_related("recipient_tally")``)."""
    try:
        return report_type.recipient_tally.n
    except RecipientCount.DoesNotExist:
        return 0
