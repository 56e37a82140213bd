"""Demo data: the bloc's emulation movement of the year with four bases taking part (three
self-assessed and scored, two of them tied), a few commendations over two years, and two
nominations (one waiting for the bloc's decision, one declined)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from tuyengiao.core.demo_context import DemoContext
from tuyengiao.orgs.models import Person, Unit

from . import services
from .models import AwardForm, Entry


def load(ctx: DemoContext) -> None:
    bloc: Unit = Unit.objects.get(pk=ctx.objects["bloc"].pk)
    order = [u.pk for u in ctx.objects["base_units"]]
    bases = sorted(Unit.objects.filter(pk__in=order[:4]), key=lambda u: order.index(u.pk))
    year = timezone.localdate().year
    movement = services.create_movement(
        bloc,
        f"Thi đua thực hiện tốt công tác tuyên giáo năm {year}",
        year,
        [
            ("Thực hiện nhiệm vụ chính trị được giao", 40),
            ("Công tác tuyên truyền, học tập nghị quyết", 30),
            ("Chế độ thông tin, báo cáo", 30),
        ],
        bases,
    )
    criteria = list(movement.criteria.all())
    for unit, points in zip(bases[:3], [(35, 25, 28), (38, 22, 28), (30, 28, 20)], strict=False):
        entry = Entry.objects.get(movement=movement, unit=unit)
        values = {str(c.pk): p for c, p in zip(criteria, points, strict=True)}
        services.self_assess(entry, values, "Hoàn thành các chỉ tiêu đăng ký.")
        services.score(entry, None, values)
    forms = {f.name: f for f in AwardForm.objects.all()}
    person = Person.objects.filter(unit__path__startswith=bloc.path).exclude(unit=bloc).first()
    lines = [
        ("Giấy khen", bases[0], None, date(year - 1, 12, 20), "Hoàn thành xuất sắc nhiệm vụ"),
        ("Bằng khen", bases[1], None, date(year - 1, 12, 20), "Dẫn đầu phong trào thi đua"),
        ("Giấy khen", bases[2], person, date(year, 1, 10), "Có thành tích trong tuyên truyền"),
    ]
    made = 0
    for form_name, unit, who, when, reason in lines:
        if form_name in forms:
            services.commend(
                issuer=bloc,
                user=None,
                form=forms[form_name],
                decision_number=f"{10 + made}-QĐ/ĐUK",
                decision_date=when,
                reason=reason,
                subject_unit=unit,
                person=who,
                movement=movement,
            )
            made += 1
    from .nominations import decline, nominate

    if "Giấy khen" in forms:
        nominate(
            proposer=bases[3],
            decider=bloc,
            user=None,
            form=forms["Giấy khen"],
            reason="Hoàn thành tốt nhiệm vụ tuyên truyền năm",
            subject_unit=bases[3],
            person=None,
        )
        declined = nominate(
            proposer=bases[2],
            decider=bloc,
            user=None,
            form=forms["Giấy khen"],
            reason="Tổ chức tốt hội nghị học tập nghị quyết",
            subject_unit=bases[2],
            person=None,
        )
        decline(declined, None, "Đơn vị đã được khen cùng thành tích trong năm.")
    ctx.log(
        f"Thi đua: 1 phong trào, {len(bases)} đơn vị tham gia, {made} khen thưởng, "
        "2 đề nghị khen thưởng (1 chờ quyết định, 1 không duyệt)"
    )
