"""Scoping factories for the project-wide URL walk (see accounts/tests/test_url_scoping.py)."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from tuyengiao.accounts.models import Role, User
from tuyengiao.orgs.models import Unit
from tuyengiao.testing import SECRET_MARK

_counter = itertools.count(1)


def _user_pk(unit: Unit) -> int:
    n = next(_counter)
    user = User.objects.create_user(
        username=f"{SECRET_MARK}-{n}",
        password=None,
        unit=unit,
        role=Role.OFFICER,
        first_name=SECRET_MARK,
    )
    return user.pk


def url_kwarg_factories() -> dict[str, Callable[[Unit], object]]:
    return {"user_pk": _user_pk}


# Pages for anonymous visitors: login, password reset (its link carries uidb64/token), logout.
PUBLIC_URL_NAMES: set[str] = {
    "accounts:login",
    "accounts:logout",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
}
