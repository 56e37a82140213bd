"""Per-unit tallies and attendance rates of study rounds, rolled up over the unit tree.

For the reports app
-------------------
``rate_for_unit(round, unit) -> dict(eligible=, attended=, exempted=, rate=)`` gives the
attendance of ``unit``'s whole subtree in ``round``:

* ``eligible``  members on the round's list in the subtree (exempted ones included),
* ``exempted``  of those, members exempted (by category) who did not attend after all,
* ``attended``  members who attended at least one session (each member counts once per round),
* ``rate``      ``attended / (eligible - exempted) * 100`` as a ``Decimal`` rounded to 0.01,
                or ``None`` when nobody is expected.

It costs one query whatever the depth (a path-prefix SUM over ``RoundUnitTally``). An indicator
"tỷ lệ đảng viên tham gia học tập nghị quyết" can be filled from it so that no unit types the rate
by hand. ``round_rates(round, parent_unit)`` gives the same figures for each child of
``parent_unit`` (each aggregated over its subtree) in a constant number of queries.

Counting rules
--------------
* The list is a snapshot of the active party members of the covered units (and their subtrees)
  taken when the round opens; officers may add a member later or exempt one with a category.
* Attendance is unique per (round, member): a second check-in, at the same session or another
  one (a make-up session), changes nothing.
* An exempted member who attends anyway counts as attended, not exempted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import Length, Substr
from django.utils import timezone

from tuyengiao.orgs.history import TreeAsOf, tree_as_of
from tuyengiao.orgs.models import Unit

from ..models import (
    Attendance,
    Eligibility,
    RoundUnitTally,
    StudyRound,
)


def rate_percent(attended: int, expected: int) -> Decimal | None:
    """``attended`` of ``expected`` in per cent, to 0.01; None when nobody is expected."""
    if expected <= 0:
        return None
    return (Decimal(attended) * 100 / Decimal(expected)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def refresh_tallies(study_round: StudyRound, unit_ids: Iterable[int] | None = None) -> None:
    """Recount the per-unit counters of ``unit_ids`` (all units of the round when None): 3 queries."""
    ids = None if unit_ids is None else set(unit_ids)
    if ids is not None and not ids:
        return
    elig = Eligibility.objects.filter(round=study_round)
    att = Attendance.objects.filter(round=study_round)
    if ids is not None:
        elig = elig.filter(unit_id__in=ids)
        att = att.filter(unit_id__in=ids)
    attended_sub = Attendance.objects.filter(round=study_round, person=OuterRef("person"))
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for uid, n, ex in (
        elig.annotate(came=Exists(attended_sub))
        .values("unit_id")
        .annotate(n=Count("id"), ex=Count("id", filter=~Q(exemption="") & Q(came=False)))
        .values_list("unit_id", "n", "ex")
    ):
        counts[uid][0], counts[uid][1] = n, ex
    for uid, n in att.values("unit_id").annotate(n=Count("id")).values_list("unit_id", "n"):
        counts[uid][2] = n
    paths = dict(Unit.objects.filter(id__in=set(counts) | (ids or set())).values_list("id", "path"))
    with transaction.atomic():
        stale = RoundUnitTally.objects.filter(round=study_round)
        if ids is not None:
            stale = stale.filter(unit_id__in=ids)
        stale.delete()
        RoundUnitTally.objects.bulk_create(
            [
                RoundUnitTally(
                    round=study_round,
                    unit_id=uid,
                    unit_path=paths[uid],
                    eligible=e,
                    exempted=x,
                    attended=a,
                )
                for uid, (e, x, a) in counts.items()
            ],
            batch_size=2000,
        )


@dataclass
class RateRow:
    unit: Unit
    eligible: int
    exempted: int
    attended: int
    target: Decimal
    direct: bool = False  # the members attached to the parent unit itself, not a child subtree
    has_children: bool = False

    @property
    def expected(self) -> int:
        return self.eligible - self.exempted

    @property
    def absent(self) -> int:
        return max(0, self.expected - self.attended)

    @property
    def rate(self) -> Decimal | None:
        return rate_percent(self.attended, self.expected)

    @property
    def below_target(self) -> bool:
        rate = self.rate
        return rate is not None and rate < self.target


def _as_of(study_round: StudyRound) -> date:
    """The date whose tree a round rolls up in: its last day (today while it runs)."""
    return min(study_round.ends_on, timezone.localdate())


def rate_for_unit(study_round: StudyRound, unit: Unit) -> dict[str, Any]:
    """Attendance of ``unit``'s whole subtree in ``study_round`` (one query). See the module docstring.

    The subtree is the one of the round's last day (``orgs.history.tree_as_of``): a round over
    before a reorganisation rolls up in the tree of its time."""
    sums = RoundUnitTally.objects.filter(
        tree_as_of(unit, _as_of(study_round)).q("unit_path"), round=study_round
    ).aggregate(eligible=Sum("eligible"), exempted=Sum("exempted"), attended=Sum("attended"))
    eligible, exempted, attended = (int(sums[k] or 0) for k in ("eligible", "exempted", "attended"))
    return {
        "eligible": eligible,
        "exempted": exempted,
        "attended": attended,
        "rate": rate_percent(attended, eligible - exempted),
    }


def round_rates(study_round: StudyRound, parent_unit: Unit) -> list[RateRow]:
    """One row per child of ``parent_unit`` (aggregated over its subtree) plus a row for the members
    attached to ``parent_unit`` itself if any. Three queries whatever the size of the tree (in the
    tree of the round's last day; see ``rate_for_unit``)."""
    step = Unit.steplen
    prefix_len = (parent_unit.depth + 1) * step
    tree = tree_as_of(parent_unit, _as_of(study_round))
    if not tree.trivial:
        return _round_rates_as_of(study_round, parent_unit, tree)
    grouped = list(
        RoundUnitTally.objects.filter(round=study_round, unit_path__startswith=parent_unit.path)
        .annotate(prefix=Substr("unit_path", 1, prefix_len), path_len=Length("unit_path"))
        .values("prefix")
        .annotate(
            e=Sum("eligible"),
            x=Sum("exempted"),
            a=Sum("attended"),
            deeper=Count("id", filter=Q(path_len__gt=prefix_len)),
        )
        .values_list("prefix", "e", "x", "a", "deeper")
    )
    units = {u.path: u for u in Unit.objects.filter(path__in=[g[0] for g in grouped])}
    target = study_round.target_rate
    rows = []
    for prefix, e, x, a, deeper in grouped:
        unit = units.get(prefix)
        if unit is None:
            continue
        rows.append(
            RateRow(
                unit,
                int(e),
                int(x),
                int(a),
                target,
                direct=unit.pk == parent_unit.pk,
                has_children=deeper > 0,
            )
        )
    rows.sort(key=lambda r: (not r.direct, r.unit.path))
    return rows


def _round_rates_as_of(study_round: StudyRound, parent_unit: Unit, tree: TreeAsOf) -> list[RateRow]:
    """``round_rates`` when the subtree changed since the round: tallies grouped by full path,
    folded into the children of the round's time."""
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for path, e, x, a in RoundUnitTally.objects.filter(
        tree.q("unit_path"), round=study_round
    ).values_list("unit_path", "eligible", "exempted", "attended"):
        key = tree.child_path(path)
        if key is None:
            continue
        row = sums[key]
        row[0], row[1], row[2] = row[0] + e, row[1] + x, row[2] + a
        row[3] += path != key
    units = tree.children(list(sums))
    rows = [
        RateRow(
            units[key],
            e,
            x,
            a,
            study_round.target_rate,
            direct=key == parent_unit.path,
            has_children=deeper > 0,
        )
        for key, (e, x, a, deeper) in sums.items()
        if key in units
    ]
    rows.sort(key=lambda r: (not r.direct, r.unit.path))
    return rows


def units_below_target(study_round: StudyRound, parent_unit: Unit) -> list[RateRow]:
    return [r for r in round_rates(study_round, parent_unit) if r.below_target]
