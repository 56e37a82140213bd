"""The matrix rows: written in Python (``matrix.row_html``), they are the HTML the template wrote
before (checked against that template fragment, for every kind of cell and for names needing
escaping); each cell is the status of its unit's submission for its period, with several types."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tuyengiao.reports import matrix
from tuyengiao.reports.calendar import generate_year
from tuyengiao.reports.matrix import PageUnit, row_html
from tuyengiao.reports.models import ReportType, Status, Submission
from tuyengiao.reports.services.recipients import set_recipients
from tuyengiao.reports.services.statuses import Cell, cell_status

from .conftest import YEAR, Setup

# The template fragment the matrix page used for its rows before they were written by row_html.
TEMPLATE_ROW = (
    '<tr data-unit="{{ row.unit.code }}"><td>{{ row.unit.name }}</td>\n'
    "{% for p, st, sub, label, href, late in row.cells %}"
    '<td class="cell-{{ st }}">{% if href %}<a href="{{ href }}">{% endif %}'
    '<span class="badge {{ st }}">{{ label }}</span>{% if href %}</a>{% endif %}'
    '{% if late %} <span class="badge warn">muộn</span>{% endif %}</td>{% endfor %}</tr>\n'
)

UNITS = [
    PageUnit(1, "TW-1", "Đảng bộ Khối"),
    PageUnit(2, 'A&B "1"', "Chi bộ <Trường> & 'Phòng' số 2"),
]


def _cells(statuses: list[tuple[str, int | None, bool]]) -> list[tuple[Any, ...]]:
    return [
        (
            None,
            st,
            sub,
            Cell.LABELS[st][0],
            f"/bao-cao/nop/{sub}/?a=1&b=<2>" if sub is not None else "",
            late,
        )
        for st, sub, late in statuses
    ]


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize(
    "statuses",
    [
        [(Cell.ON_TIME, 10, False)],
        [(Cell.ACCEPTED, 11, True)],  # accepted, submitted late: the "muộn" badge
        [(Cell.NONE, None, False)],  # no submission: no link
        [(Cell.MISSING, 12, False), (Cell.LATE, 13, False), (Cell.RETURNED, 14, False)],
        [(Cell.PENDING, 15, False), (Cell.ACCEPTED, 16, False), (Cell.NONE, None, False)],
        [],
    ],
)
def test_row_html_is_the_template_row(
    unit: PageUnit, statuses: list[tuple[str, int | None, bool]]
) -> None:
    cells = _cells(statuses)
    expected = Template(TEMPLATE_ROW).render(Context({"row": {"unit": unit, "cells": cells}}))
    html = row_html(unit, cells)
    assert html == expected
    if unit is UNITS[1]:  # the unit's name and code escaped, as the template escaped them
        assert "<Trường>" not in html and "&lt;Trường&gt; &amp; &#x27;Phòng&#x27;" in html
        assert 'data-unit="A&amp;B &quot;1&quot;"' in html
    assert ('<span class="badge warn">muộn</span>' in html) == any(late for *_, late in statuses)


@pytest.mark.django_db
@pytest.mark.parametrize("join_max", [matrix.PAGE_JOIN_MAX, 1])  # cells joined, or read apart
def test_matrix_cells_of_two_report_types(
    forty: Setup, client_as: Any, join_max: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two types with periods of the same key, sent to overlapping units: each cell of each row
    is the status of that unit's submission for that type's period (or none when not sent)."""
    monkeypatch.setattr(matrix, "PAGE_JOIN_MAX", join_max)
    s = forty
    other = ReportType.objects.create(unit=s.rt.unit, title="A. Báo cáo chuyên đề", due_day=20)
    generate_year(other, YEAR)
    set_recipients(other, s.units[20:])  # units 0-19 receive only the first type
    other_q1 = other.periods.get(index=1)
    assert other_q1.key == s.q1.key
    cycle = [
        (Status.SUBMITTED, False),
        (Status.SUBMITTED, True),
        (Status.ACCEPTED, True),
        (Status.RETURNED, False),
        (Status.DRAFT, False),
        (Status.ACCEPTED, False),
    ]
    for n, unit in enumerate(s.units):
        for period, shift in ((s.q1, 0), (other_q1, 1)):
            status, late = cycle[(n + shift) % len(cycle)]
            Submission.objects.filter(period=period, unit=unit).update(status=status, is_late=late)
    Submission.objects.filter(period=other_q1, unit=s.units[30]).delete()  # sent, no draft yet

    client = client_as("khoi")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("reports:matrix"), {"period": s.q1.key})
    assert response.status_code == 200
    apart = [q for q in queries if '"reports_submission"."unit_id" IN' in q["sql"]]
    assert len(apart) == (0 if join_max >= 2 else 1)  # the cells of the page read apart or not
    periods = [p for p, _ in response.context["summary"]]
    assert periods == [other_q1, s.q1]  # by type title
    html = response.content.decode()
    rows = response.context["rows"]
    by_path = sorted(s.units, key=lambda u: u.path)
    assert [r["unit"].pk for r in rows] == [u.pk for u in by_path]  # all 40, by path
    today = timezone.localdate()
    for row in rows:
        assert row["html"] in html
        for period, cell in zip(periods, row["cells"], strict=True):
            sub = Submission.objects.filter(period=period, unit_id=row["unit"].pk).first()
            _, st, sub_pk, label, link, late = cell
            if sub is None:
                assert (st, sub_pk, link, late) == (Cell.NONE, None, "", False)
            else:
                assert st == cell_status(sub.status, sub.is_late, period.due_date, today)
                assert sub_pk == sub.pk
                assert link == reverse("reports:submission", args=[sub.pk])
                assert late == (sub.status == Status.ACCEPTED and sub.is_late)
            assert label == Cell.LABELS[st][0]
    none_cells = [c for r in rows for c in r["cells"] if c[1] == Cell.NONE]
    assert len(none_cells) == 21  # units 0-19 for the second type, and unit 30's missing draft
