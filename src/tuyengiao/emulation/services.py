"""Business rules of emulation and commendation: movements and criteria, self-assessment,
the superior's scoring, the ranking (ties share a rank), the register and its statistics."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from tuyengiao.accounts.models import User
from tuyengiao.orgs.models import Person, Unit

from .models import AwardForm, Commendation, Criterion, Entry, Movement


class EmulationError(ValueError):
    """A rule was broken; the message is in Vietnamese, ready for the user."""


@transaction.atomic
def create_movement(
    unit: Unit, title: str, year: int, criteria: Sequence[tuple[str, int]], units: Iterable[Unit]
) -> Movement:
    targets = list(units)
    if not criteria:
        raise EmulationError("Hãy nhập ít nhất một tiêu chí.")
    if not targets:
        raise EmulationError("Hãy chọn ít nhất một đơn vị tham gia.")
    for target in targets:
        if target.pk == unit.pk or not target.path.startswith(unit.path):
            raise EmulationError(f"{target.name} không phải đơn vị cấp dưới của {unit.name}.")
    movement = Movement.objects.create(unit=unit, title=title, year=year)
    movement.participants.set(targets)
    Criterion.objects.bulk_create(
        [
            Criterion(movement=movement, order=i, name=name, max_points=points)
            for i, (name, points) in enumerate(criteria, start=1)
        ]
    )
    Entry.objects.bulk_create([Entry(movement=movement, unit=t) for t in targets])
    return movement


def parse_criteria(text: str) -> list[tuple[str, int]]:
    """ "Tên tiêu chí | điểm" per line → [(name, points)]; errors name the line."""
    out = []
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        name, sep, points = line.rpartition("|")
        if not sep or not name.strip() or not points.strip().isdigit():
            raise EmulationError(f"Dòng {n}: cần dạng “Tên tiêu chí | điểm tối đa”.")
        out.append((name.strip(), int(points.strip())))
    return out


def _checked_points(movement: Movement, points: Mapping[str, int]) -> dict[str, int]:
    out = {}
    for criterion in movement.criteria.all():
        value = int(points.get(str(criterion.pk), 0))
        if value < 0 or value > criterion.max_points:
            raise EmulationError(f"Điểm “{criterion.name}” phải từ 0 đến {criterion.max_points}.")
        out[str(criterion.pk)] = value
    return out


def self_assess(
    entry: Entry, points: Mapping[str, int], note: str, evidence: object = None
) -> Entry:
    entry.self_points = _checked_points(entry.movement, points)
    entry.self_note = note.strip()
    if evidence is not None:
        entry.evidence = evidence
    entry.submitted_on = entry.submitted_on or timezone.localdate()
    entry.save()
    return entry


def score(entry: Entry, user: User | None, points: Mapping[str, int]) -> Entry:
    if entry.submitted_on is None:
        raise EmulationError("Đơn vị chưa gửi bản tự chấm: chưa chấm điểm được.")
    entry.scores = _checked_points(entry.movement, points)
    entry.total = sum(entry.scores.values())
    entry.scored_by = user
    entry.save(update_fields=["scores", "total", "scored_by"])
    return entry


@dataclass
class Ranked:
    rank: int
    entry: Entry


def ranking(movement: Movement) -> list[Ranked]:
    """Scored entries by total, highest first; equal totals share a rank and the next rank skips
    (1, 1, 3). Among equal totals, units in tree order."""
    entries = sorted(
        movement.entries.filter(total__isnull=False).select_related("unit"),
        key=lambda e: (-(e.total or 0), e.unit.path),
    )
    out: list[Ranked] = []
    for position, entry in enumerate(entries, start=1):
        rank = out[-1].rank if out and out[-1].entry.total == entry.total else position
        out.append(Ranked(rank, entry))
    return out


def commend(
    *,
    issuer: Unit,
    user: User | None,
    form: AwardForm,
    decision_number: str,
    decision_date: date,
    reason: str,
    subject_unit: Unit | None,
    person: Person | None,
    movement: Movement | None = None,
) -> Commendation:
    if person is not None:
        subject_unit = person.unit
    if subject_unit is None:
        raise EmulationError("Hãy chọn tập thể hoặc cá nhân được khen thưởng.")
    if not subject_unit.path.startswith(issuer.path):
        raise EmulationError(f"{subject_unit.name} không thuộc phạm vi của {issuer.name}.")
    return Commendation.objects.create(
        issuer=issuer,
        subject_unit=subject_unit,
        person=person,
        form=form,
        decision_number=decision_number.strip(),
        decision_date=decision_date,
        reason=reason.strip(),
        movement=movement,
        created_by=user,
    )


def statistics(
    commendations: Iterable[Commendation],
) -> tuple[list[int], list[tuple[str, list[int]]]]:
    """(years, [(form name, count per year)]) of the given register lines."""
    counts: dict[tuple[str, int], int] = {}
    years: set[int] = set()
    forms: dict[str, int] = {}
    for c in commendations:
        key = (c.form.name, c.decision_date.year)
        counts[key] = counts.get(key, 0) + 1
        years.add(c.decision_date.year)
        forms.setdefault(c.form.name, c.form.order)
    ordered_years = sorted(years)
    ordered_forms = sorted(forms, key=lambda name: (forms[name], name))
    return ordered_years, [
        (name, [counts.get((name, y), 0) for y in ordered_years]) for name in ordered_forms
    ]
