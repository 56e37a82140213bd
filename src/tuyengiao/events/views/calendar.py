"""The calendar pages: month, week and list views, the private feed page and the .ics feed."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, can, is_system_admin
from tuyengiao.core.listing import export_requested, export_xlsx, filter_rejected, paginate

from .. import grid
from ..anniversaries import add_months
from ..forms import AgendaFilterForm
from ..models import FeedToken
from ..services import ics, writes
from ..services.agenda import KIND_LABELS, Entry, entries

MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")
# The .ics feed looks this far back and ahead (calendar apps keep what they already fetched).
FEED_DAYS_BACK = 31
FEED_MONTHS_AHEAD = 24


def _month(request: HttpRequest, today: date) -> tuple[int, int, str]:
    """The month of ``?thang=YYYY-MM`` (this month when absent); an error text when invalid."""
    raw = request.GET.get("thang", "")
    if not raw:
        return today.year, today.month, ""
    m = MONTH_RE.match(raw)
    if m and 1 <= int(m.group(2)) <= 12 and 1900 <= int(m.group(1)) <= 2200:
        return int(m.group(1)), int(m.group(2)), ""
    return today.year, today.month, "Tháng không hợp lệ; đang hiện tháng này."


@login_required
@require_GET
def month(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    year, mon, error = _month(request, today)
    first, last = grid.month_bounds(year, mon)
    start, end = grid.grid_bounds(first, last)
    items = entries(request.user, start, end)
    prev_y, prev_m = grid.shift_month(year, mon, -1)
    next_y, next_m = grid.shift_month(year, mon, 1)
    return render(
        request,
        "events/month.html",
        {
            "error": error,
            "first": first,
            "weeks": grid.weeks(grid.days(start, end, items, today, mon)),
            "weekdays": grid.WEEKDAYS,
            "running": [e for e in items if e.multi_day and e.end >= first and e.start <= last],
            "prev": f"{prev_y}-{prev_m:02d}",
            "next": f"{next_y}-{next_m:02d}",
            "kinds": KIND_LABELS,
        },
    )


@login_required
@require_GET
def week(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    error = ""
    try:
        day = date.fromisoformat(request.GET["tuan"]) if request.GET.get("tuan") else today
    except ValueError:
        day, error = today, "Ngày không hợp lệ; đang hiện tuần này."
    start = day - timedelta(days=day.weekday())
    end = start + timedelta(days=6)
    items = entries(request.user, start, end)
    return render(
        request,
        "events/week.html",
        {
            "error": error,
            "start": start,
            "end": end,
            "days": grid.days(start, end, [e for e in items if not e.multi_day], today),
            "running": [e for e in items if e.multi_day],
            "prev": (start - timedelta(days=7)).isoformat(),
            "next": (start + timedelta(days=7)).isoformat(),
        },
    )


EXPORT_COLUMNS = [
    ("Từ ngày", lambda e: e.start),
    ("Đến ngày", lambda e: e.end),
    ("Giờ", lambda e: e.at.strftime("%H:%M") if e.at else ""),
    ("Loại", lambda e: e.kind_label),
    ("Nội dung", lambda e: e.title),
    ("Ghi chú", lambda e: e.badge),
    ("Đơn vị", lambda e: e.unit_name),
    ("Chi tiết", lambda e: e.note),
]


def _filtered(request: AuthenticatedHttpRequest, form: AgendaFilterForm) -> list[Entry]:
    today = timezone.localdate()
    if filter_rejected(form):
        return []
    data = form.cleaned_data if form.is_bound else {}
    start = data.get("tu") or today
    end = data.get("den") or add_months(start, 3)
    items = entries(request.user, start, end, set(data.get("loai") or []))
    q = (data.get("q") or "").strip().lower()
    return [e for e in items if q in e.title.lower()] if q else items


@login_required
@require_GET
def agenda_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = AgendaFilterForm(request.GET or None)
    items = _filtered(request, form)
    if export_requested(request, form):
        return export_xlsx("lich-tuyen-truyen.xlsx", EXPORT_COLUMNS, items, title="Lịch")
    return render(request, "events/list.html", {"form": form, **paginate(request, items)})


READ_ONLY = (
    "Tài khoản chỉ xem không tạo được địa chỉ lịch riêng; hãy nhờ cán bộ chuyên trách của đơn vị "
    "hoặc quản trị đơn vị."
)


def _may_subscribe(request: AuthenticatedHttpRequest) -> bool:
    """Officers and administrators keep a private feed (a read-only account writes nothing)."""
    unit = request.user.unit
    return is_system_admin(request.user) or (
        unit is not None and can(request.user, Action.CHANGE, unit)
    )


@login_required
@require_GET
def feed_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    feed = writes.feed_token(request.user)
    url = (
        request.build_absolute_uri(reverse("events:ics", kwargs={"user_feed_token": feed.token}))
        if feed
        else ""
    )
    return render(
        request,
        "events/feed.html",
        {
            "feed": feed,
            "url": url,
            "may_subscribe": _may_subscribe(request),
            "read_only": READ_ONLY,
        },
    )


@login_required
@require_POST
def feed_renew(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not _may_subscribe(request):
        raise PermissionDenied(READ_ONLY)
    writes.renew_feed_token(request.user)
    messages.success(request, "Đã tạo địa chỉ lịch mới; địa chỉ cũ (nếu có) không còn dùng được.")
    return redirect("events:feed")


@require_GET
def ics_feed(request: HttpRequest, user_feed_token: str) -> HttpResponse:
    """Public by design: calendar apps subscribe without a session. The unguessable token (32
    random bytes, one per user, renewable) opens that user's calendar and nothing else; what it
    lists is what the user sees signed in (``accounts.scoping``), so an account disabled or
    moved shows only what it may see now."""
    feed = FeedToken.objects.select_related("user__unit").filter(token=user_feed_token).first()
    if feed is None or not feed.user.is_active:
        raise Http404("Không tìm thấy lịch.")
    today = timezone.localdate()
    items = entries(
        feed.user, today - timedelta(days=FEED_DAYS_BACK), add_months(today, FEED_MONTHS_AHEAD)
    )
    from django.conf import settings

    body = ics.feed(
        f"Lịch tuyên truyền — {feed.user.get_full_name() or feed.user.username}",
        items,
        request.get_host(),
        getattr(settings, "SITE_URL", "") or request.build_absolute_uri("/"),
    )
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
