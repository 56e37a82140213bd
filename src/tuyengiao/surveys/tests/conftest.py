from __future__ import annotations

from datetime import date, timedelta

import pytest

from tuyengiao.orgs.models import Person, Unit
from tuyengiao.testing import Tree, make_person

from ..models import Question, QuestionKind, Survey
from ..services import builder

TODAY = date(2026, 11, 18)  # a Wednesday


def people(unit: Unit, n: int, prefix: str = "Đảng viên") -> list[Person]:
    return [make_person(unit, f"{prefix} {unit.code} {i}") for i in range(n)]


def open_member_survey(unit: Unit, audience: list[Unit], today: date = TODAY) -> Survey:
    survey = builder.create_survey(
        unit,
        None,
        title="Nắm bắt Nghị quyết",
        closes_on=today + timedelta(days=10),
        template_key="nam-bat-nghi-quyet",
    )
    builder.add_question(survey, kind=QuestionKind.SHORT, text="Câu trả lời riêng")
    survey.audience_units.set(audience)
    builder.open_survey(survey, today)
    return survey


def text_question(survey: Survey) -> Question:
    return survey.questions.get(text="Câu trả lời riêng")


@pytest.fixture
def members(tree: Tree) -> dict[str, list[Person]]:
    """6 members in cell1, 4 in cell2, 2 directly in base2."""
    return {
        "cell1": people(tree.cell1, 6),
        "cell2": people(tree.cell2, 4),
        "base2": people(tree.base2, 2),
    }
