"""The monthly counters of the register (``ActivityKindTally``, ``ActivityTally`` with the topic,
``ActivityPlaceTally``): kept in the
transaction of every write of an activity, and rebuilt from the activities.

``records`` calls :func:`apply` with what the activity counted for before the write
(:func:`contribution` of the stored row; None for a new activity) and after it (None for a
deletion): the old contribution is taken off, the new one added, on the unit's own row and on the
subtree row of the unit and of each of its ancestors (the unit's depth + 1 rows per table, a few
small UPDATEs; a row is created when missing and deleted when its count falls to zero).

:func:`rebuild` recomputes every row from the activities (the management command
``rebuild_activity_tallies`` and the data migration); :func:`rebuild_subtrees` recomputes the
subtree rows from the own rows, after tree paths changed (a unit moved: its old ancestors no
longer hold it) — connected to ``orgs.signals.unit_paths_changed`` through a background task.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.db.models import F, Max, Model

from tuyengiao.orgs.models import Unit

from ..models import Activity, ActivityKindTally, ActivityPlaceTally, ActivityTally


@dataclass(frozen=True)
class Contribution:
    """What one activity counts for in the counters."""

    unit_id: int
    unit_path: str
    month: date
    kind_id: int
    topic: str
    district: str
    commune: str
    reached: int

    @property
    def has_place(self) -> bool:
        return bool(self.district or self.commune)


def contribution(activity: Activity) -> Contribution:
    return Contribution(
        unit_id=activity.unit_id,
        unit_path=activity.unit.path,
        month=activity.held_on.replace(day=1),
        kind_id=activity.kind_id,
        topic=activity.topic,
        district=activity.district,
        commune=activity.commune,
        reached=int(activity.reached or 0),
    )


def stored_contribution(activity_pk: int) -> Contribution:
    """The contribution of the activity as stored (row locked until the transaction ends, so two
    edits of one activity cannot both take off the same old figures)."""
    stored = Activity.objects.select_for_update().select_related("unit").get(pk=activity_pk)
    return contribution(stored)


def apply(old: Contribution | None, new: Contribution | None) -> None:
    """Take ``old`` off the counters and add ``new`` (call inside the write's transaction)."""
    if old == new:
        return
    if old is not None:
        _bump(old, -1)
    if new is not None:
        _bump(new, +1)


def _bump(c: Contribution, sign: int) -> None:
    steps = len(c.unit_path) // Unit.steplen
    lines = [c.unit_path[: n * Unit.steplen] for n in range(1, steps + 1)]
    ancestors = list(Unit.objects.filter(path__in=lines).values_list("pk", "path"))
    targets = [(c.unit_id, c.unit_path, False)] + [(pk, path, True) for pk, path in ancestors]
    key: dict[str, Any] = {"month": c.month, "kind_id": c.kind_id}
    _bump_rows(ActivityKindTally, key, targets, sign, c.reached)
    _bump_rows(ActivityTally, {**key, "topic": c.topic}, targets, sign, c.reached)
    if c.has_place:
        key = {
            "month": c.month,
            "kind_id": c.kind_id,
            "district": c.district,
            "commune": c.commune,
        }
        _bump_rows(ActivityPlaceTally, key, targets, sign, c.reached)


def _bump_rows(
    model: type[Model],
    key: dict[str, Any],
    targets: list[tuple[int, str, bool]],
    sign: int,
    reached: int,
) -> None:
    manager = model._default_manager
    for subtree in (False, True):
        units = {pk: path for pk, path, flag in targets if flag is subtree}
        if not units:
            continue
        rows = manager.filter(unit_id__in=list(units), subtree=subtree, **key)
        changed = rows.update(count=F("count") + sign, reached=F("reached") + sign * reached)
        if sign < 0:
            rows.filter(count__lte=0).delete()
            continue
        if changed == len(units):
            continue
        present = set(rows.values_list("unit_id", flat=True))
        for pk, path in units.items():
            if pk in present:
                continue
            try:
                with transaction.atomic():  # a savepoint: another write may create it first
                    manager.create(
                        unit_id=pk, unit_path=path, subtree=subtree, count=1, reached=reached, **key
                    )
            except IntegrityError:
                manager.filter(unit_id=pk, subtree=subtree, **key).update(
                    count=F("count") + 1, reached=F("reached") + reached
                )


# --- rebuilding -------------------------------------------------------------------------------


def _month_sql(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"date_trunc('month', {column})::date"
    return f"date({column}, 'start of month')"


_DIMENSIONS: list[tuple[type[Model], list[str], str]] = [
    (ActivityKindTally, [], ""),
    (ActivityTally, ["topic"], ""),
    (ActivityPlaceTally, ["district", "commune"], "AND NOT (a.district = '' AND a.commune = '')"),
]


def _cols(prefix: str, extra: list[str]) -> str:
    """``", x.topic"`` — the extra key columns, with a leading comma (nothing when none)."""
    return "".join(f", {prefix}{c}" for c in extra)


@transaction.atomic
def rebuild(only: list[type[Model]] | None = None) -> int:
    """Recompute every counter (of the tables ``only`` when given) from the activities; returns
    the number of own rows by unit, month and kind."""
    activity = Activity._meta.db_table
    unit = Unit._meta.db_table
    month = _month_sql("a.held_on")
    own_rows = 0
    dimensions = [d for d in _DIMENSIONS if only is None or d[0] in only]
    with connection.cursor() as cur:
        for model, extra, where in dimensions:
            table = model._meta.db_table
            cols = _cols("", extra)
            a_cols = _cols("a.", extra)
            cur.execute(f"DELETE FROM {table}")
            cur.execute(
                f"""
                INSERT INTO {table} (unit_id, unit_path, subtree, month, kind_id{cols},
                                     count, reached)
                SELECT a.unit_id, u.path, %s, {month}, a.kind_id{a_cols},
                       count(*), coalesce(sum(a.reached), 0)
                FROM {activity} a JOIN {unit} u ON u.id = a.unit_id
                WHERE 1 = 1 {where}
                GROUP BY a.unit_id, u.path, {month}, a.kind_id{a_cols}
                """,
                [False],
            )
            if model is ActivityKindTally:
                own_rows = cur.rowcount
    rebuild_subtrees([d[0] for d in dimensions])
    return own_rows


@transaction.atomic
def rebuild_subtrees(only: list[type[Model]] | None = None) -> None:
    """Recompute the subtree rows from the own rows and the current tree, from the deepest level
    up: a unit's subtree rows are its own rows plus its children's subtree rows."""
    unit = Unit._meta.db_table
    deepest = Unit.objects.aggregate(d=Max("depth"))["d"] or 0
    step = Unit.steplen
    with connection.cursor() as cur:
        for model, extra, _where in _DIMENSIONS:
            if only is not None and model not in only:
                continue
            table = model._meta.db_table
            cols = _cols("", extra)
            x_cols = _cols("x.", extra)
            t_cols = _cols("t.", extra)
            cur.execute(f"DELETE FROM {table} WHERE subtree = %s", [True])
            for depth in range(deepest, 0, -1):
                cur.execute(
                    f"""
                    INSERT INTO {table} (unit_id, unit_path, subtree, month, kind_id{cols},
                                         count, reached)
                    SELECT anc.id, anc.path, %s, x.month, x.kind_id{x_cols},
                           sum(x.count), sum(x.reached)
                    FROM (
                        SELECT u.path AS upath, t.month, t.kind_id{t_cols}, t.count, t.reached
                        FROM {table} t JOIN {unit} u ON u.id = t.unit_id
                        WHERE t.subtree = %s AND u.depth = %s
                        UNION ALL
                        SELECT substr(u.path, 1, %s) AS upath, t.month, t.kind_id{t_cols},
                               t.count, t.reached
                        FROM {table} t JOIN {unit} u ON u.id = t.unit_id
                        WHERE t.subtree = %s AND u.depth = %s
                    ) x JOIN {unit} anc ON anc.path = x.upath
                    GROUP BY anc.id, anc.path, x.month, x.kind_id{x_cols}
                    """,
                    [True, False, depth, depth * step, True, depth + 1],
                )


def on_unit_paths_changed(prefixes: list[str], **kwargs: object) -> None:
    """Receiver of ``orgs.signals.unit_paths_changed``: the subtree rows follow the new tree."""
    from ..tasks import rebuild_subtrees_task

    rebuild_subtrees_task.enqueue()
