"""A party member's own account (``Role.MEMBER``): the member menu only, officers' pages refused
on the server, check-in by link and by typed code, and fair tests (question and choice order drawn
per attempt, stable on reload)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from tuyengiao.accounts.models import Role
from tuyengiao.core.nav import nav_items_for
from tuyengiao.study.models import (
    Attendance,
    Choice,
    Question,
    QuestionKind,
    StudySession,
    StudyTest,
    TestAttempt,
)
from tuyengiao.study.services import quizzes
from tuyengiao.testing import logged_in_client, make_user

pytestmark = pytest.mark.django_db


def _member(person: Any, username: str = "dangvien1") -> Any:
    user = make_user(username, person.unit, Role.MEMBER)
    user.person = person
    user.save()
    return user


def test_member_sees_the_member_menu_only_and_officer_pages_are_refused(
    study_round: Any, session1: Any, members: Any
) -> None:
    member = _member(members["cell1"][0])
    labels = [item.label for item in nav_items_for(member)]
    assert "Học tập của tôi" in labels and "Điểm danh" in labels
    assert "Học tập nghị quyết" not in labels and "Đơn vị" not in " ".join(labels)
    client = logged_in_client(member)
    home = client.get("/")
    assert home.status_code == 302 and home["Location"] == "/hoc-tap/cua-toi/"
    page = client.get("/hoc-tap/cua-toi/").content.decode()
    assert study_round.title in page and "Tự điểm danh" in page
    # Officers' pages are refused on the server, not only absent from the menu.
    for url in (
        "/hoc-tap/",
        f"/hoc-tap/{study_round.pk}/",
        f"/hoc-tap/{study_round.pk}/danh-sach/",
        f"/hoc-tap/buoi/{session1.pk}/",
        f"/hoc-tap/buoi/{session1.pk}/diem-danh/",
        "/don-vi/",
        "/tai-lieu/",
        "/tai-khoan/",
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(f"/hoc-tap/buoi/{session1.pk}/diem-danh/", {"p": []}).status_code == 403


def test_member_checks_in_by_link_of_a_session_held_above_their_cell(
    session1: Any, members: Any
) -> None:
    person = members["cell1"][0]  # listed in cell1, the session is held by base1 above it
    client = logged_in_client(_member(person))
    url = f"/hoc-tap/buoi/{session1.pk}/tu-diem-danh/?ma={session1.checkin_code}"
    page = client.get(url)
    assert page.status_code == 200 and session1.checkin_code in page.content.decode()
    done = client.post(
        f"/hoc-tap/buoi/{session1.pk}/tu-diem-danh/", {"code": session1.checkin_code}
    )
    assert "Đã điểm danh." in done.content.decode()
    assert Attendance.objects.filter(person=person, session=session1).exists()


def test_member_cannot_open_a_session_not_held_for_them(
    study_round: Any, members: Any, tree: Any
) -> None:
    now = timezone.now()
    other = StudySession.objects.create(
        round=study_round, unit=tree.base2, starts_at=now, ends_at=now + timedelta(hours=1)
    )
    client = logged_in_client(_member(members["cell1"][0]))
    assert client.get(f"/hoc-tap/buoi/{other.pk}/tu-diem-danh/").status_code == 404
    response = client.post(f"/hoc-tap/buoi/{other.pk}/tu-diem-danh/", {"code": other.checkin_code})
    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_member_checks_in_with_the_typed_code(session1: Any, members: Any) -> None:
    person = members["base1"][2]
    client = logged_in_client(_member(person))
    wrong = client.post("/hoc-tap/diem-danh/", {"code": "ZZZZZZ"}).content.decode()
    assert "Mã điểm danh không đúng" in wrong and 'value="ZZZZZZ"' in wrong
    done = client.post("/hoc-tap/diem-danh/", {"code": session1.checkin_code.lower()})
    assert "Đã điểm danh." in done.content.decode()
    assert Attendance.objects.get(person=person).session == session1
    assert "Đã học" in client.get("/hoc-tap/cua-toi/").content.decode()


def _bank(study_round: Any) -> StudyTest:
    test = StudyTest.objects.create(round=study_round, title="Kiểm tra", pass_score=Decimal(60))
    for n in range(1, 5):
        q = Question.objects.create(
            round=study_round, kind=QuestionKind.SINGLE, text=f"Câu số {n}", order=n
        )
        for i, text in enumerate(["Một", "Hai", "Ba", "Bốn", "Năm"], start=1):
            Choice.objects.create(question=q, text=f"{text}-{n}", is_correct=i == 1, order=i)
    tf = Question.objects.create(
        round=study_round, kind=QuestionKind.TRUE_FALSE, text="Đ/S", order=5
    )
    Choice.objects.create(question=tf, text="Đúng", is_correct=True, order=1)
    Choice.objects.create(question=tf, text="Sai", order=2)
    return test


def test_choice_order_is_drawn_per_attempt_and_kept(study_round: Any, members: Any) -> None:
    test = _bank(study_round)
    first = quizzes.start_attempt(test, members["base1"][0], seed=1)
    second = quizzes.start_attempt(test, members["base1"][1], seed=2)
    single = [q for q in study_round.questions.all() if q.kind == QuestionKind.SINGLE]
    orders_1 = [first.choice_order[str(q.pk)] for q in single]
    orders_2 = [second.choice_order[str(q.pk)] for q in single]
    assert orders_1 != orders_2
    for q, order in zip(single, orders_1, strict=True):
        assert sorted(order) == sorted(q.choices.values_list("pk", flat=True))
    # The right answer is not always shown first.
    firsts = [Choice.objects.get(pk=o[0]).is_correct for o in orders_1 + orders_2]
    assert not all(firsts)
    # True/false keeps Đúng before Sai.
    tf = study_round.questions.get(kind=QuestionKind.TRUE_FALSE)
    assert [Choice.objects.get(pk=c).text for c in first.choice_order[str(tf.pk)]] == [
        "Đúng",
        "Sai",
    ]
    # Resuming returns the stored attempt: same orders.
    again = quizzes.start_attempt(test, members["base1"][0], seed=99)
    assert again.pk == first.pk and again.choice_order == first.choice_order
    assert again.question_order == first.question_order


def test_take_page_shows_the_attempts_order_on_every_reload(study_round: Any, members: Any) -> None:
    test = _bank(study_round)
    person = members["cell1"][1]
    client = logged_in_client(_member(person))
    url = f"/hoc-tap/{study_round.pk}/kiem-tra/lam-bai/"
    assert client.post(f"/hoc-tap/{study_round.pk}/kiem-tra/bat-dau/").status_code == 302
    attempt = TestAttempt.objects.get(test=test, person=person)
    page = client.get(url).content.decode()
    shown = _choice_positions(page, attempt)
    assert shown == _choice_positions(client.get(url).content.decode(), attempt)
    for ids in attempt.choice_order.values():  # each question's choices in the stored order
        positions = [shown[c] for c in ids]
        assert positions == sorted(positions)


def _choice_positions(page: str, attempt: Any) -> dict[int, int]:
    return {c: page.index(f'value="{c}"') for ids in attempt.choice_order.values() for c in ids}
