"""Builders for tests of every app: a small organisation tree, users with each role, and clients
logged in as them (admins with a verified second factor, as the middleware demands)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from tuyengiao.accounts.models import Role, User
from tuyengiao.orgs.models import Person, Unit, UnitKind

# LibreOffice's PDF of a document for the tests that look at the printed page: the helper lives
# with vanban's test helpers, which need no Django, and is re-exported for the apps' tests
from vanban.testing import SOFFICE as SOFFICE
from vanban.testing import convert_to_pdf as convert_to_pdf

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tuyengiao.core.models import Job

# Put into the name/title of every object a url_kwarg factory creates for the sibling unit: the
# project-wide scoping test asserts that no page a user of another branch opens ever shows it.
SECRET_MARK = "MAT-COSO2-7Q"


@dataclass
class Tree:
    """Tỉnh ủy → Đảng ủy Khối → two sibling base organisations with a cell each; UBND → Sở."""

    province: Unit
    bloc: Unit
    base1: Unit
    base2: Unit
    cell1: Unit
    cell2: Unit
    state: Unit
    department: Unit


def make_tree() -> Tree:
    province = Unit.objects.add_root(
        dict(
            kind=UnitKind.PARTY_COMMITTEE,
            code="TU",
            name="Tỉnh ủy Bình An",
            short_name="TU",
            parent_body_name="ĐẢNG BỘ TỈNH BÌNH AN",
            publishes_to_all=True,
        )
    )
    bloc = Unit.objects.add_child(
        province,
        dict(
            kind=UnitKind.PARTY_COMMITTEE,
            code="DUK",
            name="Đảng ủy Khối các cơ quan tỉnh",
            short_name="ĐUK",
            parent_body_name="ĐẢNG BỘ TỈNH BÌNH AN",
        ),
    )
    base1 = Unit.objects.add_child(
        bloc,
        dict(
            kind=UnitKind.BASE_ORGANISATION,
            code="DB-STTTT",
            name="Đảng bộ Sở Thông tin và Truyền thông",
            short_name="ĐU",
            parent_body_name="ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH",
        ),
    )
    base2 = Unit.objects.add_child(
        bloc,
        dict(
            kind=UnitKind.BASE_ORGANISATION,
            code="DB-SYT",
            name="Đảng bộ Sở Y tế",
            short_name="ĐU",
            parent_body_name="ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH",
        ),
    )
    cell1 = Unit.objects.add_child(
        base1,
        dict(
            kind=UnitKind.CELL, code="CB-STTTT-VP", name="Chi bộ Văn phòng Sở TTTT", short_name="CB"
        ),
    )
    cell2 = Unit.objects.add_child(
        base2,
        dict(
            kind=UnitKind.CELL, code="CB-SYT-VP", name="Chi bộ Văn phòng Sở Y tế", short_name="CB"
        ),
    )
    state = Unit.objects.add_root(
        dict(
            kind=UnitKind.STATE_BODY,
            code="UBND",
            name="Ủy ban nhân dân tỉnh Bình An",
            short_name="UBND",
            publishes_to_all=True,
        )
    )
    department = Unit.objects.add_child(
        state,
        dict(
            kind=UnitKind.STATE_BODY,
            code="STTTT",
            name="Sở Thông tin và Truyền thông",
            short_name="STTTT",
            parent_body_name="UBND TỈNH BÌNH AN",
        ),
    )
    return Tree(province, bloc, base1, base2, cell1, cell2, state, department)


TEST_PASSWORD = "mat-khau-thu-nghiem-1"


def make_user(username: str, unit: Unit | None, role: str = Role.OFFICER, **extra: Any) -> User:
    user = User.objects.create_user(
        username=username, password=TEST_PASSWORD, unit=unit, role=role, **extra
    )
    return user


_job_starters = itertools.count(1)


def make_finished_job(
    kind: str,
    unit: Unit,
    role: str,
    *,
    filename: str,
    result: dict[str, Any],
    options: dict[str, Any] | None = None,
) -> Job:
    """A finished background job of ``kind`` (one item checked) started by a new user of ``unit``
    with ``role`` — for the URL walk's factories of job pages."""
    from tuyengiao.core.models import Job, JobState

    starter = make_user(f"{kind.replace('.', '-')}-{next(_job_starters)}", unit, role)
    return Job.objects.create(
        kind=kind,
        unit=unit,
        started_by=starter,
        filename=filename,
        options=options or {},
        state=JobState.DONE,
        total=1,
        checked=1,
        result=result,
    )


def make_person(unit: Unit, name: str = "Nguyễn Văn An", **extra: object) -> Person:
    return Person.objects.create(unit=unit, full_name=name, **extra)


def logged_in_client(user: User) -> Client:
    """A test client logged in as ``user``; admins get a verified second factor too."""
    client = Client()
    client.force_login(user)
    if user.must_use_two_factor:
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name="test", defaults={"confirmed": True}
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def _live_url(live_server: Any) -> str:
    return str(getattr(live_server, "url", live_server)).rstrip("/")


def log_out_browser(page: Page) -> None:
    """Forget the browser's session, as a new person picking up the device.

    The page is left first: a page still open would go on polling (the notification bell) with
    no cookie, and the login page such a request is sent to sets a new CSRF cookie — which, when
    its answer came after the next login form's, made that form's token wrong (seen once on a
    loaded run: "CSRF token from POST incorrect")."""
    page.goto("about:blank")
    page.context.clear_cookies()


def login(
    page: Page, live_server: Any, user: User, password: str = TEST_PASSWORD, next_path: str = "/"
) -> None:
    """Log ``user`` in through the real login form in a browser page.

    Admins must pass the second factor: a one-time static (backup) token is created for them
    and typed into the verify page, as a person would type a backup code.
    """
    from django.urls import reverse

    base = _live_url(live_server)
    token = ""
    if user.must_use_two_factor:
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name="browser-test", defaults={"confirmed": True}
        )
        token = StaticToken.random_token()
        device.token_set.create(token=token)
    page.goto(f"{base}{reverse('accounts:login')}?next={next_path}")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", password)
    # wait for the navigation the submit starts: wait_for_load_state alone may return at once,
    # on the login page still loaded, before the POST's answer arrives (seen on a loaded run)
    with page.expect_navigation():
        page.click("form button[type=submit]")
    if token:
        page.wait_for_url("**" + reverse("accounts:two_factor_verify") + "**")
        page.fill("input[name=token]", token)
        with page.expect_navigation():
            page.click("form button[type=submit]")
    if "/dang-nhap/" in page.url or "/xac-thuc-hai-lop/" in page.url:
        raise AssertionError(f"Đăng nhập thất bại cho {user.username}: vẫn ở {page.url}")


# Recorded by the page itself: the event fires for every blocked script, style or handler.
_RECORD_CSP_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sample || ''));
});
"""


def watch_csp(page: Page) -> Callable[[], list[str]]:
    """Start recording what the Content-Security-Policy blocks in ``page`` (call before the first
    ``goto``); the returned function gives the violations so far: Chromium's console messages
    about the policy and the page's own ``securitypolicyviolation`` events (of its current
    document)."""
    messages: list[str] = []
    page.on(
        "console",
        lambda msg: messages.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    page.add_init_script(_RECORD_CSP_VIOLATIONS)
    return lambda: [*messages, *page.evaluate("window.__csp || []")]


def docs_screenshot(page: Page, name: str) -> None:
    """Save what ``page`` shows (the viewport) as ``<folder>/<name>.png`` for the user guide,
    only when the environment variable DOCS_SCREENSHOTS names a folder; otherwise do nothing.

    The browser tests call it at the moments the guide (docs/huong-dan/) illustrates;
    ``make docs-screenshots`` runs them with DOCS_SCREENSHOTS=docs/huong-dan/anh.
    """
    folder = os.environ.get("DOCS_SCREENSHOTS", "")
    if not folder:
        return
    os.makedirs(folder, exist_ok=True)
    page.screenshot(path=os.path.join(folder, f"{name}.png"))


def pick_units(page: Page, field: str, units: list[tuple[str, str]]) -> None:
    """Choose units in the unit picker of ``field`` as a person does: type a few words (without
    accents) in its search box, then choose the unit among the results. ``units`` are pairs
    (what to type, the unit's name as shown)."""
    picker = page.locator(f'.unit-picker[data-name="{field}"]')
    search = picker.locator('input[type="search"]')
    for typed, name in units:
        search.fill(typed)
        result = picker.locator(f'.picker-results .picker-pick[data-name="{name}"]')
        result.first.wait_for()
        result.first.click()
        picker.locator(".picker-chosen li.chip", has_text=name).first.wait_for()


def docx_format_findings(data: bytes) -> tuple[str | None, list[str]]:
    """(rule set applied, messages of ``vanban``'s format check) of a .docx the product wrote:
    the text read back and parsed, plus its layout (margins, fonts, page numbers)."""
    import tempfile

    import vanban
    from vanban.docx_layout import read_docx_layout
    from vanban.format_check import check_format, rule_set_of

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.docx"
        path.write_bytes(data)
        parsed = vanban.parse(vanban.read(path))
    rules = rule_set_of(parsed)
    findings = check_format(parsed, docx_layout=read_docx_layout(data))
    return (rules.name if rules else None), [f"{f.rule_id}: {f.message}" for f in findings]
