"""The demo loader gives a matrix, roll-ups and charts with something in them; a report type tied
to a plan carries the per-task progress table, rolled up across the units."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from tuyengiao.core.demo_context import DemoContext
from tuyengiao.orgs.models import Unit, UnitKind
from tuyengiao.plans.models import Plan, Task, TaskAssignment
from tuyengiao.reports import demo
from tuyengiao.reports.compile import compiled_docx
from tuyengiao.reports.models import Status, Submission
from tuyengiao.reports.services.drafts import submit
from tuyengiao.reports.services.plan_tasks import task_summary
from tuyengiao.reports.services.rollups import rollup

from .conftest import Setup, form_data

pytestmark = pytest.mark.django_db


def test_demo_load(tree: Any, users: Any, client_as: Any) -> None:
    extra = [
        Unit.objects.add_child(
            tree.bloc,
            dict(
                kind=UnitKind.BASE_ORGANISATION,
                code=f"DEMO{i:02d}",
                name=f"Đảng bộ mẫu {i}",
                short_name="ĐU",
            ),
        )
        for i in range(12)
    ]
    ctx = DemoContext(
        password="x",
        objects={
            "bloc": Unit.objects.get(pk=tree.bloc.pk),
            "base_units": [tree.base1, tree.base2, *extra],
            "users": users,
        },
    )
    demo.load(ctx)
    rt = ctx.objects["reports"]["quarterly"]
    assert rt.indicators.count() == 5 and rt.recipients.count() == 14
    statuses = set(
        Submission.objects.filter(period__report_type=rt).values_list("status", flat=True)
    )
    assert {Status.ACCEPTED, Status.RETURNED, Status.DRAFT} <= statuses
    assert Submission.objects.filter(period__report_type=rt, is_late=True).exists()
    client = client_as("khoi")
    page = client.get(reverse("reports:matrix"))
    assert page.status_code == 200 and page.context["rows"]
    past = rt.periods.filter(due_date__lt=date.today()).last()
    r = rollup(past, rt.unit)
    assert r.submitted > 0 and r.total[0].value
    assert (
        "<polyline"
        in client.get(reverse("reports:rollup", kwargs={"period_pk": past.pk})).content.decode()
    )


def test_per_task_table_from_the_plan(forty: Setup, client_as: Any, on_day: Any) -> None:
    s = forty
    plan = Plan.objects.create(
        unit=s.rt.unit, number="12-KH/ĐUK", title="Kế hoạch học tập nghị quyết"
    )
    t1 = Task.objects.create(plan=plan, order=1, title="Tổ chức học tập nghị quyết")
    t2 = Task.objects.create(plan=plan, order=2, title="Tuyên truyền trên trang thông tin")
    s.rt.plan = plan
    s.rt.save()
    officer = client_as("coso1")
    sub = Submission.objects.get(period=s.q1, unit=s.units[0])
    page = officer.get(reverse("reports:submission", kwargs={"submission_pk": sub.pk}))
    assert (
        "Tổ chức học tập nghị quyết" in page.content.decode()
        and f'name="task_{t1.pk}_status"' in page.content.decode()
    )
    on_day(date(2025, 3, 10))
    for n, status in [(0, "done"), (1, "in_progress"), (2, "done")]:
        sub = Submission.objects.get(period=s.q1, unit=s.units[n])
        data = form_data(s, n) | {
            f"task_{t1.pk}_status": status,
            f"task_{t1.pk}_result": f"Kết quả {n}",
            f"task_{t2.pk}_status": "not_started",
        }
        assert submit(sub, data, sub.version, "", None).ok
    on_day(None)
    summary = {item["task"].pk: item for item in task_summary(s.q1, s.rt.unit)}
    assert summary[t1.pk]["counts"]["done"] == 2 and summary[t1.pk]["counts"]["in_progress"] == 1
    assert summary[t2.pk]["counts"]["not_started"] == 3
    content, _ = compiled_docx(s.q1, s.rt.unit)
    import io

    from docx import Document as DocxDocument

    doc = DocxDocument(io.BytesIO(content))
    task_table = doc.tables[3]
    assert task_table.rows[1].cells[1].text == "Tổ chức học tập nghị quyết"
    assert (
        "Hoàn thành: 2" in task_table.rows[1].cells[2].text
        and "Đang thực hiện: 1" in task_table.rows[1].cells[2].text
    )


def test_task_rows_start_from_the_units_own_progress(forty: Setup, client_as: Any) -> None:
    """A unit that reported progress on its part of a task finds the row's status chosen."""
    s = forty
    plan = Plan.objects.create(unit=s.rt.unit, number="13-KH/ĐUK", title="Kế hoạch tuyên truyền")
    started = Task.objects.create(plan=plan, order=1, title="Tổ chức học tập nghị quyết")
    untouched = Task.objects.create(plan=plan, order=2, title="Tuyên truyền trên trang")
    s.rt.plan = plan
    s.rt.save()
    TaskAssignment.objects.create(task=started, unit=s.units[0], progress=40)
    sub = Submission.objects.get(period=s.q1, unit=s.units[0])
    page = client_as("coso1").get(reverse("reports:submission", kwargs={"submission_pk": sub.pk}))
    html = page.content.decode()

    def chosen(task: Task) -> str:
        select = re.search(rf'<select name="task_{task.pk}_status">(.*?)</select>', html, re.S)
        assert select is not None
        found = re.search(r'<option value="([^"]*)" selected', select.group(1))
        return found.group(1) if found else ""

    # a task the unit has no part in stays unchosen
    assert chosen(started) == "in_progress" and chosen(untouched) == ""
    # What the officer chose wins over the progress.
    sub.data = {f"task_{started.pk}_status": "done"}
    sub.save(update_fields=["data"])
    html = client_as("coso1").get(page.wsgi_request.path).content.decode()
    assert chosen(started) == "done"
