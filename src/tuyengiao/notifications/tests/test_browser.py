"""In Chromium: a base-unit officer signs in, sees the plan sent down in the header's bell (htmx)
and on "Tuần này", opens the notice — it is marked read and leads to the plan inbox."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from tuyengiao.accounts.models import User
from tuyengiao.notifications import notices, services
from tuyengiao.notifications.models import Kind, Notification
from tuyengiao.plans.models import Plan
from tuyengiao.plans.services import send_down
from tuyengiao.testing import Tree, docs_screenshot, login

pytestmark = pytest.mark.browser


def test_bell_dashboard_and_notice(
    browser_page: Any, live_server: Any, tree: Tree, users: dict[str, User]
) -> None:
    plan = Plan.objects.create(
        unit=tree.bloc, number="412-KH/ĐUK", title="Học tập chuyên đề năm 2024"
    )
    dispatch = send_down(plan, tree.bloc, [tree.base1], timezone.localdate() + timedelta(days=10))
    services.notify(Kind.PLAN_SENT, notices.plan_sent(dispatch.pk))
    page = browser_page
    login(page, live_server, users["coso1"])

    # "Tuần này": the plan to carry out, as a link
    assert page.locator("h1").inner_text() == "Tuần này"
    page.get_by_role("link", name="412-KH/ĐUK — Học tập chuyên đề năm 2024").wait_for()
    # the bell loads its count with htmx
    badge = page.locator(".bell .badge")
    badge.wait_for()
    assert badge.inner_text() == "1"
    docs_screenshot(page, "tuan-nay")

    page.locator("a.bell").click()
    page.wait_for_url("**/thong-bao/")
    assert page.locator("li.unread").count() == 1
    docs_screenshot(page, "thong-bao")
    page.get_by_role("button", name="412-KH/ĐUK").click()
    page.wait_for_url("**/ke-hoach/can-trien-khai/")
    notice = Notification.objects.get(recipient=users["coso1"])
    assert notice.read_at is not None
    page.locator(".bell").first.wait_for()
    assert page.locator(".bell .badge").count() == 0
