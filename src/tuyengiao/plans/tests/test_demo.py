"""The demo loader gives a plan with tasks, sent down, with issued, pending and overdue units."""

from __future__ import annotations

from typing import Any

import pytest

from tuyengiao.core.demo_context import DemoContext
from tuyengiao.orgs.models import Unit, UnitKind
from tuyengiao.plans import demo, services
from tuyengiao.plans.models import Plan


@pytest.mark.django_db
def test_demo_load(tree: Any, users: Any) -> None:
    extra = [
        Unit.objects.add_child(
            tree.bloc,
            dict(
                kind=UnitKind.BASE_ORGANISATION,
                code=f"DEMO{i:02d}",
                name=f"Đảng bộ mẫu {i}",
                short_name="ĐU",
            ),
        )
        for i in range(12)
    ]
    ctx = DemoContext(
        password="x",
        objects={"bloc": tree.bloc, "base_units": [tree.base1, *extra], "users": users},
    )
    demo.load(ctx)
    plan = ctx.objects["plans"]["bloc_plan"]
    titles = list(plan.tasks.filter(parent=None).order_by("order").values_list("title", flat=True))
    assert titles[: len(demo.BLOC_TASKS)] == [t[0] for t in demo.BLOC_TASKS]
    first = plan.tasks.order_by("order").first()
    assert first is not None and first.indicators and first.end_date is not None
    assert (
        plan.number == "15-KH/ĐUK" and plan.document is not None
    )  # a real document in the library
    summary = services.board_summary(plan)
    assert summary["issued"] == 3 and summary["overdue"] >= 1 and summary["pending"] >= 1
    assert summary["total"] == 13
    children = Plan.objects.filter(parent=plan)
    assert children.count() == 3 and all(child.document_id for child in children)
