"""Scoping factories for the project-wide URL walk: a notification to an officer of ``unit``."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from tuyengiao.accounts.models import Role
from tuyengiao.orgs.models import Unit
from tuyengiao.testing import SECRET_MARK, make_user

from .models import Kind, Notification

_counter = itertools.count(1)


def _notification_pk(unit: Unit) -> int:
    officer = make_user(f"thongbao-{next(_counter)}", unit, Role.OFFICER)
    return Notification.objects.create(
        recipient=officer,
        unit=unit,
        kind=Kind.REPORT_RETURNED,
        event_key=f"walk-{officer.pk}",
        title=f"Báo cáo {SECRET_MARK} bị trả lại",
        body=SECRET_MARK,
        url="/",
    ).pk


def url_kwarg_factories() -> dict[str, Callable[[Unit], object]]:
    return {"notification_pk": _notification_pk}


PUBLIC_URL_NAMES: set[str] = set()
