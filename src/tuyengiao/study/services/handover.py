"""Study records of a unit that a reorganisation ends (``orgs.handover``): in rounds still
running on the effective date, the old unit's members on the list — and their attendance — are
counted where the members now belong (the successor, or the unit a split gave each member), so a
round's rates count every member once, under the unit that carries on. Rounds over by then stay
with the old unit."""

from __future__ import annotations

import datetime as dt

from tuyengiao.orgs.models import Unit

from ..models import Attendance, Eligibility, StudyRound
from .rates import refresh_tallies

TITLE = "Học tập nghị quyết đang diễn ra"


def _open_rounds(unit: Unit, day: dt.date) -> list[StudyRound]:
    return list(
        StudyRound.objects.filter(ends_on__gte=day, eligibilities__unit=unit)
        .distinct()
        .order_by("starts_on", "id")
    )


def pending(unit: Unit, day: dt.date) -> list[str]:
    return [
        f"Đợt “{r}”: {Eligibility.objects.filter(round=r, unit=unit).count()} đảng viên trong danh sách"
        for r in _open_rounds(unit, day)
    ]


def transfer(unit: Unit, successor: Unit, day: dt.date) -> int:
    moved = 0
    for study_round in _open_rounds(unit, day):
        touched = {unit.pk, successor.pk}
        for model in (Eligibility, Attendance):
            for row in model.objects.filter(round=study_round, unit=unit).select_related("person"):
                # the member's unit after the transfers of the change; the successor otherwise
                new_id = row.person.unit_id if row.person.unit_id != unit.pk else successor.pk
                row.unit_id = new_id
                row.save(update_fields=["unit"])
                touched.add(new_id)
                moved += model is Eligibility
        refresh_tallies(study_round, touched)
    return moved
