"""The unit's side of a report: the inbox, the submission page and its POSTs (a save, the
submit, the reconcile screen's merge), the superior's return and acceptance, attachments."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, can, get_for_user, scoped
from tuyengiao.core.listing import paginate

from ..forms import AttachmentForm, ReconcileForm, ReturnForm, ReviewForm, SaveForm
from ..models import Attachment, IndicatorKind, Status, Submission
from ..services import sources
from ..services.drafts import (
    Conflict,
    NotEditable,
    Superseded,
    accept_submission,
    return_submission,
    save_draft,
    snapshot,
)
from ..services.drafts import (
    submit as submit_report,
)
from ..services.plan_tasks import TASK_STATUS_CHOICES, plan_tasks_for, unit_task_statuses
from ..services.statuses import Cell, cell_status
from ..services.values import fmt, parse_indicator, rate_value
from .common import user_unit

# Answered to a save that arrived after a newer save of the same page: the page's script drops it.
SUPERSEDED_HEADER = "X-Autosave"


@login_required
def inbox(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = user_unit(request)
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
    from_data = sources.figures(sub, indicators)
    if sub.editable:
        # A bound indicator the officer has not typed yet shows the product's figure.
        data = {
            **data,
            **{
                i.key: from_data[i.pk].text
                for i in indicators
                if i.pk in from_data and not data.get(i.key)
            },
        }
    parsed_values = {
        i.pk: parse_indicator(i, data.get(i.key, "")).value for i in indicators if i.is_input
    }
    fields = []
    for ind in indicators:
        row: dict[str, Any] = {
            "ind": ind,
            "key": ind.key,
            "value": data.get(ind.key, ""),
            "error": errors.get(ind.key, ""),
        }
        if ind.pk in from_data:
            figure = from_data[ind.pk]
            row["figure"] = figure
            row["changed"] = sources.differs(row["value"], figure)
        if ind.kind == IndicatorKind.RATE:
            row["computed"] = fmt(rate_value(ind, parsed_values))
        fields.append(row)
    sections = [
        {"section": s, "key": s.key, "value": data.get(s.key, "")} for s in rt.sections.all()
    ]
    # A task row not chosen yet shows the unit's own progress on that task (plans).
    reported = unit_task_statuses(sub) if sub.editable else {}
    tasks = [
        {
            "task": t,
            "status_key": f"task_{t.pk}_status",
            "result_key": f"task_{t.pk}_result",
            "status": data.get(f"task_{t.pk}_status", "") or reported.get(t.pk, ""),
            "result": data.get(f"task_{t.pk}_result", ""),
        }
        for t in plan_tasks_for(sub)
    ]
    return {
        "fields": fields,
        "sections": sections,
        "tasks": tasks,
        "task_choices": TASK_STATUS_CHOICES,
    }


def _labels(sub: Submission) -> list[tuple[str, str]]:
    rt = sub.period.report_type
    out = [(i.key, i.label) for i in rt.indicators.all() if i.is_input]
    out += [(s.key, s.title) for s in rt.sections.all()]
    for t in plan_tasks_for(sub):
        out += [
            (f"task_{t.pk}_status", f"{t.title} — tình hình"),
            (f"task_{t.pk}_result", f"{t.title} — kết quả"),
        ]
    return out


def _submission(
    request: AuthenticatedHttpRequest, submission_pk: int, action: Action = Action.VIEW
) -> Submission:
    qs = Submission.objects.select_related("period__report_type__unit", "unit")
    sub = get_for_user(qs, request.user, action, pk=submission_pk)
    if action == Action.CHANGE and not _is_reporter(request, sub):
        raise PermissionDenied("Chỉ cán bộ của đơn vị báo cáo mới sửa, nộp báo cáo này.")
    return sub


def _is_reporter(request: AuthenticatedHttpRequest, sub: Submission) -> bool:
    """The reporting unit's own officers write the report; superiors review it (or import the
    figures of paper units), they do not type into a unit's form."""
    if request.user.is_system_admin:
        return True
    unit = user_unit(request)
    return unit is not None and unit.pk == sub.unit_id


def _can_review(request: AuthenticatedHttpRequest, sub: Submission) -> bool:
    rt = sub.period.report_type
    return can(request.user, Action.CHANGE, rt) and user_unit(request) != sub.unit


def _render_form(
    request: AuthenticatedHttpRequest,
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
        "cell": cell_status(sub.status, sub.is_late, sub.period.due_date),
        "labels": Cell.LABELS,
    }
    ctx.update(_form_rows(sub, data, errors))
    return render(request, "reports/submission.html", ctx, status=status)


def _reconcile(
    request: AuthenticatedHttpRequest, sub: Submission, mine: dict[str, str], status: int = 409
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


def _bad_save(request: AuthenticatedHttpRequest, sub: Submission, form: SaveForm) -> HttpResponse:
    """A save whose token or sequence is not one our page sends: nothing stored, what was typed
    stays on the page (htmx: the message in the autosave line; otherwise the form re-rendered)."""
    if request.htmx:  # type: ignore[attr-defined]
        return HttpResponse(format_html('<span class="error">{}</span>', form.message), status=400)
    messages.error(request, form.message)
    return _render_form(request, sub, data={**sub.data, **form.values}, status=400)


def _superseded(request: AuthenticatedHttpRequest, sub: Submission) -> HttpResponse:
    """A save of this page older than one already stored: the newer content stays."""
    if request.htmx:  # type: ignore[attr-defined]
        response = HttpResponse("Đã có lần lưu mới hơn từ trang này.", status=409)
        response[SUPERSEDED_HEADER] = "superseded"
        return response
    messages.info(
        request, "Một lần lưu cũ hơn đến sau lần lưu mới hơn nên được bỏ qua; bản mới hơn đã lưu."
    )
    return redirect("reports:submission", submission_pk=sub.pk)


@login_required
def submission(request: AuthenticatedHttpRequest, submission_pk: int) -> HttpResponse:
    sub = _submission(request, submission_pk)
    return _render_form(request, sub)


@login_required
@require_POST
def autosave(request: AuthenticatedHttpRequest, submission_pk: int) -> HttpResponse:
    """Save the draft as typed (htmx every few seconds / on change, or the "Lưu nháp" button)."""
    sub = _submission(request, submission_pk, Action.CHANGE)
    form = SaveForm(request.POST)
    if not form.is_valid():
        return _bad_save(request, sub, form)
    mine = form.values
    try:
        sub = save_draft(sub, user=request.user, **form.attempt())
    except Superseded:
        return _superseded(request, sub)
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
def submit(request: AuthenticatedHttpRequest, submission_pk: int) -> HttpResponse:
    sub = _submission(request, submission_pk, Action.CHANGE)
    form = SaveForm(request.POST)
    if not form.is_valid():
        return _bad_save(request, sub, form)
    mine = form.values
    try:
        result = submit_report(sub, user=request.user, **form.attempt())
    except Superseded:
        return _superseded(request, sub)
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
def reconcile(request: AuthenticatedHttpRequest, submission_pk: int) -> HttpResponse:
    """Save the field-by-field choice between the saved version and mine."""
    sub = _submission(request, submission_pk, Action.CHANGE)
    form = ReconcileForm(request.POST, keys=[k for k, _ in _labels(sub)], saved=sub.data)
    form.is_valid()  # never refuses: every field falls back to a kept value
    mine = form.cleaned_data["mine"]
    try:
        sub = save_draft(
            sub, form.cleaned_data["merged"], form.cleaned_data["version"], request.user
        )
    except Conflict as c:
        messages.warning(request, "Bản nháp lại vừa được người khác lưu; hãy đối chiếu lần nữa.")
        return _reconcile(request, c.submission, mine)
    except NotEditable:
        messages.error(request, "Báo cáo đã nộp nên không sửa được.")
        return redirect("reports:submission", submission_pk=sub.pk)
    snapshot(sub, "merge", request.user)
    messages.success(request, "Đã lưu bản hợp nhất.")
    return redirect("reports:submission", submission_pk=sub.pk)


def _reviewed(request: AuthenticatedHttpRequest, submission_pk: int) -> Submission:
    sub = _submission(request, submission_pk)
    if not _can_review(request, sub):
        raise PermissionDenied("Chỉ đơn vị yêu cầu báo cáo mới được trả lại hoặc tiếp nhận.")
    return sub


@login_required
@require_POST
def return_report(request: AuthenticatedHttpRequest, submission_pk: int) -> HttpResponse:
    sub = _reviewed(request, submission_pk)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("comment", []):
            messages.error(request, str(error))
        return redirect("reports:submission", submission_pk=sub.pk)
    try:
        return_submission(sub, form.cleaned_data["comment"], request.user)
    except NotEditable:
        messages.error(request, "Trạng thái báo cáo đã thay đổi; không thực hiện được.")
    else:
        messages.success(request, f"Đã trả lại báo cáo của {sub.unit.name}.")
    return redirect("reports:submission", submission_pk=sub.pk)


@login_required
@require_POST
def accept_report(request: AuthenticatedHttpRequest, submission_pk: int) -> HttpResponse:
    sub = _reviewed(request, submission_pk)
    form = ReviewForm(request.POST)
    form.is_valid()  # the comment is optional and free text: always valid
    try:
        accept_submission(sub, form.cleaned_data["comment"], request.user)
    except NotEditable:
        messages.error(request, "Trạng thái báo cáo đã thay đổi; không thực hiện được.")
    else:
        messages.success(request, f"Đã tiếp nhận báo cáo của {sub.unit.name}.")
    return redirect("reports:submission", submission_pk=sub.pk)


@login_required
@require_POST
def attach(request: AuthenticatedHttpRequest, submission_pk: int) -> HttpResponse:
    sub = _submission(request, submission_pk, Action.CHANGE)
    form = AttachmentForm(request.POST, request.FILES)
    if not sub.editable:
        messages.error(request, "Báo cáo đã nộp nên không thêm tệp được.")
    elif not form.is_valid():
        for error in form.errors.get("file", []):
            messages.error(request, str(error))
    else:
        upload = form.cleaned_data["file"]
        att = Attachment(submission=sub, name=upload.name or "tep", uploaded_by=request.user)
        att.file.save(upload.name or "tep", upload, save=False)
        att.save()
        messages.success(request, f"Đã đính kèm {att.name}.")
    return redirect("reports:submission", submission_pk=sub.pk)


@login_required
def attachment(request: AuthenticatedHttpRequest, attachment_pk: int) -> FileResponse:
    att = get_for_user(Attachment, request.user, Action.VIEW, pk=attachment_pk)
    try:
        return FileResponse(att.file.open("rb"), as_attachment=True, filename=att.name)
    except FileNotFoundError as exc:
        raise Http404("Không tìm thấy tệp.") from exc
