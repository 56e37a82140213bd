"""Views of nominations for commendation (đề nghị khen thưởng): proposing (also from a unit's
review report), the list, and the deciding unit's approve / decline (one POST each)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, get_for_user, require, scoped
from tuyengiao.core.listing import export_requested, export_xlsx, filter_rejected
from tuyengiao.inspections.models import ReviewReport
from tuyengiao.orgs.models import Unit

from . import nominations
from .forms import (
    DECIDE_OWN,
    ApproveForm,
    DeclineForm,
    NominationFilterForm,
    NominationForm,
)
from .models import Nomination, NominationStatus
from .services import EmulationError

EXPORT_COLUMNS: list[tuple[str, Any]] = [
    ("Ngày đề nghị", lambda n: n.proposed_on),
    ("Đơn vị đề nghị", lambda n: n.proposer.name),
    ("Hình thức", lambda n: n.form.name),
    ("Cá nhân", lambda n: n.person.full_name if n.person else ""),
    ("Tập thể / đơn vị", lambda n: n.subject_unit.name),
    ("Thành tích", lambda n: n.reason),
    ("Cấp quyết định", lambda n: n.decider.name),
    ("Trạng thái", lambda n: n.get_status_display()),
    ("Số quyết định", lambda n: n.commendation.decision_number if n.commendation else ""),
    ("Lý do không duyệt", lambda n: n.decline_reason),
]


def _related(user: Any) -> Any:
    return scoped(Nomination, user).select_related(
        "proposer", "decider", "subject_unit", "person", "form", "commendation"
    )


@login_required
def nomination_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = NominationFilterForm(request.GET or None)
    qs = _related(request.user)
    if filter_rejected(form):
        qs = qs.none()
    elif form.is_valid():
        if form.cleaned_data["status"]:
            qs = qs.filter(status=form.cleaned_data["status"])
        if form.cleaned_data["year"]:
            qs = qs.filter(proposed_on__year=form.cleaned_data["year"])
    rows = list(qs[:2000])
    if export_requested(request, form):
        return export_xlsx("de-nghi-khen-thuong.xlsx", EXPORT_COLUMNS, rows, title="Đề nghị")
    to_decide = [
        n
        for n in rows
        if n.status == NominationStatus.PENDING and nominations.may_decide(request.user, n)
    ]
    return render(
        request,
        "emulation/nomination_list.html",
        {"form": form, "rows": rows[:500], "to_decide": to_decide},
    )


def _own_unit(request: AuthenticatedHttpRequest) -> Unit:
    unit = request.user.unit
    if unit is None:
        raise PermissionDenied("Tài khoản chưa thuộc đơn vị nào.")
    require(request.user, Action.CHANGE, unit)
    return unit


def _create(
    request: AuthenticatedHttpRequest, unit: Unit, report: ReviewReport | None
) -> HttpResponse:
    fixed = report.review.unit if report is not None else None
    form = NominationForm(request.POST or None, user=request.user, unit=unit, fixed_decider=fixed)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if fixed is not None:
            decider = fixed
        else:
            decider = unit if data["decider"] == DECIDE_OWN else (unit.superior() or unit)
        try:
            nomination = nominations.nominate(
                proposer=unit,
                decider=decider,
                user=request.user,
                form=data["form"],
                reason=data["reason"],
                subject_unit=data["subject_unit"],
                person=data["person"],
                movement=data["movement"],
                review_report=report,
            )
        except EmulationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Đã gửi đề nghị khen thưởng tới {decider.name}.")
            if report is not None:
                return redirect("inspections:review_report", review_report_pk=report.pk)
            return redirect("emulation:nomination_detail", nomination_pk=nomination.pk)
    return render(
        request, "emulation/nomination_form.html", {"form": form, "report": report, "unit": unit}
    )


@login_required
def nomination_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _create(request, _own_unit(request), None)


@login_required
def nomination_for_review(request: AuthenticatedHttpRequest, review_report_pk: int) -> HttpResponse:
    """The proposals of a unit's review report, as nominations to the reviewing unit."""
    report = get_for_user(
        ReviewReport.objects.select_related("review__unit", "unit"),
        request.user,
        Action.CHANGE,
        pk=review_report_pk,
    )
    return _create(request, report.unit, report)


def _get(request: AuthenticatedHttpRequest, pk: int) -> Nomination:
    return get_for_user(
        Nomination.objects.select_related(
            "proposer", "decider", "subject_unit", "person", "form", "commendation", "movement"
        ),
        request.user,
        pk=pk,
    )


@login_required
def nomination_detail(request: AuthenticatedHttpRequest, nomination_pk: int) -> HttpResponse:
    nomination = _get(request, nomination_pk)
    deciding = nomination.status == NominationStatus.PENDING and nominations.may_decide(
        request.user, nomination
    )
    return render(
        request,
        "emulation/nomination_detail.html",
        {
            "n": nomination,
            "deciding": deciding,
            "approve_form": ApproveForm() if deciding else None,
            "decline_form": DeclineForm() if deciding else None,
        },
    )


def _decidable(request: AuthenticatedHttpRequest, pk: int) -> Nomination:
    nomination = _get(request, pk)
    if not nominations.may_decide(request.user, nomination):
        raise PermissionDenied("Chỉ cấp quyết định được duyệt hoặc không duyệt đề nghị này.")
    return nomination


def _errors(form: ApproveForm | DeclineForm) -> str:
    return " ".join(str(m) for errors in form.errors.values() for m in errors)


@login_required
@require_POST
def nomination_approve(request: AuthenticatedHttpRequest, nomination_pk: int) -> HttpResponse:
    nomination = _decidable(request, nomination_pk)
    form = ApproveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _errors(form))
        return redirect("emulation:nomination_detail", nomination_pk=nomination.pk)
    try:
        nominations.approve(
            nomination,
            request.user,
            form.cleaned_data["decision_number"],
            form.cleaned_data["decision_date"],
        )
    except EmulationError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Đã duyệt và ghi vào sổ khen thưởng.")
    return redirect("emulation:nomination_detail", nomination_pk=nomination.pk)


@login_required
@require_POST
def nomination_decline(request: AuthenticatedHttpRequest, nomination_pk: int) -> HttpResponse:
    nomination = _decidable(request, nomination_pk)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _errors(form))
        return redirect("emulation:nomination_detail", nomination_pk=nomination.pk)
    try:
        nominations.decline(nomination, request.user, form.cleaned_data["reason"])
    except EmulationError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Đã ghi không duyệt đề nghị, kèm lý do.")
    return redirect("emulation:nomination_detail", nomination_pk=nomination.pk)
