"""Reports after a reorganisation: past periods roll up in the tree of their time, the successor
stands for its predecessors before it was formed, and the obligations pass to it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tuyengiao.orgs.models import Unit, UnitKind
from tuyengiao.orgs.reorganisation import Change, NewUnit, apply
from tuyengiao.reports import matrix
from tuyengiao.reports.models import Submission
from tuyengiao.reports.services.rollups import rollup, trend

from .conftest import Setup, values_for
from .test_quarter import MISSING, _fill_quarter

pytestmark = pytest.mark.django_db

DAY = date(2025, 7, 1)


def _apply(change: Change, capture: Any) -> None:
    with capture(execute=True):  # the roll-up table's path copies are refreshed after commit
        apply(change)


def test_merge_rolls_up_in_the_tree_of_each_period(
    forty: Setup, on_day: Any, tree: Any, users: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _fill_quarter(forty, on_day)
    bloc = Unit.objects.get(pk=tree.bloc.pk)
    before = rollup(forty.q1, bloc)
    a, b = forty.units[0], forty.units[1]  # submitted Q1 (not among MISSING)
    assert 0 not in MISSING and 1 not in MISSING
    _apply(
        Change(
            kind="merge",
            date=DAY,
            sources=[Unit.objects.get(pk=a.pk), Unit.objects.get(pk=b.pk)],
            new_units=[NewUnit("DB-HN", "Đảng bộ Hợp nhất", "ĐU", UnitKind.BASE_ORGANISATION)],
        ),
        django_capture_on_commit_callbacks,
    )
    new = Unit.objects.get(code="DB-HN")
    # the bloc's Q1 is unchanged, each unit counted once
    after = rollup(forty.q1, Unit.objects.get(pk=bloc.pk))
    assert [r.display for r in after.total] == [r.display for r in before.total]
    assert (after.submitted, after.expected) == (before.submitted, before.expected)
    # the successor's Q1 is its predecessors', one row each
    mine = rollup(forty.q1, new)
    assert mine.total[0].value == values_for(0)["total"] + values_for(1)["total"]
    assert [c.pk for c, _ in mine.children] == sorted(
        [a.pk, b.pk], key=lambda pk: Unit.objects.get(pk=pk).path
    )
    assert (
        trend(forty.rt, new).series[forty.ind["total"].pk][0]
        == values_for(0)["total"] + values_for(1)["total"]
    )
    # the obligations passed: Q3 and Q4 are the successor's, not the old units'
    q3 = forty.rt.periods.get(index=3)
    assert Submission.objects.filter(period=q3, unit=new).exists()
    assert not Submission.objects.filter(period=q3, unit__in=[a, b]).exists()
    assert Submission.objects.filter(period=forty.q1, unit=a).exists()  # history kept
    # the matrix lists the old units for Q1 and the successor for Q3
    khoi = users["khoi"]
    q1_units = set(
        matrix.units(khoi, [forty.q1], matrix.Filters(), DAY).values_list("code", flat=True)
    )
    q3_units = set(matrix.units(khoi, [q3], matrix.Filters(), DAY).values_list("code", flat=True))
    assert {a.code, b.code} <= q1_units and "DB-HN" not in q1_units
    assert "DB-HN" in q3_units and not {a.code, b.code} & q3_units


def test_moved_unit_rolls_up_under_its_old_parent_before_the_move(
    forty: Setup, on_day: Any, tree: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _fill_quarter(forty, on_day)
    moved, host = forty.units[2], forty.units[3]
    _apply(
        Change(
            kind="move",
            date=DAY,
            sources=[Unit.objects.get(pk=moved.pk)],
            new_parent=Unit.objects.get(pk=host.pk),
        ),
        django_capture_on_commit_callbacks,
    )
    host = Unit.objects.get(pk=host.pk)
    moved = Unit.objects.get(pk=moved.pk)
    assert moved.path.startswith(host.path)
    # Q1 was before the move: the host rolls up its own figures only, the bloc has the moved
    # unit as its own child
    assert rollup(forty.q1, host).total[0].value == values_for(3)["total"]
    bloc_children = [c.pk for c, _ in rollup(forty.q1, Unit.objects.get(pk=tree.bloc.pk)).children]
    assert moved.pk in bloc_children and host.pk in bloc_children


def test_like_for_like_line_reads_each_period_in_the_tree_of_its_time(
    forty: Setup, on_day: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """A unit moved under another after Q1 is not part of its new parent's Q1, on the all-reports
    line nor on the like-for-like one (which used to read today's subtree)."""
    _fill_quarter(forty, on_day)
    moved, host = forty.units[2], forty.units[3]
    assert 2 not in MISSING and 3 not in MISSING
    _apply(
        Change(
            kind="move",
            date=DAY,
            sources=[Unit.objects.get(pk=moved.pk)],
            new_parent=Unit.objects.get(pk=host.pk),
        ),
        django_capture_on_commit_callbacks,
    )
    total = forty.ind["total"].pk
    t = trend(forty.rt, Unit.objects.get(pk=host.pk))
    assert [p.pk for p in t.periods] == [forty.q1.pk]
    assert t.series[total] == [values_for(3)["total"]]
    assert t.comparable_units == 1
    assert t.comparable[total] == [values_for(3)["total"]]
