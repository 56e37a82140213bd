"""Factories for the tests and the project-wide URL walks: each creates an object owned by
``unit`` (names carrying ``SECRET_MARK``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from tuyengiao.orgs.models import CommRole, Person, Unit
from tuyengiao.testing import SECRET_MARK

from .models import (
    Appointment,
    Briefing,
    Contest,
    ContestRound,
    Course,
    Criterion,
    CriterionLevel,
    Entry,
    EntryKind,
)
from .services.rosters import appoint
from .services.training import open_course


def speaker_role() -> CommRole:
    role, _ = CommRole.objects.get_or_create(
        code="bao-cao-vien", defaults={"name": "Báo cáo viên", "order": 1}
    )
    return role


def make_speaker(
    unit: Unit,
    name: str = f"Báo cáo viên {SECRET_MARK}",
    *,
    roster_unit: Unit | None = None,
    term_start: date = date(2025, 1, 1),
    **person: object,
) -> Appointment:
    """A person of ``unit`` appointed báo cáo viên on the roster of ``roster_unit`` (default
    ``unit``)."""
    p = Person.objects.create(unit=unit, full_name=name, **person)
    return appoint(
        unit=roster_unit or unit,
        person=p,
        role=speaker_role(),
        term_start=term_start,
        term_end=date(2030, 12, 31),
        decision_number=f"1-QĐ/{SECRET_MARK}",
        expertise=f"Kinh tế {SECRET_MARK}",
    )


def make_course(unit: Unit, **extra: object) -> Course:
    values: dict[str, object] = {
        "title": f"Lớp bồi dưỡng {SECRET_MARK}",
        "starts_on": date.today(),
        "ends_on": date.today() + timedelta(days=2),
        "hours": Decimal("16"),
        **extra,
    }
    return open_course(unit=unit, **values)  # type: ignore[arg-type]


def make_briefing(unit: Unit, held_on: date | None = None) -> Briefing:
    from .services.briefings import schedule_briefing

    if not Appointment.objects.filter(unit__path__startswith=unit.path, active=True).exists():
        make_speaker(unit)
    return schedule_briefing(
        unit=unit,
        title=f"Hội nghị báo cáo viên tháng {SECRET_MARK}",
        held_on=held_on or date.today(),
        outline=f"Định hướng {SECRET_MARK}",
    )


def make_contest(unit: Unit, spread_limit: Decimal = Decimal("10")) -> Contest:
    """A contest with one round and a rubric: Nội dung (×2: 10/7/5), Trình bày (×1: 10/6/3)."""
    contest = Contest.objects.create(
        unit=unit,
        title=f"Hội thi báo cáo viên giỏi {SECRET_MARK}",
        year=2026,
        spread_limit=spread_limit,
    )
    for order, (name, weight, points) in enumerate(
        [("Nội dung", Decimal(2), (10, 7, 5)), ("Trình bày", Decimal(1), (10, 6, 3))]
    ):
        criterion = Criterion.objects.create(contest=contest, name=name, weight=weight, order=order)
        for label, p in zip(("Tốt", "Khá", "Đạt"), points, strict=True):
            CriterionLevel.objects.create(criterion=criterion, label=label, points=Decimal(p))
    ContestRound.objects.create(contest=contest, name="Vòng chung kết", order=1)
    return contest


def make_entry(unit: Unit) -> Entry:
    contest = make_contest(unit)
    person = Person.objects.create(unit=unit, full_name=f"Thí sinh {SECRET_MARK}")
    return Entry.objects.create(
        contest_round=contest.rounds.get(),
        person=person,
        entrant_unit=unit,
        kind=EntryKind.TALK,
        title=f"Bài dự thi {SECRET_MARK}",
    )


def url_kwarg_factories() -> dict[str, Callable[[Unit], object]]:
    return {
        "appointment_pk": lambda unit: make_speaker(unit).pk,
        "course_pk": lambda unit: make_course(unit).pk,
        "briefing_pk": lambda unit: make_briefing(unit).pk,
        "contest_pk": lambda unit: make_contest(unit).pk,
        "contest_round_pk": lambda unit: make_contest(unit).rounds.get().pk,
        "entry_pk": lambda unit: make_entry(unit).pk,
    }


PUBLIC_URL_NAMES: set[str] = set()
