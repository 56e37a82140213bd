"""Background work of the notifications app (Django's tasks framework)."""

from __future__ import annotations

from django.tasks import task

from . import notices, services
from .models import Kind


@task
def plan_sent_task(dispatch_pk: int) -> int:
    return services.notify(Kind.PLAN_SENT, notices.plan_sent(dispatch_pk))


@task
def report_decided_task(version_pk: int) -> int:
    found = notices.report_decided(version_pk)
    if found is None:
        return 0
    kind, notice = found
    return services.notify(kind, [notice])
