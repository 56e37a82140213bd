"""Scoping factories for the project-wide URL walk: each creates an object owned by ``unit``."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, timedelta

from tuyengiao.orgs.models import Person, Unit
from tuyengiao.testing import SECRET_MARK

from .models import Participation, Question, QuestionKind, Suggestion, Survey, SurveyStatus

_counter = itertools.count(1)


def make_survey(unit: Unit, *, status: str = SurveyStatus.OPEN) -> Survey:
    """An open member survey of ``unit`` asking one member of ``unit`` (a participation row)."""
    survey = Survey.objects.create(
        unit=unit,
        title=f"Khảo sát {SECRET_MARK}",
        purpose=f"Mục đích {SECRET_MARK}",
        year=date.today().year,
        closes_on=date.today() + timedelta(days=30),
        status=status,
    )
    survey.audience_units.set([unit])
    Question.objects.create(
        survey=survey,
        order=1,
        kind=QuestionKind.SINGLE,
        text=f"Câu hỏi {SECRET_MARK}",
        options=["Có", "Không"],
    )
    person = Person.objects.create(unit=unit, full_name=f"Đảng viên khảo sát {next(_counter)}")
    Participation.objects.create(survey=survey, person=person, unit=unit, unit_path=unit.path)
    return survey


def _survey_pk(unit: Unit) -> int:
    return make_survey(unit).pk


def _question_pk(unit: Unit) -> int:
    return make_survey(unit, status=SurveyStatus.DRAFT).questions.get().pk


def make_suggestion(unit: Unit, *, published: bool = True) -> Suggestion:
    return Suggestion.objects.create(
        unit=unit,
        text=f"Câu hỏi {SECRET_MARK}",
        question_public=f"Câu hỏi {SECRET_MARK}",
        answer=f"Trả lời {SECRET_MARK}",
        received_on=date.today(),
        answered_on=date.today() if published else None,
        is_published=published,
        status="published" if published else "new",
    )


def _suggestion_pk(unit: Unit) -> int:
    return make_suggestion(unit).pk


def url_kwarg_factories() -> dict[str, Callable[[Unit], object]]:
    return {"survey_pk": _survey_pk, "question_pk": _question_pk, "suggestion_pk": _suggestion_pk}


# The public link of a public survey and a unit's public suggestion box: no sign-in by design
# (their own tests cover the challenge, the rate limit and what they show).
PUBLIC_URL_NAMES: set[str] = {
    "surveys:public_answer",
    "surveys:public_qr",
    "surveys:public_faq",
    "surveys:public_suggest",
}
