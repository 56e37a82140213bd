"""Fixtures shared by every app's tests (see tuyengiao.testing for the builders).

Browser tests (``@pytest.mark.browser``) get ``browser_page`` (desktop, 1280x900) or
``phone_page`` (390x844, touch) — a fresh Playwright context per test on Debian's Chromium —
together with pytest-django's ``live_server``; log in with ``tuyengiao.testing.login``.
No browser is ever downloaded: without Chromium the tests skip with a clear message.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest
from django.test import Client

from tuyengiao.accounts.models import Role, User
from tuyengiao.testing import Tree, logged_in_client, make_tree, make_user

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright, ViewportSize

# Playwright's sync API runs an event loop in this thread; the ORM calls in a browser test (and
# the live server's own threads) are still synchronous, so Django's async guard must step aside.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_MISSING = "Chromium không có — bỏ qua kiểm thử trình duyệt: apt-get install chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP_VIEWPORT = {"width": 1280, "height": 900}
PHONE_VIEWPORT = {"width": 390, "height": 844}


def chromium_path() -> str | None:
    """Debian's Chromium (never a downloaded one)."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


@pytest.fixture
def tree(db: None) -> Tree:
    return make_tree()


@pytest.fixture
def users(tree: Tree) -> dict[str, User]:
    return {
        "admin": make_user("admin", None, Role.SYSTEM_ADMIN, is_staff=True, is_superuser=True),
        "khoi": make_user("khoi", tree.bloc, Role.UNIT_ADMIN),
        "coso1": make_user("coso1", tree.base1, Role.OFFICER),
        "coso2": make_user("coso2", tree.base2, Role.OFFICER),
        "viewer1": make_user("viewer1", tree.base1, Role.VIEWER),
        "sotttt": make_user("sotttt", tree.department, Role.OFFICER),
    }


@pytest.fixture
def client_as(users: dict[str, User]) -> Callable[[str], Client]:
    """``client_as("coso1")`` → a Client logged in as that user."""

    def make(username: str) -> Client:
        return logged_in_client(users[username])

    return make


# Module scope, not session: Playwright's sync API runs an event loop in this thread, and a loop left
# running for the whole session would break any other use of sync_playwright() in later modules.
@pytest.fixture(scope="module")
def _playwright() -> Iterator[Playwright]:
    path = chromium_path()
    if path is None:
        pytest.skip(CHROMIUM_MISSING)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is a dev dependency
        pytest.skip("Thiếu gói playwright — bỏ qua kiểm thử trình duyệt: pip install playwright")
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="module")
def chromium_browser(_playwright: Playwright) -> Iterator[Browser]:
    browser = _playwright.chromium.launch(
        executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
    )
    yield browser
    browser.close()


def _new_page(browser: Browser, viewport: dict[str, int], **options: Any) -> Iterator[Page]:
    size: ViewportSize = {"width": viewport["width"], "height": viewport["height"]}
    context = browser.new_context(
        viewport=size, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", **options
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def browser_viewport() -> dict[str, int]:
    """Override (or parametrize indirectly) to change the size of ``browser_page``."""
    return DESKTOP_VIEWPORT


@pytest.fixture
def browser_page(
    chromium_browser: Browser, browser_viewport: dict[str, int], live_server: Any
) -> Iterator[Page]:
    """A fresh page (own context: no cookies shared between tests) next to ``live_server``."""
    yield from _new_page(chromium_browser, browser_viewport)


@pytest.fixture
def phone_page(chromium_browser: Browser, live_server: Any) -> Iterator[Page]:
    """A phone-sized page (390x844, touch) for tests of the small-screen layout."""
    yield from _new_page(chromium_browser, PHONE_VIEWPORT, is_mobile=True, has_touch=True)
