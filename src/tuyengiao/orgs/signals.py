"""Signals of the unit tree.

``unit_paths_changed(prefixes=[...])`` is sent after the commit of a transaction in which tree
paths of existing units changed: a unit was moved, or a unit was inserted before existing
siblings (treebeard keeps siblings in code order by renumbering the paths of those after it).
``prefixes`` are the old paths of the parents whose subtrees were renumbered: every stale copy
of a path starts with one of them. Apps that keep a copy of a unit's path — the roll-up tables
of reports and study, which group by path prefix without a join — refresh their copies on it.
"""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal

unit_paths_changed = Signal()


def paths_changed(prefixes: list[str]) -> None:
    """Send ``unit_paths_changed`` once the current transaction commits (right away outside one)."""
    from .models import Unit

    transaction.on_commit(
        lambda: unit_paths_changed.send(sender=Unit, prefixes=sorted(set(prefixes)))
    )
