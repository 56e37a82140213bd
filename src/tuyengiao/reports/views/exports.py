"""A large matrix export run as a background job: its progress page, then its file."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.urls import reverse

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.core import jobs
from tuyengiao.core.models import JobState
from tuyengiao.core.spreadsheets import XLSX_MIME
from tuyengiao.core.views import job_page

from ..tasks import MATRIX_EXPORT


@login_required
def export_job(request: AuthenticatedHttpRequest, export_job_pk: int) -> HttpResponse:
    """A large matrix export's progress (polled by htmx), then the link to its file."""
    job = jobs.job_for_user(request.user, export_job_pk, MATRIX_EXPORT)
    context = {
        "job": job,
        "poll_url": reverse("reports:export_job", kwargs={"export_job_pk": job.pk}),
        "outcome_template": "reports/_export_job_outcome.html",
        # no form_url: the shared progress template would offer "upload another file" on failure
        "matrix_url": reverse("reports:matrix"),
    }

    def others() -> dict[str, Any]:
        mine = jobs.recent_jobs(request.user, MATRIX_EXPORT)
        return {"export_jobs": [j for j in mine if j.pk != job.pk]}

    return job_page(request, "reports/export_job.html", context, others)


@login_required
def export_file(request: AuthenticatedHttpRequest, export_job_pk: int) -> FileResponse:
    """The .xlsx a finished export job wrote (to its starter only)."""
    job = jobs.job_for_user(request.user, export_job_pk, MATRIX_EXPORT)
    if job.state != JobState.DONE or not job.file.name:
        raise Http404("Tệp xuất không còn; hãy xuất lại.")
    try:
        handle = job.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Tệp xuất không còn; hãy xuất lại.") from exc
    return FileResponse(handle, as_attachment=True, filename=job.filename, content_type=XLSX_MIME)
