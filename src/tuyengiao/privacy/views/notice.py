"""The privacy notice (thông báo xử lý dữ liệu cá nhân): what is held, why, how long, whom to ask.
Public: linked from the login page and the footer. Built from the registry, so it never says less
than the apps declare."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .. import deadlines, legal
from ..registry import declarations, model_of


@require_safe
def notice(request: HttpRequest) -> HttpResponse:
    rows = [
        {
            "title": str(model_of(d)._meta.verbose_name_plural).capitalize(),
            "declaration": d,
        }
        for d in declarations()
    ]
    return render(
        request,
        "privacy/notice.html",
        {
            "rows": rows,
            "controller": settings.PRIVACY_CONTROLLER_NAME,
            "contact": settings.PRIVACY_CONTACT,
            "legal": legal,
            "respond_days": deadlines.ACKNOWLEDGE_WORKING_DAYS,
            "complete_days": deadlines.COMPLETE_DAYS,
        },
    )
