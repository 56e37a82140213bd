"""Figures of the activity register: totals and roll-ups over a unit's subtree.

Every figure is one GROUP BY over the monthly counters (``ActivityKindTally``, ``ActivityTally``
by topic, ``ActivityPlaceTally``, kept by ``services.tallies``): the subtree rows of one unit under the current tree, the own rows
under a path prefix under an older one (``services.sums``); the days of a partial first or last
month are read from the activities — a constant number of queries whatever the size of the tree. The subtree is the one of the window's last day
(``orgs.history.tree_as_of``), as in the reports' roll-ups: after a reorganisation a past period
still rolls up under the tree of its time.

For the reports app: :func:`totals` ``(unit, start, end, kind=None) -> Totals(count, reached)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import BooleanField, Case, Count, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Length, Substr

from tuyengiao.orgs.history import TreeAsOf, tree_as_of
from tuyengiao.orgs.models import Unit, current_q

from ..models import Activity, ActivityKind
from . import sums

TOPIC_LIMIT = 20
PLACE_LIMIT = 50


@dataclass(frozen=True)
class Window:
    """What a roll-up covers: a unit's subtree, a date window, optionally one kind and a topic."""

    unit: Unit
    start: date
    end: date
    kind: ActivityKind | None = None
    topic: str = ""

    def tree(self) -> TreeAsOf:
        return tree_as_of(self.unit, self.end)

    def activities(self, tree: TreeAsOf | None = None) -> QuerySet[Activity]:
        tree = tree or self.tree()
        qs = Activity.objects.filter(
            tree.q("unit_path"), held_on__gte=self.start, held_on__lte=self.end
        )
        if self.kind is not None:
            qs = qs.filter(kind=self.kind)
        if self.topic:
            qs = qs.filter(topic__icontains=self.topic)
        return qs


@dataclass(frozen=True)
class Totals:
    count: int = 0
    reached: int = 0


@dataclass
class Row:
    label: str
    count: int = 0
    reached: int = 0
    unit: Unit | None = None  # rows by unit: the child unit (drill-down)
    direct: bool = False  # the unit's own activities (not of a child)
    key: str = ""  # rows by kind: the kind's id (a filter link); by month: yyyy-mm


@dataclass
class Rollup:
    window: Window
    totals: Totals
    by_child: list[Row] = field(default_factory=list)
    by_kind: list[Row] = field(default_factory=list)
    by_month: list[Row] = field(default_factory=list)
    by_topic: list[Row] = field(default_factory=list)
    by_place: list[Row] = field(default_factory=list)
    children_with_activity: int = 0
    children: int = 0

    @property
    def coverage_text(self) -> str:
        """ "n/N đơn vị trực thuộc có hoạt động được ghi nhận" — an honest roll-up says so."""
        return f"{self.children_with_activity}/{self.children} đơn vị trực thuộc có hoạt động được ghi nhận"


def _totals(qs: QuerySet[Activity]) -> Totals:
    agg = qs.aggregate(n=Count("id"), r=Sum("reached"))
    return Totals(int(agg["n"] or 0), int(agg["r"] or 0))


def _sum(found: sums.Grouped) -> Totals:
    return Totals(sum(v[0] for v in found.values()), sum(v[1] for v in found.values()))


def totals(unit: Unit, start: date, end: date, kind: ActivityKind | None = None) -> Totals:
    """The number of activities and of people reached in ``unit``'s subtree between ``start``
    and ``end`` (both included), of one ``kind`` when given (from the monthly counters; the days
    of a partial first or last month from the activities)."""
    window = Window(unit, start, end, kind)
    return _sum(sums.grouped(window, window.tree(), []))


def _children(unit: Unit, on: date) -> list[Any]:
    """Every child of ``unit`` (current on ``on`` or not: ``is_current``), in two queries that
    read the path index only — ``depth`` has no index, and a filter on it read every unit of
    the subtree from the table (80 ms for the whole tree)."""
    width = len(unit.path) + Unit.steplen
    # SQLite's LIKE ignores case and so no index serves it; a range on the path does (binary
    # comparison: every path under P is between P and P + "~", the tree's steps being [0-9A-Z])
    under = (
        Q(path__gt=unit.path, path__lt=unit.path + "~")
        if connection.vendor == "sqlite"
        else Q(path__startswith=unit.path)
    )
    paths = list(
        Unit.objects.filter(under)
        .annotate(path_width=Length("path"))
        .filter(path_width=width)
        .values_list("path", flat=True)
    )
    return list(
        Unit.objects.filter(path__in=paths)
        .annotate(
            is_current=Case(
                When(current_q(on), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("path")
    )


def by_child(window: Window, tree: TreeAsOf | None = None) -> tuple[list[Row], int, int]:
    """Rows per child unit of the window's unit (and one for its own activities), with the
    number of children that have activity and the number of children."""
    unit = window.unit
    tree = tree or window.tree()
    span = sums.split(window.start, window.end)
    found: sums.Grouped = {}
    every_child = _children(unit, window.end)
    if tree.trivial:
        if span.first_month is not None:
            where = Q(subtree=True, unit_id__in=[c.pk for c in every_child]) | Q(
                subtree=False, unit=unit
            )
            rows = (
                sums.tallies(sums.counters(window), window, tree, span, where)
                .values("unit_path")
                .annotate(n=Sum("count"), r=Sum("reached"))
                .order_by()
            )
            for row in rows:
                sums.add(found, (row["unit_path"],), row["n"], row["r"])
        if span.edges:
            prefix_len = (unit.depth + 1) * Unit.steplen
            for row in (
                sums.activities(window, tree, span)
                .annotate(prefix=Substr("unit_path", 1, prefix_len))
                .values("prefix")
                .annotate(n=Count("id"), r=Sum("reached"))
                .order_by()
            ):
                sums.add(found, (row["prefix"],), row["n"], row["r"])
    else:
        for (path,), (n, r) in sums.grouped(window, tree, ["unit_path"], span=span).items():
            key = tree.child_path(path)
            if key is not None:
                sums.add(found, (key,), n, r)
    children = [c for c in every_child if c.is_current]
    known = {c.path for c in children} | {unit.path}
    extra = [(p,) for (p,) in found if p not in known]
    if extra:  # units of that time that are no longer current children
        by_path = {c.path: c for c in every_child}
        missing = [p for (p,) in extra if p not in by_path]
        if missing:
            by_path.update({u.path: u for u in Unit.objects.filter(path__in=missing)})
        children += sorted((by_path[p] for (p,) in extra if p in by_path), key=lambda u: u.path)
    rows_out: list[Row] = []
    own = found.get((unit.path,))
    if own is not None and own[0]:
        rows_out.append(Row(f"Trực thuộc {unit.name}", own[0], own[1], unit, direct=True))
    with_activity = 0
    for child in children:
        n, r = found.get((child.path,), [0, 0])
        with_activity += 1 if n else 0
        rows_out.append(Row(child.name, n, r, child))
    return rows_out, with_activity, len(children)


def by_kind(window: Window, tree: TreeAsOf | None = None) -> list[Row]:
    found = sums.grouped(window, tree or window.tree(), ["kind_id", "kind__name", "kind__order"])
    return [
        Row(name, n, r, key=str(kind_id))
        for (kind_id, name, _order), (n, r) in sorted(
            found.items(), key=lambda item: (item[0][2], item[0][1])
        )
        if n
    ]


def by_month(window: Window, tree: TreeAsOf | None = None) -> list[Row]:
    found = {
        (m.year, m.month): v
        for (m,), v in sums.grouped(window, tree or window.tree(), ["month"]).items()
    }
    rows = []
    y, m = window.start.year, window.start.month
    while (y, m) <= (window.end.year, window.end.month):
        n, r = found.get((y, m), [0, 0])
        rows.append(Row(f"{m:02d}/{y}", n, r, key=f"{y}-{m:02d}"))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return rows


def by_topic(window: Window, tree: TreeAsOf | None = None, limit: int = TOPIC_LIMIT) -> list[Row]:
    found = sums.grouped(window, tree or window.tree(), ["topic"])
    ranked = sorted(found.items(), key=lambda item: (-item[1][0], -item[1][1], item[0][0]))
    return [Row(topic, n, r) for (topic,), (n, r) in ranked[:limit] if n]


def by_place(window: Window, tree: TreeAsOf | None = None, limit: int = PLACE_LIMIT) -> list[Row]:
    """Activities by district and commune where the address says (no map: no tiles offline).
    Filtered by a topic, the counters (which have no topic) cannot answer: read the activities."""
    span = sums.whole(window.start, window.end) if window.topic else None
    found = sums.grouped(
        window, tree or window.tree(), ["district", "commune"], place=True, span=span
    )
    ranked = sorted(
        found.items(), key=lambda item: (-item[1][0], -item[1][1], item[0][0], item[0][1])
    )
    return [
        Row(" — ".join(x for x in (commune, district) if x), n, r)
        for (district, commune), (n, r) in ranked[:limit]
        if n
    ]


def rollup(window: Window) -> Rollup:
    """Everything the roll-up page shows (about eight queries on the counters, none per unit or
    per activity; the days of a partial first or last month add one query each on activities)."""
    tree = window.tree()
    children, with_activity, n_children = by_child(window, tree)
    kinds = by_kind(window, tree)
    return Rollup(
        window=window,
        totals=Totals(sum(k.count for k in kinds), sum(k.reached for k in kinds)),
        by_child=children,
        by_kind=kinds,
        by_month=by_month(window, tree),
        by_topic=by_topic(window, tree),
        by_place=by_place(window, tree),
        children_with_activity=with_activity,
        children=n_children,
    )


@dataclass(frozen=True)
class CampaignTally:
    """What the units a user sees did for one campaign."""

    totals: Totals
    units: int
    by_kind: list[tuple[str, int, int]]  # kind, activities, people reached


def for_campaign(activities: QuerySet[Activity], campaign: Any) -> CampaignTally:
    """Activities recorded for ``campaign`` among ``activities`` (the viewer's scoped queryset):
    totals, how many units took part, and the split by kind (three queries)."""
    mine = activities.filter(campaign=campaign)
    by_kind = [
        (name, n, int(r or 0))
        for name, n, r in mine.values("kind__name")
        .annotate(n=Count("id"), r=Sum("reached"))
        .order_by("-n", "kind__name")
        .values_list("kind__name", "n", "r")
    ]
    return CampaignTally(
        totals=_totals(mine),
        units=mine.values("unit_id").distinct().count(),
        by_kind=by_kind,
    )
