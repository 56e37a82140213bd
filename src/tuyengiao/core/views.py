from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tuyengiao.accounts.http import AuthenticatedHttpRequest


@login_required
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Each app may contribute ``dashboard_cards(user)`` and ``dashboard_panels(user)`` on its AppConfig."""
    cards: list[dict[str, Any]] = []
    panels: list[dict[str, Any]] = []
    for config in apps.get_app_configs():
        if hasattr(config, "dashboard_cards"):
            cards.extend(config.dashboard_cards(request.user))
        if hasattr(config, "dashboard_panels"):
            panels.extend(config.dashboard_panels(request.user))
    return render(request, "core/dashboard.html", {"cards": cards, "panels": panels})


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
