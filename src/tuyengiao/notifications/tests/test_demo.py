"""The demo's notices: the plan the bloc sent down and the reports it returned or accepted reach
the officers of the base units, with coso1's delivery choices set."""

from __future__ import annotations

import io
from typing import Any

import pytest

from tuyengiao.core.demo_context import DemoContext
from tuyengiao.notifications import demo
from tuyengiao.notifications.models import Delivery, Kind, Notification, Preference
from tuyengiao.orgs.models import Unit, UnitKind
from tuyengiao.plans import demo as plans_demo
from tuyengiao.reports import demo as reports_demo


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
        stdout=io.StringIO(),
        objects={"bloc": tree.bloc, "base_units": [tree.base1, *extra], "users": users},
    )
    plans_demo.load(ctx)
    reports_demo.load(ctx)
    demo.load(ctx)
    demo.load(ctx)  # loading twice records nothing twice
    coso1 = users["coso1"]
    mine = Notification.objects.filter(recipient=coso1)
    assert mine.filter(kind=Kind.PLAN_SENT).count() == 1
    kinds = set(Notification.objects.values_list("kind", flat=True))
    assert Kind.PLAN_SENT in kinds and Kind.REPORT_ACCEPTED in kinds
    assert Preference.objects.get(user=coso1, kind=Kind.REPORT_RETURNED).delivery == Delivery.EMAIL
    assert Preference.objects.get(user=coso1, kind=Kind.TASK_DUE).delivery == Delivery.DIGEST
    assert Notification.objects.count() == len(
        set(Notification.objects.values_list("recipient_id", "kind", "event_key"))
    )
