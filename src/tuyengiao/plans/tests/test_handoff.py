"""The handoff: a task the plan gives collectively ("các chi, đảng bộ cơ sở", "cấp ủy cơ sở") becomes
a task of every unit the plan is sent to — at send time and for units added later — and the
receiving unit sees it at once in "Nhiệm vụ của đơn vị" with the parent's deadline."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from tuyengiao.plans import services
from tuyengiao.plans.models import Plan, Role, TaskAssignment
from tuyengiao.plans.uploads import create_plan_from_upload

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year + 1

PLAN_TEXT = f"""ĐẢNG BỘ TỈNH BÌNH AN
ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH
*
Số 52-KH/ĐUK

KẾ HOẠCH
tuyên truyền kỷ niệm các ngày lễ lớn năm {YEAR}

Thực hiện Kế hoạch số 10-KH/TU ngày 05/01/{YEAR} của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Đảng ủy Khối xây dựng kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Tạo sự thống nhất trong nhận thức của cán bộ, đảng viên.

II. NHIỆM VỤ, GIẢI PHÁP
1. Tổ chức học tập, quán triệt nghị quyết cho cán bộ, đảng viên
- Phân công thực hiện: Ban Tuyên giáo Đảng ủy Khối chủ trì, phối hợp với các đảng bộ cơ sở.
- Thời gian thực hiện: Quý II/{YEAR}
2. Tuyên truyền trên trang thông tin điện tử của cơ quan, đơn vị
- Mỗi đơn vị đăng ít nhất 12 tin bài.
- Đăng tin, bài về các ngày lễ lớn trên trang thông tin điện tử của đơn vị.
- Thời gian thực hiện: trước ngày 30/11/{YEAR}

III. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo Đảng ủy Khối theo dõi, đôn đốc việc thực hiện kế hoạch.
2. Các chi, đảng bộ cơ sở căn cứ Kế hoạch này xây dựng kế hoạch thực hiện, báo cáo kết quả về Ban Tuyên giáo Đảng ủy Khối trước ngày 15/12/{YEAR}.

Nơi nhận:
- Các đảng bộ cơ sở,
- Lưu Văn phòng.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Nguyễn Văn Bình
"""


def uploaded_plan(tree: Any, users: Any) -> Plan:
    return create_plan_from_upload(
        unit=tree.bloc, user=users["khoi"], upload=None, text=PLAN_TEXT, overrides={}
    )


def _units_of(task: Any) -> dict[str, str]:
    return {a.unit.code: a.role for a in task.assignments.select_related("unit")}


def test_collective_tasks_reach_every_unit_the_plan_is_sent_to(tree: Any, users: Any) -> None:
    plan = uploaded_plan(tree, users)
    study, posting, *_rest = list(plan.tasks.filter(parent=None).order_by("order"))
    # "Ban Tuyên giáo … chủ trì, phối hợp với các đảng bộ cơ sở": the units below coordinate.
    assert study.collective_role == Role.COORDINATE
    # A task naming nobody goes to the units the plan addresses ("Các chi, đảng bộ cơ sở").
    assert posting.collective_role == Role.LEAD
    assert not TaskAssignment.objects.filter(task__plan=plan, unit=tree.base1).exists()

    due = timezone.localdate() + timedelta(days=10)
    services.send_down(plan, tree.bloc, [tree.base1], due)
    mine = {a.task_id: a for a in TaskAssignment.objects.filter(unit=tree.base1)}
    collective = list(plan.tasks.exclude(collective_role=""))
    assert set(mine) == {t.pk for t in collective}
    assert mine[study.pk].role == Role.COORDINATE and mine[study.pk].collective
    assert mine[posting.pk].role == Role.LEAD
    # The named lead keeps its role; the sibling that was not sent the plan has nothing.
    assert not TaskAssignment.objects.filter(unit=tree.base2).exists()
    # The reporting duty is a report proposal given to the same units.
    report = plan.tasks.get(kind="report")
    assert report.end_date == date(YEAR, 12, 15) and report.pk in mine

    # Units added later get the same tasks; nothing is duplicated for those already there.
    services.send_down(plan, tree.bloc, [tree.base2], due)
    assert set(
        TaskAssignment.objects.filter(unit=tree.base2).values_list("task_id", flat=True)
    ) == {t.pk for t in collective}
    before = TaskAssignment.objects.count()
    services.plan_sent_to_units(plan, [tree.base1, tree.base2])
    services.hand_out_collective_tasks(plan)
    assert TaskAssignment.objects.count() == before


def test_the_receiving_unit_sees_its_tasks_with_the_parents_deadline(
    tree: Any, users: Any, client_as: Any
) -> None:
    plan = uploaded_plan(tree, users)
    services.send_down(plan, tree.bloc, [tree.base1], timezone.localdate() + timedelta(days=10))
    response = client_as("coso1").get(reverse("plans:my_tasks"))
    assert response.status_code == 200
    rows = {r["a"].task.title: r for r in response.context["object_list"]}
    posting = plan.tasks.get(title__startswith="Tuyên truyền trên trang")
    assert rows[posting.title]["deadline"] == date(YEAR, 11, 30)
    assert f"30/11/{YEAR}" in response.content.decode()
    # The sibling unit's officer sees none of them.
    other = client_as("coso2").get(reverse("plans:my_tasks"))
    assert not list(other.context["object_list"])


def test_editing_the_task_list_keeps_the_handoff(tree: Any, users: Any) -> None:
    plan = uploaded_plan(tree, users)
    services.send_down(
        plan, tree.bloc, [tree.base1, tree.base2], timezone.localdate() + timedelta(days=10)
    )
    own = plan.tasks.get(title__startswith="Ban Tuyên giáo")
    assert own.collective_role == "" and not _units_of(own)  # a unit not in the tree: text only
    # The officer makes a task collective after sending: it reaches the units already sent to.
    own.collective_role = Role.LEAD
    own.save()
    services.hand_out_collective_tasks(plan)
    assert {"DB-STTTT", "DB-SYT"} <= set(_units_of(own))
    # Naming units by hand leaves the collective assignments alone.
    services.set_assignments(own, [tree.bloc], [])
    assert _units_of(own) == {"DUK": Role.LEAD, "DB-STTTT": Role.LEAD, "DB-SYT": Role.LEAD}
    # base1 reports progress; then the task stops being collective: base2's untouched part goes,
    # base1's reported part stays.
    services.record_update(
        TaskAssignment.objects.get(task=own, unit=tree.base1), users["coso1"], 30, "Đã làm"
    )
    own.collective_role = ""
    own.save()
    services.hand_out_collective_tasks(plan)
    assert set(_units_of(own)) == {"DUK", "DB-STTTT"}


def test_a_named_recipient_keeps_its_lead_role(tree: Any, users: Any) -> None:
    plan = uploaded_plan(tree, users)
    study = plan.tasks.filter(parent=None).order_by("order").first()
    assert study is not None
    services.set_assignments(study, [tree.base2], [])
    services.send_down(
        plan, tree.bloc, [tree.base1, tree.base2], timezone.localdate() + timedelta(days=10)
    )
    roles = _units_of(study)
    assert roles["DB-SYT"] == Role.LEAD and roles["DB-STTTT"] == Role.COORDINATE


def test_a_reporting_duty_opens_a_report_type(tree: Any, users: Any, client_as: Any) -> None:
    plan = uploaded_plan(tree, users)
    report = plan.tasks.get(kind="report")
    page = client_as("khoi").get(reverse("plans:plan_detail", kwargs={"plan_pk": plan.pk}))
    html = page.content.decode()
    assert "Tạo loại báo cáo" in html
    form = client_as("khoi").get(
        reverse("reports:type_create"), {"tieu-de": report.title, "ke-hoach": plan.pk}
    )
    assert form.context["form"]["title"].value() == report.title
    assert str(form.context["form"]["plan"].value()) == str(plan.pk)


def test_the_unit_sees_the_sub_tasks_of_its_task(tree: Any, users: Any, client_as: Any) -> None:
    plan = uploaded_plan(tree, users)
    services.send_down(plan, tree.bloc, [tree.base1], timezone.localdate() + timedelta(days=10))
    posting = plan.tasks.get(title__startswith="Tuyên truyền trên trang")
    # The bullet is a sub-task; the target ("ít nhất 12 tin bài") stays an indicator of the task.
    assert list(posting.subtasks.values_list("title", flat=True)) == [
        "Đăng tin, bài về các ngày lễ lớn trên trang thông tin điện tử của đơn vị."
    ]
    assert posting.indicators
    mine = TaskAssignment.objects.get(task=posting, unit=tree.base1)
    page = client_as("coso1").get(
        reverse("plans:assignment_detail", kwargs={"assignment_pk": mine.pk})
    )
    assert "Việc cụ thể" in page.content.decode()
    assert "Đăng tin, bài về các ngày lễ lớn" in page.content.decode()
