"""Scoping factories for the project-wide URL walk (see accounts/tests/test_url_scoping.py)."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from tuyengiao.orgs.models import Person, Unit, UnitKind
from tuyengiao.testing import SECRET_MARK

_counter = itertools.count(1)


def _unit_pk(unit: Unit) -> int:
    """A unit below ``unit`` (so it is in the owner's subtree), its name marked."""
    n = next(_counter)
    child = Unit.objects.add_child(
        unit,
        dict(
            kind=UnitKind.CELL,
            code=f"{SECRET_MARK}-{n}",
            name=f"Chi bộ {SECRET_MARK} {n}",
            short_name="CB",
        ),
    )
    return child.pk


def _person_pk(unit: Unit) -> int:
    return Person.objects.create(
        unit=unit, full_name=f"Người {SECRET_MARK}", position=SECRET_MARK
    ).pk


def url_kwarg_factories() -> dict[str, Callable[[Unit], object]]:
    return {"unit_pk": _unit_pk, "person_pk": _person_pk}


PUBLIC_URL_NAMES: set[str] = set()
