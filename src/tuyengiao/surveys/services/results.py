"""Results in aggregate only, with the k rule.

* A group (the whole survey, or a unit's part of it) is shown only when it holds ≥ k answers.
* A breakdown by unit lists the units below that hold ≥ k answers each; the smaller ones, and
  the answers recorded only at a higher level, are merged into "Các đơn vị khác". When that
  merged cell holds between 1 and k − 1 answers, the smallest shown units are merged into it too
  (so no cell, and no difference between cells, speaks of fewer than k people).
* A unit's own results (drill-down) open only when the unit is a shown cell at every level from
  the survey's unit down to it.
* Text answers are listed only for a shown group, in random order, never with anything else of
  the same response.
Only written batches count: answers waiting for their batch are reported as a number.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum

from tuyengiao.orgs.models import Unit

from ..models import Answer, Question, QuestionKind, Response, Survey
from .responding import pending_count

RULE_TEXT = (
    "Chỉ hiển thị số liệu của nhóm có từ {k} câu trả lời trở lên. Đơn vị có ít hơn {k} câu trả "
    "lời được gộp vào “Các đơn vị khác”; nếu nhóm gộp vẫn ít hơn {k}, đơn vị nhỏ nhất tiếp theo "
    "được gộp thêm. Ý kiến viết chỉ hiển thị cho nhóm từ {k} người, theo thứ tự ngẫu nhiên."
)


@dataclass
class OptionCount:
    label: str
    count: int
    share: Decimal | None


@dataclass
class QuestionResult:
    question: Question
    answered: int = 0
    options: list[OptionCount] = field(default_factory=list)
    matrix: list[tuple[str, list[OptionCount]]] = field(default_factory=list)
    ranking: list[tuple[str, Decimal | None]] = field(default_factory=list)
    mean: Decimal | None = None
    texts: list[str] = field(default_factory=list)


@dataclass
class Cell:
    label: str
    count: int
    unit: Unit | None = None  # None: the merged cell


@dataclass
class Breakdown:
    cells: list[Cell]
    merged_count: int
    suppressed: bool  # the merged cell is too small to show (fewer than k, nothing left to merge)


@dataclass
class Results:
    survey: Survey
    group: Unit | None
    total: int
    shown: bool
    pending: int
    questions: list[QuestionResult]
    rule: str


def share(count: int, total: int) -> Decimal | None:
    if not total:
        return None
    return (Decimal(count) * 100 / Decimal(total)).quantize(Decimal("0.01"))


def group_responses(survey: Survey, group: Unit | None) -> Q:
    """The responses of ``group`` (None or the survey's own unit or above: all of them)."""
    if group is None or survey.unit.path.startswith(group.path):
        return Q(survey=survey)
    return Q(survey=survey, unit_path__startswith=group.path)


def breakdown(survey: Survey, within: Unit) -> Breakdown:
    """Answers per unit directly below ``within`` (each with its subtree), with the k rule."""
    k = survey.k
    base = Response.objects.filter(group_responses(survey, within))
    total = base.count()
    children = list(
        Unit.objects.filter(path__startswith=within.path, depth=within.depth + 1).order_by("path")
    )
    counts: dict[int, int] = defaultdict(int)
    plen = len(within.path) + 4
    by_prefix = dict(
        base.exclude(unit_path="")
        .filter(unit_path__startswith=within.path)
        .values_list("unit_path")
        .annotate(n=Count("pk"))
        .values_list("unit_path", "n")
    )
    child_by_path = {c.path: c for c in children}
    for path, n in by_prefix.items():
        child = child_by_path.get(path[:plen]) if len(path) >= plen else None
        if child is not None:
            counts[child.pk] += n
    shown = sorted(
        (Cell(c.name, counts[c.pk], c) for c in children if counts[c.pk] >= k),
        key=lambda c: -c.count,
    )
    merged = total - sum(c.count for c in shown)
    while 0 < merged < k and shown:
        smallest = shown.pop()
        merged += smallest.count
    return Breakdown(cells=shown, merged_count=merged, suppressed=0 < merged < k)


def group_allowed(survey: Survey, group: Unit) -> bool:
    """Whether ``group``'s own results may be shown: a shown cell at every level down to it."""
    if survey.unit.path.startswith(group.path):
        return True
    if not group.path.startswith(survey.unit.path):
        return False
    level = survey.unit
    while level.pk != group.pk:
        cells = breakdown(survey, level).cells
        nxt = next(
            (c.unit for c in cells if c.unit is not None and group.path.startswith(c.unit.path)),
            None,
        )
        if nxt is None:
            return False
        level = nxt
    return True


def results(survey: Survey, group: Unit | None = None) -> Results:
    k = survey.k
    where = group_responses(survey, group)
    total = Response.objects.filter(where).count()
    shown = total >= k and (group is None or group_allowed(survey, group))
    rule = RULE_TEXT.format(k=k)
    questions = list(survey.questions.order_by("order", "id"))
    if not shown:
        return Results(survey, group, total, False, pending_count(survey), [], rule)
    whole = group is None or survey.unit.path.startswith(group.path)
    # The whole survey: read the answers by question alone (no join to the responses).
    in_group = Response.objects.filter(where).values("pk")

    def answer_where(ids: list[int]) -> Q:
        return Q(question_id__in=ids) if whole else Q(question_id__in=ids, response__in=in_group)

    all_ids = [q.pk for q in questions]
    several = {QuestionKind.MULTIPLE, QuestionKind.MATRIX}
    several_ids = [q.pk for q in questions if q.kind in several]
    one_ids = [q.pk for q in questions if q.kind not in several]
    counts: dict[tuple[int, int | None, int | None], int] = {}
    for qid, row, option, n in (
        Answer.objects.filter(answer_where(all_ids), option__isnull=False, rank__isnull=True)
        .values_list("question_id", "row", "option")
        .annotate(n=Count("pk"))
        .values_list("question_id", "row", "option", "n")
    ):
        counts[(qid, row, option)] = n
    # Who answered each question: one answer row per response for single, scale, yes/no and
    # text; rank 1 for a ranking; distinct responses only for multiple choice and matrices.
    answered: dict[int, int] = {}
    for qid, n in (
        Answer.objects.filter(answer_where(one_ids))
        .filter(Q(rank__isnull=True) | Q(rank=1))
        .values_list("question_id")
        .annotate(n=Count("pk"))
        .values_list("question_id", "n")
    ):
        answered[qid] = n
    for qid, n in (
        Answer.objects.filter(answer_where(several_ids))
        .values_list("question_id")
        .annotate(n=Count("response_id", distinct=True))
        .values_list("question_id", "n")
    ):
        answered[qid] = n
    ranks: dict[tuple[int, int | None], tuple[int, int]] = {}
    for qid, option, rank_sum, n in (
        Answer.objects.filter(answer_where(all_ids), rank__isnull=False)
        .values_list("question_id", "option")
        .annotate(s=Sum("rank"), n=Count("pk"))
        .values_list("question_id", "option", "s", "n")
    ):
        ranks[(qid, option)] = (rank_sum, n)
    out = []
    for q in questions:
        r = QuestionResult(question=q, answered=answered.get(q.pk, 0))
        labels = q.choice_labels()
        if q.kind == QuestionKind.MATRIX:
            for row_index, row_label in enumerate(q.rows):
                row_counts = [counts.get((q.pk, row_index, i), 0) for i in range(len(labels))]
                row_total = sum(row_counts)
                r.matrix.append(
                    (
                        str(row_label),
                        [
                            OptionCount(lbl, c, share(c, row_total))
                            for lbl, c in zip(labels, row_counts, strict=True)
                        ],
                    )
                )
        elif q.kind == QuestionKind.RANKING:
            for i, lbl in enumerate(labels):
                s, n = ranks.get((q.pk, i), (0, 0))
                r.ranking.append((lbl, (Decimal(s) / n).quantize(Decimal("0.01")) if n else None))
            r.ranking.sort(key=lambda item: item[1] if item[1] is not None else Decimal(999))
        elif q.is_text:
            texts = list(
                Answer.objects.filter(answer_where([q.pk]))
                .exclude(text="")
                .values_list("text", flat=True)
            )
            random.SystemRandom().shuffle(texts)
            r.texts = texts
        else:
            option_counts = [counts.get((q.pk, None, i), 0) for i in range(len(labels))]
            base = r.answered
            r.options = [
                OptionCount(lbl, c, share(c, base))
                for lbl, c in zip(labels, option_counts, strict=True)
            ]
            if q.kind == QuestionKind.SCALE and base:
                points = sum((i + 1) * c for i, c in enumerate(option_counts))
                r.mean = (
                    (Decimal(points) / sum(option_counts)).quantize(Decimal("0.01"))
                    if sum(option_counts)
                    else None
                )
        out.append(r)
    return Results(survey, group, total, True, pending_count(survey), out, rule)


def share_of(survey: Survey, question: Question, options: list[int]) -> Decimal | None:
    """For a report indicator: the share (%) of the survey's answers to ``question`` that chose
    one of ``options`` (e.g. members rating their understanding "Rất tốt" or "Tốt"); None under k."""
    total = Response.objects.filter(survey=survey).count()
    if total < survey.k:
        return None
    answered = (
        Answer.objects.filter(question=question, row__isnull=True)
        .values("response_id")
        .distinct()
        .count()
    )
    chosen = (
        Answer.objects.filter(question=question, option__in=options, row__isnull=True)
        .values("response_id")
        .distinct()
        .count()
    )
    return share(chosen, answered)


@dataclass
class RateRow:
    unit: Unit
    asked: int
    answered: int
    rate: Decimal | None


def response_rates(survey: Survey, within: Unit | None = None) -> tuple[RateRow, list[RateRow]]:
    """Participation is not anonymous, answers are: who was asked and how many answered, per
    unit directly below ``within`` (default the survey's unit) — counts only, no names."""
    from ..models import Participation

    within = within or survey.unit
    rows = (
        Participation.objects.filter(survey=survey, unit_path__startswith=within.path)
        .values_list("unit_path", "answered")
        .annotate(n=Count("pk"))
        .values_list("unit_path", "answered", "n")
    )
    children = {
        c.path: c for c in Unit.objects.filter(path__startswith=within.path, depth=within.depth + 1)
    }
    plen = len(within.path) + 4
    asked: dict[str, int] = defaultdict(int)
    done: dict[str, int] = defaultdict(int)
    for path, is_answered, n in rows:
        key = path[:plen] if len(path) >= plen else within.path
        asked[key] += n
        if is_answered:
            done[key] += n
    out = []
    for key in sorted(asked):
        unit = children.get(key, within)
        out.append(RateRow(unit, asked[key], done[key], share(done[key], asked[key])))
    total_asked, total_done = sum(asked.values()), sum(done.values())
    return RateRow(within, total_asked, total_done, share(total_done, total_asked)), out
