"""Views of task tracking: a unit's tasks across plans, one assignment's progress and evidence.
Every object is reached through ``tuyengiao.accounts.scoping``."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import (
    Action,
    can,
    get_for_user,
    require,
    scoped,
)
from tuyengiao.core.listing import export_requested, export_xlsx, paginate

from . import services
from .forms import (
    MyTasksFilterForm,
    TaskUpdateForm,
)
from .models import TaskAssignment, TaskUpdate

STATUS_ORDER = {"overdue": 0, "in_progress": 1, "not_started": 2, "done": 3}


@login_required
def my_tasks(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A unit's tasks across all plans, by deadline."""
    qs = scoped(TaskAssignment, request.user).select_related("task__plan__unit", "unit")
    unit = request.user.unit
    if unit is not None:
        qs = qs.filter(unit=unit)
    form = MyTasksFilterForm(request.GET or None)
    if form.is_valid() and form.cleaned_data["kind"]:
        qs = qs.filter(task__plan__kind=form.cleaned_data["kind"])
    today = timezone.localdate()
    rows: list[dict[str, Any]] = [
        {"a": a, "status": a.status(today), "deadline": a.deadline(today)} for a in qs[:2000]
    ]
    if form.is_valid() and form.cleaned_data["status"]:
        rows = [r for r in rows if r["status"] == form.cleaned_data["status"]]
    rows.sort(key=lambda r: (r["deadline"] or date.max, STATUS_ORDER[r["status"]], r["a"].pk))
    if export_requested(request):
        return export_xlsx(
            "nhiem-vu-cua-don-vi.xlsx",
            [
                ("Nhiệm vụ", lambda r: r["a"].task.title),
                ("Kế hoạch", lambda r: r["a"].task.plan.display_number),
                ("Vai trò", lambda r: r["a"].get_role_display()),
                ("Hạn", lambda r: r["deadline"]),
                ("Trạng thái", lambda r: r["status"].label),
                ("Tiến độ (%)", lambda r: r["a"].progress),
            ],
            rows,
        )
    return render(request, "plans/my_tasks.html", {"form": form, **paginate(request, rows)})


@login_required
def assignment_detail(request: AuthenticatedHttpRequest, assignment_pk: int) -> HttpResponse:
    """A unit's task: status, progress, evidence upload and the activity timeline."""
    assignment = get_for_user(
        TaskAssignment.objects.select_related("task__plan__unit", "unit"),
        request.user,
        pk=assignment_pk,
    )
    form = (
        TaskUpdateForm(request.POST, request.FILES)
        if request.method == "POST"
        else TaskUpdateForm()
    )
    if request.method == "POST":
        require(request.user, Action.CHANGE, assignment)
        if form.is_valid():
            services.record_update(
                assignment,
                request.user,
                form.cleaned_data.get("progress"),
                form.cleaned_data.get("note") or "",
                form.cleaned_data.get("evidence"),
            )
            messages.success(request, "Đã cập nhật tiến độ.")
            return redirect("plans:assignment_detail", assignment_pk=assignment.pk)
    others = assignment.task.assignments.select_related("unit").exclude(pk=assignment.pk)
    return render(
        request,
        "plans/assignment_detail.html",
        {
            "a": assignment,
            "task": assignment.task,
            "status": assignment.status(),
            "deadline": assignment.deadline(),
            "updates": assignment.updates.select_related("created_by"),
            "others": [o for o in others if can(request.user, Action.VIEW, o)],
            "subtasks": assignment.task.subtasks.order_by("order", "id"),
            "form": form,
            "can_change": can(request.user, Action.CHANGE, assignment),
            "plan_visible": can(request.user, Action.VIEW, assignment.task.plan),
        },
    )


@login_required
def evidence_download(request: AuthenticatedHttpRequest, taskupdate_pk: int) -> FileResponse:
    update = get_for_user(
        TaskUpdate.objects.select_related("assignment__unit"), request.user, pk=taskupdate_pk
    )
    if not update.evidence:
        raise Http404("Cập nhật này không có tệp minh chứng.")
    return FileResponse(
        update.evidence.open("rb"), as_attachment=True, filename=update.evidence_name
    )
