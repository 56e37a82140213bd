"""In a real browser: the officer of a base unit fills the report (autosaved) and submits it; the
bloc officer sees it on the matrix, returns it with a comment, and accepts the resubmission."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from tuyengiao.accounts.models import Role
from tuyengiao.reports.calendar import generate_year
from tuyengiao.reports.models import Indicator, PeriodKind, ReportType, Section, Status, Submission
from tuyengiao.reports.services.recipients import set_recipients
from tuyengiao.testing import docs_screenshot, logged_in_client, make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")


@pytest.fixture
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: browser tests skipped")
    sync_api = pytest.importorskip("playwright.sync_api")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield b
        finally:
            b.close()


def page_as(browser: Any, live_server: Any, user: Any) -> Any:
    client = logged_in_client(user)
    context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context.new_page()


def test_fill_submit_return_resubmit_accept(browser: Any, live_server: Any) -> None:
    tree = make_tree()
    khoi = make_user("khoi", tree.bloc, Role.UNIT_ADMIN)
    coso1 = make_user("coso1", tree.base1, Role.OFFICER)
    rt = ReportType.objects.create(
        unit=tree.bloc,
        title="Báo cáo công tác tuyên giáo năm",
        period_kind=PeriodKind.YEAR,
        due_day=15,
        due_month_offset=1,
    )
    Section.objects.create(report_type=rt, order=1, title="I. Kết quả")
    total = Indicator.objects.create(
        report_type=rt,
        order=1,
        code="dv-tong",
        label="Tổng số đảng viên",
        measure="người",
        min_value=0,
    )
    Indicator.objects.create(
        report_type=rt, order=2, code="buoi", label="Số buổi sinh hoạt", measure="buổi", min_value=0
    )
    generate_year(rt, timezone.localdate().year)
    set_recipients(rt, [tree.base1, tree.base2])
    sub = Submission.objects.get(unit=tree.base1)

    base = page_as(browser, live_server, coso1)
    base.goto("/bao-cao/")
    docs_screenshot(base, "bao-cao-can-nop")
    base.get_by_role("link", name="Báo cáo công tác tuyên giáo năm").click()
    # htmx (a deferred script) binds the autosave as the page loads: typing before that sends
    # no autosave, and the click returns before the new page has loaded
    base.wait_for_url("**/bao-cao/nop/**", wait_until="load")
    base.fill(f"#id_{total.key}", "45")
    base.wait_for_selector("#autosave-status >> text=Đã lưu nháp", timeout=15000)
    sub.refresh_from_db()
    assert sub.data[total.key] == "45" and sub.status == Status.DRAFT  # autosaved
    base.fill(f"#id_ind_{total.pk + 1}", "4")
    base.get_by_label("I. Kết quả").fill("Đã tổ chức học tập nghị quyết.")
    base.wait_for_timeout(3500)  # let the autosave of what was just typed go first
    base.wait_for_function(
        "!document.querySelector('#report-form').classList.contains('htmx-request')"
    )
    docs_screenshot(base, "bao-cao-nhap-so-lieu")
    base.click("#submit-report")
    base.wait_for_selector("text=Đã nộp báo cáo")
    docs_screenshot(base, "bao-cao-da-nop")

    bloc = page_as(browser, live_server, khoi)
    bloc.goto("/bao-cao/tinh-hinh/")
    row = bloc.locator(f'tr[data-unit="{tree.base1.code}"]')
    assert "Đúng hạn" in row.inner_text() or "Nộp muộn" in row.inner_text()
    assert "Chưa nộp" in bloc.locator(f'tr[data-unit="{tree.base2.code}"]').inner_text()
    docs_screenshot(bloc, "bao-cao-tinh-hinh")
    row.get_by_role("link").click()
    bloc.fill("#id_comment", "Bổ sung số buổi sinh hoạt của các chi bộ.")
    docs_screenshot(bloc, "bao-cao-tra-lai")
    bloc.click("#return-report")
    bloc.wait_for_selector("text=Đã trả lại báo cáo")
    sub.refresh_from_db()
    assert sub.status == Status.RETURNED

    base.goto(f"/bao-cao/nop/{sub.pk}/")
    assert "Bổ sung số buổi sinh hoạt" in base.content()
    docs_screenshot(base, "bao-cao-bi-tra-lai")
    base.fill(f"#id_ind_{total.pk + 1}", "6")
    base.click("#submit-report")
    base.wait_for_selector("text=Đã nộp báo cáo")

    bloc.goto(f"/bao-cao/nop/{sub.pk}/")
    bloc.click("#accept-report")
    bloc.wait_for_selector("text=Đã tiếp nhận báo cáo")
    bloc.goto("/bao-cao/tinh-hinh/")
    assert "Đã tiếp nhận" in bloc.locator(f'tr[data-unit="{tree.base1.code}"]').inner_text()
    docs_screenshot(bloc, "bao-cao-tinh-hinh-tiep-nhan")
    sub.refresh_from_db()
    assert sub.status == Status.ACCEPTED and sub.data[f"ind_{total.pk + 1}"] == "6"
    assert list(sub.versions.order_by("number").values_list("action", flat=True)) == [
        "submit",
        "return",
        "submit",
        "accept",
    ]
