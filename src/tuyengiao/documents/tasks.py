"""Background work of the library (Django's tasks framework): "Nhập nhiều tệp".

The page saves the uploaded files to a work folder, records it on a ``core.Job`` (kind
``DOCUMENT_IMPORT``; the unit and the folder in its options) and enqueues ``run_import``; the job
records the files done and the outcome the page shows — imported, duplicates, failures with their
reasons (see ``tuyengiao.core.jobs``).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from django.tasks import task

from tuyengiao.accounts.scoping import Action, can
from tuyengiao.core import jobs
from tuyengiao.core.models import Job
from tuyengiao.orgs.models import Unit

if TYPE_CHECKING:
    from .services import ImportSummary

DOCUMENT_IMPORT = "documents.import"


def import_files_work(job: Job, progress: jobs.JobProgress) -> jobs.Outcome:
    """Import the files of the job's work folder into its unit, as its starter (who must still be
    allowed to change that unit); the folder is removed afterwards, whatever happened."""
    from .services import import_directory

    folder = str(job.options.get("workdir") or "")
    workdir = Path(folder)
    try:
        user = jobs.active_starter(job)
        unit = Unit.objects.filter(pk=job.options.get("unit")).first()
        if unit is None or not can(user, Action.CHANGE, unit):
            raise jobs.JobError("Bạn không còn quyền nhập văn bản vào đơn vị này.")
        if not folder or not workdir.is_dir():
            raise jobs.JobError("Không còn các tệp đã tải lên; hãy tải lên lần nữa.")
        summary = import_directory(
            unit, user, workdir, progress=lambda done, total, _name: progress.checked(done, total)
        )
    finally:
        if folder:
            shutil.rmtree(workdir, ignore_errors=True)
    return import_outcome(summary)


def import_outcome(summary: ImportSummary) -> jobs.Outcome:
    """The outcome the page shows: how many imported and duplicates, the failed files with their
    reasons (the first ``MAX_KEPT_ERRORS`` kept, their count exact)."""
    return jobs.Outcome(
        result={
            "imported": len(summary.imported),
            "duplicates": len(summary.duplicates),
            "failure_count": len(summary.failures),
            "failures": [
                {"name": name, "reason": why}
                for name, why in summary.failures[: jobs.MAX_KEPT_ERRORS]
            ],
        }
    )


@task
def run_import(job_pk: int) -> None:
    jobs.run(job_pk, import_files_work, kind=DOCUMENT_IMPORT)


DOCUMENT_OCR = "documents.ocr"


def ocr_work(job: Job, progress: jobs.JobProgress) -> jobs.Outcome:
    """Read the scan saved in the job's work folder by OCR, page by page (the pages read are the
    job's progress), into a draft for review; the folder is removed afterwards."""
    from .models import UploadDraft
    from .reading import UploadError
    from .services import draft_from_scan

    folder = str(job.options.get("workdir") or "")
    workdir = Path(folder)
    try:
        user = jobs.active_starter(job)
        unit = Unit.objects.filter(pk=job.options.get("unit")).first()
        if unit is None or not can(user, Action.CHANGE, unit):
            raise jobs.JobError("Bạn không còn quyền tải văn bản lên đơn vị này.")
        files = sorted(workdir.iterdir()) if folder and workdir.is_dir() else []
        if not files:
            raise jobs.JobError("Không còn tệp đã tải lên; hãy tải lên lần nữa.")
        try:
            result = draft_from_scan(
                unit,
                user,
                job.filename or files[0].name,
                files[0].read_bytes(),
                progress=progress.checked,
            )
        except UploadError as exc:
            raise jobs.JobError(str(exc)) from exc
    finally:
        if folder:
            shutil.rmtree(workdir, ignore_errors=True)
    if isinstance(result, UploadDraft):
        ocr = (result.parsed or {}).get("ocr") or {}
        return jobs.Outcome(
            result={
                "draft": result.pk,
                "pages": ocr.get("pages", 0),
                "confidence": ocr.get("confidence", -1),
            }
        )
    return jobs.Outcome(result={"document": result.pk})


@task
def run_ocr(job_pk: int) -> None:
    jobs.run(job_pk, ocr_work, kind=DOCUMENT_OCR)
