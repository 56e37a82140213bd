"""In a browser, as a party member (dangvien1): sign in, see only the member menu, check in with
the session's code, take the test (the order of the choices differs from another member's
attempt), read "my data" and download it."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from tuyengiao.accounts.models import Role
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
from tuyengiao.study.services import rounds
from tuyengiao.testing import docs_screenshot, login, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A member who is neither on a speakers' roster nor on a jury sees no speakers' items.
MEMBER_MENU = [
    "Học tập của tôi",
    "Điểm danh",
    "Khảo sát của tôi",
    "Gửi câu hỏi, góp ý",
    "Hỏi – đáp",
    "Dữ liệu của tôi",
    "Yêu cầu của tôi",
]


def _member(person: Person, username: str) -> Any:
    user = make_user(username, person.unit, Role.MEMBER)
    user.person = person
    user.save()
    return user


def _choice_order(page: Any) -> dict[str, list[str]]:
    """Each question's text → its choices' labels, in the order the page shows them."""
    order = {}
    for fieldset in page.locator("fieldset.study-question").all():
        legend = fieldset.locator("legend").inner_text().split(". ", 1)[1]
        order[legend] = [label.inner_text().strip() for label in fieldset.locator("label").all()]
    return order


def _take_test(page: Any, base: str, round_pk: int) -> dict[str, list[str]]:
    page.goto(f"{base}/hoc-tap/cua-toi/")
    page.get_by_role("link", name="Làm bài kiểm tra").click()
    page.get_by_role("button", name="Bắt đầu làm bài").click()
    page.wait_for_selector("fieldset.study-question")
    order = _choice_order(page)
    page.reload()  # a reload shows the same order
    assert _choice_order(page) == order
    return order


def test_member_checks_in_takes_the_test_and_exports_their_data(
    browser_page: Any, live_server: Any, tree: Any
) -> None:
    person = Person.objects.create(unit=tree.cell1, full_name="Lê Thị Đảng Viên", birth_year=1990)
    second = Person.objects.create(unit=tree.cell1, full_name="Phạm Văn Thứ Hai")
    study_round = rounds.open_round(
        unit=tree.bloc,
        title="Học tập Nghị quyết Đại hội XIII",
        starts_on=date.today() - timedelta(days=1),
        ends_on=date.today() + timedelta(days=20),
        covered_units=[tree.base1],
    )
    now = timezone.now()
    session = StudySession.objects.create(
        round=study_round,
        unit=tree.base1,
        title="Hội nghị quán triệt",
        starts_at=now,
        ends_at=now + timedelta(hours=2),
    )
    StudyTest.objects.create(round=study_round, title="Kiểm tra nhận thức", pass_score=Decimal(50))
    for n in (1, 2):
        q = Question.objects.create(
            round=study_round, kind=QuestionKind.SINGLE, text=f"Câu hỏi số {n}", order=n
        )
        for i, text in enumerate(["An", "Bình", "Cường", "Dũng", "Em", "Giang"], start=1):
            Choice.objects.create(question=q, text=f"{text} {n}", is_correct=i == 1, order=i)
    member = _member(person, "dangvien1")
    page = browser_page
    base = live_server.url

    login(page, live_server, member)
    page.goto(f"{base}/")
    assert page.url.endswith("/hoc-tap/cua-toi/")
    assert [a.inner_text().strip() for a in page.locator(".mainnav a").all()] == MEMBER_MENU
    docs_screenshot(page, "dang-vien-hoc-tap")
    # officers' pages are refused
    assert page.goto(f"{base}/hoc-tap/{study_round.pk}/").status == 403

    # check-in with the session's code
    page.goto(f"{base}/hoc-tap/cua-toi/")
    page.locator(".mainnav").get_by_role("link", name="Điểm danh").click()
    page.fill("input[name=code]", session.checkin_code.lower())
    page.get_by_role("button", name="Điểm danh").click()
    page.get_by_text("Đã điểm danh.").wait_for()
    assert Attendance.objects.filter(person=person, session=session).exists()

    # the test: a second member's attempt shows the choices in another order
    first_order = _take_test(page, base, study_round.pk)
    page.locator("fieldset.study-question label").first.click()
    page.get_by_role("button", name="Nộp bài").click()
    page.get_by_text("Kết quả:").wait_for()
    assert TestAttempt.objects.get(person=person).submitted_at is not None

    other_page = page.context.browser.new_page()
    try:
        login(other_page, live_server, _member(second, "dangvien2"))
        second_order = _take_test(other_page, base, study_round.pk)
    finally:
        other_page.close()
    assert set(first_order) == set(second_order)
    assert any(first_order[q] != second_order[q] for q in first_order)
    assert all(sorted(first_order[q]) == sorted(second_order[q]) for q in first_order)

    # my data: read it, then download it
    page.locator(".mainnav").get_by_role("link", name="Dữ liệu của tôi").click()
    page.get_by_role("heading", name="Dữ liệu của tôi").wait_for()
    text = page.locator("main").inner_text()
    assert "Lê Thị Đảng Viên" in text and "Điểm danh" in text and "Phạm Văn Thứ Hai" not in text
    docs_screenshot(page, "dang-vien-du-lieu")
    with page.expect_download() as download_info:
        page.locator("#export-zip").click()
    download = download_info.value
    assert download.suggested_filename == "du-lieu-cua-toi.zip"
    with open(download.path(), "rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    data = json.loads(archive.read("du-lieu.json"))
    assert data["nguoi"]["ho_ten"] == "Lê Thị Đảng Viên"
    tables = {section["bang"] for section in data["du_lieu"]}
    assert {"orgs.Person", "study.Attendance", "study.TestAttempt", "accounts.User"} <= tables
