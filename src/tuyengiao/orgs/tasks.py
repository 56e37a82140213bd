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


REORGANISATION_IMPORT = "orgs.reorganise"


def import_reorganisations_work(job: Job, progress: jobs.JobProgress) -> jobs.Outcome:
    """A reorganisation sheet: the dry run (``options["dry_run"]``, the file kept for the
    confirmation) or the changes made."""
    from . import reorg_import

    user = jobs.active_starter(job)
    dry_run = bool(job.options.get("dry_run", True))
    with job.file.open("rb") as handle:
        result = reorg_import.import_sheet(
            handle, job.filename, user=user, dry_run=dry_run, progress=progress
        )
    return jobs.Outcome(
        result={
            "applied": result.applied,
            "dry_run": dry_run,
            "changes": result.changes,
            "error_count": len(result.errors),
            "errors": [{"row": e.row, "reason": e.reason} for e in result.errors[:500]],
            "sections": [[title, lines[:500]] for title, lines in result.sections],
        },
        keep_file=dry_run and not result.errors,
    )


@task
def import_reorganisations_task(job_pk: int) -> None:
    jobs.run(job_pk, import_reorganisations_work, kind=REORGANISATION_IMPORT)
