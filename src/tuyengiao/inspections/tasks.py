"""Background work of the inspections app: telling the units to be inspected."""

from __future__ import annotations

from django.db import transaction
from django.tasks import task

from tuyengiao.notifications.models import Kind
from tuyengiao.notifications.services import notify

from .models import Inspection
from .notices import planned_notices


def inspection_planned(inspection: Inspection) -> None:
    """Enqueue the notices after the planning commits (a rolled-back plan tells nobody)."""
    pk = inspection.pk
    transaction.on_commit(lambda: inspection_planned_task.enqueue(pk))


@task
def inspection_planned_task(inspection_pk: int) -> int:
    return notify(Kind.INSPECTION_PLANNED, planned_notices(inspection_pk))
