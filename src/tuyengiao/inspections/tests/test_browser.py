"""On a phone: the inspector fills the checklist, the connection drops (the browser goes
offline), the tab is closed; back online the page restores every finding typed offline and the
inspector submits them — nothing lost."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from tuyengiao.accounts.models import Role
from tuyengiao.inspections import services
from tuyengiao.inspections.models import Visit
from tuyengiao.testing import docs_screenshot, login, make_tree, make_user

from .conftest import make_bloc_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visit_on_a_phone_survives_a_dropped_connection(phone_page: Any, live_server: Any) -> None:
    tree = make_tree()
    bloc_plan = make_bloc_plan(tree)
    inspector = make_user("doankiemtra", tree.bloc, Role.OFFICER)
    inspection = services.create_inspection(
        unit=tree.bloc,
        user=inspector,
        kind="kiem_tra",
        title="Kiểm tra thực hiện kế hoạch tuyên truyền",
        plan=bloc_plan.plan,
        period_start=bloc_plan.start,
        period_end=bloc_plan.end,
        planned_on=timezone.localdate(),
        units=[tree.base1],
        head=bloc_plan.head,
    )
    visit: Visit = inspection.visits.get()
    lines = list(visit.lines.all())
    url = live_server.url + reverse("inspections:visit_detail", kwargs={"visit_pk": visit.pk})
    page = phone_page
    login(page, live_server, inspector, next_path=url)
    page.goto(url)

    # online: the first finding saves itself
    first = page.locator(f"#line-{lines[0].pk}")
    first.get_by_label("Đã thực hiện").check()
    first.locator(".saved").get_by_text("Đã lưu").wait_for()
    lines[0].refresh_from_db()
    assert lines[0].finding == "done"
    docs_screenshot(page, "kiem-tra-dien-thoai")

    # the connection drops: the next findings cannot reach the server
    page.context.set_offline(True)
    second = page.locator(f"#line-{lines[1].pk}")
    second.get_by_label("Chưa thực hiện").check()
    second.get_by_label("Nhận xét").fill("Chưa đăng đủ tin theo kế hoạch")
    third = page.locator(f"#line-{lines[2].pk}")
    third.get_by_label("Thực hiện một phần").check()
    page.locator("#offline-note").wait_for(state="visible")
    page.wait_for_function(
        "key => (JSON.parse(localStorage.getItem(key) || '{}').lines || []).length === 2",
        arg=f"tuyengiao:kiem-tra-{visit.pk}",
    )
    lines[1].refresh_from_db()
    assert lines[1].finding == ""
    # pressing "Lưu" offline does not throw the page away
    page.click("#save-visit")
    assert page.locator("#offline-note").is_visible()
    page.close()  # the tab is lost while offline

    # back online, the inspector opens the page again: what was typed offline is back
    page = phone_page.context.new_page()
    page.context.set_offline(False)
    page.goto(url)
    page.locator("#restored-note").wait_for(state="visible")
    assert page.locator(f"#line-{lines[1].pk} textarea").input_value() == (
        "Chưa đăng đủ tin theo kế hoạch"
    )
    page.click("#save-visit")
    page.get_by_text("Đã lưu kết quả kiểm tra 3 nội dung").wait_for()
    found = {line.pk: (line.finding, line.note) for line in visit.lines.all()}
    assert found[lines[0].pk][0] == "done"
    assert found[lines[1].pk] == ("not_done", "Chưa đăng đủ tin theo kế hoạch")
    assert found[lines[2].pk][0] == "partly"
    # the kept copy is dropped once the server holds everything
    page.goto(url)
    assert page.evaluate(f"localStorage.getItem('tuyengiao:kiem-tra-{visit.pk}')") is None
