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

Every figure is read from the survey's tallies (``services.tallies``: counts per coarse unit
cell, kept with each batch), not by grouping the answer rows; only the text answers themselves
are read from the answers.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, Sum

from tuyengiao.orgs.models import Unit

from ..models import Answer, Question, QuestionKind, Response, Survey, Tally
from . import tallies
from .responding import pending_count
from .tallies import NONE

RULE_TEXT = (
    "Chỉ hiển thị số liệu của nhóm có từ {k} câu trả lời trở lên. Đơn vị có ít hơn {k} câu trả "
    "lời được gộp vào “Các đơn vị khác”; nếu nhóm gộp vẫn ít hơn {k}, đơn vị nhỏ nhất tiếp theo "
    "được gộp thêm. Ý kiến viết chỉ hiển thị cho nhóm từ {k} người, theo thứ tự ngẫu nhiên."
)


TEXT_SAMPLE = 100  # text answers shown on the results page, at random; all on their own page


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
    texts: list[str] = field(default_factory=list)  # a random sample (``TEXT_SAMPLE``)
    text_count: int = 0  # all the text answers of the group


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


def _cells(survey: Survey, group: Unit | None) -> Any:
    """The tally rows of ``group``'s cells."""
    return Tally.objects.filter(group_responses(survey, group))


def _response_counts(survey: Survey, group: Unit | None) -> dict[str, int]:
    """Responses per recorded unit path of ``group``, from the tallies (built first when the
    survey has none: answered before tallies existed). Kept on the survey object for the rest
    of the request (the whole survey is read for its total and for its breakdown)."""
    whole = group is None or survey.unit.path.startswith(group.path)
    memo: dict[str, dict[str, int]] = survey.__dict__.setdefault("_tally_responses", {})
    key = "" if whole or group is None else group.path
    if key in memo:
        return memo[key]

    def read() -> dict[str, int]:
        return dict(
            _cells(survey, group)
            .filter(question__isnull=True)
            .values_list("unit_path")
            .annotate(n=Sum("count"))
            .values_list("unit_path", "n")
        )

    counts = read()
    if not counts and tallies.ensure(survey):
        counts = read()
    memo[key] = counts
    return counts


def breakdown(survey: Survey, within: Unit) -> Breakdown:
    """Answers per unit directly below ``within`` (each with its subtree), with the k rule."""
    k = survey.k
    by_path = _response_counts(survey, within)
    total = sum(by_path.values())
    children = list(
        Unit.objects.filter(path__startswith=within.path, depth=within.depth + 1)
        .only("pk", "path", "depth", "name")
        .order_by("path")
    )
    counts: dict[int, int] = defaultdict(int)
    plen = len(within.path) + 4
    child_by_path = {c.path: c for c in children}
    for path, n in by_path.items():
        if not path.startswith(within.path):
            continue
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


def group_total(survey: Survey, group: Unit | None) -> int:
    return sum(_response_counts(survey, group).values())


def group_counts(survey: Survey, group: Unit | None) -> dict[tuple[int, int, int], tuple[int, int]]:
    """(question, row, option) -> (count, rank sum) over ``group``'s cells, from the tallies;
    option -1 is the number who answered the question, row -1 outside a matrix."""
    return {
        (qid, row, option): (n, rank_sum)
        for qid, row, option, n, rank_sum in _cells(survey, group)
        .filter(question__isnull=False)
        .values_list("question_id", "row", "option")
        .annotate(n=Sum("count"), s=Sum("rank_sum"))
        .values_list("question_id", "row", "option", "n", "s")
    }


def texts(
    survey: Survey, group: Unit | None, question: Question, limit: int | None = None
) -> list[str]:
    """The text answers of a shown group, in random order (never with anything else); with
    ``limit``, a random sample of that many (the results page; all of them on their own page)."""
    where = Q(question=question)
    if not (group is None or survey.unit.path.startswith(group.path)):
        where &= Q(
            response__in=Response.objects.filter(group_responses(survey, group)).values("pk")
        )
    rows = Answer.objects.filter(where).exclude(text="")
    if limit is not None:
        rows = rows.order_by("?")[:limit]
    out = list(rows.values_list("text", flat=True))
    random.SystemRandom().shuffle(out)
    return out


def results(survey: Survey, group: Unit | None = None) -> Results:
    k = survey.k
    total = group_total(survey, group)
    shown = total >= k and (group is None or group_allowed(survey, group))
    rule = RULE_TEXT.format(k=k)
    questions = list(survey.questions.order_by("order", "id"))
    if not shown:
        return Results(survey, group, total, False, pending_count(survey), [], rule)
    counts = group_counts(survey, group)

    def count(qid: int, row: int, option: int) -> int:
        return counts.get((qid, row, option), (0, 0))[0]

    out = []
    for q in questions:
        r = QuestionResult(question=q, answered=count(q.pk, NONE, NONE))
        labels = q.choice_labels()
        if q.kind == QuestionKind.MATRIX:
            for row_index, row_label in enumerate(q.rows):
                row_counts = [count(q.pk, row_index, i) for i in range(len(labels))]
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
                n, s = counts.get((q.pk, NONE, i), (0, 0))
                r.ranking.append((lbl, (Decimal(s) / n).quantize(Decimal("0.01")) if n else None))
            r.ranking.sort(key=lambda item: item[1] if item[1] is not None else Decimal(999))
        elif q.is_text:
            r.text_count = r.answered
            r.texts = texts(survey, group, q, TEXT_SAMPLE)
        else:
            option_counts = [count(q.pk, NONE, i) for i in range(len(labels))]
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


def share_of(
    survey: Survey, question: Question, options: list[int], group: Unit | None = None
) -> Decimal | None:
    """For a report indicator: the share (%) of those of ``group`` (default: the whole survey)
    who answered ``question`` and chose one of ``options`` (e.g. members rating their
    understanding "Rất tốt" or "Tốt"); None when the group's results are not shown (fewer than
    k answers, or a group the k rule merges). Not for matrix questions (one share per row)."""
    if group_total(survey, group) < survey.k:
        return None
    if group is not None and not group_allowed(survey, group):
        return None
    counts = group_counts(survey, group)
    answered = counts.get((question.pk, NONE, NONE), (0, 0))[0]
    chosen = sum(counts.get((question.pk, NONE, o), (0, 0))[0] for o in set(options))
    if question.kind == QuestionKind.MULTIPLE and len(set(options)) > 1:
        # Several options of a multiple choice: a respondent may have chosen more than one —
        # only the answer rows know how many distinct respondents; read them for the group.
        chosen = _distinct_choosers(survey, group, question, options)
    return share(chosen, answered)


def _distinct_choosers(
    survey: Survey, group: Unit | None, question: Question, options: list[int]
) -> int:
    where = Q(question=question, option__in=options)
    if not (group is None or survey.unit.path.startswith(group.path)):
        where &= Q(
            response__in=Response.objects.filter(group_responses(survey, group)).values("pk")
        )
    return Answer.objects.filter(where).values("response_id").distinct().count()


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
