"""Background work of the inspections app: telling the units to be inspected."""

from __future__ import annotations

from django.tasks import task

from tuyengiao.notifications.models import Kind
from tuyengiao.notifications.services import notify

from .notices import planned_notices


@task
def inspection_planned_task(inspection_pk: int) -> int:
    return notify(Kind.INSPECTION_PLANNED, planned_notices(inspection_pk))
