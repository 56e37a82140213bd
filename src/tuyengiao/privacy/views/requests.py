"""The requests register: a unit administrator records a person's request (from the person's
page), assigns it, answers and closes it; the person files and follows their own requests."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.models import User
from tuyengiao.accounts.permissions import OFFICER_ROLES, own_records
from tuyengiao.accounts.scoping import Action, get_for_user, scoped, visible_units
from tuyengiao.core.listing import export_requested, export_xlsx, paginate

from ..forms import (
    AnswerForm,
    AssignForm,
    EraseForm,
    MemberRequestForm,
    RequestFilterForm,
    RequestForm,
)
from ..models import DataRequest
from ..records import person_records
from ..register import RequestError, answer, assign, close, overdue, record_request
from .people import managed_person, own_person


def _managed_request(request: AuthenticatedHttpRequest, pk: int) -> DataRequest:
    return get_for_user(
        DataRequest.objects.select_related("person", "unit", "assigned_to"),
        request.user,
        Action.MANAGE,
        pk=pk,
    )


def _candidates(request: AuthenticatedHttpRequest) -> QuerySet[User]:
    return scoped(User, request.user, Action.MANAGE).filter(
        role__in=sorted(OFFICER_ROLES), is_active=True
    )


@login_required
@require_POST
def person_request_create(request: AuthenticatedHttpRequest, person_pk: int) -> HttpResponse:
    person = managed_person(request, person_pk)
    form = RequestForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        created = record_request(
            person,
            data["kind"],
            data["details"],
            received_on=data["received_on"],
            by=request.user,
            third_party=data["third_party"],
        )
        messages.success(
            request,
            f"Đã ghi nhận yêu cầu. Hạn phản hồi {created.respond_by:%d/%m/%Y}, hạn hoàn thành "
            f"{created.complete_by:%d/%m/%Y}.",
        )
        return redirect("privacy:request_detail", data_request_pk=created.pk)
    return render(
        request,
        "privacy/person_data.html",
        {
            "person": person,
            "sections": person_records(person),
            "own": False,
            "request_form": form,
            "erase_form": EraseForm(),
        },
        status=400,
    )


@login_required
def request_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    requests = scoped(
        DataRequest.objects.select_related("person", "unit", "assigned_to"),
        request.user,
        Action.MANAGE,
    )
    form = RequestFilterForm(request.GET or None)
    form.fields["unit"].queryset = visible_units(request.user)  # type: ignore[attr-defined]
    if form.is_valid():
        data = form.cleaned_data
        if data["status"]:
            requests = requests.filter(status=data["status"])
        if data["kind"]:
            requests = requests.filter(kind=data["kind"])
        if data["overdue"]:
            requests = overdue(requests)
        if data["unit"]:
            requests = requests.filter(unit__path__startswith=data["unit"].path)
    elif form.is_bound:
        requests = requests.none()
    today = timezone.localdate()
    if export_requested(request, form):
        return export_xlsx(
            "so-yeu-cau-du-lieu-ca-nhan.xlsx",
            [
                ("Ngày nhận", lambda r: r.received_on.strftime("%d/%m/%Y")),
                ("Người", lambda r: r.person.full_name),
                ("Đơn vị", lambda r: r.unit.name),
                ("Loại", lambda r: r.get_kind_display()),
                ("Hạn phản hồi", lambda r: r.respond_by.strftime("%d/%m/%Y")),
                ("Hạn hoàn thành", lambda r: r.complete_by.strftime("%d/%m/%Y")),
                ("Trạng thái", lambda r: r.get_status_display()),
                ("Quá hạn", lambda r: "Có" if r.is_overdue(today) else ""),
                ("Người xử lý", lambda r: str(r.assigned_to or "")),
            ],
            requests[:50_000],
        )
    context: dict[str, Any] = paginate(request, requests)
    context.update(form=form, today=today)
    return render(request, "privacy/request_list.html", context)


def _detail(request: AuthenticatedHttpRequest, item: DataRequest, **forms: Any) -> HttpResponse:
    context = {
        "item": item,
        "overdue": item.is_overdue(timezone.localdate()),
        "assign_form": forms.get("assign_form")
        or AssignForm(
            candidates=_candidates(request), initial={"assigned_to": item.assigned_to_id}
        ),
        "answer_form": forms.get("answer_form") or AnswerForm(initial={"answer": item.answer}),
        "error": forms.get("error", ""),
    }
    return render(request, "privacy/request_detail.html", context, status=forms.get("status", 200))


@login_required
@require_safe
def request_detail(request: AuthenticatedHttpRequest, data_request_pk: int) -> HttpResponse:
    return _detail(request, _managed_request(request, data_request_pk))


@login_required
@require_POST
def request_assign(request: AuthenticatedHttpRequest, data_request_pk: int) -> HttpResponse:
    item = _managed_request(request, data_request_pk)
    form = AssignForm(request.POST, candidates=_candidates(request))
    if not form.is_valid():
        return _detail(request, item, assign_form=form, status=400)
    try:
        assign(item, form.cleaned_data["assigned_to"])
    except RequestError as exc:
        return _detail(request, item, assign_form=form, error=str(exc), status=400)
    messages.success(request, "Đã phân công người xử lý.")
    return redirect("privacy:request_detail", data_request_pk=item.pk)


@login_required
@require_POST
def request_answer(request: AuthenticatedHttpRequest, data_request_pk: int) -> HttpResponse:
    item = _managed_request(request, data_request_pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _detail(request, item, answer_form=form, status=400)
    try:
        answer(item, form.cleaned_data["answer"])
    except RequestError as exc:
        return _detail(request, item, answer_form=form, error=str(exc), status=400)
    messages.success(request, "Đã lưu câu trả lời.")
    return redirect("privacy:request_detail", data_request_pk=item.pk)


@login_required
@require_POST
def request_close(request: AuthenticatedHttpRequest, data_request_pk: int) -> HttpResponse:
    item = _managed_request(request, data_request_pk)
    try:
        close(item)
    except RequestError as exc:
        return _detail(request, item, error=str(exc), status=400)
    messages.success(request, "Đã đóng yêu cầu.")
    return redirect("privacy:request_detail", data_request_pk=item.pk)


@login_required
def my_requests(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The person's own requests, and a new one (filed as received today)."""
    person = own_person(request)
    form = MemberRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = record_request(
            person, form.cleaned_data["kind"], form.cleaned_data["details"], by=request.user
        )
        messages.success(
            request,
            f"Đã gửi yêu cầu. Đơn vị phản hồi trước ngày {created.respond_by:%d/%m/%Y}.",
        )
        return redirect("privacy:my_requests")
    return render(
        request,
        "privacy/my_requests.html",
        {"form": form, "requests": own_records(DataRequest, request.user).order_by("-received_on")},
    )
