"""Background work of the units app (Django's tasks framework): the spreadsheet imports.

The pages store the upload on a ``core.Job`` and enqueue one of these; the job records rows
checked, then rows written, and the outcome the page shows (see ``tuyengiao.core.jobs``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.tasks import task

from tuyengiao.core import jobs
from tuyengiao.core.models import Job

from . import imports

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User

UNIT_IMPORT = "orgs.units"
PERSON_IMPORT = "orgs.people"


def _starter(job: Job) -> User:
    # An import without a user would be unrestricted (that is the command line's mode): refuse.
    if job.started_by is None or not job.started_by.is_active:
        raise jobs.JobError("Tài khoản đã tải tệp lên không còn hoạt động; không nhập.")
    return job.started_by


def import_units_work(job: Job, progress: jobs.JobProgress) -> jobs.Outcome:
    user = _starter(job)
    with job.file.open("rb") as handle:
        result = imports.import_units(
            handle,
            job.filename,
            user=user,
            valid_only=bool(job.options.get("valid_only")),
            progress=progress,
        )
    return jobs.import_outcome(result)


def import_people_work(job: Job, progress: jobs.JobProgress) -> jobs.Outcome:
    user = _starter(job)
    with job.file.open("rb") as handle:
        result = imports.import_people(
            handle,
            job.filename,
            user=user,
            valid_only=bool(job.options.get("valid_only")),
            progress=progress,
        )
    return jobs.import_outcome(result)


@task
def import_units_task(job_pk: int) -> None:
    jobs.run(job_pk, import_units_work)


@task
def import_people_task(job_pk: int) -> None:
    jobs.run(job_pk, import_people_work)
