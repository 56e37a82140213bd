"""Demo data: the bloc's quarterly report on political-education work, with 5 indicators, sent to
the demo base organisations; submissions for the past quarters (some late, some missing, one
returned, most accepted) so the matrix, the roll-ups and the charts show something."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from tuyengiao.core.demo_context import DemoContext

from .calendar import generate_year
from .models import Indicator, IndicatorKind, ReportType, Section, Status, Submission
from .services.drafts import accept_submission, return_submission, save_draft, submit
from .services.recipients import set_recipients


def _when(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9, 30)))


def load(ctx: DemoContext) -> None:
    bloc = ctx.objects.get("bloc")
    base_units = list(ctx.objects.get("base_units") or [])
    users = ctx.objects.get("users") or {}
    if bloc is None or not base_units:
        ctx.log("reports: no bloc/base units in the demo context; skipped")
        return
    plan = (ctx.objects.get("plans") or {}).get("bloc_plan")
    rt = ReportType.objects.create(
        unit=bloc,
        title="Báo cáo công tác tuyên giáo quý",
        due_day=15,
        due_month_offset=0,
        plan=plan,
        created_by=users.get("khoi"),
    )
    Section.objects.create(
        report_type=rt,
        order=1,
        title="I. Kết quả thực hiện nhiệm vụ",
        guidance="Nêu các hoạt động nổi bật trong quý, số liệu cụ thể.",
    )
    Section.objects.create(report_type=rt, order=2, title="II. Hạn chế, nguyên nhân")
    Section.objects.create(report_type=rt, order=3, title="III. Phương hướng quý tới, kiến nghị")
    total = Indicator.objects.create(
        report_type=rt,
        order=1,
        code="dv-tong",
        label="Tổng số đảng viên",
        measure="người",
        min_value=0,
    )
    attending = Indicator.objects.create(
        report_type=rt,
        order=2,
        code="dv-hoc",
        label="Đảng viên tham gia học tập nghị quyết",
        measure="người",
        min_value=0,
    )
    Indicator.objects.create(
        report_type=rt,
        order=3,
        code="ty-le-hoc",
        label="Tỷ lệ đảng viên tham gia học tập",
        kind=IndicatorKind.RATE,
        numerator=attending,
        denominator=total,
    )
    Indicator.objects.create(
        report_type=rt,
        order=4,
        code="buoi",
        label="Số buổi sinh hoạt chuyên đề",
        measure="buổi",
        min_value=0,
        max_value=200,
    )
    Indicator.objects.create(
        report_type=rt,
        order=5,
        code="tin-bai",
        label="Số tin, bài tuyên truyền đã đăng",
        measure="tin, bài",
        min_value=0,
    )

    today = timezone.localdate()
    periods = generate_year(rt, today.year - 1) + generate_year(rt, today.year)
    set_recipients(rt, base_units)
    rng = random.Random(2026)
    members = {u.pk: rng.randint(25, 180) for u in base_units}
    indicators = [i for i in rt.indicators.all() if i.is_input]
    tasks = list(plan.tasks.all().order_by("order")) if plan is not None else []
    returned_done = False
    past = [p for p in periods if p.due_date < today]
    for n, period in enumerate(past):
        last = n == len(past) - 1
        for i, unit in enumerate(base_units):
            sub = Submission.objects.get(period=period, unit=unit)
            roll = rng.random()
            if roll < (0.12 if last else 0.04) and i > 1:
                continue  # missing
            late = roll > (0.86 if last else 0.93)
            m = members[unit.pk] + n
            values = {
                "dv-tong": m,
                "dv-hoc": int(m * rng.uniform(0.85, 1.0)),
                "buoi": rng.randint(1, 6),
                "tin-bai": rng.randint(2, 30),
            }
            data = {ind.key: str(values[ind.code]) for ind in indicators}
            data[rt.sections.all()[0].key] = (
                f"Tổ chức {values['buoi']} buổi sinh hoạt chuyên đề; đăng {values['tin-bai']} tin, bài trên trang thông tin của đơn vị."
            )
            for t in tasks:
                data[f"task_{t.pk}_status"] = rng.choice(["in_progress", "done", "done"])
                data[f"task_{t.pk}_result"] = "Đã triển khai đến các chi bộ trực thuộc."
            officer = users.get("coso1") if i == 0 else users.get("coso2") if i == 1 else None
            result = submit(sub, data, sub.version, "", officer)
            if not result.ok:
                ctx.log(f"reports: demo submission invalid: {result.errors}")
                continue
            day = (
                period.due_date + timedelta(days=rng.randint(2, 12))
                if late
                else period.due_date - timedelta(days=rng.randint(0, 10))
            )
            Submission.objects.filter(pk=sub.pk).update(
                first_submitted_on=day, is_late=late, submitted_at=_when(day)
            )
            sub.refresh_from_db()
            if last and not returned_done and i == 1:
                return_submission(
                    sub,
                    "Đề nghị bổ sung số liệu đảng viên tham gia học tập và kết quả cụ thể của mục I.",
                    users.get("khoi"),
                )
                returned_done = True
            elif not last or i % 2 == 0:
                accept_submission(sub, "", users.get("khoi"))
    # the current quarter: the first base unit has a draft started
    current = next((p for p in periods if p.start <= today <= p.end), None)
    if current is not None:
        sub = Submission.objects.get(period=current, unit=base_units[0])
        save_draft(
            sub, {total.key: str(members[base_units[0].pk] + 8)}, sub.version, users.get("coso1")
        )
    ctx.objects["reports"] = {"quarterly": rt}
    ctx.log(
        f"reports: “{rt.title}” sent to {len(base_units)} units; "
        f"{Submission.objects.filter(period__report_type=rt).exclude(status=Status.DRAFT).count()} submissions over {len(past)} past quarters"
    )
