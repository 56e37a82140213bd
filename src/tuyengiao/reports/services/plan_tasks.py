"""The rows of the type's plan tasks in a submission: their statuses and the per-task summary."""

from __future__ import annotations

from typing import Any

from tuyengiao.orgs.models import Unit

from ..models import Period, Status, Submission

TASK_STATUS_CHOICES = [
    ("", "—"),
    ("not_started", "Chưa thực hiện"),
    ("in_progress", "Đang thực hiện"),
    ("done", "Hoàn thành"),
    ("overdue", "Quá hạn"),
]
TASK_STATUS_LABELS = dict(TASK_STATUS_CHOICES)


def task_summary(period: Period, unit: Unit) -> list[dict[str, Any]]:
    """Per task of the type's plan: how many units reported each status, and their results."""
    rt = period.report_type
    if rt.plan_id is None:
        return []
    tasks = list(rt.plan.tasks.all().order_by("order", "id")) if rt.plan else []
    subs = Submission.objects.filter(
        period=period,
        unit__path__startswith=unit.path,
        status__in=[Status.SUBMITTED, Status.ACCEPTED],
    ).values_list("unit__name", "data")
    per_task: dict[int, dict[str, Any]] = {
        t.pk: {"task": t, "counts": {k: 0 for k, _ in TASK_STATUS_CHOICES if k}, "results": []}
        for t in tasks
    }
    for unit_name, data in subs:
        for t in tasks:
            st = (data or {}).get(f"task_{t.pk}_status", "")
            if st in per_task[t.pk]["counts"]:
                per_task[t.pk]["counts"][st] += 1
            res = (data or {}).get(f"task_{t.pk}_result", "")
            if res:
                per_task[t.pk]["results"].append((unit_name, res))
    return list(per_task.values())


def unit_task_statuses(submission: Submission) -> dict[int, str]:
    """The status of the reporting unit's own part in each task of the type's plan, as its
    progress updates derive it (``plans.TaskAssignment.status``): what the form offers for a task
    row the officer has not chosen yet, so progress reported once is not typed again."""
    from tuyengiao.plans.models import TaskAssignment

    rt = submission.period.report_type
    if rt.plan_id is None:
        return {}
    assignments = TaskAssignment.objects.filter(
        task__plan_id=rt.plan_id, unit_id=submission.unit_id
    ).select_related("task")
    return {a.task_id: a.status().value for a in assignments}


def plan_tasks_for(submission: Submission) -> list[Any]:
    rt = submission.period.report_type
    if rt.plan_id is None or rt.plan is None:
        return []
    return list(rt.plan.tasks.all().order_by("order", "id"))
