"""A large export of a person's data, run as a background job: its progress, then its file —
to the user who started it only (``core.jobs.job_for_user``)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.permissions import is_member, own_records
from tuyengiao.core import jobs
from tuyengiao.core.models import Job, JobState
from tuyengiao.core.views import job_page

from ..tasks import FORMATS, PERSON_EXPORT


def _job(request: AuthenticatedHttpRequest, pk: int) -> Job:
    """The export job of the signed-in user. A member's account reaches no unit's rows, so its
    own jobs are read as its own records (``own_records``), else through ``job_for_user``."""
    if is_member(request.user):
        mine = own_records(
            Job.objects.filter(kind=PERSON_EXPORT, started_by=request.user.pk),
            request.user,
            "started_by__person",
        )
        job = mine.filter(pk=pk).first()
        if job is None:
            raise Http404("Không tìm thấy hoặc bạn không có quyền truy cập.")
        return job
    return jobs.job_for_user(request.user, pk, PERSON_EXPORT)


@login_required
@require_safe
def export_job(request: AuthenticatedHttpRequest, person_export_job_pk: int) -> HttpResponse:
    job = _job(request, person_export_job_pk)
    context: dict[str, Any] = {
        "job": job,
        "poll_url": reverse("privacy:export_job", kwargs={"person_export_job_pk": job.pk}),
        "outcome_template": "privacy/_export_job_outcome.html",
    }
    return job_page(request, "privacy/export_job.html", context)


@login_required
@require_safe
def export_file(request: AuthenticatedHttpRequest, person_export_job_pk: int) -> FileResponse:
    job = _job(request, person_export_job_pk)
    fmt = str(job.options.get("format"))
    if job.state != JobState.DONE or not job.file.name or fmt not in FORMATS:
        raise Http404("Tệp xuất không còn; hãy xuất lại.")
    try:
        handle = job.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Tệp xuất không còn; hãy xuất lại.") from exc
    return FileResponse(
        handle, as_attachment=True, filename=job.filename, content_type=FORMATS[fmt]
    )
