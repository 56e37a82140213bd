"""Keeping the calendar: anniversaries, campaigns (published down) and units' own events.

Reads go through ``accounts.scoping``; an object is edited only when ``get_for_user(…, CHANGE)``
finds it (the national anniversaries, owned by no unit, only by system administrators)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, can, get_for_user, is_system_admin, scoped
from tuyengiao.activities.models import Activity
from tuyengiao.activities.services.rollups import for_campaign
from tuyengiao.core.listing import export_requested, export_xlsx, filter_rejected, paginate
from tuyengiao.orgs.models import Unit

from ..anniversaries import round_anniversaries
from ..forms import AnniversaryFilterForm, AnniversaryForm, CampaignForm, UnitEventForm
from ..models import Anniversary, Campaign, UnitEvent
from ..services import writes

NO_UNIT = "Tài khoản chưa gắn với đơn vị nên không thêm được vào lịch của đơn vị nào."


def _may_write(request: AuthenticatedHttpRequest) -> bool:
    unit = request.user.unit
    return unit is not None and can(request.user, Action.CHANGE, unit)


def _require_unit(request: AuthenticatedHttpRequest) -> Unit:
    """The user's unit, which the user may change; 403 otherwise."""
    unit = request.user.unit
    if unit is None or not _may_write(request):
        raise PermissionDenied(NO_UNIT if unit is None else None)
    return unit


# --- anniversaries ---------------------------------------------------------------------------


@login_required
@require_GET
def anniversary_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = AnniversaryFilterForm(request.GET or None)
    rows = scoped(Anniversary, request.user).select_related("unit")
    only_round = False
    if form.is_bound and form.is_valid():
        if form.cleaned_data["loai"]:
            rows = rows.filter(category=form.cleaned_data["loai"])
        only_round = form.cleaned_data["tron"]
    elif filter_rejected(form):
        rows = rows.none()
    today = timezone.localdate()
    coming = round_anniversaries([a for a in rows if a.active], today)
    if export_requested(request, form):
        return export_xlsx(
            "ngay-ky-niem-nam-chan.xlsx" if only_round else "ngay-ky-niem.xlsx",
            [
                ("Ngày", lambda o: o.on),
                ("Kỷ niệm", lambda o: o.label),
                ("Số năm", lambda o: o.years),
                ("Mức", lambda o: o.badge),
                ("Căn cứ", lambda o: o.anniversary.source),
            ]
            if only_round
            else [
                ("Ngày", lambda a: a.date_label),
                ("Tên ngày kỷ niệm", lambda a: a.title),
                ("Loại", lambda a: a.get_category_display()),
                ("Đơn vị", lambda a: a.unit.name if a.unit else "Danh mục quốc gia"),
                ("Căn cứ", lambda a: a.source),
                ("Đang dùng", lambda a: "Có" if a.active else "Không"),
            ],
            coming if only_round else rows,
            title="Ngày kỷ niệm",
        )
    return render(
        request,
        "events/anniversary_list.html",
        {
            "form": form,
            "coming": coming,
            "only_round": only_round,
            "rows": [] if only_round else list(rows),
            "may_add": _may_write(request) or is_system_admin(request.user),
            "editable": set(
                scoped(Anniversary, request.user, Action.CHANGE).values_list("pk", flat=True)
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def anniversary_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    national = is_system_admin(request.user) and request.user.unit is None
    unit = None if national else _require_unit(request)
    form = AnniversaryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        item.unit = unit
        item.save()
        messages.success(request, f"Đã thêm ngày kỷ niệm “{item.title}”.")
        return redirect("events:anniversary_list")
    return render(
        request,
        "events/form.html",
        {"form": form, "title": "Thêm ngày kỷ niệm", "back": "events:anniversary_list"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def anniversary_edit(request: AuthenticatedHttpRequest, anniversary_pk: int) -> HttpResponse:
    item = get_for_user(Anniversary, request.user, Action.CHANGE, pk=anniversary_pk)
    form = AnniversaryForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Đã lưu ngày kỷ niệm “{item.title}”.")
        return redirect("events:anniversary_list")
    return render(
        request,
        "events/form.html",
        {
            "form": form,
            "title": f"Sửa ngày kỷ niệm “{item.title}”",
            "back": "events:anniversary_list",
            "delete_url": reverse("events:anniversary_delete", kwargs={"anniversary_pk": item.pk}),
        },
    )


@login_required
@require_POST
def anniversary_delete(request: AuthenticatedHttpRequest, anniversary_pk: int) -> HttpResponse:
    item = get_for_user(Anniversary, request.user, Action.CHANGE, pk=anniversary_pk)
    if item.campaigns.exists():
        item.active = False
        item.save(update_fields=["active"])
        messages.warning(
            request,
            f"“{item.title}” đang gắn với đợt tuyên truyền nên không xóa được; đã chuyển sang "
            "“không dùng”.",
        )
    else:
        item.delete()
        messages.success(request, f"Đã xóa ngày kỷ niệm “{item.title}”.")
    return redirect("events:anniversary_list")


# --- campaigns -------------------------------------------------------------------------------


@login_required
@require_GET
def campaign_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    rows = scoped(Campaign, request.user).select_related("unit")
    when = request.GET.get("thoi-gian", "")
    today = timezone.localdate()
    if when == "dang-dien-ra":
        rows = rows.filter(starts_on__lte=today, ends_on__gte=today)
    elif when == "sap-toi":
        rows = rows.filter(starts_on__gt=today)
    elif when == "da-qua":
        rows = rows.filter(ends_on__lt=today)
    q = request.GET.get("q", "").strip()
    if q:
        rows = rows.filter(title__icontains=q)
    if export_requested(request):
        return export_xlsx(
            "dot-tuyen-truyen.xlsx",
            [
                ("Tên đợt", lambda c: c.title),
                ("Từ ngày", lambda c: c.starts_on),
                ("Đến ngày", lambda c: c.ends_on),
                ("Đơn vị phát động", lambda c: c.unit.name),
                ("Chủ đề", lambda c: c.theme),
                ("Khẩu hiệu", lambda c: "\n".join(c.slogan_list)),
                ("Đã công bố", lambda c: "Có" if c.published_down else "Chưa"),
            ],
            rows,
            title="Đợt tuyên truyền",
        )
    return render(
        request,
        "events/campaign_list.html",
        {"when": when, "q": q, "may_add": _may_write(request), **paginate(request, rows)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def campaign_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = _require_unit(request)
    form = CampaignForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            campaign = form.save(commit=False)
            campaign.unit = unit
            campaign.created_by = request.user
            campaign.save()
            form.save_m2m()
        messages.success(
            request,
            f"Đã lưu đợt “{campaign.title}”. Đơn vị cấp dưới chỉ thấy đợt này sau khi anh/chị "
            "bấm “Công bố xuống cấp dưới”.",
        )
        return redirect("events:campaign_detail", campaign_pk=campaign.pk)
    return render(
        request,
        "events/form.html",
        {"form": form, "title": "Phát động đợt tuyên truyền", "back": "events:campaign_list"},
    )


@login_required
@require_GET
def campaign_detail(request: AuthenticatedHttpRequest, campaign_pk: int) -> HttpResponse:
    campaign = get_for_user(
        Campaign.objects.select_related("unit", "anniversary"), request.user, pk=campaign_pk
    )
    from tuyengiao.documents.models import Document

    return render(
        request,
        "events/campaign_detail.html",
        {
            "campaign": campaign,
            "documents": scoped(Document, request.user).filter(pk__in=campaign.documents.all()),
            "events": scoped(UnitEvent, request.user).filter(campaign=campaign),
            "activities": for_campaign(scoped(Activity, request.user), campaign),
            "may_change": can(request.user, Action.CHANGE, campaign),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def campaign_edit(request: AuthenticatedHttpRequest, campaign_pk: int) -> HttpResponse:
    campaign = get_for_user(Campaign, request.user, Action.CHANGE, pk=campaign_pk)
    form = CampaignForm(request.POST or None, instance=campaign, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Đã lưu đợt “{campaign.title}”.")
        return redirect("events:campaign_detail", campaign_pk=campaign.pk)
    return render(
        request,
        "events/form.html",
        {"form": form, "title": f"Sửa đợt “{campaign.title}”", "back": "events:campaign_list"},
    )


@login_required
@require_POST
def campaign_publish(request: AuthenticatedHttpRequest, campaign_pk: int) -> HttpResponse:
    campaign = get_for_user(Campaign, request.user, Action.CHANGE, pk=campaign_pk)
    if writes.publish_campaign(campaign):
        messages.success(
            request,
            f"Đã công bố đợt “{campaign.title}” xuống các đơn vị cấp dưới; các đơn vị được nhắc "
            f"{writes.REMIND_DAYS_BEFORE} ngày trước khi đợt bắt đầu.",
        )
    else:
        messages.info(request, "Đợt này đã được công bố trước đó.")
    return redirect("events:campaign_detail", campaign_pk=campaign.pk)


# --- units' own events -----------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def event_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = _require_unit(request)
    initial = {}
    if request.GET.get("dot", "").isdigit():
        initial["campaign"] = request.GET["dot"]
    form = UnitEventForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        event = form.save(commit=False)
        event.unit = unit
        event.created_by = request.user
        event.save()
        messages.success(request, f"Đã thêm “{event.title}” vào lịch của đơn vị.")
        return redirect(f"{_month_url()}?thang={event.starts_on:%Y-%m}")
    return render(
        request,
        "events/form.html",
        {"form": form, "title": "Thêm sự kiện của đơn vị", "back": "events:month"},
    )


def _month_url() -> str:
    return reverse("events:month")


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request: AuthenticatedHttpRequest, unit_event_pk: int) -> HttpResponse:
    event = get_for_user(UnitEvent, request.user, Action.CHANGE, pk=unit_event_pk)
    form = UnitEventForm(request.POST or None, instance=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Đã lưu “{event.title}”.")
        return redirect(f"{_month_url()}?thang={event.starts_on:%Y-%m}")
    return render(
        request,
        "events/form.html",
        {
            "form": form,
            "title": f"Sửa sự kiện “{event.title}”",
            "back": "events:month",
            "delete_url": reverse("events:event_delete", kwargs={"unit_event_pk": event.pk}),
        },
    )


@login_required
@require_POST
def event_delete(request: AuthenticatedHttpRequest, unit_event_pk: int) -> HttpResponse:
    event = get_for_user(UnitEvent, request.user, Action.CHANGE, pk=unit_event_pk)
    event.delete()
    messages.success(request, f"Đã xóa “{event.title}” khỏi lịch.")
    return redirect("events:month")
