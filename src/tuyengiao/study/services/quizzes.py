"""Comprehension tests (``StudyTest``): the question bank, online attempts, paper scores, results."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import Substr
from django.utils import timezone

from tuyengiao.core.text import fold
from tuyengiao.orgs.models import Person, Unit

from ..models import (
    AttemptAnswer,
    AttemptSource,
    Choice,
    Eligibility,
    Question,
    QuestionKind,
    StudyRound,
    StudyTest,
    TestAttempt,
)
from . import StudyError
from .rates import rate_percent


def _answer_key(kind: str, choices: list[tuple[str, bool]], accepted: str) -> tuple[Any, ...]:
    """What grading depends on: the kind, which choices (by position) are right, the accepted
    short answers. Wording is not part of it."""
    accepted_lines = tuple(ln.strip().lower() for ln in accepted.splitlines() if ln.strip())
    return kind, tuple(correct for _, correct in choices), accepted_lines


def _choices_from(data: Mapping[str, Any]) -> list[tuple[str, bool]]:
    kind = data["kind"]
    if kind == QuestionKind.TRUE_FALSE:
        truth = str(data.get("accepted", "")).strip().lower() == "đúng"
        return [("Đúng", truth), ("Sai", not truth)]
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        return [(ln.lstrip("*").strip(), ln.startswith("*")) for ln in data["choice_lines"]]
    return []


@transaction.atomic
def save_question(
    study_round: StudyRound, data: Mapping[str, Any], question: Question | None = None
) -> Question:
    """Add a question to the round's bank (``question`` None) or change one, from a valid
    ``QuestionForm``'s data. A question someone has answered keeps its answer key (kind, right
    choices, accepted answers): only its wording may change, or the scores already given would
    no longer match the question."""
    kind = data["kind"]
    choices = _choices_from(data)
    accepted = str(data.get("accepted", "")) if kind == QuestionKind.SHORT else ""
    if question is None:
        question = Question(round=study_round, order=study_round.questions.count() + 1)
    else:
        question = Question.objects.select_for_update().get(pk=question.pk)
        if question.answers.exists():
            old = [(c.text, c.is_correct) for c in question.choices.order_by("order", "id")]
            if _answer_key(kind, choices, accepted) != _answer_key(
                question.kind, old, question.accepted_answers
            ):
                raise StudyError(
                    "Câu hỏi đã có người trả lời: chỉ sửa được câu chữ, không đổi được loại câu "
                    "hỏi, số phương án hay đáp án đúng (điểm đã chấm sẽ không còn khớp). Hãy "
                    "thêm một câu hỏi mới nếu cần đáp án khác."
                )
    question.kind = kind
    question.text = data["text"]
    question.accepted_answers = accepted
    question.save()
    existing = list(question.choices.order_by("order", "id"))
    if len(existing) == len(choices):  # same positions: reworded in place (answers point at them)
        for choice, (text, correct) in zip(existing, choices, strict=True):
            choice.text, choice.is_correct = text, correct
        Choice.objects.bulk_update(existing, ["text", "is_correct"])
    else:  # only a question nobody answered can get here
        question.choices.all().delete()
        Choice.objects.bulk_create(
            Choice(question=question, text=text, is_correct=correct, order=i)
            for i, (text, correct) in enumerate(choices, start=1)
        )
    return question


def question_form_initial(question: Question) -> dict[str, str]:
    """A ``QuestionForm``'s fields for an existing question (the inverse of ``save_question``)."""
    choices = list(question.choices.order_by("order", "id"))
    initial = {"kind": question.kind, "text": question.text, "choices": "", "accepted": ""}
    if question.kind == QuestionKind.TRUE_FALSE:
        initial["accepted"] = next((c.text for c in choices if c.is_correct), "")
    elif question.kind == QuestionKind.SHORT:
        initial["accepted"] = question.accepted_answers
    else:
        initial["choices"] = "\n".join(("*" if c.is_correct else "") + c.text for c in choices)
    return initial


def start_attempt(test: StudyTest, person: Person, seed: int | None = None) -> TestAttempt:
    """Start (or resume) a member's online attempt. The order of the questions and, for single and
    multiple choice questions, the order of their choices are drawn once (from ``seed``, random
    when None) and kept on the attempt, so a reload shows the same order and two attempts differ.
    True/false questions keep Đúng before Sai."""
    eligibility = Eligibility.objects.filter(round=test.round_id, person=person).first()
    if eligibility is None:
        raise StudyError("Đồng chí không có trong danh sách của đợt học tập này.")
    attempt = TestAttempt.objects.filter(test=test, person=person).first()
    if attempt is not None:
        return attempt
    if not test.is_open:
        raise StudyError("Bài kiểm tra đã đóng.")
    questions = list(test.round.questions.prefetch_related("choices"))
    if not questions:
        raise StudyError("Bài kiểm tra chưa có câu hỏi.")
    rng = random.Random(seed)
    ids = [q.pk for q in questions]
    choice_order: dict[str, list[int]] = {}
    for q in questions:
        choices = [c.pk for c in sorted(q.choices.all(), key=lambda c: (c.order, c.pk))]
        if test.shuffle and q.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            rng.shuffle(choices)
        if choices:
            choice_order[str(q.pk)] = choices
    if test.shuffle:
        rng.shuffle(ids)
    return TestAttempt.objects.create(
        test=test,
        person=person,
        unit_id=eligibility.unit_id,
        question_order=ids,
        choice_order=choice_order,
    )


def choices_in_order(attempt: TestAttempt, question: Question) -> list[Choice]:
    """The question's choices in the order ``attempt`` shows them (drawn at its start); choices
    added since then come last."""
    choices = sorted(question.choices.all(), key=lambda c: (c.order, c.pk))
    order = {cid: i for i, cid in enumerate(attempt.choice_order.get(str(question.pk), []))}
    return sorted(choices, key=lambda c: order.get(c.pk, len(order)))


def _is_correct(question: Question, answer: Any) -> tuple[bool, list[Any]]:
    if question.kind == QuestionKind.SHORT:
        text = answer if isinstance(answer, str) else (answer[0] if answer else "")
        accepted = {fold(a) for a in question.accepted_answers.splitlines() if a.strip()}
        return fold(str(text)) in accepted, [str(text)]
    chosen = {
        int(a)
        for a in (answer if isinstance(answer, list | tuple | set) else [answer])
        if str(a).isdigit()
    }
    correct = {c.pk for c in question.choices.all() if c.is_correct}
    return chosen == correct and bool(correct), sorted(chosen)


GRACE_SECONDS = 60


@transaction.atomic
def submit_attempt(
    attempt: TestAttempt, answers: dict[int, Any], now: datetime | None = None
) -> TestAttempt:
    """Score an online attempt. Past the time limit (plus a minute's grace) answers are not counted."""
    if attempt.submitted_at is not None:
        raise StudyError("Bài đã nộp.")
    now = now or timezone.now()
    test = attempt.test
    late = (now - attempt.started_at).total_seconds() > test.time_limit_minutes * 60 + GRACE_SECONDS
    questions = {
        q.pk: q
        for q in test.round.questions.prefetch_related("choices").filter(
            pk__in=attempt.question_order
        )
    }
    right = 0
    rows = []
    for qid in attempt.question_order:
        question = questions.get(qid)
        if question is None:
            continue
        ok, stored = _is_correct(question, answers.get(qid, [])) if not late else (False, [])
        right += ok
        rows.append(AttemptAnswer(attempt=attempt, question=question, answer=stored, correct=ok))
    AttemptAnswer.objects.bulk_create(rows)
    attempt.score = rate_percent(right, len(rows)) or Decimal("0")
    attempt.passed = attempt.score >= test.pass_score
    attempt.submitted_at = now
    attempt.save(update_fields=["score", "passed", "submitted_at"])
    return attempt


def enter_paper_score(test: StudyTest, person: Person, score: Decimal) -> TestAttempt:
    """An officer enters the score (0–100) of a paper test."""
    if not Decimal(0) <= score <= Decimal(100):
        raise StudyError("Điểm phải từ 0 đến 100.")
    eligibility = Eligibility.objects.filter(round=test.round_id, person=person).first()
    if eligibility is None:
        raise StudyError("Người này không có trong danh sách của đợt học tập.")
    online = TestAttempt.objects.filter(
        test=test, person=person, source=AttemptSource.ONLINE
    ).first()
    if online is not None:
        raise StudyError("Người này đã làm bài trực tuyến; không nhập điểm bài giấy đè lên.")
    attempt, _ = TestAttempt.objects.update_or_create(
        test=test,
        person=person,
        defaults={
            "unit_id": eligibility.unit_id,
            "source": AttemptSource.PAPER,
            "score": score,
            "passed": score >= test.pass_score,
            "submitted_at": timezone.now(),
        },
    )
    return attempt


@dataclass
class ScoreRow:
    unit: Unit
    takers: int
    passed: int
    average: Decimal | None

    @property
    def pass_rate(self) -> Decimal | None:
        return rate_percent(self.passed, self.takers)


def test_results(test: StudyTest, parent_unit: Unit) -> list[ScoreRow]:
    """Takers, passes and mean score per child of ``parent_unit`` (subtree aggregates, 2 queries)."""
    prefix_len = (parent_unit.depth + 1) * Unit.steplen
    grouped = list(
        TestAttempt.objects.filter(
            test=test, submitted_at__isnull=False, unit__path__startswith=parent_unit.path
        )
        .annotate(prefix=Substr("unit__path", 1, prefix_len))
        .values("prefix")
        .annotate(n=Count("id"), p=Count("id", filter=Q(passed=True)), avg=Sum("score"))
        .values_list("prefix", "n", "p", "avg")
    )
    units = {u.path: u for u in Unit.objects.filter(path__in=[g[0] for g in grouped])}
    rows = [
        ScoreRow(units[prefix], n, p, (Decimal(total) / n).quantize(Decimal("0.01")) if n else None)
        for prefix, n, p, total in grouped
        if prefix in units
    ]
    rows.sort(key=lambda r: r.unit.path)
    return rows


@dataclass
class QuestionStat:
    question: Question
    answered: int
    wrong: int

    @property
    def wrong_rate(self) -> Decimal | None:
        return rate_percent(self.wrong, self.answered)


def question_stats(test: StudyTest, unit: Unit | None = None) -> list[QuestionStat]:
    """Questions with the most wrong answers first (so the presenter can explain them again)."""
    answers = AttemptAnswer.objects.filter(attempt__test=test)
    if unit is not None:
        answers = answers.filter(attempt__unit__path__startswith=unit.path)
    counts = {
        qid: (n, w)
        for qid, n, w in answers.values("question_id")
        .annotate(n=Count("id"), w=Count("id", filter=Q(correct=False)))
        .values_list("question_id", "n", "w")
    }
    stats = [QuestionStat(q, *counts.get(q.pk, (0, 0))) for q in test.round.questions.all()]
    stats.sort(key=lambda s: (-(s.wrong_rate or 0), -s.wrong, s.question.order))
    return stats
