"""Background work of the surveys app: telling the units asked that a survey was opened."""

from __future__ import annotations

from django.db import transaction
from django.tasks import task

from tuyengiao.notifications.models import Kind
from tuyengiao.notifications.services import notify

from .models import AudienceKind, Survey
from .services.notices import opened_notices


def survey_opened(survey: Survey) -> None:
    """Enqueue the notices after the opening commits (a rolled-back opening tells nobody)."""
    if survey.audience != AudienceKind.MEMBERS:
        return
    pk = survey.pk
    transaction.on_commit(lambda: survey_opened_task.enqueue(pk))


@task
def survey_opened_task(survey_pk: int) -> int:
    return notify(Kind.SURVEY_OPENED, opened_notices(survey_pk))
