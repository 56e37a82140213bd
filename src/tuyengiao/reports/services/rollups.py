"""Roll-ups of a period over a unit's subtree: totals, drill-down by child, trend, spread."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Substr
from django.utils import timezone

from tuyengiao.orgs.history import TreeAsOf, tree_as_of
from tuyengiao.orgs.models import Unit

from ..models import (
    Aggregate,
    Indicator,
    IndicatorKind,
    IndicatorValue,
    Period,
    ReportType,
    Status,
    Submission,
)
from .period_sums import Agg, PeriodFigures, period_figures
from .values import fmt, rate_value


@dataclass
class RollupRow:
    indicator: Indicator
    value: float | None
    reported: int
    display: str


@dataclass
class Rollup:
    period: Period
    unit: Unit
    indicators: list[Indicator]
    total: list[RollupRow]
    children: list[tuple[Unit, list[RollupRow]]]
    submitted: int
    expected: int
    # indicator id → sum and count over the whole subtree (what the trend needs of this period)
    sums: dict[int, Agg]

    @property
    def figures(self) -> PeriodFigures:
        return PeriodFigures(self.sums, self.submitted, self.expected)

    @property
    def missing(self) -> int:
        return max(0, self.expected - self.submitted)

    @property
    def coverage_text(self) -> str:
        """ "n/N đơn vị đã báo cáo", for the page and the compiled report alike."""
        return f"{self.submitted}/{self.expected} đơn vị đã báo cáo"


def indicator_result(ind: Indicator, aggs: dict[int, Agg]) -> tuple[float | None, int, str]:
    """The rolled-up figure of one indicator from the sums/counts by indicator id."""
    if ind.kind == IndicatorKind.RATE:
        num = aggs.get(ind.numerator_id or 0, Agg())
        den = aggs.get(ind.denominator_id or 0, Agg())
        if not den.total:
            return None, 0, "—"
        value = 100.0 * num.total / den.total
        return value, den.count, f"{fmt(value)}%"
    a = aggs.get(ind.pk, Agg())
    if ind.kind == IndicatorKind.TEXT:
        return None, a.count, f"{a.count} đơn vị có nội dung"
    if a.count == 0:
        return None, 0, "—"
    if ind.kind == IndicatorKind.BOOL:
        return a.total, a.count, f"{fmt(a.total)}/{a.count} đơn vị có"
    if ind.kind == IndicatorKind.PERCENT or ind.aggregate == Aggregate.MEAN:
        value = a.total / a.count
        suffix = (
            "%" if ind.kind == IndicatorKind.PERCENT else (f" {ind.measure}" if ind.measure else "")
        )
        return value, a.count, f"{fmt(value)}{suffix} (trung bình)"
    return a.total, a.count, fmt(a.total) + (f" {ind.measure}" if ind.measure else "")


def _rows(indicators: Sequence[Indicator], aggs: dict[int, Agg]) -> list[RollupRow]:
    out = []
    for ind in indicators:
        value, reported, display = indicator_result(ind, aggs)
        out.append(RollupRow(ind, value, reported, display))
    return out


def rollup(period: Period, unit: Unit, with_children: bool = True) -> Rollup:
    """Every indicator over ``unit``'s subtree, and for each child unit (drill-down).

    Constant number of queries: indicators, children, one GROUP BY on the path prefix over the
    narrow value table, and one count of submissions.

    The subtree is the one of the period's end (``orgs.history.tree_as_of``): after a
    reorganisation, a past period rolls up under the tree of its time, and a successor's roll-up
    of a period before it was formed shows its predecessors. Then values are grouped by full path
    and folded into the children of that time (a local tree, a few hundred paths)."""
    indicators = list(period.report_type.indicators.all())
    prefix_len = (unit.depth + 1) * Unit.steplen
    tree = tree_as_of(unit, period.end)
    in_subtree = IndicatorValue.objects.filter(tree.q("unit_path"), period=period)
    text_ids = [i.pk for i in indicators if i.kind == IndicatorKind.TEXT]
    if tree.trivial:
        # Numbers: (period, indicator, unit_path) + value is a covering index on PostgreSQL.
        grouped = list(
            in_subtree.annotate(prefix=Substr("unit_path", 1, prefix_len))
            .values("prefix", "indicator_id")
            .annotate(s=Sum("value"), n=Count("value"))
        )
        # Text indicators only count the units that wrote something (a separate, small query).
        if text_ids:
            grouped += list(
                in_subtree.filter(indicator_id__in=text_ids)
                .exclude(text="")
                .annotate(prefix=Substr("unit_path", 1, prefix_len))
                .values("prefix", "indicator_id")
                .annotate(s=Sum("value"), n=Count("id"))
            )
        folded = [(r["prefix"], r["indicator_id"], r["s"], r["n"]) for r in grouped]
    else:
        folded = []
        exact = list(
            in_subtree.values("unit_path", "indicator_id").annotate(
                s=Sum("value"), n=Count("value")
            )
        )
        if text_ids:
            exact += list(
                in_subtree.filter(indicator_id__in=text_ids)
                .exclude(text="")
                .values("unit_path", "indicator_id")
                .annotate(s=Sum("value"), n=Count("id"))
            )
        for row in exact:
            key = tree.child_path(row["unit_path"])
            if key is not None:
                folded.append((key, row["indicator_id"], row["s"], row["n"]))
    total: dict[int, Agg] = {}
    by_child: dict[str, dict[int, Agg]] = {}
    for prefix, indicator_id, s, n in folded:
        total.setdefault(indicator_id, Agg()).add(s, n)
        by_child.setdefault(prefix, {}).setdefault(indicator_id, Agg()).add(s, n)
    children: list[tuple[Unit, list[RollupRow]]] = []
    if with_children:
        # The children with values are the prefixes found: looked up by the unique path index
        # (63 keys at national level) rather than a scan of the subtree for depth + 1.
        if tree.trivial:
            child_paths = [p for p in by_child if len(p) == prefix_len and p.startswith(unit.path)]
            child_units = Unit.objects.filter(path__in=child_paths, depth=unit.depth + 1)
        else:
            child_units = Unit.objects.filter(path__in=[p for p in by_child if p != unit.path])
        children = [(c, _rows(indicators, by_child[c.path])) for c in child_units.order_by("path")]
    subs = Submission.objects.filter(period=period)
    if not tree.trivial:
        subs = subs.filter(tree.q("unit__path"))
    elif not unit.contains(period.report_type.unit):
        # below the owner: only that subtree (over the whole owner subtree no join is needed,
        # every recipient being below the owner)
        subs = subs.filter(unit__path__startswith=unit.path)
    # COUNT(*) / COUNT(status), not COUNT(id): over the whole owner subtree this is an index-only
    # scan of (period, status, is_late) on PostgreSQL instead of a visit of every submission row.
    counts = subs.aggregate(
        expected=Count("*"),
        submitted=Count("status", filter=Q(status__in=[Status.SUBMITTED, Status.ACCEPTED])),
    )
    return Rollup(
        period,
        unit,
        indicators,
        _rows(indicators, total),
        children,
        counts["submitted"],
        counts["expected"],
        total,
    )


@dataclass
class Coverage:
    """How many of the units asked reported in a period (submitted or accepted)."""

    period: Period
    reported: int
    expected: int

    @property
    def label(self) -> str:
        return f"{self.reported}/{self.expected}"


@dataclass
class Trend:
    """Each indicator's figure over the periods begun, told honestly.

    ``series`` rolls up whatever was reported in each period; ``comparable`` rolls up only the
    ``comparable_units`` units that reported in every period shown, so a period where few units
    have reported yet does not look like a collapse; ``coverage`` says n/N for each period."""

    periods: list[Period]
    series: dict[int, list[float | None]]
    comparable: dict[int, list[float | None]]
    comparable_units: int
    coverage: list[Coverage]
    comparable_skipped: bool = False  # a subtree over COMPARABLE_MAX_UNITS: n/N only


def _series(
    indicators: Sequence[Indicator], periods: Sequence[Period], values: QuerySet[IndicatorValue]
) -> dict[int, list[float | None]]:
    per_period: dict[int, dict[int, Agg]] = {}
    for row in values.values("period_id", "indicator_id").annotate(
        s=Sum("value"), n=Count("value")
    ):
        per_period.setdefault(row["period_id"], {}).setdefault(row["indicator_id"], Agg()).add(
            row["s"], row["n"]
        )
    return {
        ind.pk: [indicator_result(ind, per_period.get(p.pk, {}))[0] for p in periods]
        for ind in indicators
        if ind.kind != IndicatorKind.TEXT
    }


# Above this many units, the like-for-like line (units that reported in every period) is not
# drawn: finding them reads every value of every period (1.3 M rows at national scale, seconds),
# while the n/N of each period, which says the same honestly, comes from the cached figures.
COMPARABLE_MAX_UNITS = 5000


def trend(
    report_type: ReportType, unit: Unit, known: dict[int, PeriodFigures] | None = None
) -> Trend:
    """The trend of every indicator in ``unit``'s subtree over the type's periods begun that some
    unit reported in, each period read in the tree of its time: all reports, the like-for-like
    roll-up (units that reported in every one of those periods; subtrees up to
    ``COMPARABLE_MAX_UNITS``) and the coverage of each period. Each period's figures are cached
    (:mod:`.period_sums`); ``known``: figures already at hand (the roll-up page's own period)."""
    begun = list(report_type.periods.filter(start__lte=timezone.localdate()).order_by("start"))
    indicators = list(report_type.indicators.all())
    known = known or {}
    figures = dict(known)
    trees = {p.pk: tree_as_of(unit, p.end) for p in begun}
    figures.update(period_figures([(p, trees[p.pk]) for p in begun if p.pk not in known]))
    # A period nobody has reported in yet (the one just begun) has nothing to draw or compare.
    periods = [p for p in begun if figures[p.pk].reported > 0]
    series = {
        ind.pk: [indicator_result(ind, figures[p.pk].sums)[0] for p in periods]
        for ind in indicators
        if ind.kind != IndicatorKind.TEXT
    }
    coverage = [Coverage(p, figures[p.pk].reported, figures[p.pk].expected) for p in periods]
    comparable: dict[int, list[float | None]] = {}
    comparable_units = 0
    too_large = bool(periods) and max(c.expected for c in coverage) > COMPARABLE_MAX_UNITS
    if periods and not too_large:
        values = IndicatorValue.objects.filter(_in_trees_of_their_time(unit, periods, trees))
        # Units with values in every period shown (values exist for submitted and accepted reports).
        steady = (
            values.values("unit_path")
            .annotate(k=Count("period", distinct=True))
            .filter(k=len(periods))
            .values("unit_path")
        )
        comparable_units = steady.count()
        if comparable_units:
            comparable = _series(indicators, periods, values.filter(unit_path__in=steady))
    return Trend(
        periods=periods,
        series=series,
        comparable=comparable,
        comparable_units=comparable_units,
        coverage=coverage,
        comparable_skipped=too_large,
    )


def _in_trees_of_their_time(unit: Unit, periods: list[Period], trees: dict[int, TreeAsOf]) -> Q:
    """Values of each period in ``unit``'s subtree of that period's end (one prefix when no
    reorganisation touched the subtree since the first of them)."""
    if all(trees[p.pk].trivial for p in periods):
        return Q(period__in=periods, unit_path__startswith=unit.path)
    out = Q(pk__in=[])
    for p in periods:
        out |= Q(period=p) & trees[p.pk].q("unit_path")
    return out


def spread(
    period: Period, unit: Unit, indicator: Indicator, limit: int = 40
) -> list[tuple[str, float]]:
    """The indicator's value per reporting unit below ``unit`` (for the spread chart), in the
    tree of the period's end."""
    subtree = tree_as_of(unit, period.end).q("unit_path")
    if indicator.kind == IndicatorKind.RATE:
        rows = IndicatorValue.objects.filter(
            subtree,
            period=period,
            indicator_id__in=[indicator.numerator_id, indicator.denominator_id],
        ).values_list("submission__unit__name", "indicator_id", "value")
        per: dict[str, dict[int, float | None]] = {}
        for name, ind_id, v in rows:
            per.setdefault(name, {})[ind_id] = v
        out = [(name, rate_value(indicator, d)) for name, d in per.items()]
        return sorted(((n, v) for n, v in out if v is not None), key=lambda t: -t[1])[:limit]
    rows2 = (
        IndicatorValue.objects.filter(
            subtree, period=period, indicator=indicator, value__isnull=False
        )
        .order_by("-value")
        .values_list("submission__unit__name", "value")[:limit]
    )
    return [(n, float(v)) for n, v in rows2 if v is not None]
