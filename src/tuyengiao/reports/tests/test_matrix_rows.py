"""The matrix rows written in Python (``matrix.row_html``) are the HTML the template wrote before:
checked against that template fragment, for every kind of cell and for names needing escaping."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import Context, Template

from tuyengiao.reports.matrix import PageUnit, row_html
from tuyengiao.reports.services import Cell

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
