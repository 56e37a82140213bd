"""A plan coming in as a file (or pasted text): stored in the library, turned into tasks, linked.

A file goes through the document library's service (content-addressed original, text, parsed
structure, references); the Plan points at that library document. Values the officer types over
the parsed ones are saved as the library's corrections, so the library and the plan agree.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from tuyengiao.documents.reading import UploadError, parse_iso_date, parse_text, read_upload

from . import services
from .models import Plan, PlanKind

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User
    from tuyengiao.documents.models import Document
    from tuyengiao.orgs.models import Unit

# Plan field -> library document field, for the values an officer may type over the parsed ones.
CORRECTABLE = {"number": "number", "title": "title", "issued_on": "date", "issuer_name": "issuer"}


def _usable_number(number: str | None) -> str:
    number = (number or "").strip()
    return number if any(ch.isdigit() for ch in number) else ""


def _plan_fields(
    doc_type: str | None,
    number: str | None,
    title: str | None,
    issued_on: date | None,
    issuer: str | None,
) -> dict[str, Any]:
    return {
        "kind": services.kind_for_doc_type(doc_type) or PlanKind.PLAN,
        "number": _usable_number(number)[:80],
        "title": (title or "").strip()[:500],
        "issued_on": issued_on,
        "issuer_name": (issuer or "")[:255],
    }


def plan_fields_from_parsed(parsed: dict[str, Any]) -> dict[str, Any]:
    return _plan_fields(
        parsed.get("doc_type"),
        parsed.get("number"),
        parsed.get("title"),
        parse_iso_date(parsed.get("date")),
        parsed.get("issuer"),
    )


def plan_fields_from_document(document: Document) -> dict[str, Any]:
    """The plan's copy of the library document's effective metadata (corrections included).
    A news page publishing a directive gives that directive's kind and number."""
    fields = _plan_fields(
        document.doc_type, document.number, document.title, document.date, document.issuer
    )
    if services.kind_for_doc_type(document.doc_type) is None:
        from .plan_text import published_directive

        found = published_directive(document.text or "")
        if found is not None:
            fields["kind"] = services.kind_for_doc_type(found[0]) or PlanKind.PLAN
            fields["number"] = fields["number"] or _usable_number(found[1])[:80]
    return fields


def store_in_library(
    unit: Unit, user: User | None, upload: UploadedFile[bytes], published_down: bool = True
) -> Document:
    """The uploaded file as a library document of ``unit`` (the same file twice is stored once).

    Raises :class:`UploadError` (the library's limits and kinds) before anything is stored."""
    from tuyengiao.documents import services as library

    name, data = read_upload(upload)
    document, _ = library.store_file(unit, user, name, data, published_down=published_down)
    return document


@transaction.atomic
def create_plan_from_upload(
    unit: Unit,
    user: User | None,
    upload: UploadedFile[bytes] | None,
    text: str,
    overrides: dict[str, Any],
) -> Plan:
    """Store the file in the library (or parse the pasted text), save the Plan of ``unit`` with
    its proposed tasks, and link it to the plan it carries out if that was sent down to ``unit``.

    Raises :class:`UploadError` (a file the library refuses, or no title found) with nothing
    saved."""
    typed = {k: v for k, v in overrides.items() if v not in (None, "")}
    document = None
    parsed: dict[str, Any] = {}
    if upload is not None:
        document = store_in_library(unit, user, upload, bool(typed.get("published_down", True)))
        existing = Plan.objects.filter(document=document).first()
        if existing is not None:
            return existing
        corrections = {CORRECTABLE[k]: v for k, v in typed.items() if k in CORRECTABLE}
        if corrections:
            from tuyengiao.documents import services as library

            library.update_fields(document, user, corrections)
        fields = plan_fields_from_document(document)
        parsed, text = document.parsed or {}, document.text
    elif text.strip():
        parsed = parse_text(text)
        fields = plan_fields_from_parsed(parsed)
    else:
        fields = {}
    fields.update(typed)
    if not fields.get("title"):
        raise UploadError("Không tìm thấy trích yếu trong văn bản; hãy nhập trích yếu.")
    plan = Plan.objects.create(unit=unit, document=document, created_by=user, **fields)
    if parsed:
        services.save_proposed_tasks(plan, services.proposals_for(unit, parsed, text))
    numbers = list(parsed.get("implements") or [])
    if document is not None:
        from .signals import implemented_numbers

        numbers = implemented_numbers(document)
    services.link_implementing_plan(plan, numbers)
    return plan


@transaction.atomic
def create_plan_from_document(document: Document, user: User | None) -> Plan:
    """The Plan of a library document already stored (its tasks proposed from its parsed text)."""
    existing = Plan.objects.filter(document=document).first()
    if existing is not None:
        return existing
    fields = plan_fields_from_document(document)
    if not fields["title"]:
        fields["title"] = document.filename or "Kế hoạch"
    plan = Plan.objects.create(unit=document.unit, document=document, created_by=user, **fields)
    services.save_proposed_tasks(
        plan, services.proposals_for(document.unit, document.parsed or {}, document.text)
    )
    from .signals import implemented_numbers

    services.link_implementing_plan(plan, implemented_numbers(document))
    return plan
