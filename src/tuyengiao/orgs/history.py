"""The unit tree as it was on a date, for roll-ups of past periods.

Roll-up tables (reports' ``IndicatorValue``, study's ``RoundUnitTally``) keep a copy of each
unit's *current* path and sum a subtree with ``unit_path LIKE 'prefix%'``. After a
reorganisation the current tree is not the tree a past period was reported in: a unit moved from
one parent to another belonged to the old parent then; units merged into a successor were the
successor's predecessors. :func:`tree_as_of` answers, for one unit and one date, which stored
paths roll up under that unit for a period of that date, and under which of its children (as of
the date) each of them falls:

* every path under the unit, except the subtrees of units that were elsewhere on the date;
* plus the subtrees of units that were under the unit on the date and have moved away since;
* when the unit did not exist yet (a successor formed later), the subtrees of its predecessors:
  it stands for them, so a successor's roll-up of an earlier period shows the old units.

With no reorganisation after the date (always the case for a current period), the answer is the
plain ``startswith(unit.path)`` of before, read with one small query — roll-ups keep their cost.
Both apps go through this module (``rollup``/``trend``/``spread`` in ``reports.services.rollups``,
``rate_for_unit``/``round_rates`` in ``study.services.rates``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q

from .models import ReorganisationLink, Unit, UnitAsOf, UnitState, current_q


@dataclass
class TreeAsOf:
    """Which stored paths roll up under ``unit`` for a period of date ``on``."""

    unit: Unit
    on: dt.date
    # current path → (counted under unit?, the path of the child-as-of-the-date it falls under;
    # None: under the unit's own current children, found from the path itself)
    roots: dict[str, tuple[bool, str | None]] = field(default_factory=dict)

    @property
    def trivial(self) -> bool:
        return list(self.roots) == [self.unit.path]

    def q(self, path_field: str = "unit_path") -> Q:
        """The rows whose ``path_field`` rolls up under the unit on the date."""
        if self.trivial:
            return Q(**{f"{path_field}__startswith": self.unit.path})
        out = Q(pk__in=[])
        for root, (counted, _key) in self.roots.items():
            if not counted:
                continue
            term = Q(**{f"{path_field}__startswith": root})
            for other, (other_counted, _) in self.roots.items():
                if not other_counted and other != root and other.startswith(root):
                    term &= ~Q(**{f"{path_field}__startswith": other})
            out |= term
        return out

    def child_path(self, path: str) -> str | None:
        """The current path of the unit's child *as of the date* that ``path`` rolls up under
        (``unit.path`` itself for the unit's own rows); None when ``path`` is not counted."""
        best = ""
        for root in self.roots:
            if path.startswith(root) and len(root) > len(best):
                best = root
        if not best:
            return None
        counted, key = self.roots[best]
        if not counted:
            return None
        if key is not None:
            return key
        step = Unit.steplen
        if len(path) <= len(best):
            return best
        return path[: len(best) + step]

    def children(self, paths: list[str]) -> dict[str, Unit]:
        """The units (children as of the date) for the keys :meth:`child_path` gave."""
        return {u.path: u for u in Unit.objects.filter(path__in=set(paths))}


def _covering_states(on: dt.date) -> list[UnitState]:
    return list(
        UnitState.objects.filter(valid_to__gt=on)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on))
        .select_related("unit", "parent")
        .order_by("unit_id", "valid_to")
    )


def stand_ins(unit: Unit, on: dt.date) -> list[Unit]:
    """The units ``unit`` stands for on ``on`` when it did not exist yet: its predecessors that
    existed then (and theirs, for a chain of changes)."""
    if unit.started_on is None or unit.started_on <= on:
        return []
    found: list[Unit] = []
    frontier = [unit.pk]
    seen = {unit.pk}
    while frontier:
        links = ReorganisationLink.objects.filter(successor_id__in=frontier).select_related(
            "predecessor"
        )
        frontier = []
        for link in links:
            pred = link.predecessor
            if pred.pk in seen:
                continue
            seen.add(pred.pk)
            if pred.exists_on(on):
                found.append(pred)
            elif pred.started_on is not None and pred.started_on > on:
                frontier.append(pred.pk)
    return found


def tree_as_of(unit: Unit, on: dt.date) -> TreeAsOf:
    """See the module docstring. One query when no change happened after ``on``."""
    tree = TreeAsOf(unit, on, {unit.path: (True, None)})
    states = _covering_states(on)
    preds = stand_ins(unit, on)
    if not states and not preds:
        return tree
    # the parent each displaced unit had on the date (first state covering it)
    old_parent: dict[int, Unit | None] = {}
    for state in states:
        old_parent.setdefault(state.unit_id, state.parent)
    # every unit a walk may need, read at once: the displaced units' current parents, and the
    # parents they had on the date with all their ancestors (two queries, however many states)
    wanted: set[str] = {st.unit.path[: -Unit.steplen] for st in states if st.unit.depth > 1}
    for st in states:
        if st.parent is not None:
            wanted.update(st.parent.ancestor_paths(include_self=True))
    by_path: dict[str, Unit] = {u.path: u for u in Unit.objects.filter(path__in=wanted)}

    def current_parent(u: Unit) -> Unit | None:
        if u.depth <= 1:
            return None
        ppath = u.path[: -Unit.steplen]
        if ppath not in by_path:
            found = Unit.objects.filter(path=ppath).first()
            if found is None:
                return None
            by_path[ppath] = found
        return by_path[ppath]

    displaced: dict[int, tuple[Unit, Unit | None]] = {}
    for state in states:
        u = state.unit
        if u.pk in displaced:
            continue
        cur = current_parent(u)
        then = old_parent[u.pk]
        if (cur.pk if cur else None) != (then.pk if then else None):
            displaced[u.pk] = (u, then)
    targets = {unit.pk} | {p.pk for p in preds}

    def parent_then(u: Unit) -> Unit | None:
        if u.pk in displaced:
            return displaced[u.pk][1]
        return current_parent(u)

    for pred in preds:
        tree.roots[pred.path] = (True, pred.path)
    for u, _then in displaced.values():
        if u.pk == unit.pk:
            continue
        node: Unit | None = u
        below: Unit = u
        counted = False
        for _ in range(64):  # a chain is as deep as the tree; the bound guards bad data
            if node is None:
                break
            if node.pk in targets and node is not u:
                counted = True
                if node.pk != unit.pk:  # under a stand-in: the row is the stand-in itself
                    below = node
                break
            if node.pk in targets and node is u:  # a stand-in that moved itself
                counted, below = True, u
                break
            below = node
            node = parent_then(node)
        if counted:
            tree.roots[u.path] = (True, below.path)
        elif any(u.path.startswith(r) for r, (c, _k) in tree.roots.items() if c):
            tree.roots[u.path] = (False, None)  # under the unit now, elsewhere on the date
    return tree


def subtree_q(unit: Unit, on: dt.date, path_field: str = "unit_path") -> Q:
    """Shorthand: the rows of ``path_field`` that roll up under ``unit`` for a period of ``on``."""
    return tree_as_of(unit, on).q(path_field)


def children_on(unit: Unit, on: dt.date) -> list[UnitAsOf]:
    """The units directly below ``unit`` on ``on``, with their names of that day — or, when the
    unit did not exist yet, the units it stands for (its predecessors). Three queries."""
    preds = stand_ins(unit, on)
    if preds:
        return [p.as_of(on) or UnitAsOf(p, p.name, p.short_name, None) for p in preds]
    states: dict[int, UnitState] = {}
    for state in _covering_states(on):
        states.setdefault(state.unit_id, state)
    below = Unit.objects.filter(current_q(on), path__startswith=unit.path, depth=unit.depth + 1)
    out: list[UnitAsOf] = []
    for child in below:
        kept = states.get(child.pk)
        if kept is not None and kept.parent_id != unit.pk:
            continue  # elsewhere on that day
        if kept is not None:
            out.append(UnitAsOf(child, kept.name, kept.short_name, unit.pk))
        else:
            out.append(UnitAsOf(child, child.name, child.short_name, unit.pk))
    seen = {u.unit.pk for u in out}
    for state in states.values():
        if state.parent_id == unit.pk and state.unit_id not in seen and state.unit.exists_on(on):
            out.append(UnitAsOf(state.unit, state.name, state.short_name, unit.pk))
    return sorted(out, key=lambda u: u.unit.code)
