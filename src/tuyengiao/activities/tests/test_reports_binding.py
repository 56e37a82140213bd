"""The activity register feeds report indicators: five activities recorded by two base units in a
quarter make the quarterly report's bound indicators show 5 and their audience, rolled up at the
bloc; and a plan task's page shows the activities linked to it as evidence."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from tuyengiao.activities.models import ActivityKind
from tuyengiao.activities.services import records
from tuyengiao.plans.models import Plan, Task, TaskAssignment
from tuyengiao.reports.forms import IndicatorForm
from tuyengiao.reports.models import (
    DataSource,
    Indicator,
    Period,
    PeriodKind,
    ReportType,
    Submission,
)
from tuyengiao.reports.services import sources
from tuyengiao.reports.services.drafts import submit
from tuyengiao.reports.services.recipients import set_recipients
from tuyengiao.reports.services.rollups import rollup
from tuyengiao.testing import Tree

pytestmark = pytest.mark.django_db


def _kind(name: str) -> ActivityKind:
    return ActivityKind.objects.get(name=name)


def _quarter(tree: Tree) -> dict[str, Any]:
    year = timezone.localdate().year - 1  # a past quarter: every activity in it already happened
    rt = ReportType.objects.create(unit=tree.bloc, title="Báo cáo công tác tuyên giáo quý")
    count = Indicator.objects.create(
        report_type=rt, order=1, code="so-hoat-dong", label="Số hoạt động tuyên truyền",
        source=DataSource.ACTIVITY_COUNT,
    )  # fmt: skip
    reached = Indicator.objects.create(
        report_type=rt, order=2, code="so-nguoi", label="Số lượt người được tuyên truyền",
        source=DataSource.ACTIVITY_REACHED,
    )  # fmt: skip
    talks = Indicator.objects.create(
        report_type=rt, order=3, code="noi-chuyen", label="Số buổi nói chuyện chuyên đề",
        source=DataSource.ACTIVITY_COUNT, source_activity_kind=_kind("Nói chuyện chuyên đề"),
    )  # fmt: skip
    period = Period.objects.create(
        report_type=rt, kind=PeriodKind.QUARTER, year=year, index=3,
        start=date(year, 7, 1), end=date(year, 9, 30), due_date=date(year, 10, 15),
    )  # fmt: skip
    set_recipients(rt, [tree.base1, tree.base2])
    return {"rt": rt, "period": period, "indicators": [count, reached, talks], "year": year}


def _record(unit: Any, user: Any, held_on: date, reached: int, kind: str) -> None:
    records.record(
        unit,
        user,
        {
            "kind": _kind(kind),
            "topic": "Kỷ niệm Quốc khánh 2/9",
            "held_on": held_on,
            "reached": reached,
        },
    )


def test_five_activities_of_two_bases_fill_the_quarter_and_roll_up_at_the_bloc(
    tree: Tree, users: Any, client_as: Any
) -> None:
    q = _quarter(tree)
    year = q["year"]
    talk, film = "Nói chuyện chuyên đề", "Chiếu phim"
    _record(tree.base1, users["coso1"], date(year, 7, 10), 120, talk)
    _record(tree.cell1, users["coso1"], date(year, 8, 2), 35, film)  # a cell of base1: counted
    _record(tree.base1, users["coso1"], date(year, 9, 30), 45, film)  # the last day: counted
    _record(tree.base2, users["coso2"], date(year, 8, 19), 200, talk)
    _record(tree.base2, users["coso2"], date(year, 9, 1), 60, film)
    # outside the quarter or outside the bloc: not counted
    _record(tree.base1, users["coso1"], date(year, 10, 1), 999, talk)
    _record(tree.base2, users["coso2"], date(year, 6, 30), 999, talk)
    _record(tree.department, users["sotttt"], date(year, 8, 1), 999, talk)

    count, reached, talks = q["indicators"]
    expected = {tree.base1: (3, 200, 1), tree.base2: (2, 260, 1)}
    for unit, (n, people, n_talks) in expected.items():
        sub = Submission.objects.get(period=q["period"], unit=unit)
        figures = sources.figures(sub, q["indicators"])
        assert figures[count.pk].value == n and figures[reached.pk].value == people
        assert figures[talks.pk].value == n_talks
        assert figures[talks.pk].origin == "Sổ hoạt động tuyên truyền — Nói chuyện chuyên đề"
        user = users["coso1" if unit == tree.base1 else "coso2"]
        if unit == tree.base1:  # the officer sees the form filled in
            html = (
                client_as("coso1")
                .get(reverse("reports:submission", kwargs={"submission_pk": sub.pk}))
                .content.decode()
            )
            assert f'name="{count.key}" id="id_{count.key}" value="3"' in html
            assert f'name="{reached.key}" id="id_{reached.key}" value="200"' in html
        data = {ind.key: figures[ind.pk].text for ind in q["indicators"]}
        result = submit(sub, data, sub.version, f"tok-{unit.pk}", user)
        assert result.submission.status == "submitted", result

    at_bloc = rollup(q["period"], tree.bloc)
    totals = {row.indicator.code: row.value for row in at_bloc.total}
    assert totals == {"so-hoat-dong": 5, "so-nguoi": 460, "noi-chuyen": 2}
    assert at_bloc.coverage_text == "2/2 đơn vị đã báo cáo"
    by_child = {u.code: {r.indicator.code: r.value for r in rows} for u, rows in at_bloc.children}
    assert by_child["DB-STTTT"]["so-hoat-dong"] == 3 and by_child["DB-SYT"]["so-nguoi"] == 260


def test_an_activity_indicator_needs_no_plan_and_a_kind_only_with_it(tree: Tree) -> None:
    rt = ReportType.objects.create(unit=tree.bloc, title="Không kế hoạch")
    base = {
        "i-order": "4", "i-code": "moi", "i-label": "Mới", "i-kind": "number",
        "i-required": "on", "i-integer": "on", "i-aggregate": "sum",
    }  # fmt: skip
    form = IndicatorForm({**base, "i-source": "activity_reached"}, prefix="i", report_type=rt)
    assert form.is_valid(), form.errors
    kind = str(_kind("Triển lãm").pk)
    form = IndicatorForm(
        {**base, "i-source": "", "i-source_activity_kind": kind}, prefix="i", report_type=rt
    )
    assert not form.is_valid() and "chỉ dùng khi lấy số liệu từ sổ hoạt động" in str(form.errors)


def test_a_task_page_shows_the_activities_done_for_it(
    tree: Tree, users: Any, client_as: Any
) -> None:
    plan = Plan.objects.create(unit=tree.bloc, number="15-KH/ĐUK", title="Kế hoạch tuyên truyền")
    task = Task.objects.create(plan=plan, order=1, title="Tuyên truyền kỷ niệm 2/9")
    assignment = TaskAssignment.objects.create(task=task, unit=tree.base1)
    records.record(
        tree.base1,
        users["coso1"],
        {
            "kind": _kind("Triển lãm"),
            "topic": "Triển lãm ảnh 80 năm Quốc khánh",
            "held_on": timezone.localdate(),
            "reached": 300,
            "assignment": assignment,
        },
    )
    url = reverse("plans:assignment_detail", kwargs={"assignment_pk": assignment.pk})
    html = client_as("coso1").get(url).content.decode()
    assert "Hoạt động đã thực hiện" in html and "Triển lãm ảnh 80 năm Quốc khánh" in html
    assert reverse("activities:activity_create") + f"?nhiem-vu={assignment.pk}" in html
    # the bloc reads the base's task page with its evidence, but gets no button to record for it
    html = client_as("khoi").get(url).content.decode()
    assert "Triển lãm ảnh 80 năm Quốc khánh" in html and "?nhiem-vu=" not in html
