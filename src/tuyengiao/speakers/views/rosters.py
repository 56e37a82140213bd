"""Rosters: the list (filter, export), appointing, ending a term, the term change of the whole
list (dry run, then one POST), the roll-up with its chart, the import and a person's history."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, can, get_for_user, scoped
from tuyengiao.core.charts import horizontal_bars, scaled_bars
from tuyengiao.core.listing import export_requested, filter_rejected, paginate
from tuyengiao.core.spreadsheets import TableError, xlsx_response
from tuyengiao.core.text import fold
from tuyengiao.orgs.models import CommRole, Person

from ..forms import AppointForm, EndForm, ImportForm, RosterFilterForm, TermChangeForm
from ..models import Appointment
from ..services import SpeakersError
from ..services.imports import import_roster
from ..services.rosters import (
    ROSTER_HEADERS,
    appoint,
    counts_for,
    end_appointment,
    history,
    rollup,
    roster,
    roster_cells,
    term_change,
)
from .common import own_unit


@login_required
def roster_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = RosterFilterForm(request.GET or None, user=request.user)
    qs = scoped(Appointment, request.user).select_related("person", "person__unit", "role", "unit")
    if filter_rejected(form):
        qs = qs.none()
    elif form.is_valid():
        data = form.cleaned_data
        if data["unit"] is not None:
            qs = qs.filter(unit__path__startswith=data["unit"].path)
        if data["role"] is not None:
            qs = qs.filter(role=data["role"])
        if data["status"] == "ended":
            qs = qs.filter(active=False)
        elif data["status"] != "all":
            qs = qs.filter(active=True)
        if data["q"]:
            qs = qs.filter(
                Q(person__name_folded__contains=fold(data["q"])) | Q(expertise__icontains=data["q"])
            )
    else:
        qs = qs.filter(active=True)
    qs = qs.order_by("unit__path", "role__order", "person__name_folded", "id")
    if export_requested(request, form):
        from tuyengiao.privacy.access_log import AccessKind, log_access

        log_access(
            request.user,
            AccessKind.EXPORT,
            about=request.user.unit or request.user,
            unit_path=request.user.unit.path if request.user.unit else "",
            people=qs.count(),
            description="Xuất danh sách báo cáo viên, tuyên truyền viên (.xlsx)",
        )
        return xlsx_response(
            "danh-sach-bao-cao-vien.xlsx",
            ROSTER_HEADERS,
            (roster_cells(a) for a in qs),
            title="Danh sách",
        )
    unit = request.user.unit
    return render(
        request,
        "speakers/roster_list.html",
        {
            "form": form,
            "can_change": unit is not None and can(request.user, Action.CHANGE, unit),
            **paginate(request, qs),
        },
    )


def _people_of(request: AuthenticatedHttpRequest) -> Any:
    unit = own_unit(request)
    return Person.objects.in_subtree(unit).filter(active=True).select_related("unit")


@login_required
def appointment_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = own_unit(request)
    form = AppointForm(request.POST or None, people=_people_of(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            a = appoint(unit=unit, user=request.user, **data)
        except SpeakersError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Đã đưa {a.person} vào danh sách ({a.role.name.lower()}).")
            return redirect("speakers:roster")
    return render(request, "speakers/appointment_form.html", {"form": form, "unit": unit})


@login_required
def appointment_end(request: AuthenticatedHttpRequest, appointment_pk: int) -> HttpResponse:
    appointment = get_for_user(
        Appointment.objects.select_related("person", "role", "unit"),
        request.user,
        Action.CHANGE,
        pk=appointment_pk,
    )
    form = EndForm(request.POST or None, initial={"ended_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            end_appointment(appointment, form.cleaned_data["ended_on"], form.cleaned_data["reason"])
        except SpeakersError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, f"{appointment.person} đã thôi {appointment.role.name.lower()}."
            )
            return redirect("speakers:roster")
    return render(
        request, "speakers/appointment_end.html", {"form": form, "appointment": appointment}
    )


@login_required
def term_change_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """GET without data: the form (everyone ticked); GET with data: the dry run (who is
    reappointed, whose term ends) and the confirm button; POST: the change, all at once."""
    unit = own_unit(request)
    role_pk = (request.POST or request.GET).get("role")
    role = CommRole.objects.filter(pk=role_pk).first() if role_pk and role_pk.isdigit() else None
    current = list(roster(unit, role).order_by("role__order", "person__name_folded", "id"))
    ids = [a.pk for a in current]
    data = request.POST if request.method == "POST" else (request.GET or None)
    form = TermChangeForm(data, appointment_ids=ids, initial={"keep": ids, "role": role})
    change = None
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        try:
            change = term_change(
                unit,
                keep_ids=set(d["keep"]),
                term_start=d["term_start"],
                term_end=d["term_end"],
                decision_number=d["decision_number"],
                decision_date=d["decision_date"],
                role=d["role"],
                dry_run=request.method != "POST",
                user=request.user,
            )
        except SpeakersError as exc:
            form.add_error(None, str(exc))
        else:
            if change.applied:
                messages.success(
                    request,
                    f"Đã chuyển nhiệm kỳ: công nhận lại {len(change.reappointed)} người, "
                    f"{len(change.ended)} người hết nhiệm kỳ.",
                )
                return redirect("speakers:roster")
    return render(
        request,
        "speakers/term_change.html",
        {
            "form": form,
            "current": current,
            "change": change,
            "unit": unit,
            "kept": {int(v) for v in data.getlist("keep") if v.isdigit()} if data else set(ids),
        },
    )


@login_required
def roster_rollup(request: AuthenticatedHttpRequest) -> HttpResponse:
    from tuyengiao.accounts.permissions import drilldown_unit

    own = request.user.unit
    focus = drilldown_unit(request.user, own, request.GET.get("don-vi")) if own else None
    if focus is None:
        return render(request, "speakers/rollup.html", {"focus": None})
    roles = list(CommRole.objects.all())
    by_level, by_child, totals = rollup(focus, roles)
    if export_requested(request):
        headers = ["Cấp / đơn vị", *[r.name for r in roles], "Cộng"]
        rows = [[r.label, *counts_for(r, roles), r.total] for r in [*by_level, *by_child]]
        return xlsx_response("tong-hop-luc-luong.xlsx", headers, rows, title="Tổng hợp")
    return render(
        request,
        "speakers/rollup.html",
        {
            "focus": focus,
            "roles": roles,
            "by_level": [(r, counts_for(r, roles)) for r in by_level],
            "by_child": [(r, counts_for(r, roles)) for r in by_child],
            "totals": [totals.get(r.pk, 0) for r in roles],
            "grand_total": sum(totals.values()),
            "chart": horizontal_bars(
                scaled_bars([(r.name, totals.get(r.pk, 0)) for r in roles]),
                "Số người đang làm nhiệm vụ theo vai trò",
                "speakers-chart",
            ),
            "child_chart": horizontal_bars(
                scaled_bars([(r.label, r.total) for r in by_child]),
                "Số người theo đơn vị trực thuộc",
                "speakers-chart",
            ),
        },
    )


@login_required
def roster_import(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = own_unit(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = import_roster(unit, upload, upload.name, user=request.user)
        except TableError as exc:
            form.add_error("file", str(exc))
        else:
            if result.applied:
                messages.success(request, f"Đã nhập {result.created} người vào danh sách.")
    return render(
        request, "speakers/roster_import.html", {"form": form, "result": result, "unit": unit}
    )


@login_required
def roster_template(request: AuthenticatedHttpRequest) -> HttpResponse:
    """An empty import sheet with the columns the import reads (and one example row)."""
    example = [
        "Nguyễn Văn A",
        1980,
        "Chi bộ …",
        "Báo cáo viên",
        "12-QĐ/ĐU",
        "01/01/2026",
        "01/01/2026",
        "31/12/2030",
        "Kinh tế",
        "0912 000 000",
        "",
    ]
    return xlsx_response(
        "mau-danh-sach-bao-cao-vien.xlsx", ROSTER_HEADERS, [example], title="Danh sách"
    )


@login_required
def person_history(request: AuthenticatedHttpRequest, person_pk: int) -> HttpResponse:
    person = get_for_user(Person.objects.select_related("unit"), request.user, pk=person_pk)
    terms = history(person)
    from tuyengiao.privacy.access_log import AccessKind, log_access

    log_access(
        request.user,
        AccessKind.PERSON_PAGE,
        about=person,
        unit_path=person.unit.path,
        people=1,
        description=f"Xem quá trình làm báo cáo viên, tuyên truyền viên của {person}",
    )
    from ..models import Enrolment, Talk

    return render(
        request,
        "speakers/person_history.html",
        {
            "person": person,
            "terms": terms,
            "enrolments": Enrolment.objects.filter(person=person, completed=True).select_related(
                "course"
            ),
            "talks": Talk.objects.filter(person=person).select_related("briefing")[:50],
            "today": date.today(),
        },
    )
