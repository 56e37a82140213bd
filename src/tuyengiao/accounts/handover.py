"""The accounts of a unit that a reorganisation ends move to its successor (``orgs.handover``),
keeping their role: the officers of a merged commune carry on as officers of the new one."""

from __future__ import annotations

import datetime as dt

from tuyengiao.orgs.models import Unit

from .models import User

TITLE = "Tài khoản chuyển sang đơn vị kế thừa"


def pending(unit: Unit, day: dt.date) -> list[str]:
    return [
        f"{u.username} ({u.get_role_display().lower()})"
        for u in User.objects.filter(unit=unit, is_active=True).order_by("username")
    ]


def transfer(unit: Unit, successor: Unit, day: dt.date) -> int:
    moved = 0
    for user in User.objects.filter(unit=unit, is_active=True):
        user.unit = successor
        user.save(update_fields=["unit"])  # an audit entry per account
        moved += 1
    return moved
