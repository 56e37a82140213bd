"""The one-line hooks other apps call when something happens that officers must be told.

Each hook only enqueues a background task after the surrounding transaction commits (a rolled
back send or return tells nobody); the task builds the notices (``notices.py``) and calls
``services.notify``, which records each event once per person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

if TYPE_CHECKING:
    from tuyengiao.plans.models import CascadeDispatch
    from tuyengiao.reports.models import ReportVersion


def plan_sent(dispatch: CascadeDispatch) -> None:
    """A plan was sent down: tell the officers of every receiving unit."""
    from .tasks import plan_sent_task

    pk = dispatch.pk
    transaction.on_commit(lambda: plan_sent_task.enqueue(pk))


def report_decided(version: ReportVersion) -> None:
    """A superior returned or accepted a report (``version`` is the snapshot of that decision)."""
    from .tasks import report_decided_task

    pk = version.pk
    transaction.on_commit(lambda: report_decided_task.enqueue(pk))
