"""The demo loader opens the bloc's page with two published items (one reporting an activity of
the register) and a draft the public does not see."""

from __future__ import annotations

import pytest
from django.test import Client

from tuyengiao.accounts import demo as accounts_demo
from tuyengiao.activities import demo as activities_demo
from tuyengiao.core.demo_context import DemoContext
from tuyengiao.news import demo
from tuyengiao.news.models import NewsItem, NewsPage, Status
from tuyengiao.orgs import demo as orgs_demo


@pytest.mark.django_db
def test_demo_load() -> None:
    ctx = DemoContext(password="mat-khau-demo-123")
    orgs_demo.load(ctx)
    accounts_demo.load(ctx)
    activities_demo.load(ctx)
    demo.load(ctx)
    demo.load(ctx)  # twice: nothing doubled
    page = NewsPage.objects.get(unit=ctx.objects["bloc"])
    assert page.public
    assert NewsItem.objects.filter(status=Status.PUBLISHED).count() == 2
    linked = NewsItem.objects.get(activity__isnull=False)
    assert linked.activity is not None and linked.activity.link.endswith(f"/{linked.pk}/")
    html = Client().get(f"/tin/{page.slug}/").content.decode()
    assert "Triển lãm ảnh" in html and "Bản nháp" not in html
