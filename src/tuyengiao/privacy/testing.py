"""Scoping factories for the project-wide URL walk: objects owned by ``unit``."""

from __future__ import annotations

from collections.abc import Callable

from django.core.files.base import ContentFile

from tuyengiao.accounts.models import Role
from tuyengiao.core.models import Job, JobState
from tuyengiao.orgs.models import Person, Unit
from tuyengiao.testing import SECRET_MARK, make_user

from .models import RequestKind
from .register import record_request
from .tasks import PERSON_EXPORT


def _data_request_pk(unit: Unit) -> int:
    person = Person.objects.create(unit=unit, full_name=f"Người yêu cầu {SECRET_MARK}")
    return record_request(person, RequestKind.ACCESS, f"Yêu cầu {SECRET_MARK}").pk


def _person_export_job_pk(unit: Unit) -> int:
    """A finished export of a person's data by an administrator of ``unit``, naming the mark."""
    starter = make_user(f"xuat-dl-{unit.pk}-{Job.objects.count()}", unit, Role.UNIT_ADMIN)
    job = Job(
        kind=PERSON_EXPORT,
        unit=unit,
        started_by=starter,
        filename=f"{SECRET_MARK}.zip",
        options={"person": 0, "format": "zip"},
        state=JobState.DONE,
        result={"rows": 1},
    )
    job.file.save(f"{job.token}.zip", ContentFile(SECRET_MARK.encode()), save=False)
    job.save()
    return job.pk


def url_kwarg_factories() -> dict[str, Callable[[Unit], object]]:
    return {"data_request_pk": _data_request_pk, "person_export_job_pk": _person_export_job_pk}


PUBLIC_URL_NAMES: set[str] = {"privacy:notice"}
