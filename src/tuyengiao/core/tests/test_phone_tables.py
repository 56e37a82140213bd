"""Tables on a 390 px phone: the page never scrolls sideways; a wide table scrolls inside itself
with its first column kept in view (the shared CSS, core/static/core/app.css), whether or not a
template wrapped it in ``.table-wrap``."""

from __future__ import annotations

from typing import Any

import pytest

from tuyengiao.accounts.models import User
from tuyengiao.testing import Tree, login

pytestmark = pytest.mark.browser

WIDE_TABLE = (
    '<table class="table"><thead><tr><th>Đơn vị</th>'
    + "".join(f"<th>Chỉ tiêu số liệu thứ {n}</th>" for n in range(14))
    + "</tr></thead><tbody><tr><td>Đảng bộ Sở Thông tin và Truyền thông</td>"
    + "".join(f"<td>{n * 1000}</td>" for n in range(14))
    + "</tr></tbody></table>"
)


@pytest.mark.parametrize("wrapped", [False, True], ids=["bare", "table-wrap"])
def test_a_wide_table_scrolls_inside_the_page_with_its_first_column_fixed(
    phone_page: Any, live_server: Any, tree: Tree, users: dict[str, User], wrapped: bool
) -> None:
    page = phone_page
    login(page, live_server, users["coso1"])
    html = f'<div class="table-wrap">{WIDE_TABLE}</div>' if wrapped else WIDE_TABLE
    page.evaluate(
        "html => document.querySelector('main').insertAdjacentHTML('beforeend', html)", html
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    scroller = "document.querySelector('main .table-wrap') || document.querySelector('main table')"
    assert page.evaluate(f"({scroller}).scrollWidth > ({scroller}).clientWidth")
    first = page.locator("main table tbody tr > :first-child").last
    before = first.bounding_box()
    page.evaluate(f"({scroller}).scrollLeft = 600")
    assert page.evaluate(f"({scroller}).scrollLeft") > 0
    after = first.bounding_box()
    assert before is not None and after is not None
    assert abs(after["x"] - before["x"]) < 2  # the first column stayed in view
