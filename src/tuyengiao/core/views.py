from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Each app may contribute ``dashboard_cards(user)`` and ``dashboard_panels(user)`` on its AppConfig."""
    cards: list[dict[str, Any]] = []
    panels: list[dict[str, Any]] = []
    for config in apps.get_app_configs():
        if hasattr(config, "dashboard_cards"):
            cards.extend(config.dashboard_cards(request.user))
        if hasattr(config, "dashboard_panels"):
            panels.extend(config.dashboard_panels(request.user))
    return render(request, "core/dashboard.html", {"cards": cards, "panels": panels})


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
