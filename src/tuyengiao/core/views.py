from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tuyengiao.accounts.http import AuthenticatedHttpRequest

from .dashboard import WEEK_DAYS, Section


@login_required
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    """ "Tuần này": what the signed-in user's unit has to do (each app's
    ``dashboard_sections(user, today)``, see ``core/dashboard.py``), then for a superior the units
    below that are behind; apps may add ``dashboard_panels(user)`` below."""
    today = timezone.localdate()
    sections: list[Section] = []
    panels: list[dict[str, Any]] = []
    for config in apps.get_app_configs():
        if hasattr(config, "dashboard_sections"):
            sections.extend(config.dashboard_sections(request.user, today))
        if hasattr(config, "dashboard_panels"):
            panels.extend(config.dashboard_panels(request.user))
    sections.sort(key=lambda s: s.order)
    own = [s for s in sections if not s.behind]
    return render(
        request,
        "core/dashboard.html",
        {
            "today": today,
            "week_end": today + timedelta(days=WEEK_DAYS),
            "own": own,
            "todo_count": sum(s.total if s.total is not None else len(s.items) for s in own),
            "behind": [s for s in sections if s.behind],
            "panels": panels,
        },
    )


def job_page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    page_extra: Callable[[], dict[str, Any]] | None = None,
) -> HttpResponse:
    """A background job's page: the progress partial alone when htmx polls it (``context``
    only), else ``template`` with what ``page_extra()`` adds (not computed for a poll)."""
    if getattr(request, "htmx", False):
        return render(request, "core/_job_progress.html", context)
    return render(request, template, {**context, **(page_extra() if page_extra else {})})
