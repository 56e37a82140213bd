"""A plan coming in as a file (or pasted text): read, stored, turned into tasks, linked."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from . import services
from .models import Plan, PlanKind
from .reading import ReadError, parse_text, read_upload

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User
    from tuyengiao.orgs.models import Unit


def _parsed_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def plan_fields_from_parsed(parsed: dict[str, Any]) -> dict[str, Any]:
    kind = services.kind_for_doc_type(parsed.get("doc_type")) or PlanKind.PLAN
    number = (parsed.get("number") or "").strip()
    return {
        "kind": kind,
        "number": number if number.strip("/-") and any(ch.isdigit() for ch in number) else "",
        "title": (parsed.get("title") or "").strip()[:500],
        "issued_on": _parsed_date(parsed.get("date")),
        "issuer_name": (parsed.get("issuer") or "")[:255],
    }


@transaction.atomic
def create_plan_from_upload(
    unit: Unit,
    user: User | None,
    upload: UploadedFile | None,
    text: str,
    overrides: dict[str, Any],
) -> Plan:
    """Read the file (or text) with vanban, save the Plan of ``unit`` with its proposed tasks, and
    link it to the plan it carries out if that plan was sent down to ``unit``."""
    parsed: dict[str, Any] = {}
    if upload is not None:
        text, parsed = read_upload(upload)
    elif text.strip():
        parsed = parse_text(text)
    fields = plan_fields_from_parsed(parsed) if parsed else {}
    for key, value in overrides.items():
        if value not in (None, ""):
            fields[key] = value
    if not fields.get("title"):
        raise ReadError("Không tìm thấy trích yếu trong văn bản; hãy nhập trích yếu.")
    plan = Plan.objects.create(unit=unit, created_by=user, **fields)
    if parsed:
        services.save_proposed_tasks(plan, services.proposals_for(unit, parsed, text))
        services.link_implementing_plan(plan, parsed.get("implements") or [])
    return plan
