from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import is_system_admin
from tuyengiao.core.models import Job, JobState

from . import health


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """For the load balancer: 200 when this node can serve (database reachable, migrations
    applied), 503 otherwise; the body says the rest (worker, queue, stuck jobs) as JSON."""
    report = health.check()
    return JsonResponse(report.as_json(), status=200 if report.ok else 503)


@never_cache
def status(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The system administrators' status page: the same facts, with the stuck jobs listed."""
    if not is_system_admin(request.user):
        raise PermissionDenied("Chỉ quản trị hệ thống xem được trang vận hành.")
    report = health.check()
    from tuyengiao.documents.management.commands.stale_drafts import DEFAULT_DAYS, stale_drafts

    failed = Job.objects.filter(state=JobState.FAILED).select_related("started_by", "unit")[:20]
    context = {
        "health": report,
        "failed_jobs": failed,
        "stale_drafts": stale_drafts().count(),
        "stale_draft_days": DEFAULT_DAYS,
    }
    return render(request, "ops/status.html", context)
