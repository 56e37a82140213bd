"""Views of the inspections app. Every object is reached through ``tuyengiao.accounts.scoping``;
the inspectors' actions require CHANGE on the inspection (owned by the inspecting unit), so the
inspected unit reads its visit and follow-ups but never writes findings."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, can, get_for_user, require, scoped
from tuyengiao.core.listing import export_requested, export_xlsx

from . import services
from .conclusion_docx import build_conclusion, conclusion_filename
from .forms import (
    AddLineForm,
    ConclusionForm,
    FindingForm,
    InspectionForm,
    SendBackForm,
    YearFilterForm,
)
from .models import ChecklistLine, Finding, Inspection, Recommendation, Visit, VisitState


def _visit(request: AuthenticatedHttpRequest, visit_pk: int) -> Visit:
    return get_for_user(
        Visit.objects.select_related("inspection__unit", "inspection__plan", "unit"),
        request.user,
        pk=visit_pk,
    )


def _inspector_visit(request: AuthenticatedHttpRequest, visit_pk: int) -> Visit:
    visit = _visit(request, visit_pk)
    require(request.user, Action.CHANGE, visit.inspection)
    return visit


@login_required
def inspection_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The year's inspection plan: a list by date and a month-by-month calendar."""
    form = YearFilterForm(request.GET or None)
    year = timezone.localdate().year
    qs = scoped(Inspection, request.user).select_related("unit", "plan")
    if form.is_valid():
        year = form.cleaned_data["year"] or year
        if form.cleaned_data["kind"]:
            qs = qs.filter(kind=form.cleaned_data["kind"])
    qs = qs.filter(planned_on__year=year).prefetch_related("visits__unit")
    inspections = list(qs.order_by("planned_on", "id")[:1000])
    if export_requested(request, form):
        return export_xlsx(
            f"ke-hoach-kiem-tra-{year}.xlsx",
            [
                ("Ngày dự kiến", lambda i: i.planned_on),
                ("Hình thức", lambda i: i.get_kind_display()),
                ("Nội dung", lambda i: i.title),
                ("Đơn vị kiểm tra", lambda i: i.unit.name),
                ("Đơn vị được kiểm tra", lambda i: "; ".join(v.unit.name for v in i.visits.all())),
                ("Kỳ từ", lambda i: i.period_start),
                ("Đến", lambda i: i.period_end),
            ],
            inspections,
            title=f"Kế hoạch kiểm tra {year}",
        )
    return render(
        request,
        "inspections/inspection_list.html",
        {
            "form": form,
            "year": year,
            "inspections": inspections,
            "months": services.by_month(inspections),
            "can_create": request.user.unit is not None
            and can(request.user, Action.CHANGE, request.user.unit),
        },
    )


@login_required
def inspection_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = request.user.unit
    if unit is None:
        raise PermissionDenied("Tài khoản chưa thuộc đơn vị nào.")
    require(request.user, Action.CHANGE, unit)
    form = InspectionForm(request.POST or None, user=request.user, unit=unit)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            inspection = services.create_inspection(
                unit=unit,
                user=request.user,
                kind=data["kind"],
                title=data["title"],
                plan=data["plan"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                planned_on=data["planned_on"],
                units=data["units"],
                head=data["head"],
                members=data["members"],
            )
        except services.InspectionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                f"Đã lập kế hoạch kiểm tra {inspection.visits.count()} đơn vị và dự thảo danh "
                "mục nội dung kiểm tra từ số liệu của từng đơn vị.",
            )
            return redirect("inspections:inspection_detail", inspection_pk=inspection.pk)
    return render(request, "inspections/inspection_form.html", {"form": form})


@login_required
def inspection_detail(request: AuthenticatedHttpRequest, inspection_pk: int) -> HttpResponse:
    inspection = get_for_user(
        Inspection.objects.select_related("unit", "plan"), request.user, pk=inspection_pk
    )
    visits = [
        {"visit": v, "counts": services.finding_counts(v)}
        for v in inspection.visits.select_related("unit")
    ]
    return render(
        request,
        "inspections/inspection_detail.html",
        {
            "inspection": inspection,
            "team": inspection.team.select_related("person"),
            "visits": visits,
        },
    )


def _line_forms(visit: Visit, data: Any = None, files: Any = None) -> list[dict[str, Any]]:
    rows = []
    for line in visit.lines.all():
        prefix = f"l{line.pk}"
        form = FindingForm(
            data,
            files,
            prefix=prefix,
            initial={"finding": line.finding, "note": line.note},
        )
        rows.append({"line": line, "form": form, "prefix": prefix})
    return rows


def _visit_page(
    request: AuthenticatedHttpRequest, visit: Visit, rows: list[dict[str, Any]], status: int = 200
) -> HttpResponse:
    inspector = can(request.user, Action.CHANGE, visit.inspection)
    recommendations = [
        {"rec": r, "ready": services.ready_for_acceptance(r)}
        for r in visit.recommendations.select_related("assignment")
    ]
    return render(
        request,
        "inspections/visit.html",
        {
            "visit": visit,
            "inspection": visit.inspection,
            "rows": rows,
            "editable": inspector and visit.state in (VisitState.PLANNED, VisitState.VISITED),
            "inspector": inspector,
            "findings": Finding.choices,
            "recommendations": recommendations,
            "counts": services.finding_counts(visit),
            "add_form": AddLineForm(),
            "send_back_form": SendBackForm(),
        },
        status=status,
    )


@login_required
def visit_detail(request: AuthenticatedHttpRequest, visit_pk: int) -> HttpResponse:
    """The checklist of a visit (the inspector's form, on a phone too) and its follow-up."""
    visit = _visit(request, visit_pk)
    return _visit_page(request, visit, _line_forms(visit))


@login_required
@require_POST
def visit_save(request: AuthenticatedHttpRequest, visit_pk: int) -> HttpResponse:
    """Save every line of the checklist at once (the "Lưu kết quả" button, also after the
    connection came back); lines with a bad file are shown again with their values kept."""
    visit = _inspector_visit(request, visit_pk)
    rows = _line_forms(visit, request.POST, request.FILES)
    bad = 0
    try:
        for row in rows:
            form = row["form"]
            if not form.is_valid():
                bad += 1
                continue
            services.record_finding(
                row["line"],
                request.user,
                form.cleaned_data["finding"],
                form.cleaned_data["note"],
                form.cleaned_data.get("evidence"),
            )
    except services.InspectionError as exc:
        messages.error(request, str(exc))
        return redirect("inspections:visit_detail", visit_pk=visit.pk)
    if bad:
        messages.error(
            request, f"{bad} nội dung chưa lưu được (xem lý do bên dưới); các nội dung khác đã lưu."
        )
        return _visit_page(request, visit, rows, status=400)
    messages.success(request, f"Đã lưu kết quả kiểm tra {len(rows)} nội dung.")
    return redirect("inspections:visit_detail", visit_pk=visit.pk)


@login_required
@require_POST
def line_autosave(request: AuthenticatedHttpRequest, line_pk: int) -> HttpResponse:
    """htmx: save one line's finding and note as the inspector types (no file)."""
    line = get_for_user(
        ChecklistLine.objects.select_related("visit__inspection__unit", "visit__unit"),
        request.user,
        pk=line_pk,
    )
    require(request.user, Action.CHANGE, line.visit.inspection)
    form = FindingForm(request.POST, prefix=f"l{line.pk}")
    if not form.is_valid():
        return HttpResponse(
            '<span class="error">Chưa lưu: dữ liệu không hợp lệ.</span>', status=400
        )
    try:
        services.record_finding(
            line, request.user, form.cleaned_data["finding"], form.cleaned_data["note"]
        )
    except services.InspectionError as exc:
        return HttpResponse(f'<span class="error">{exc}</span>', status=409)
    saved_at = timezone.localtime(line.updated_at)
    return HttpResponse(f'<span class="ok">Đã lưu lúc {saved_at:%H:%M:%S}</span>')


@login_required
@require_POST
def line_add(request: AuthenticatedHttpRequest, visit_pk: int) -> HttpResponse:
    visit = _inspector_visit(request, visit_pk)
    form = AddLineForm(request.POST)
    if form.is_valid():
        try:
            services.add_line(visit, form.cleaned_data["requirement"])
            messages.success(request, "Đã thêm nội dung kiểm tra.")
        except services.InspectionError as exc:
            messages.error(request, str(exc))
    else:
        messages.error(request, "Hãy nhập nội dung cần kiểm tra thêm.")
    return redirect("inspections:visit_detail", visit_pk=visit.pk)


@login_required
@require_POST
def visit_redraft(request: AuthenticatedHttpRequest, visit_pk: int) -> HttpResponse:
    """Draft the checklist again from the unit's current data (before any finding)."""
    visit = _inspector_visit(request, visit_pk)
    try:
        lines = services.draft_checklist(visit)
    except services.InspectionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã lập lại danh mục: {len(lines)} nội dung.")
    return redirect("inspections:visit_detail", visit_pk=visit.pk)


@login_required
def line_evidence(request: AuthenticatedHttpRequest, line_pk: int) -> FileResponse:
    line = get_for_user(
        ChecklistLine.objects.select_related("visit__unit"), request.user, pk=line_pk
    )
    if not line.evidence:
        raise Http404("Nội dung này không có tệp minh chứng.")
    return FileResponse(line.evidence.open("rb"), as_attachment=True, filename=line.evidence_name)


@login_required
def visit_conclude(request: AuthenticatedHttpRequest, visit_pk: int) -> HttpResponse:
    """The conclusion: a general text and recommendations (each a task with a deadline)."""
    visit = _inspector_visit(request, visit_pk)
    proposals = [p.text for p in services.proposed_recommendations(visit)]
    form = ConclusionForm(request.POST or None, initial_recommendations=proposals)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.conclude(
                visit, request.user, form.cleaned_data["conclusion"], form.recommendation_pairs()
            )
        except services.InspectionError as exc:
            form.add_error(None, str(exc))
        else:
            count = plan.tasks.count() if plan else 0
            messages.success(
                request,
                f"Đã kết luận; {count} kiến nghị đã thành nhiệm vụ của {visit.unit.name}.",
            )
            return redirect("inspections:visit_detail", visit_pk=visit.pk)
    pairs = [
        (form[f"rec_{i}"], form[f"due_{i}"])
        for i in range(len([n for n in form.fields if n.startswith("rec_")]))
    ]
    return render(
        request,
        "inspections/visit_conclude.html",
        {"visit": visit, "form": form, "pairs": pairs, "counts": services.finding_counts(visit)},
    )


@login_required
def conclusion_docx(request: AuthenticatedHttpRequest, visit_pk: int) -> HttpResponse:
    visit = _visit(request, visit_pk)
    if not visit.concluded_on:
        raise Http404("Cuộc kiểm tra chưa có kết luận.")
    response = HttpResponse(
        build_conclusion(visit, visit.concluded_on),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{conclusion_filename(visit)}"'
    return response


def _recommendation(request: AuthenticatedHttpRequest, recommendation_pk: int) -> Recommendation:
    rec = get_for_user(
        Recommendation.objects.select_related("visit__inspection__unit", "visit__unit"),
        request.user,
        pk=recommendation_pk,
    )
    require(request.user, Action.CHANGE, rec.visit.inspection)
    return rec


@login_required
@require_POST
def recommendation_accept(
    request: AuthenticatedHttpRequest, recommendation_pk: int
) -> HttpResponse:
    rec = _recommendation(request, recommendation_pk)
    try:
        visit = services.accept(rec, request.user)
    except services.InspectionError as exc:
        messages.error(request, str(exc))
    else:
        done = " Đơn vị đã hoàn thành mọi kiến nghị." if visit.state == VisitState.CLOSED else ""
        messages.success(request, f"Đã chấp nhận kết quả khắc phục.{done}")
    return redirect("inspections:visit_detail", visit_pk=rec.visit_id)


@login_required
@require_POST
def recommendation_send_back(
    request: AuthenticatedHttpRequest, recommendation_pk: int
) -> HttpResponse:
    rec = _recommendation(request, recommendation_pk)
    form = SendBackForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Hãy nêu lý do chưa chấp nhận.")
    else:
        try:
            services.send_back(rec, request.user, form.cleaned_data["reason"])
        except services.InspectionError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Đã trả lại nhiệm vụ cho đơn vị kèm lý do.")
    return redirect("inspections:visit_detail", visit_pk=rec.visit_id)


@login_required
def my_inspections(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The inspections of the user's own unit and their follow-ups."""
    qs = scoped(Visit, request.user).select_related("inspection__unit", "unit")
    unit = request.user.unit
    if unit is not None:
        qs = qs.filter(unit=unit)
    visits = list(qs.order_by("-inspection__planned_on", "-id")[:500])
    recs = (
        scoped(Recommendation, request.user)
        .filter(visit__in=visits, accepted_on__isnull=True)
        .select_related("assignment", "visit__inspection")
        .order_by("due_date", "id")
    )
    if export_requested(request):
        return export_xlsx(
            "kiem-tra-doi-voi-don-vi.xlsx",
            [
                ("Ngày kiểm tra", lambda v: v.inspection.planned_on),
                ("Hình thức", lambda v: v.inspection.get_kind_display()),
                ("Nội dung", lambda v: v.inspection.title),
                ("Đơn vị kiểm tra", lambda v: v.inspection.unit.name),
                ("Tình trạng", lambda v: v.get_state_display()),
                ("Ngày kết luận", lambda v: v.concluded_on),
            ],
            visits,
        )
    return render(
        request, "inspections/my_inspections.html", {"visits": visits, "recommendations": recs}
    )
