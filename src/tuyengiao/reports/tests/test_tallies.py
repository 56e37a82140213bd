"""The status and recipient tallies the database keeps (migration 0004_tallies): after every kind
of write — the services, queryset updates and deletes, cascades, raw SQL — they equal a count of
the rows themselves, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import connection

from tuyengiao.orgs.models import Unit
from tuyengiao.reports.models import (
    Period,
    PeriodStatusCount,
    Recipient,
    RecipientCount,
    ReportType,
    Status,
    Submission,
)
from tuyengiao.reports.services.drafts import accept_submission, return_submission, submit
from tuyengiao.reports.services.recipients import recipient_count, set_recipients
from tuyengiao.reports.services.statuses import status_counts

from .conftest import Setup, form_data

pytestmark = pytest.mark.django_db


def _counted_statuses() -> dict[tuple[int, str, bool], int]:
    """The tally as it should be: every submission counted now."""
    out: dict[tuple[int, str, bool], int] = {}
    for period_id, status, is_late in Submission.objects.values_list(
        "period_id", "status", "is_late"
    ):
        key = (period_id, status, bool(is_late))
        out[key] = out.get(key, 0) + 1
    return out


def _tallied_statuses() -> dict[tuple[int, str, bool], int]:
    return {
        (period_id, status, bool(is_late)): n
        for period_id, status, is_late, n in PeriodStatusCount.objects.values_list(
            "period_id", "status", "is_late", "n"
        )
        if n
    }


def _counted_recipients() -> dict[int, int]:
    out: dict[int, int] = {}
    for rt_id in Recipient.objects.values_list("report_type_id", flat=True):
        out[rt_id] = out.get(rt_id, 0) + 1
    return out


def _tallied_recipients() -> dict[int, int]:
    return {rt: n for rt, n in RecipientCount.objects.values_list("report_type_id", "n") if n}


def _recipients(rt: ReportType) -> int:
    """``recipient_count`` of the type as read now (an instance keeps the tally it was read with)."""
    return recipient_count(ReportType.objects.get(pk=rt.pk))


def _assert_tallies_right() -> None:
    assert _tallied_statuses() == _counted_statuses()
    assert _tallied_recipients() == _counted_recipients()


def test_tallies_follow_every_kind_of_write(forty: Setup, on_day: Any) -> None:
    s = forty
    # set_recipients sent the type to 40 units: a draft for each of the 4 quarters
    assert _tallied_statuses()[(s.q1.pk, Status.DRAFT, False)] == 40
    assert _recipients(s.rt) == 40
    _assert_tallies_right()

    # the services: submit on time and late, return, resubmit, accept
    on_day(date(2025, 3, 10))
    first = Submission.objects.get(period=s.q1, unit=s.units[0])
    assert submit(first, form_data(s, 0), first.version, "t-0", None).ok
    on_day(date(2025, 3, 20))
    late = Submission.objects.get(period=s.q1, unit=s.units[1])
    assert submit(late, form_data(s, 1), late.version, "t-1", None).ok
    on_day(None)
    _assert_tallies_right()
    assert _tallied_statuses()[(s.q1.pk, Status.SUBMITTED, True)] == 1
    returned = return_submission(first, "Bổ sung số liệu", None)
    _assert_tallies_right()
    assert submit(returned, form_data(s, 0), returned.version, "t-0b", None).ok
    accept_submission(late, "", None)
    _assert_tallies_right()
    assert _tallied_statuses()[(s.q1.pk, Status.ACCEPTED, True)] == 1

    # an update that leaves the status alone changes nothing; a queryset update changes many
    Submission.objects.filter(period=s.q1).update(comment="x")
    _assert_tallies_right()
    Submission.objects.filter(period=s.q1, status=Status.DRAFT).update(status=Status.RETURNED)
    _assert_tallies_right()
    assert _tallied_statuses()[(s.q1.pk, Status.RETURNED, False)] == 38

    # fewer recipients: never-submitted drafts of the units removed go, the rest stays
    set_recipients(s.rt, s.units[:30])
    _assert_tallies_right()
    assert _recipients(s.rt) == 30

    # raw SQL (as imports and benchmarks write) is counted too
    with connection.cursor() as cur:
        cur.execute(
            "DELETE FROM reports_submission WHERE period_id = %s AND unit_id = %s",
            [s.q1.pk, s.units[5].pk],
        )
        cur.execute(
            "INSERT INTO reports_submission (period_id, unit_id, status, version, data, is_late, "
            "comment, entered_by_superior, updated_at, last_token) "
            "VALUES (%s, %s, 'submitted', 2, '{}', %s, '', %s, %s, '')",
            [s.q1.pk, s.units[5].pk, True, False, "2025-03-20 00:00:00+00:00"],
        )
    _assert_tallies_right()

    # a period deleted (its submissions cascade), then every period and every recipient
    Period.objects.filter(pk=s.rt.periods.get(index=4).pk).delete()
    _assert_tallies_right()
    Period.objects.filter(report_type=s.rt).delete()
    Recipient.objects.filter(report_type=s.rt).delete()
    _assert_tallies_right()
    assert _recipients(s.rt) == 0 and not _tallied_statuses()


def test_tallies_go_with_their_report_type(forty: Setup) -> None:
    s = forty
    s.ind["rate"].delete()  # it PROTECTs the indicators it divides
    ReportType.objects.filter(pk=s.rt.pk).delete()
    assert not PeriodStatusCount.objects.exists() and not RecipientCount.objects.exists()


def test_tallies_of_a_unit_removed_with_its_recipients(forty: Setup) -> None:
    s = forty
    extra = Unit.objects.add_child(
        Unit.objects.get(pk=s.units[0].pk),
        dict(kind=s.units[0].kind, code="CB-X", name="Chi bộ thêm", short_name="CB"),
    )
    set_recipients(s.rt, [*s.units, extra])
    assert _recipients(s.rt) == 41
    Submission.objects.filter(unit=extra).delete()  # its drafts first: units are PROTECTed
    Unit.objects.filter(pk=extra.pk).delete()  # its recipient row cascades
    _assert_tallies_right()
    assert _recipients(s.rt) == 40


def test_status_counts_read_the_tallies(forty: Setup, on_day: Any) -> None:
    s = forty
    on_day(date(2025, 3, 10))
    sub = Submission.objects.get(period=s.q1, unit=s.units[0])
    assert submit(sub, form_data(s, 0), sub.version, "t", None).ok
    counts = status_counts([s.q1], date(2025, 4, 1))[s.q1.pk]
    assert counts["on_time"] == 1 and counts["missing"] == 39 and counts["pending"] == 0
    counts = status_counts([s.q1], date(2025, 3, 11))[s.q1.pk]
    assert counts["on_time"] == 1 and counts["pending"] == 39 and counts["missing"] == 0
