"""The trend's per-period sums are cached, and the cache never serves sums that have changed:
a submit, a return and a unit moving in the tree each show at once."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tuyengiao.reports.models import Submission
from tuyengiao.reports.services.drafts import return_submission, submit
from tuyengiao.reports.services.rollups import trend

from .conftest import Setup, form_data, values_for

pytestmark = pytest.mark.django_db


def _submit(s: Setup, n: int, on_day: Any) -> Submission:
    on_day(date(2025, 3, 10))
    sub = Submission.objects.get(period=s.q1, unit=s.units[n])
    result = submit(sub, form_data(s, n), sub.version, f"tok-{n}", s.officers[s.units[n].pk])
    assert result.ok, result.errors
    on_day(None)
    return result.submission


def _q1_total(s: Setup, unit: Any = None) -> float | None:
    periods, series = trend(s.rt, unit or s.rt.unit)
    return series[s.ind["total"].pk][[p.pk for p in periods].index(s.q1.pk)]


def test_a_repeated_trend_reads_no_values(forty: Setup, on_day: Any) -> None:
    _submit(forty, 0, on_day)
    _submit(forty, 1, on_day)
    assert _q1_total(forty) == values_for(0)["total"] + values_for(1)["total"]
    with CaptureQueriesContext(connection) as queries:
        assert _q1_total(forty) == values_for(0)["total"] + values_for(1)["total"]
    assert not [q for q in queries.captured_queries if "reports_indicatorvalue" in q["sql"]]


def test_submit_and_return_show_at_once(forty: Setup, on_day: Any) -> None:
    first = _submit(forty, 0, on_day)
    assert _q1_total(forty) == values_for(0)["total"]
    _submit(forty, 1, on_day)
    assert _q1_total(forty) == values_for(0)["total"] + values_for(1)["total"]
    return_submission(first, "Bổ sung số liệu", None)
    assert _q1_total(forty) == values_for(1)["total"]


def test_a_moved_unit_counts_under_its_new_parent(
    forty: Setup, on_day: Any, tree: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from tuyengiao.orgs.models import Unit

    _submit(forty, 0, on_day)
    base2 = Unit.objects.get(pk=tree.base2.pk)
    assert _q1_total(forty, base2) is None  # nothing reported under base2 yet (and now cached)
    with django_capture_on_commit_callbacks(execute=True):
        Unit.objects.move(Unit.objects.get(pk=forty.units[0].pk), base2, pos="sorted-child")
    base2 = Unit.objects.get(pk=tree.base2.pk)
    assert _q1_total(forty, base2) == values_for(0)["total"]
