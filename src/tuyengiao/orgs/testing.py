"""Scoping factories for the project-wide URL walk (see accounts/tests/test_url_scoping.py)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

from django.core.files.base import ContentFile

from tuyengiao.accounts.models import Role
from tuyengiao.core.models import Job, JobState
from tuyengiao.orgs.models import Person, Reorganisation, ReorganisationKind, Unit, UnitKind
from tuyengiao.orgs.tasks import PERSON_IMPORT, REORGANISATION_IMPORT, UNIT_IMPORT
from tuyengiao.testing import SECRET_MARK, make_user

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
    return int(child.pk)


def _person_pk(unit: Unit) -> int:
    return Person.objects.create(
        unit=unit, full_name=f"Người {SECRET_MARK}", position=SECRET_MARK
    ).pk


def _import_job(kind: str) -> Callable[[Unit], int]:
    """A finished import job of an officer of ``unit`` whose bad rows name the mark; its stored
    file is kept, so the "valid rows only" button would be offered to its starter."""

    def make(unit: Unit) -> int:
        starter = make_user(f"nhap-{next(_counter)}", unit, Role.UNIT_ADMIN)
        job = Job(
            kind=kind,
            unit=unit,
            started_by=starter,
            filename=f"{SECRET_MARK}.csv",
            state=JobState.DONE,
            total=2,
            checked=2,
            result={
                "applied": False,
                "created": 0,
                "updated": 0,
                "skipped": 0,
                "error_count": 1,
                "errors": [{"row": 2, "reason": f"mã “{SECRET_MARK}” trùng"}],
            },
        )
        job.file.save(f"{job.token}.csv", ContentFile(SECRET_MARK.encode()), save=False)
        job.save()
        return job.pk

    return make


def _reorg_pk(unit: Unit) -> int:
    """A draft rename of a unit below ``unit``, kept as a reorganisation of ``unit``."""
    child = Unit.objects.get(pk=_unit_pk(unit))
    return Reorganisation.objects.create(
        unit=unit,
        kind=ReorganisationKind.RENAME,
        effective_date=dt.date(2025, 7, 1),
        note=SECRET_MARK,
        spec={
            "kind": ReorganisationKind.RENAME,
            "date": "2025-07-01",
            "sources": [child.pk],
            "new_name": f"Tên mới {SECRET_MARK}",
        },
    ).pk


def url_kwarg_factories() -> dict[str, Callable[[Unit], object]]:
    return {
        "reorg_pk": _reorg_pk,
        "reorg_job_pk": _import_job(REORGANISATION_IMPORT),
        "unit_pk": _unit_pk,
        "person_pk": _person_pk,
        "unit_job_pk": _import_job(UNIT_IMPORT),
        "person_job_pk": _import_job(PERSON_IMPORT),
    }


PUBLIC_URL_NAMES: set[str] = set()
