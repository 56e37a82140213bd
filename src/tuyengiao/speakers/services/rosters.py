"""Rosters: appointing a person to a role, ending a term, the term change of a whole list in one
action (with a dry run), roll-ups of counts by level and role, and a person's history."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import QuerySet

from tuyengiao.orgs.models import CommRole, Person, Unit, UnitKind

from ..models import Appointment, EndReason
from . import SpeakersError

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User


def sync_roles(person: Person) -> None:
    """Keep ``Person.roles`` (the orgs app's current roles) in step with the active appointments:
    a role with an active appointment is added; a role whose last appointment ended is removed.
    Roles given outside any appointment (the people import of orgs) are left alone."""
    active = set(
        Appointment.objects.filter(person=person, active=True).values_list("role_id", flat=True)
    )
    ever = set(Appointment.objects.filter(person=person).values_list("role_id", flat=True))
    current = set(person.roles.values_list("id", flat=True))
    to_add = active - current
    to_remove = (ever - active) & current
    if to_add:
        person.roles.add(*to_add)
    if to_remove:
        person.roles.remove(*to_remove)


@transaction.atomic
def appoint(
    *,
    unit: Unit,
    person: Person,
    role: CommRole,
    term_start: date,
    term_end: date | None = None,
    decision_number: str = "",
    decision_date: date | None = None,
    expertise: str = "",
    contact: str = "",
    user: User | None = None,
    previous: Appointment | None = None,
) -> Appointment:
    if not unit.contains(person.unit):
        raise SpeakersError(f"{person} không thuộc {unit} hoặc đơn vị cấp dưới.")
    if term_end is not None and term_end < term_start:
        raise SpeakersError("Ngày hết nhiệm kỳ phải sau ngày bắt đầu.")
    if Appointment.objects.filter(unit=unit, person=person, role=role, active=True).exists():
        raise SpeakersError(f"{person} đang là {role.name.lower()} trong danh sách của {unit}.")
    appointment = Appointment.objects.create(
        unit=unit,
        person=person,
        role=role,
        term_start=term_start,
        term_end=term_end,
        decision_number=decision_number,
        decision_date=decision_date,
        expertise=expertise,
        contact=contact,
        created_by=user,
        previous=previous,
    )
    sync_roles(person)
    return appointment


@transaction.atomic
def end_appointment(appointment: Appointment, on: date, reason: str) -> Appointment:
    if reason not in EndReason.values:
        raise SpeakersError("Lý do thôi không hợp lệ.")
    if not appointment.active:
        raise SpeakersError("Người này đã thôi nhiệm vụ trong danh sách.")
    if on < appointment.term_start:
        raise SpeakersError("Ngày thôi không thể trước ngày bắt đầu nhiệm kỳ.")
    appointment.active = False
    appointment.ended_on = on
    appointment.end_reason = reason
    appointment.save(update_fields=["active", "ended_on", "end_reason"])
    sync_roles(appointment.person)
    return appointment


def roster(
    unit: Unit, role: CommRole | None = None, active: bool | None = True
) -> QuerySet[Appointment]:
    qs = Appointment.objects.filter(unit=unit).select_related("person", "person__unit", "role")
    if role is not None:
        qs = qs.filter(role=role)
    if active is not None:
        qs = qs.filter(active=active)
    return qs


@dataclass
class TermChange:
    """What a term change does (or would do): who is reappointed, whose term ends."""

    reappointed: list[Appointment] = field(default_factory=list)
    ended: list[Appointment] = field(default_factory=list)
    created: list[Appointment] = field(default_factory=list)
    applied: bool = False


def term_change(
    unit: Unit,
    *,
    keep_ids: set[int],
    term_start: date,
    term_end: date | None,
    decision_number: str,
    decision_date: date | None,
    role: CommRole | None = None,
    dry_run: bool = True,
    user: User | None = None,
) -> TermChange:
    """The term change of the unit's whole active list (of one role if given) in one action: the
    appointments in ``keep_ids`` are reappointed for the new term under the new decision (a new
    appointment linked to the old one), the others end with the old term. Nothing is written on
    a dry run; on a real run it is all or nothing."""
    current = list(roster(unit, role).order_by("person__name_folded", "id"))
    unknown = keep_ids - {a.pk for a in current}
    if unknown:
        raise SpeakersError("Có người được chọn không thuộc danh sách đang hoạt động của đơn vị.")
    if term_end is not None and term_end < term_start:
        raise SpeakersError("Ngày hết nhiệm kỳ mới phải sau ngày bắt đầu.")
    for a in current:
        if a.term_start >= term_start:
            raise SpeakersError(
                f"Nhiệm kỳ của {a.person} bắt đầu {a.term_start:%d/%m/%Y}, không trước nhiệm kỳ mới."
            )
    change = TermChange(
        reappointed=[a for a in current if a.pk in keep_ids],
        ended=[a for a in current if a.pk not in keep_ids],
    )
    if dry_run:
        return change
    with transaction.atomic():
        for a in current:
            reason = EndReason.REAPPOINTED if a.pk in keep_ids else EndReason.TERM_ENDED
            end_appointment(a, term_start, reason)
        for a in change.reappointed:
            change.created.append(
                appoint(
                    unit=unit,
                    person=a.person,
                    role=a.role,
                    term_start=term_start,
                    term_end=term_end,
                    decision_number=decision_number,
                    decision_date=decision_date,
                    expertise=a.expertise,
                    contact=a.contact,
                    user=user,
                    previous=a,
                )
            )
    change.applied = True
    return change


def history(person: Person) -> QuerySet[Appointment]:
    """Every term of the person in every role and unit, oldest first."""
    return (
        Appointment.objects.filter(person=person)
        .select_related("unit", "role")
        .order_by("term_start", "id")
    )


@dataclass
class RollupRow:
    label: str
    counts: dict[int, int]  # role id → active appointments
    total: int
    unit: Unit | None = None


def rollup(
    within: Unit, roles: list[CommRole]
) -> tuple[list[RollupRow], list[RollupRow], dict[int, int]]:
    """Counts of active appointments in ``within``'s subtree: by level (the kind of the unit that
    keeps the list), by child unit (its subtree; the unit's own list as "Trực thuộc"), and the
    totals per role."""
    rows = Appointment.objects.filter(active=True, unit__path__startswith=within.path).values_list(
        "unit__kind", "unit__path", "role_id"
    )
    by_level: dict[str, Counter[int]] = {}
    by_child: dict[str, Counter[int]] = {}
    totals: Counter[int] = Counter()
    step = len(within.path) + Unit.steplen
    for kind, path, role_id in rows:
        by_level.setdefault(kind, Counter())[role_id] += 1
        key = path[:step] if len(path) >= step else ""
        by_child.setdefault(key, Counter())[role_id] += 1
        totals[role_id] += 1
    level_rows = [
        RollupRow(label, dict(by_level[kind]), sum(by_level[kind].values()))
        for kind, label in UnitKind.choices
        if kind in by_level
    ]
    children = {u.path: u for u in Unit.objects.get_children(within)}
    child_rows: list[RollupRow] = []
    if "" in by_child:
        c = by_child[""]
        child_rows.append(RollupRow(f"Trực thuộc {within.name}", dict(c), sum(c.values()), within))
    for path, unit in sorted(children.items()):
        c = by_child.get(path, Counter())
        child_rows.append(RollupRow(unit.name, dict(c), sum(c.values()), unit))
    return level_rows, child_rows, dict(totals)


def counts_for(row: RollupRow, roles: list[CommRole]) -> list[int]:
    return [row.counts.get(r.pk, 0) for r in roles]


def roster_cells(a: Appointment) -> list[Any]:
    """One exported row (the same columns the import reads)."""
    return [
        a.person.full_name,
        a.person.birth_year or "",
        a.person.unit.name,
        a.role.name,
        a.decision_number,
        a.decision_date,
        a.term_start,
        a.term_end,
        a.expertise,
        a.contact or a.person.phone or a.person.email,
        "Đang làm nhiệm vụ" if a.active else f"Đã thôi ({a.get_end_reason_display()})",
    ]


ROSTER_HEADERS = [
    "Họ và tên",
    "Năm sinh",
    "Đơn vị sinh hoạt",
    "Vai trò",
    "Số quyết định",
    "Ngày quyết định",
    "Nhiệm kỳ từ",
    "Nhiệm kỳ đến",
    "Lĩnh vực chuyên sâu",
    "Liên hệ",
    "Trạng thái",
]
