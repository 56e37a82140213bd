"""Rounds: the list, opening one, the round page with its rates, and the member list."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, can, require, scoped
from tuyengiao.core.listing import paginate
from tuyengiao.core.text import fold
from tuyengiao.orgs.models import Unit

from ..charts import rate_chart
from ..forms import ExemptionsForm, ExportForm, RoundForm, SearchForm
from ..models import (
    Attendance,
    Eligibility,
    Essay,
    ExemptionCategory,
    StudyRound,
    StudySession,
    StudyTest,
    TestAttempt,
)
from ..services import StudyError
from ..services.rates import rate_for_unit, round_rates, units_reported
from ..services.rounds import open_round, set_exemption, snapshot_members
from . import exports
from .common import focus_unit, user_round


@login_required
def round_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    qs = scoped(StudyRound, request.user).select_related("unit").order_by("-starts_on", "-id")
    q = SearchForm(request.GET).query()
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(document_title__icontains=q))
    unit = request.user.unit
    return render(
        request,
        "study/round_list.html",
        {
            "q": q,
            "can_open": unit is not None and can(request.user, Action.CHANGE, unit),
            **paginate(request, qs),
        },
    )


@login_required
def round_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = request.user.unit
    if unit is None:
        messages.error(request, "Tài khoản chưa gắn với đơn vị nên không thể mở đợt học tập.")
        return redirect("study:round_list")
    require(request.user, Action.CHANGE, unit)
    units = Unit.objects.filter(path__startswith=unit.path, depth__gt=unit.depth).order_by("path")
    from tuyengiao.documents.models import Document

    form = RoundForm(
        request.POST or None,
        units=units,
        documents=scoped(Document, request.user).order_by("-id"),
        user=request.user,
        within=unit,
        initial={"covered_units": units.filter(depth=unit.depth + 1)},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            study_round = open_round(
                unit=unit,
                title=data["title"],
                document_title=data["document_title"],
                document=data.get("document"),
                number=data["number"],
                target_rate=data["target_rate"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                covered_units=data["covered_units"],
                user=request.user,
            )
        except StudyError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                f"Đã mở đợt học tập; danh sách có {study_round.eligibilities.count()} đảng viên.",
            )
            return redirect("study:round_detail", round_pk=study_round.pk)
    return render(request, "study/round_form.html", {"form": form})


@login_required
def round_detail(request: AuthenticatedHttpRequest, round_pk: int) -> HttpResponse:
    study_round = user_round(request, round_pk)
    focus = focus_unit(request, study_round)
    rows = round_rates(study_round, focus)
    total = rate_for_unit(study_round, focus)
    if ExportForm(request.GET).wants_xlsx():
        return exports.rates_xlsx(study_round, focus, rows)
    trail = [u for u in focus.ancestors(include_self=True) if study_round.unit.contains(u)]
    sessions = (
        scoped(StudySession, request.user)
        .filter(round=study_round)
        .select_related("unit", "presenter")[:100]
    )
    person = request.user.person
    mine: dict[str, Any] = {}
    if person is not None:
        mine["listed"] = Eligibility.objects.filter(round=study_round, person=person).first()
        mine["attended"] = (
            Attendance.objects.filter(round=study_round, person=person)
            .select_related("session")
            .first()
        )
        test = StudyTest.objects.filter(round=study_round).first()
        mine["test"] = test
        mine["attempt"] = (
            TestAttempt.objects.filter(test=test, person=person).first() if test else None
        )
        mine["essay"] = Essay.objects.filter(round=study_round, person=person).first()
    return render(
        request,
        "study/round_detail.html",
        {
            "round": study_round,
            "focus": focus,
            "trail": trail,
            "rows": rows,
            "total": total,
            "coverage": units_reported(study_round, focus),
            "below": sum(r.below_target for r in rows),
            "chart": rate_chart(rows, study_round.target_rate),
            "sessions": sessions,
            "mine": mine,
            "can_change_focus": can(request.user, Action.CHANGE, focus),
            "can_manage_round": can(request.user, Action.CHANGE, study_round.unit),
            "own_unit": request.user.unit,
        },
    )


def _member_list_again(request: AuthenticatedHttpRequest, study_round: StudyRound) -> HttpResponse:
    """Back to the list as it was filtered and paged (the forms post to it with its query)."""
    url = reverse("study:member_list", kwargs={"round_pk": study_round.pk})
    return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)


def _save_exemptions(request: AuthenticatedHttpRequest, study_round: StudyRound) -> HttpResponse:
    form = ExemptionsForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(map(str, form.non_field_errors())))
        return _member_list_again(request, study_round)
    chosen: dict[int, str] = form.cleaned_data["exemptions"]
    editable = {
        e.pk: e
        for e in scoped(Eligibility, request.user, Action.CHANGE)
        .filter(round=study_round, pk__in=list(chosen))
        .select_related("person")
    }
    if set(chosen) - set(editable):
        raise PermissionDenied("Không có quyền sửa danh sách của đơn vị này.")
    changed = 0
    for pk, category in chosen.items():
        entry = editable[pk]
        if entry.exemption != category:
            try:
                set_exemption(study_round, entry.person, category)
            except StudyError as exc:
                messages.error(request, str(exc))
                return _member_list_again(request, study_round)
            changed += 1
    messages.success(request, f"Đã lưu {changed} thay đổi.")
    return _member_list_again(request, study_round)


@login_required
def member_list(request: AuthenticatedHttpRequest, round_pk: int) -> HttpResponse:
    """The round's list for the user's subtree, with exemption categories (officers may change them
    and save them all at once)."""
    study_round = user_round(request, round_pk)
    if request.method == "POST":
        return _save_exemptions(request, study_round)
    qs = (
        scoped(Eligibility, request.user)
        .filter(round=study_round)
        .select_related("person", "unit")
        .order_by("unit__path", "person__name_folded")
    )
    q = SearchForm(request.GET).query()
    if q:
        qs = qs.filter(person__name_folded__contains=fold(q))
    attended = set(Attendance.objects.filter(round=study_round).values_list("person_id", flat=True))
    unit = request.user.unit
    return render(
        request,
        "study/member_list.html",
        {
            "round": study_round,
            "q": q,
            "attended": attended,
            "categories": ExemptionCategory.choices,
            "can_edit": unit is not None and can(request.user, Action.CHANGE, unit),
            **paginate(request, qs, per_page=100),
        },
    )


@login_required
@require_POST
def member_refresh(request: AuthenticatedHttpRequest, round_pk: int) -> HttpResponse:
    """Put the members who joined the officer's unit since the round opened on its list."""
    study_round = user_round(request, round_pk)
    unit = request.user.unit
    if unit is None:
        raise PermissionDenied("Tài khoản chưa gắn với đơn vị.")
    require(request.user, Action.CHANGE, unit)
    try:
        added = snapshot_members(study_round, within=unit)
    except StudyError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã bổ sung {added} đảng viên mới vào danh sách.")
    return _member_list_again(request, study_round)
