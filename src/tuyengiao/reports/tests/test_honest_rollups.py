"""Roll-ups say how many units reported, and trends compare like with like: a period where one
unit of three has reported so far does not show as a collapse of the figures."""

from __future__ import annotations

import io
import uuid
from datetime import date
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tuyengiao.orgs.models import Unit, UnitKind
from tuyengiao.reports.models import Indicator, Period, PeriodKind, ReportType, Submission
from tuyengiao.reports.services.drafts import submit
from tuyengiao.reports.services.recipients import set_recipients
from tuyengiao.reports.services.rollups import rollup, trend
from tuyengiao.testing import Tree

pytestmark = pytest.mark.django_db


def _setup(tree: Tree) -> dict[str, Any]:
    third = Unit.objects.add_child(
        tree.bloc,
        dict(
            kind=UnitKind.BASE_ORGANISATION,
            code="DB-SGD",
            name="Đảng bộ Sở Giáo dục",
            short_name="ĐU",
        ),
    )
    units = [tree.base1, tree.base2, third]
    rt = ReportType.objects.create(unit=tree.bloc, title="Báo cáo quý")
    members = Indicator.objects.create(
        report_type=rt, order=1, code="dv", label="Tổng số đảng viên", measure="người"
    )
    periods = [
        Period.objects.create(
            report_type=rt,
            kind=PeriodKind.QUARTER,
            year=2025,
            index=q,
            start=date(2025, 3 * q - 2, 1),
            end=date(2025, 3 * q, 28),
            due_date=date(2025, 3 * q, 28),
        )
        for q in (1, 2)
    ]
    set_recipients(rt, units)

    def report(period: Period, unit: Unit, value: str) -> None:
        sub = Submission.objects.get(period=period, unit=unit)
        result = submit(sub, {members.key: value}, sub.version, uuid.uuid4().hex, None)
        assert result.ok

    for unit, value in zip(units, ("1500", "1600", "1502"), strict=True):
        report(periods[0], unit, value)
    report(periods[1], tree.base1, "1510")  # the only one so far this quarter
    return {"rt": rt, "members": members, "periods": periods, "units": units}


def test_the_trend_compares_like_with_like_and_states_the_coverage(tree: Tree) -> None:
    s = _setup(tree)
    t = trend(s["rt"], tree.bloc)
    members = s["members"].pk
    assert t.series[members] == [4602.0, 1510.0]  # what was reported: looks like a collapse
    assert t.comparable_units == 1
    assert t.comparable[members] == [1500.0, 1510.0]  # the same unit in both quarters
    assert [c.label for c in t.coverage] == ["3/3", "1/3"]


def test_the_rollup_page_states_n_of_n_and_draws_both_lines(
    tree: Tree, users: Any, client_as: Any
) -> None:
    s = _setup(tree)
    q2 = s["periods"][1]
    r = rollup(q2, tree.bloc)
    assert (r.submitted, r.expected, r.coverage_text) == (1, 3, "1/3 đơn vị đã báo cáo")
    html = (
        client_as("khoi")
        .get(reverse("reports:rollup", kwargs={"period_pk": q2.pk}))
        .content.decode()
    )
    assert "1/3 đơn vị đã báo cáo" in html and "còn 2 đơn vị chưa báo cáo" in html
    assert "Quý I/2025 (3/3)" in html and "Quý II/2025 (1/3)" in html
    assert "Cùng 1 đơn vị nộp đủ các kỳ" in html
    # the files say it too
    xlsx = client_as("khoi").get(reverse("reports:compiled_xlsx", kwargs={"period_pk": q2.pk}))
    assert 'filename="bao-cao-tong-hop-quy-2-2025.xlsx"' in xlsx["Content-Disposition"]
    cells = [
        c
        for row in load_workbook(io.BytesIO(xlsx.content)).worksheets[0].iter_rows(values_only=True)
        for c in row
    ]
    assert "Tổng hợp từ 1/3 đơn vị đã báo cáo" in cells


def test_a_fully_reported_period_says_so(tree: Tree, client_as: Any, users: Any) -> None:
    s = _setup(tree)
    q1 = s["periods"][0]
    html = (
        client_as("khoi")
        .get(reverse("reports:rollup", kwargs={"period_pk": q1.pk}))
        .content.decode()
    )
    assert "3/3 đơn vị đã báo cáo" in html and "chưa báo cáo" not in html


def test_a_period_nobody_reported_in_yet_is_left_out_of_the_comparison(tree: Tree) -> None:
    s = _setup(tree)
    Period.objects.create(
        report_type=s["rt"],
        kind=PeriodKind.QUARTER,
        year=2025,
        index=3,
        start=date(2025, 7, 1),
        end=date(2025, 9, 30),
        due_date=date(2025, 9, 30),
    )
    set_recipients(s["rt"], s["units"])  # the drafts of the new quarter
    t = trend(s["rt"], tree.bloc)
    assert [c.label for c in t.coverage] == ["3/3", "1/3"]
    assert t.comparable_units == 1
