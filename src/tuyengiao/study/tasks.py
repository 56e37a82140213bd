"""Background work of the study app (Django's tasks framework)."""

from __future__ import annotations

from django.tasks import task

from tuyengiao.core.spreadsheets import TableError

from . import services
from .models import ImportStatus, SigninImport

MAX_KEPT_ERRORS = 500


@task
def import_signin_sheet_task(import_pk: int) -> None:
    """Run a large sign-in sheet import saved by the view; record its outcome on the SigninImport."""
    job = SigninImport.objects.select_related("session", "session__unit", "session__round").get(
        pk=import_pk
    )
    try:
        with job.file.open("rb") as handle:
            result = services.import_signin_sheet(
                job.session, handle, job.filename, job.valid_rows_only
            )
    except TableError as exc:
        job.status, job.message = ImportStatus.FAILED, str(exc)
    else:
        job.status = ImportStatus.DONE
        job.applied = result.applied
        job.created_count = result.created
        job.errors = [[e.row, e.reason] for e in result.errors[:MAX_KEPT_ERRORS]]
        if len(result.errors) > MAX_KEPT_ERRORS:
            job.message = f"{len(result.errors)} dòng lỗi; chỉ hiển thị {MAX_KEPT_ERRORS} dòng đầu."
    job.save()
