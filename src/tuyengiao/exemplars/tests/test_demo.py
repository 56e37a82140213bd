from __future__ import annotations

from typing import Any

import pytest

from tuyengiao.core.demo_context import DemoContext
from tuyengiao.exemplars import demo
from tuyengiao.exemplars.models import Exemplar, Status
from tuyengiao.orgs.models import Unit, UnitKind


@pytest.mark.django_db
def test_demo_load(tree: Any, users: Any) -> None:
    extra = [
        Unit.objects.add_child(
            tree.bloc,
            dict(kind=UnitKind.BASE_ORGANISATION, code=f"D{i}", name=f"Đảng bộ mẫu {i}"),
        )
        for i in range(4)
    ]
    demo.load(
        DemoContext(password="x", objects={"bloc": tree.bloc, "base_units": [tree.base1, *extra]})
    )
    statuses = sorted(Exemplar.objects.values_list("status", flat=True))
    assert statuses.count(Status.RECOGNISED) == 3
    assert statuses.count(Status.PROPOSED) == 1
    assert statuses.count(Status.RETURNED) == 1
    assert all(e.reviewer_id == tree.bloc.pk for e in Exemplar.objects.all())
