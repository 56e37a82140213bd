"""A member with data in every app: profile and roles, a transfer, a member account, a study
round with attendance, a test with answers, an essay with a file, a sign-in sheet import job, a
data request, and audit entries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from tuyengiao.accounts.models import Role, User
from tuyengiao.core.models import Job, JobState
from tuyengiao.orgs.models import CommRole, Person
from tuyengiao.orgs.services import transfer_person
from tuyengiao.privacy.register import record_request
from tuyengiao.study.models import Choice, Essay, Question, QuestionKind, StudySession, StudyTest
from tuyengiao.study.services import attendance, essays, quizzes, rounds
from tuyengiao.testing import make_user


@dataclass
class Member:
    person: Person
    user: User
    other: Person
    essay: Essay
    job: Job


@pytest.fixture
def member(tree: Any, users: dict[str, User], settings: Any, tmp_path: Any) -> Member:
    settings.MEDIA_ROOT = tmp_path
    role, _ = CommRole.objects.get_or_create(code="tuyen-truyen-vien", defaults={"name": "TTV"})
    person = Person.objects.create(
        unit=tree.base1,
        full_name="Nguyễn Thị Riêng",
        birth_year=1985,
        email="rieng@example.vn",
        phone="0912345678",
        party_admission_date=date(2010, 5, 19),
    )
    person.roles.add(role)
    transfer_person(person, tree.cell1, date.today() - timedelta(days=100), by=users["coso1"])
    person.refresh_from_db()
    other = Person.objects.create(
        unit=tree.cell1, full_name="Trần Văn Khác", email="khac@example.vn"
    )
    user = make_user("dangvien-rieng", person.unit, Role.MEMBER, email="rieng@example.vn")
    user.person = person
    user.save()
    study_round = rounds.open_round(
        unit=tree.bloc,
        title="Học tập Nghị quyết",
        document_title="Nghị quyết",
        starts_on=date.today() - timedelta(days=1),
        ends_on=date.today() + timedelta(days=30),
        covered_units=[tree.base1],
    )
    now = timezone.now()
    session = StudySession.objects.create(
        round=study_round, unit=tree.base1, starts_at=now, ends_at=now + timedelta(hours=2)
    )
    attendance.record_attendance(session, [person, other])
    test = StudyTest.objects.create(round=study_round, title="Kiểm tra", pass_score=Decimal(50))
    q = Question.objects.create(round=study_round, kind=QuestionKind.SINGLE, text="Câu 1", order=1)
    right = Choice.objects.create(question=q, text="Đúng là", is_correct=True, order=1)
    Choice.objects.create(question=q, text="Sai là", order=2)
    for who in (person, other):
        attempt = quizzes.start_attempt(test, who, seed=who.pk)
        quizzes.submit_attempt(attempt, {q.pk: [right.pk]})
    essay = essays.submit_essay(
        study_round, person, "Bài thu hoạch riêng tư", ContentFile(b"%PDF-1.4 bai", name="bai.pdf")
    )
    essays.submit_essay(study_round, other, "Bài của người khác")
    job = Job.objects.create(
        kind="study.signin",
        unit=tree.base1,
        started_by=user,
        filename="bang-ky-ten.csv",
        state=JobState.DONE,
    )
    job.file.save("bang-ky-ten.csv", ContentFile("Họ và tên\nNguyễn Thị Riêng\n".encode()))
    record_request(person, "access", "Xin bản sao dữ liệu", by=user)
    return Member(person=person, user=user, other=other, essay=essay, job=job)
