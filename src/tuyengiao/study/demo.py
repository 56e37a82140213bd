"""Demo data of the study app: the bloc's round on the Congress resolution over its base units,
sessions (and make-up sessions), attendance at varied rates (some units under 98 %), a test with
questions and results, essays with a rubric, and a member account ``dangvien1`` to try check-in,
the test and the essay."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from tuyengiao.accounts.models import Role, User
from tuyengiao.core.demo_context import DemoContext
from tuyengiao.orgs.models import Person, Unit

from .models import (
    Choice,
    ExemptionCategory,
    Question,
    QuestionKind,
    RubricCriterion,
    RubricLevel,
    SessionMode,
    StudyRound,
    StudySession,
    StudyTest,
    TestAttempt,
)
from .services import attendance, essays, quizzes, rates, rounds

QUESTIONS = [
    (
        QuestionKind.SINGLE,
        "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng họp vào năm nào?",
        ["*2021", "2016", "2020", "2026"],
    ),
    (
        QuestionKind.MULTIPLE,
        "Những nội dung nào thuộc ba đột phá chiến lược?",
        [
            "*Hoàn thiện thể chế phát triển",
            "*Phát triển nguồn nhân lực",
            "*Xây dựng hệ thống kết cấu hạ tầng",
            "Phát triển du lịch biển",
        ],
    ),
    (
        QuestionKind.TRUE_FALSE,
        "Nghị quyết xác định đến năm 2030 Việt Nam trở thành nước phát triển, thu nhập cao.",
        ["Đúng", "*Sai"],  # 2030: thu nhập trung bình cao; nước phát triển là tầm nhìn 2045
    ),
    (
        QuestionKind.SINGLE,
        "Chủ đề Đại hội nhấn mạnh phát huy sức mạnh của gì?",
        ["*Khối đại đoàn kết toàn dân tộc", "Kinh tế tư nhân", "Hội nhập quốc tế", "Công nghệ số"],
    ),
    (
        QuestionKind.SHORT,
        "Mục tiêu đến năm 2030 gắn với kỷ niệm bao nhiêu năm thành lập Đảng?",
        ["100", "100 năm", "một trăm năm"],
    ),
]


def _add_questions(study_round: StudyRound) -> list[Question]:
    """The bank, choices in a drawn order so that the right answer is not always first (each
    attempt shows them in its own order anyway, see ``quizzes.start_attempt``)."""
    rng = random.Random(13)
    out = []
    for order, (kind, text, options) in enumerate(QUESTIONS, start=1):
        if kind == QuestionKind.SHORT:
            out.append(
                Question.objects.create(
                    round=study_round,
                    kind=kind,
                    text=text,
                    order=order,
                    accepted_answers="\n".join(options),
                )
            )
            continue
        question = Question.objects.create(round=study_round, kind=kind, text=text, order=order)
        if kind != QuestionKind.TRUE_FALSE:  # Đúng / Sai keep their order
            options = rng.sample(options, len(options))
            while options[0].startswith("*") and len(options) > 1:
                options = options[1:] + options[:1]
        for i, option in enumerate(options, start=1):
            Choice.objects.create(
                question=question,
                text=option.lstrip("*"),
                is_correct=option.startswith("*"),
                order=i,
            )
        out.append(question)
    return out


def load(ctx: DemoContext) -> None:
    rng = random.Random(60)
    # Fresh from the database: adding units in code order renumbers siblings' paths (treebeard),
    # so the objects the orgs demo kept may carry stale paths — and a subtree query with a stale
    # path reaches another base organisation (which put dangvien1 in the wrong unit).
    bloc: Unit = Unit.objects.get(pk=ctx.objects["bloc"].pk)
    fresh = Unit.objects.in_bulk([u.pk for u in ctx.objects["base_units"]])
    base_units: list[Unit] = [fresh[u.pk] for u in ctx.objects["base_units"]]
    today = timezone.localdate()
    # The studied resolution from the library, when the documents demo put one there.
    library = list((ctx.objects.get("documents") or {}).values())
    resolution = next(
        (d for d in library if "nghị quyết" in str(d).lower()), library[0] if library else None
    )
    study_round = rounds.open_round(
        document=resolution,
        unit=bloc,
        title="Học tập, quán triệt Nghị quyết Đại hội XIII của Đảng",
        document_title="Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
        number="Kế hoạch số 12-KH/ĐUK",
        starts_on=today - timedelta(days=20),
        ends_on=today + timedelta(days=10),
        covered_units=base_units,
        user=ctx.objects.get("users", {}).get("khoi"),
    )
    presenters = list(
        Person.objects.filter(roles__code="bao-cao-vien", unit__path__startswith=bloc.path)[:20]
    )
    tz = timezone.get_current_timezone()
    # Rates per base unit: most reach the target, some do not (highlighted on the round page).
    shares = [1.0, 1.0, 0.99, 1.0, 0.97, 0.93, 1.0, 0.88, 0.99, 1.0]
    sessions: dict[int, StudySession] = {}
    member_entry = None
    for n, base in enumerate(base_units):
        day = today - timedelta(days=rng.randint(3, 15))
        start = datetime.combine(day, time(8, 0), tz)
        main = StudySession.objects.create(
            round=study_round,
            unit=base,
            title=f"Hội nghị học tập, quán triệt — {base.name}",
            mode=rng.choice([SessionMode.IN_PERSON, SessionMode.BOTH]),
            place="Hội trường cơ quan",
            starts_at=start,
            ends_at=start + timedelta(hours=3, minutes=30),
            presenter=rng.choice(presenters) if presenters else None,
        )
        sessions[base.pk] = main
        entries = list(rounds.session_members(main).select_related("person"))
        for e in entries:
            if rng.random() < 0.02:
                rounds.set_exemption(
                    study_round, e.person, rng.choice(list(ExemptionCategory.values))
                )
        share = shares[n % len(shares)]
        expected = rounds.session_members(main).filter(exemption="").select_related("person")
        came = [e.person for e in expected if rng.random() < share]
        if n == 0:  # the member account's person (dangvien1) has not attended yet
            member_entry = expected.order_by("-person_id").first()
            came = [p for p in came if member_entry is None or p.pk != member_entry.person_id]
        attendance.record_attendance(main, came)
        if share < 0.99 and n % 2 == 0:
            makeup_start = datetime.combine(today - timedelta(days=1), time(14, 0), tz)
            makeup = StudySession.objects.create(
                round=study_round,
                unit=base,
                title=f"Học bù — {base.name}",
                mode=SessionMode.ONLINE,
                place="Phòng họp trực tuyến",
                starts_at=makeup_start,
                ends_at=makeup_start + timedelta(hours=2),
                is_makeup=True,
            )
            absent = [e.person for e in rounds.makeup_members(makeup).select_related("person")]
            attendance.record_attendance(makeup, absent[: len(absent) // 2])
    # An upcoming session of the first base unit, for the check-in code and the phone list.
    first = base_units[0]
    soon = timezone.now().replace(second=0, microsecond=0) + timedelta(minutes=10)
    StudySession.objects.create(
        round=study_round,
        unit=first,
        title="Học bù cho đảng viên vắng (buổi sắp diễn ra)",
        mode=SessionMode.BOTH,
        place="Phòng họp tầng 2",
        starts_at=soon,
        ends_at=soon + timedelta(hours=2),
        is_makeup=True,
    )
    test = StudyTest.objects.create(
        round=study_round,
        title="Kiểm tra nhận thức Nghị quyết Đại hội XIII",
        time_limit_minutes=15,
        pass_score=Decimal(60),
    )
    questions = _add_questions(study_round)
    correct = {q.pk: [c.pk for c in q.choices.all() if c.is_correct] for q in questions}
    wrong = {q.pk: [c.pk for c in q.choices.all() if not c.is_correct][:1] for q in questions}
    for base in base_units[:8]:
        entries = list(
            rounds.session_members(sessions[base.pk])
            .select_related("person")
            .order_by("person_id")[:12]
        )
        for i, e in enumerate(entries):
            if TestAttempt.objects.filter(test=test, person_id=e.person_id).exists():
                continue
            if i % 4 == 3:
                quizzes.enter_paper_score(
                    test, e.person, Decimal(rng.choice([50, 70, 80, 90, 100]))
                )
                continue
            attempt = quizzes.start_attempt(test, e.person, seed=e.person_id)
            answers: dict[int, object] = {}
            for q in questions:
                good = rng.random() < (0.55 if q.kind == QuestionKind.MULTIPLE else 0.85)
                if q.kind == QuestionKind.SHORT:
                    answers[q.pk] = "100 năm" if good else "50"
                else:
                    answers[q.pk] = correct[q.pk] if good else wrong[q.pk]
            quizzes.submit_attempt(attempt, answers)
    # Rubric and essays.
    for order, (name, levels) in enumerate(
        [
            (
                "Hiểu nội dung cốt lõi của nghị quyết",
                [("Tốt", 4), ("Khá", 3), ("Đạt", 2), ("Chưa đạt", 0)],
            ),
            ("Liên hệ thực tiễn đơn vị", [("Tốt", 3), ("Đạt", 2), ("Chưa đạt", 0)]),
            (
                "Kế hoạch hành động của bản thân",
                [("Cụ thể, khả thi", 3), ("Chung chung", 1), ("Chưa có", 0)],
            ),
        ],
        start=1,
    ):
        criterion = RubricCriterion.objects.create(round=study_round, name=name, order=order)
        RubricLevel.objects.bulk_create(
            [RubricLevel(criterion=criterion, label=lb, points=p) for lb, p in levels]
        )
    officer = ctx.objects.get("users", {}).get("coso1")
    if officer is not None:  # its unit fresh too (see above)
        officer = User.objects.select_related("unit").get(pk=officer.pk)
    # Five essay writers: members of the first base unit (coso1's) who have not taken the test.
    # The member account's person (chosen above: listed there, not attended yet, no test taken)
    # tries the upcoming session's check-in with its code, the test and the essay.
    writers = list(
        rounds.session_members(sessions[first.pk])
        .exclude(person__study_attempts__test=test)
        .exclude(person_id=member_entry.person_id if member_entry else 0)
        .select_related("person", "unit")
        .order_by("-person_id")[:5]
    )
    for i, e in enumerate(writers):
        essay = essays.submit_essay(
            study_round,
            e.person,
            "Qua học tập Nghị quyết, bản thân nhận thức rõ hơn về mục tiêu phát triển đất nước đến năm 2030, "
            "tầm nhìn đến năm 2045. Kế hoạch hành động: nâng cao chất lượng tham mưu, hoàn thành nhiệm vụ được giao.",
        )
        if officer is not None and i < 3:
            essays.assign_graders(essay, [officer])
            picked = [
                c.levels.all()[min(i, c.levels.count() - 1)].pk for c in study_round.rubric.all()
            ]
            essays.grade_essay(
                essay, officer, picked, "Bài viết có liên hệ thực tiễn; cần cụ thể hóa kế hoạch."
            )
    # A member account to try the member side (check-in, test, essay): a member of a cell of
    # coso1's base organisation, the account in that cell (the person's own unit), member role.
    if member_entry is not None:
        person = member_entry.person
        member = User.objects.create_user(
            username="dangvien1",
            password=ctx.password,
            first_name=person.full_name.split()[-1],
            last_name=" ".join(person.full_name.split()[:-1]),
            unit=person.unit,
            role=Role.MEMBER,
            person=person,
        )
        ctx.objects.setdefault("users", {})["dangvien1"] = member
    ctx.objects["study_round"] = study_round
    figures = rates.rate_for_unit(study_round, bloc)
    ctx.log(
        f"Học tập: 1 đợt, {StudySession.objects.filter(round=study_round).count()} buổi, tỷ lệ toàn Khối "
        f"{figures['rate']} %; tài khoản đảng viên: dangvien1"
    )
