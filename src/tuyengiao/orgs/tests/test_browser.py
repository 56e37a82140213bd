"""End to end in headless Chromium: login → dashboard → unit tree (htmx expand) → a unit's people."""

from __future__ import annotations

from typing import Any

import pytest

from tuyengiao.accounts.models import User
from tuyengiao.testing import Tree, docs_screenshot, login, make_person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_dashboard_tree_people(
    browser_page: Any, live_server: Any, tree: Tree, users: dict[str, User]
) -> None:
    make_person(tree.cell1, "Trần Thị Bình", position="Bí thư chi bộ")
    make_person(tree.cell2, "Lê Văn Cường")  # another branch: must never show
    page = browser_page
    login(page, live_server, users["khoi"])  # an admin: goes through the second factor too

    # Dashboard
    assert page.locator("h1").first.is_visible()
    docs_screenshot(page, "tong-quan")
    page.locator("nav.mainnav").get_by_role("link", name="Đơn vị", exact=True).click()
    page.wait_for_url("**/don-vi/")

    # The tree: the bloc's children load via htmx; expanding a base organisation loads its cells.
    base1 = page.locator("summary", has=page.locator(f"a:text-is('{tree.base1.name}')"))
    base1.wait_for()
    assert page.locator(f"a:text-is('{tree.cell1.name}')").count() == 0
    base1.click(position={"x": 4, "y": 8})  # the disclosure marker, not the link
    cell_link = page.locator(f"a:text-is('{tree.cell1.name}')")
    cell_link.wait_for()
    docs_screenshot(page, "don-vi-cay")
    cell_link.click()
    page.wait_for_url(f"**/don-vi/{tree.cell1.pk}/")
    assert page.locator("h1").inner_text() == tree.cell1.name
    assert page.get_by_text("Trần Thị Bình").is_visible()
    docs_screenshot(page, "don-vi-chi-tiet")

    # The people list of that unit, filtered by unit (subtree), without the other branch's people.
    page.get_by_text("Xem danh sách đầy đủ").click()
    page.wait_for_url("**/nhan-su/**")
    body = page.locator("main").inner_text() if page.locator("main").count() else page.content()
    assert "Trần Thị Bình" in body
    assert "Lê Văn Cường" not in body
    docs_screenshot(page, "nhan-su-danh-sach")


def test_phone_layout_login(phone_page: Any, live_server: Any, users: dict[str, User]) -> None:
    login(phone_page, live_server, users["coso1"])
    nav_link = phone_page.locator("nav.mainnav").get_by_role("link", name="Nhân sự", exact=True)
    assert not nav_link.is_visible()  # behind the menu toggle on a phone
    phone_page.locator("details.menu summary").click()
    docs_screenshot(phone_page, "dien-thoai-menu")
    nav_link.click()
    phone_page.wait_for_url("**/don-vi/nhan-su/**")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"trang rộng {width}px trên điện thoại"
