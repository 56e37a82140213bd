"""Scoping factories for the project-wide URL walk: each creates an object owned by ``unit``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from django.utils import timezone

from tuyengiao.accounts.models import Role
from tuyengiao.core.jobs import import_outcome
from tuyengiao.core.spreadsheets import ImportResult, RowError
from tuyengiao.orgs.models import Person, Unit
from tuyengiao.testing import SECRET_MARK, make_finished_job

from .models import Eligibility, Essay, Question, QuestionKind, StudyRound, StudySession
from .tasks import SIGNIN_IMPORT


def make_round(unit: Unit) -> StudyRound:
    study_round = StudyRound.objects.create(
        unit=unit,
        title=f"Học tập Nghị quyết {SECRET_MARK}",
        document_title=f"Nghị quyết {SECRET_MARK}",
        starts_on=date.today(),
        ends_on=date.today() + timedelta(days=30),
    )
    study_round.covered_units.set([unit])
    return study_round


def _round_pk(unit: Unit) -> int:
    return make_round(unit).pk


def _session_pk(unit: Unit) -> int:
    now = timezone.now()
    return StudySession.objects.create(
        round=make_round(unit),
        unit=unit,
        title=f"Hội nghị {SECRET_MARK}",
        starts_at=now,
        ends_at=now + timedelta(hours=2),
    ).pk


def _essay_pk(unit: Unit) -> int:
    study_round = make_round(unit)
    person = Person.objects.create(unit=unit, full_name=f"Đảng viên {SECRET_MARK}")
    Eligibility.objects.create(round=study_round, person=person, unit=unit)
    return Essay.objects.create(
        round=study_round, person=person, unit=unit, text=f"Bài {SECRET_MARK}"
    ).pk


def _signin_job_pk(unit: Unit) -> int:
    """A finished background sign-in import of an officer of ``unit`` whose bad rows name the mark."""
    return make_finished_job(
        SIGNIN_IMPORT,
        unit,
        Role.UNIT_ADMIN,
        filename=f"{SECRET_MARK}.xlsx",
        options={"session": _session_pk(unit), "valid_only": False},
        result=import_outcome(
            ImportResult(errors=[RowError(2, f"Không có “{SECRET_MARK}”")])
        ).result,
    ).pk


def _question_pk(unit: Unit) -> int:
    return Question.objects.create(
        round=make_round(unit), kind=QuestionKind.SHORT, text=f"Câu hỏi {SECRET_MARK}"
    ).pk


def url_kwarg_factories() -> dict[str, Callable[[Unit], object]]:
    return {
        "round_pk": _round_pk,
        "question_pk": _question_pk,
        "session_pk": _session_pk,
        "essay_pk": _essay_pk,
        "signin_job_pk": _signin_job_pk,
    }


PUBLIC_URL_NAMES: set[str] = set()
