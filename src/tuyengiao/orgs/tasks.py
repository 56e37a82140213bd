"""Background work of the units app (Django's tasks framework): the spreadsheet imports.

The pages store the upload on a ``core.Job`` and enqueue one of these; the job records rows
checked, then rows written, and the outcome the page shows (see ``tuyengiao.core.jobs``).
"""

from __future__ import annotations

from collections.abc import Callable

from django.tasks import task

from tuyengiao.core import jobs
from tuyengiao.core.models import Job
from tuyengiao.core.spreadsheets import ImportResult

from . import imports, path_copies

UNIT_IMPORT = "orgs.units"
PERSON_IMPORT = "orgs.people"


def _import_sheet(
    read: Callable[..., ImportResult], job: Job, progress: jobs.JobProgress
) -> jobs.Outcome:
    user = jobs.active_starter(job)
    with job.file.open("rb") as handle:
        result = read(
            handle,
            job.filename,
            user=user,
            valid_only=bool(job.options.get("valid_only")),
            progress=progress,
        )
    return jobs.import_outcome(result)


def import_units_work(job: Job, progress: jobs.JobProgress) -> jobs.Outcome:
    return _import_sheet(imports.import_units, job, progress)


def import_people_work(job: Job, progress: jobs.JobProgress) -> jobs.Outcome:
    return _import_sheet(imports.import_people, job, progress)


@task
def refresh_path_copies_task(prefixes: list[str]) -> int:
    """Refresh every registered copy of unit paths under ``prefixes`` (``path_copies``)."""
    return path_copies.refresh_all(prefixes)


def on_unit_paths_changed(prefixes: list[str], **kwargs: object) -> None:
    """Receiver of ``signals.unit_paths_changed`` (connected in ``apps.ready``)."""
    path_copies.bump_generation()
    refresh_path_copies_task.enqueue(prefixes)


@task
def import_units_task(job_pk: int) -> None:
    jobs.run(job_pk, import_units_work, kind=UNIT_IMPORT)


@task
def import_people_task(job_pk: int) -> None:
    jobs.run(job_pk, import_people_work, kind=PERSON_IMPORT)
