from __future__ import annotations

from typing import Any

import pytest

from tuyengiao.core.demo_context import DemoContext
from tuyengiao.emulation import demo, services
from tuyengiao.emulation.models import Commendation, Movement, Nomination, NominationStatus
from tuyengiao.orgs.models import Unit, UnitKind


@pytest.mark.django_db
def test_demo_load(tree: Any, users: Any) -> None:
    extra = [
        Unit.objects.add_child(
            tree.bloc,
            dict(kind=UnitKind.BASE_ORGANISATION, code=f"D{i}", name=f"Đảng bộ mẫu {i}"),
        )
        for i in range(3)
    ]
    demo.load(
        DemoContext(password="x", objects={"bloc": tree.bloc, "base_units": [tree.base1, *extra]})
    )
    movement = Movement.objects.get()
    assert [r.rank for r in services.ranking(movement)] == [1, 1, 3]
    assert Commendation.objects.count() == 3
    assert sorted(Nomination.objects.values_list("status", flat=True)) == [
        NominationStatus.PENDING,
        NominationStatus.DECLINED,
    ]
