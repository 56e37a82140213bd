"""The pages an officer and a member use: round with rates and drill-down, exports (.xlsx, .docx),
tests taken online and entered from paper, essays and their privacy."""

from __future__ import annotations

import io
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from docx import Document as DocxDocument
from openpyxl import load_workbook

from tuyengiao.orgs.models import CommRole, Person
from tuyengiao.study.models import (
    Choice,
    Essay,
    EssayGrade,
    ExemptionCategory,
    Question,
    QuestionKind,
    RubricCriterion,
    RubricLevel,
    StudySession,
    StudyTest,
    TestAttempt,
)
from tuyengiao.study.services import StudyError, attendance, essays, quizzes, rates, rounds
from tuyengiao.testing import docx_format_findings, logged_in_client, make_user

pytestmark = pytest.mark.django_db


def _member(person: Person, username: str) -> Any:
    user = make_user(username, person.unit, "viewer")
    user.person = person
    user.save()
    return user


def test_open_round_and_session_through_pages(
    tree: Any, users: Any, members: Any, client_as: Any
) -> None:
    khoi = client_as("khoi")
    form = khoi.get("/hoc-tap/moi/")
    assert form.status_code == 200 and "Đảng bộ Sở Y tế" in form.content.decode()
    bad = khoi.post(
        "/hoc-tap/moi/",
        {
            "title": "Học tập NQ",
            "starts_on": "10/01/2026",
            "ends_on": "01/01/2026",
            "target_rate": "98",
            "covered_units": [tree.base1.pk],
        },
    )
    assert "Hãy chọn văn bản trong thư viện hoặc ghi tên văn bản" in bad.content.decode()
    assert (
        "Ngày kết thúc phải sau ngày bắt đầu" in bad.content.decode()
        and 'value="Học tập NQ"' in bad.content.decode()
    )
    done = khoi.post(
        "/hoc-tap/moi/",
        {
            "title": "Học tập NQ",
            "starts_on": "01/01/2026",
            "ends_on": "10/01/2026",
            "target_rate": "98",
            "covered_units": [tree.base1.pk, tree.base2.pk],
            "document_title": "Nghị quyết Đại hội XIII",
        },
    )
    assert done.status_code == 302
    round_url = done["Location"]
    assert "Học tập NQ" in client_as("coso1").get("/hoc-tap/").content.decode()  # published down
    presenter = Person.objects.create(unit=tree.bloc, full_name="Báo Cáo Viên Khối")
    presenter.roles.add(CommRole.objects.get(code="bao-cao-vien"))
    coso1 = client_as("coso1")
    page = coso1.get(round_url + "buoi-moi/")
    assert "Báo Cáo Viên Khối" in page.content.decode()
    created = coso1.post(
        round_url + "buoi-moi/",
        {
            "title": "Hội nghị chi bộ",
            "mode": "both",
            "place": "Hội trường",
            "starts_at": "2026-01-02T08:00",
            "ends_at": "2026-01-02T11:00",
            "presenter": presenter.pk,
        },
    )
    assert created.status_code == 302
    session = StudySession.objects.get(title="Hội nghị chi bộ")
    assert session.unit == tree.base1 and session.presenter == presenter
    detail = coso1.get(created["Location"]).content.decode()
    assert session.checkin_code in detail and "<svg" in detail  # the QR code


def test_round_page_rates_chart_and_exports(
    study_round: Any, session1: Any, members: Any, tree: Any, client_as: Any
) -> None:
    attendance.record_attendance(session1, members["base1"] + members["cell1"][:1])
    rounds.set_exemption(study_round, members["cell1"][1], ExemptionCategory.ILLNESS)
    khoi = client_as("khoi")
    html = khoi.get(f"/hoc-tap/{study_round.pk}/").content.decode()
    assert "Đảng bộ Sở Thông tin và Truyền thông" in html and "100,00 %" in html.replace(".", ",")
    assert "study-below" in html  # base2: nobody attended → below target, highlighted
    assert "<svg" in html and "Chỉ tiêu 98 %" in html
    drill = khoi.get(f"/hoc-tap/{study_round.pk}/?don-vi={tree.base1.pk}").content.decode()
    assert "Chi bộ Văn phòng Sở TTTT" in drill
    xlsx = khoi.get(f"/hoc-tap/{study_round.pk}/?export=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).worksheets[0]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Đảng bộ Sở Thông tin và Truyền thông"][1:6] == (7, 1, 6, 6, 100.0)
    assert rows["Cộng"][1:5] == (9, 1, 8, 6)
    docx = khoi.get(f"/hoc-tap/{study_round.pk}/bao-cao.docx")
    assert docx["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    doc = DocxDocument(io.BytesIO(docx.content))
    header = doc.tables[0].rows[0].cells
    left, right = header[0].text, header[1].text
    assert (
        "ĐẢNG BỘ TỈNH BÌNH AN" in left
        and "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH" in left
        and f"Số {chr(0xA0) * 8}-BC/ĐUK" in left
    )
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in right and "Bình An, ngày" in right
    text = "\n".join(p.text for p in doc.paragraphs)
    assert (
        "BÁO CÁO" in text
        and "kết quả học tập, quán triệt Nghị quyết Đại hội đại biểu toàn quốc" in text
    )
    assert "đạt tỷ lệ 75.00 %" in text and "chưa đạt chỉ tiêu 98 %" in text
    rate_table = doc.tables[1]
    assert rate_table.rows[1].cells[0].text == "Đảng bộ Sở Thông tin và Truyền thông"
    assert (
        "Nơi nhận:" in doc.tables[2].rows[0].cells[0].text
        and "BÍ THƯ" in doc.tables[2].rows[0].cells[1].text
    )
    # the report follows the rules in force today for the bloc's standing committee
    assert docx_format_findings(docx.content) == ("05-HD/VPTW", [])
    sheet_xlsx = client_as("coso1").get(f"/hoc-tap/buoi/{session1.pk}/bang-ky-ten.xlsx")
    names = [
        r[1]
        for r in load_workbook(io.BytesIO(sheet_xlsx.content))
        .worksheets[0]
        .iter_rows(min_row=2, values_only=True)
    ]
    assert "Nguyễn Văn An" in names and "Bùi Văn Khoa" not in names


def test_member_list_exemption_by_category(study_round: Any, members: Any, client_as: Any) -> None:
    client = client_as("coso1")
    page = client.get(f"/hoc-tap/{study_round.pk}/danh-sach/").content.decode()
    assert "Nguyễn Văn An" in page and "Bùi Văn Khoa" not in page
    entry = study_round.eligibilities.get(person=members["base1"][1])
    client.post(
        f"/hoc-tap/{study_round.pk}/danh-sach/",
        {f"ex_{entry.pk}": ExemptionCategory.MISSION_ABROAD},
    )
    entry.refresh_from_db()
    assert entry.exemption == ExemptionCategory.MISSION_ABROAD
    assert rates.rate_for_unit(study_round, members["base1"][0].unit)["exempted"] == 1
    newcomer = Person.objects.create(
        unit=members["cell1"][0].unit, full_name="Người Mới Chuyển Đến"
    )
    Person.objects.create(unit=members["base2"][0].unit, full_name="Người Mới Ở Cơ Sở Khác")
    client.post(f"/hoc-tap/{study_round.pk}/danh-sach/bo-sung/", {"refresh": "1"})
    assert study_round.eligibilities.filter(person=newcomer).exists()
    assert not study_round.eligibilities.filter(person__full_name="Người Mới Ở Cơ Sở Khác").exists()
    other = study_round.eligibilities.get(person=members["base2"][0])
    assert (
        client.post(
            f"/hoc-tap/{study_round.pk}/danh-sach/", {f"ex_{other.pk}": "illness"}
        ).status_code
        == 403
    )


def _test_with_questions(study_round: Any) -> StudyTest:
    test = StudyTest.objects.create(
        round=study_round, title="Kiểm tra", time_limit_minutes=10, pass_score=Decimal(60)
    )
    q1 = Question.objects.create(
        round=study_round, kind=QuestionKind.SINGLE, text="Đại hội XIII họp năm nào?", order=1
    )
    Choice.objects.create(question=q1, text="2021", is_correct=True)
    Choice.objects.create(question=q1, text="2016")
    q2 = Question.objects.create(
        round=study_round, kind=QuestionKind.MULTIPLE, text="Chọn các đột phá chiến lược", order=2
    )
    Choice.objects.create(question=q2, text="Thể chế", is_correct=True)
    Choice.objects.create(question=q2, text="Nhân lực", is_correct=True)
    Choice.objects.create(question=q2, text="Du lịch")
    q3 = Question.objects.create(
        round=study_round, kind=QuestionKind.TRUE_FALSE, text="Nghị quyết có 12 định hướng", order=3
    )
    Choice.objects.create(question=q3, text="Đúng", is_correct=True)
    Choice.objects.create(question=q3, text="Sai")
    Question.objects.create(
        round=study_round,
        kind=QuestionKind.SHORT,
        text="Chủ đề nhấn mạnh gì?",
        order=4,
        accepted_answers="Đoàn kết\nkhối đại đoàn kết",
    )
    return test


def test_online_test_scoring_stats_and_paper(
    study_round: Any, members: Any, tree: Any, client_as: Any
) -> None:
    test = _test_with_questions(study_round)
    q1, q2, q3, q4 = list(study_round.questions.all())
    right = {c.text: c.pk for c in Choice.objects.all()}
    a = quizzes.start_attempt(test, members["base1"][0], seed=1)
    assert sorted(a.question_order) == [q1.pk, q2.pk, q3.pk, q4.pk]
    quizzes.submit_attempt(
        a,
        {
            q1.pk: [right["2021"]],
            q2.pk: [right["Thể chế"], right["Nhân lực"]],
            q3.pk: [right["Đúng"]],
            q4.pk: "doan ket",
        },
    )
    assert a.score == Decimal(100) and a.passed
    b = quizzes.start_attempt(test, members["base1"][1])
    quizzes.submit_attempt(
        b, {q1.pk: [right["2016"]], q2.pk: [right["Thể chế"]], q3.pk: [right["Đúng"]], q4.pk: "x"}
    )
    assert b.score == Decimal(25) and not b.passed
    c = quizzes.start_attempt(test, members["cell1"][0])
    late = c.started_at + timedelta(minutes=12)
    quizzes.submit_attempt(c, {q1.pk: [right["2021"]]}, now=late)  # past the limit: nothing counts
    assert c.score == Decimal(0)
    quizzes.enter_paper_score(test, members["base2"][0], Decimal(80))
    with pytest.raises(StudyError, match="trực tuyến"):
        quizzes.enter_paper_score(test, members["base1"][0], Decimal(10))  # took it online
    with pytest.raises(StudyError):
        quizzes.enter_paper_score(test, members["base2"][1], Decimal(120))
    rows = {r.unit.pk: r for r in quizzes.test_results(test, tree.bloc)}
    assert (rows[tree.base1.pk].takers, rows[tree.base1.pk].passed) == (3, 1)
    assert (
        rows[tree.base2.pk].takers,
        rows[tree.base2.pk].passed,
        rows[tree.base2.pk].average,
    ) == (1, 1, Decimal(80))
    stats = quizzes.question_stats(test)
    # q1, q2 and q4 were missed by b and the late c; q3 only by c: it comes last.
    assert [s.wrong for s in stats] == [2, 2, 2, 1] and stats[-1].question == q3
    page = client_as("khoi").get(f"/hoc-tap/{study_round.pk}/kiem-tra/").content.decode()
    assert "Câu hỏi sai nhiều nhất" in page and "Chọn các đột phá chiến lược" in page
    # Paper scores entered by base2's officer; a bad value is reported and kept.
    client = client_as("coso2")
    entry = study_round.eligibilities.get(person=members["base2"][1])
    bad = client.post(
        f"/hoc-tap/{study_round.pk}/kiem-tra/nhap-diem/", {f"s_{entry.pk}": "abc"}
    ).content.decode()
    assert "Điểm không hợp lệ" in bad and 'value="abc"' in bad
    client.post(f"/hoc-tap/{study_round.pk}/kiem-tra/nhap-diem/", {f"s_{entry.pk}": "55,5"})
    assert TestAttempt.objects.get(person=members["base2"][1]).score == Decimal("55.5")


def test_member_takes_test_in_pages(study_round: Any, members: Any) -> None:
    test = _test_with_questions(study_round)
    client = logged_in_client(_member(members["cell1"][0], "dv-cell1"))
    url = f"/hoc-tap/{study_round.pk}/kiem-tra/lam-bai/"
    assert "Bắt đầu làm bài" in client.get(url).content.decode()
    client.post(f"/hoc-tap/{study_round.pk}/kiem-tra/bat-dau/", {"start": "1"})
    page = client.get(url).content.decode()
    assert "Nộp bài" in page and "Đại hội XIII họp năm nào?" in page
    q1 = Question.objects.get(order=1)
    client.post(url, {f"q{q1.pk}": [Choice.objects.get(text="2021").pk]})
    result = client.get(url).content.decode()
    attempt = TestAttempt.objects.get(test=test)
    assert attempt.score == Decimal(25) and "25 %" in result and "Chưa đạt" in result


def test_essay_privacy_and_grading(
    study_round: Any,
    members: Any,
    tree: Any,
    users: Any,
    client_as: Any,
    settings: Any,
    tmp_path: Any,
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    author = _member(members["base1"][0], "tacgia")
    essay = essays.submit_essay(
        study_round,
        members["base1"][0],
        "Kế hoạch hành động của bản thân: …",
        SimpleUploadedFile("bai-thu-hoach.pdf", b"%PDF-1.4 rieng tu"),
    )
    criterion = RubricCriterion.objects.create(round=study_round, name="Hiểu nội dung")
    top = RubricLevel.objects.create(criterion=criterion, label="Tốt", points=4)
    RubricLevel.objects.create(criterion=criterion, label="Chưa đạt", points=0)
    plan = RubricCriterion.objects.create(round=study_round, name="Kế hoạch hành động")
    mid = RubricLevel.objects.create(criterion=plan, label="Khá", points=2)
    RubricLevel.objects.create(criterion=plan, label="Tốt", points=4)
    grader = make_user("nguoicham", tree.base1, "viewer")
    colleague = _member(members["base1"][1], "dongnghiep")
    essays.assign_graders(essay, [grader])
    # Who may read the text: author, assigned grader, officers of the essay's unit — no one else.
    assert essays.can_read_essay(author, essay)
    assert essays.can_read_essay(grader, essay)
    assert essays.can_read_essay(users["coso1"], essay)
    assert not essays.can_read_essay(colleague, essay)
    assert not essays.can_read_essay(users["viewer1"], essay)  # same unit, not an officer
    assert not essays.can_read_essay(users["khoi"], essay)  # superior unit: grades only
    assert not essays.can_read_essay(users["coso2"], essay)
    from tuyengiao.study.models import Essay as EssayModel

    for user in (colleague, users["viewer1"], users["khoi"]):
        assert not essays.readable_essays(user, EssayModel.objects.all()).exists()
        assert logged_in_client(user).get(f"/hoc-tap/thu-hoach/{essay.pk}/").status_code in (
            403,
            404,
        )
        assert logged_in_client(user).get(f"/hoc-tap/thu-hoach/{essay.pk}/tep/").status_code in (
            403,
            404,
        )
    download = logged_in_client(grader).get(f"/hoc-tap/thu-hoach/{essay.pk}/tep/")
    assert download.status_code == 200 and b"rieng tu" in b"".join(download.streaming_content)  # type: ignore[attr-defined]
    assert (
        "Kế hoạch hành động của bản thân"
        in logged_in_client(author).get(f"/hoc-tap/thu-hoach/{essay.pk}/").content.decode()
    )
    assert (
        "Kế hoạch hành động của bản thân"
        not in client_as("khoi").get(f"/hoc-tap/{study_round.pk}/thu-hoach/").content.decode()
    )
    # Grading: one level per criterion; the colleague cannot grade.
    with pytest.raises(StudyError):
        essays.grade_essay(essay, colleague, [top.pk, mid.pk], "")
    with pytest.raises(StudyError, match="mỗi tiêu chí"):
        essays.grade_essay(essay, grader, [top.pk], "")
    logged_in_client(grader).post(
        f"/hoc-tap/thu-hoach/{essay.pk}/cham/",
        {
            "grade": "1",
            f"c_{criterion.pk}": top.pk,
            f"c_{plan.pk}": mid.pk,
            "comment": "Cần cụ thể hơn.",
        },
    )
    essay.refresh_from_db()
    assert (essay.points, essay.grade, essay.comment) == (6, EssayGrade.GOOD, "Cần cụ thể hơn.")
    dist = essays.grade_distribution(study_round, tree.bloc)
    assert dist == [
        {
            "unit": tree.base1,
            "submitted": 1,
            "excellent": 0,
            "good": 1,
            "pass": 0,
            "fail": 0,
            "ungraded": 0,
        }
    ]
    assert Essay.objects.count() == 1


def test_dashboard_card_shows_the_current_rate(
    study_round: Any, session1: Any, members: Any, client_as: Any
) -> None:
    attendance.record_attendance(session1, members["base1"][:2])
    html = client_as("coso1").get("/").content.decode()
    assert "Tỷ lệ học tập: Học tập, quán triệt Nghị quyết Đại hội XIII" in html
    assert "28,6 %" in html or "28.6 %" in html  # 2 of base1's 7 members
    assert (
        client_as("sotttt").get("/").status_code == 200
    )  # a unit outside the round: no card, no error


def test_question_bank_edited_by_the_opener(study_round: Any, members: Any, client_as: Any) -> None:
    url = f"/hoc-tap/{study_round.pk}/kiem-tra/"
    khoi = client_as("khoi")
    khoi.post(
        url + "luu/",
        {
            "save_test": "1",
            "title": "Kiểm tra",
            "time_limit_minutes": "10",
            "pass_score": "50",
            "shuffle": "on",
            "is_open": "on",
        },
    )
    bad = khoi.post(
        url + "cau-hoi/them/",
        {"add_question": "1", "kind": "single", "text": "Câu thiếu đáp án", "choices": "A\nB"},
    ).content.decode()
    assert "Hãy đánh dấu * trước phương án đúng" in bad and "Câu thiếu đáp án" in bad
    khoi.post(
        url + "cau-hoi/them/",
        {
            "add_question": "1",
            "kind": "single",
            "text": "Năm họp Đại hội XIII?",
            "choices": "*2021\n2016",
        },
    )
    khoi.post(
        url + "cau-hoi/them/",
        {"add_question": "1", "kind": "true_false", "text": "Tầm nhìn 2045", "accepted": "Đúng"},
    )
    khoi.post(
        url + "cau-hoi/them/",
        {"add_question": "1", "kind": "short", "text": "Bao nhiêu năm?", "accepted": "100"},
    )
    questions = list(study_round.questions.all())
    assert [q.kind for q in questions] == ["single", "true_false", "short"]
    assert [c.is_correct for c in questions[0].choices.all()] == [True, False]
    assert [(c.text, c.is_correct) for c in questions[1].choices.all()] == [
        ("Đúng", True),
        ("Sai", False),
    ]
    # Only the opener's officers edit the bank; a base unit's officer cannot.
    delete_url = f"{url}cau-hoi/{questions[0].pk}/xoa/"
    assert (
        client_as("coso1").post(delete_url, {"delete_question": questions[0].pk}).status_code == 403
    )
    khoi.post(delete_url, {"delete_question": questions[0].pk})
    assert study_round.questions.count() == 2


def test_question_edited_freely_until_answered_then_only_reworded(
    study_round: Any, members: Any, client_as: Any
) -> None:
    from tuyengiao.study.models import StudyTest

    test = StudyTest.objects.create(round=study_round, title="Kiểm tra", time_limit_minutes=10)
    question = quizzes.save_question(
        study_round,
        {"kind": "single", "text": "Năm họp Đại hôi XIII?", "choice_lines": ["*2021", "2016"]},
    )
    url = f"/hoc-tap/{study_round.pk}/kiem-tra/cau-hoi/{question.pk}/"
    khoi = client_as("khoi")
    page = khoi.get(url).content.decode()
    assert "Đại hôi XIII" in page and "*2021" in page  # the form holds the question as written
    # Nobody has answered: anything may change, even the answer key and the number of choices.
    response = khoi.post(
        url, {"kind": "single", "text": "Năm họp Đại hội XIII?", "choices": "2016\n*2021\n2011"}
    )
    assert response.status_code == 302
    assert [(c.text, c.is_correct) for c in question.choices.all()] == [
        ("2016", False),
        ("2021", True),
        ("2011", False),
    ]
    # Someone answers it.
    person = members["base1"][0]
    attempt = quizzes.start_attempt(test, person)
    right = question.choices.get(is_correct=True)
    quizzes.submit_attempt(attempt, {question.pk: [right.pk]})
    ids = list(question.choices.values_list("id", flat=True))
    # Rewording keeps the choices (the answers point at them) and the score.
    response = khoi.post(
        url,
        {"kind": "single", "text": "Đại hội XIII họp năm nào?", "choices": "2016\n*Năm 2021\n2011"},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.text == "Đại hội XIII họp năm nào?"
    assert list(question.choices.values_list("id", flat=True)) == ids
    assert question.choices.get(is_correct=True).text == "Năm 2021"
    # Changing the answer key is refused with the reason, and the officer's input is kept.
    refused = khoi.post(
        url,
        {"kind": "single", "text": "Đại hội XIII họp năm nào?", "choices": "*2016\nNăm 2021\n2011"},
    )
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "không đổi được loại câu hỏi" in html and "*2016" in html
    assert question.choices.get(is_correct=True).text == "Năm 2021"
    attempt.refresh_from_db()
    assert attempt.answers.get().correct
    # Only the opener's officers may edit.
    assert client_as("coso1").get(url).status_code in (403, 404)
