"""The monthly bulletins (thông tin sinh hoạt chi bộ): list, assemble, complete, issue, .docx."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, can, get_for_user, scoped
from tuyengiao.core.listing import export_requested, export_xlsx, paginate

from ..forms import BulletinItemForm, BulletinMonthForm
from ..models import Bulletin, BulletinItem
from ..services import bulletins
from .manage import _may_write, _require_unit

ISSUED = "Thông tin đã phát hành nên không sửa được nữa."


@login_required
@require_GET
def bulletin_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    rows = scoped(Bulletin, request.user).select_related("unit")
    year = request.GET.get("nam", "").strip()
    error = ""
    if year:
        if year.isdigit() and 2000 <= int(year) <= 2100:
            rows = rows.filter(year=int(year))
        else:
            rows, error = rows.none(), "Năm không hợp lệ; hãy nhập bốn chữ số, ví dụ 2027."
    if export_requested(request) and not error:
        return export_xlsx(
            "thong-tin-sinh-hoat-chi-bo.xlsx",
            [
                ("Tháng", lambda b: f"{b.month:02d}/{b.year}"),
                ("Số", lambda b: b.number or ""),
                ("Đơn vị", lambda b: b.unit.name),
                ("Phát hành", lambda b: "Đã phát hành" if b.published_down else "Bản nháp"),
            ],
            rows,
            title="Thông tin sinh hoạt",
        )
    return render(
        request,
        "events/bulletin_list.html",
        {
            "may_add": _may_write(request),
            "form": BulletinMonthForm(),
            "year": year,
            "error": error,
            **paginate(request, rows),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def bulletin_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = _require_unit(request)
    form = BulletinMonthForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        year, month = form.cleaned_data["thang"]
        bulletin, made = bulletins.assemble(unit, request.user, year, month)
        if made:
            messages.success(
                request,
                f"Đã lập thông tin tháng {month:02d}/{year} từ lịch: "
                f"{bulletin.items.count()} mục. Anh/chị bổ sung nội dung rồi bấm “Phát hành”.",
            )
        else:
            messages.info(request, f"Đơn vị đã có thông tin tháng {month:02d}/{year}.")
        return redirect("events:bulletin_detail", bulletin_pk=bulletin.pk)
    return render(
        request,
        "events/form.html",
        {"form": form, "title": "Lập thông tin sinh hoạt chi bộ", "back": "events:bulletin_list"},
    )


@login_required
@require_GET
def bulletin_detail(request: AuthenticatedHttpRequest, bulletin_pk: int) -> HttpResponse:
    bulletin = get_for_user(Bulletin.objects.select_related("unit"), request.user, pk=bulletin_pk)
    may_change = can(request.user, Action.CHANGE, bulletin) and not bulletin.published_down
    return render(
        request,
        "events/bulletin_detail.html",
        {
            "bulletin": bulletin,
            "items": bulletin.items.all(),
            "may_change": may_change,
            "item_form": BulletinItemForm(),
        },
    )


@login_required
@require_POST
def bulletin_item_add(request: AuthenticatedHttpRequest, bulletin_pk: int) -> HttpResponse:
    bulletin = get_for_user(Bulletin, request.user, Action.CHANGE, pk=bulletin_pk)
    if bulletin.published_down:
        messages.error(request, ISSUED)
        return redirect("events:bulletin_detail", bulletin_pk=bulletin.pk)
    form = BulletinItemForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "events/bulletin_detail.html",
            {
                "bulletin": bulletin,
                "items": bulletin.items.all(),
                "may_change": True,
                "item_form": form,
            },
        )
    bulletins.add_item(bulletin, form.cleaned_data["heading"], form.cleaned_data["body"])
    messages.success(request, f"Đã thêm mục “{form.cleaned_data['heading']}”.")
    return redirect("events:bulletin_detail", bulletin_pk=bulletin.pk)


@login_required
@require_http_methods(["GET", "POST"])
def bulletin_item_edit(request: AuthenticatedHttpRequest, bulletin_item_pk: int) -> HttpResponse:
    """A part's heading and body, in the rich-text editor."""
    item = get_for_user(
        BulletinItem.objects.select_related("bulletin"),
        request.user,
        Action.CHANGE,
        pk=bulletin_item_pk,
    )
    back = redirect("events:bulletin_detail", bulletin_pk=item.bulletin_id)
    if item.bulletin.published_down:
        messages.error(request, ISSUED)
        return back
    initial = {"heading": item.heading, "body": item.body_html}
    form = BulletinItemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if bulletins.change_item(item, form.cleaned_data["heading"], form.cleaned_data["body"]):
            messages.success(request, f"Đã lưu mục “{item.heading}”.")
        else:
            messages.error(request, ISSUED)
        return back
    return render(request, "events/bulletin_item_form.html", {"form": form, "item": item})


@login_required
@require_POST
def bulletin_item_delete(request: AuthenticatedHttpRequest, bulletin_item_pk: int) -> HttpResponse:
    item = get_for_user(
        BulletinItem.objects.select_related("bulletin"),
        request.user,
        Action.CHANGE,
        pk=bulletin_item_pk,
    )
    if item.bulletin.published_down:
        messages.error(request, ISSUED)
    else:
        item.delete()
        messages.success(request, f"Đã bỏ mục “{item.heading}”.")
    return redirect("events:bulletin_detail", bulletin_pk=item.bulletin_id)


@login_required
@require_POST
def bulletin_issue(request: AuthenticatedHttpRequest, bulletin_pk: int) -> HttpResponse:
    bulletin = get_for_user(Bulletin, request.user, Action.CHANGE, pk=bulletin_pk)
    if bulletins.issue(bulletin):
        messages.success(
            request,
            f"Đã phát hành số {bulletin.number} xuống các đơn vị cấp dưới.",
        )
    else:
        messages.info(request, "Thông tin này đã được phát hành trước đó.")
    return redirect("events:bulletin_detail", bulletin_pk=bulletin.pk)


@login_required
@require_GET
def bulletin_docx(request: AuthenticatedHttpRequest, bulletin_pk: int) -> HttpResponse:
    bulletin = get_for_user(Bulletin.objects.select_related("unit"), request.user, pk=bulletin_pk)
    response = HttpResponse(
        bulletins.docx(bulletin),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    name = f"thong-tin-sinh-hoat-chi-bo-thang-{bulletin.month:02d}-{bulletin.year}.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
