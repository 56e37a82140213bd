"""In Chromium: the bloc launches a campaign with its slogans and publishes it down; an officer
of a base unit finds it on the month calendar, opens it and subscribes to the .ics feed."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from tuyengiao.accounts.models import User
from tuyengiao.events.models import Campaign, FeedToken
from tuyengiao.testing import Tree, docs_screenshot, log_out_browser, login

pytestmark = pytest.mark.browser


def test_campaign_published_down_reaches_the_base_calendar(
    browser_page: Any, live_server: Any, tree: Tree, users: dict[str, User]
) -> None:
    page = browser_page
    login(page, live_server, users["khoi"], next_path="/lich/dot-tuyen-truyen/them/")
    today = timezone.localdate()
    page.fill("input[name=title]", "Tuyên truyền kỷ niệm Ngày thành lập Đảng")
    page.fill("textarea[name=theme]", "Truyền thống vẻ vang của Đảng")
    page.fill("input[name=starts_on]", today.isoformat())
    page.fill("input[name=ends_on]", (today + timedelta(days=20)).isoformat())
    page.fill(
        "textarea[name=slogans]",
        "Nhiệt liệt chào mừng Đảng Cộng sản Việt Nam quang vinh!\n"
        "Đảng Cộng sản Việt Nam quang vinh muôn năm!",
    )
    page.click("form.card button[type=submit]")
    page.get_by_role("button", name="Công bố xuống cấp dưới").click()
    page.get_by_text("Đã công bố xuống cấp dưới").first.wait_for()
    assert Campaign.objects.get().published_down

    log_out_browser(page)
    login(page, live_server, users["coso1"], next_path="/lich/")
    assert page.locator("h1").inner_text().startswith("Lịch tuyên truyền tháng")
    link = page.get_by_role("link", name="Tuyên truyền kỷ niệm Ngày thành lập Đảng").first
    link.wait_for()
    docs_screenshot(page, "lich-thang")
    link.click()
    page.get_by_text("Đảng Cộng sản Việt Nam quang vinh muôn năm!").wait_for()
    docs_screenshot(page, "lich-dot-tuyen-truyen")

    page.get_by_role("link", name="Thêm vào ứng dụng lịch").click()
    page.get_by_role("button", name="Tạo địa chỉ lịch").click()
    address = page.get_by_label("Địa chỉ lịch riêng").input_value()
    token = FeedToken.objects.get(user=users["coso1"]).token
    assert address.endswith(f"/lich/dang-ky/{token}.ics")
