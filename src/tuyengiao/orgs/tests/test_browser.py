"""End to end in headless Chromium: login → dashboard → unit tree (htmx expand) → a unit's people."""

from __future__ import annotations

import datetime as dt
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


def test_merge_two_communes_dry_run_then_confirm(
    browser_page: Any, live_server: Any, chromium_browser: Any
) -> None:
    """Two communes of the demo merged: the dry run lists what moves, the confirmation makes it;
    the report matrix shows the old units for the last quarter and the successor for the
    current one; the old unit's open task is in the successor's list; the year's study round
    counts every member once."""
    from django.utils import timezone

    from tuyengiao.accounts.models import Role
    from tuyengiao.core.demo_context import DemoContext
    from tuyengiao.orgs import demo as orgs_demo
    from tuyengiao.orgs.models import Person, Unit
    from tuyengiao.plans.models import Plan, Task, TaskAssignment
    from tuyengiao.reports.calendar import generate_year
    from tuyengiao.reports.models import Indicator, ReportType, Submission
    from tuyengiao.reports.services.drafts import submit
    from tuyengiao.reports.services.recipients import set_recipients
    from tuyengiao.study.models import StudySession
    from tuyengiao.study.services import attendance, rates, rounds
    from tuyengiao.testing import make_user

    ctx = DemoContext(password="x")
    orgs_demo.load(ctx)
    province = Unit.objects.get(pk=ctx.objects["province"].pk)
    a, b = (Unit.objects.get(pk=u.pk) for u in ctx.objects["communes"][:2])
    tinh = make_user("tinh", province, Role.UNIT_ADMIN)
    xa1 = make_user("xa1", a, Role.OFFICER)
    today = timezone.localdate()

    # a quarterly report of the province: both communes submitted the last quarter
    rt = ReportType.objects.create(unit=province, title="Báo cáo tuyên giáo quý của xã, phường")
    total = Indicator.objects.create(report_type=rt, order=1, code="dv", label="Số đảng viên")
    generate_year(rt, today.year - 1)  # the last quarter may be last year's
    generate_year(rt, today.year)
    set_recipients(rt, [a, b])
    current = rt.periods.get(start__lte=today, end__gte=today)
    last = rt.periods.filter(end__lt=current.start).order_by("-end").first()
    assert last is not None
    for n, unit in enumerate([a, b]):
        sub = Submission.objects.get(period=last, unit=unit)
        assert submit(sub, {total.key: str(30 + n)}, sub.version, f"t{n}", tinh).ok
    # an open task of commune a
    plan = Plan.objects.create(unit=province, number="12-KH/TU", title="Kế hoạch tuyên truyền")
    task = Task.objects.create(plan=plan, order=1, title="Tuyên truyền Nghị quyết Đại hội")
    TaskAssignment.objects.create(task=task, unit=a, progress=40)
    # the year's study round over both communes; two members of a attended already
    members = list(Person.objects.filter(unit__path__startswith=a.path, active=True)) + list(
        Person.objects.filter(unit__path__startswith=b.path, active=True)
    )
    year_round = rounds.open_round(
        unit=province,
        title="Học tập Nghị quyết năm",
        starts_on=today.replace(month=1, day=1),
        ends_on=today.replace(month=12, day=31),
        covered_units=[a, b],
    )
    start = timezone.now()
    first = StudySession.objects.create(
        round=year_round, unit=a, starts_at=start, ends_at=start + dt.timedelta(hours=2)
    )
    came = [p for p in members if a.contains(p.unit)][:2]
    attendance.record_attendance(first, came)

    page = browser_page
    login(page, live_server, tinh)
    page.goto(live_server.url + "/don-vi/sap-xep/")
    page.get_by_role("link", name="Sáp nhập, hợp nhất đơn vị").click()
    page.select_option("select[name=sources]", [str(a.pk), str(b.pk)])
    page.fill("input[name=new_code]", "DB-X-HOPNHAT")
    page.fill("input[name=new_name]", "Đảng bộ phường Hòa Bình Mới")
    page.fill("input[name=new_short_name]", "ĐU")
    page.fill("input[name=date]", today.strftime("%d/%m/%Y"))
    page.get_by_role("button", name="Chạy thử").click()
    page.wait_for_url("**/don-vi/sap-xep/*/")
    dry_run = page.locator("#dry-run").inner_text()
    cells = [u.name for u in Unit.objects.get_children(a)]
    for expected in (
        *cells,  # the cells (and their members, on the study list) move under the successor
        "Đảng bộ phường Hòa Bình Mới",
        "Tuyên truyền Nghị quyết Đại hội",
        "Báo cáo tuyên giáo quý của xã, phường",
        "xa1",
    ):
        assert expected in dry_run, expected
    docs_screenshot(page, "don-vi-sap-xep-chay-thu")
    assert not Unit.objects.filter(code="DB-X-HOPNHAT").exists()  # nothing done yet
    page.get_by_role("button", name="Xác nhận thực hiện").click()
    page.wait_for_load_state()
    assert "Đã thực hiện" in page.locator("main").inner_text()
    c = Unit.objects.get(code="DB-X-HOPNHAT")
    assert Unit.objects.get(pk=a.pk).ended_on == today

    # the matrix: the old units in the last quarter, the successor in the current one
    page.goto(f"{live_server.url}/bao-cao/tinh-hinh/?period={last.key}")
    last_rows = page.locator("main").inner_text()
    assert a.name in last_rows and b.name in last_rows and c.name not in last_rows
    page.goto(f"{live_server.url}/bao-cao/tinh-hinh/?period={current.key}")
    current_rows = page.locator("main").inner_text()
    assert c.name in current_rows and a.name not in current_rows and b.name not in current_rows
    docs_screenshot(page, "don-vi-sap-xep-ma-tran")

    # the old unit's officer now works for the successor, with the old unit's open task
    context = chromium_browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    officer = context.new_page()
    login(officer, live_server, User.objects.get(pk=xa1.pk))
    officer.goto(f"{live_server.url}/ke-hoach/nhiem-vu-cua-toi/")
    assert "Tuyên truyền Nghị quyết Đại hội" in officer.locator("main").inner_text()
    context.close()

    # the year's round: every member once, one who came before the merge comes again after it
    again = StudySession.objects.create(
        round=year_round, unit=c, starts_at=start, ends_at=start + dt.timedelta(hours=2)
    )
    attendance.record_attendance(again, [came[0], members[-1]])
    for unit in (c, Unit.objects.get(pk=province.pk)):
        got = rates.rate_for_unit(year_round, unit)
        assert (got["eligible"], got["attended"]) == (len(members), 3)
    page.goto(f"{live_server.url}/hoc-tap/{year_round.pk}/")
    assert c.name in page.locator("main").inner_text()
