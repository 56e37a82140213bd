"""The signed-in user's notifications: the list, the bell's count, marking read, the choices.

Every query reads through ``accounts.scoping`` and then keeps the user's own notifications: a
unit administrator above a unit sees that unit's rows in scope, but never another person's notices.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.permissions import receives_notices
from tuyengiao.accounts.scoping import Action, scoped
from tuyengiao.core.listing import export_requested, export_xlsx, filter_rejected, paginate

from . import services
from .forms import FilterForm, PreferencesForm
from .models import Delivery, Notification


def own(request: AuthenticatedHttpRequest) -> QuerySet[Notification]:
    return scoped(Notification, request.user, Action.VIEW).filter(recipient=request.user)


@login_required
@require_GET
def notification_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    items = own(request)
    if form.is_bound and form.is_valid():
        if form.cleaned_data["kind"]:
            items = items.filter(kind=form.cleaned_data["kind"])
        if form.cleaned_data["unread"]:
            items = items.filter(read_at__isnull=True)
    if export_requested(request, form):
        return export_xlsx(
            "thong-bao.xlsx",
            [
                (
                    "Thời gian",
                    lambda n: timezone.localtime(n.created_at).strftime("%d/%m/%Y %H:%M"),
                ),
                ("Loại", lambda n: n.get_kind_display()),
                ("Nội dung", lambda n: n.title),
                ("Đã đọc", lambda n: "Đã đọc" if n.read_at else "Chưa đọc"),
            ],
            items,
            title="Thông báo",
        )
    return render(
        request,
        "notifications/list.html",
        {
            "form": form,
            "rejected": filter_rejected(form),
            "unread": services.unread_count(request.user),
            **paginate(request, items),
        },
    )


@login_required
@require_GET
def bell(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The header's bell with the unread count (htmx polls it)."""
    return render(
        request, "notifications/_bell.html", {"unread": services.unread_count(request.user)}
    )


@login_required
@require_POST
def mark_read(request: AuthenticatedHttpRequest, notification_pk: int) -> HttpResponse:
    """Mark one notification read, then open what it points to (``?next=`` to stay on a page)."""
    notification = get_object_or_404(own(request), pk=notification_pk)
    services.mark_read([notification])
    target = request.POST.get("next") or notification.url or reverse("notifications:list")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("notifications:list")
    if getattr(request, "htmx", False):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = target
        return response
    return redirect(target)


@login_required
@require_POST
def mark_all_read(request: AuthenticatedHttpRequest) -> HttpResponse:
    n = services.mark_read(user=request.user)
    messages.success(request, f"Đã đánh dấu {n} thông báo là đã đọc.")
    return redirect("notifications:list")


@login_required
def preferences(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not receives_notices(request.user):
        raise PermissionDenied("Tài khoản của bạn không nhận thông báo công việc của đơn vị.")
    current = services.preferences_of(request.user)
    form = PreferencesForm(request.POST or None, initial_choices=current)
    if request.method == "POST" and form.is_valid():
        services.set_preferences(request.user, form.chosen())
        messages.success(request, "Đã lưu cách nhận thông báo.")
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "has_email": bool(request.user.email), "deliveries": Delivery.choices},
    )
