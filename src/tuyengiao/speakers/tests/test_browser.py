"""In a browser: the bloc schedules a briefing and opens its session (the study app's page, with
the check-in code); two speakers check in on a phone; one records the talk they gave afterwards;
the bloc sees it on the briefing's page."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from tuyengiao.accounts.models import Role
from tuyengiao.speakers.models import Briefing, Talk
from tuyengiao.speakers.testing import make_speaker
from tuyengiao.study.models import Attendance, StudySession
from tuyengiao.testing import docs_screenshot, log_out_browser, login, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_briefing_checkin_and_talk(
    browser_page: Any, phone_page: Any, live_server: Any, tree: Any, users: Any
) -> None:
    speakers = [
        make_speaker(tree.cell1, "Nguyễn Thị Hoa", roster_unit=tree.base1),
        make_speaker(tree.cell2, "Trần Văn Khánh", roster_unit=tree.base2),
    ]
    accounts = []
    for i, a in enumerate(speakers):
        user = make_user(f"bcv{i}", a.person.unit, Role.MEMBER)
        user.person = a.person
        user.save()
        accounts.append(user)
    base = live_server.url
    today = timezone.localdate()

    # The bloc schedules the briefing with its talking points.
    page = browser_page
    login(page, live_server, users["khoi"], next_path="/bao-cao-vien/hoi-nghi/moi/")
    page.goto(f"{base}/bao-cao-vien/hoi-nghi/moi/")
    page.fill("input[name=title]", "Hội nghị báo cáo viên tháng 12")
    page.fill("input[name=held_on]", today.strftime("%d/%m/%Y"))
    page.fill(
        "textarea[name=outline]", "1. Kết quả kinh tế - xã hội năm 2026\n2. Nhiệm vụ năm 2027"
    )
    docs_screenshot(page, "bao-cao-vien-len-lich")
    page.click("form.card button[type=submit]")
    page.wait_for_load_state()
    briefing = Briefing.objects.get()
    assert "danh sách có 2 người" in page.content()
    # … and opens its session on the study app's page, which gives the check-in code.
    page.click("text=Tạo buổi hội nghị (mã điểm danh)")
    now = timezone.localtime()
    page.fill("input[name=title]", "Hội nghị báo cáo viên tháng 12")
    page.fill("input[name=starts_at]", (now - timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M"))
    page.fill("input[name=ends_at]", (now + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"))
    page.click("form.card button[type=submit]")
    page.wait_for_load_state()
    session = StudySession.objects.get(round=briefing.study_round)
    assert session.checkin_code in page.content()

    # Two speakers check in on a phone with the code read out in the hall.
    phone = phone_page
    for user in accounts:
        log_out_browser(phone)
        login(phone, live_server, user, next_path="/bao-cao-vien/cua-toi/")
        phone.goto(f"{base}/bao-cao-vien/cua-toi/")
        assert "Hội nghị báo cáo viên tháng 12" in phone.content()
        phone.click("a.speakers-checkin >> nth=0")
        phone.fill("input[name=code]", session.checkin_code.lower())
        phone.click("button.study-big")
        phone.wait_for_load_state()
        assert "Đã điểm danh." in phone.locator(".study-done").inner_text()
    assert Attendance.objects.filter(round=briefing.study_round).count() == 2

    # The second speaker records the talk given afterwards.
    phone.goto(f"{base}/bao-cao-vien/cua-toi/")
    phone.click("text=Ghi lại buổi nói chuyện")
    phone.fill("input[name=given_on]", today.strftime("%d/%m/%Y"))
    phone.fill("input[name=audience]", "Chi bộ Văn phòng Sở Y tế")
    phone.fill("input[name=listeners]", "42")
    phone.fill("input[name=topic]", "Kết quả kinh tế - xã hội năm 2026")
    docs_screenshot(phone, "bao-cao-vien-ghi-buoi-noi-chuyen")
    phone.click("form.card button[type=submit]")
    phone.wait_for_load_state()
    assert "Đã ghi nhận buổi nói chuyện" in phone.content()
    talk = Talk.objects.get()
    assert (talk.person, talk.listeners) == (speakers[1].person, 42)

    # The bloc sees it on the briefing's page: attendance, the talk, the spread by unit.
    page.goto(f"{base}/bao-cao-vien/hoi-nghi/{briefing.pk}/")
    assert page.locator("#co-mat").inner_text() == "2"
    assert page.locator("#so-buoi").inner_text() == "1"
    table = page.locator("#buoi-noi-chuyen").inner_text()
    assert "Trần Văn Khánh" in table and "Chi bộ Văn phòng Sở Y tế" in table and "42" in table
    assert page.locator("svg.speakers-chart").is_visible()
    docs_screenshot(page, "bao-cao-vien-hoi-nghi")
