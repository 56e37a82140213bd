"""The tallies the results read: after several batches and after closing, they equal the counts
computed independently from the answer rows; a survey answered before tallies existed gets them
(the management command, and lazily on the results page); they hold nothing the answers do not."""

from __future__ import annotations

import io
import random
from collections import Counter
from datetime import timedelta
from typing import Any

from django.core.management import call_command

from tuyengiao.orgs.models import Person
from tuyengiao.testing import Tree

from ..models import Answer, Participation, QuestionKind, Response, Survey, Tally
from ..services import builder, responding, results, tallies
from .conftest import TODAY, people

NONE = -1


def _independent(survey: Survey) -> Counter[tuple[Any, ...]]:
    """The expected tallies, counted in Python from the answer and response rows."""
    expected: Counter[tuple[Any, ...]] = Counter()
    path_of = dict(Response.objects.filter(survey=survey).values_list("id", "unit_path"))
    for path in path_of.values():
        expected[(path, None, NONE, NONE, "count")] += 1
    answered: set[tuple[Any, int]] = set()
    for rid, qid, row, option, rank in Answer.objects.filter(response__survey=survey).values_list(
        "response_id", "question_id", "row", "option", "rank"
    ):
        path = path_of[rid]
        if (rid, qid) not in answered:
            answered.add((rid, qid))
            expected[(path, qid, NONE, NONE, "count")] += 1
        if option is not None:
            key = (path, qid, NONE if row is None else row, option)
            expected[(*key, "count")] += 1
            expected[(*key, "rank_sum")] += rank or 0
    return +expected  # zero entries dropped


def _stored(survey: Survey) -> Counter[tuple[Any, ...]]:
    stored: Counter[tuple[Any, ...]] = Counter()
    for t in Tally.objects.filter(survey=survey):
        key = (t.unit_path, t.question_id, t.row, t.option)
        stored[(*key, "count")] += t.count
        stored[(*key, "rank_sum")] += t.rank_sum
    return +stored


def _payload(survey: Survey, rng: random.Random) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for q in survey.questions.all():
        if rng.random() < 0.15:
            continue  # skipped question
        labels = q.choice_labels()
        if q.kind in (QuestionKind.SINGLE, QuestionKind.SCALE, QuestionKind.YES_NO):
            out[str(q.pk)] = rng.randrange(len(labels))
        elif q.kind == QuestionKind.MULTIPLE:
            out[str(q.pk)] = rng.sample(range(len(labels)), rng.randint(1, len(labels)))
        elif q.kind == QuestionKind.RANKING:
            out[str(q.pk)] = rng.sample(range(len(labels)), len(labels))
        elif q.kind == QuestionKind.MATRIX:
            out[str(q.pk)] = {
                str(r): rng.randrange(len(labels)) for r in range(len(q.rows)) if rng.random() < 0.8
            }
        else:
            out[str(q.pk)] = f"ý kiến {rng.randrange(1000)}"
    return out


def _answer(survey: Survey, persons: list[Person], rng: random.Random) -> None:
    for person in persons:
        p = Participation.objects.get(survey=survey, person=person)
        responding.submit_member(p, p.token, _payload(survey, rng), TODAY)


def _survey_with_every_kind(tree: Tree) -> Survey:
    survey = builder.create_survey(
        tree.bloc,
        None,
        title="Nắm bắt Nghị quyết",
        closes_on=TODAY + timedelta(days=10),
        template_key="nam-bat-nghi-quyet",
    )
    builder.add_question(survey, kind=QuestionKind.SHORT, text="Câu trả lời riêng")
    builder.add_question(survey, kind=QuestionKind.RANKING, text="Xếp", options=["P", "Q", "R"])
    builder.add_question(survey, kind=QuestionKind.YES_NO, text="Có không?")
    survey.audience_units.set([tree.bloc])
    builder.open_survey(survey, TODAY)
    return survey


def test_tallies_equal_the_answer_rows_after_batches_and_after_closing(tree: Tree) -> None:
    persons = people(tree.cell1, 14) + people(tree.cell2, 6) + people(tree.base2, 3)
    persons += people(tree.base1, 4)
    survey = _survey_with_every_kind(tree)
    rng = random.Random(19)
    rng.shuffle(persons)
    _answer(survey, persons[:22], rng)  # two batches of 10 written, 2 waiting
    assert Response.objects.filter(survey=survey).count() == 20
    assert responding.pending_count(survey) == 2
    assert _stored(survey) == _independent(survey)
    _answer(survey, persons[22:], rng)
    builder.close_survey(survey)
    assert Response.objects.filter(survey=survey).count() == len(persons) == 27
    expected = _independent(survey)
    assert _stored(survey) == expected
    # Several cells, every kind of figure present.
    assert len({key[0] for key in expected}) >= 2
    assert any(key[4] == "rank_sum" for key in expected)
    assert any(key[2] != NONE for key in expected)
    # A rebuild from the answer rows gives the same tallies as the running ones.
    tallies.rebuild(survey.pk)
    assert _stored(survey) == expected
    # The results page's figures come from them: total and a question's "answered".
    r = results.results(survey)
    assert r.total == 27
    for qr in r.questions:
        assert qr.answered == sum(
            n
            for key, n in expected.items()
            if key[1] == qr.question.pk and key[2:] == (NONE, NONE, "count")
        )


def test_tallies_hold_no_finer_cell_than_the_responses(tree: Tree) -> None:
    persons = people(tree.cell1, 6) + people(tree.cell2, 4) + people(tree.base2, 2)
    survey = _survey_with_every_kind(tree)
    _answer(survey, persons, random.Random(5))
    builder.close_survey(survey)
    recorded = set(Response.objects.filter(survey=survey).values_list("unit_path", flat=True))
    assert set(Tally.objects.filter(survey=survey).values_list("unit_path", flat=True)) == recorded
    assert tree.cell2.path not in recorded  # 4 respondents: never a cell of their own
    assert set(Tally.objects.values().first() or {}) == {
        "id",
        "survey_id",
        "unit_path",
        "question_id",
        "row",
        "option",
        "count",
        "rank_sum",
    }


def test_a_survey_answered_before_tallies_gets_them(tree: Tree) -> None:
    persons = people(tree.cell1, 12)
    survey = _survey_with_every_kind(tree)
    _answer(survey, persons, random.Random(7))
    builder.close_survey(survey)
    expected = _independent(survey)
    before = results.results(survey)
    Tally.objects.filter(survey=survey).delete()
    call_command("rebuild_survey_tallies", str(survey.pk), stdout=io.StringIO())
    assert _stored(survey) == expected
    Tally.objects.filter(survey=survey).delete()
    # lazy: the results (a new request, a fresh survey object) build the missing tallies
    after = results.results(Survey.objects.get(pk=survey.pk))
    assert _stored(survey) == expected
    assert after.total == before.total == 12
    assert [(qr.answered, qr.options, qr.matrix, qr.ranking) for qr in after.questions] == [
        (qr.answered, qr.options, qr.matrix, qr.ranking) for qr in before.questions
    ]
