"""Briefings: the invitation list is the subtree's speakers; attendance counts through the study
app's check-in rules (one count per person, a code only in its own session's window); talks are
recorded by listed speakers only and spread down the tree."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tuyengiao.accounts.models import Role, User
from tuyengiao.orgs.models import Person
from tuyengiao.speakers.services import SpeakersError
from tuyengiao.speakers.services.briefings import record_talk, refresh_list, spread
from tuyengiao.speakers.testing import make_briefing, make_speaker
from tuyengiao.study.models import Attendance, StudySession
from tuyengiao.study.services import StudyError
from tuyengiao.study.services.attendance import check_in_with_code
from tuyengiao.testing import Tree, make_user

pytestmark = pytest.mark.django_db


def _account(person: Person) -> User:
    user = make_user(f"m{person.pk}", person.unit, Role.MEMBER)
    user.person = person
    user.save()
    return user


def test_briefing_attendance_follows_study_checkin_rules(tree: Tree) -> None:
    a = make_speaker(tree.cell1, "Báo cáo viên A", roster_unit=tree.base1)
    b = make_speaker(tree.cell2, "Báo cáo viên B", roster_unit=tree.base2)
    briefing = make_briefing(tree.bloc, held_on=date.today())
    now = timezone.now()
    first = StudySession.objects.create(
        round=briefing.study_round, unit=tree.bloc, starts_at=now, ends_at=now + timedelta(hours=3)
    )
    later = StudySession.objects.create(
        round=briefing.study_round,
        unit=tree.bloc,
        starts_at=now + timedelta(days=2),
        ends_at=now + timedelta(days=2, hours=3),
    )
    user_a, user_b = _account(a.person), _account(b.person)
    # A code works only for its own session, and only in its window.
    with pytest.raises(StudyError, match="không đúng"):
        check_in_with_code(first, user_a, later.checkin_code, now=now)
    with pytest.raises(StudyError, match="Chưa đến giờ"):
        check_in_with_code(later, user_a, later.checkin_code, now=now)
    with pytest.raises(StudyError, match="hết thời gian"):
        check_in_with_code(first, user_a, first.checkin_code, now=now + timedelta(hours=4))
    # One count per person, however many check-ins or sessions.
    assert check_in_with_code(first, user_a, first.checkin_code, now=now) == "Đã điểm danh."
    assert "mỗi người chỉ tính một lần" in check_in_with_code(
        first, user_a, first.checkin_code, now=now
    )
    assert "mỗi người chỉ tính một lần" in check_in_with_code(
        later,
        user_a,
        later.checkin_code,
        now=later.starts_at,
    )
    check_in_with_code(first, user_b, first.checkin_code, now=now)
    assert Attendance.objects.filter(round=briefing.study_round).count() == 2
    # Someone not invited (no speaker appointment) cannot check in.
    plain = Person.objects.create(unit=tree.cell1, full_name="Đảng viên thường")
    with pytest.raises(StudyError, match="không có trong danh sách"):
        check_in_with_code(first, _account(plain), first.checkin_code, now=now)


def test_talks_and_their_spread(tree: Tree) -> None:
    a = make_speaker(tree.cell1, "Báo cáo viên A", roster_unit=tree.base1)
    b = make_speaker(tree.base2, "Báo cáo viên B")
    briefing = make_briefing(tree.bloc, held_on=date(2026, 11, 5))
    today = date(2026, 11, 20)
    record_talk(
        briefing,
        a.person,
        given_on=date(2026, 11, 10),
        audience="Chi bộ thôn Đông",
        listeners=40,
        topic="Nghị quyết",
        today=today,
    )
    record_talk(
        briefing,
        a.person,
        given_on=date(2026, 11, 12),
        audience="Hội Phụ nữ",
        listeners=25,
        topic="Nghị quyết",
        today=today,
    )
    record_talk(
        briefing,
        b.person,
        given_on=date(2026, 11, 6),
        audience="Đoàn viên",
        listeners=60,
        topic="Tình hình",
        today=today,
    )
    with pytest.raises(SpeakersError, match="từ ngày hội nghị"):
        record_talk(
            briefing,
            a.person,
            given_on=date(2026, 11, 1),
            audience="x",
            listeners=5,
            topic="x",
            today=today,
        )
    with pytest.raises(SpeakersError, match="tương lai"):
        record_talk(
            briefing,
            a.person,
            given_on=date(2026, 11, 21),
            audience="x",
            listeners=5,
            topic="x",
            today=today,
        )
    late = make_speaker(tree.cell2, "Mới công nhận", roster_unit=tree.base2)
    with pytest.raises(SpeakersError, match="không có trong danh sách"):
        record_talk(
            briefing, late.person, given_on=today, audience="x", listeners=5, topic="x", today=today
        )
    assert refresh_list(briefing) == 1
    rows = {r.unit.name: r for r in spread(briefing, tree.bloc)}
    assert (rows[tree.base1.name].talks, rows[tree.base1.name].listeners) == (2, 65)
    assert (
        rows[tree.base2.name].talks,
        rows[tree.base2.name].listeners,
        rows[tree.base2.name].listed,
    ) == (1, 60, 2)
    down = {r.unit.name: r for r in spread(briefing, tree.base1)}
    assert down[tree.cell1.name].listeners == 65


def test_a_talk_is_an_activity_of_the_register(tree: Tree) -> None:
    """Talks given after a briefing are counted by the activity register (and so by the report
    indicators bound to it) without being typed twice."""
    from tuyengiao.activities.kinds import TALK
    from tuyengiao.activities.services.rollups import totals

    a = make_speaker(tree.cell1, "Báo cáo viên A", roster_unit=tree.base1)
    b = make_speaker(tree.base2, "Báo cáo viên B")
    briefing = make_briefing(tree.bloc, held_on=date(2026, 11, 5))
    for person, day, listeners in [(a.person, 10, 40), (a.person, 12, 25), (b.person, 6, 60)]:
        talk = record_talk(
            briefing,
            person,
            given_on=date(2026, 11, day),
            audience="Chi bộ",
            listeners=listeners,
            topic="Nghị quyết",
            today=date(2026, 11, 20),
        )
        assert talk.activity is not None
        assert talk.activity.kind.name == TALK
        assert talk.activity.unit_id == person.unit_id
        assert list(talk.activity.people.all()) == [person]
    whole = totals(tree.bloc, date(2026, 11, 1), date(2026, 11, 30))
    assert (whole.count, whole.reached) == (3, 125)
    mine = totals(tree.cell1, date(2026, 11, 1), date(2026, 11, 30))
    assert (mine.count, mine.reached) == (2, 65)
