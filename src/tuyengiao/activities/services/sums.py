"""Where the roll-up figures are read from: the monthly counters for the whole months of a window,
the activities themselves for the days of its partial first and last months.

A window from 01/01 to 31/12 reads counters only. Under the current tree (no reorganisation after
the window's end: ``orgs.history``) a subtree's figures are the *subtree* rows of its unit (of its
children for the split by child); under an older tree they are the *own* rows of every unit whose
path falls under the unit as of the window's end (a path prefix, as the activities were read).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Model, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth

from tuyengiao.orgs.history import TreeAsOf

from ..models import Activity, ActivityKindTally, ActivityPlaceTally, ActivityTally

if TYPE_CHECKING:
    from .rollups import Window

# key (the values of the grouped fields, in order) -> [activities, people reached]
Grouped = dict[tuple[Any, ...], list[int]]


@dataclass(frozen=True)
class Span:
    """A window split into whole months (``first_month`` … ``last_month``, first days; None when
    there is none) and the days outside them (``edges``, inclusive date ranges)."""

    first_month: date | None
    last_month: date | None
    edges: tuple[tuple[date, date], ...]


def _next_month(d: date) -> date:
    return date(d.year + 1, 1, 1) if d.month == 12 else date(d.year, d.month + 1, 1)


def split(start: date, end: date) -> Span:
    first = start if start.day == 1 else _next_month(start)
    after_last = (
        _next_month(end) if _next_month(end) - timedelta(days=1) == end else end.replace(day=1)
    )
    if first >= after_last:  # no whole month inside: every day is an edge day
        return Span(None, None, ((start, end),) if start <= end else ())
    last = (after_last - timedelta(days=1)).replace(day=1)
    edges = []
    if start < first:
        edges.append((start, first - timedelta(days=1)))
    if after_last <= end:
        edges.append((after_last, end))
    return Span(first, last, tuple(edges))


def whole(start: date, end: date) -> Span:
    """Every day read from the activities (a filter the counters cannot answer)."""
    return Span(None, None, ((start, end),))


def add(into: Grouped, key: tuple[Any, ...], n: int, r: int) -> None:
    sums = into.setdefault(key, [0, 0])
    sums[0] += int(n or 0)
    sums[1] += int(r or 0)


def counters(window: Window, *, place: bool = False, topic: bool = False) -> type[Model]:
    """The counter table that answers: by place; by topic (or filtered by one); else by kind."""
    if place:
        return ActivityPlaceTally
    return ActivityTally if topic or window.topic else ActivityKindTally


def tallies(
    model: type[Model], window: Window, tree: TreeAsOf, span: Span, where: Q | None = None
) -> QuerySet[Any]:
    """The counter rows of ``window`` over its whole months: by default the subtree rows of its
    unit (current tree) or the own rows under it (older tree); ``where`` replaces that choice."""
    qs: QuerySet[Any] = model._default_manager.filter(
        month__gte=span.first_month, month__lte=span.last_month
    )
    if where is not None:
        qs = qs.filter(where)
    elif tree.trivial:
        qs = qs.filter(subtree=True, unit=window.unit)
    else:
        qs = qs.filter(tree.q("unit_path"), subtree=False)
    if window.kind is not None:
        qs = qs.filter(kind=window.kind)
    if window.topic and model is ActivityTally:
        qs = qs.filter(topic__icontains=window.topic)
    return qs


def activities(window: Window, tree: TreeAsOf, span: Span) -> QuerySet[Activity]:
    """The activities of the edge days of ``span``."""
    days = Q(pk__in=[])
    for lo, hi in span.edges:
        days |= Q(held_on__gte=lo, held_on__lte=hi)
    qs = Activity.objects.filter(tree.q("unit_path")).filter(days)
    if window.kind is not None:
        qs = qs.filter(kind=window.kind)
    if window.topic:
        qs = qs.filter(topic__icontains=window.topic)
    return qs


def grouped(
    window: Window,
    tree: TreeAsOf,
    fields: Sequence[str],
    *,
    place: bool = False,
    span: Span | None = None,
) -> Grouped:
    """Activities and people reached grouped by ``fields`` (names common to the activities and
    the counters: ``kind_id``, ``kind__name``, ``month``, ``topic``, ``district``, ``commune``)
    — at most one query on the counters and one on the edge days' activities."""
    span = span or split(window.start, window.end)
    out: Grouped = {}
    if span.first_month is not None:
        model = counters(window, place=place, topic="topic" in fields)
        qs = tallies(model, window, tree, span)
        rows = (
            qs.values(*fields).annotate(n=Sum("count"), r=Sum("reached")).order_by()
            if fields
            else [qs.aggregate(n=Sum("count"), r=Sum("reached"))]
        )
        for row in rows:
            add(out, tuple(row[f] for f in fields), row["n"], row["r"])
    if span.edges:
        qs = activities(window, tree, span)
        if place:
            qs = qs.exclude(commune="", district="")
        if "month" in fields:
            qs = qs.annotate(month=TruncMonth("held_on"))
        edge_rows = (
            qs.values(*fields).annotate(n=Count("id"), r=Sum("reached")).order_by()
            if fields
            else [qs.aggregate(n=Count("id"), r=Sum("reached"))]
        )
        for row in edge_rows:
            add(out, tuple(row[f] for f in fields), row["n"], row["r"])
    return out
