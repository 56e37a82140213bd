"""Demo data: the bloc's inspection plan of the year — one supervision concluded a month ago
(findings, the conclusion, two recommendations as tasks of the unit, one reported done with
evidence and waiting for acceptance), one inspection of two bases next week (checklists drafted
from their tasks and reports), and one planned later in the year."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from tuyengiao.core.demo_context import DemoContext
from tuyengiao.orgs.models import Person, Unit
from tuyengiao.plans.services import record_update

from . import reviews, services
from .models import Finding, Kind, ReviewKind


def load(ctx: DemoContext) -> None:
    bloc: Unit = Unit.objects.get(pk=ctx.objects["bloc"].pk)
    bases: list[Unit] = list(Unit.objects.filter(pk__in=[u.pk for u in ctx.objects["base_units"]]))
    bases.sort(key=lambda u: [b.pk for b in ctx.objects["base_units"]].index(u.pk))
    plan = (ctx.objects.get("plans") or {}).get("bloc_plan")
    users = ctx.objects.get("users") or {}
    officer = users.get("khoi")
    today = timezone.localdate()
    people = list(Person.objects.filter(unit=bloc).order_by("id")[:3])
    if not people:
        people = [
            Person.objects.create(unit=bloc, full_name=name, position=position)
            for name, position in [
                ("Nguyễn Thị Hồng", "Phó Trưởng Ban Tuyên giáo"),
                ("Phạm Văn Đức", "Chuyên viên Ban Tuyên giáo"),
            ]
        ]
    head, members = people[0], people[1:]
    year_start = date(today.year, 1, 1)

    done = services.create_inspection(
        unit=bloc,
        user=officer,
        kind=Kind.SUPERVISION,
        title="Việc triển khai kế hoạch tuyên truyền của Đảng ủy Khối",
        plan=plan,
        period_start=year_start,
        period_end=today,
        planned_on=max(year_start, today - timedelta(days=30)),
        units=bases[3:4],
        head=head,
        members=members,
    )
    visit = done.visits.get()
    lines = list(visit.lines.all())
    findings = [Finding.DONE, Finding.NOT_DONE, Finding.PARTLY]
    for i, line in enumerate(lines):
        finding = findings[i % 3] if i < 3 else Finding.DONE
        note = {
            Finding.NOT_DONE: "Chưa có kế hoạch, chưa triển khai.",
            Finding.PARTLY: "Mới thực hiện một phần, thiếu biên bản.",
        }.get(finding, "Có đủ tài liệu.")
        services.record_finding(line, officer, finding, note)
    proposals = services.proposed_recommendations(visit)[:2] or [
        services.ProposedRecommendation("Bổ sung hồ sơ, minh chứng các nhiệm vụ đã thực hiện")
    ]
    services.conclude(
        visit,
        officer,
        "Đơn vị đã triển khai kế hoạch kịp thời; một số nhiệm vụ còn chậm, hồ sơ minh chứng "
        "chưa đầy đủ.",
        [(p.text, today + timedelta(days=20 + 10 * i)) for i, p in enumerate(proposals)],
    )
    first = visit.recommendations.order_by("order").first()
    if first is not None and first.assignment is not None:
        record_update(
            first.assignment,
            users.get("coso1"),
            100,
            "Đã khắc phục, gửi kèm biên bản.",
            ContentFile(b"%PDF-1.4 bien ban khac phuc\n%%EOF", name="bien-ban-khac-phuc.pdf"),
        )

    services.create_inspection(
        unit=bloc,
        user=officer,
        kind=Kind.INSPECTION,
        title="Việc thực hiện nhiệm vụ tuyên truyền và chế độ báo cáo",
        plan=plan,
        period_start=year_start,
        period_end=today,
        planned_on=today + timedelta(days=4),
        units=[u for u in (bases[2:3] + bases[8:9]) if u],
        head=head,
        members=members,
    )
    later = date(today.year, 12, 20) if today.month == 12 else date(today.year, today.month + 1, 15)
    services.create_inspection(
        unit=bloc,
        user=officer,
        kind=Kind.INSPECTION,
        title="Công tác học tập, quán triệt nghị quyết",
        plan=None,
        period_start=year_start,
        period_end=later,
        planned_on=later,
        units=bases[:2],
        head=head,
    )
    review = reviews.open_review(
        unit=bloc,
        user=officer,
        kind=ReviewKind.ONE_YEAR,
        title=f"một năm thực hiện Kế hoạch tuyên truyền năm {today.year}",
        plan=plan,
        span_start=year_start,
        span_end=date(today.year, 12, 31),
        due_date=today + timedelta(days=14),
        outline="Công tác lãnh đạo, chỉ đạo, quán triệt\nKết quả thực hiện nhiệm vụ\n"
        "Hạn chế, nguyên nhân\nPhương hướng, nhiệm vụ thời gian tới",
        units=bases[:4],
    )
    first_report = review.reports.order_by("unit__path").first()
    if first_report is not None:
        reviews.save_report(
            first_report,
            users.get("coso1"),
            {
                "0": "Ban hành kế hoạch thực hiện, tổ chức hội nghị quán triệt.",
                "1": "Hoàn thành các nhiệm vụ trọng tâm theo tiến độ.",
                "2": "Việc cập nhật minh chứng còn chậm.",
                "3": "Tiếp tục đôn đốc, kiểm tra việc thực hiện.",
            },
            "Chi bộ Văn phòng — đề nghị giấy khen",
        )
    ctx.log("Kiểm tra, giám sát: 3 cuộc trong năm (1 đã kết luận, 2 kiến nghị thành nhiệm vụ)")
