"""Background work of the library (Django's tasks framework)."""

from __future__ import annotations

from django.tasks import task


@task
def run_import(job_id: int) -> int:
    """Import the files of an :class:`ImportJob`; returns how many were imported."""
    from .models import ImportJob
    from .services import run_import_job

    job = ImportJob.objects.select_related("unit").get(pk=job_id)
    run_import_job(job)
    return job.imported
