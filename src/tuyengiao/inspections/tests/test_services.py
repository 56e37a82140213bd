"""The inspection's job end to end: the checklist drafted from the unit's tasks, findings, the
conclusion's recommendations as tasks of the unit, closed when their evidence is accepted."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from docx import Document

from tuyengiao.accounts.models import User
from tuyengiao.inspections import services
from tuyengiao.inspections.conclusion_docx import build_conclusion
from tuyengiao.inspections.models import (
    Finding,
    Inspection,
    Recommendation,
    Source,
    TeamMember,
    VisitState,
)
from tuyengiao.plans.models import PlanKind, TaskAssignment
from tuyengiao.plans.services import record_update
from tuyengiao.reports.models import Status as ReportStatus
from tuyengiao.testing import Tree, logged_in_client

from .conftest import BlocPlan

pytestmark = pytest.mark.django_db


def _inspect(tree: Tree, bloc_plan: BlocPlan, user: User | None = None) -> Inspection:
    return services.create_inspection(
        unit=tree.bloc,
        user=user,
        kind="kiem_tra",
        title="Việc thực hiện kế hoạch tuyên truyền",
        plan=bloc_plan.plan,
        period_start=bloc_plan.start,
        period_end=bloc_plan.end,
        planned_on=timezone.localdate() + timedelta(days=3),
        units=[tree.base1],
        head=bloc_plan.head,
        members=[bloc_plan.member, bloc_plan.head],
    )


def test_checklist_has_a_line_per_task_of_the_unit_with_its_reported_status(
    tree: Tree, bloc_plan: BlocPlan
) -> None:
    inspection = _inspect(tree, bloc_plan)
    visit = inspection.visits.get()
    assert visit.unit == tree.base1
    lines = list(visit.lines.filter(source=Source.TASK))
    assert [line.assignment_id for line in lines] == [a.pk for a in bloc_plan.assignments]
    assert lines[0].reported.startswith("Hoàn thành, tiến độ 100 %. Đã tổ chức ngày 05/3")
    assert lines[0].evidence_on_file.startswith("bien-ban")
    assert lines[1].reported.startswith("Đang thực hiện, tiến độ 50 %")
    assert lines[1].evidence_on_file == "Chưa có minh chứng"
    assert lines[2].reported.startswith("Chưa thực hiện, tiến độ 0 %")
    assert "Tổ chức hội nghị quán triệt" in lines[0].requirement
    # base2's assignment of the same task is not in base1's checklist
    assert visit.lines.count() == 3
    team = {(m.person.full_name, m.role) for m in TeamMember.objects.filter(inspection=inspection)}
    assert team == {("Trần Văn Hùng", "head"), ("Lê Thị Mai", "member")}


def test_checklist_takes_the_units_reports_of_the_period(tree: Tree, bloc_plan: BlocPlan) -> None:
    from tuyengiao.reports.models import Attachment, Period, ReportType, Submission

    rt = ReportType.objects.create(unit=tree.bloc, title="Báo cáo công tác tuyên giáo")
    today = timezone.localdate()

    def period(index: int, due: date) -> Period:
        return Period.objects.create(
            report_type=rt,
            kind="month",
            year=due.year,
            index=index,
            start=due,
            end=due,
            due_date=due,
        )

    submitted = Submission.objects.create(
        period=period(1, today - timedelta(days=5)),
        unit=tree.base1,
        status=ReportStatus.SUBMITTED,
        first_submitted_on=today - timedelta(days=3),
        is_late=True,
    )
    Attachment.objects.create(submission=submitted, file="x.pdf", name="so-lieu.xlsx")
    Submission.objects.create(period=period(2, today + timedelta(days=20)), unit=tree.base1)
    # outside the period, and another unit's: not in the checklist
    Submission.objects.create(period=period(3, bloc_plan.end + timedelta(days=40)), unit=tree.base1)
    Submission.objects.create(period=period(4, today), unit=tree.base2)
    visit = _inspect(tree, bloc_plan).visits.get()
    report_lines = list(visit.lines.filter(source=Source.REPORT))
    assert len(report_lines) == 2
    assert report_lines[0].submission == submitted
    assert report_lines[0].reported == (
        f"Đã nộp, nộp ngày {today - timedelta(days=3):%d/%m/%Y} (muộn)"
    )
    assert report_lines[0].evidence_on_file == "so-lieu.xlsx"
    assert report_lines[1].reported == "Chưa nộp"


def test_units_outside_the_subtree_are_refused(tree: Tree, bloc_plan: BlocPlan) -> None:
    with pytest.raises(services.InspectionError, match="không phải đơn vị cấp dưới"):
        services.create_inspection(
            unit=tree.base1,
            user=None,
            kind="kiem_tra",
            title="x",
            plan=None,
            period_start=bloc_plan.start,
            period_end=bloc_plan.end,
            planned_on=bloc_plan.end,
            units=[tree.base2],
            head=None,
        )


def test_two_not_done_findings_become_two_tasks_and_closing_them_closes_the_follow_up(
    tree: Tree, bloc_plan: BlocPlan, users: dict[str, User]
) -> None:
    visit = _inspect(tree, bloc_plan, users["khoi"]).visits.get()
    lines = list(visit.lines.all())
    services.record_finding(lines[0], users["khoi"], Finding.DONE, "Đủ biên bản")
    services.record_finding(lines[1], users["khoi"], Finding.NOT_DONE, "Chưa đăng đủ tin")
    services.record_finding(lines[2], users["khoi"], Finding.NOT_DONE, "")
    visit.refresh_from_db()
    assert visit.state == VisitState.VISITED
    proposals = services.proposed_recommendations(visit)
    assert len(proposals) == 2
    due = timezone.localdate() + timedelta(days=30)
    plan = services.conclude(
        visit, users["khoi"], "Đơn vị triển khai còn chậm.", [(p.text, due) for p in proposals]
    )
    assert plan is not None and plan.kind == PlanKind.CONCLUSION and plan.unit == tree.bloc
    recs = list(Recommendation.objects.filter(visit=visit))
    assert len(recs) == 2
    assignments = TaskAssignment.objects.filter(task__plan=plan)
    assert {a.unit_id for a in assignments} == {tree.base1.pk}
    assert {a.task.end_date for a in assignments} == {due}

    # visible in the unit's task list ("Nhiệm vụ của đơn vị")
    coso1 = logged_in_client(users["coso1"])
    page = coso1.get(reverse("plans:my_tasks")).content.decode()
    for rec in recs:
        assert rec.text[:40] in page
    # ... and not in the sibling unit's
    coso2 = logged_in_client(users["coso2"])
    assert recs[0].text[:40] not in coso2.get(reverse("plans:my_tasks")).content.decode()

    # not accepted without completion and evidence
    with pytest.raises(services.InspectionError, match="chưa báo cáo hoàn thành"):
        services.accept(recs[0], users["khoi"])
    # the unit reports completion with evidence through the plans' page, like any task
    for rec in recs:
        assert rec.assignment is not None
        response = coso1.post(
            reverse("plans:assignment_detail", kwargs={"assignment_pk": rec.assignment.pk}),
            {
                "progress": "100",
                "note": "Đã khắc phục",
                "evidence": ContentFile(b"%PDF-1.4 minh chung\n%%EOF", name="khac-phuc.pdf"),
            },
        )
        assert response.status_code == 302
    khoi = logged_in_client(users["khoi"])
    # the inspected unit cannot accept its own follow-up
    assert coso1.post(
        reverse("inspections:recommendation_accept", kwargs={"recommendation_pk": recs[0].pk})
    ).status_code in (403, 404)
    khoi.post(
        reverse("inspections:recommendation_accept", kwargs={"recommendation_pk": recs[0].pk})
    )
    visit.refresh_from_db()
    assert visit.state == VisitState.CONCLUDED
    khoi.post(
        reverse("inspections:recommendation_accept", kwargs={"recommendation_pk": recs[1].pk})
    )
    visit.refresh_from_db()
    assert visit.state == VisitState.CLOSED and visit.closed_on == timezone.localdate()


def test_send_back_reopens_the_task(
    tree: Tree, bloc_plan: BlocPlan, users: dict[str, User]
) -> None:
    visit = _inspect(tree, bloc_plan).visits.get()
    for line in visit.lines.all():
        services.record_finding(line, None, Finding.NOT_DONE, "")
    due = timezone.localdate() + timedelta(days=5)
    services.conclude(visit, None, "Chưa đạt.", [("Hoàn thành hội nghị", due)])
    rec = visit.recommendations.get()
    assert rec.assignment is not None
    record_update(rec.assignment, None, 100, "", ContentFile(b"x", "a.pdf"))
    services.send_back(rec, users["khoi"], "Biên bản thiếu chữ ký")
    rec.assignment.refresh_from_db()
    assert rec.assignment.progress == 90
    assert not services.ready_for_acceptance(rec)


def test_conclusion_refused_while_lines_are_open_or_deadline_past(
    tree: Tree, bloc_plan: BlocPlan
) -> None:
    visit = _inspect(tree, bloc_plan).visits.get()
    with pytest.raises(services.InspectionError, match="chưa ghi kết quả"):
        services.conclude(visit, None, "Kết luận", [])
    for line in visit.lines.all():
        services.record_finding(line, None, Finding.DONE, "")
    with pytest.raises(services.InspectionError, match="đã qua"):
        services.conclude(
            visit, None, "Kết luận", [("Sửa", timezone.localdate() - timedelta(days=1))]
        )
    assert services.conclude(visit, None, "Tốt.", []) is None
    visit.refresh_from_db()
    assert visit.state == VisitState.CLOSED
    with pytest.raises(services.InspectionError, match="Đã kết luận"):
        services.record_finding(visit.lines.first(), None, Finding.PARTLY, "")  # type: ignore[arg-type]


def test_conclusion_docx_reads_back_with_its_table(tree: Tree, bloc_plan: BlocPlan) -> None:
    visit = _inspect(tree, bloc_plan).visits.get()
    for line, finding in zip(
        visit.lines.all(), [Finding.DONE, Finding.PARTLY, Finding.NOT_DONE], strict=True
    ):
        services.record_finding(line, None, finding, "nhận xét")
    services.conclude(
        visit, None, "Đơn vị cần khẩn trương.", [("Hoàn thành mô hình", bloc_plan.end)]
    )
    doc = Document(io.BytesIO(build_conclusion(visit, timezone.localdate())))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "THÔNG BÁO" in text.upper()
    assert "Đơn vị cần khẩn trương." in text
    assert "Hoàn thành mô hình" in text
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "TT")
    assert len(table.rows) == 4
    assert [r.cells[3].text for r in table.rows[1:]] == [
        "Đã thực hiện",
        "Thực hiện một phần",
        "Chưa thực hiện",
    ]


def test_by_month_groups_the_year(tree: Tree, bloc_plan: BlocPlan) -> None:
    inspection = _inspect(tree, bloc_plan)
    months = services.by_month([inspection])
    assert len(months) == 12
    assert months[inspection.planned_on.month - 1][1] == [inspection]


def test_planning_tells_the_officers_of_the_inspected_unit(
    tree: Tree, bloc_plan: BlocPlan, django_capture_on_commit_callbacks: Any
) -> None:
    from tuyengiao.notifications.models import Kind, Notification
    from tuyengiao.testing import make_user

    base1_officer = make_user("vanphong_coso1_kt", tree.base1)
    make_user("vanphong_coso2_kt", tree.base2)
    with django_capture_on_commit_callbacks(execute=True):
        inspection = _inspect(tree, bloc_plan)
    told = Notification.objects.filter(kind=Kind.INSPECTION_PLANNED)
    assert [n.recipient for n in told] == [base1_officer]
    notice = told.get()
    assert inspection.title in notice.title
    assert f"{inspection.planned_on:%d/%m/%Y}" in notice.title
    page = logged_in_client(base1_officer).get(notice.url)
    assert page.status_code == 200 and inspection.title in page.content.decode()
