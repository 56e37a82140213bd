"""Report types: the list, creation, the type page (GET only) and one view per change posted
from it (general data, a section, an indicator, a year of periods, deletions), and sending."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import ProtectedError, QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, can, get_for_user, require
from tuyengiao.orgs.models import Unit

from ..calendar import generate_year
from ..forms import IndicatorForm, ReportTypeForm, SectionForm, SendForm, YearForm
from ..models import Indicator, ReportType, Section
from ..services.recipients import ensure_submissions, recipient_candidates, set_recipients
from .common import own_types, plans_for, user_unit


@login_required
def type_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = user_unit(request)
    types = own_types(request).order_by("title")
    return render(
        request,
        "reports/type_list.html",
        {
            "types": types,
            "can_create": unit is not None and can(request.user, Action.CHANGE, unit),
        },
    )


@login_required
def type_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = user_unit(request)
    if unit is None:
        messages.error(request, "Tài khoản chưa gắn với đơn vị nên không thể tạo loại báo cáo.")
        return redirect("reports:type_list")
    require(request.user, Action.CHANGE, unit)
    # A plan's reporting duty ("báo cáo kết quả về … trước ngày …", proposed by the plans app)
    # opens this form with its title and plan filled in: ?tieu-de=…&ke-hoach=<plan id>.
    initial = {"title": request.GET.get("tieu-de", "")[:255], "plan": request.GET.get("ke-hoach")}
    form = ReportTypeForm(request.POST or None, plans=plans_for(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        rt = form.save(commit=False)
        rt.unit = unit
        rt.created_by = request.user
        rt.save()
        messages.success(
            request, "Đã tạo loại báo cáo. Hãy thêm các mục, chỉ tiêu rồi gửi cho đơn vị cấp dưới."
        )
        return redirect("reports:type_detail", report_type_pk=rt.pk)
    return render(request, "reports/type_form.html", {"form": form})


def _type_page(request: AuthenticatedHttpRequest, rt: ReportType, **bound: Any) -> HttpResponse:
    """The type page; a change refused re-renders it with its bound form (what was typed, and
    why it was refused) in place of the blank one."""
    context: dict[str, Any] = {
        "section_form": SectionForm(prefix="s"),
        "indicator_form": IndicatorForm(prefix="i", report_type=rt),
        "edit_form": ReportTypeForm(instance=rt, plans=plans_for(request), prefix="t"),
        "year_form": YearForm(initial={"year": timezone.localdate().year}, prefix="y"),
        **bound,
    }
    context.update(
        {
            "rt": rt,
            "can_change": can(request.user, Action.CHANGE, rt),
            "periods": rt.periods.order_by("start"),
            "recipients": Unit.objects.filter(report_recipients__report_type=rt).order_by("path")[
                :200
            ],
            "recipient_count": rt.recipients.count(),
        }
    )
    return render(request, "reports/type_detail.html", context)


def _changeable(request: AuthenticatedHttpRequest, report_type_pk: int) -> ReportType:
    rt = get_for_user(own_types(request), request.user, Action.VIEW, pk=report_type_pk)
    require(request.user, Action.CHANGE, rt)
    return rt


@login_required
@require_GET
def type_detail(request: AuthenticatedHttpRequest, report_type_pk: int) -> HttpResponse:
    rt = get_for_user(own_types(request), request.user, Action.VIEW, pk=report_type_pk)
    return _type_page(request, rt)


@login_required
@require_POST
def type_edit(request: AuthenticatedHttpRequest, report_type_pk: int) -> HttpResponse:
    rt = _changeable(request, report_type_pk)
    form = ReportTypeForm(request.POST, instance=rt, plans=plans_for(request), prefix="t")
    if not form.is_valid():
        return _type_page(request, rt, edit_form=form)
    form.save()
    messages.success(request, "Đã lưu.")
    return redirect("reports:type_detail", report_type_pk=rt.pk)


@login_required
@require_POST
def section_add(request: AuthenticatedHttpRequest, report_type_pk: int) -> HttpResponse:
    rt = _changeable(request, report_type_pk)
    form = SectionForm(request.POST, prefix="s")
    if not form.is_valid():
        return _type_page(request, rt, section_form=form)
    section = form.save(commit=False)
    section.report_type = rt
    section.save()
    messages.success(request, "Đã thêm mục.")
    return redirect("reports:type_detail", report_type_pk=rt.pk)


@login_required
@require_POST
def indicator_add(request: AuthenticatedHttpRequest, report_type_pk: int) -> HttpResponse:
    rt = _changeable(request, report_type_pk)
    form = IndicatorForm(request.POST, prefix="i", report_type=rt)
    if not form.is_valid():
        return _type_page(request, rt, indicator_form=form)
    indicator = form.save(commit=False)
    indicator.report_type = rt
    indicator.save()
    messages.success(request, "Đã thêm chỉ tiêu.")
    return redirect("reports:type_detail", report_type_pk=rt.pk)


@login_required
@require_POST
def periods_add(request: AuthenticatedHttpRequest, report_type_pk: int) -> HttpResponse:
    """A year of periods, with the empty draft of every recipient for each."""
    rt = _changeable(request, report_type_pk)
    form = YearForm(request.POST, prefix="y")
    if not form.is_valid():
        return _type_page(request, rt, year_form=form)
    year = form.cleaned_data["year"]
    periods = generate_year(rt, year)
    ensure_submissions(rt, periods)
    messages.success(request, f"Đã tạo {len(periods)} kỳ báo cáo năm {year}.")
    return redirect("reports:type_detail", report_type_pk=rt.pk)


@login_required
@require_POST
def section_delete(
    request: AuthenticatedHttpRequest, report_type_pk: int, section_pk: int
) -> HttpResponse:
    rt = _changeable(request, report_type_pk)
    section = Section.objects.filter(report_type=rt, pk=section_pk).first()
    if section is None:  # a second click, or another tab deleted it first
        messages.info(request, "Mục này không còn (đã được xóa).")
    else:
        section.delete()
        messages.success(request, "Đã xóa.")
    return redirect("reports:type_detail", report_type_pk=rt.pk)


@login_required
@require_POST
def indicator_delete(
    request: AuthenticatedHttpRequest, report_type_pk: int, indicator_pk: int
) -> HttpResponse:
    rt = _changeable(request, report_type_pk)
    indicator = Indicator.objects.filter(report_type=rt, pk=indicator_pk).first()
    if indicator is None:
        messages.info(request, "Chỉ tiêu này không còn (đã được xóa).")
        return redirect("reports:type_detail", report_type_pk=rt.pk)
    try:
        indicator.delete()
    except ProtectedError:
        messages.error(request, "Không xóa được: chỉ tiêu đang được một tỷ lệ tính sử dụng.")
    else:
        messages.success(request, "Đã xóa.")
    return redirect("reports:type_detail", report_type_pk=rt.pk)


@login_required
def type_send(request: AuthenticatedHttpRequest, report_type_pk: int) -> HttpResponse:
    rt = get_for_user(
        own_types(request, Action.CHANGE), request.user, Action.CHANGE, pk=report_type_pk
    )
    candidates = recipient_candidates(rt.unit)
    current = set(rt.recipients.values_list("unit_id", flat=True))
    form = SendForm(
        request.POST or None,
        units=candidates,
        user=request.user,
        within=rt.unit,
        initial={"units": list(current), "mode": "pick" if current else "kind"},
    )
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["mode"] == "kind":
            units: Sequence[Unit] | QuerySet[Unit] = recipient_candidates(
                rt.unit, form.cleaned_data["kind"]
            )
        else:
            units = form.cleaned_data["units"]
        n = set_recipients(rt, units)
        messages.success(request, f"Đã gửi báo cáo cho {n} đơn vị.")
        return redirect("reports:type_detail", report_type_pk=rt.pk)
    return render(request, "reports/type_send.html", {"rt": rt, "form": form})
