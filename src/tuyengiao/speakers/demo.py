"""Demo data of the speakers app: the bloc's and base units' rosters built from the people the
orgs demo gave a communication role (báo cáo viên, tuyên truyền viên …), one term ended and
reappointed, a course with attendance and completion, a yearly requirement (some below it), last
month's briefing with check-ins and the talks that followed, and a contest with three jurors."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from tuyengiao.core.demo_context import DemoContext
from tuyengiao.orgs.models import Person, Unit
from tuyengiao.study.models import StudyRound, StudySession
from tuyengiao.study.services import attendance

from .models import (
    Appointment,
    Contest,
    ContestKind,
    ContestRound,
    Criterion,
    CriterionLevel,
    Entry,
    EntryKind,
    Juror,
)
from .services import briefings, contests, rosters, training

AUDIENCES = [
    "Chi bộ thôn Đông",
    "Đoàn viên thanh niên cơ quan",
    "Hội viên Hội Phụ nữ",
    "Cán bộ, công chức cơ quan",
    "Hội Cựu chiến binh phường",
]
TOPICS = [
    "Kết quả thực hiện nhiệm vụ kinh tế - xã hội năm 2026",
    "Tình hình thời sự trong nước và quốc tế tháng 11",
    "Chủ trương sắp xếp tổ chức bộ máy",
]


def _session(study_round: StudyRound, unit: Unit, day: date, title: str) -> StudySession:
    tz = timezone.get_current_timezone()
    start = datetime.combine(day, time(8, 0), tz)
    return StudySession.objects.create(
        round=study_round,
        unit=unit,
        title=title,
        starts_at=start,
        ends_at=start + timedelta(hours=3),
    )


def load(ctx: DemoContext) -> None:
    rng = random.Random(62)
    bloc: Unit = Unit.objects.get(pk=ctx.objects["bloc"].pk)
    khoi = ctx.objects.get("users", {}).get("khoi")
    today = timezone.localdate()
    term_start = date(today.year - 1, 1, 1)
    # Rosters: every person of the bloc with a communication role, on their base unit's list
    # (báo cáo viên on the bloc's own list).
    made = 0
    people = Person.objects.in_subtree(bloc).filter(active=True, roles__isnull=False).distinct()
    for person in people.select_related("unit").prefetch_related("roles")[:300]:
        for role in person.roles.all():
            keeper = bloc if role.code == "bao-cao-vien" else _base_of(person.unit, bloc)
            if Appointment.objects.filter(
                unit=keeper, person=person, role=role, active=True
            ).exists():
                continue
            rosters.appoint(
                unit=keeper,
                person=person,
                role=role,
                term_start=term_start,
                term_end=date(today.year + 3, 12, 31),
                decision_number=f"{rng.randint(10, 99)}-QĐ/ĐUK",
                decision_date=term_start - timedelta(days=10),
                expertise=rng.choice(
                    ["Kinh tế", "Xây dựng Đảng", "Quốc phòng - an ninh", "Văn hóa - xã hội"]
                ),
                user=khoi,
            )
            made += 1
    member = ctx.objects.get("users", {}).get("dangvien1")
    if member is not None and member.person is not None:
        from tuyengiao.orgs.models import CommRole

        role = CommRole.objects.get(code="bao-cao-vien")
        if not Appointment.objects.filter(
            unit=bloc, person=member.person, role=role, active=True
        ).exists():
            rosters.appoint(
                unit=bloc, person=member.person, role=role, term_start=term_start, user=khoi
            )
    speakers = briefings.speakers_of(bloc)
    if not speakers:
        ctx.log("Báo cáo viên: không có ai có vai trò trong dữ liệu mẫu; bỏ qua.")
        return

    # Training: a course two months ago, most present; the bloc requires 16 hours a year.
    course = training.open_course(
        unit=bloc,
        title="Bồi dưỡng nghiệp vụ báo cáo viên năm " + str(today.year),
        starts_on=today - timedelta(days=60),
        ends_on=today - timedelta(days=58),
        hours=Decimal("12"),
        documents=list((ctx.objects.get("documents") or {}).values())[:1],
        user=khoi,
    )
    enrolled = speakers[:40]
    training.enrol(course, enrolled)
    session = _session(course.study_round, bloc, course.starts_on, "Khai giảng lớp bồi dưỡng")
    attendance.record_attendance(session, [p for p in enrolled if rng.random() < 0.85])
    training.review_completion(course, course.ends_on)
    training.set_requirement(bloc, Decimal("16"))

    # Last month's briefing: check-ins, then the talks each speaker gave.
    held = today - timedelta(days=12)
    briefing = briefings.schedule_briefing(
        unit=bloc,
        title=f"Hội nghị báo cáo viên tháng {held.month}/{held.year}",
        held_on=held,
        outline="1. Tình hình kinh tế - xã hội.\n2. Thời sự quốc tế.\n3. Định hướng tuyên truyền tháng tới.",
        user=khoi,
    )
    session = _session(briefing.study_round, bloc, held, briefing.title)
    came = [p for p in speakers if rng.random() < 0.8]
    attendance.record_attendance(session, came)
    talks = 0
    for person in came:
        for _ in range(rng.randint(0, 2)):
            briefings.record_talk(
                briefing,
                person,
                given_on=held + timedelta(days=rng.randint(1, 10)),
                audience=rng.choice(AUDIENCES),
                listeners=rng.randint(15, 120),
                topic=rng.choice(TOPICS),
                today=today,
            )
            talks += 1

    # A contest: three jurors from the roster, five entries, scored; the round closed.
    contest = Contest.objects.create(
        unit=bloc,
        title=f"Hội thi báo cáo viên giỏi năm {today.year}",
        kind=ContestKind.SPEAKER,
        year=today.year,
    )
    rubric = [
        ("Nội dung", Decimal(3), (10, 8, 6, 4)),
        ("Phương pháp trình bày", Decimal(2), (10, 8, 6, 4)),
        ("Tác phong", Decimal(1), (10, 7, 5, 3)),
    ]
    criteria = []
    for order, (name, weight, points) in enumerate(rubric):
        c = Criterion.objects.create(contest=contest, name=name, weight=weight, order=order)
        CriterionLevel.objects.bulk_create(
            [
                CriterionLevel(criterion=c, label=label, points=Decimal(p))
                for label, p in zip(("Xuất sắc", "Tốt", "Khá", "Đạt"), points, strict=True)
            ]
        )
        criteria.append(c)
    contest_round = ContestRound.objects.create(contest=contest, name="Vòng chung kết", order=1)
    jurors = [Juror.objects.create(contest=contest, person=p) for p in speakers[-3:]]
    entrants = speakers[: max(1, min(5, len(speakers) - 3))]
    for person in entrants:
        entry = Entry.objects.create(
            contest_round=contest_round,
            person=person,
            entrant_unit=person.unit,
            kind=EntryKind.TALK,
            title=f"Bài nói chuyện: {rng.choice(TOPICS)}",
        )
        for juror in jurors:
            contests.save_scores(
                juror,
                entry,
                {
                    c.pk: rng.choice(list(c.levels.values_list("pk", flat=True)[:3]))
                    for c in criteria
                },
            )
    contests.close_round(contest_round)
    ctx.objects["speakers_briefing"] = briefing
    ctx.log(
        f"Báo cáo viên: {made} người trong danh sách, 1 lớp bồi dưỡng, hội nghị có {talks} buổi "
        "nói chuyện, 1 hội thi đã chấm."
    )


def _base_of(unit: Unit, bloc: Unit) -> Unit:
    """The child of the bloc that contains ``unit`` (its base organisation), else the bloc."""
    step = len(bloc.path) + Unit.steplen
    if len(unit.path) < step:
        return bloc
    base: Unit = Unit.objects.get(path=unit.path[:step])
    return base
