"""The anonymity, proved on the tables: with full database access nothing joins a member to an
answer — no column, no time, no order, no token, and no unit smaller than k."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection, models

from tuyengiao.orgs.models import Person
from tuyengiao.testing import Tree

from ..models import (
    Answer,
    Participation,
    PendingResponse,
    Response,
    Suggestion,
    Survey,
    Tally,
)
from ..services import SurveyError, builder, responding, results
from .conftest import TODAY, open_member_survey, text_question

FORBIDDEN_TARGETS = {"orgs.person", "accounts.user", "sessions.session", "surveys.participation"}
TIME_FIELDS = (models.DateTimeField, models.TimeField, models.DurationField)


def _answer_everyone(survey: Survey, persons: list[Person]) -> list[str]:
    """Each person answers, in the given order, with a text naming their position."""
    sent = []
    q = text_question(survey)
    for n, person in enumerate(persons):
        p = Participation.objects.get(survey=survey, person=person)
        text = f"trả lời số {n:02d}"
        responding.submit_member(p, p.token, {str(q.pk): text}, TODAY)
        sent.append(text)
    return sent


@pytest.mark.parametrize("model", [Response, Answer, PendingResponse, Tally, Suggestion])
def test_the_anonymous_tables_have_no_column_for_a_person_a_session_or_a_time(
    model: type[models.Model],
) -> None:
    for f in model._meta.get_fields():
        target = getattr(f, "related_model", None)
        if target is not None and f.concrete:
            assert target._meta.label_lower not in FORBIDDEN_TARGETS, f"{model.__name__}.{f.name}"
        assert not isinstance(f, TIME_FIELDS), f"{model.__name__}.{f.name} holds a time"
        assert not any(
            w in f.name for w in ("person", "user", "session", "token", "ip", "address")
        ), f.name


@pytest.mark.parametrize("model", [Response, Answer, PendingResponse, Tally])
def test_answer_keys_are_random_not_a_sequence(model: type[models.Model]) -> None:
    pk = model._meta.pk
    assert isinstance(pk, models.UUIDField)


def test_participation_holds_no_time_and_no_link_to_answers() -> None:
    for f in Participation._meta.get_fields():
        assert not isinstance(f, (*TIME_FIELDS, models.DateField)), f.name
        target = getattr(f, "related_model", None)
        if target is not None:
            assert target not in (Response, Answer, PendingResponse)
    # And no answer table points back at participation.
    for model in (Response, Answer, PendingResponse, Tally):
        for f in model._meta.get_fields():
            assert getattr(f, "related_model", None) is not Participation


def _physical_order(table: str, column: str) -> list[str]:
    hidden = "ctid" if connection.vendor == "postgresql" else "rowid"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} ORDER BY {hidden}")
        return [str(r[0]) for r in cursor.fetchall()]


def test_stored_order_says_nothing_of_the_answering_order(
    tree: Tree, members: dict[str, list[Person]]
) -> None:
    survey = open_member_survey(tree.bloc, [tree.bloc])
    everyone = members["cell1"] + members["cell2"] + members["base2"]
    sent = _answer_everyone(survey, everyone)
    builder.close_survey(survey)
    texts_by_row = _physical_order(Answer._meta.db_table, "text")
    stored = [t for t in texts_by_row if t.startswith("trả lời số")]
    assert sorted(stored) == sorted(sent)
    assert stored != sent  # by insertion (rowid / ctid) — shuffled within the batch
    by_key = [a.text for a in Answer.objects.filter(question=text_question(survey)).order_by("id")]
    assert by_key != sent  # by id order — random keys
    by_response_key = [
        a.text
        for a in Answer.objects.filter(question=text_question(survey)).order_by("response_id")
    ]
    assert by_response_key != sent


def test_no_time_joins_a_participation_to_an_answer(
    tree: Tree, members: dict[str, list[Person]]
) -> None:
    survey = open_member_survey(tree.bloc, [tree.bloc])
    _answer_everyone(survey, members["cell1"] + members["cell2"] + members["base2"])
    builder.close_survey(survey)
    weeks = set(Response.objects.filter(survey=survey).values_list("week", flat=True))
    assert weeks == {responding.monday(date.today())}  # the Monday of the batch's week, no more
    assert all(w.weekday() == 0 for w in weeks)


def test_the_token_is_consumed_and_never_stored_with_the_answer(
    tree: Tree, members: dict[str, list[Person]]
) -> None:
    survey = open_member_survey(tree.bloc, [tree.bloc])
    person = members["cell1"][0]
    p = Participation.objects.get(survey=survey, person=person)
    token = p.token
    assert token
    q = text_question(survey)
    responding.submit_member(p, token, {str(q.pk): "ý kiến"}, TODAY)
    p.refresh_from_db()
    assert p.answered and p.token == ""
    for model in (PendingResponse, Response, Answer):
        for row in model.objects.values():
            assert token not in str(row)
            assert set(row) <= {"id", "survey_id", "unit_path", "payload", "week"}
    with pytest.raises(SurveyError, match="đã trả lời"):
        responding.submit_member(p, token, {str(q.pk): "lần hai"}, TODAY)
    assert PendingResponse.objects.filter(survey=survey).count() == 1


def test_units_under_k_are_never_recorded_with_an_answer(
    tree: Tree, members: dict[str, list[Person]]
) -> None:
    survey = open_member_survey(tree.bloc, [tree.bloc])
    _answer_everyone(survey, members["cell1"] + members["cell2"] + members["base2"])
    builder.close_survey(survey)
    paths = list(Response.objects.filter(survey=survey).values_list("unit_path", flat=True))
    assert len(paths) == 12
    assert tree.cell2.path not in paths  # 4 respondents: recorded one level up (base2, 6)
    for path in set(paths):
        group = Participation.objects.filter(
            survey=survey, answered=True, unit_path__startswith=path
        )
        assert group.count() >= survey.k, path


def test_a_unit_with_four_respondents_is_merged_in_the_results(
    tree: Tree, members: dict[str, list[Person]]
) -> None:
    survey = open_member_survey(tree.bloc, [tree.bloc])
    _answer_everyone(survey, members["cell1"] + members["cell2"] + members["base2"])
    builder.close_survey(survey)
    at_base2 = results.breakdown(survey, tree.base2)
    assert at_base2.cells == []  # cell2's 4 are not a cell of their own
    # What is recorded under base2 depends on when the batches were written; either it is a
    # group of k or more, or it is not shown.
    assert at_base2.merged_count >= survey.k or at_base2.suppressed
    assert not results.results(survey, tree.cell2).shown
    assert results.results(survey, tree.cell2).questions == []
    whole = results.results(survey)
    assert whole.shown and whole.total == 12
    text = next(r for r in whole.questions if r.question.text == "Câu trả lời riêng")
    assert len(text.texts) == 12


def test_a_survey_with_four_respondents_shows_nothing(
    tree: Tree, members: dict[str, list[Person]]
) -> None:
    survey = open_member_survey(tree.bloc, [tree.bloc])
    _answer_everyone(survey, members["cell2"])
    builder.close_survey(survey)
    r = results.results(survey)
    assert r.total == 4 and not r.shown and r.questions == []
    assert Response.objects.filter(survey=survey).exclude(unit_path="").count() == 0


def test_a_small_merged_cell_takes_the_smallest_unit_with_it(tree: Tree) -> None:
    survey = builder.create_survey(tree.bloc, None, title="x", closes_on=TODAY)
    week = responding.monday(TODAY)
    recorded = [tree.cell2.path] * 6 + [tree.base2.path] * 3 + [tree.cell1.path] * 7
    Response.objects.bulk_create(
        [Response(survey=survey, week=week, unit_path=p) for p in recorded]
    )
    at_base2 = results.breakdown(survey, tree.base2)
    # cell2 holds 6 but base2's own 3 would be a cell of 3: cell2 is merged with them.
    assert at_base2.cells == [] and at_base2.merged_count == 9 and not at_base2.suppressed
    at_bloc = results.breakdown(survey, tree.bloc)
    assert [(c.unit, c.count) for c in at_bloc.cells] == [(tree.base2, 9), (tree.base1, 7)]
    assert at_bloc.merged_count == 0
    assert results.group_allowed(survey, tree.base1)
    assert not results.group_allowed(survey, tree.cell2)
    assert results.group_allowed(survey, tree.cell1)  # all of base1's 7: the difference is 0


def test_results_move_by_batches_not_by_single_answers(
    tree: Tree, members: dict[str, list[Person]]
) -> None:
    survey = open_member_survey(tree.bloc, [tree.bloc])
    _answer_everyone(survey, members["cell1"] + members["cell2"][:3])
    assert Response.objects.filter(survey=survey).count() == 0
    assert responding.pending_count(survey) == 9
    _answer_everyone_more = members["cell2"][3:] + members["base2"][:1]
    q = text_question(survey)
    for person in _answer_everyone_more:
        p = Participation.objects.get(survey=survey, person=person)
        responding.submit_member(p, p.token, {str(q.pk): "x"}, TODAY)
    assert Response.objects.filter(survey=survey).count() == 10
    assert responding.pending_count(survey) == 1


def test_opening_for_fewer_than_k_people_is_refused(tree: Tree) -> None:
    from .conftest import people

    people(tree.cell2, 4)
    survey = builder.create_survey(
        tree.base2,
        None,
        title="Nhỏ",
        closes_on=TODAY + timedelta(days=3),
        template_key="danh-gia-sinh-hoat",
    )
    survey.audience_units.set([tree.cell2])
    with pytest.raises(SurveyError, match="ít hơn ngưỡng"):
        builder.open_survey(survey, TODAY)


def test_k_is_never_below_five(tree: Tree) -> None:
    survey = builder.create_survey(tree.base2, None, title="x", closes_on=TODAY, k_threshold=2)
    assert survey.k == 5
    survey.k_threshold = 3
    assert survey.k == 5


def test_nothing_of_answering_reaches_the_change_log(
    tree: Tree, members: dict[str, list[Person]]
) -> None:
    """The audit log records actor and time: answers, participation and suggestions stay out."""
    from auditlog.models import LogEntry
    from auditlog.registry import auditlog

    for model in (Participation, PendingResponse, Response, Answer, Tally, Suggestion):
        assert not auditlog.contains(model), model.__name__
    survey = open_member_survey(tree.bloc, [tree.bloc])
    before = LogEntry.objects.count()
    _answer_everyone(survey, members["cell1"] + members["cell2"])
    assert LogEntry.objects.count() == before


@pytest.mark.django_db(transaction=True)
def test_no_transaction_id_joins_a_participation_to_a_batch() -> None:
    """PostgreSQL shows the transaction that wrote a row (``xmin``): the batch of answers is
    written by a transaction of its own, never by a respondent's."""
    if connection.vendor != "postgresql":
        pytest.skip("xmin is a PostgreSQL system column")
    from tuyengiao.testing import make_tree

    from .conftest import people

    tree = make_tree()
    persons = people(tree.cell1, 10) + people(tree.cell2, 2)
    survey = open_member_survey(tree.bloc, [tree.bloc])
    _answer_everyone(survey, persons)
    with connection.cursor() as cursor:
        cursor.execute("SELECT xmin::text FROM surveys_participation WHERE answered")
        marks = {r[0] for r in cursor.fetchall()}
        cursor.execute("SELECT xmin::text FROM surveys_response")
        batches = {r[0] for r in cursor.fetchall()}
        cursor.execute("SELECT xmin::text FROM surveys_tally")
        tally_marks = {r[0] for r in cursor.fetchall()}
    assert len(marks) == 12 and batches and tally_marks
    assert tally_marks <= batches  # a tally is written by a batch's transaction, no other
    assert not marks & batches and not marks & tally_marks
