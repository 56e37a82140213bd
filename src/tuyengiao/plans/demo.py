"""Demo data: a plan of the bloc with its tasks, sent down to the base organisations; some have
issued their implementing plans (one sent further down to its cells), some are pending, some
overdue; tasks assigned to the demo units with progress reports."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from tuyengiao.core.demo_context import DemoContext
from tuyengiao.orgs.models import Unit

from . import services
from .models import CascadeDispatch, CascadeRecipient, Plan, Role, TaskAssignment
from .proposals import propose_tasks

PLAN_TEXT = """KẾ HOẠCH
Tuyên truyền, học tập và triển khai thực hiện các nghị quyết của Đảng năm {year}

Thực hiện Kế hoạch số 293-KH/TU ngày 02/01/{year} của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Đảng ủy Khối xây dựng kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
- Tạo sự thống nhất về nhận thức và hành động trong cán bộ, đảng viên.

II. NHIỆM VỤ, GIẢI PHÁP
1. Tổ chức học tập, quán triệt nghị quyết cho cán bộ, đảng viên
- Phấn đấu tỷ lệ đảng viên tham gia học tập ≥ 98%.
- Phân công thực hiện: Ban Tuyên giáo Đảng ủy Khối chủ trì, phối hợp với các đảng bộ cơ sở.
- Thời gian thực hiện: Quý II/{year}
2. Tuyên truyền trên trang thông tin điện tử và mạng xã hội
- Mỗi đảng bộ cơ sở đăng ít nhất 12 tin bài trong năm.
- Thời gian thực hiện: hằng quý
3. Bồi dưỡng đội ngũ báo cáo viên, tuyên truyền viên cơ sở
- Tỷ lệ báo cáo viên được bồi dưỡng đạt 100%.
- Thời gian thực hiện: tháng 9/{year}
4. Sơ kết, đánh giá kết quả thực hiện
- Thời gian thực hiện: trước ngày 15/12/{year}

III. TỔ CHỨC THỰC HIỆN
1. Các đảng bộ cơ sở xây dựng kế hoạch thực hiện, báo cáo kết quả về Ban Tuyên giáo Đảng ủy Khối.
"""


def _parsed(year: int) -> dict[str, Any]:
    return {
        "sections": [
            {"label": "I", "title": "MỤC ĐÍCH, YÊU CẦU"},
            {"label": "II", "title": "NHIỆM VỤ, GIẢI PHÁP"},
            {"label": "III", "title": "TỔ CHỨC THỰC HIỆN"},
        ],
        "items": [
            {
                "section": "II",
                "label": "1",
                "title": "Tổ chức học tập, quán triệt nghị quyết cho cán bộ, đảng viên",
            },
            {
                "section": "II",
                "label": "2",
                "title": "Tuyên truyền trên trang thông tin điện tử và mạng xã hội",
            },
            {
                "section": "II",
                "label": "3",
                "title": "Bồi dưỡng đội ngũ báo cáo viên, tuyên truyền viên cơ sở",
            },
            {"section": "II", "label": "4", "title": "Sơ kết, đánh giá kết quả thực hiện"},
            {
                "section": "III",
                "label": "1",
                "title": "Các đảng bộ cơ sở xây dựng kế hoạch thực hiện, báo cáo kết quả về Ban Tuyên giáo Đảng ủy Khối.",
            },
        ],
        "assignments": [
            {
                "section": "II",
                "item": "1",
                "units": ["Ban Tuyên giáo Đảng ủy Khối", "các đảng bộ cơ sở"],
                "period": f"Quý II/{year}",
            },
            {"section": "III", "item": "1", "units": ["Các đảng bộ cơ sở"], "period": None},
        ],
    }


def load(ctx: DemoContext) -> None:
    bloc = ctx.objects.get("bloc")
    base_units = list(ctx.objects.get("base_units") or [])
    if bloc is None or len(base_units) < 8:
        ctx.log("bỏ qua: chưa có Đảng ủy Khối và các đảng bộ cơ sở mẫu")
        return
    users = ctx.objects.get("users") or {}
    today = timezone.localdate()
    year = today.year
    plan = _bloc_plan_in_library(bloc, users.get("khoi"), today)
    if plan is None:  # the library is not there: the same plan, typed in
        plan = Plan.objects.create(
            unit=bloc,
            number="15-KH/ĐUK",
            title=f"Tuyên truyền, học tập và triển khai thực hiện các nghị quyết của Đảng năm {year}",
            issuer_name="Ban Thường vụ Đảng ủy Khối",
            issued_on=today - timedelta(days=40),
            created_by=users.get("khoi"),
        )
        services.save_proposed_tasks(
            plan,
            propose_tasks(_parsed(year), PLAN_TEXT.format(year=year), services.matcher_for(bloc)),
        )
    tasks = list(plan.tasks.order_by("order"))
    text = PLAN_TEXT.format(year=year)

    # Every base organisation takes part in the tasks; the first two demo units report progress.
    for task in tasks:
        TaskAssignment.objects.bulk_create(
            [
                TaskAssignment(
                    task=task, unit=u, role=Role.COORDINATE if task.order == 1 else Role.LEAD
                )
                for u in base_units[:12]
            ],
            ignore_conflicts=True,
        )
    officer = users.get("coso1")
    first = TaskAssignment.objects.filter(task=tasks[0], unit=base_units[0]).first()
    if first is not None:
        services.record_update(
            first, officer, 60, "Đã tổ chức hội nghị học tập cho 3/5 chi bộ; tỷ lệ tham gia 97%."
        )
    second = TaskAssignment.objects.filter(task=tasks[1], unit=base_units[0]).first()
    if second is not None:
        services.record_update(second, officer, 25, "Đã đăng 3 tin bài trong quý.")

    # Sent down: eight units with time left, five whose due date has passed.
    on_time = services.send_down(
        plan,
        bloc,
        base_units[:8],
        today + timedelta(days=12),
        "Đề nghị các đảng bộ cơ sở ban hành kế hoạch thực hiện.",
        users.get("khoi"),
    )
    late = CascadeDispatch.objects.create(
        plan=plan,
        sender=bloc,
        due_date=today - timedelta(days=5),
        message="Đợt 2",
        created_by=users.get("khoi"),
    )
    late.created_at = timezone.now() - timedelta(days=25)
    late.save(update_fields=["created_at"])
    CascadeRecipient.objects.bulk_create(
        [CascadeRecipient(dispatch=late, unit=u) for u in base_units[8:13]]
    )
    services.plan_sent_to_units(plan, base_units[8:13])
    on_time.created_at = timezone.now() - timedelta(days=20)
    on_time.save(update_fields=["created_at"])

    # Three units have issued their plans (drafted here, numbered, stored in the library and read
    # back, as an officer would); one of them sent its plan on to its cells.
    for i, unit in enumerate([base_units[2], base_units[3], base_units[8]], start=1):
        implementing = _implementing_plan_in_library(
            plan, unit, 20 + i, today - timedelta(days=10 - i)
        )
        if implementing is None:
            implementing = Plan.objects.create(
                unit=unit,
                number=f"{20 + i}-KH/{unit.short_name or 'ĐU'}",
                title=f"Thực hiện Kế hoạch số 15-KH/ĐUK của Ban Thường vụ Đảng ủy Khối năm {year}",
                issuer_name=unit.name,
                issued_on=today - timedelta(days=10 - i),
            )
            services.save_proposed_tasks(implementing, propose_tasks(_parsed(year), text))
            services.link_implementing_plan(implementing, ["15-KH/ĐUK"])
        cells = list(Unit.objects.get_children(unit))
        if cells:
            services.send_down(implementing, unit, cells, today + timedelta(days=7))
    ctx.objects["plans"] = {"bloc_plan": plan}
    ctx.log(
        f"kế hoạch {plan.number}: {len(tasks)} nhiệm vụ, gửi {plan.dispatches.count()} đợt tới {CascadeRecipient.objects.filter(dispatch__plan=plan).count()} đơn vị"
    )


BLOC_TASKS = [
    (
        "Tổ chức học tập, quán triệt nghị quyết cho cán bộ, đảng viên",
        "- Phấn đấu tỷ lệ đảng viên tham gia học tập ≥ 98%.",
        "Ban Tuyên giáo Đảng ủy Khối chủ trì, phối hợp với các đảng bộ cơ sở",
        "Quý II/{year}",
    ),
    (
        "Tuyên truyền trên trang thông tin điện tử và mạng xã hội",
        "- Mỗi đảng bộ cơ sở đăng ít nhất 12 tin bài trong năm.",
        "",
        "hằng quý",
    ),
    (
        "Bồi dưỡng đội ngũ báo cáo viên, tuyên truyền viên cơ sở",
        "- Tỷ lệ báo cáo viên được bồi dưỡng đạt 100%.",
        "",
        "tháng 9/{year}",
    ),
    ("Sơ kết, đánh giá kết quả thực hiện", "", "", "trước ngày 15/12/{year}"),
]


def _store(unit: Unit, user: Any, filename: str, data: bytes) -> Any:
    from tuyengiao.documents import services as library

    text, parsed = library.read_and_parse(data, filename)
    return library.create_document(unit, user, filename, data, text=text, parsed=parsed)


def _bloc_plan_in_library(bloc: Unit, user: Any, today: Any) -> Plan | None:
    """The bloc's plan 15-KH/ĐUK as a real .docx in the library, carrying out 293-KH/TU."""
    from .drafting import (
        DraftTask,
        ParentPlan,
        build_implementing_plan,
        fill_number,
        letterhead_for,
    )
    from .uploads import create_plan_from_document

    year = today.year
    parent = ParentPlan(
        number="293-KH/TU",
        issuer="Ban Thường vụ Tỉnh ủy",
        title=f"tuyên truyền, học tập và triển khai thực hiện các nghị quyết của Đảng năm {year}",
        date=today - timedelta(days=60),
        tasks=[DraftTask(t, d, u, p.format(year=year)) for t, d, u, p in BLOC_TASKS],
    )
    try:
        data = fill_number(
            build_implementing_plan(letterhead_for(bloc), parent, today - timedelta(days=40)), "15"
        )
        document = _store(bloc, user, "15-KH-DUK.docx", data)
        plan = create_plan_from_document(document, user)
    except Exception:  # the library or the reader is missing: fall back on a typed-in plan
        return None
    if plan.number != "15-KH/ĐUK" or plan.tasks.count() < len(BLOC_TASKS):
        return None
    plan.issued_on = plan.issued_on or today - timedelta(days=40)
    plan.issuer_name = "Ban Thường vụ Đảng ủy Khối"
    plan.save()
    return plan


def _implementing_plan_in_library(
    parent: Plan, unit: Unit, number: int, issued_on: Any
) -> Plan | None:
    from .drafting import build_implementing_plan, fill_number, letterhead_for
    from .uploads import create_plan_from_document
    from .views import parent_plan_for_draft

    try:
        data = fill_number(
            build_implementing_plan(letterhead_for(unit), parent_plan_for_draft(parent), issued_on),
            str(number),
        )
        document = _store(unit, None, f"{number}-KH-{unit.code}.docx", data)
        plan = create_plan_from_document(document, None)
    except Exception:
        return None
    if plan.parent_id != parent.pk:
        return None
    plan.issued_on = issued_on
    plan.save()
    CascadeRecipient.objects.filter(implementing_plan=plan).update(issued_on=issued_on)
    return plan
