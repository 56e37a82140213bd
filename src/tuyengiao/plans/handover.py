"""Open tasks of a unit that a reorganisation ends pass to its successor (``orgs.handover``).

An assignment not done on the effective date moves to the successor, with its progress reports
and evidence (the timeline keeps who reported what); a finished one stays with the old unit. When
the successor already has a part in the same task, the old unit's assignment stays where it is
(the successor's own part carries on; the dry run, which does not know the successor's
parts, lists it among those passing).
"""

from __future__ import annotations

import datetime as dt

from tuyengiao.orgs.models import Unit

from .models import Status, TaskAssignment

TITLE = "Nhiệm vụ đang thực hiện chuyển giao"


def _open(unit: Unit, day: dt.date) -> list[TaskAssignment]:
    rows = TaskAssignment.objects.filter(unit=unit).select_related("task__plan")
    return [
        a for a in rows.order_by("task__plan", "task__order", "id") if a.status(day) != Status.DONE
    ]


def pending(unit: Unit, day: dt.date) -> list[str]:
    return [
        f"“{a.task.title}” ({a.task.plan.display_number or a.task.plan.title}, "
        f"{a.get_role_display().lower()}, tiến độ {a.progress}%)"
        for a in _open(unit, day)
    ]


def transfer(unit: Unit, successor: Unit, day: dt.date) -> int:
    taken = set(TaskAssignment.objects.filter(unit=successor).values_list("task_id", flat=True))
    moved = 0
    for a in _open(unit, day):
        if a.task_id in taken:
            continue
        a.unit = successor
        a.save(update_fields=["unit"])  # one audit entry per assignment
        moved += 1
    return moved
