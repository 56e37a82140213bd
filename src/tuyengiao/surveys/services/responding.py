"""Answering, anonymously by construction.

A member's submission, in one transaction: the member's ``Participation`` is found by its
one-time token, marked answered and the token blanked (consumed), and the answers are put in
``PendingResponse`` with the member's unit and nothing else. When ``batch_size`` answers are
waiting (and when the survey closes) the batch is written: shuffled, each answer with a random
key and the Monday of the week only, and its unit coarsened to the smallest group (the unit or
one of its ancestors inside the survey) that held ≥ k respondents at that moment — then the
pending rows are deleted, and the batch's counts are added to the survey's tallies
(``services.tallies``) in the same transaction. Results read the written batches only, so a figure never moves by one
answer at a time.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Count

from ..models import (
    Answer,
    AudienceKind,
    Participation,
    PendingResponse,
    Question,
    QuestionKind,
    Response,
    Survey,
    SurveyStatus,
)
from . import SurveyError, tallies

STEP = 4  # orgs.Unit.steplen
_shuffle = random.SystemRandom().shuffle


def batch_size(survey: Survey) -> int:
    """Answers are written together, never fewer than 2 k at a time while the survey runs."""
    return max(10, 2 * survey.k)


def check_open(survey: Survey, today: date) -> None:
    if survey.status != SurveyStatus.OPEN:
        raise SurveyError("Khảo sát này không nhận câu trả lời (chưa mở hoặc đã đóng).")
    if survey.closes_on < today:
        raise SurveyError("Khảo sát đã hết hạn trả lời.")


def submit_member(
    participation: Participation, token: str, payload: dict[str, Any], today: date
) -> None:
    """Record a member's answers: consume the token, queue the answers without the person."""
    survey = participation.survey
    check_open(survey, today)
    with transaction.atomic():
        consumed = (
            Participation.objects.filter(pk=participation.pk, answered=False, token=token)
            .exclude(token="")
            .update(answered=True, token="")
        )
        if consumed != 1:
            raise SurveyError(
                "Đồng chí đã trả lời khảo sát này rồi (mỗi người chỉ trả lời một lần)."
            )
        PendingResponse.objects.create(
            survey=survey, unit_path=participation.unit_path, payload=payload
        )
    # The batch is written in a transaction of its own: on PostgreSQL a row's creating
    # transaction id (xmin) can be read, and a batch's must not be the last respondent's.
    flush(survey)


def submit_public(survey: Survey, payload: dict[str, Any], today: date) -> None:
    if survey.audience != AudienceKind.PUBLIC:
        raise SurveyError("Khảo sát này không mở công khai.")
    check_open(survey, today)
    with transaction.atomic():
        PendingResponse.objects.create(survey=survey, unit_path="", payload=payload)
    flush(survey)


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def coarse_unit_path(path: str, answered_by_path: dict[str, int], floor: str, k: int) -> str:
    """The deepest of ``path`` and its ancestors (not above ``floor``) whose subtree held ≥ k
    respondents; "" when even ``floor`` held fewer."""
    level = path
    while len(level) >= max(len(floor), STEP):
        held = sum(n for p, n in answered_by_path.items() if p.startswith(level))
        if held >= k:
            return level
        level = level[:-STEP]
    return ""


def _answer_rows(survey: Survey, response: Response, payload: dict[str, Any]) -> list[Answer]:
    questions = {str(q.pk): q for q in survey.questions.all()}
    rows: list[Answer] = []
    for key, value in payload.items():
        q: Question | None = questions.get(key)
        if q is None or value in (None, "", [], {}):
            continue
        if q.kind in (QuestionKind.SINGLE, QuestionKind.SCALE, QuestionKind.YES_NO):
            rows.append(Answer(response=response, question=q, option=int(value)))
        elif q.kind == QuestionKind.MULTIPLE:
            rows += [Answer(response=response, question=q, option=int(v)) for v in value]
        elif q.kind == QuestionKind.RANKING:
            rows += [
                Answer(response=response, question=q, option=int(v), rank=n)
                for n, v in enumerate(value, start=1)
            ]
        elif q.kind == QuestionKind.MATRIX:
            rows += [
                Answer(response=response, question=q, row=int(r), option=int(v))
                for r, v in value.items()
            ]
        else:
            rows.append(Answer(response=response, question=q, text=str(value)))
    return rows


def flush(survey: Survey, *, everything: bool = False, today: date | None = None) -> int:
    """Write the waiting answers as one shuffled batch when there are enough (or all of them
    when ``everything``, at closing). Returns the number written."""
    from django.utils import timezone

    with transaction.atomic():
        # The survey row is locked first: batches of one survey are written one at a time, so
        # their tallies add up.
        Survey.objects.select_for_update().filter(pk=survey.pk).first()
        pending = list(PendingResponse.objects.select_for_update().filter(survey=survey))
        if not pending or (not everything and len(pending) < batch_size(survey)):
            return 0
        _shuffle(pending)
        answered = dict(
            Participation.objects.filter(survey=survey, answered=True)
            .values_list("unit_path")
            .annotate(n=Count("pk"))
            .values_list("unit_path", "n")
        )
        floor = survey.unit.path
        week = monday(today or timezone.localdate())
        responses: list[Response] = []
        answers: list[Answer] = []
        for item in pending:
            path = item.unit_path
            if path:
                path = coarse_unit_path(
                    path, answered, floor if path.startswith(floor) else path[:STEP], survey.k
                )
            response = Response(survey=survey, week=week, unit_path=path)
            responses.append(response)
            answers += _answer_rows(survey, response, item.payload)
        Response.objects.bulk_create(responses)
        _shuffle(answers)
        Answer.objects.bulk_create(answers, batch_size=1000)
        tallies.add(survey.pk, tallies.batch_counts(responses, answers))
        PendingResponse.objects.filter(pk__in=[p.pk for p in pending]).delete()
        return len(responses)


def pending_count(survey: Survey) -> int:
    return PendingResponse.objects.filter(survey=survey).count()
