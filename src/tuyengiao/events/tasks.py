"""Background work of the calendar: telling the units below that a bulletin was issued."""

from __future__ import annotations

from django.tasks import task

from tuyengiao.notifications.models import Kind
from tuyengiao.notifications.services import notify

from .services.bulletins import issued_notices


@task
def bulletin_issued_task(bulletin_pk: int) -> int:
    return notify(Kind.BULLETIN_ISSUED, issued_notices(bulletin_pk))
