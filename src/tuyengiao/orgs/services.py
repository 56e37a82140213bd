"""Business rules of the organisation tree that span more than one model."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import Person, PersonTransfer, Unit

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User


@transaction.atomic
def transfer_person(
    person: Person, to_unit: Unit, date: dt.date, by: User | None = None, note: str = ""
) -> PersonTransfer:
    """Move ``person`` to ``to_unit`` and keep the move in the history."""
    if to_unit.pk == person.unit_id:
        raise ValidationError("Đơn vị chuyển đến trùng với đơn vị hiện tại.")
    if not to_unit.active:
        raise ValidationError("Không thể chuyển đến đơn vị đã ngừng hoạt động.")
    transfer = PersonTransfer.objects.create(
        person=person, from_unit=person.unit, to_unit=to_unit, date=date, note=note, created_by=by
    )
    person.unit = to_unit
    person.save(update_fields=["unit", "updated_at"])
    return transfer
