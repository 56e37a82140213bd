"""Training: a course's attendance is its study round's (check-in with the session's code),
completion is reviewed from it, hours are weighed against the nearest requirement, and a speaker
below it is listed."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from tuyengiao.accounts.models import Role, User
from tuyengiao.orgs.models import Person
from tuyengiao.speakers.models import Enrolment
from tuyengiao.speakers.services import SpeakersError
from tuyengiao.speakers.services.training import (
    below_requirement,
    enrol,
    hours_per_person,
    requirement_for,
    review_completion,
    set_requirement,
)
from tuyengiao.speakers.testing import make_course, make_speaker
from tuyengiao.study.models import Eligibility, StudySession
from tuyengiao.study.services.attendance import check_in_with_code
from tuyengiao.testing import Tree, make_user

pytestmark = pytest.mark.django_db


def _account(person: Person) -> User:
    user = make_user(f"m{person.pk}", person.unit, Role.MEMBER)
    user.person = person
    user.save()
    return user


def test_course_attendance_completion_and_hours(tree: Tree) -> None:
    a = make_speaker(tree.cell1, "Nguyễn Văn An", roster_unit=tree.bloc)
    b = make_speaker(tree.cell2, "Trần Thị Bình", roster_unit=tree.bloc)
    c = make_speaker(tree.base1, "Lê Văn Cường", roster_unit=tree.base1)
    course = make_course(tree.bloc, title="Nghiệp vụ báo cáo viên", hours=Decimal("12"))
    assert enrol(course, [a.person, b.person]) == 2
    assert enrol(course, [a.person]) == 0
    # The enrolled people are the study round's list, nobody else (no snapshot of party members).
    assert set(
        Eligibility.objects.filter(round=course.study_round).values_list("person_id", flat=True)
    ) == {
        a.person_id,
        b.person_id,
    }
    outsider = Person.objects.create(unit=tree.cell1, full_name="Không trong danh sách")
    with pytest.raises(SpeakersError, match="không có trong danh sách lực lượng"):
        enrol(course, [outsider])
    now = timezone.now()
    session = StudySession.objects.create(
        round=course.study_round, unit=tree.bloc, starts_at=now, ends_at=now + timedelta(hours=4)
    )
    assert check_in_with_code(session, _account(a.person), session.checkin_code) == "Đã điểm danh."
    done, missing = review_completion(course, date.today())
    assert (done, missing) == (1, 1)
    ea = Enrolment.objects.get(course=course, person=a.person)
    eb = Enrolment.objects.get(course=course, person=b.person)
    assert ea.completed and ea.hours == Decimal("12") and ea.certificate_number
    assert not eb.completed and eb.hours == 0 and not eb.certificate_number

    year = course.ends_on.year
    set_requirement(tree.bloc, Decimal("10"))
    set_requirement(tree.base1, Decimal("4"))
    assert requirement_for(tree.cell1) == Decimal("4")  # the nearest setting above
    assert requirement_for(tree.bloc) == Decimal("10")
    rows = {r.person.full_name: r for r in hours_per_person(tree.bloc, year)}
    assert rows["Nguyễn Văn An"].hours == Decimal("12") and not rows["Nguyễn Văn An"].below
    assert rows["Trần Thị Bình"].below and rows["Trần Thị Bình"].required == Decimal("10")
    assert rows["Lê Văn Cường"].required == Decimal("4") and rows["Lê Văn Cường"].below
    assert {r.person.pk for r in below_requirement(tree.bloc, year)} == {b.person_id, c.person_id}
    # Another year: nothing completed, everyone below.
    assert len(below_requirement(tree.bloc, year + 1)) == 3
