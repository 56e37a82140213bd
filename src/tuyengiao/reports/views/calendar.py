"""Deadlines as a calendar: the unit's page (with its subscription address) and the .ics feed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, require, scoped

from ..calendar import ics_feed
from ..models import CalendarFeed, Period
from .common import user_unit


@login_required
def calendar_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = user_unit(request)
    if unit is None:
        raise Http404("Tài khoản chưa gắn với đơn vị.")
    feed = scoped(CalendarFeed, request.user).filter(unit=unit).first()
    if request.method == "POST":
        require(request.user, Action.CHANGE, unit)
        if feed is not None:
            feed.delete()
        feed = CalendarFeed.objects.create(unit=unit)
        messages.success(request, "Đã tạo địa chỉ lịch mới; địa chỉ cũ không còn dùng được.")
        return redirect("reports:calendar")
    periods = (
        Period.objects.filter(
            report_type__sent=True,
            report_type__recipients__unit=unit,
            due_date__gte=timezone.localdate(),
        )
        .select_related("report_type")
        .order_by("due_date")[:20]
    )
    url = (
        request.build_absolute_uri(reverse("reports:ics", kwargs={"feed_token": feed.token}))
        if feed
        else ""
    )
    return render(
        request,
        "reports/calendar.html",
        {"feed": feed, "url": url, "periods": periods, "unit": unit},
    )


def ics(request: HttpRequest, feed_token: str) -> HttpResponse:
    """Public by design: calendar apps subscribe without a session. The unguessable token
    (32 random bytes) opens the deadlines of exactly one unit and nothing else."""
    feed = CalendarFeed.objects.select_related("unit").filter(token=feed_token).first()
    if feed is None:
        raise Http404("Không tìm thấy lịch.")
    periods = (
        Period.objects.filter(report_type__sent=True, report_type__recipients__unit=feed.unit)
        .select_related("report_type__unit")
        .order_by("due_date")
    )
    return HttpResponse(
        ics_feed(feed.unit.name, periods, request.get_host()),
        content_type="text/calendar; charset=utf-8",
    )
