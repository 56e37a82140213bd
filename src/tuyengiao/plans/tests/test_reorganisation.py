"""Open tasks of a unit that a merge ends pass to the successor; finished ones stay."""

from __future__ import annotations

from datetime import date

import pytest

from tuyengiao.orgs.models import Unit
from tuyengiao.orgs.reorganisation import Change, apply, plan, sections
from tuyengiao.plans.handover import TITLE
from tuyengiao.plans.models import Plan, Task, TaskAssignment
from tuyengiao.testing import Tree

pytestmark = pytest.mark.django_db


def test_open_tasks_pass_to_the_successor(tree: Tree) -> None:
    p = Plan.objects.create(unit=tree.bloc, number="15-KH/ĐUK", title="Kế hoạch thử")
    open_task = Task.objects.create(plan=p, order=1, title="Tuyên truyền nghị quyết")
    done_task = Task.objects.create(plan=p, order=2, title="Tổ chức hội nghị")
    shared = Task.objects.create(plan=p, order=3, title="Việc chung")
    a_open = TaskAssignment.objects.create(task=open_task, unit=tree.base1, progress=40)
    a_done = TaskAssignment.objects.create(task=done_task, unit=tree.base1, progress=100)
    a_shared = TaskAssignment.objects.create(task=shared, unit=tree.base1, progress=10)
    TaskAssignment.objects.create(task=shared, unit=tree.base2, progress=20)
    change = Change(
        kind="merge",
        date=date(2025, 7, 1),
        sources=[Unit.objects.get(pk=tree.base1.pk)],
        successor=Unit.objects.get(pk=tree.base2.pk),
    )
    lines = dict(sections(plan(change)))[TITLE]
    assert any("Tuyên truyền nghị quyết" in line for line in lines)
    assert not any("Tổ chức hội nghị" in line for line in lines)  # done: stays
    apply(change)
    assert TaskAssignment.objects.get(pk=a_open.pk).unit_id == tree.base2.pk
    assert TaskAssignment.objects.get(pk=a_done.pk).unit_id == tree.base1.pk
    # the successor already has its part in the shared task: the old unit's part stays
    assert TaskAssignment.objects.get(pk=a_shared.pk).unit_id == tree.base1.pk
