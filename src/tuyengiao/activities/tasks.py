"""Background work of the activity register (Django's tasks framework)."""

from __future__ import annotations

from django.tasks import task


@task
def rebuild_subtrees_task() -> None:
    """Recompute the subtree counters after tree paths changed (``services.tallies``)."""
    from .services.tallies import rebuild_subtrees

    rebuild_subtrees()
