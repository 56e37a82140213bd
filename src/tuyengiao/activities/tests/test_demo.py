"""The demo loader gives a year of activities for the bloc and its bases, with places, people,
photos and task links, and binds the quarterly report's indicators to the register."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tuyengiao.accounts import demo as accounts_demo
from tuyengiao.activities import demo
from tuyengiao.activities.models import Activity, Evidence
from tuyengiao.activities.services import rollups
from tuyengiao.core.demo_context import DemoContext
from tuyengiao.orgs import demo as orgs_demo
from tuyengiao.orgs.models import Unit


@pytest.mark.django_db
def test_demo_load() -> None:
    ctx = DemoContext(password="mat-khau-demo-123")
    orgs_demo.load(ctx)
    accounts_demo.load(ctx)
    demo.load(ctx)
    today = timezone.localdate()
    bloc = Unit.objects.get(pk=ctx.objects["bloc"].pk)
    r = rollups.rollup(rollups.Window(bloc, today - timedelta(days=364), today))
    assert r.totals.count == Activity.objects.count() >= 100
    assert len(r.by_kind) >= 8 and len(r.by_place) >= 6
    assert sum(1 for m in r.by_month if m.count) >= 10
    assert 0 < r.children_with_activity <= r.children
    assert Evidence.objects.count() == 12
    assert Activity.objects.filter(people__isnull=False).exists()
