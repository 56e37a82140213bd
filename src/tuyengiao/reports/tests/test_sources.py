"""Indicators filled from the product's figures: a study round's rate, a plan's tasks by status."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from tuyengiao.orgs.models import Person
from tuyengiao.plans.models import Plan, Task, TaskAssignment
from tuyengiao.reports.forms import IndicatorForm
from tuyengiao.reports.models import (
    DataSource,
    Indicator,
    IndicatorKind,
    Period,
    PeriodKind,
    ReportType,
    Submission,
)
from tuyengiao.reports.services import sources
from tuyengiao.reports.services.drafts import save_draft
from tuyengiao.reports.services.recipients import set_recipients
from tuyengiao.study.models import StudySession
from tuyengiao.study.services import attendance, rounds
from tuyengiao.testing import Tree

pytestmark = pytest.mark.django_db


def _setup(tree: Tree) -> dict[str, Any]:
    today = timezone.localdate()
    people = [
        Person.objects.create(unit=tree.base1, full_name=n, is_party_member=True)
        for n in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")
    ]
    study_round = rounds.open_round(
        unit=tree.bloc, title="Học tập Nghị quyết XIII", starts_on=today - timedelta(days=5),
        ends_on=today + timedelta(days=20), covered_units=[tree.base1, tree.base2],
    )  # fmt: skip
    now = timezone.now()
    session = StudySession.objects.create(
        round=study_round, unit=tree.base1, starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(hours=1),
    )  # fmt: skip
    attendance.record_attendance(session, people[:2])
    plan = Plan.objects.create(unit=tree.bloc, number="412-KH/ĐUK", title="Kế hoạch quý")
    for n, progress in enumerate((100, 100, 30)):
        task = Task.objects.create(
            plan=plan, order=n, title=f"Nhiệm vụ {n}", end_date=today + timedelta(days=30)
        )
        TaskAssignment.objects.create(task=task, unit=tree.base1, progress=progress)
    rt = ReportType.objects.create(unit=tree.bloc, title="Báo cáo quý", plan=plan)
    rate = Indicator.objects.create(
        report_type=rt, order=1, code="ty-le", label="Tỷ lệ đảng viên học tập",
        kind=IndicatorKind.PERCENT, source=DataSource.STUDY_RATE, source_round=study_round,
    )  # fmt: skip
    done = Indicator.objects.create(
        report_type=rt, order=2, code="xong", label="Nhiệm vụ hoàn thành",
        source=DataSource.PLAN_DONE,
    )  # fmt: skip
    typed = Indicator.objects.create(report_type=rt, order=3, code="buoi", label="Số buổi")
    Period.objects.create(
        report_type=rt, kind=PeriodKind.QUARTER, year=today.year, index=1,
        start=today - timedelta(days=60), end=today + timedelta(days=20),
        due_date=today + timedelta(days=30),
    )  # fmt: skip
    set_recipients(rt, [tree.base1])
    sub = Submission.objects.get(period__report_type=rt, unit=tree.base1)
    return {"sub": sub, "rate": rate, "done": done, "typed": typed, "rt": rt, "round": study_round}


def test_figures_come_from_the_round_and_the_plan(tree: Tree) -> None:
    s = _setup(tree)
    figures = sources.figures(s["sub"], [s["rate"], s["done"], s["typed"]])
    assert figures[s["rate"].pk].text == "66,67"  # 2 of 3 members
    assert figures[s["done"].pk].value == 2.0 and figures[s["done"].pk].text == "2"
    assert "Học tập Nghị quyết XIII" in figures[s["rate"].pk].origin
    assert s["typed"].pk not in figures


def test_the_form_is_prefilled_and_marks_what_the_officer_changed(
    tree: Tree, users: Any, client_as: Any
) -> None:
    s = _setup(tree)
    sub, rate, done = s["sub"], s["rate"], s["done"]
    url = reverse("reports:submission", kwargs={"submission_pk": sub.pk})
    html = client_as("coso1").get(url).content.decode()
    assert f'name="{rate.key}" id="id_{rate.key}" value="66,67"' in html
    assert f'name="{done.key}" id="id_{done.key}" value="2"' in html
    assert html.count("Số liệu lấy từ hệ thống") == 2 and "đã sửa" not in html
    # the officer corrects the number of tasks done; the rate is kept as given
    save_draft(sub, {rate.key: "66,67", done.key: "3"}, sub.version, users["coso1"])
    html = client_as("coso1").get(url).content.decode()
    assert f'name="{done.key}" id="id_{done.key}" value="3"' in html
    assert html.count("đã sửa") == 1 and "số liệu hệ thống: 2" in html
    assert html.count("Số liệu lấy từ hệ thống") == 1


def test_a_bound_indicator_needs_its_round_or_plan(tree: Tree) -> None:
    s = _setup(tree)
    base = {
        "i-order": "4", "i-code": "moi", "i-label": "Mới", "i-kind": "number",
        "i-required": "on", "i-integer": "on", "i-aggregate": "sum",
    }  # fmt: skip
    form = IndicatorForm({**base, "i-source": "study_attended"}, prefix="i", report_type=s["rt"])
    assert not form.is_valid() and "Hãy chọn đợt học tập" in str(form.errors)
    form = IndicatorForm(
        {**base, "i-source": "study_attended", "i-source_round": str(s["round"].pk)},
        prefix="i",
        report_type=s["rt"],
    )
    assert form.is_valid(), form.errors
    no_plan = ReportType.objects.create(unit=tree.bloc, title="Không kế hoạch")
    form = IndicatorForm({**base, "i-source": "plan_done"}, prefix="i", report_type=no_plan)
    assert not form.is_valid() and "chưa gắn với kế hoạch" in str(form.errors)
