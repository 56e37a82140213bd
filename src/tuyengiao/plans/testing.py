"""Scoping factories for the project-wide URL walk: each creates an object owned by ``unit``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from tuyengiao.orgs.models import Unit
from tuyengiao.testing import SECRET_MARK

from .models import CascadeDispatch, CascadeRecipient, Plan, Task, TaskAssignment, TaskUpdate


def make_plan(unit: Unit) -> Plan:
    return Plan.objects.create(
        unit=unit, number="7-KH/MAT", title=f"Kế hoạch {SECRET_MARK}", published_down=False
    )


def _plan_pk(unit: Unit) -> int:
    return make_plan(unit).pk


def _assignment(unit: Unit) -> TaskAssignment:
    plan = make_plan(unit)
    task = Task.objects.create(plan=plan, order=1, title=f"Nhiệm vụ {SECRET_MARK}")
    return TaskAssignment.objects.create(task=task, unit=unit)


def _assignment_pk(unit: Unit) -> int:
    return _assignment(unit).pk


def _taskupdate_pk(unit: Unit) -> int:
    update = TaskUpdate(assignment=_assignment(unit), note=f"Cập nhật {SECRET_MARK}", progress=10)
    update.evidence.save("minh-chung.txt", ContentFile(SECRET_MARK.encode()), save=False)
    update.save()
    return update.pk


def _recipient_pk(unit: Unit) -> int:
    """A plan of the unit's superior sent down to ``unit`` (the recipient record is owned by it)."""
    sender = unit.superior() or unit
    plan = Plan.objects.create(
        unit=sender, number="8-KH/MAT", title=f"Kế hoạch gửi {SECRET_MARK}", published_down=False
    )
    dispatch = CascadeDispatch.objects.create(
        plan=plan,
        sender=sender,
        due_date=timezone.localdate() + timedelta(days=10),
        message=SECRET_MARK,
    )
    return CascadeRecipient.objects.create(dispatch=dispatch, unit=unit).pk


def url_kwarg_factories() -> dict[str, Callable[[Unit], object]]:
    return {
        "plan_pk": _plan_pk,
        "assignment_pk": _assignment_pk,
        "taskupdate_pk": _taskupdate_pk,
        "recipient_pk": _recipient_pk,
    }


PUBLIC_URL_NAMES: set[str] = set()
