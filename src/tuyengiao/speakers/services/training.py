"""Training: a course opens a study round (its list is the enrolled people; its sessions and
check-ins are the study app's), completion is reviewed from that round's attendance, and each
person's training hours per year are weighed against the unit's requirement."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Sum

from tuyengiao.orgs.models import Person, Unit
from tuyengiao.study.models import Attendance
from tuyengiao.study.services import StudyError
from tuyengiao.study.services.rounds import add_to_list, open_listed_round

from ..models import Appointment, Course, Enrolment, TrainingRequirement
from . import SpeakersError

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User


@transaction.atomic
def open_course(
    *,
    unit: Unit,
    title: str,
    starts_on: date,
    ends_on: date,
    hours: Decimal,
    organiser: str = "",
    format: str = "in_person",
    documents: Iterable[Any] = (),
    user: User | None = None,
) -> Course:
    if hours <= 0:
        raise SpeakersError("Số giờ của lớp phải lớn hơn 0.")
    try:
        study_round = open_listed_round(
            unit=unit,
            title=f"Lớp bồi dưỡng: {title}",
            document_title=title,
            starts_on=starts_on,
            ends_on=ends_on,
            user=user,
        )
    except StudyError as exc:
        raise SpeakersError(str(exc)) from exc
    course = Course.objects.create(
        unit=unit,
        title=title,
        organiser=organiser or unit.name,
        starts_on=starts_on,
        ends_on=ends_on,
        hours=hours,
        format=format,
        study_round=study_round,
        created_by=user,
    )
    course.documents.set(list(documents))
    return course


def roster_people(unit: Unit) -> Any:
    """People with an active appointment on a roster of ``unit``'s subtree."""
    return (
        Person.objects.filter(
            appointments__active=True, appointments__unit__path__startswith=unit.path
        )
        .distinct()
        .select_related("unit")
        .order_by("name_folded", "id")
    )


@transaction.atomic
def enrol(course: Course, people: Iterable[Person]) -> int:
    """Enrol roster members of the course unit's subtree; they join the course's study list.
    Returns how many were new."""
    allowed = set(roster_people(course.unit).values_list("id", flat=True))
    added = 0
    for person in people:
        if person.pk not in allowed:
            raise SpeakersError(f"{person} không có trong danh sách lực lượng của {course.unit}.")
        _, created = Enrolment.objects.get_or_create(course=course, person=person)
        if created:
            add_to_list(course.study_round, person)
            added += 1
    return added


def attended_ids(course: Course) -> set[int]:
    """The enrolled people the course's study round counted present (once each, whatever the
    session: the study app's rule)."""
    return set(
        Attendance.objects.filter(round=course.study_round_id).values_list("person_id", flat=True)
    )


@transaction.atomic
def review_completion(course: Course, on: date) -> tuple[int, int]:
    """Decide completion for every enrolment in one action: attended → completed, the course's
    hours credited and a certificate number given; absent → not completed, no hours.
    Returns (completed, not completed)."""
    present = attended_ids(course)
    done = 0
    missing = 0
    enrolments = list(
        course.enrolments.select_related("person").order_by("person__name_folded", "id")
    )
    for number, e in enumerate(enrolments, start=1):
        e.completed = e.person_id in present
        e.hours = course.hours if e.completed else Decimal("0")
        e.certificate_number = (
            f"{number:03d}/{course.ends_on:%Y}-CN-{course.pk}" if e.completed else ""
        )
        done += e.completed
        missing += not e.completed
    Enrolment.objects.bulk_update(enrolments, ["completed", "hours", "certificate_number"])
    course.completed_on = on
    course.save(update_fields=["completed_on"])
    return done, missing


def requirement_for(unit: Unit) -> Decimal | None:
    """The yearly hours required of a roster kept by ``unit``: its own setting, else the nearest
    setting above it; None when no unit on the way sets one."""
    paths = unit.ancestor_paths(include_self=True)
    found = {
        path: hours
        for path, hours in TrainingRequirement.objects.filter(unit__path__in=paths).values_list(
            "unit__path", "hours_per_year"
        )
    }
    for path in sorted(paths, key=len, reverse=True):
        if path in found:
            return found[path]
    return None


@dataclass
class HoursRow:
    person: Person
    roster_unit: Unit
    hours: Decimal
    required: Decimal | None

    @property
    def below(self) -> bool:
        return self.required is not None and self.hours < self.required


def hours_per_person(within: Unit, year: int) -> list[HoursRow]:
    """Each active roster member of ``within``'s subtree: training hours completed in ``year``
    (courses ending that year) against the requirement of the unit keeping their roster."""
    hours = dict(
        Enrolment.objects.filter(completed=True, course__ends_on__year=year)
        .values("person_id")
        .annotate(total=Sum("hours"))
        .values_list("person_id", "total")
    )
    rows: dict[int, HoursRow] = {}
    requirements: dict[int, Decimal | None] = {}
    appointments = (
        Appointment.objects.filter(active=True, unit__path__startswith=within.path)
        .select_related("person", "person__unit", "unit")
        .order_by("person__name_folded", "unit__path")
    )
    for a in appointments:
        if a.unit_id not in requirements:
            requirements[a.unit_id] = requirement_for(a.unit)
        required = requirements[a.unit_id]
        row = rows.get(a.person_id)
        if row is None:
            rows[a.person_id] = HoursRow(
                a.person, a.unit, hours.get(a.person_id) or Decimal("0"), required
            )
        elif required is not None and (row.required is None or required > row.required):
            row.required, row.roster_unit = required, a.unit  # the strictest list applies
    return list(rows.values())


def below_requirement(within: Unit, year: int) -> list[HoursRow]:
    return [r for r in hours_per_person(within, year) if r.below]


def set_requirement(unit: Unit, hours: Decimal) -> TrainingRequirement:
    if hours < 0:
        raise SpeakersError("Số giờ không được âm.")
    requirement, _ = TrainingRequirement.objects.update_or_create(
        unit=unit, defaults={"hours_per_year": hours}
    )
    return requirement
