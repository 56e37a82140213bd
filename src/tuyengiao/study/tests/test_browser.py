"""In a phone-sized browser: an officer ticks attendance for a 120-member list and saves; a member
takes the test and sees the result."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from tuyengiao.orgs.models import Person
from tuyengiao.study.models import (
    Attendance,
    Choice,
    Question,
    QuestionKind,
    StudySession,
    StudyTest,
    TestAttempt,
)
from tuyengiao.study.services import rates, rounds
from tuyengiao.testing import docs_screenshot, login, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _round(tree: Any) -> Any:
    return rounds.open_round(
        unit=tree.bloc,
        title="Học tập, quán triệt Nghị quyết Đại hội XIII",
        starts_on=date.today(),
        ends_on=date.today() + timedelta(days=20),
        covered_units=[tree.base1, tree.base2],
    )


def test_officer_ticks_120_members_on_a_phone(
    phone_page: Any, live_server: Any, tree: Any, users: Any
) -> None:
    people = [
        Person.objects.create(
            unit=tree.base1 if i % 3 else tree.cell1, full_name=f"Đảng viên Số {i:03d}"
        )
        for i in range(120)
    ]
    study_round = _round(tree)
    now = timezone.now()
    session = StudySession.objects.create(
        round=study_round, unit=tree.base1, starts_at=now, ends_at=now + timedelta(hours=2)
    )
    page = phone_page
    login(page, live_server, users["coso1"], next_path=f"/hoc-tap/buoi/{session.pk}/diem-danh/")
    page.goto(f"{live_server.url}/hoc-tap/buoi/{session.pk}/diem-danh/")
    boxes = page.locator('input[name="p"]')
    assert boxes.count() == 120
    # Big touch targets, and the save bar stays on screen at the bottom.
    row = page.locator(".study-row").first.bounding_box()
    assert row is not None and row["height"] >= 44
    page.mouse.wheel(0, 3000)
    bar = page.locator(".study-savebar").bounding_box()
    assert bar is not None and bar["y"] + bar["height"] <= 844 + 1 and bar["y"] > 700
    # Tick all, then find three by name (accent-insensitive search) and untick them.
    page.check("#study-tick-all")
    assert page.locator("#study-count").inner_text() == "120"
    for i in (5, 17, 99):
        page.fill("#study-filter", f"dang vien so {i:03d}")
        visible = page.locator(".study-list li:not([hidden])")
        assert visible.count() == 1
        visible.locator("label").click()  # the whole row is the touch target
    page.fill("#study-filter", "")
    assert page.locator("#study-count").inner_text() == "117"
    docs_screenshot(page, "hoc-tap-diem-danh")
    page.click("#study-save")
    page.wait_for_load_state()
    assert "Đã lưu điểm danh: thêm 117" in page.content()
    missing = {people[i].pk for i in (5, 17, 99)}
    assert Attendance.objects.filter(session=session).count() == 117
    assert not Attendance.objects.filter(person_id__in=missing).exists()
    assert rates.rate_for_unit(study_round, tree.base1)["attended"] == 117
    # The round page shows the rates of base1's own members and its cell, below target in red.
    page.goto(f"{live_server.url}/hoc-tap/{study_round.pk}/")
    assert page.locator(".study-chart").is_visible()
    assert page.locator(".study-rates tr.study-below").count() >= 1
    docs_screenshot(page, "hoc-tap-dot")


def test_member_takes_the_test_on_a_phone(
    phone_page: Any, live_server: Any, tree: Any, users: Any
) -> None:
    person = Person.objects.create(unit=tree.cell1, full_name="Võ Thị Giang")
    study_round = _round(tree)
    StudyTest.objects.create(
        round=study_round, title="Kiểm tra nhận thức", time_limit_minutes=10, pass_score=Decimal(50)
    )
    q1 = Question.objects.create(
        round=study_round, kind=QuestionKind.SINGLE, text="Đại hội XIII họp năm nào?", order=1
    )
    Choice.objects.create(question=q1, text="Năm 2021", is_correct=True)
    Choice.objects.create(question=q1, text="Năm 2016")
    q2 = Question.objects.create(
        round=study_round, kind=QuestionKind.TRUE_FALSE, text="Tầm nhìn đến năm 2045", order=2
    )
    Choice.objects.create(question=q2, text="Đúng", is_correct=True)
    Choice.objects.create(question=q2, text="Sai")
    Question.objects.create(
        round=study_round,
        kind=QuestionKind.SHORT,
        text="Kỷ niệm bao nhiêu năm thành lập Đảng vào năm 2030?",
        order=3,
        accepted_answers="100\n100 năm",
    )
    member = make_user("giang", tree.cell1, "viewer")
    member.person = person
    member.save()
    page = phone_page
    login(page, live_server, member, next_path=f"/hoc-tap/{study_round.pk}/")
    page.goto(f"{live_server.url}/hoc-tap/{study_round.pk}/")
    page.click("text=Làm bài kiểm tra")
    page.click("button[name=start]")
    page.wait_for_load_state()
    assert page.locator("#study-timer").is_visible()
    docs_screenshot(page, "hoc-tap-lam-bai")
    page.get_by_label("Năm 2021").check()
    page.get_by_label("Sai").check()  # wrong on purpose
    page.locator('input[type="text"][name^="q"]').fill("100 năm")
    page.click("#test-submit")
    page.wait_for_load_state()
    docs_screenshot(page, "hoc-tap-ket-qua")
    result = page.locator(".study-result")
    assert "67 %" in result.inner_text() and "Đạt" in result.inner_text()
    attempt = TestAttempt.objects.get(person=person)
    assert attempt.passed and attempt.score == Decimal("66.67")
