"""Sums of a period's values over a subtree, kept in the shared cache until they can change.

A roll-up page draws the trend of every period of its type over the whole subtree. At national
scale (52,000 base organisations, five quarters) that trend was four fifths of the page's SQL,
though past quarters hardly ever change. A period's sums are cached under a stamp that moves
whenever they may have changed:

* values are written and deleted only together with a save of their submission
  (``services.drafts.submit`` and ``return_submission``), which moves the submission's
  ``updated_at``: the newest ``updated_at`` of the period is part of the stamp (an index on
  ``(period, updated_at)`` makes it one index probe);
* units moving in the tree rewrite the copies of paths the sums group by: the copies'
  ``generation`` (``orgs.path_copies``) is part of the stamp;
* a reorganisation changes which paths count under a unit for a period: the tree as of the
  period's end (``orgs.history.tree_as_of``) is part of the key;
* anything else (a submission deleted outright) is bounded by the cache's lifetime.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Q, Sum

from tuyengiao.orgs import path_copies
from tuyengiao.orgs.history import TreeAsOf

from ..models import IndicatorValue, Period, Submission

CACHE_SECONDS = 600


@dataclass
class Agg:
    """The sum and the count of one indicator's values."""

    total: float = 0.0
    count: int = 0

    def add(self, total: float | None, count: int) -> None:
        self.total += total or 0.0
        self.count += count


def _stamp(period: Period) -> str:
    newest = (
        Submission.objects.filter(period=period)
        .order_by("-updated_at")
        .values_list("updated_at", flat=True)
        .first()
    )
    return f"{newest.isoformat() if newest else '-'}:{path_copies.generation()}"


def _tree_key(tree: TreeAsOf) -> str:
    if tree.trivial:
        return tree.unit.path
    return hashlib.sha1(repr(sorted(tree.roots.items())).encode()).hexdigest()


def _computed(wanted: Sequence[tuple[Period, TreeAsOf]]) -> dict[int, dict[int, Agg]]:
    where = Q(pk__in=[])
    for period, tree in wanted:
        where |= Q(period=period) & tree.q("unit_path")
    rows = (
        IndicatorValue.objects.filter(where)
        .values("period_id", "indicator_id")
        .annotate(s=Sum("value"), n=Count("value"))
    )
    out: dict[int, dict[int, Agg]] = {p.pk: {} for p, _ in wanted}
    for row in rows:
        out[row["period_id"]].setdefault(row["indicator_id"], Agg()).add(row["s"], row["n"])
    return out


def period_sums(wanted: Sequence[tuple[Period, TreeAsOf]]) -> dict[int, dict[int, Agg]]:
    """For each (period, tree as of its end): indicator id → sum and count of the values that
    roll up under the tree's unit."""
    keys = {p.pk: f"reports:sums:{p.pk}:{_tree_key(t)}:{_stamp(p)}" for p, t in wanted}
    found = cache.get_many(list(keys.values()))
    out = {pk: found[key] for pk, key in keys.items() if key in found}
    missing = [(p, t) for p, t in wanted if p.pk not in out]
    if missing:
        computed = _computed(missing)
        cache.set_many({keys[p.pk]: computed[p.pk] for p, _ in missing}, CACHE_SECONDS)
        out.update(computed)
    return out
