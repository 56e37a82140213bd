"""Opening a round and its member list: the snapshot taken when it opens, later additions,
exemptions by category, and which list entries a session may record."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet

from tuyengiao.orgs.models import Person, Unit

from ..models import (
    Attendance,
    Eligibility,
    ExemptionCategory,
    StudyRound,
    StudySession,
)
from . import StudyError
from .rates import refresh_tallies

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User


@transaction.atomic
def open_round(
    *,
    unit: Unit,
    title: str,
    starts_on: Any,
    ends_on: Any,
    covered_units: Iterable[Unit],
    document_title: str = "",
    target_rate: Decimal | None = None,
    number: str = "",
    user: User | None = None,
    document: Any = None,
) -> StudyRound:
    """Open a round and take the snapshot of its member list."""
    covered = list(covered_units)
    for c in covered:
        if not unit.contains(c):
            raise StudyError(f"Đơn vị {c} không thuộc phạm vi của {unit}.")
    if ends_on < starts_on:
        raise StudyError("Ngày kết thúc phải sau ngày bắt đầu.")
    study_round = StudyRound.objects.create(
        unit=unit,
        title=title,
        document_title=document_title,
        number=number,
        document=document,
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=user,
        **({"target_rate": target_rate} if target_rate is not None else {}),
    )
    study_round.covered_units.set(covered)
    snapshot_members(study_round)
    return study_round


def covered_people(study_round: StudyRound) -> QuerySet[Person]:
    condition = Q()
    for path in study_round.covered_units.values_list("path", flat=True):
        condition |= Q(unit__path__startswith=path)
    if not condition:
        return Person.objects.none()
    return Person.objects.filter(condition, active=True, is_party_member=True)


def snapshot_members(study_round: StudyRound, within: Unit | None = None) -> int:
    """Put every active party member of the covered units (of ``within``'s subtree if given) on the
    list; members already there are left as they are. Returns how many were added. A round with its
    own list (``listed_only``) takes people one by one (``add_to_list``), never the whole membership."""
    if study_round.listed_only:
        raise StudyError(
            "Danh sách của đợt này do lớp bồi dưỡng hoặc hội nghị báo cáo viên lập, không bổ sung "
            "toàn bộ đảng viên của đơn vị; hãy bổ sung người ở trang của lớp hoặc hội nghị."
        )
    people = covered_people(study_round)
    existing_qs = study_round.eligibilities.all()
    if within is not None:
        people = people.filter(unit__path__startswith=within.path)
        existing_qs = existing_qs.filter(unit__path__startswith=within.path)
    existing = set(existing_qs.values_list("person_id", flat=True))
    rows = [
        Eligibility(round=study_round, person_id=pid, unit_id=uid)
        for pid, uid in people.values_list("id", "unit_id")
        if pid not in existing
    ]
    Eligibility.objects.bulk_create(rows, batch_size=2000)
    refresh_tallies(study_round, {r.unit_id for r in rows})
    return len(rows)


def add_to_list(study_round: StudyRound, person: Person) -> Eligibility:
    if not any(c.contains(person.unit) for c in study_round.covered_units.all()):
        raise StudyError("Người này không thuộc đơn vị thực hiện đợt học tập.")
    eligibility, _ = Eligibility.objects.get_or_create(
        round=study_round, person=person, defaults={"unit": person.unit}
    )
    refresh_tallies(study_round, {eligibility.unit_id})
    return eligibility


def set_exemption(study_round: StudyRound, person: Person, category: str) -> Eligibility:
    """Exempt a member with a category ("" to lift it). No free text about the person is kept."""
    if category and category not in ExemptionCategory.values:
        raise StudyError("Lý do miễn không hợp lệ.")
    eligibility = Eligibility.objects.filter(round=study_round, person=person).first()
    if eligibility is None:
        raise StudyError("Người này không có trong danh sách của đợt học tập.")
    eligibility.exemption = category
    eligibility.save(update_fields=["exemption"])
    refresh_tallies(study_round, {eligibility.unit_id})
    return eligibility


def session_members(session: StudySession) -> QuerySet[Eligibility]:
    """The list entries a session may record: members of the session unit's subtree."""
    return Eligibility.objects.filter(
        round=session.round_id, unit__path__startswith=session.unit.path
    )


def makeup_members(session: StudySession) -> QuerySet[Eligibility]:
    """For a make-up session: the members of the subtree who have not attended yet."""
    attended = Attendance.objects.filter(round=session.round_id, person=OuterRef("person"))
    return session_members(session).filter(~Exists(attended))


@transaction.atomic
def open_listed_round(
    *,
    unit: Unit,
    title: str,
    starts_on: Any,
    ends_on: Any,
    people: Iterable[Person] = (),
    document_title: str = "",
    user: User | None = None,
) -> StudyRound:
    """Open a round of ``unit`` (covering its subtree) whose list is ``people`` only — no snapshot
    of the party members: for the attendance of another app's gathering (a speakers' course or
    briefing) through the sessions and check-in of study rounds. Add people later with
    ``add_to_list``."""
    if ends_on < starts_on:
        raise StudyError("Ngày kết thúc phải sau ngày bắt đầu.")
    study_round = StudyRound.objects.create(
        unit=unit,
        title=title,
        document_title=document_title,
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=user,
        listed_only=True,
    )
    study_round.covered_units.set([unit])
    for person in people:
        add_to_list(study_round, person)
    return study_round
