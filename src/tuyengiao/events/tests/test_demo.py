"""The demo's calendar: the bloc's published campaign reaches a base unit's month view."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.urls import reverse

from tuyengiao.core.demo_context import DemoContext
from tuyengiao.events import demo
from tuyengiao.events.models import Anniversary, Campaign, UnitEvent


@pytest.mark.django_db
def test_demo_load(tree: Any, users: Any, client_as: Any) -> None:
    ctx = DemoContext(
        password="x",
        stdout=io.StringIO(),
        objects={
            "province": tree.province,
            "bloc": tree.bloc,
            "base_units": [tree.base1],
            "users": users,
        },
    )
    demo.load(ctx)
    demo.load(ctx)  # safe to run twice
    assert Anniversary.objects.filter(unit=tree.province).count() == 2
    assert Campaign.objects.filter(unit=tree.bloc, published_down=True).count() == 1
    assert UnitEvent.objects.filter(unit=tree.base1).count() == 1
    page = client_as("coso1").get(reverse("events:campaign_list")).content.decode()
    assert "Tuyên truyền kỷ niệm Ngày thành lập Đảng Cộng sản Việt Nam" in page
    assert "bản nháp" not in page
