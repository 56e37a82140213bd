"""In a real browser: the bloc sends a plan to three base units; one drafts its implementing plan,
edits it (gives it a number), uploads it signed; the board shows one issued and two pending; after
the due date the two show overdue."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import docx
import pytest
from django.utils import timezone

from tuyengiao.accounts.models import Role as UserRole
from tuyengiao.orgs.models import Unit, UnitKind
from tuyengiao.plans.drafting import fill_number
from tuyengiao.plans.models import CascadeDispatch, Plan, Task, TaskAssignment
from tuyengiao.plans.models import Status as AssignmentStatus
from tuyengiao.reports.calendar import generate_year
from tuyengiao.reports.models import PeriodKind, ReportType, Submission
from tuyengiao.reports.services.recipients import set_recipients
from tuyengiao.testing import docs_screenshot, login, make_tree, make_user, pick_units

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def second_page(chromium_browser: Any, live_server: Any) -> Iterator[Any]:
    """A second browser, with its own cookies, for the receiving unit's officer."""
    context = chromium_browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="vi-VN", accept_downloads=True
    )
    context.set_default_timeout(15_000)
    try:
        yield context.new_page()
    finally:
        context.close()


def _give_number(docx_bytes: bytes, number: str) -> bytes:
    """What the officer does in Word before signing: fill in the number of the symbol."""
    return fill_number(docx_bytes, number)


def test_cascade_in_the_browser(
    browser_page: Any, second_page: Any, live_server: Any, tmp_path: Path
) -> None:
    vanban = pytest.importorskip("vanban")
    if not (hasattr(vanban, "read") and hasattr(vanban, "parse")):
        pytest.skip(
            "vanban.read / vanban.parse not available yet: the uploaded plan cannot be read"
        )
    tree = make_tree()
    base3 = Unit.objects.add_child(
        tree.bloc,
        dict(
            kind=UnitKind.BASE_ORGANISATION,
            code="DB-SGD",
            name="Đảng bộ Sở Giáo dục và Đào tạo",
            short_name="ĐU",
        ),
    )
    khoi = make_user("khoi", tree.bloc, UserRole.UNIT_ADMIN)
    coso1 = make_user("coso1", tree.base1, UserRole.OFFICER)
    plan = Plan.objects.create(
        unit=tree.bloc,
        number="45-KH/ĐUK",
        title="Tuyên truyền về xây dựng Đảng năm 2024",
        issuer_name="Ban Thường vụ Đảng ủy Khối",
        issued_on=date(2024, 3, 1),
    )
    Task.objects.create(
        plan=plan, order=1, title="Tổ chức học tập nghị quyết", timeframe_text="Quý II/2024"
    )

    # The bloc sends the plan to its three base organisations.
    base = live_server.url
    bloc_page = browser_page
    login(bloc_page, live_server, khoi)
    bloc_page.goto(f"{base}/ke-hoach/{plan.pk}/gui-xuong/")
    pick_units(
        bloc_page,
        "units",
        [
            ("thong tin va truyen", tree.base1.name),
            ("dang bo so y te", tree.base2.name),
            ("giao duc", base3.name),
        ],
    )
    due = timezone.localdate() + timedelta(days=7)
    bloc_page.fill('input[name="due_date"]', due.isoformat())
    docs_screenshot(bloc_page, "ke-hoach-gui-xuong")
    bloc_page.click("text=Gửi xuống >> nth=-1")
    bloc_page.wait_for_url(f"**/ke-hoach/{plan.pk}/theo-doi/")
    assert bloc_page.inner_text("#n-total") == "3" and bloc_page.inner_text("#n-pending") == "3"

    # base1 drafts its implementing plan, numbers it, and uploads it signed.
    base_page = second_page
    login(base_page, live_server, coso1)
    base_page.goto(f"{base}/ke-hoach/can-trien-khai/")
    docs_screenshot(base_page, "ke-hoach-can-trien-khai")
    with base_page.expect_download() as info:
        base_page.click("text=Soạn kế hoạch thực hiện")
    draft = Path(info.value.path()).read_bytes()
    signed = tmp_path / "ke-hoach-thuc-hien.docx"
    signed.write_bytes(_give_number(draft, "12"))
    base_page.click("text=Tải lên kế hoạch đã ký")
    base_page.set_input_files('input[name="file"]', str(signed))
    docs_screenshot(base_page, "ke-hoach-tai-len-da-ky")
    base_page.click('button[type="submit"]')
    base_page.wait_for_load_state()
    assert "ghi nhận là kế hoạch thực hiện 45-KH/ĐUK" in base_page.content()
    docs_screenshot(base_page, "ke-hoach-da-ghi-nhan")

    # The board: one issued, two pending.
    bloc_page.goto(f"{base}/ke-hoach/{plan.pk}/theo-doi/")
    assert (
        bloc_page.inner_text("#n-issued"),
        bloc_page.inner_text("#n-pending"),
        bloc_page.inner_text("#n-overdue"),
    ) == ("1", "2", "0")
    issued_row = bloc_page.locator("tr.state-issued")
    assert issued_row.count() == 1 and tree.base1.name in issued_row.inner_text()
    assert "12-KH/ĐU" in issued_row.inner_text()
    docs_screenshot(bloc_page, "ke-hoach-theo-doi")

    # After the due date the two that have not issued show overdue.
    CascadeDispatch.objects.filter(plan=plan).update(
        due_date=timezone.localdate() - timedelta(days=1)
    )
    bloc_page.reload()
    assert (
        bloc_page.inner_text("#n-issued"),
        bloc_page.inner_text("#n-pending"),
        bloc_page.inner_text("#n-overdue"),
    ) == ("1", "0", "2")
    overdue_units = sorted(
        bloc_page.locator("tr.state-overdue").evaluate_all("rows => rows.map(r => r.dataset.unit)")
    )
    assert overdue_units == sorted([tree.base2.name, base3.name])
    docs_screenshot(bloc_page, "ke-hoach-theo-doi-qua-han")


FIXTURES = Path(__file__).resolve().parents[4] / "tests" / "vanban" / "fixtures"


def _docx_lines(data: bytes) -> list[str]:
    """Every paragraph's text of a .docx, body and table cells (the header is a table)."""
    document = docx.Document(io.BytesIO(data))
    lines = [p.text.strip() for p in document.paragraphs]
    for table in document.tables:
        for table_row in table.rows:
            for cell in table_row.cells:
                lines += [p.text.strip() for p in cell.paragraphs]
    return [line for line in lines if line]


def test_a_real_plan_reaches_the_units_it_is_sent_to(
    browser_page: Any, second_page: Any, live_server: Any, tmp_path: Path
) -> None:
    """The loop as officers live it: the bloc's officer uploads a real plan (Kế hoạch
    120-KH/TĐTN-TG, a provincial Youth Union plan of the parser's fixtures), accepts the proposed
    tasks, sends it to three base organisations through the tree picker; coso1 finds the tasks
    in "Nhiệm vụ của đơn vị" at once and a notice under the header bell; drafts its implementing
    plan from "Cần triển khai" (header and signature of a đảng ủy cơ sở), numbers it, uploads it
    signed, reports progress on one task; the bloc's board shows the implementing plan and the
    unit's task progress, and the roll-up of the report bound to the plan counts the task in
    progress once coso1 submits (the row chosen for it from its own progress)."""
    pytest.importorskip("vanban")
    real_plan = FIXTURES / "kh-tinh-doan.txt"
    tree = make_tree()
    base3 = Unit.objects.add_child(
        tree.bloc,
        dict(
            kind=UnitKind.BASE_ORGANISATION,
            code="DB-SGD",
            name="Đảng bộ Sở Giáo dục và Đào tạo",
            short_name="ĐU",
        ),
    )
    khoi = make_user("khoi", tree.bloc, UserRole.UNIT_ADMIN)
    coso1 = make_user("coso1", tree.base1, UserRole.OFFICER)
    base = live_server.url

    page = browser_page
    login(page, live_server, khoi, next_path="/ke-hoach/moi/")
    page.set_input_files('input[name="file"]', str(real_plan))
    page.click("text=Lưu và đề xuất nhiệm vụ")
    page.wait_for_url("**/nhiem-vu/**")
    assert "Tổ chức các hoạt động tình nguyện vì cộng đồng" in page.content()
    docs_screenshot(page, "ke-hoach-ra-soat-nhiem-vu")
    page.click("form button[type=submit] >> nth=-1")  # accept the proposals as they are
    page.wait_for_url("**/ke-hoach/*/")
    plan = Plan.objects.get(unit=tree.bloc)
    assert plan.tasks.exclude(collective_role="").exists()

    # The bloc's periodic report follows the plan's tasks (bound in setup: the type's own UI is
    # tested in reports).
    report_type = ReportType.objects.create(
        unit=tree.bloc,
        title="Báo cáo kết quả thực hiện kế hoạch",
        period_kind=PeriodKind.YEAR,
        due_day=15,
        due_month_offset=1,
        plan=plan,
    )
    generate_year(report_type, timezone.localdate().year)
    set_recipients(report_type, [tree.base1, tree.base2, base3])

    page.goto(f"{base}/ke-hoach/{plan.pk}/gui-xuong/")
    pick_units(
        page,
        "units",
        [
            ("so thong tin", tree.base1.name),
            ("so y te", tree.base2.name),
            ("giao duc dao tao", base3.name),
        ],
    )
    due = timezone.localdate() + timedelta(days=14)
    page.fill('input[name="due_date"]', due.isoformat())
    docs_screenshot(page, "ke-hoach-chon-don-vi")
    page.click("text=Gửi xuống >> nth=-1")
    page.wait_for_url(f"**/ke-hoach/{plan.pk}/theo-doi/")
    assert page.inner_text("#n-total") == "3"

    unit_page = second_page
    login(unit_page, live_server, coso1, next_path="/ke-hoach/nhiem-vu-cua-toi/")
    inbox = unit_page.content()
    for task in plan.tasks.exclude(collective_role="").filter(parent=None):
        assert task.title[:60] in inbox, task.title
    docs_screenshot(unit_page, "ke-hoach-nhiem-vu-cua-don-vi")

    # The header bell tells coso1 the plan came down; the list names it and links to the inbox.
    unread = unit_page.wait_for_selector(".bell [data-unread]")
    assert unread is not None and int(unread.get_attribute("data-unread") or 0) >= 1
    unit_page.click(".bell")
    unit_page.wait_for_url("**/thong-bao/")
    notice = unit_page.locator("main").inner_text()
    assert plan.display_number in notice and tree.bloc.name in notice
    docs_screenshot(unit_page, "thong-bao-ke-hoach-gui-xuong")

    # From its inbox coso1 drafts its implementing plan: the header and the signature are those
    # of a đảng bộ cơ sở under the bloc (36-HD/VPTW 1.2.1, 1.7.1): the upper line is the đảng bộ
    # above, the issuing body its committee ("ĐẢNG ỦY …"), signed "T/M ĐẢNG ỦY" by the secretary.
    unit_page.goto(f"{base}/ke-hoach/can-trien-khai/")
    with unit_page.expect_download() as info:
        unit_page.click("text=Soạn kế hoạch thực hiện")
    draft = Path(info.value.path()).read_bytes()
    lines = _docx_lines(draft)
    assert "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH" in lines
    assert "ĐẢNG ỦY SỞ THÔNG TIN VÀ TRUYỀN THÔNG" in lines
    assert "T/M ĐẢNG ỦY" in lines and "BÍ THƯ" in lines
    assert not any(line.startswith(("T/M BAN THƯỜNG VỤ", "K/T")) for line in lines)
    assert plan.display_number in "\n".join(lines)  # it implements the bloc's plan

    # ... numbers it in Word, signs it and uploads it.
    signed = tmp_path / "ke-hoach-thuc-hien.docx"
    signed.write_bytes(_give_number(draft, "07"))
    unit_page.click("text=Tải lên kế hoạch đã ký")
    unit_page.set_input_files('input[name="file"]', str(signed))
    unit_page.click('button[type="submit"]')
    unit_page.wait_for_selector(f"text=ghi nhận là kế hoạch thực hiện {plan.display_number}")
    own_plan = Plan.objects.get(unit=tree.base1)
    assert own_plan.number == "07-KH/ĐU"

    # ... and reports progress on one of the tasks handed to it.
    unit_page.goto(f"{base}/ke-hoach/nhiem-vu-cua-toi/")
    first = unit_page.locator("table a[href*='/phan-cong/']").first
    task_title = first.inner_text()
    first.click()
    unit_page.fill('input[name="progress"]', "40")
    unit_page.fill('textarea[name="note"]', "Đã tổ chức 2 đợt ra quân tình nguyện.")
    unit_page.click('form.card button[type="submit"]')
    unit_page.wait_for_selector("text=Đã cập nhật tiến độ")
    mine = TaskAssignment.objects.get(unit=tree.base1, progress=40)
    assert mine.task.plan_id == plan.pk and mine.status() == AssignmentStatus.IN_PROGRESS
    docs_screenshot(unit_page, "ke-hoach-cap-nhat-tien-do")

    # The bloc's board: coso1 issued its plan (07-KH/ĐU), the two others have not.
    page.goto(f"{base}/ke-hoach/{plan.pk}/theo-doi/")
    assert (page.inner_text("#n-issued"), page.inner_text("#n-pending")) == ("1", "2")
    issued = page.locator("tr.state-issued")
    assert issued.count() == 1 and tree.base1.name in issued.inner_text()
    assert "07-KH/ĐU" in issued.inner_text()
    progress_cell = issued.locator("td.task-progress").inner_text()
    n_tasks = TaskAssignment.objects.filter(unit=tree.base1, collective=True, task__plan=plan)
    expected = round(40 / n_tasks.count())  # one task at 40%, the others not begun
    assert f"{expected}%" in progress_cell and f"0/{n_tasks.count()}" in progress_cell
    assert page.locator("tr.state-pending td.task-progress").first.inner_text().startswith("0%")
    docs_screenshot(page, "ke-hoach-theo-doi-vong-kin")
    # The progress of the units' parts, on the plan's page: one unit in progress on that task.
    page.goto(f"{base}/ke-hoach/{plan.pk}/")
    task_item = page.locator("tbody tr").filter(has_text=mine.task.title[:60]).first
    assert "1 đang thực hiện" in task_item.inner_text()

    # coso1's periodic report on the plan: the task row already shows its progress (in
    # progress), it submits; the bloc's roll-up counts it under "Đang thực hiện".
    sub = Submission.objects.get(unit=tree.base1, period__report_type=report_type)
    unit_page.goto(f"{base}/bao-cao/nop/{sub.pk}/", wait_until="load")
    status_select = unit_page.locator(f'select[name="task_{mine.task_id}_status"]')
    assert status_select.input_value() == "in_progress"
    unit_page.click("#submit-report")
    unit_page.wait_for_selector("text=Đã nộp báo cáo")
    page.goto(f"{base}/bao-cao/ky/{sub.period_id}/tong-hop/")
    headers = page.locator("section:has(h2:text('Tình hình thực hiện')) th").all_inner_texts()
    row = page.locator("section:has(h2:text('Tình hình thực hiện')) tr").filter(
        has_text=mine.task.title[:60]
    )
    counts = dict(zip(headers[1:], row.locator("td.num").all_inner_texts(), strict=True))
    assert counts["Đang thực hiện"] == "1" and counts["Hoàn thành"] == "0", counts
    assert task_title[:40] in row.inner_text()
    docs_screenshot(page, "bao-cao-tong-hop-nhiem-vu")
