"""Scoping factories for the project-wide URL walk: each creates an object owned by ``unit``."""

from __future__ import annotations

from collections.abc import Callable

from tuyengiao.accounts.models import Role
from tuyengiao.orgs.models import Unit
from tuyengiao.testing import SECRET_MARK, make_finished_job

from . import services
from .models import Document, UploadDraft
from .tasks import DOCUMENT_IMPORT, DOCUMENT_OCR, import_outcome

PUBLIC_URL_NAMES: set[str] = set()


def make_document(
    unit: Unit, number: str = "9-KH/MAT", text: str | None = None, **extra: object
) -> Document:
    """A document of ``unit`` (not visible to all), stored with a small original."""
    body = text or f"Số {number}\nKẾ HOẠCH\nVề việc thử nghiệm {SECRET_MARK}\n"
    data = body.encode()
    fields: dict[str, object] = {
        "unit": unit,
        "sha256": services.sha256_of(data),
        "filename": f"{SECRET_MARK}.txt",
        "mime": "text/plain",
        "size": len(data),
        "text": body,
        "number": number,
        "doc_type": "Kế hoạch",
        "title": f"Kế hoạch {SECRET_MARK}",
        "visible_to_all": False,
        "published_down": False,
    }
    fields.update(extra)
    doc = Document(**fields)  # type: ignore[arg-type]
    doc.file.name = services.store_blob(data, doc.filename)
    doc.save()
    return doc


def _document_pk(unit: Unit) -> int:
    return make_document(unit).pk


def _uploaddraft_pk(unit: Unit) -> int:
    data = f"Số 3-KH/MAT\nKẾ HOẠCH\n{SECRET_MARK}\n".encode()
    draft = UploadDraft(
        unit=unit,
        sha256=services.sha256_of(data),
        filename=f"{SECRET_MARK}.txt",
        size=len(data),
        text=data.decode(),
        parsed={"title": SECRET_MARK, "number": "3-KH/MAT"},
    )
    draft.file.name = services.store_blob(data, draft.filename)
    draft.save()
    return draft.pk


def _document_job_pk(unit: Unit) -> int:
    """A finished bulk import of an officer of ``unit`` whose failed file names the mark."""
    return make_finished_job(
        DOCUMENT_IMPORT,
        unit,
        Role.OFFICER,
        filename=f"{SECRET_MARK}.zip",
        options={"unit": unit.pk},
        result=import_outcome(services.ImportSummary(failures=[(SECRET_MARK, SECRET_MARK)])).result,
    ).pk


def _ocr_job_pk(unit: Unit) -> int:
    """A finished OCR of a scan by an officer of ``unit``, named after the mark."""
    return make_finished_job(
        DOCUMENT_OCR,
        unit,
        Role.OFFICER,
        filename=f"{SECRET_MARK}.png",
        options={"unit": unit.pk},
        result={"draft": _uploaddraft_pk(unit), "pages": 1, "confidence": 90.0},
    ).pk


def url_kwarg_factories() -> dict[str, Callable[[Unit], object]]:
    return {
        "document_pk": _document_pk,
        "uploaddraft_pk": _uploaddraft_pk,
        "document_job_pk": _document_job_pk,
        "ocr_job_pk": _ocr_job_pk,
    }
