"""In a browser: an officer creates a survey from a template for three base organisations,
twelve members answer (two of them on a phone), the officer sees the charts with the k rule and
downloads the .docx; a citizen's suggestion is answered and appears on the public FAQ page."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone

from tuyengiao.accounts.models import Role
from tuyengiao.orgs.models import Unit, UnitKind
from tuyengiao.testing import TEST_PASSWORD, docs_screenshot, login, make_user, pick_units

from ..models import Participation, QuestionKind, Response, Suggestion, Survey
from ..services import responding
from .conftest import people

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_survey_from_template_to_charts_and_docx(
    browser_page: Any, chromium_browser: Any, live_server: Any, tree: Any, users: Any
) -> None:
    base3 = Unit.objects.add_child(
        Unit.objects.get(pk=tree.bloc.pk),
        dict(
            kind=UnitKind.BASE_ORGANISATION,
            code="DB-SGD",
            name="Đảng bộ Sở Giáo dục",
            short_name="ĐU",
        ),
    )
    bases = [Unit.objects.get(pk=tree.base1.pk), Unit.objects.get(pk=tree.base2.pk), base3]
    members = [p for base in bases for p in people(base, 4)]
    page = browser_page
    login(page, live_server, users["khoi"], next_path="/khao-sat/tao/")
    page.goto(f"{live_server.url}/khao-sat/tao/")
    page.select_option("select[name=template]", "nam-bat-nghi-quyet")
    page.fill("input[name=closes_on]", (timezone.localdate() + timedelta(days=7)).isoformat())
    pick_units(
        page,
        "audience_units",
        [
            ("so thong tin", tree.base1.name),
            ("so y te", tree.base2.name),
            ("so giao duc", base3.name),
        ],
    )
    docs_screenshot(page, "khao-sat-tao")
    page.click("form.card button[type=submit]")
    page.wait_for_url(re.compile(r"/khao-sat/\d+/$"))
    survey = Survey.objects.get()
    assert survey.questions.count() == 5
    page.click("button:text('Mở khảo sát')")
    page.wait_for_load_state()
    said = page.locator("ul.messages").inner_text()
    assert "Đã mở khảo sát cho 12 người" in said, said
    # Two members answer on a phone, through the real pages.
    single = survey.questions.filter(kind=QuestionKind.SINGLE).first()
    assert single is not None
    for n, person in enumerate(members[:2]):
        user = make_user(f"dangvien{n}", person.unit, Role.MEMBER)
        user.person = person
        user.save()
        context = chromium_browser.new_context(
            viewport={"width": 390, "height": 844}, is_mobile=True
        )
        phone = context.new_page()
        login(phone, live_server, user, password=TEST_PASSWORD, next_path="/khao-sat/cua-toi/")
        phone.goto(f"{live_server.url}/khao-sat/cua-toi/")
        phone.click("a.btn:text('Trả lời')")
        phone.check(f'input[name="q{single.pk}"][value="{n}"]')
        if n == 0:
            docs_screenshot(phone, "khao-sat-tra-loi")
        phone.click("button:text('Gửi phiếu')")
        phone.wait_for_url("**/khao-sat/cua-toi/")
        assert "Đã trả lời" in phone.content()
        context.close()
    # The ten others answer the same way, through the service the page calls.
    for n, person in enumerate(members[2:]):
        p = Participation.objects.get(survey=survey, person=person)
        responding.submit_member(p, p.token, {str(single.pk): n % 4}, timezone.localdate())
    assert Response.objects.filter(survey=survey).count() == 10  # a batch; 2 wait for the next
    page.click("button:text('Đóng khảo sát')")
    page.wait_for_load_state()
    page.click("a.btn:text('Kết quả')")
    page.wait_for_load_state()
    body = page.content()
    assert "Tổng hợp từ <strong>12</strong> phiếu" in body
    assert page.locator("svg.survey-chart").count() >= 2
    # 4 answers per base organisation: no unit is shown on its own.
    assert "Các đơn vị khác (gộp)" in body and f">{tree.base1.name}<" not in body
    docs_screenshot(page, "khao-sat-ket-qua")
    with page.expect_download() as download:
        page.click("text=Tải báo cáo .docx")
    assert download.value.suggested_filename.endswith(".docx")


def test_public_suggestion_answered_appears_on_the_faq(
    browser_page: Any, live_server: Any, tree: Any, users: Any
) -> None:
    cache.clear()
    page = browser_page
    login(page, live_server, users["coso1"], next_path="/khao-sat/hop-thu/cai-dat/")
    page.goto(f"{live_server.url}/khao-sat/hop-thu/cai-dat/")
    page.check("input[name=public]")
    page.click("form.card button[type=submit]")
    page.wait_for_load_state()
    visitor = page.context.browser.new_context().new_page()
    visitor.goto(f"{live_server.url}/khao-sat/hop-thu/don-vi/{tree.base1.code}/gui/")
    visitor.fill("textarea[name=text]", "Đảng viên đi làm xa có được sinh hoạt tạm thời không?")
    label = visitor.locator("label[for=id_sum_answer]").inner_text()
    a, b = (int(x) for x in re.findall(r"\d+", label)[:2])
    visitor.fill("input[name=sum_answer]", str(a + b))
    visitor.click("form.card button[type=submit]")
    visitor.wait_for_load_state()
    assert "Đã gửi câu hỏi, góp ý" in visitor.content()
    s = Suggestion.objects.get()
    page.goto(f"{live_server.url}/khao-sat/hop-thu/{s.pk}/")
    page.fill(
        "textarea[name=answer]", "Được: đảng viên làm thủ tục chuyển sinh hoạt đảng tạm thời."
    )
    page.click("button:text('Lưu trả lời')")
    page.wait_for_load_state()
    page.click("button:text('Công bố')")
    page.wait_for_load_state()
    visitor.goto(
        f"{live_server.url}/khao-sat/hop-thu/don-vi/{tree.base1.code}/?q=sinh hoat tam thoi"
    )
    assert "chuyển sinh hoạt đảng tạm thời" in visitor.content()
    docs_screenshot(visitor, "khao-sat-hoi-dap")
