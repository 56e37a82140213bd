"""The dashboard "Tuần này": the officer's week (reports, tasks, plans, sessions, returned
reports), each item a link; for a superior the units behind, with links to drill down."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from tuyengiao.accounts.models import User
from tuyengiao.plans.models import Plan, Task, TaskAssignment
from tuyengiao.plans.services import send_down
from tuyengiao.reports.models import Period, PeriodKind, ReportType, Status, Submission
from tuyengiao.reports.services.recipients import set_recipients
from tuyengiao.study.models import StudyRound, StudySession
from tuyengiao.testing import SECRET_MARK, Tree

pytestmark = pytest.mark.django_db


def _week(tree: Tree) -> dict[str, Any]:
    today = timezone.localdate()
    plan = Plan.objects.create(unit=tree.bloc, number="412-KH/ĐUK", title="Học tập chuyên đề")
    task = Task.objects.create(
        plan=plan, order=1, title="Tổ chức hội nghị quán triệt", end_date=today + timedelta(days=2)
    )
    later = Task.objects.create(
        plan=plan, order=2, title="Sơ kết năm", end_date=today + timedelta(days=60)
    )
    late = Task.objects.create(
        plan=plan, order=3, title="Báo cáo chuyên đề quý", end_date=today - timedelta(days=3)
    )
    due = TaskAssignment.objects.create(task=task, unit=tree.base1)
    TaskAssignment.objects.create(task=later, unit=tree.base1)
    TaskAssignment.objects.create(task=late, unit=tree.base2)  # base2 is behind
    send_down(plan, tree.bloc, [tree.base1, tree.base2], today + timedelta(days=10))

    rt = ReportType.objects.create(unit=tree.bloc, title="Báo cáo tuyên giáo quý")
    period = Period.objects.create(
        report_type=rt, kind=PeriodKind.QUARTER, year=today.year, index=1,
        start=today - timedelta(days=80), end=today - timedelta(days=5),
        due_date=today + timedelta(days=4),
    )  # fmt: skip
    set_recipients(rt, [tree.base1, tree.base2])
    sub1 = Submission.objects.get(period=period, unit=tree.base1)
    Submission.objects.filter(pk=sub1.pk).update(status=Status.RETURNED, comment="Thiếu số liệu")
    Submission.objects.filter(period=period, unit=tree.base2).update(
        status=Status.SUBMITTED, comment=SECRET_MARK
    )

    study_round = StudyRound.objects.create(
        unit=tree.bloc, title="Học tập Nghị quyết XIII", starts_on=today,
        ends_on=today + timedelta(days=30),
    )  # fmt: skip
    at = timezone.make_aware(
        datetime.combine(today + timedelta(days=1), time(8, 0)), timezone.get_current_timezone()
    )
    session = StudySession.objects.create(
        round=study_round, unit=tree.bloc, title="Hội nghị của Khối", starts_at=at,
        ends_at=at + timedelta(hours=2),
    )  # fmt: skip
    StudySession.objects.create(
        round=study_round, unit=tree.base2, title=f"Hội nghị {SECRET_MARK}", starts_at=at,
        ends_at=at + timedelta(hours=2),
    )  # fmt: skip
    return {"due": due, "sub1": sub1, "session": session, "plan": plan, "period": period}


def _links(html: str) -> set[str]:
    return set(re.findall(r'href="([^"]+)"', html))


def test_the_officers_week(tree: Tree, users: dict[str, User], client_as: Any) -> None:
    made = _week(tree)
    html = client_as("coso1").get(reverse("core:dashboard")).content.decode()
    assert "<h1>Tuần này</h1>" in html
    links = _links(html)
    # a task due in 2 days, not the one in 60 days
    assert reverse("plans:assignment_detail", kwargs={"assignment_pk": made["due"].pk}) in links
    assert "Tổ chức hội nghị quán triệt" in html and "Sơ kết năm" not in html
    # the plan sent down to carry out
    assert reverse("plans:inbox") in links and "412-KH/ĐUK — Học tập chuyên đề" in html
    # the report due (returned, with the superior's comment) in both report sections
    sub_url = reverse("reports:submission", kwargs={"submission_pk": made["sub1"].pk})
    assert html.count(f'href="{sub_url}"') == 2 and "Nhận xét: Thiếu số liệu" in html
    # tomorrow's session of the bloc; never the sibling unit's
    assert reverse("study:session_detail", kwargs={"session_pk": made["session"].pk}) in links
    assert SECRET_MARK not in html
    # an officer's own week has no "units below" part
    assert "Đơn vị cấp dưới" not in html
    # dates in Vietnamese form
    assert f"{made['sub1'].period.due_date:%d/%m/%Y}" in html


def test_the_superiors_units_behind(tree: Tree, users: dict[str, User], client_as: Any) -> None:
    made = _week(tree)
    html = client_as("khoi").get(reverse("core:dashboard")).content.decode()
    assert "Đơn vị cấp dưới" in html
    links = _links(html)
    board = reverse("plans:plan_board", kwargs={"plan_pk": made["plan"].pk})
    assert board in links
    assert "0/2 đơn vị đã ban hành kế hoạch thực hiện" in html
    assert "1 phần việc quá hạn của 1 đơn vị" in html
    # reports: 1 of 2 reported (base2 submitted; base1's returned report does not count)
    assert "Báo cáo tuyên giáo quý — Quý I" in html and "1/2 đơn vị đã báo cáo" in html
    matrix = [link for link in links if link.startswith(reverse("reports:matrix") + "?")]
    assert matrix and f"period={made['period'].key}" in matrix[0].replace("&amp;", "&")
    assert "Học tập Nghị quyết XIII: tỷ lệ" in html


def test_every_item_is_a_link(tree: Tree, users: dict[str, User], client_as: Any) -> None:
    _week(tree)
    for who in ("coso1", "khoi"):
        html = client_as(who).get(reverse("core:dashboard")).content.decode()
        items = re.findall(r"<li>(.*?)</li>", html, re.S)
        assert items and all(item.strip().startswith("<a href=") for item in items), who


def test_a_user_without_a_unit_gets_a_page(users: dict[str, User], client_as: Any) -> None:
    response = client_as("admin").get(reverse("core:dashboard"))
    assert response.status_code == 200 and "không gắn với đơn vị" in response.content.decode()
