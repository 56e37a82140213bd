"""Scoping factories for the project-wide URL walk: objects owned by ``unit``."""

from __future__ import annotations

from collections.abc import Callable

from tuyengiao.orgs.models import Person, Unit
from tuyengiao.testing import SECRET_MARK

from .models import RequestKind
from .register import record_request


def _data_request_pk(unit: Unit) -> int:
    person = Person.objects.create(unit=unit, full_name=f"Người yêu cầu {SECRET_MARK}")
    return record_request(person, RequestKind.ACCESS, f"Yêu cầu {SECRET_MARK}").pk


def url_kwarg_factories() -> dict[str, Callable[[Unit], object]]:
    return {"data_request_pk": _data_request_pk}


PUBLIC_URL_NAMES: set[str] = {"privacy:notice"}
