"""A round over 40 units with exemptions, make-up sessions and double check-ins: the rates at every
level match a count made independently from the recorded facts."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tuyengiao.orgs.models import Person, Unit, UnitKind
from tuyengiao.study.models import ExemptionCategory, StudySession
from tuyengiao.study.services import attendance, rates, rounds
from tuyengiao.testing import make_user

pytestmark = pytest.mark.django_db


def _session(study_round: Any, unit: Unit, makeup: bool = False) -> StudySession:
    start = timezone.now()
    return StudySession.objects.create(
        round=study_round,
        unit=unit,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        is_makeup=makeup,
    )


def test_rates_at_every_level(tree: Any) -> None:
    rng = random.Random(7)
    bases = []
    cells: dict[int, list[Unit]] = {}
    for b in range(8):
        base = Unit.objects.add_child(
            tree.bloc,
            dict(
                kind=UnitKind.BASE_ORGANISATION,
                code=f"T-B{b}",
                name=f"Đảng bộ thử {b}",
                short_name="ĐU",
            ),
        )
        bases.append(base)
        cells[base.pk] = [
            Unit.objects.add_child(
                base, dict(kind=UnitKind.CELL, code=f"T-B{b}-C{c}", name=f"Chi bộ {b}.{c}")
            )
            for c in range(4)
        ]
    units = bases + [c for cs in cells.values() for c in cs]
    assert len(units) == 40
    people: dict[int, list[Person]] = {}
    for unit in units:
        people[unit.pk] = [
            Person.objects.create(unit=unit, full_name=f"Đảng viên {unit.code} {i}")
            for i in range(rng.randint(2, 9))
        ]
    # Not on the list: a non-member and an inactive member.
    Person.objects.create(unit=cells[bases[0].pk][0], full_name="Quần chúng", is_party_member=False)
    Person.objects.create(unit=cells[bases[0].pk][0], full_name="Đã chuyển đi", active=False)

    study_round = rounds.open_round(
        unit=tree.bloc,
        title="Học tập, quán triệt Nghị quyết Đại hội XIII",
        starts_on=date.today(),
        ends_on=date.today() + timedelta(days=30),
        covered_units=bases,
    )
    everyone = [p for ps in people.values() for p in ps]
    assert study_round.eligibilities.count() == len(everyone)

    exempted: set[int] = set()
    attended: set[int] = set()
    categories = list(ExemptionCategory.values)
    for person in everyone:
        if rng.random() < 0.08:
            rounds.set_exemption(study_round, person, rng.choice(categories))
            exempted.add(person.pk)

    checkin_user = make_user("member-x", bases[0], "viewer")
    for base in bases:
        main = _session(study_round, base)
        members = [p for u in [base, *cells[base.pk]] for p in people[u.pk] if p.pk not in exempted]
        came = [p for p in members if rng.random() < 0.85]
        attendance.record_attendance(main, came)
        attended.update(p.pk for p in came)
        # The same people ticked again (double check-in): nothing changes.
        attendance.record_attendance(main, came[:3])
        makeup = _session(study_round, base, makeup=True)
        absent = [p for p in members if p.pk not in attended]
        assert {e.person_id for e in rounds.makeup_members(makeup)} >= {p.pk for p in absent}
        makeup_came = absent[::2]
        attendance.record_attendance(
            makeup, makeup_came + came[:2]
        )  # two already counted come again
        attended.update(p.pk for p in makeup_came)
        # An exempted member who attends after all counts as attended.
        ex_here = [p for u in [base, *cells[base.pk]] for p in people[u.pk] if p.pk in exempted]
        if ex_here:
            attendance.record_attendance(makeup, ex_here[:1])
            attended.add(ex_here[0].pk)
    # A member checking in with the code twice (and once more at the make-up) counts once.
    member = people[cells[bases[0].pk][0].pk][0]
    checkin_user.person = member
    checkin_user.save()
    first = StudySession.objects.filter(unit=bases[0], is_makeup=False).get()
    attendance.check_in_with_code(first, checkin_user, first.checkin_code)
    attendance.check_in_with_code(first, checkin_user, first.checkin_code)
    attended.add(member.pk)

    def expected(unit: Unit) -> dict[str, Any]:
        pids = [p.pk for u in [*units, tree.bloc] if unit.contains(u) for p in people.get(u.pk, [])]
        e = len(pids)
        a = len([p for p in pids if p in attended])
        x = len([p for p in pids if p in exempted and p not in attended])
        rate = (Decimal(a) * 100 / (e - x)).quantize(Decimal("0.01")) if e - x else None
        return {"eligible": e, "attended": a, "exempted": x, "rate": rate}

    assert rates.rate_for_unit(study_round, tree.bloc) == expected(tree.bloc)
    assert rates.rate_for_unit(study_round, tree.province) == expected(tree.bloc)
    for unit in units:
        assert rates.rate_for_unit(study_round, unit) == expected(unit), unit.code
    # Roll-up rows: children of the bloc (base1/base2 of the shared tree have no members on the list).
    rows = {r.unit.pk: r for r in rates.round_rates(study_round, tree.bloc)}
    assert set(rows) == {b.pk for b in bases}
    for base in bases:
        row = rows[base.pk]
        want = expected(base)
        assert (row.eligible, row.attended, row.exempted, row.rate) == (
            want["eligible"],
            want["attended"],
            want["exempted"],
            want["rate"],
        )
        assert row.has_children
        assert row.below_target == (want["rate"] < Decimal(98))
        # Drill down: the base's own members are the "direct" row, then each cell.
        sub = rates.round_rates(study_round, base)
        direct = [r for r in sub if r.direct]
        assert len(direct) == 1 and direct[0].eligible == len(people[base.pk])
        for r in sub:
            if not r.direct:
                assert r.rate == expected(r.unit)["rate"] and not r.has_children
    assert any(r.below_target for r in rows.values())
    # Constant number of queries, whatever the size of the tree.
    with CaptureQueriesContext(connection) as ctx:
        rates.round_rates(study_round, tree.province)
    assert len(ctx.captured_queries) <= 3
    # A full recount from the facts gives the same figures as the incremental tallies.
    before = rates.rate_for_unit(study_round, tree.bloc)
    rates.refresh_tallies(study_round)
    assert rates.rate_for_unit(study_round, tree.bloc) == before


def test_rates_follow_a_moved_unit(tree: Any, django_capture_on_commit_callbacks: Any) -> None:
    """Tallies keep a copy of their unit's path; moving the unit refreshes it by itself (a
    background task started when the move commits)."""
    cell = Unit.objects.get(pk=tree.cell1.pk)  # under base1
    people = [Person.objects.create(unit=cell, full_name=f"Đảng viên {i}") for i in range(3)]
    study_round = rounds.open_round(
        unit=tree.bloc,
        title="Học tập chuyên đề",
        starts_on=date.today(),
        ends_on=date.today() + timedelta(days=30),
        covered_units=[tree.base1, tree.base2],
    )
    attendance.record_attendance(_session(study_round, tree.base1), people[:2])
    assert rates.rate_for_unit(study_round, tree.base1)["attended"] == 2
    with django_capture_on_commit_callbacks(execute=True):
        Unit.objects.move(cell, Unit.objects.get(pk=tree.base2.pk), pos="sorted-child")
    base1 = Unit.objects.get(pk=tree.base1.pk)
    base2 = Unit.objects.get(pk=tree.base2.pk)
    assert rates.rate_for_unit(study_round, base1)["eligible"] == 0
    moved = rates.rate_for_unit(study_round, base2)
    assert (moved["eligible"], moved["attended"]) == (3, 2)
    assert {r.unit.pk: r.attended for r in rates.round_rates(study_round, tree.bloc)}[base2.pk] == 2
