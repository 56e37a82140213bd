"""Views of the reports app. Every object is reached through ``tuyengiao.accounts.scoping``."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from tuyengiao.accounts.permissions import drilldown_unit
from tuyengiao.accounts.scoping import Action, can, get_for_user, require, scoped
from tuyengiao.core import jobs
from tuyengiao.core.listing import PER_PAGE, export_requested, paginate
from tuyengiao.core.models import JobState
from tuyengiao.core.spreadsheets import XLSX_MIME, TableError
from tuyengiao.core.views import job_page
from tuyengiao.orgs.models import Unit

from . import matrix as matrix_rows
from . import services
from .calendar import generate_year, ics_feed
from .charts import bar_chart, line_chart
from .compile import compiled_docx, compiled_xlsx, import_values, raw_xlsx, template_xlsx
from .forms import (
    ImportForm,
    IndicatorForm,
    MatrixFilterForm,
    ReportTypeForm,
    ReviewForm,
    SectionForm,
    SendForm,
    YearForm,
)
from .models import (
    Attachment,
    CalendarFeed,
    Indicator,
    IndicatorKind,
    Period,
    Recipient,
    ReportType,
    Section,
    Status,
    Submission,
)
from .services import Cell, Conflict, NotEditable
from .tasks import MATRIX_EXPORT, start_matrix_export

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _actor(request: HttpRequest) -> Any:
    """The logged-in user (views are behind login_required)."""
    return request.user


def _unit(request: HttpRequest) -> Unit | None:
    return getattr(request.user, "unit", None)


def own_types(request: HttpRequest, action: Action = Action.VIEW) -> QuerySet[ReportType]:
    """Report types defined by the user's unit or units below it (not those received)."""
    return matrix_rows.own_types(request.user, action)


# --------------------------------------------------------------------------- report types


@login_required
def type_list(request: HttpRequest) -> HttpResponse:
    unit = _unit(request)
    types = own_types(request).order_by("title")
    return render(
        request,
        "reports/type_list.html",
        {
            "types": types,
            "can_create": unit is not None and can(request.user, Action.CHANGE, unit),
        },
    )  # type: ignore[arg-type]


def _plans_for(request: HttpRequest) -> QuerySet[Any]:
    from tuyengiao.plans.models import Plan

    return scoped(Plan, request.user).order_by("-id")


@login_required
def type_create(request: HttpRequest) -> HttpResponse:
    unit = _unit(request)
    if unit is None:
        messages.error(request, "Tài khoản chưa gắn với đơn vị nên không thể tạo loại báo cáo.")
        return redirect("reports:type_list")
    require(request.user, Action.CHANGE, unit)
    form = ReportTypeForm(request.POST or None, plans=_plans_for(request))
    if request.method == "POST" and form.is_valid():
        rt = form.save(commit=False)
        rt.unit = unit
        rt.created_by = _actor(request)
        rt.save()
        messages.success(
            request, "Đã tạo loại báo cáo. Hãy thêm các mục, chỉ tiêu rồi gửi cho đơn vị cấp dưới."
        )
        return redirect("reports:type_detail", report_type_pk=rt.pk)
    return render(request, "reports/type_form.html", {"form": form})


@login_required
def type_detail(request: HttpRequest, report_type_pk: int) -> HttpResponse:
    rt = get_for_user(own_types(request), request.user, Action.VIEW, pk=report_type_pk)
    can_change = can(request.user, Action.CHANGE, rt)
    section_form = SectionForm(prefix="s")
    indicator_form = IndicatorForm(prefix="i", report_type=rt)
    edit_form = ReportTypeForm(instance=rt, plans=_plans_for(request), prefix="t")
    year_form = YearForm(initial={"year": timezone.localdate().year}, prefix="y")
    if request.method == "POST":
        require(request.user, Action.CHANGE, rt)
        action = request.POST.get("action")
        if action == "section":
            section_form = SectionForm(request.POST, prefix="s")
            if section_form.is_valid():
                section = section_form.save(commit=False)
                section.report_type = rt
                section.save()
                messages.success(request, "Đã thêm mục.")
                return redirect("reports:type_detail", report_type_pk=rt.pk)
        elif action == "indicator":
            indicator_form = IndicatorForm(request.POST, prefix="i", report_type=rt)
            if indicator_form.is_valid():
                ind = indicator_form.save(commit=False)
                ind.report_type = rt
                ind.save()
                messages.success(request, "Đã thêm chỉ tiêu.")
                return redirect("reports:type_detail", report_type_pk=rt.pk)
        elif action == "edit":
            edit_form = ReportTypeForm(
                request.POST, instance=rt, plans=_plans_for(request), prefix="t"
            )
            if edit_form.is_valid():
                edit_form.save()
                messages.success(request, "Đã lưu.")
                return redirect("reports:type_detail", report_type_pk=rt.pk)
        elif action == "year":
            year_form = YearForm(request.POST, prefix="y")
            if year_form.is_valid():
                periods = generate_year(rt, year_form.cleaned_data["year"])
                services.ensure_submissions(rt, periods)
                messages.success(
                    request,
                    f"Đã tạo {len(periods)} kỳ báo cáo năm {year_form.cleaned_data['year']}.",
                )
                return redirect("reports:type_detail", report_type_pk=rt.pk)
        elif action in ("delete_section", "delete_indicator"):
            model: type[Section] | type[Indicator] = (
                Section if action == "delete_section" else Indicator
            )
            obj = model.objects.filter(report_type=rt, pk=request.POST.get("pk") or 0).first()
            if obj is not None:
                try:
                    obj.delete()
                    messages.success(request, "Đã xóa.")
                except Exception:
                    messages.error(
                        request, "Không xóa được: chỉ tiêu đang được một tỷ lệ tính sử dụng."
                    )
            return redirect("reports:type_detail", report_type_pk=rt.pk)
    period_list = rt.periods.order_by("start")
    return render(
        request,
        "reports/type_detail.html",
        {
            "rt": rt,
            "can_change": can_change,
            "section_form": section_form,
            "indicator_form": indicator_form,
            "edit_form": edit_form,
            "year_form": year_form,
            "periods": period_list,
            "recipients": Unit.objects.filter(report_recipients__report_type=rt).order_by("path")[
                :200
            ],
            "recipient_count": rt.recipients.count(),
        },
    )


@login_required
def type_send(request: HttpRequest, report_type_pk: int) -> HttpResponse:
    rt = get_for_user(
        own_types(request, Action.CHANGE), request.user, Action.CHANGE, pk=report_type_pk
    )
    candidates = services.recipient_candidates(rt.unit)
    current = set(rt.recipients.values_list("unit_id", flat=True))
    form = SendForm(
        request.POST or None,
        units=candidates,
        initial={"units": list(current), "mode": "pick" if current else "kind"},
    )
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["mode"] == "kind":
            units: Sequence[Unit] | QuerySet[Unit] = services.recipient_candidates(
                rt.unit, form.cleaned_data["kind"]
            )
        else:
            units = form.cleaned_data["units"]
        n = services.set_recipients(rt, units)
        messages.success(request, f"Đã gửi báo cáo cho {n} đơn vị.")
        return redirect("reports:type_detail", report_type_pk=rt.pk)
    return render(request, "reports/type_send.html", {"rt": rt, "form": form})


# --------------------------------------------------------------------------- unit side


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    unit = _unit(request)
    qs = (
        scoped(Submission, request.user)
        .filter(unit=unit, period__report_type__sent=True)
        .select_related("period__report_type__unit")
    )
    show = request.GET.get("show", "open")
    if show == "open":
        qs = qs.filter(status__in=[Status.DRAFT, Status.RETURNED])
    qs = qs.order_by("period__due_date", "id")
    today = timezone.localdate()
    ctx = paginate(request, qs)
    ctx.update({"show": show, "today": today})
    return render(request, "reports/inbox.html", ctx)


def _form_rows(sub: Submission, data: dict[str, str], errors: dict[str, str]) -> dict[str, Any]:
    rt = sub.period.report_type
    indicators = list(rt.indicators.all())
    parsed_values = {
        i.pk: services.parse_indicator(i, data.get(i.key, "")).value
        for i in indicators
        if i.is_input
    }
    fields = []
    for ind in indicators:
        row: dict[str, Any] = {
            "ind": ind,
            "key": ind.key,
            "value": data.get(ind.key, ""),
            "error": errors.get(ind.key, ""),
        }
        if ind.kind == IndicatorKind.RATE:
            row["computed"] = services.fmt(services.rate_value(ind, parsed_values))
        fields.append(row)
    sections = [
        {"section": s, "key": s.key, "value": data.get(s.key, "")} for s in rt.sections.all()
    ]
    tasks = [
        {
            "task": t,
            "status_key": f"task_{t.pk}_status",
            "result_key": f"task_{t.pk}_result",
            "status": data.get(f"task_{t.pk}_status", ""),
            "result": data.get(f"task_{t.pk}_result", ""),
        }
        for t in services.plan_tasks_for(sub)
    ]
    return {
        "fields": fields,
        "sections": sections,
        "tasks": tasks,
        "task_choices": services.TASK_STATUS_CHOICES,
    }


def _labels(sub: Submission) -> list[tuple[str, str]]:
    rt = sub.period.report_type
    out = [(i.key, i.label) for i in rt.indicators.all() if i.is_input]
    out += [(s.key, s.title) for s in rt.sections.all()]
    for t in services.plan_tasks_for(sub):
        out += [
            (f"task_{t.pk}_status", f"{t.title} — tình hình"),
            (f"task_{t.pk}_result", f"{t.title} — kết quả"),
        ]
    return out


def _posted(request: HttpRequest) -> dict[str, str]:
    return {k: str(v) for k, v in request.POST.items() if k.startswith(("ind_", "sec_", "task_"))}


def _version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", "0"))
    except ValueError:
        return 0


def _submission(
    request: HttpRequest, submission_pk: int, action: Action = Action.VIEW
) -> Submission:
    qs = Submission.objects.select_related("period__report_type__unit", "unit")
    sub = get_for_user(qs, request.user, action, pk=submission_pk)
    if action == Action.CHANGE and not _is_reporter(request, sub):
        raise PermissionDenied("Chỉ cán bộ của đơn vị báo cáo mới sửa, nộp báo cáo này.")
    return sub


def _is_reporter(request: HttpRequest, sub: Submission) -> bool:
    """The reporting unit's own officers write the report; superiors review it (or import the
    figures of paper units), they do not type into a unit's form."""
    if getattr(request.user, "is_system_admin", False):
        return True
    unit = _unit(request)
    return unit is not None and unit.pk == sub.unit_id


def _can_review(request: HttpRequest, sub: Submission) -> bool:
    rt = sub.period.report_type
    return can(request.user, Action.CHANGE, rt) and _unit(request) != sub.unit


def _render_form(
    request: HttpRequest,
    sub: Submission,
    data: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> HttpResponse:
    errors = errors or {}
    data = sub.data if data is None else data
    ctx = {
        "sub": sub,
        "rt": sub.period.report_type,
        "period": sub.period,
        "errors": errors,
        "token": uuid.uuid4().hex,
        "can_edit": sub.editable
        and can(request.user, Action.CHANGE, sub)
        and _is_reporter(request, sub),
        "can_review": _can_review(request, sub)
        and sub.status in (Status.SUBMITTED, Status.ACCEPTED),
        "review_form": ReviewForm(),
        "versions": sub.versions.select_related("created_by").order_by("-id"),
        "attachments": sub.attachments.all(),
        "cell": services.cell_status(sub.status, sub.is_late, sub.period.due_date),
        "labels": Cell.LABELS,
    }
    ctx.update(_form_rows(sub, data, errors))
    return render(request, "reports/submission.html", ctx, status=status)


def _reconcile(
    request: HttpRequest, sub: Submission, mine: dict[str, str], status: int = 409
) -> HttpResponse:
    theirs = sub.data
    rows = []
    for key, label in _labels(sub):
        m, t = mine.get(key, theirs.get(key, "")), theirs.get(key, "")
        rows.append({"key": key, "label": label, "mine": m, "theirs": t, "differs": m != t})
    ctx = {
        "sub": sub,
        "rows": rows,
        "server_version": sub.version,
        "updated_by": sub.updated_by,
        "updated_at": sub.updated_at,
    }
    if request.htmx:  # type: ignore[attr-defined]
        response = render(request, "reports/_reconcile.html", ctx)
        response["HX-Retarget"] = "#reconcile"
        response["HX-Reswap"] = "innerHTML"
        return response
    return render(request, "reports/reconcile.html", ctx, status=status)


@login_required
def submission(request: HttpRequest, submission_pk: int) -> HttpResponse:
    sub = _submission(request, submission_pk)
    return _render_form(request, sub)


@login_required
@require_POST
def autosave(request: HttpRequest, submission_pk: int) -> HttpResponse:
    """Save the draft as typed (htmx every few seconds / on change, or the "Lưu nháp" button)."""
    sub = _submission(request, submission_pk, Action.CHANGE)
    mine = _posted(request)
    try:
        sub = services.save_draft(
            sub, mine, _version(request), _actor(request), request.POST.get("token", "")
        )
    except Conflict as c:
        return _reconcile(request, c.submission, mine)
    except NotEditable:
        if request.htmx:  # type: ignore[attr-defined]
            return HttpResponse(
                '<span class="error">Báo cáo đã nộp, không lưu nháp được nữa.</span>'
            )
        messages.error(request, "Báo cáo đã nộp nên không sửa được (trừ khi cấp trên trả lại).")
        return redirect("reports:submission", submission_pk=sub.pk)
    if request.htmx:  # type: ignore[attr-defined]
        rates = [f for f in _form_rows(sub, sub.data, {})["fields"] if "computed" in f]
        return render(request, "reports/_saved.html", {"sub": sub, "rates": rates})
    messages.success(request, "Đã lưu nháp.")
    return redirect("reports:submission", submission_pk=sub.pk)


@login_required
@require_POST
def submit(request: HttpRequest, submission_pk: int) -> HttpResponse:
    sub = _submission(request, submission_pk, Action.CHANGE)
    mine = _posted(request)
    try:
        result = services.submit(
            sub, mine, _version(request), request.POST.get("token", ""), _actor(request)
        )
    except Conflict as c:
        return _reconcile(request, c.submission, mine)
    except NotEditable:
        messages.error(request, "Báo cáo đã nộp nên không nộp lại được (trừ khi cấp trên trả lại).")
        return redirect("reports:submission", submission_pk=sub.pk)
    if result.duplicate:
        messages.info(request, "Báo cáo này đã được nộp (yêu cầu gửi lặp lại được bỏ qua).")
        return redirect("reports:submission", submission_pk=sub.pk)
    if not result.ok:
        messages.error(
            request, "Chưa nộp được: có chỉ tiêu chưa hợp lệ (đã lưu nháp những gì bạn nhập)."
        )
        return _render_form(request, result.submission, errors=result.errors, status=422)
    messages.success(
        request, "Đã nộp báo cáo." + (" Lưu ý: nộp sau hạn." if result.submission.is_late else "")
    )
    return redirect("reports:submission", submission_pk=sub.pk)


@login_required
@require_POST
def reconcile(request: HttpRequest, submission_pk: int) -> HttpResponse:
    """Save the field-by-field choice between the saved version and mine."""
    sub = _submission(request, submission_pk, Action.CHANGE)
    current = sub
    merged: dict[str, str] = {}
    mine: dict[str, str] = {}
    for key, _label in _labels(sub):
        mine_value = request.POST.get(f"mine_{key}", "")
        mine[key] = mine_value
        pick = request.POST.get(f"pick_{key}", "mine")
        merged[key] = mine_value if pick == "mine" else current.data.get(key, "")
        if pick == "custom":
            merged[key] = request.POST.get(f"custom_{key}", "")
    try:
        sub = services.save_draft(sub, merged, _version(request), _actor(request))
    except Conflict as c:
        messages.warning(request, "Bản nháp lại vừa được người khác lưu; hãy đối chiếu lần nữa.")
        return _reconcile(request, c.submission, mine)
    except NotEditable:
        messages.error(request, "Báo cáo đã nộp nên không sửa được.")
        return redirect("reports:submission", submission_pk=sub.pk)
    services.snapshot(sub, "merge", _actor(request))
    messages.success(request, "Đã lưu bản hợp nhất.")
    return redirect("reports:submission", submission_pk=sub.pk)


@login_required
@require_POST
def review(request: HttpRequest, submission_pk: int) -> HttpResponse:
    sub = _submission(request, submission_pk)
    if not _can_review(request, sub):
        raise PermissionDenied("Chỉ đơn vị yêu cầu báo cáo mới được trả lại hoặc tiếp nhận.")
    form = ReviewForm(request.POST)
    form.is_valid()
    comment = form.cleaned_data.get("comment", "")
    action = request.POST.get("action")
    try:
        if action == "return":
            if not comment.strip():
                messages.error(request, "Khi trả lại, hãy ghi nhận xét để đơn vị biết cần sửa gì.")
                return redirect("reports:submission", submission_pk=sub.pk)
            services.return_submission(sub, comment, _actor(request))
            messages.success(request, f"Đã trả lại báo cáo của {sub.unit.name}.")
        elif action == "accept":
            services.accept_submission(sub, comment, _actor(request))
            messages.success(request, f"Đã tiếp nhận báo cáo của {sub.unit.name}.")
    except NotEditable:
        messages.error(request, "Trạng thái báo cáo đã thay đổi; không thực hiện được.")
    return redirect("reports:submission", submission_pk=sub.pk)


@login_required
@require_POST
def attach(request: HttpRequest, submission_pk: int) -> HttpResponse:
    sub = _submission(request, submission_pk, Action.CHANGE)
    upload = request.FILES.get("file")
    if not sub.editable:
        messages.error(request, "Báo cáo đã nộp nên không thêm tệp được.")
    elif upload is None:
        messages.error(request, "Chưa chọn tệp.")
    elif upload.size and upload.size > 20 * 1024 * 1024:
        messages.error(request, "Tệp quá 20 MB.")
    else:
        att = Attachment(submission=sub, name=upload.name or "tep", uploaded_by=_actor(request))
        att.file.save(upload.name or "tep", upload, save=False)
        att.save()
        messages.success(request, f"Đã đính kèm {att.name}.")
    return redirect("reports:submission", submission_pk=sub.pk)


@login_required
def attachment(request: HttpRequest, attachment_pk: int) -> FileResponse:
    att = get_for_user(Attachment, request.user, Action.VIEW, pk=attachment_pk)
    try:
        return FileResponse(att.file.open("rb"), as_attachment=True, filename=att.name)
    except FileNotFoundError as exc:
        raise Http404("Không tìm thấy tệp.") from exc


# --------------------------------------------------------------------------- superior side


@login_required
def matrix(request: HttpRequest) -> HttpResponse:
    choices, by_key = matrix_rows.period_choices(request.user)
    today = timezone.localdate()
    default_key = next(
        (k for k, ps in by_key.items() if ps[0].start <= today), choices[0][0] if choices else ""
    )
    params = request.GET.copy()
    params.setdefault("period", default_key)
    form = MatrixFilterForm(params, periods=choices)
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    key = cleaned.get("period") or default_key
    periods = sorted(by_key.get(key, []), key=lambda p: p.report_type.title)
    filters = matrix_rows.Filters(
        kind=cleaned.get("kind") or "", q=cleaned.get("q") or "", status=cleaned.get("status") or ""
    )
    units = matrix_rows.units(request.user, periods, filters, today)

    if request.method == "POST" and request.POST.get("remind"):
        for p in periods:
            require(request.user, Action.CHANGE, p.report_type)
        services.remind_missing(periods)
        n = sum(
            services.status_counts(periods, today)[p.pk][s]
            for p in periods
            for s in (Cell.MISSING, Cell.PENDING)
        )
        messages.success(request, f"Đã gửi thư nhắc tới các đơn vị chưa nộp ({n} báo cáo).")
        return redirect(f"{reverse('reports:matrix')}?{params.urlencode()}")

    ctx = _paginate_units(request, units, periods, unfiltered=not filters.any)
    if export_requested(request):
        filename = f"tinh-hinh-nop-bao-cao-{key}.xlsx"
        total = ctx["page_obj"].paginator.count
        if total > matrix_rows.EXPORT_IN_REQUEST_MAX:
            job = start_matrix_export(request.user, key, filters, filename, total)
            return redirect("reports:export_job", export_job_pk=job.pk)
        content = matrix_rows.export_workbook(periods, units, today)
        return _file(content, XLSX_MIME, filename)

    rows = matrix_rows.page_rows(periods, ctx["object_list"], today)
    counts = services.status_counts(periods, today) if periods else {}
    ctx.update(
        {
            "form": form,
            "periods": periods,
            "rows": rows,
            "summary": [(p, counts[p.pk]) for p in periods],
            "labels": Cell.LABELS,
            "can_remind": any(can(request.user, Action.CHANGE, p.report_type) for p in periods),
        }
    )
    return render(request, "reports/matrix.html", ctx)


@login_required
def export_job(request: HttpRequest, export_job_pk: int) -> HttpResponse:
    """A large matrix export's progress (polled by htmx), then the link to its file."""
    job = jobs.job_for_user(request.user, export_job_pk, MATRIX_EXPORT)
    context = {
        "job": job,
        "poll_url": reverse("reports:export_job", kwargs={"export_job_pk": job.pk}),
        "outcome_template": "reports/_export_job_outcome.html",
        # no form_url: the shared progress template would offer "upload another file" on failure
        "matrix_url": reverse("reports:matrix"),
    }

    def others() -> dict[str, Any]:
        mine = jobs.recent_jobs(request.user, MATRIX_EXPORT)
        return {"export_jobs": [j for j in mine if j.pk != job.pk]}

    return job_page(request, "reports/export_job.html", context, others)


@login_required
def export_file(request: HttpRequest, export_job_pk: int) -> FileResponse:
    """The .xlsx a finished export job wrote (to its starter only)."""
    job = jobs.job_for_user(request.user, export_job_pk, MATRIX_EXPORT)
    if job.state != JobState.DONE or not job.file.name:
        raise Http404("Tệp xuất không còn; hãy xuất lại.")
    try:
        handle = job.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Tệp xuất không còn; hãy xuất lại.") from exc
    return FileResponse(handle, as_attachment=True, filename=job.filename, content_type=XLSX_MIME)


def _paginate_units(
    request: HttpRequest, units: QuerySet[Unit], periods: Sequence[Period], unfiltered: bool
) -> dict[str, Any]:
    """``core.listing.paginate`` for the matrix, counting recipients when nothing filters the
    units and the user sees every recipient (it is at or above each type's owner): then the
    units listed are exactly the recipients, and one type's count is its ``RecipientCount``."""
    paginator: Paginator[Any] = Paginator(matrix_rows.page_units(units, periods), PER_PAGE)
    own = _unit(request)
    sees_all = getattr(request.user, "is_system_admin", False) or (
        own is not None and all(own.contains(p.report_type.unit) for p in periods)
    )
    if unfiltered and sees_all:
        count = (
            services.recipient_count(periods[0].report_type)
            if len(periods) == 1
            else Recipient.objects.filter(report_type_id__in=[p.report_type_id for p in periods])
            .values("unit_id")
            .distinct()
            .count()
        )
    else:
        count = units.count()  # the units alone, without page_units' joins
    paginator.__dict__["count"] = count  # Paginator.count is a cached_property
    page_obj = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("export", None)
    return {
        "page_obj": page_obj,
        "object_list": page_obj.object_list,
        "querystring_without_page": params.urlencode(),
    }


def _period(request: HttpRequest, period_pk: int, action: Action = Action.VIEW) -> Period:
    return get_for_user(
        Period.objects.select_related("report_type__unit"), request.user, action, pk=period_pk
    )


def _rollup_unit(request: HttpRequest, period: Period) -> Unit:
    """The unit whose subtree is rolled up: ?unit= (drill-down) within the type's owner subtree."""
    return drilldown_unit(request.user, period.report_type.unit, request.GET.get("unit"))


@login_required
def rollup(request: HttpRequest, period_pk: int) -> HttpResponse:
    period = _period(request, period_pk)
    unit = _rollup_unit(request, period)
    r = services.rollup(period, unit)
    rt = period.report_type
    numeric = [i for i in r.indicators if i.kind != IndicatorKind.TEXT]
    chosen = next(
        (i for i in numeric if str(i.pk) == request.GET.get("ind")), numeric[0] if numeric else None
    )
    periods, series = services.trend(rt, unit)
    trend_svg = line_chart(
        [p.label for p in periods], [(chosen.label, series.get(chosen.pk, []))] if chosen else []
    )
    spread_svg = (
        bar_chart(
            services.spread(period, unit, chosen),
            suffix="%"
            if chosen and chosen.kind in (IndicatorKind.RATE, IndicatorKind.PERCENT)
            else "",
        )
        if chosen
        else ""
    )
    ancestors = [a for a in unit.ancestors(include_self=False) if a.path.startswith(rt.unit.path)]
    return render(
        request,
        "reports/rollup.html",
        {
            "period": period,
            "rt": rt,
            "unit": unit,
            "r": r,
            "numeric": numeric,
            "chosen": chosen,
            "trend_svg": trend_svg,
            "spread_svg": spread_svg,
            "ancestors": ancestors,
            "tasks": services.task_summary(period, unit),
            "task_labels": dict(services.TASK_STATUS_CHOICES),
            "can_import": can(request.user, Action.CHANGE, rt),
        },
    )


def _file(content: bytes, mime: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def compiled(request: HttpRequest, period_pk: int, fmt: str) -> HttpResponse:
    period = _period(request, period_pk)
    unit = _rollup_unit(request, period)
    name = f"bao-cao-tong-hop-{period.key}"
    if fmt == "docx":
        content, _r = compiled_docx(period, unit)
        return _file(content, DOCX_MIME, f"{name}.docx")
    if fmt == "xlsx":
        return _file(compiled_xlsx(period, unit), XLSX_MIME, f"{name}.xlsx")
    return _file(raw_xlsx(period, unit), XLSX_MIME, f"bao-cao-cac-don-vi-{period.key}.xlsx")


def _paper_units(period: Period) -> list[Unit]:
    return list(
        Unit.objects.filter(report_recipients__report_type=period.report_type).order_by("path")
    )


@login_required
def paper_import(request: HttpRequest, period_pk: int) -> HttpResponse:
    period = _period(request, period_pk, Action.CHANGE)
    require(request.user, Action.CHANGE, period.report_type)
    units = [u for u in _paper_units(period) if can(request.user, Action.CHANGE, u)]
    if request.GET.get("template"):
        return _file(template_xlsx(period, units), XLSX_MIME, f"mau-nhap-{period.key}.xlsx")
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = import_values(
                period,
                upload,
                upload.name,
                units,
                request.user,
                valid_only=form.cleaned_data["valid_only"],
            )
        except TableError as exc:
            form.add_error("file", str(exc))
    return render(
        request, "reports/import.html", {"period": period, "form": form, "result": result}
    )


# --------------------------------------------------------------------------- calendar feed


@login_required
def calendar_page(request: HttpRequest) -> HttpResponse:
    unit = _unit(request)
    if unit is None:
        raise Http404("Tài khoản chưa gắn với đơn vị.")
    feed = scoped(CalendarFeed, request.user).filter(unit=unit).first()
    if request.method == "POST":
        require(request.user, Action.CHANGE, unit)
        if feed is not None:
            feed.delete()
        feed = CalendarFeed.objects.create(unit=unit)
        messages.success(request, "Đã tạo địa chỉ lịch mới; địa chỉ cũ không còn dùng được.")
        return redirect("reports:calendar")
    periods = (
        Period.objects.filter(
            report_type__sent=True,
            report_type__recipients__unit=unit,
            due_date__gte=timezone.localdate(),
        )
        .select_related("report_type")
        .order_by("due_date")[:20]
    )
    url = (
        request.build_absolute_uri(reverse("reports:ics", kwargs={"feed_token": feed.token}))
        if feed
        else ""
    )
    return render(
        request,
        "reports/calendar.html",
        {"feed": feed, "url": url, "periods": periods, "unit": unit},
    )


def ics(request: HttpRequest, feed_token: str) -> HttpResponse:
    """Public by design: calendar apps subscribe without a session. The unguessable token
    (32 random bytes) opens the deadlines of exactly one unit and nothing else."""
    feed = CalendarFeed.objects.select_related("unit").filter(token=feed_token).first()
    if feed is None:
        raise Http404("Không tìm thấy lịch.")
    periods = (
        Period.objects.filter(report_type__sent=True, report_type__recipients__unit=feed.unit)
        .select_related("report_type__unit")
        .order_by("due_date")
    )
    return HttpResponse(
        ics_feed(feed.unit.name, periods, request.get_host()),
        content_type="text/calendar; charset=utf-8",
    )
