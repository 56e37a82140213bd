"""Study rounds across a merge: the running round's list and attendance pass to the successor,
every member counts once in the year's roll-up, a round over before the merge stays with the
old units and rolls up in the tree of its time."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from tuyengiao.orgs.models import Person, Unit, UnitKind
from tuyengiao.orgs.reorganisation import Change, NewUnit, apply
from tuyengiao.study.models import Eligibility, StudySession
from tuyengiao.study.services import attendance, rates, rounds
from tuyengiao.testing import Tree

pytestmark = pytest.mark.django_db


def _session(study_round: Any, unit: Unit) -> StudySession:
    start = timezone.now()
    return StudySession.objects.create(
        round=study_round, unit=unit, starts_at=start, ends_at=start + timedelta(hours=2)
    )


def test_year_round_counts_each_member_once_across_a_merge(
    tree: Tree, django_capture_on_commit_callbacks: Any
) -> None:
    today = timezone.localdate()
    members = {
        tree.base1.pk: [
            Person.objects.create(unit=tree.base1, full_name=f"A {i}") for i in range(3)
        ],
        tree.base2.pk: [
            Person.objects.create(unit=tree.base2, full_name=f"B {i}") for i in range(2)
        ],
        tree.cell1.pk: [Person.objects.create(unit=tree.cell1, full_name="C 0")],
    }
    everyone = [p for ps in members.values() for p in ps]
    year = rounds.open_round(
        unit=tree.bloc,
        title="Học tập nghị quyết cả năm",
        starts_on=today - timedelta(days=200),
        ends_on=today + timedelta(days=30),
        covered_units=[tree.base1, tree.base2],
    )
    finished = rounds.open_round(
        unit=tree.bloc,
        title="Đợt đã kết thúc",
        starts_on=today - timedelta(days=200),
        ends_on=today - timedelta(days=100),
        covered_units=[tree.base1, tree.base2],
    )
    attendance.record_attendance(_session(year, tree.base1), members[tree.base1.pk][:2])
    attendance.record_attendance(_session(finished, tree.base1), members[tree.base1.pk])
    day = today - timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):  # the tallies' path copies refreshed
        apply(
            Change(
                kind="merge",
                date=day,
                sources=[Unit.objects.get(pk=tree.base1.pk), Unit.objects.get(pk=tree.base2.pk)],
                new_units=[NewUnit("DB-HN", "Đảng bộ Hợp nhất", "ĐU", UnitKind.BASE_ORGANISATION)],
            )
        )
    new = Unit.objects.get(code="DB-HN")
    # the running round's list follows the members; the finished round's stays with the old units
    assert set(Eligibility.objects.filter(round=year).values_list("unit_id", flat=True)) == {
        new.pk,
        tree.cell1.pk,
    }
    assert Eligibility.objects.filter(round=finished, unit=tree.base1).count() == 3
    # a member of the old unit attends after the merge, and one who already came comes again
    later = _session(year, new)
    attendance.record_attendance(later, [members[tree.base2.pk][0], members[tree.base1.pk][0]])
    for unit in (new, Unit.objects.get(pk=tree.bloc.pk)):
        got = rates.rate_for_unit(year, unit)
        assert (got["eligible"], got["attended"]) == (len(everyone), 3), unit
    rows = rates.round_rates(year, Unit.objects.get(pk=tree.bloc.pk))
    assert sum(r.eligible for r in rows) == len(everyone)
    assert [r.unit.pk for r in rows] == [new.pk]
    # the finished round rolls up in the tree of its time: under the old units, as before
    old_rows = rates.round_rates(finished, Unit.objects.get(pk=tree.bloc.pk))
    assert {r.unit.pk: (r.eligible, r.attended) for r in old_rows} == {
        tree.base1.pk: (4, 3),
        tree.base2.pk: (2, 0),
    }
    assert rates.rate_for_unit(finished, new)["eligible"] == len(everyone)  # it stands for them
