"""Results broken down by the answer to one question of the survey ("theo câu trả lời câu X"),
with the same k rule as the breakdown by unit.

The columns are the options of question X (single choice, scale, yes/no: one option per
respondent). An option chosen by ≥ k respondents of the group is a column of its own; the
others — and those who skipped X, a column like an option — are merged into "Các lựa chọn
khác"; while that merged column holds between 1 and k − 1 respondents, the smallest shown column
is merged into it too. When every column ends up merged there is nothing to break down (the one
column would be the whole group) and none is shown. For every other choice question the table
gives, per column, the count and share of each option — counts only, never a text answer, and
only for a group whose own results are shown. The column sizes come from the tallies; the cross counts need the
answer rows (two answers of the same response), read for this page only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from tuyengiao.orgs.models import Unit

from ..models import Answer, Question, QuestionKind, Response, Survey
from .results import group_allowed, group_counts, group_responses, group_total, share
from .tallies import NONE

BY_KINDS = {QuestionKind.SINGLE, QuestionKind.SCALE, QuestionKind.YES_NO}
CROSSED_KINDS = {
    QuestionKind.SINGLE,
    QuestionKind.SCALE,
    QuestionKind.YES_NO,
    QuestionKind.MULTIPLE,
}
CROSSTAB_RULE = (
    "Mỗi cột là những người đã chọn một lựa chọn của câu được chọn; chỉ lựa chọn có từ {k} người "
    "trở lên mới thành cột riêng. Lựa chọn ít hơn {k} người (và những người không trả lời câu đó) "
    "được gộp vào “Các lựa chọn khác”; nếu cột gộp vẫn ít hơn {k} người, cột nhỏ nhất tiếp theo "
    "được gộp thêm. Chỉ có số đếm, không có ý kiến viết."
)


@dataclass
class Column:
    label: str
    size: int
    options: tuple[int, ...]  # the options of X it holds


@dataclass
class CrossRow:
    label: str
    cells: list[tuple[int, Decimal | None]]  # per shown column: count, share of the column


@dataclass
class CrossQuestion:
    question: Question
    rows: list[CrossRow] = field(default_factory=list)


@dataclass
class Crosstab:
    by: Question
    columns: list[Column]
    suppressed: int  # respondents merged with no column left to show (0: none)
    questions: list[CrossQuestion]


def columns(survey: Survey, by: Question, group: Unit | None) -> tuple[list[Column], int]:
    """The columns of ``by``'s options with the k rule; with none, the number merged."""
    k = survey.k
    counts = group_counts(survey, group)
    labels = dict(enumerate(by.choice_labels()))
    sizes = {i: counts.get((by.pk, NONE, i), (0, 0))[0] for i in labels}
    # Those who skipped ``by`` are a column too: left out, they would be a difference.
    labels[NONE] = "Không trả lời câu này"
    sizes[NONE] = group_total(survey, group) - counts.get((by.pk, NONE, NONE), (0, 0))[0]
    shown = sorted(
        (Column(labels[i], n, (i,)) for i, n in sizes.items() if n >= k),
        key=lambda c: -c.size,
    )
    rest = tuple(i for i, n in sizes.items() if n and n < k)
    merged = sum(sizes[i] for i in rest)
    while 0 < merged < k and shown:
        smallest = shown.pop()
        merged += smallest.size
        rest += smallest.options
    if not shown:
        # everything merged: one column, the whole group — nothing to break down
        return [], merged
    if merged:
        shown.append(Column("Các lựa chọn khác (gộp)", merged, tuple(sorted(rest))))
    return shown, 0


def crosstab(survey: Survey, by: Question, group: Unit | None = None) -> Crosstab | None:
    """The breakdown of the group's results by the answer to ``by``; None when the group's
    results are not shown or ``by`` cannot be used (not one option per respondent)."""
    if by.survey_id != survey.pk or by.kind not in BY_KINDS:
        return None
    if group_total(survey, group) < survey.k:
        return None
    if group is not None and not group_allowed(survey, group):
        return None
    cols, suppressed = columns(survey, by, group)
    column_of = {o: n for n, c in enumerate(cols) for o in c.options}
    others = [
        q
        for q in survey.questions.order_by("order", "id")
        if q.pk != by.pk and q.kind in CROSSED_KINDS
    ]
    where = Q(question__in=others)
    if not (group is None or survey.unit.path.startswith(group.path)):
        where &= Q(
            response__in=Response.objects.filter(group_responses(survey, group)).values("pk")
        )
    by_option = Coalesce(
        Subquery(
            Answer.objects.filter(question=by, response_id=OuterRef("response_id")).values(
                "option"
            )[:1]
        ),
        Value(NONE),
    )
    counts: dict[tuple[int, int | None, int], int] = {}
    for qid, option, x, n in (
        Answer.objects.filter(where, option__isnull=False, row__isnull=True)
        .annotate(x=by_option)
        .values_list("question_id", "option", "x")
        .annotate(n=Count("pk"))
        .values_list("question_id", "option", "x", "n")
    ):
        col = column_of.get(x)
        if col is not None:
            counts[(qid, option, col)] = counts.get((qid, option, col), 0) + n
    answered: dict[tuple[int, int], int] = {}
    for qid, x, n in (
        Answer.objects.filter(where, option__isnull=False, row__isnull=True)
        .annotate(x=by_option)
        .values_list("question_id", "x")
        .annotate(n=Count(F("response_id"), distinct=True))
        .values_list("question_id", "x", "n")
    ):
        col = column_of.get(x)
        if col is not None:
            answered[(qid, col)] = answered.get((qid, col), 0) + n
    out = []
    for q in others:
        cq = CrossQuestion(q)
        for i, label in enumerate(q.choice_labels()):
            cells = []
            for col in range(len(cols)):
                c = counts.get((q.pk, i, col), 0)
                cells.append((c, share(c, answered.get((q.pk, col), 0))))
            cq.rows.append(CrossRow(label, cells))
        out.append(cq)
    return Crosstab(by, cols, suppressed, out)


def crosstab_rows(table: Crosstab) -> tuple[list[str], list[list[object]]]:
    """The table as a spreadsheet: a row per option of each crossed question, a count and a
    share (%) per column — the same cells as the page, nothing more."""
    headers = ["Câu hỏi", "Lựa chọn"]
    for column in table.columns:
        headers += [f"{column.label} ({column.size} người) — số người", f"{column.label} — %"]
    rows: list[list[object]] = []
    for cq in table.questions:
        for row in cq.rows:
            cells: list[object] = [cq.question.text, row.label]
            for count, percent in row.cells:
                cells += [count, percent]
            rows.append(cells)
    return headers, rows
