"""Report obligations of a unit that a reorganisation ends pass to its successor
(``orgs.handover``).

The successor becomes a recipient of every report type the old unit received; the old unit's
reports of periods ending on or after the effective date that were not submitted (drafts,
returned ones) pass to the successor when it has none of its own for that period. Submitted and
accepted reports stay with the old unit and keep rolling up under it (``orgs.history``). The old
unit stays on the types' recipient lists as history; no new draft is made for a unit that has
ended (``recipients.ensure_submissions``).
"""

from __future__ import annotations

import datetime as dt

from tuyengiao.orgs.models import Unit

from ..models import Recipient, Status, Submission
from .recipients import ensure_submissions

TITLE = "Báo cáo phải nộp chuyển giao"


def _open_submissions(unit: Unit, day: dt.date) -> list[Submission]:
    return list(
        Submission.objects.filter(
            unit=unit, period__end__gte=day, status__in=[Status.DRAFT, Status.RETURNED]
        )
        .select_related("period__report_type")
        .order_by("period__start", "period__report_type__title")
    )


def pending(unit: Unit, day: dt.date) -> list[str]:
    lines = [
        f"“{r.report_type.title}”: từ nay gửi cho đơn vị kế thừa"
        for r in Recipient.objects.filter(unit=unit).select_related("report_type")
    ]
    lines += [
        f"“{s.period.report_type.title}” {s.period.label} (chưa nộp)"
        for s in _open_submissions(unit, day)
    ]
    return lines


def transfer(unit: Unit, successor: Unit, day: dt.date) -> int:
    types = [
        r.report_type for r in Recipient.objects.filter(unit=unit).select_related("report_type")
    ]
    Recipient.objects.bulk_create(
        [Recipient(report_type=t, unit=successor) for t in types], ignore_conflicts=True
    )
    moved = 0
    for sub in _open_submissions(unit, day):
        if Submission.objects.filter(period=sub.period, unit=successor).exists():
            continue
        sub.unit = successor
        sub.save(update_fields=["unit"])
        moved += 1
    for t in types:
        ensure_submissions(t, t.periods.filter(end__gte=day))
    # what the old unit still holds of those periods: drafts nobody wrote in (the successor has
    # its own); the unit ends with the change and owes them no more
    Submission.objects.filter(
        unit=unit, period__end__gte=day, status=Status.DRAFT, version=1
    ).delete()
    return len(types) + moved
