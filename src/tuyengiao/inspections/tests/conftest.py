from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone

from tuyengiao.orgs.models import Person
from tuyengiao.plans.models import Plan, Task, TaskAssignment
from tuyengiao.plans.services import record_update
from tuyengiao.testing import Tree, make_person


@dataclass
class BlocPlan:
    plan: Plan
    tasks: list[Task]
    assignments: list[TaskAssignment]
    head: Person
    member: Person
    start: date
    end: date


@pytest.fixture
def bloc_plan(tree: Tree) -> BlocPlan:
    return make_bloc_plan(tree)


def make_bloc_plan(tree: Tree) -> BlocPlan:
    """The bloc's plan with three tasks for base1 (one done with evidence, one half way, one not
    started) and one for base2; two people of the bloc for the team."""
    today = timezone.localdate()
    plan = Plan.objects.create(
        unit=tree.bloc, number="12-KH/ĐUK", title="Kế hoạch tuyên truyền năm", issued_on=today
    )
    tasks = [
        Task.objects.create(
            plan=plan, order=i, title=title, end_date=today + timedelta(days=10 * i)
        )
        for i, title in enumerate(
            ["Tổ chức hội nghị quán triệt", "Tuyên truyền trên trang tin", "Xây dựng mô hình"],
            start=1,
        )
    ]
    assignments = [TaskAssignment.objects.create(task=t, unit=tree.base1) for t in tasks]
    TaskAssignment.objects.create(task=tasks[0], unit=tree.base2)
    from django.core.files.base import ContentFile

    record_update(
        assignments[0], None, 100, "Đã tổ chức ngày 05/3", ContentFile(b"bien ban", "bien-ban.pdf")
    )
    record_update(assignments[1], None, 50, "Đã đăng 4 tin")
    return BlocPlan(
        plan=plan,
        tasks=tasks,
        assignments=assignments,
        head=make_person(tree.bloc, "Trần Văn Hùng", position="Phó Bí thư"),
        member=make_person(tree.bloc, "Lê Thị Mai", position="Chuyên viên"),
        start=today - timedelta(days=30),
        end=today + timedelta(days=60),
    )
