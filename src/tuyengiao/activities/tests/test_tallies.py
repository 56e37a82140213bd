"""The monthly counters: after creates, edits (date, unit, kind, topic, place, reach) and deletes
through the register's services, every counter row equals what is counted again, independently,
from the activity rows; a rebuild gives the same rows; after a unit moves, the subtree rows follow
the new tree; roll-ups over windows with partial months equal the counts from the activities."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import pytest
from django.utils import timezone

from tuyengiao.activities.models import (
    Activity,
    ActivityKind,
    ActivityKindTally,
    ActivityPlaceTally,
    ActivityTally,
)
from tuyengiao.activities.services import records, rollups, tallies
from tuyengiao.orgs.models import Unit, UnitKind
from tuyengiao.testing import Tree

pytestmark = pytest.mark.django_db

Rows = dict[tuple[Any, ...], tuple[int, int]]


def _kind(name: str) -> ActivityKind:
    return ActivityKind.objects.get(name=name)


def _expected() -> tuple[Rows, Rows, Rows]:
    """Counters computed from the activity rows and the current tree, in Python."""
    units = {u.pk: u for u in Unit.objects.all()}
    by_path = {u.path: u for u in units.values()}
    kind: Counter[tuple[Any, ...]] = Counter()
    kind_r: Counter[tuple[Any, ...]] = Counter()
    topic: Counter[tuple[Any, ...]] = Counter()
    topic_r: Counter[tuple[Any, ...]] = Counter()
    place: Counter[tuple[Any, ...]] = Counter()
    place_r: Counter[tuple[Any, ...]] = Counter()
    for a in Activity.objects.all():
        path = units[a.unit_id].path
        month = a.held_on.replace(day=1)
        holders = [(a.unit_id, False)] + [
            (by_path[path[:n]].pk, True) for n in range(Unit.steplen, len(path) + 1, Unit.steplen)
        ]
        for unit_id, subtree in holders:
            kind[(unit_id, subtree, month, a.kind_id)] += 1
            kind_r[(unit_id, subtree, month, a.kind_id)] += a.reached
            key = (unit_id, subtree, month, a.kind_id, a.topic)
            topic[key] += 1
            topic_r[key] += a.reached
            if a.district or a.commune:
                pkey = (unit_id, subtree, month, a.kind_id, a.district, a.commune)
                place[pkey] += 1
                place_r[pkey] += a.reached
    return (
        {k: (n, kind_r[k]) for k, n in kind.items()},
        {k: (n, topic_r[k]) for k, n in topic.items()},
        {k: (n, place_r[k]) for k, n in place.items()},
    )


def _stored() -> tuple[Rows, Rows, Rows]:
    kind = {
        (t.unit_id, t.subtree, t.month, t.kind_id): (t.count, t.reached)
        for t in ActivityKindTally.objects.all()
    }
    topic = {
        (t.unit_id, t.subtree, t.month, t.kind_id, t.topic): (t.count, t.reached)
        for t in ActivityTally.objects.all()
    }
    place = {
        (t.unit_id, t.subtree, t.month, t.kind_id, t.district, t.commune): (t.count, t.reached)
        for t in ActivityPlaceTally.objects.all()
    }
    paths = {u.pk: u.path for u in Unit.objects.all()}
    for model in (ActivityKindTally, ActivityTally, ActivityPlaceTally):
        for unit_id, unit_path in model.objects.values_list("unit_id", "unit_path"):
            assert unit_path == paths[unit_id]
    return kind, topic, place


def _assert_counters_match() -> None:
    expected, stored = _expected(), _stored()
    assert stored[0] == expected[0]
    assert stored[1] == expected[1]
    assert stored[2] == expected[2]


def _record(tree: Tree, unit: Unit, **data: Any) -> Activity:
    values: dict[str, Any] = {
        "kind": _kind("Nói chuyện chuyên đề"),
        "topic": "Quốc khánh",
        "held_on": date(2025, 3, 5),
        "reached": 50,
    }
    values.update(data)
    return records.record(unit, None, values)


def test_counters_follow_creates_edits_and_deletes(tree: Tree) -> None:
    talk, show = _kind("Nói chuyện chuyên đề"), _kind("Triển lãm")
    a1 = _record(tree, tree.base1, commune="Phường Hải Châu")
    a2 = _record(tree, tree.cell1, kind=show, held_on=date(2025, 3, 28), reached=30)
    a3 = _record(tree, tree.base2, topic="Biển đảo", held_on=date(2025, 4, 2), district="Hòa Vang")
    a4 = _record(tree, tree.bloc, reached=500)
    a5 = _record(tree, tree.department, held_on=date(2025, 3, 5))
    _record(tree, tree.base1, commune="Phường Hải Châu", reached=7)  # same keys as a1
    _assert_counters_match()
    assert (
        ActivityTally.objects.get(
            unit=tree.province, subtree=True, month=date(2025, 3, 1), kind=talk, topic="Quốc khánh"
        ).count
        == 3
    )  # fmt: skip  (a1, the other base1 one, a4; the department is not under it)

    records.change(a1, {"held_on": date(2025, 5, 1)}, people=[])  # another month
    _assert_counters_match()
    records.change(a2, {"unit": tree.base2, "kind": talk}, people=[])  # another unit and kind
    _assert_counters_match()
    records.change(a3, {"topic": "Biển đảo quê hương", "reached": 75, "commune": "Xã Hòa Phong"}, people=[])  # fmt: skip
    _assert_counters_match()
    records.change(a5, {"kind": show, "district": ""}, people=[])
    _assert_counters_match()
    records.delete(a4)
    _assert_counters_match()
    records.delete(a1)
    _assert_counters_match()
    # a row whose count falls to zero goes away
    assert not ActivityKindTally.objects.filter(count__lte=0).exists()
    assert not ActivityTally.objects.filter(count__lte=0).exists()
    assert not ActivityTally.objects.filter(unit=tree.bloc, subtree=False).exists()

    before = _stored()
    ActivityKindTally.objects.all().delete()
    ActivityTally.objects.all().delete()
    ActivityPlaceTally.objects.all().delete()
    tallies.rebuild()
    assert _stored() == before


def test_an_edit_through_the_form_instance_takes_off_the_stored_figures(tree: Tree) -> None:
    """The edit page's form changes the instance before the service runs: the service reads
    what was stored, not the instance, to take it off."""
    activity = _record(tree, tree.base1)
    activity.held_on = date(2025, 6, 1)  # what ModelForm validation does to the instance
    activity.reached = 9
    records.change(activity, {"held_on": date(2025, 6, 1), "reached": 9}, people=[])
    _assert_counters_match()


def test_subtree_counters_follow_a_move(
    tree: Tree, django_capture_on_commit_callbacks: Any
) -> None:
    from tuyengiao.orgs.reorganisation import Change, apply

    _record(tree, tree.base2, held_on=date(2025, 3, 5))
    _record(tree, tree.cell2, held_on=date(2025, 4, 5), commune="Xã Hòa Vang")
    commune = Unit.objects.add_child(
        Unit.objects.get(pk=tree.province.pk),
        dict(kind=UnitKind.PARTY_COMMITTEE, code="XA", name="Đảng ủy xã", short_name="ĐU"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        apply(
            Change(
                kind="move",
                date=timezone.localdate(),
                sources=[Unit.objects.get(pk=tree.base2.pk)],
                new_parent=commune,
            )
        )
    _assert_counters_match()
    assert not ActivityTally.objects.filter(unit=tree.bloc, subtree=True).exists()
    assert ActivityTally.objects.filter(unit=commune, subtree=True).count() == 2
    assert not ActivityKindTally.objects.filter(unit=tree.bloc, subtree=True).exists()


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2025, 1, 1), date(2025, 12, 31)),  # whole months only
        (date(2025, 3, 6), date(2025, 4, 30)),  # a partial first month
        (date(2025, 3, 1), date(2025, 4, 1)),  # a partial last month
        (date(2025, 3, 6), date(2025, 3, 28)),  # inside one month
        (date(2025, 2, 20), date(2025, 5, 3)),  # both
    ],
)
def test_rollups_equal_the_counts_from_the_activities(tree: Tree, start: date, end: date) -> None:
    talk, show = _kind("Nói chuyện chuyên đề"), _kind("Triển lãm")
    days = [date(2025, 2, 21), date(2025, 3, 5), date(2025, 3, 28), date(2025, 4, 1)]
    days += [date(2025, 4, 30), date(2025, 5, 3), date(2025, 5, 4)]
    units = [tree.bloc, tree.base1, tree.cell1, tree.base2, tree.department]
    for i, day in enumerate(days * 2):
        _record(
            tree,
            units[i % len(units)],
            kind=talk if i % 3 else show,
            topic=f"Chủ đề {i % 4}",
            held_on=day,
            reached=10 + i,
            commune=f"Xã {i % 3}" if i % 2 else "",
        )
    for unit in (tree.province, tree.bloc, tree.base1):
        r = rollups.rollup(rollups.Window(unit, start, end))
        rows = list(
            Activity.objects.filter(
                unit_path__startswith=unit.path, held_on__gte=start, held_on__lte=end
            )
        )
        assert (r.totals.count, r.totals.reached) == (len(rows), sum(a.reached for a in rows))
        kinds = Counter(a.kind.name for a in rows)
        assert {k.label: k.count for k in r.by_kind} == dict(kinds)
        topics = Counter(a.topic for a in rows)
        assert {t.label: t.count for t in r.by_topic} == dict(topics)
        places = Counter(a.commune for a in rows if a.commune)
        assert {p.label: p.count for p in r.by_place} == dict(places)
        months = Counter(f"{a.held_on:%m/%Y}" for a in rows)
        assert {m.label: m.count for m in r.by_month if m.count} == dict(months)
        assert sum(c.count for c in r.by_child) == len(rows)
        only = rollups.totals(unit, start, end, show)
        assert only.count == kinds.get("Triển lãm", 0)
        filtered = rollups.rollup(rollups.Window(unit, start, end, topic="đề 1"))
        assert filtered.totals.count == topics.get("Chủ đề 1", 0)
