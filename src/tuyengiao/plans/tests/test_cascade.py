"""Plans, tasks, the cascade down the tree, the board, reminders and task tracking."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from docx import Document as DocxDocument

from tuyengiao.accounts.models import Role as UserRole
from tuyengiao.orgs.models import Unit, UnitKind
from tuyengiao.plans import services
from tuyengiao.plans.models import (
    CascadeRecipient,
    CascadeState,
    Plan,
    Role,
    Status,
    Task,
    TaskAssignment,
)
from tuyengiao.testing import make_user

pytestmark = pytest.mark.django_db


def bloc_plan(tree: Any, number: str = "45-KH/ĐUK") -> Plan:
    plan = Plan.objects.create(
        unit=tree.bloc,
        number=number,
        title="Tuyên truyền về xây dựng Đảng năm 2024",
        issuer_name="Ban Thường vụ Đảng ủy Khối",
        issued_on=date(2024, 3, 1),
    )
    Task.objects.create(
        plan=plan,
        order=1,
        title="Tổ chức học tập nghị quyết",
        timeframe_text="Quý II/2024",
        start_date=date(2024, 4, 1),
        end_date=date(2024, 6, 30),
    )
    Task.objects.create(
        plan=plan, order=2, title="Báo cáo kết quả", timeframe_text="hằng năm", recurrence="yearly"
    )
    return plan


def test_send_down_link_and_board(tree: Any, users: Any) -> None:
    plan = bloc_plan(tree)
    due = timezone.localdate() + timedelta(days=10)
    dispatch = services.send_down(
        plan, tree.bloc, [tree.base1, tree.base2, tree.province], due, "Đề nghị triển khai"
    )
    # The province is not below the bloc: only the two base units receive it.
    assert sorted(dispatch.recipients.values_list("unit__code", flat=True)) == [
        "DB-STTTT",
        "DB-SYT",
    ]
    with pytest.raises(services.CascadeError):
        services.send_down(plan, tree.bloc, [tree.base1], due)

    # base1 issues its plan "Thực hiện Kế hoạch số 45-KH/ĐUK …" and sends it down to its cell.
    base_plan = Plan.objects.create(
        unit=tree.base1, number="12-KH/ĐU", title="Thực hiện 45", issued_on=timezone.localdate()
    )
    linked = services.link_implementing_plan(base_plan, ["45 - KH/ĐUK"])
    assert [r.unit for r in linked] == [tree.base1]
    base_plan.refresh_from_db()
    assert base_plan.parent == plan and base_plan.chain == f"{plan.pk}/{base_plan.pk}/"
    services.send_down(base_plan, tree.base1, [tree.cell1], due)

    rows = list(services.board_queryset(plan))
    assert [(r.unit, r.state()) for r in rows] == [
        (tree.base1, CascadeState.ISSUED),
        (tree.cell1, CascadeState.PENDING),
        (tree.base2, CascadeState.PENDING),
    ]
    assert rows[0].days_taken() == 0 and rows[0].implementing_plan == base_plan
    assert services.board_summary(plan) == {"total": 3, "issued": 1, "pending": 2, "overdue": 0}
    later = due + timedelta(days=1)
    assert services.board_summary(plan, later) == {
        "total": 3,
        "issued": 1,
        "pending": 0,
        "overdue": 2,
    }
    overdue = services.board_queryset(plan, services.BoardFilters(state="overdue"), later)
    assert sorted(r.unit.code for r in overdue) == ["CB-STTTT-VP", "DB-SYT"]
    level2 = services.board_queryset(plan, services.BoardFilters(level=2))
    assert [r.unit for r in level2] == [tree.cell1]


def test_a_plan_already_in_the_library_links_when_sent(tree: Any) -> None:
    plan = bloc_plan(tree)
    early = Plan.objects.create(unit=tree.base2, number="3-KH/ĐU", title="Thực hiện sớm")
    assert services.link_implementing_plan(early, ["45-KH/ĐUK"]) == []  # not sent yet
    services.send_down(plan, tree.bloc, [tree.base2], timezone.localdate() + timedelta(days=5))
    assert CascadeRecipient.objects.get(unit=tree.base2).implementing_plan == early


def test_board_query_count_is_constant(tree: Any, client_as: Any) -> None:
    plan = bloc_plan(tree)
    due = timezone.localdate() + timedelta(days=3)
    services.send_down(plan, tree.bloc, [tree.base1], due)
    client = client_as("khoi")
    url = reverse("plans:plan_board", kwargs={"plan_pk": plan.pk})
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    extra = [
        Unit.objects.add_child(
            tree.bloc,
            dict(
                kind=UnitKind.BASE_ORGANISATION, code=f"X{i}", name=f"Đảng bộ X{i}", short_name="ĐU"
            ),
        )
        for i in range(12)
    ]
    services.send_down(plan, tree.bloc, [tree.base2, *extra], due)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert response.status_code == 200 and response.content.decode().count("state-pending") == 14
    assert len(large) == len(small)


def test_board_export_and_reminders_go_to_officers_of_pending_units_only(
    tree: Any, users: Any, client_as: Any
) -> None:
    plan = bloc_plan(tree)
    services.send_down(
        plan, tree.bloc, [tree.base1, tree.base2], timezone.localdate() + timedelta(days=3)
    )
    for name, user in users.items():
        user.email = f"{name}@example.vn"
        user.save()
    make_user("xem2", tree.base2, UserRole.VIEWER, email="xem2@example.vn")
    issued = Plan.objects.create(unit=tree.base1, number="2-KH/ĐU", title="Đã ban hành")
    services.link_implementing_plan(issued, ["45-KH/ĐUK"])
    client = client_as("khoi")
    url = reverse("plans:plan_board", kwargs={"plan_pk": plan.pk})
    response = client.post(url, {"remind": "1"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["coso2@example.vn"]  # base2's officer; not base1 (issued), not the viewer
    assert "45-KH/ĐUK" in message.subject and "Kính gửi Đảng bộ Sở Y tế" in message.body
    export = client.get(url + "?export=xlsx")
    assert export.status_code == 200
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(export.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]  # type: ignore[union-attr]
    assert values[0][1] == "Đơn vị"
    assert {row[1]: row[5] for row in values[1:]} == {
        "Đảng bộ Sở Thông tin và Truyền thông": "Đã ban hành",
        "Đảng bộ Sở Y tế": "Chưa ban hành",
    }


def test_board_is_for_the_issuer_and_its_ancestors(tree: Any, client_as: Any) -> None:
    plan = bloc_plan(tree)
    url = reverse("plans:plan_board", kwargs={"plan_pk": plan.pk})
    assert client_as("khoi").get(url).status_code == 200
    assert (
        client_as("coso1").get(url).status_code == 404
    )  # a recipient sees the plan, not the board
    assert (
        client_as("coso1")
        .get(reverse("plans:plan_detail", kwargs={"plan_pk": plan.pk}))
        .status_code
        == 200
    )


def test_inbox_draft_download(tree: Any, client_as: Any) -> None:
    plan = bloc_plan(tree)
    services.send_down(
        plan, tree.bloc, [tree.base1, tree.base2], timezone.localdate() + timedelta(days=3)
    )
    client = client_as("coso1")
    page = client.get(reverse("plans:inbox")).content.decode()
    assert "45-KH/ĐUK" in page and "Soạn kế hoạch thực hiện" in page
    mine = CascadeRecipient.objects.get(unit=tree.base1)
    other = CascadeRecipient.objects.get(unit=tree.base2)
    response = client.get(reverse("plans:recipient_draft", kwargs={"recipient_pk": mine.pk}))
    assert response.status_code == 200 and response["Content-Disposition"].endswith('.docx"')
    doc = DocxDocument(io.BytesIO(response.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Thực hiện Kế hoạch số 45-KH/ĐUK, ngày 01/3/2024 của Ban Thường vụ Đảng ủy Khối" in text
    assert "1. Tổ chức học tập nghị quyết" in text and "Thời gian thực hiện: Quý II/2024" in text
    # the đảng bộ's documents are issued by its committee (36-HD/VPTW điểm 1.2.1): the superior
    # đảng bộ above "ĐẢNG ỦY …", never "ĐẢNG BỘ SỞ …" above a "T/M ĐẢNG ỦY" signature
    header = doc.tables[0].rows[0].cells[0].text.split("\n")
    assert header[:2] == ["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", "ĐẢNG ỦY SỞ THÔNG TIN VÀ TRUYỀN THÔNG"]
    assert "T/M ĐẢNG ỦY" in doc.tables[-1].rows[0].cells[1].text
    assert (
        client.get(reverse("plans:recipient_draft", kwargs={"recipient_pk": other.pk})).status_code
        == 404
    )


def test_send_form_filters_by_kind_and_rejects_past_due(tree: Any, client_as: Any) -> None:
    plan = bloc_plan(tree)
    client = client_as("khoi")
    url = reverse("plans:plan_send", kwargs={"plan_pk": plan.pk})
    page = client.get(url).content.decode()
    assert 'class="unit-picker"' in page and 'data-name="units"' in page
    # The picker offers the units below the bloc; "chỉ chi bộ" narrows them to cells.
    scope = re.search(r"&quot;s&quot;: &quot;([^&]+)&quot;", page)
    assert scope is not None
    cells = client.get(
        reverse("orgs:unit_picker"), {"s": scope.group(1), "ten": "units", "pham-vi": "chi-bo"}
    ).content.decode()
    assert f'data-pk="{tree.cell1.pk}"' in cells and f'data-pk="{tree.base2.pk}"' not in cells
    outside = client.post(
        url, {"units": [tree.department.pk], "due_date": "2099-01-01"}
    ).content.decode()
    assert "không thuộc phạm vi" in outside
    bad = client.post(url, {"units": [tree.base1.pk], "due_date": "2000-01-01"})
    assert "Hạn ban hành không được ở trong quá khứ." in bad.content.decode()
    ok = client.post(
        url,
        {
            "units": [tree.base1.pk, tree.base2.pk],
            "due_date": (timezone.localdate() + timedelta(days=9)).isoformat(),
            "message": "Khẩn",
        },
    )
    assert ok.status_code == 302
    assert CascadeRecipient.objects.filter(dispatch__plan=plan).count() == 2
    # coso1 is an officer of a base unit: it cannot send the bloc's plan.
    assert client_as("coso1").get(url).status_code == 404


def test_status_is_derived_from_time_frame_and_reports(tree: Any, users: Any) -> None:
    plan = bloc_plan(tree)
    once, yearly = plan.tasks.order_by("order")
    a = TaskAssignment.objects.create(task=once, unit=tree.base1)
    assert a.status(date(2024, 5, 1)) == Status.NOT_STARTED
    assert a.status(date(2024, 7, 1)) == Status.OVERDUE
    services.record_update(a, users["coso1"], 40, "Đã tổ chức 2 hội nghị")
    a.refresh_from_db()
    assert a.status(date(2024, 5, 1)) == Status.IN_PROGRESS
    services.record_update(a, users["coso1"], 100)
    a.refresh_from_db()
    assert a.status(date(2024, 7, 1)) == Status.DONE and a.completed_on == timezone.localdate()
    r = TaskAssignment.objects.create(task=yearly, unit=tree.base1)
    today = timezone.localdate()
    assert r.status(today) == Status.NOT_STARTED
    assert r.deadline(today) == date(today.year, 12, 31)
    services.record_update(r, users["coso1"], 50)
    r.refresh_from_db()
    assert r.status(today) == Status.IN_PROGRESS
    assert (
        r.status(date(today.year + 1, 2, 1)) == Status.NOT_STARTED
    )  # a new year, not reported yet


def test_my_tasks_and_progress_with_evidence(tree: Any, client_as: Any) -> None:
    plan = bloc_plan(tree)
    once, yearly = plan.tasks.order_by("order")
    mine = TaskAssignment.objects.create(task=yearly, unit=tree.base1, role=Role.LEAD)
    TaskAssignment.objects.create(task=once, unit=tree.base1, role=Role.COORDINATE)
    TaskAssignment.objects.create(task=once, unit=tree.base2)
    client = client_as("coso1")
    page = client.get(reverse("plans:my_tasks")).content.decode()
    assert page.index("Tổ chức học tập nghị quyết") < page.index("Báo cáo kết quả")  # by deadline
    url = reverse("plans:assignment_detail", kwargs={"assignment_pk": mine.pk})
    empty = client.post(url, {})
    assert "Hãy nhập tiến độ" in empty.content.decode()
    evidence = SimpleUploadedFile(
        "bien-ban.pdf", b"%PDF-1.4 minh chung", content_type="application/pdf"
    )
    assert (
        client.post(url, {"progress": "60", "note": "Đã học tập", "evidence": evidence}).status_code
        == 302
    )
    mine.refresh_from_db()
    assert mine.progress == 60 and mine.status() == Status.IN_PROGRESS
    detail = client.get(url).content.decode()
    assert "Đã học tập" in detail and "bien-ban" in detail and "Đang thực hiện" in detail
    update = mine.updates.get()
    download = client.get(reverse("plans:evidence_download", kwargs={"taskupdate_pk": update.pk}))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 minh chung"
    assert client_as("coso2").get(url).status_code == 404
    assert client_as("viewer1").post(url, {"progress": "70"}).status_code == 403


def test_task_formset_edits_tasks_and_assignments(tree: Any, client_as: Any) -> None:
    plan = bloc_plan(tree)
    once, yearly = plan.tasks.order_by("order")
    client = client_as("khoi")
    url = reverse("plans:plan_tasks", kwargs={"plan_pk": plan.pk})
    assert client.get(url).status_code == 200
    data = {
        "t-TOTAL_FORMS": "3",
        "t-INITIAL_FORMS": "2",
        "t-MIN_NUM_FORMS": "0",
        "t-MAX_NUM_FORMS": "1000",
        "t-0-id": once.pk,
        "t-0-order": "1",
        "t-0-title": "Tổ chức học tập nghị quyết (sửa)",
        "t-0-description": "",
        "t-0-timeframe_text": "tháng 9/2024",
        "t-0-start_date": "",
        "t-0-end_date": "",
        "t-0-leads": [tree.base1.pk],
        "t-0-coordinating": [tree.base2.pk],
        "t-0-indicators_text": "tỷ lệ đảng viên tham gia học tập ≥ 98%",
        "t-1-id": yearly.pk,
        "t-1-order": "2",
        "t-1-title": yearly.title,
        "t-1-timeframe_text": "hằng năm",
        "t-1-DELETE": "on",
        "t-2-order": "",
        "t-2-title": "Nhiệm vụ mới",
        "t-2-timeframe_text": "giai đoạn 2024–2025",
        "t-2-leads": [tree.base2.pk],
    }
    bad = dict(data, **{"t-0-indicators_text": "học tập nghiêm túc"})
    assert "chưa có chỉ tiêu đo được" in client.post(url, bad).content.decode()
    response = client.post(url, data)
    assert response.status_code == 302, [f.errors for f in response.context["formset"].forms]
    once.refresh_from_db()
    assert once.title.endswith("(sửa)") and (once.start_date, once.end_date) == (
        date(2024, 9, 1),
        date(2024, 9, 30),
    )
    assert once.indicators[0]["target"] == 98
    assert {(a.unit, a.role) for a in once.assignments.all()} == {
        (tree.base1, "lead"),
        (tree.base2, "coordinate"),
    }
    assert not Task.objects.filter(pk=yearly.pk).exists()
    new = plan.tasks.get(title="Nhiệm vụ mới")
    assert new.end_date == date(2025, 12, 31) and new.assignments.get().unit == tree.base2
    page = client.get(reverse("plans:plan_detail", kwargs={"plan_pk": plan.pk})).content.decode()
    assert "<svg" in page and "tỷ lệ đảng viên tham gia học tập ≥ 98%" in page


def test_chain_follows_a_late_link(tree: Any) -> None:
    """A base unit issued and sent its plan down before the bloc's plan reached it: once linked,
    the whole branch below is on the bloc's board."""
    plan = bloc_plan(tree)
    due = timezone.localdate() + timedelta(days=5)
    base_plan = Plan.objects.create(unit=tree.base1, number="3-KH/ĐU", title="Kế hoạch của đảng bộ")
    services.link_implementing_plan(base_plan, ["45-KH/ĐUK"])  # remembered, not yet sent
    services.send_down(base_plan, tree.base1, [tree.cell1], due)
    cell_plan = Plan.objects.create(unit=tree.cell1, number="1-KH/CB", title="Kế hoạch của chi bộ")
    services.link_implementing_plan(cell_plan, ["3-KH/ĐU"])
    base_plan.refresh_from_db()
    assert base_plan.parent == plan  # the chain knew the parent from its number
    assert [r.unit for r in services.board_queryset(plan)] == [tree.cell1]
    services.send_down(plan, tree.bloc, [tree.base1], due)
    assert [(r.unit, r.state()) for r in services.board_queryset(plan)] == [
        (tree.base1, CascadeState.ISSUED),
        (tree.cell1, CascadeState.ISSUED),
    ]
    lone = Plan.objects.create(unit=tree.base2, number="4-KH/ĐU", title="Chưa rõ thực hiện gì")
    child = Plan.objects.create(unit=tree.cell2, number="2-KH/CB", title="Thực hiện 4", parent=lone)
    lone.parent = plan
    lone.save()
    child.refresh_from_db()
    assert child.chain == f"{plan.pk}/{lone.pk}/{child.pk}/"


def test_the_board_shows_each_units_progress_on_the_tasks_handed_to_it(tree: Any) -> None:
    plan = bloc_plan(tree)
    plan.tasks.update(collective_role="lead")  # "các đảng bộ cơ sở" carry out both tasks
    services.send_down(plan, tree.bloc, [tree.base1, tree.base2], timezone.localdate())
    first, second = TaskAssignment.objects.filter(unit=tree.base1).order_by("task__order")
    services.record_update(first, None, 100, "Đã tổ chức học tập")
    services.record_update(second, None, 30)
    values = services.board_queryset(plan).values_list(*services.BOARD_COLUMNS)
    rows = {r.unit_name: r for r in services.board_rows(values, plan)}
    base1, base2 = rows[tree.base1.name], rows[tree.base2.name]
    assert (base1.tasks_total, base1.tasks_done, base1.progress) == (2, 1, 65)
    assert (base2.tasks_total, base2.tasks_done, base2.progress) == (2, 0, 0)
