"""In Chromium: pages with inline scripts, a <style> block, htmx and a static script run under the
Content-Security-Policy without a single violation, and the scripts still do their work."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tuyengiao.accounts.models import User
from tuyengiao.documents import services
from tuyengiao.documents.tests.test_upload import SAMPLE
from tuyengiao.plans.testing import make_plan
from tuyengiao.testing import Tree, login, pick_units, watch_csp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_review_page_inline_script_and_style_run(
    browser_page: Any, live_server: Any, tree: Tree, users: dict[str, User]
) -> None:
    page = browser_page
    violations = watch_csp(page)
    draft = services.upload(tree.base1, users["coso1"], "ke-hoach-40.txt", SAMPLE.encode()).drafts[
        0
    ]
    url = reverse("documents:draft_review", kwargs={"uploaddraft_pk": draft.pk})
    login(page, live_server, users["coso1"], next_path=url)
    assert page.evaluate("typeof htmx") == "object"  # the static htmx loaded
    # The <style nonce> applied: the review grid is laid out by it.
    assert page.locator(".review").evaluate("e => getComputedStyle(e).display") == "grid"
    # The inline script ran: focusing the number field marks its place in the text.
    page.focus("input[name=number]")
    page.wait_for_selector('.doctext mark.active[data-field="number"]')
    assert violations() == []


def test_unit_picker_without_inline_handler(
    browser_page: Any, live_server: Any, tree: Tree, users: dict[str, User]
) -> None:
    """The unit picker (htmx results, chips added by its script) under the CSP."""
    page = browser_page
    violations = watch_csp(page)
    plan = make_plan(tree.base1)
    login(page, live_server, users["coso1"], next_path=reverse("plans:plan_send", args=[plan.pk]))
    pick_units(page, "units", [("van phong", tree.cell1.name)])
    assert page.locator('.picker-chosen input[name="units"]').count() == 1
    # Unticking a chip takes the unit out again.
    page.click('.picker-chosen input[name="units"]')
    page.wait_for_selector('.picker-chosen input[name="units"]', state="detached")
    assert violations() == []
