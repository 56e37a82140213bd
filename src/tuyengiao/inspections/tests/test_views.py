"""The pages: planning with the unit picker, the visit's autosave and whole-form save, who may
write, the conclusion form, the year's list and the unit's own page, the exports."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tuyengiao.accounts.models import User
from tuyengiao.inspections import services
from tuyengiao.inspections.models import Finding, Inspection, Visit, VisitState
from tuyengiao.testing import Tree

from .conftest import BlocPlan

pytestmark = pytest.mark.django_db


def _visit(tree: Tree, bloc_plan: BlocPlan) -> Visit:
    inspection = services.create_inspection(
        unit=tree.bloc,
        user=None,
        kind="giam_sat",
        title="Giám sát việc thực hiện kế hoạch",
        plan=bloc_plan.plan,
        period_start=bloc_plan.start,
        period_end=bloc_plan.end,
        planned_on=timezone.localdate(),
        units=[tree.base1],
        head=bloc_plan.head,
    )
    return inspection.visits.get()


def test_create_with_the_picker_drafts_checklists(
    tree: Tree, bloc_plan: BlocPlan, client_as: Callable[[str], Client]
) -> None:
    khoi = client_as("khoi")
    assert khoi.get(reverse("inspections:inspection_create")).status_code == 200
    d = timezone.localdate()
    response = khoi.post(
        reverse("inspections:inspection_create"),
        {
            "kind": "kiem_tra",
            "title": "Kiểm tra thực hiện kế hoạch",
            "plan": bloc_plan.plan.pk,
            "units": [tree.base1.pk, tree.base2.pk],
            "period_start": bloc_plan.start.isoformat(),
            "period_end": bloc_plan.end.isoformat(),
            "planned_on": d.isoformat(),
            "head": bloc_plan.head.pk,
            "members": [bloc_plan.member.pk],
        },
    )
    assert response.status_code == 302, [str(e) for e in response.context["form"].errors.values()]
    inspection = Inspection.objects.get()
    counts = {v.unit_id: v.lines.count() for v in inspection.visits.all()}
    assert counts == {tree.base1.pk: 3, tree.base2.pk: 1}


def test_create_refuses_bad_input_with_messages(
    tree: Tree, bloc_plan: BlocPlan, client_as: Callable[[str], Client]
) -> None:
    response = client_as("khoi").post(
        reverse("inspections:inspection_create"),
        {
            "kind": "kiem_tra",
            "title": "Kiểm tra",
            "units": [tree.department.pk],
            "period_start": "2026-06-01",
            "period_end": "2026-01-01",
            "planned_on": "2026-06-01",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "không thuộc phạm vi được chọn" in page
    assert "phải sau ngày bắt đầu" in page
    assert not Inspection.objects.exists()


def test_autosave_and_whole_form_save(
    tree: Tree, bloc_plan: BlocPlan, client_as: Callable[[str], Client]
) -> None:
    visit = _visit(tree, bloc_plan)
    lines = list(visit.lines.all())
    khoi = client_as("khoi")
    page = khoi.get(reverse("inspections:visit_detail", kwargs={"visit_pk": visit.pk}))
    assert "inspections/visit.js" in page.content.decode()
    response = khoi.post(
        reverse("inspections:line_autosave", kwargs={"line_pk": lines[0].pk}),
        {f"l{lines[0].pk}-finding": "partly", f"l{lines[0].pk}-note": "Thiếu biên bản"},
    )
    assert response.status_code == 200 and "Đã lưu" in response.content.decode()
    lines[0].refresh_from_db()
    assert (lines[0].finding, lines[0].note) == ("partly", "Thiếu biên bản")
    data = {f"l{line.pk}-finding": "done" for line in lines}
    data[f"l{lines[2].pk}-finding"] = "not_done"
    data[f"l{lines[2].pk}-note"] = "Chưa làm"
    response = khoi.post(reverse("inspections:visit_save", kwargs={"visit_pk": visit.pk}), data)
    assert response.status_code == 302
    assert [line.finding for line in visit.lines.all()] == ["done", "done", "not_done"]


def test_bad_file_keeps_every_value(
    tree: Tree, bloc_plan: BlocPlan, client_as: Callable[[str], Client]
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    visit = _visit(tree, bloc_plan)
    lines = list(visit.lines.all())
    data: dict[str, object] = {f"l{line.pk}-finding": "done" for line in lines}
    data[f"l{lines[1].pk}-note"] = "Ghi chú giữ lại"
    data[f"l{lines[1].pk}-evidence"] = SimpleUploadedFile("rong.pdf", b"")
    response = client_as("khoi").post(
        reverse("inspections:visit_save", kwargs={"visit_pk": visit.pk}), data
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Ghi chú giữ lại" in page
    assert "rong.pdf" in page
    # the other lines were saved
    assert visit.lines.filter(finding=Finding.DONE).count() == 2


def test_the_inspected_unit_reads_but_never_writes_findings(
    tree: Tree, bloc_plan: BlocPlan, client_as: Callable[[str], Client]
) -> None:
    visit = _visit(tree, bloc_plan)
    line = visit.lines.first()
    assert line is not None
    coso1 = client_as("coso1")
    page = coso1.get(reverse("inspections:visit_detail", kwargs={"visit_pk": visit.pk}))
    assert page.status_code == 200
    assert "visit.js" not in page.content.decode()
    url = reverse("inspections:line_autosave", kwargs={"line_pk": line.pk})
    assert coso1.post(url, {f"l{line.pk}-finding": "done"}).status_code == 403
    assert (
        coso1.post(reverse("inspections:visit_save", kwargs={"visit_pk": visit.pk})).status_code
        == 403
    )
    assert (
        client_as("coso2")
        .get(reverse("inspections:visit_detail", kwargs={"visit_pk": visit.pk}))
        .status_code
        == 404
    )
    line.refresh_from_db()
    assert line.finding == ""
    mine = coso1.get(reverse("inspections:my_inspections")).content.decode()
    assert "Giám sát việc thực hiện kế hoạch" in mine
    assert (
        "Giám sát việc thực hiện kế hoạch"
        not in client_as("coso2").get(reverse("inspections:my_inspections")).content.decode()
    )


def test_conclude_form_proposes_and_makes_tasks(
    tree: Tree, bloc_plan: BlocPlan, client_as: Callable[[str], Client]
) -> None:
    visit = _visit(tree, bloc_plan)
    for line, finding in zip(visit.lines.all(), ["done", "not_done", "not_done"], strict=True):
        services.record_finding(line, None, finding, "")
    khoi = client_as("khoi")
    url = reverse("inspections:visit_conclude", kwargs={"visit_pk": visit.pk})
    page = khoi.get(url).content.decode()
    assert "Hoàn thành: Tuyên truyền trên trang tin" in page
    due = (timezone.localdate() + timedelta(days=20)).isoformat()
    missing_due = khoi.post(url, {"conclusion": "Kết luận", "rec_0": "Sửa A"})
    assert "Hãy chọn hạn khắc phục" in missing_due.content.decode()
    response = khoi.post(
        url,
        {"conclusion": "Kết luận", "rec_0": "Sửa A", "due_0": due, "rec_1": "Sửa B", "due_1": due},
    )
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.state == VisitState.CONCLUDED
    assert visit.recommendations.count() == 2
    docx = khoi.get(reverse("inspections:conclusion_docx", kwargs={"visit_pk": visit.pk}))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert "thong-bao-ket-luan" in docx["Content-Disposition"]


def test_year_list_calendar_and_export(
    tree: Tree, bloc_plan: BlocPlan, client_as: Callable[[str], Client]
) -> None:
    visit = _visit(tree, bloc_plan)
    khoi = client_as("khoi")
    page = khoi.get(reverse("inspections:inspection_list")).content.decode()
    assert "Giám sát việc thực hiện kế hoạch" in page
    assert f"Tháng {visit.inspection.planned_on.month}" in page
    response = khoi.get(reverse("inspections:inspection_list") + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][2] == "Giám sát việc thực hiện kế hoạch"
    assert rows[1][4] == tree.base1.name
    # the sibling unit's officer sees none of it
    other = client_as("coso2").get(reverse("inspections:inspection_list")).content.decode()
    assert "Giám sát việc thực hiện kế hoạch" not in other


def test_dashboard_sections(tree: Tree, bloc_plan: BlocPlan, users: dict[str, User]) -> None:
    from tuyengiao.inspections.dashboard import sections

    visit = _visit(tree, bloc_plan)
    titles = [s.title for s in sections(users["khoi"], timezone.localdate())]
    assert "Kiểm tra, giám sát trong tuần" in titles
    for line in visit.lines.all():
        services.record_finding(line, None, Finding.NOT_DONE, "")
    services.conclude(visit, None, "K", [("Sửa ngay", timezone.localdate() + timedelta(days=2))])
    own = sections(users["coso1"], timezone.localdate())
    assert [s.title for s in own] == ["Kiến nghị sau kiểm tra cần khắc phục"]
    assert own[0].items[0].text == "Sửa ngay"
