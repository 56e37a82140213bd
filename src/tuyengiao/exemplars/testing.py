"""Scoping factories for the project-wide URL walk: a proposed model of ``unit`` (reviewed by its
superior), an attachment of one, and a field of the shared list (only system administrators
change it)."""

from __future__ import annotations

from collections.abc import Callable

from django.core.files.base import ContentFile

from tuyengiao.orgs.models import Unit
from tuyengiao.testing import SECRET_MARK

from . import services
from .models import Attachment, Exemplar, Sector
from .sectors import seed_sectors


def first_sector() -> Sector:
    sector = Sector.objects.order_by("order", "id").first()
    if sector is None:  # flushed by a transactional test: the seeds again
        seed_sectors()
        sector = Sector.objects.order_by("order", "id").first()
    assert sector is not None
    return sector


def make_exemplar(unit: Unit, title: str = f"Mô hình {SECRET_MARK}", **extra: object) -> Exemplar:
    values: dict[str, object] = {
        "unit": unit,
        "user": None,
        "title": title,
        "sector": first_sector(),
        "place": f"Phường {SECRET_MARK}",
        "description": f"Cách làm {SECRET_MARK}",
        "results": f"Kết quả {SECRET_MARK}",
        "figures": [["Số hộ tham gia", "120"]],
    }
    values.update(extra)
    return services.propose(**values)  # type: ignore[arg-type]


def _exemplar_pk(unit: Unit) -> int:
    return make_exemplar(unit).pk


def _attachment_pk(unit: Unit) -> int:
    exemplar = make_exemplar(unit)
    return Attachment.objects.create(
        exemplar=exemplar,
        file=ContentFile(f"%PDF-1.4 {SECRET_MARK}".encode(), name="mo-hinh.pdf"),
        name="mo-hinh.pdf",
    ).pk


def _sector_pk(unit: Unit) -> int:
    return first_sector().pk


def url_kwarg_factories() -> dict[str, Callable[[Unit], object]]:
    return {
        "exemplar_pk": _exemplar_pk,
        "attachment_pk": _attachment_pk,
        "sector_pk": _sector_pk,
    }


PUBLIC_URL_NAMES: set[str] = set()
