"""Background work of the study app (Django's tasks framework): large sign-in sheets.

The import page stores a large upload on a ``core.Job`` (kind ``SIGNIN_IMPORT``, the session and
"valid rows only" in its options) and enqueues ``import_signin_sheet_task``; the job records the
rows checked, then the attendances written, and the outcome the page shows
(see ``tuyengiao.core.jobs``).
"""

from __future__ import annotations

from django.tasks import task

from tuyengiao.accounts.scoping import Action, can
from tuyengiao.core import jobs
from tuyengiao.core.models import Job

from .models import StudySession
from .services import attendance

SIGNIN_IMPORT = "study.signin"


def import_signin_sheet_work(job: Job, progress: jobs.JobProgress) -> jobs.Outcome:
    """Import the stored sheet into the job's session, as its starter (who must still be allowed
    to change that session)."""
    user = jobs.active_starter(job)
    session = (
        StudySession.objects.select_related("round", "round__unit", "unit")
        .filter(pk=job.options.get("session"))
        .first()
    )
    if session is None:
        raise jobs.JobError("Buổi học tập này không còn; tệp không được nhập.")
    if not can(user, Action.CHANGE, session):
        raise jobs.JobError("Bạn không còn quyền nhập điểm danh cho buổi học tập này.")
    with job.file.open("rb") as handle:
        result = attendance.import_signin_sheet(
            session,
            handle,
            job.filename,
            valid_rows_only=bool(job.options.get("valid_only")),
            progress=progress,
            by=user,
        )
    outcome = jobs.import_outcome(result)
    outcome.keep_file = False  # no second run from the page: the form has "valid rows only"
    return outcome


@task
def import_signin_sheet_task(job_pk: int) -> None:
    jobs.run(job_pk, import_signin_sheet_work, kind=SIGNIN_IMPORT)
