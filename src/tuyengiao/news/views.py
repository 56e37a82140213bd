"""The officers' pages of the news app (under /tin/quan-ly/): list, draft, edit, publish,
unpublish, delete, link to an activity, and the unit's page setting. One POST action per view."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, can, get_for_user, scoped
from tuyengiao.activities.models import Activity
from tuyengiao.core.listing import export_requested, export_xlsx, paginate
from tuyengiao.orgs.models import Unit

from . import services
from .forms import LinkActivityForm, NewsItemForm, NewsPageForm
from .models import NewsItem, NewsPage, Status


def _own_unit(request: AuthenticatedHttpRequest, action: Action) -> Unit:
    unit: Unit | None = request.user.unit
    if unit is None or not can(request.user, action, unit):
        raise PermissionDenied("Tài khoản không thuộc đơn vị nào có quyền với trang tin.")
    return unit


def _item(request: AuthenticatedHttpRequest, item_pk: int, action: Action) -> NewsItem:
    return get_for_user(
        NewsItem.objects.select_related("unit", "activity"), request.user, action, pk=item_pk
    )


def public_url(request: AuthenticatedHttpRequest, item: NewsItem) -> str:
    page = services.page_of(item.unit)
    if page is None:
        return ""
    return request.build_absolute_uri(
        reverse("news:public_item", kwargs={"slug": page.slug, "item_pk": item.pk})
    )


@login_required
@require_GET
def item_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    rows = scoped(NewsItem, request.user).select_related("unit")
    status = request.GET.get("trang_thai", "")
    error = ""
    if status:
        if status in Status.values:
            rows = rows.filter(status=status)
        else:
            rows, error = rows.none(), "Trạng thái không hợp lệ: chọn “Bản nháp” hoặc “Đã đăng”."
    if export_requested(request) and not error:
        return export_xlsx(
            "tin-bai.xlsx",
            [
                ("Tiêu đề", lambda i: i.title),
                ("Đơn vị", lambda i: i.unit.name),
                ("Trạng thái", lambda i: i.get_status_display()),
                ("Ngày đăng", lambda i: i.published_at.date() if i.published_at else ""),
            ],
            rows,
            title="Tin bài",
        )
    unit = request.user.unit
    return render(
        request,
        "news/item_list.html",
        {
            "status": status,
            "statuses": Status.choices,
            "error": error,
            "page": services.page_of(unit) if unit else None,
            "may_add": unit is not None and can(request.user, Action.CHANGE, unit),
            "may_manage": unit is not None and can(request.user, Action.MANAGE, unit),
            **paginate(request, rows),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = _own_unit(request, Action.CHANGE)
    form = NewsItemForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        item = services.create_draft(
            unit, request.user, form.cleaned_data, form.cleaned_data.get("picture_upload")
        )
        messages.success(request, "Đã lưu bản nháp. Quản trị đơn vị sẽ duyệt và đăng tin.")
        return redirect("news:item_detail", item_pk=item.pk)
    return render(request, "news/item_form.html", {"form": form, "item": None})


@login_required
@require_GET
def item_detail(request: AuthenticatedHttpRequest, item_pk: int) -> HttpResponse:
    item = _item(request, item_pk, Action.VIEW)
    may_change = can(request.user, Action.CHANGE, item)
    activities = scoped(Activity, request.user).filter(unit=item.unit).select_related("kind")
    return render(
        request,
        "news/item_detail.html",
        {
            "item": item,
            "may_change": may_change,
            "may_publish": services.may_publish(request.user, item),
            "public_url": public_url(request, item),
            "page": services.page_of(item.unit),
            "link_form": LinkActivityForm(activities=activities[:200]) if may_change else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: AuthenticatedHttpRequest, item_pk: int) -> HttpResponse:
    item = _item(request, item_pk, Action.CHANGE)
    form = NewsItemForm(request.POST or None, request.FILES or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.change(item, form.cleaned_data, form.cleaned_data.get("picture_upload"))
        except services.NewsError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Đã lưu bản nháp.")
            return redirect("news:item_detail", item_pk=item.pk)
    return render(request, "news/item_form.html", {"form": form, "item": item})


def _act(request: AuthenticatedHttpRequest, item: NewsItem, done: str, action: object) -> None:
    try:
        action()  # type: ignore[operator]
    except services.NewsError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)


@login_required
@require_POST
def item_publish(request: AuthenticatedHttpRequest, item_pk: int) -> HttpResponse:
    item = _item(request, item_pk, Action.MANAGE)
    _act(request, item, "Đã đăng tin.", lambda: services.publish(item, request.user))
    return redirect("news:item_detail", item_pk=item.pk)


@login_required
@require_POST
def item_unpublish(request: AuthenticatedHttpRequest, item_pk: int) -> HttpResponse:
    item = _item(request, item_pk, Action.MANAGE)
    _act(request, item, "Đã gỡ tin về bản nháp.", lambda: services.unpublish(item, request.user))
    return redirect("news:item_detail", item_pk=item.pk)


@login_required
@require_POST
def item_delete(request: AuthenticatedHttpRequest, item_pk: int) -> HttpResponse:
    item = _item(request, item_pk, Action.CHANGE)
    try:
        services.delete(item)
    except services.NewsError as exc:
        messages.error(request, str(exc))
        return redirect("news:item_detail", item_pk=item.pk)
    messages.success(request, "Đã xóa bản nháp.")
    return redirect("news:item_list")


@login_required
@require_POST
def item_link_activity(request: AuthenticatedHttpRequest, item_pk: int) -> HttpResponse:
    item = _item(request, item_pk, Action.CHANGE)
    activities = scoped(Activity, request.user, Action.CHANGE).filter(unit=item.unit)
    form = LinkActivityForm(request.POST, activities=activities)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    else:
        _act(
            request,
            item,
            "Đã gắn tin với hoạt động; sổ hoạt động ghi đường dẫn tin này.",
            lambda: services.link_activity(
                item, form.cleaned_data["activity"], public_url(request, item)
            ),
        )
    return redirect("news:item_detail", item_pk=item.pk)


@login_required
@require_GET
def item_picture(request: AuthenticatedHttpRequest, item_pk: int) -> HttpResponseBase:
    item = _item(request, item_pk, Action.VIEW)
    if not item.picture:
        raise Http404("Tin này không có ảnh.")
    return FileResponse(item.picture.open("rb"))


@login_required
@require_http_methods(["GET", "POST"])
def page_settings(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The unit's administrator opens (or closes) its public page."""
    unit = _own_unit(request, Action.MANAGE)
    page = services.page_of(unit)
    initial = {"slug": services.default_slug(unit)} if page is None else None
    form = NewsPageForm(request.POST or None, instance=page or NewsPage(unit=unit), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            page = services.save_page(unit, form.cleaned_data)
        except services.NewsError as exc:
            form.add_error("slug", str(exc))
        else:
            messages.success(
                request,
                "Đã mở trang tin công khai."
                if page.public
                else "Trang tin đang đóng với công chúng.",
            )
            return redirect("news:page_settings")
    return render(request, "news/page_settings.html", {"form": form, "page": page, "unit": unit})
