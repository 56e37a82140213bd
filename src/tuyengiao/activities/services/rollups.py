"""Figures of the activity register: totals and roll-ups over a unit's subtree.

Every figure is one GROUP BY over ``Activity`` filtered by the unit's path prefix (the copy
``unit_path``, kept by ``orgs.path_copies``) and a date window — a constant number of queries
whatever the size of the tree. The subtree is the one of the window's last day
(``orgs.history.tree_as_of``), as in the reports' roll-ups: after a reorganisation a past period
still rolls up under the tree of its time.

For the reports app: :func:`totals` ``(unit, start, end, kind=None) -> Totals(count, reached)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import Substr, TruncMonth

from tuyengiao.orgs.history import TreeAsOf, tree_as_of
from tuyengiao.orgs.models import Unit

from ..models import Activity, ActivityKind

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


def totals(unit: Unit, start: date, end: date, kind: ActivityKind | None = None) -> Totals:
    """The number of activities and of people reached in ``unit``'s subtree between ``start``
    and ``end`` (both included), of one ``kind`` when given (one query)."""
    return _totals(Window(unit, start, end, kind).activities())


def by_child(window: Window, tree: TreeAsOf | None = None) -> tuple[list[Row], int, int]:
    """Rows per child unit of the window's unit (and one for its own activities), with the
    number of children that have activity and the number of children."""
    unit = window.unit
    tree = tree or window.tree()
    qs = window.activities(tree)
    prefix_len = (unit.depth + 1) * Unit.steplen
    sums: dict[str, Totals] = {}

    def add(key: str, n: int, r: int) -> None:
        old = sums.get(key, Totals())
        sums[key] = Totals(old.count + n, old.reached + r)

    if tree.trivial:
        for row in (
            qs.annotate(prefix=Substr("unit_path", 1, prefix_len))
            .values("prefix")
            .annotate(n=Count("id"), r=Sum("reached"))
            .order_by()
        ):
            add(row["prefix"], row["n"], row["r"] or 0)
    else:
        exact = qs.values("unit_path").annotate(n=Count("id"), r=Sum("reached")).order_by()
        for found in exact:
            key = tree.child_path(found["unit_path"])
            if key is not None:
                add(key, found["n"], found["r"] or 0)
    children = list(
        Unit.objects.current(window.end)
        .filter(path__startswith=unit.path, depth=unit.depth + 1)
        .order_by("path")
    )
    known = {c.path for c in children}
    extra = [p for p in sums if p != unit.path and p not in known]
    if extra:  # units of that time that are no longer current children
        children += list(Unit.objects.filter(path__in=extra).order_by("path"))
    rows: list[Row] = []
    own = sums.get(unit.path)
    if own is not None:
        rows.append(Row(f"Trực thuộc {unit.name}", own.count, own.reached, unit, direct=True))
    with_activity = 0
    for child in children:
        t = sums.get(child.path, Totals())
        with_activity += 1 if t.count else 0
        rows.append(Row(child.name, t.count, t.reached, child))
    return rows, with_activity, len(children)


def by_kind(window: Window, tree: TreeAsOf | None = None) -> list[Row]:
    grouped = (
        window.activities(tree)
        .values("kind_id", "kind__name", "kind__order")
        .annotate(n=Count("id"), r=Sum("reached"))
        .order_by("kind__order", "kind__name")
    )
    return [Row(g["kind__name"], g["n"], g["r"] or 0, key=str(g["kind_id"])) for g in grouped]


def by_month(window: Window, tree: TreeAsOf | None = None) -> list[Row]:
    grouped = (
        window.activities(tree)
        .annotate(month=TruncMonth("held_on"))
        .values("month")
        .annotate(n=Count("id"), r=Sum("reached"))
        .order_by("month")
    )
    found = {(g["month"].year, g["month"].month): g for g in grouped}
    rows = []
    y, m = window.start.year, window.start.month
    while (y, m) <= (window.end.year, window.end.month):
        g = found.get((y, m))
        rows.append(
            Row(f"{m:02d}/{y}", g["n"] if g else 0, (g["r"] or 0) if g else 0, key=f"{y}-{m:02d}")
        )
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return rows


def by_topic(window: Window, tree: TreeAsOf | None = None, limit: int = TOPIC_LIMIT) -> list[Row]:
    grouped = (
        window.activities(tree)
        .values("topic")
        .annotate(n=Count("id"), r=Sum("reached"))
        .order_by("-n", "-r", "topic")[:limit]
    )
    return [Row(g["topic"], g["n"], g["r"] or 0) for g in grouped]


def by_place(window: Window, tree: TreeAsOf | None = None, limit: int = PLACE_LIMIT) -> list[Row]:
    """Activities by district and commune where the address says (no map: no tiles offline)."""
    grouped = (
        window.activities(tree)
        .exclude(commune="", district="")
        .values("district", "commune")
        .annotate(n=Count("id"), r=Sum("reached"))
        .order_by("-n", "-r", "district", "commune")[:limit]
    )
    return [
        Row(" — ".join(x for x in (g["commune"], g["district"]) if x), g["n"], g["r"] or 0)
        for g in grouped
    ]


def rollup(window: Window) -> Rollup:
    """Everything the roll-up page shows (seven queries, none per unit or per activity)."""
    tree = window.tree()
    children, with_activity, n_children = by_child(window, tree)
    return Rollup(
        window=window,
        totals=_totals(window.activities(tree)),
        by_child=children,
        by_kind=by_kind(window, tree),
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
