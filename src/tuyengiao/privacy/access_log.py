"""Reads and bulk writes of personal data, written to the audit trail (django-auditlog).

Who read a person's page, who exported personal data, who imported lists of people or signed
sheets — when, and how many people — each as one ``auditlog.LogEntry`` carrying the unit's path
(``additional_data["unit_path"]``, so unit administrators read the entries of their subtree on
the same audit page as the change log) and ``additional_data["access"]``, the kind below. The
access log page (``privacy:access_log``) lists these entries only.
"""

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models


class AccessKind:
    PERSON_PAGE = "person_page"
    EXPORT = "export"
    IMPORT = "import"
    ERASURE = "erasure"


LABELS = {
    AccessKind.PERSON_PAGE: "Xem dữ liệu của một người",
    AccessKind.EXPORT: "Xuất dữ liệu cá nhân",
    AccessKind.IMPORT: "Nhập hàng loạt",
    AccessKind.ERASURE: "Xóa dữ liệu cá nhân",
}


def log_access(
    actor: Any,
    kind: str,
    *,
    about: models.Model,
    unit_path: str,
    people: int,
    description: str,
) -> LogEntry:
    """Write one entry: ``actor`` (a user, or None for a command) did ``kind`` on ``about`` (the
    person, or the session / unit a bulk import wrote to) touching ``people`` people."""
    write = kind in (AccessKind.IMPORT, AccessKind.ERASURE)
    return LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(type(about)),
        object_pk=str(about.pk),
        object_id=about.pk if isinstance(about.pk, int) else None,
        object_repr=description[:500],
        action=LogEntry.Action.UPDATE if write else LogEntry.Action.ACCESS,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        changes={},
        changes_text="",
        additional_data={"unit_path": unit_path, "access": kind, "people": people},
    )


def label(entry: LogEntry) -> str:
    data = entry.additional_data or {}
    return LABELS.get(str(data.get("access", "")), "")
