"""The pages: an officer keeps the roster (appoint, term change with its dry run, import,
export, roll-up), runs a course, a briefing and a contest; a speaker's own account records a
talk; a juror sees only their own scores until the round closes; a sibling branch is refused."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tuyengiao.accounts.models import Role, User
from tuyengiao.core.spreadsheets import workbook_bytes
from tuyengiao.orgs.models import CommRole, Person
from tuyengiao.speakers.models import (
    Appointment,
    Briefing,
    Contest,
    Course,
    Criterion,
    Enrolment,
    Entry,
    Juror,
    Score,
    Talk,
)
from tuyengiao.speakers.testing import make_briefing, make_contest, make_course, make_speaker
from tuyengiao.study.models import Attendance, StudySession
from tuyengiao.testing import Tree, logged_in_client, make_user

pytestmark = pytest.mark.django_db
ClientAs = Callable[[str], Client]


def _member(person: Person) -> tuple[User, Client]:
    user = make_user(f"dv{person.pk}", person.unit, Role.MEMBER)
    user.person = person
    user.save()
    return user, logged_in_client(user)


def _xlsx_rows(content: bytes) -> list[tuple[object, ...]]:
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    return [tuple(r) for r in sheet.iter_rows(values_only=True)]


def test_roster_pages(tree: Tree, users: dict[str, User], client_as: ClientAs) -> None:
    khoi = client_as("khoi")
    role = CommRole.objects.get(code="bao-cao-vien")
    person = Person.objects.create(unit=tree.cell1, full_name="Đỗ Minh Châu", phone="0912")
    r = khoi.post(
        reverse("speakers:appointment_create"),
        {
            "person": person.pk,
            "role": role.pk,
            "decision_number": "7-QĐ/ĐUK",
            "term_start": "01/01/2025",
            "term_end": "31/12/2025",
        },
    )
    assert r.status_code == 302
    a = Appointment.objects.get(person=person)
    assert a.unit == tree.bloc and a.decision_number == "7-QĐ/ĐUK"
    page = khoi.get(reverse("speakers:roster")).content.decode()
    assert "Đỗ Minh Châu" in page and "01/01/2025" in page
    rows = _xlsx_rows(khoi.get(reverse("speakers:roster") + "?export=xlsx").content)
    assert rows[0][0] == "Họ và tên" and rows[1][0] == "Đỗ Minh Châu"
    # An out-of-scope unit filter is answered, not ignored.
    r = khoi.get(reverse("speakers:roster"), {"unit": tree.department.pk})
    assert "không thuộc phạm vi" in r.content.decode() and "Đỗ Minh Châu" not in r.content.decode()

    # The term change: GET with data is the dry run (nothing written); POST does it.
    params: dict[str, str | list[int]] = {
        "term_start": "01/01/2026",
        "decision_number": "50-QĐ/ĐUK",
        "keep": [a.pk],
    }
    r = khoi.get(reverse("speakers:term_change"), params)
    assert (
        "Xem trước" in r.content.decode()
        and "Công nhận lại <strong>1</strong>" in r.content.decode()
    )
    assert Appointment.objects.count() == 1
    r = khoi.post(reverse("speakers:term_change"), params)
    assert r.status_code == 302
    assert Appointment.objects.filter(person=person).count() == 2
    history = khoi.get(
        reverse("speakers:person_history", kwargs={"person_pk": person.pk})
    ).content.decode()
    assert "7-QĐ/ĐUK" in history and "50-QĐ/ĐUK" in history

    r = khoi.get(reverse("speakers:rollup"))
    assert r.status_code == 200 and "<svg" in r.content.decode()
    assert khoi.get(reverse("speakers:rollup") + "?export=xlsx").status_code == 200

    # Import through the page; a bad file loses nothing and says why.
    Person.objects.create(unit=tree.base1, full_name="Vũ Thị Dung")
    sheet = workbook_bytes(
        [
            (
                "DS",
                ["Họ và tên", "Vai trò", "Nhiệm kỳ từ"],
                [
                    ["Vũ Thị Dung", "Tuyên truyền viên", "01/02/2026"],
                    ["Ai Đó", "Báo cáo viên", "01/02/2026"],
                ],
            )
        ]
    )
    f = io.BytesIO(sheet)
    f.name = "ds.xlsx"
    r = khoi.post(reverse("speakers:roster_import"), {"file": f})
    assert "Dòng 3" in r.content.decode() or "Ai Đó" in r.content.decode()
    assert not Appointment.objects.filter(person__full_name="Vũ Thị Dung").exists()

    # Ending a term from a sibling branch is refused.
    r = client_as("coso2").post(
        reverse("speakers:appointment_end", kwargs={"appointment_pk": a.pk}),
        {"ended_on": "01/03/2026", "reason": "withdrawn"},
    )
    assert r.status_code in (403, 404)


def test_course_pages(tree: Tree, users: dict[str, User], client_as: ClientAs) -> None:
    khoi = client_as("khoi")
    speaker = make_speaker(tree.cell1, "Hồ Văn Em", roster_unit=tree.base1)
    r = khoi.post(
        reverse("speakers:course_create"),
        {
            "title": "Kỹ năng nói trước công chúng",
            "starts_on": "01/12/2026",
            "ends_on": "03/12/2026",
            "hours": "16",
            "format": "in_person",
        },
    )
    course = Course.objects.get()
    assert r.status_code == 302 and course.study_round.title.startswith("Lớp bồi dưỡng")
    r = khoi.post(
        reverse("speakers:course_enrol", kwargs={"course_pk": course.pk}),
        {"people": [speaker.person_id]},
    )
    assert Enrolment.objects.filter(course=course).count() == 1
    now = timezone.now()
    session = StudySession.objects.create(
        round=course.study_round, unit=tree.bloc, starts_at=now, ends_at=now + timedelta(hours=3)
    )
    _, member = _member(speaker.person)
    r = member.post(
        reverse("study:session_checkin", kwargs={"session_pk": session.pk}),
        {"code": session.checkin_code},
    )
    assert Attendance.objects.filter(round=course.study_round, person=speaker.person).exists()
    khoi.post(reverse("speakers:course_review", kwargs={"course_pk": course.pk}))
    e = Enrolment.objects.get()
    assert e.completed and e.hours == Decimal("16")
    r = khoi.get(
        reverse(
            "speakers:course_certificate",
            kwargs={"course_pk": course.pk, "person_pk": speaker.person_id},
        )
    )
    assert r.status_code == 200 and r.content[:2] == b"PK"
    from docx import Document as Docx

    text = "\n".join(p.text for p in Docx(io.BytesIO(r.content)).paragraphs)
    assert "Hồ Văn Em" in text and "16 giờ" in text and e.certificate_number in text

    khoi.post(reverse("speakers:requirement_set"), {"hours_per_year": "20"})
    page = khoi.get(
        reverse("speakers:training_hours"), {"year": str(course.ends_on.year), "below": "on"}
    ).content.decode()
    assert "Hồ Văn Em" in page and "Chưa đủ" in page
    # A unit below sees the bloc's course, but not the people of a sibling branch.
    url = reverse("speakers:course_detail", kwargs={"course_pk": course.pk})
    r = client_as("coso2").get(url)
    assert r.status_code == 200 and "Hồ Văn Em" not in r.content.decode()
    assert len(_xlsx_rows(client_as("coso2").get(url + "?export=xlsx").content)) == 1
    assert "Hồ Văn Em" in client_as("coso1").get(url).content.decode()


def test_briefing_pages_and_talk(tree: Tree, users: dict[str, User], client_as: ClientAs) -> None:
    khoi = client_as("khoi")
    speaker = make_speaker(tree.cell1, "Phan Thị Giang", roster_unit=tree.base1)
    r = khoi.post(
        reverse("speakers:briefing_create"),
        {
            "title": "Hội nghị báo cáo viên tháng 12",
            "held_on": date.today().strftime("%d/%m/%Y"),
            "outline": "1. Tình hình thời sự",
        },
    )
    briefing = Briefing.objects.get()
    assert r.status_code == 302
    _, member = _member(speaker.person)
    page = member.get(reverse("speakers:my_briefings")).content.decode()
    assert "Hội nghị báo cáo viên tháng 12" in page and "Tình hình thời sự" in page
    r = member.post(
        reverse("speakers:talk_add", kwargs={"briefing_pk": briefing.pk}),
        {
            "given_on": date.today().strftime("%d/%m/%Y"),
            "audience": "Chi bộ thôn Bắc",
            "listeners": "35",
            "topic": "Thời sự tháng 12",
        },
    )
    assert r.status_code == 302
    talk = Talk.objects.get()
    assert (talk.person, talk.listeners, talk.unit) == (speaker.person, 35, tree.cell1)
    page = khoi.get(
        reverse("speakers:briefing_detail", kwargs={"briefing_pk": briefing.pk})
    ).content.decode()
    assert "Chi bộ thôn Bắc" in page and "Phan Thị Giang" in page and "<svg" in page
    # A member not invited cannot record a talk for the briefing.
    other = Person.objects.create(unit=tree.cell2, full_name="Người khác")
    _, stranger = _member(other)
    assert (
        stranger.get(reverse("speakers:talk_add", kwargs={"briefing_pk": briefing.pk})).status_code
        == 404
    )


def test_juror_sees_only_own_scores_until_close(
    tree: Tree, users: dict[str, User], client_as: ClientAs
) -> None:
    khoi = client_as("khoi")
    r = khoi.post(
        reverse("speakers:contest_create"),
        {
            "title": "Hội thi báo cáo viên giỏi 2026",
            "kind": "speaker",
            "year": "2026",
            "spread_limit": "5",
            "rubric": "Nội dung | 2 | Tốt:10, Khá:7\nTrình bày | 1 | Tốt:10, Đạt:5",
        },
    )
    contest = Contest.objects.get()
    assert r.status_code == 302 and contest.criteria.count() == 2
    j1 = make_speaker(tree.base1, "Giám khảo Một", roster_unit=tree.bloc)
    j2 = make_speaker(tree.base2, "Giám khảo Hai", roster_unit=tree.bloc)
    for j in (j1, j2):
        khoi.post(
            reverse("speakers:juror_add", kwargs={"contest_pk": contest.pk}),
            {"person": j.person_id},
        )
    assert Juror.objects.count() == 2
    contest_round = contest.rounds.get()
    khoi.post(
        reverse("speakers:entry_add", kwargs={"contest_round_pk": contest_round.pk}),
        {"entrant_unit": tree.cell1.pk, "kind": "article", "title": "Bài viết dự thi"},
    )
    entry = Entry.objects.get()
    content, presentation = Criterion.objects.filter(contest=contest).order_by("order")
    levels = {
        (lv.criterion_id, int(lv.points)): lv.pk
        for c in (content, presentation)
        for lv in c.levels.all()
    }
    _, c1 = _member(j1.person)
    _, c2 = _member(j2.person)
    c1.post(
        reverse("speakers:score_entry", kwargs={"entry_pk": entry.pk}),
        {
            f"c{content.pk}": levels[(content.pk, 10)],
            f"c{presentation.pk}": levels[(presentation.pk, 10)],
        },
    )
    c2.post(
        reverse("speakers:score_entry", kwargs={"entry_pk": entry.pk}),
        {
            f"c{content.pk}": levels[(content.pk, 7)],
            f"c{presentation.pk}": levels[(presentation.pk, 5)],
        },
    )
    assert Score.objects.count() == 4
    # Juror 2's form shows juror 2's own choice, never juror 1's; the organiser sees progress only.
    form = c2.get(reverse("speakers:score_entry", kwargs={"entry_pk": entry.pk})).content.decode()
    checked = set(re.findall(r'name="c(\d+)" value="(\d+)"[^>]*checked', form))
    assert checked == {
        (str(content.pk), str(levels[(content.pk, 7)])),
        (str(presentation.pk), str(levels[(presentation.pk, 5)])),
    }
    assert "Giám khảo Một" not in form
    page = khoi.get(
        reverse("speakers:contest_round", kwargs={"contest_round_pk": contest_round.pk})
    ).content.decode()
    assert "đã chấm 1 / 1" in page and "Kết quả" not in page
    khoi.post(reverse("speakers:round_close", kwargs={"contest_round_pk": contest_round.pk}))
    page = khoi.get(
        reverse("speakers:contest_round", kwargs={"contest_round_pk": contest_round.pk})
    ).content.decode()
    # 30 and 19 → mean 24,50; 11 apart with a limit of 5: both flagged.
    assert "24,5" in page and page.count(">lệch<") == 2
    r = khoi.get(reverse("speakers:entry_certificate", kwargs={"entry_pk": entry.pk}))
    assert r.status_code == 200 and r.content[:2] == b"PK"
    # After closing, a juror cannot change a score.
    r = c1.post(
        reverse("speakers:score_entry", kwargs={"entry_pk": entry.pk}),
        {
            f"c{content.pk}": levels[(content.pk, 7)],
            f"c{presentation.pk}": levels[(presentation.pk, 5)],
        },
    )
    assert "khóa điểm" in r.content.decode()


def test_factories_make_pages_that_open(
    tree: Tree, users: dict[str, User], client_as: ClientAs
) -> None:
    khoi = client_as("khoi")
    course = make_course(tree.bloc)
    briefing = make_briefing(tree.bloc)
    contest = make_contest(tree.bloc)
    for name, kwargs in [
        ("speakers:course_detail", {"course_pk": course.pk}),
        ("speakers:briefing_detail", {"briefing_pk": briefing.pk}),
        ("speakers:contest_detail", {"contest_pk": contest.pk}),
        ("speakers:contest_round", {"contest_round_pk": contest.rounds.get().pk}),
        ("speakers:course_list", {}),
        ("speakers:briefing_list", {}),
        ("speakers:contest_list", {}),
        ("speakers:training_hours", {}),
        ("speakers:appointment_create", {}),
        ("speakers:term_change", {}),
        ("speakers:roster_import", {}),
        ("speakers:course_create", {}),
        ("speakers:briefing_create", {}),
        ("speakers:contest_create", {}),
        ("speakers:roster_template", {}),
    ]:
        assert khoi.get(reverse(name, kwargs=kwargs)).status_code == 200, name


def test_the_member_menu_shows_speakers_items_only_to_speakers_and_jurors(tree: Tree) -> None:
    from tuyengiao.accounts.models import Role
    from tuyengiao.core.nav import nav_items_for
    from tuyengiao.orgs.models import Person
    from tuyengiao.testing import make_user

    def menu(person: Person, username: str) -> list[str]:
        user = make_user(username, person.unit, Role.MEMBER)
        user.person = person
        user.save()
        return [item.url_name for item in nav_items_for(user)]

    plain = Person.objects.create(unit=tree.cell1, full_name="Đảng viên thường")
    assert "speakers:my_briefings" not in menu(plain, "dv-thuong")
    speaker = make_speaker(tree.cell1, "Báo cáo viên A", roster_unit=tree.base1)
    items = menu(speaker.person, "dv-bcv")
    assert "speakers:my_briefings" in items and "speakers:my_scoring" not in items
    assert "surveys:my_surveys" in items  # the other apps' member items stay
