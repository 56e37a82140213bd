"""Background work of the surveys app: telling the units asked that a survey was opened."""

from __future__ import annotations

from django.tasks import task

from tuyengiao.notifications.models import Kind
from tuyengiao.notifications.services import notify

from .services.notices import opened_notices


@task
def survey_opened_task(survey_pk: int) -> int:
    return notify(Kind.SURVEY_OPENED, opened_notices(survey_pk))
