"""The breakdown by the answer to a question of the survey: options with fewer than k
respondents — and those who skipped the question — are merged, the smallest shown column joins a
merged column under k, and the counts equal those made from the payloads."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from datetime import timedelta
from decimal import Decimal

import openpyxl
from django.urls import reverse

from tuyengiao.accounts.models import User
from tuyengiao.core.spreadsheets import XLSX_MIME
from tuyengiao.testing import Tree, logged_in_client

from ..models import Participation, Question, QuestionKind, Survey
from ..services import builder, responding
from ..services.crosstab import crosstab
from .conftest import TODAY, people


def _survey(
    tree: Tree, choices: Sequence[int | None]
) -> tuple[Survey, Question, Question, list[int]]:
    survey = builder.create_survey(
        tree.bloc, None, title="Theo câu", closes_on=TODAY + timedelta(days=5)
    )
    x = builder.add_question(survey, kind=QuestionKind.SINGLE, text="X", options=["A", "B", "C"])
    y = builder.add_question(survey, kind=QuestionKind.YES_NO, text="Y")
    builder.add_question(survey, kind=QuestionKind.LONG, text="Ý kiến")
    survey.audience_units.set([tree.bloc])
    persons = people(tree.cell1, len(choices))
    builder.open_survey(survey, TODAY)
    ys = []
    for n, (person, choice) in enumerate(zip(persons, choices, strict=True)):
        answer_y = 0 if n % 3 == 0 else 1
        payload = {str(y.pk): answer_y}
        if choice is not None:
            payload[str(x.pk)] = choice
        ys.append(answer_y)
        p = Participation.objects.get(survey=survey, person=person)
        responding.submit_member(p, p.token, payload, TODAY)
    builder.close_survey(survey)
    return survey, x, y, ys


def test_small_options_and_skippers_are_merged_and_counts_match(tree: Tree) -> None:
    choices: list[int | None] = [0] * 8 + [1] * 5 + [2] * 2 + [None]
    survey, x, _y, ys = _survey(tree, choices)
    table = crosstab(survey, x)
    assert table is not None
    # A holds 8; C (2) and the one who skipped X (1) are 3 < k: B (5), the smallest, joins them.
    assert [(c.label, c.size, c.options) for c in table.columns] == [
        ("A", 8, (0,)),
        ("Các lựa chọn khác (gộp)", 8, (-1, 1, 2)),
    ]
    assert table.suppressed == 0
    assert [cq.question.text for cq in table.questions] == ["Y"]  # no text question, not X
    expected: Counter[tuple[int, int]] = Counter()
    for choice, answer in zip(choices, ys, strict=True):
        expected[(0 if choice == 0 else 1, answer)] += 1
    rows = table.questions[0].rows
    assert [row.label for row in rows] == ["Có", "Không"]
    for option, row in enumerate(rows):
        for col, (n, share) in enumerate(row.cells):
            assert n == expected[(col, option)]
            assert share == (Decimal(n * 100) / 8).quantize(Decimal("0.01"))


def test_a_column_under_k_with_nothing_left_to_merge_is_suppressed(tree: Tree) -> None:
    survey, x, _y, _ys = _survey(tree, [0] * 3 + [1] * 3)  # no option reaches k = 5
    table = crosstab(survey, x)
    assert table is not None and table.columns == [] and table.suppressed == 6


def test_the_page_offers_the_questions_and_refuses_small_groups(
    tree: Tree, users: dict[str, User]
) -> None:
    survey, x, _y, _ys = _survey(tree, [0] * 6 + [1] * 6)
    officer = logged_in_client(users["khoi"])
    url = reverse("surveys:results_crosstab", kwargs={"survey_pk": survey.pk})
    body = officer.get(f"{url}?cau={x.pk}").content.decode()
    assert '<th class="num">A</th>' in body and '<th class="num">B</th>' in body
    assert "6 người" in body and "Ý kiến" not in body.split("Cột:")[1]
    results_page = officer.get(reverse("surveys:survey_results", kwargs={"survey_pk": survey.pk}))
    assert f'href="{url}"' in results_page.content.decode()
    bad = officer.get(f"{url}?cau=abc").content.decode()
    assert "Hãy chọn một câu hỏi chọn một" in bad
    small = officer.get(f"{url}?cau={x.pk}&don-vi={tree.base2.pk}").content.decode()
    assert "Chưa hiển thị" in small


def test_the_table_exports_to_xlsx_with_the_page_cells_only(
    tree: Tree, users: dict[str, User]
) -> None:
    survey, x, _y, _ys = _survey(tree, [0] * 6 + [1] * 6)
    officer = logged_in_client(users["khoi"])
    url = reverse("surveys:results_crosstab", kwargs={"survey_pk": survey.pk})
    page = officer.get(f"{url}?cau={x.pk}").content.decode()
    assert f"?cau={x.pk}&amp;export=xlsx" in page
    response = officer.get(f"{url}?cau={x.pk}&export=xlsx")
    assert response["Content-Type"] == XLSX_MIME
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    table = crosstab(survey, x)
    assert table is not None
    assert rows[0][:2] == ["Câu hỏi", "Lựa chọn"] and len(rows[0]) == 2 + 2 * len(table.columns)
    cells = [[cq.question.text, row.label] for cq in table.questions for row in cq.rows]
    assert [r[:2] for r in rows[1:]] == cells
    first = table.questions[0].rows[0].cells
    assert rows[1][2] == first[0][0]
    assert "Ý kiến" not in {r[0] for r in rows[1:]}  # never a text question
    # a group too small to show exports nothing either
    small = officer.get(f"{url}?cau={x.pk}&don-vi={tree.base2.pk}&export=xlsx")
    assert small["Content-Type"].startswith("text/html")
