"""Copies of unit tree paths kept by other apps, refreshed when paths change.

Roll-up tables (reports' indicator values, study's per-unit tallies) store their unit's tree path
so that a roll-up is one GROUP BY on a path prefix, without joining the tree. An app declares its
copy in ``ready()`` with :func:`register`; when ``orgs.signals.unit_paths_changed`` names the
prefixes under which paths were renumbered, one background task
(``orgs.tasks.refresh_path_copies_task``) refreshes every registered copy under them.

Results computed from the copies (cached roll-up sums) name :func:`generation` in their cache key:
it changes when paths change and again when the copies have been refreshed.
"""

from __future__ import annotations

from django.apps import apps
from django.core.cache import cache
from django.db.models import F, Model, OuterRef, Q, Subquery

# model label -> lookup from that model to the unit's current path, e.g. "unit__path"
_COPIES: dict[str, str] = {}
_GENERATION_KEY = "orgs:path-copies:generation"


def generation() -> int:
    """A number that changes whenever the path copies may have changed (shared cache)."""
    return int(cache.get_or_set(_GENERATION_KEY, 0, timeout=None) or 0)


def bump_generation() -> None:
    try:
        cache.incr(_GENERATION_KEY)
    except ValueError:  # not in the cache (cleared, or never set): any new value will do
        cache.set(_GENERATION_KEY, 1, timeout=None)


def register(model: type[Model], unit_path: str) -> None:
    """``model.unit_path`` is a copy of the path found through the lookup ``unit_path``."""
    _COPIES[model._meta.label] = unit_path


def refresh(model: type[Model], prefixes: list[str] | None = None) -> int:
    """Re-copy the current paths into ``model``'s stale copies (only those starting with one of
    ``prefixes`` when given). Returns the rows fixed."""
    source = _COPIES[model._meta.label]
    stale = model._default_manager.exclude(unit_path=F(source))
    if prefixes is not None:
        under = Q(pk__in=[])
        for prefix in prefixes:
            under |= Q(unit_path__startswith=prefix)
        stale = stale.filter(under)
    current = model._default_manager.filter(pk=OuterRef("pk")).values(source)[:1]
    return model._default_manager.filter(pk__in=stale.values("pk")).update(
        unit_path=Subquery(current)
    )


def refresh_all(prefixes: list[str] | None = None) -> int:
    """:func:`refresh` every registered copy."""
    fixed = sum(refresh(apps.get_model(label), prefixes) for label in _COPIES)
    bump_generation()
    return fixed
