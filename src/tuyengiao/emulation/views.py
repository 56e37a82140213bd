"""Views of the emulation app. Every object is reached through ``tuyengiao.accounts.scoping``;
the superior's scoring requires CHANGE on the movement (owned by the launching unit)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, can, get_for_user, require, scoped
from tuyengiao.core.listing import export_requested, export_xlsx
from tuyengiao.orgs.models import Unit

from . import services
from .certificate import build_certificate, certificate_filename
from .certificate_template import fill, template_for
from .chart import year_bars
from .forms import (
    CommendationForm,
    MovementForm,
    RegisterFilterForm,
    ScoreForm,
    SelfAssessmentForm,
    points_of,
)
from .models import Commendation, Entry, Movement


def _own_unit(request: AuthenticatedHttpRequest) -> Unit:
    unit = request.user.unit
    if unit is None:
        raise PermissionDenied("Tài khoản chưa thuộc đơn vị nào.")
    require(request.user, Action.CHANGE, unit)
    return unit


@login_required
def movement_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    movements = list(scoped(Movement, request.user).select_related("unit")[:500])
    entries = scoped(Entry, request.user).select_related("movement")
    if request.user.unit is not None:
        entries = entries.filter(unit=request.user.unit)
    if export_requested(request):
        return export_xlsx(
            "phong-trao-thi-dua.xlsx",
            [
                ("Năm", lambda m: m.year),
                ("Phong trào", lambda m: m.title),
                ("Đơn vị phát động", lambda m: m.unit.name),
            ],
            movements,
        )
    return render(
        request, "emulation/movement_list.html", {"movements": movements, "entries": entries[:200]}
    )


@login_required
def movement_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = _own_unit(request)
    form = MovementForm(request.POST or None, user=request.user, unit=unit)
    if request.method == "POST" and form.is_valid():
        try:
            movement = services.create_movement(
                unit,
                form.cleaned_data["title"],
                form.cleaned_data["year"],
                services.parse_criteria(form.cleaned_data["criteria"]),
                form.cleaned_data["units"],
            )
        except services.EmulationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Đã phát động phong trào thi đua.")
            return redirect("emulation:movement_detail", movement_pk=movement.pk)
    return render(request, "emulation/movement_form.html", {"form": form})


@login_required
def movement_detail(request: AuthenticatedHttpRequest, movement_pk: int) -> HttpResponse:
    movement = get_for_user(Movement.objects.select_related("unit"), request.user, pk=movement_pk)
    ranked = services.ranking(movement)
    if export_requested(request):
        return export_xlsx(
            f"xep-hang-thi-dua-{movement.pk}.xlsx",
            [
                ("Hạng", lambda r: r.rank),
                ("Đơn vị", lambda r: r.entry.unit.name),
                ("Tự chấm", lambda r: r.entry.self_total),
                ("Điểm cấp trên chấm", lambda r: r.entry.total),
            ],
            ranked,
        )
    return render(
        request,
        "emulation/movement_detail.html",
        {
            "movement": movement,
            "criteria": movement.criteria.all(),
            "entries": movement.entries.select_related("unit"),
            "ranked": ranked,
        },
    )


@login_required
def entry_detail(request: AuthenticatedHttpRequest, entry_pk: int) -> HttpResponse:
    """The unit's self-assessment (GET/POST) and, for the superior, the scoring form."""
    entry = get_for_user(
        Entry.objects.select_related("movement__unit", "unit"), request.user, pk=entry_pk
    )
    criteria = list(entry.movement.criteria.all())
    if request.method == "POST":
        require(request.user, Action.CHANGE, entry)
    form = SelfAssessmentForm(
        request.POST or None,
        request.FILES or None,
        criteria=criteria,
        values=entry.self_points or {},
        initial={"note": entry.self_note},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.self_assess(
                entry, points_of(form), form.cleaned_data["note"], form.cleaned_data.get("evidence")
            )
        except services.EmulationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Đã gửi bản tự chấm: {entry.self_total} điểm.")
            return redirect("emulation:entry_detail", entry_pk=entry.pk)
    superior = can(request.user, Action.CHANGE, entry.movement)
    return render(
        request,
        "emulation/entry.html",
        {
            "entry": entry,
            "form": form,
            "score_form": ScoreForm(
                criteria=criteria, values=entry.scores or entry.self_points or {}
            ),
            "superior": superior,
            "can_edit": can(request.user, Action.CHANGE, entry),
        },
    )


@login_required
@require_POST
def entry_score(request: AuthenticatedHttpRequest, entry_pk: int) -> HttpResponse:
    entry = get_for_user(
        Entry.objects.select_related("movement__unit", "unit"), request.user, pk=entry_pk
    )
    require(request.user, Action.CHANGE, entry.movement)
    form = ScoreForm(request.POST, criteria=list(entry.movement.criteria.all()), values={})
    if not form.is_valid():
        messages.error(
            request,
            "Điểm chấm chưa hợp lệ: "
            + "; ".join(
                f"{form.fields[k].label}: {' '.join(str(m) for m in v)}"
                for k, v in form.errors.items()
            ),
        )
        return redirect("emulation:entry_detail", entry_pk=entry.pk)
    try:
        services.score(entry, request.user, points_of(form))
    except services.EmulationError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã chấm {entry.total} điểm cho {entry.unit.name}.")
    return redirect("emulation:movement_detail", movement_pk=entry.movement_id)


@login_required
def register(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The commendation register of the units in reach, per unit and per person; statistics."""
    form = RegisterFilterForm(request.GET or None, user=request.user)
    qs = scoped(Commendation, request.user).select_related(
        "form", "person", "subject_unit", "issuer"
    )
    if form.is_valid():
        if form.cleaned_data["year"]:
            qs = qs.filter(decision_date__year=form.cleaned_data["year"])
        if form.cleaned_data["unit"]:
            qs = qs.filter(subject_unit__path__startswith=form.cleaned_data["unit"].path)
        if form.cleaned_data["q"]:
            q = form.cleaned_data["q"]
            qs = qs.filter(Q(person__full_name__icontains=q) | Q(subject_unit__name__icontains=q))
    rows = list(qs[:5000])
    if export_requested(request, form):
        return export_xlsx(
            "so-khen-thuong.xlsx",
            [
                ("Ngày quyết định", lambda c: c.decision_date),
                ("Số quyết định", lambda c: c.decision_number),
                ("Hình thức", lambda c: c.form.name),
                ("Cá nhân", lambda c: c.person.full_name if c.person else ""),
                ("Tập thể / đơn vị", lambda c: c.subject_unit.name),
                ("Thành tích", lambda c: c.reason),
                ("Đơn vị quyết định", lambda c: c.issuer.name),
            ],
            rows,
            title="Sổ khen thưởng",
        )
    years, series = services.statistics(rows)
    return render(
        request,
        "emulation/register.html",
        {
            "form": form,
            "rows": rows[:500],
            "years": years,
            "series": series,
            "chart": year_bars(years, series),
        },
    )


@login_required
def commendation_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = _own_unit(request)
    form = CommendationForm(request.POST or None, user=request.user, unit=unit)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.commend(
                issuer=unit,
                user=request.user,
                form=data["form"],
                decision_number=data["decision_number"],
                decision_date=data["decision_date"],
                reason=data["reason"],
                subject_unit=data["subject_unit"],
                person=data["person"],
                movement=data["movement"],
            )
        except services.EmulationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Đã ghi vào sổ khen thưởng.")
            return redirect("emulation:register")
    return render(request, "emulation/commendation_form.html", {"form": form})


@login_required
def certificate(request: AuthenticatedHttpRequest, commendation_pk: int) -> HttpResponse:
    commendation = get_for_user(
        Commendation.objects.select_related("form", "person", "subject_unit", "issuer"),
        request.user,
        pk=commendation_pk,
    )
    template = template_for(commendation)
    response = HttpResponse(
        fill(template, commendation) if template else build_certificate(commendation),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{certificate_filename(commendation)}"'
    return response
