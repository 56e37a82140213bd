"""Pages of the reorganisations (sắp xếp tổ chức): the history list, one form per kind of change
(each POST keeps a draft and shows its dry run), the confirmation, and the sheet import."""

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
from tuyengiao.accounts.scoping import Action, allowed_actions, can, get_for_user, require, scoped
from tuyengiao.core import jobs
from tuyengiao.core.listing import export_requested, export_xlsx, paginate
from tuyengiao.core.views import job_page

from . import reorg_import as sheet
from . import reorganisation, tasks
from .models import Reorganisation, ReorganisationKind, Unit
from .reorg_forms import (
    DissolveForm,
    MergeForm,
    MoveForm,
    RenameForm,
    ReorganisationImportForm,
    SplitForm,
    _ChangeForm,
)

FORMS: dict[str, tuple[type[_ChangeForm], str]] = {
    ReorganisationKind.MERGE: (MergeForm, "Sáp nhập, hợp nhất đơn vị"),
    ReorganisationKind.SPLIT: (SplitForm, "Chia tách đơn vị"),
    ReorganisationKind.MOVE: (MoveForm, "Chuyển đơn vị sang cấp trên khác"),
    ReorganisationKind.RENAME: (RenameForm, "Đổi tên đơn vị"),
    ReorganisationKind.DISSOLVE: (DissolveForm, "Giải thể đơn vị"),
}


def _may_reorganise(request: AuthenticatedHttpRequest) -> None:
    if Action.MANAGE not in allowed_actions(request.user):
        raise PermissionDenied("Chỉ quản trị đơn vị được sắp xếp tổ chức.")


EXPORT_COLUMNS = [
    ("Ngày hiệu lực", lambda r: r.effective_date),
    ("Loại thay đổi", lambda r: r.get_kind_display()),
    ("Thuộc đơn vị", lambda r: r.unit.name),
    ("Văn bản quyết định", lambda r: r.document.number if r.document else ""),
    ("Ghi chú", lambda r: r.note),
    ("Đã thực hiện", lambda r: "Có" if r.applied_at else "Chưa (bản nháp)"),
]


@login_required
def reorg_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The reorganisations of the user's subtree (applied), and its own drafts; ?loai= filters."""
    qs = (
        scoped(Reorganisation, request.user)
        .select_related("unit", "document")
        .filter(Q(applied_at__isnull=False) | Q(created_by=request.user.pk))
    )
    kind = request.GET.get("loai", "")
    if kind in ReorganisationKind.values:
        qs = qs.filter(kind=kind)
    qs = qs.order_by("-effective_date", "-id")
    if export_requested(request):
        return export_xlsx("sap-xep-to-chuc.xlsx", EXPORT_COLUMNS, qs, title="Sắp xếp tổ chức")
    context = paginate(request, qs)
    context.update(
        kind=kind,
        kinds=ReorganisationKind.choices,
        forms=[(k, title) for k, (_f, title) in FORMS.items()],
        can_manage=Action.MANAGE in allowed_actions(request.user),
    )
    return render(request, "orgs/reorg_list.html", context)


def _change_form(request: AuthenticatedHttpRequest, kind: str) -> HttpResponse:
    _may_reorganise(request)
    form_class, title = FORMS[kind]
    extra: dict[str, Any] = {}
    if form_class is SplitForm:
        source_pk = request.POST.get("source") or request.GET.get("don-vi")
        source = (
            Unit.objects.filter(pk=source_pk).first() if str(source_pk or "").isdigit() else None
        )
        if source is not None and not can(request.user, Action.MANAGE, source):
            source = None
        extra["source"] = source
    initial = {"source": extra.get("source")} if extra.get("source") else None
    form = form_class(request.POST or None, user=request.user, initial=initial, **extra)
    if request.method == "POST" and form.is_valid():
        change = form.change()
        try:
            for unit in [*change.sources, change.successor, change.new_parent]:
                if unit is not None:
                    require(request.user, Action.MANAGE, unit)
            draft = reorganisation.save_draft(change, by=request.user)
        except reorganisation.ReorganisationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            return redirect("orgs:reorg_detail", reorg_pk=draft.pk)
    return render(
        request,
        "orgs/reorg_form.html",
        {"form": form, "title": title, "kind": kind, "split": form_class is SplitForm},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def reorg_merge(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _change_form(request, ReorganisationKind.MERGE)


@login_required
def reorg_split(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _change_form(request, ReorganisationKind.SPLIT)


@login_required
def reorg_move(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _change_form(request, ReorganisationKind.MOVE)


@login_required
def reorg_rename(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _change_form(request, ReorganisationKind.RENAME)


@login_required
def reorg_dissolve(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _change_form(request, ReorganisationKind.DISSOLVE)


@login_required
def reorg_detail(request: AuthenticatedHttpRequest, reorg_pk: int) -> HttpResponse:
    """A draft's dry run (computed again now), or what an applied change did."""
    reorg = get_for_user(
        Reorganisation.objects.select_related("unit", "document", "created_by"),
        request.user,
        pk=reorg_pk,
    )
    errors: list[str] = []
    sections = reorg.summary.get("sections", [])
    if reorg.applied_at is None:
        try:
            sections = reorganisation.sections(
                reorganisation.plan(reorganisation.change_from_spec(reorg.spec))
            )
        except reorganisation.ReorganisationError as exc:
            errors = list(exc.messages)
            sections = []
    return render(
        request,
        "orgs/reorg_detail.html",
        {
            "reorg": reorg,
            "sections": sections,
            "errors": errors,
            "links": reorg.links.select_related("predecessor", "successor"),
            "can_confirm": reorg.applied_at is None
            and not errors
            and can(request.user, Action.MANAGE, reorg),
        },
    )


@login_required
@require_POST
def reorg_confirm(request: AuthenticatedHttpRequest, reorg_pk: int) -> HttpResponse:
    """Make a draft's change (checked again)."""
    reorg = get_for_user(Reorganisation, request.user, Action.MANAGE, pk=reorg_pk)
    try:
        reorganisation.confirm(reorg, by=request.user)
    except reorganisation.ReorganisationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"Đã thực hiện: {reorg}.")
    return redirect("orgs:reorg_detail", reorg_pk=reorg.pk)


# --- the sheet ----------------------------------------------------------------------------------


def _job_url(job_pk: int) -> str:
    return reverse("orgs:reorg_import_job", kwargs={"reorg_job_pk": job_pk})


@login_required
def reorg_import(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Upload a reorganisation sheet: checked and dry-run in the background."""
    _may_reorganise(request)
    form = ReorganisationImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = jobs.start(
            tasks.REORGANISATION_IMPORT,
            request.user,
            form.cleaned_data["file"],
            options={"dry_run": True},
        )
        tasks.import_reorganisations_task.enqueue(job.pk)
        return redirect(_job_url(job.pk))
    return render(
        request,
        "orgs/reorg_import.html",
        {
            "form": form,
            "headers": sheet.HEADERS,
            "recent_jobs": jobs.recent_jobs(request.user, tasks.REORGANISATION_IMPORT),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def reorg_import_job(request: AuthenticatedHttpRequest, reorg_job_pk: int) -> HttpResponse:
    _may_reorganise(request)
    job = jobs.job_for_user(request.user, reorg_job_pk, tasks.REORGANISATION_IMPORT)
    context = {
        "job": job,
        "poll_url": _job_url(job.pk),
        "outcome_template": "orgs/_reorg_job_outcome.html",
        "apply_url": reverse("orgs:reorg_import_apply", kwargs={"reorg_job_pk": job.pk}),
        "form_url": reverse("orgs:reorg_import"),
        "item_label": "thay đổi",
    }
    return job_page(request, "orgs/reorg_import.html", context)


@login_required
@require_POST
def reorg_import_apply(request: AuthenticatedHttpRequest, reorg_job_pk: int) -> HttpResponse:
    """Confirm a clean dry run: the same stored sheet run again, this time applied."""
    _may_reorganise(request)
    job = jobs.job_for_user(request.user, reorg_job_pk, tasks.REORGANISATION_IMPORT)
    if not job.result.get("dry_run") or job.result.get("error_count"):
        messages.error(request, "Chỉ áp dụng được một lần chạy thử không có lỗi.")
        return redirect(_job_url(job.pk))
    try:
        new = jobs.restart(job, request.user, dry_run=False)
    except jobs.JobError as exc:
        messages.error(request, str(exc))
        return redirect("orgs:reorg_import")
    tasks.import_reorganisations_task.enqueue(new.pk)
    return redirect(_job_url(new.pk))
