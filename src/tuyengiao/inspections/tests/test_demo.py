"""The demo loader gives the bloc's year of inspections on the demo plan: one concluded with its
recommendations as tasks of the unit (one waiting for acceptance), one next week, one later."""

from __future__ import annotations

from typing import Any

import pytest

from tuyengiao.core.demo_context import DemoContext
from tuyengiao.inspections import demo, services
from tuyengiao.inspections.models import Inspection, Recommendation, Review, VisitState
from tuyengiao.orgs.models import Unit, UnitKind
from tuyengiao.plans import demo as plans_demo


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
    plans_demo.load(ctx)
    demo.load(ctx)
    assert Inspection.objects.count() == 3
    concluded = Inspection.objects.get(visits__state=VisitState.CONCLUDED).visits.get()
    recs = list(Recommendation.objects.filter(visit=concluded))
    assert len(recs) >= 1 and all(r.assignment is not None for r in recs)
    assert sum(services.ready_for_acceptance(r) for r in recs) == 1
    upcoming = Inspection.objects.exclude(pk=concluded.inspection_id).order_by("planned_on")[0]
    assert all(v.lines.exists() for v in upcoming.visits.all())
    review = Review.objects.get()
    assert review.reports.filter(submitted_on__isnull=False).count() == 1
