"""Scoping factories for the project-wide URL walk: each creates an object owned by ``unit``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.core.files.base import ContentFile

from tuyengiao.orgs.models import Person, Unit
from tuyengiao.testing import SECRET_MARK

from .kinds import seed_kinds
from .models import Activity, ActivityKind, Evidence
from .services import tallies

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa75\x81\x84\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def first_kind() -> ActivityKind:
    kind = ActivityKind.objects.order_by("order", "id").first()
    if kind is None:  # flushed by a transactional test: the seeds again
        seed_kinds()
        kind = ActivityKind.objects.order_by("order", "id").first()
    assert kind is not None
    return kind


def make_activity(unit: Unit, **extra: Any) -> Activity:
    values: dict[str, Any] = {
        "kind": first_kind(),
        "topic": f"Tuyên truyền {SECRET_MARK}",
        "held_on": date.today(),
        "place": f"Hội trường {SECRET_MARK}",
        "reached": 40,
    }
    values.update(extra)
    activity = Activity.objects.create(unit=unit, **values)
    # the counters, as ``services.records`` keeps them for every write
    tallies.apply(None, tallies.contribution(activity))
    activity.people.add(Person.objects.create(unit=unit, full_name=f"Báo cáo viên {SECRET_MARK}"))
    return activity


def make_evidence(activity: Activity, name: str = "anh.png", data: bytes = PNG) -> Evidence:
    evidence = Evidence(activity=activity, name=name)
    evidence.file.save(name, ContentFile(data), save=False)
    evidence.save()
    return evidence


def _activity_pk(unit: Unit) -> int:
    return make_activity(unit).pk


def _evidence_pk(unit: Unit) -> int:
    return make_evidence(make_activity(unit), name=f"{SECRET_MARK}.png").pk


def _kind_pk(unit: Unit) -> int:
    # kinds are shared by every unit; only system administrators change them
    return first_kind().pk


def url_kwarg_factories() -> dict[str, Callable[[Unit], object]]:
    return {"activity_pk": _activity_pk, "evidence_pk": _evidence_pk, "kind_pk": _kind_pk}


PUBLIC_URL_NAMES: set[str] = set()
