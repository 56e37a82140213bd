"""Periodic briefings (hội nghị báo cáo viên định kỳ): a superior schedules one for the speakers
of its subtree — a study round whose list is those speakers, so attendance follows the study
app's check-in rules — and each speaker records the talks they then gave; the spread of a briefing
down the tree is the count of talks and listeners per unit."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction

from tuyengiao.activities.kinds import talk_kind
from tuyengiao.activities.services import records as activity_records
from tuyengiao.orgs.models import CommRole, Person, Unit
from tuyengiao.study.models import Attendance, Eligibility
from tuyengiao.study.services import StudyError
from tuyengiao.study.services.rounds import add_to_list, open_listed_round

from ..models import Appointment, Briefing, Talk
from . import SpeakersError

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User

SPEAKER_ROLE = "bao-cao-vien"


def speakers_of(unit: Unit, roles: Iterable[CommRole] = ()) -> list[Person]:
    """People with an active appointment in one of ``roles`` (báo cáo viên by default) on a
    roster of ``unit``'s subtree."""
    role_ids = [r.pk for r in roles]
    qs = Appointment.objects.filter(active=True, unit__path__startswith=unit.path)
    qs = qs.filter(role_id__in=role_ids) if role_ids else qs.filter(role__code=SPEAKER_ROLE)
    ids = set(qs.values_list("person_id", flat=True))
    return list(Person.objects.filter(pk__in=ids).select_related("unit").order_by("name_folded"))


@transaction.atomic
def schedule_briefing(
    *,
    unit: Unit,
    title: str,
    held_on: date,
    outline: str = "",
    documents: Iterable[Any] = (),
    roles: Iterable[CommRole] = (),
    user: User | None = None,
) -> Briefing:
    people = speakers_of(unit, roles)
    if not people:
        raise SpeakersError(
            f"{unit} và cấp dưới chưa có ai trong danh sách lực lượng với vai trò đã chọn."
        )
    try:
        study_round = open_listed_round(
            unit=unit,
            title=f"Hội nghị báo cáo viên: {title}",
            document_title=title,
            starts_on=held_on,
            ends_on=held_on,
            people=people,
            user=user,
        )
    except StudyError as exc:
        raise SpeakersError(str(exc)) from exc
    briefing = Briefing.objects.create(
        unit=unit,
        title=title,
        held_on=held_on,
        outline=outline,
        study_round=study_round,
        created_by=user,
    )
    briefing.documents.set(list(documents))
    return briefing


def refresh_list(briefing: Briefing) -> int:
    """Add speakers appointed since the briefing was scheduled. Returns how many."""
    listed = set(
        Eligibility.objects.filter(round=briefing.study_round_id).values_list(
            "person_id", flat=True
        )
    )
    added = 0
    for person in speakers_of(briefing.unit):
        if person.pk not in listed:
            add_to_list(briefing.study_round, person)
            added += 1
    return added


def is_listed(briefing: Briefing, person: Person) -> bool:
    return Eligibility.objects.filter(round=briefing.study_round_id, person=person).exists()


def record_talk(
    briefing: Briefing,
    person: Person,
    *,
    given_on: date,
    audience: str,
    listeners: int,
    topic: str,
    today: date,
    user: User | None = None,
) -> Talk:
    if not is_listed(briefing, person):
        raise SpeakersError("Đồng chí không có trong danh sách báo cáo viên của hội nghị này.")
    if given_on < briefing.held_on:
        raise SpeakersError(
            f"Buổi nói chuyện phải diễn ra từ ngày hội nghị ({briefing.held_on:%d/%m/%Y}) trở đi."
        )
    if given_on > today:
        raise SpeakersError("Ngày nói chuyện không thể ở tương lai.")
    if listeners <= 0:
        raise SpeakersError("Số người nghe phải lớn hơn 0.")
    with transaction.atomic():
        activity = activity_records.record(
            person.unit,
            user,
            {
                "kind": talk_kind(),
                "topic": topic,
                "held_on": given_on,
                "audience": audience,
                "reached": listeners,
            },
            people=[person],
        )
        return Talk.objects.create(
            briefing=briefing,
            person=person,
            unit=person.unit,
            given_on=given_on,
            audience=audience,
            listeners=listeners,
            topic=topic,
            recorded_by=user,
            activity=activity,
        )


@dataclass
class SpreadRow:
    unit: Unit
    direct: bool
    listed: int
    attended: int
    talks: int
    listeners: int


def spread(briefing: Briefing, focus: Unit) -> list[SpreadRow]:
    """Per child of ``focus`` (and ``focus``'s own people as "direct"): speakers listed, speakers
    present at the briefing, talks given afterwards and their listeners."""
    step = len(focus.path) + Unit.steplen
    counters: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])

    def key(path: str) -> str:
        return path[:step] if len(path) >= step else ""

    for path in Eligibility.objects.filter(
        round=briefing.study_round_id, unit__path__startswith=focus.path
    ).values_list("unit__path", flat=True):
        counters[key(path)][0] += 1
    for path in Attendance.objects.filter(
        round=briefing.study_round_id, unit__path__startswith=focus.path
    ).values_list("unit__path", flat=True):
        counters[key(path)][1] += 1
    for path, listeners in Talk.objects.filter(
        briefing=briefing, unit__path__startswith=focus.path
    ).values_list("unit__path", "listeners"):
        counters[key(path)][2] += 1
        counters[key(path)][3] += listeners
    rows: list[SpreadRow] = []
    if "" in counters:
        rows.append(SpreadRow(focus, True, *counters[""]))
    for child in Unit.objects.get_children(focus).order_by("path"):
        rows.append(SpreadRow(child, False, *counters.get(child.path, [0, 0, 0, 0])))
    return rows
