"""A person's data in one place: every row any app declared as theirs, and its exports.

``person_records(person)`` walks the registry: for each declaration, the rows reached through its
``person_paths`` (data about the person) and ``actor_paths`` (what the person did as an officer),
plus the audit entries about the person. ``export_zip`` writes them as JSON with the person's
files; ``export_docx`` as a readable document.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from tuyengiao.orgs.models import Person

from .registry import Declaration, declarations, model_of


@dataclass
class Section:
    """The rows of one model that hold the person's data."""

    declaration: Declaration
    title: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    files: list[tuple[str, FieldFile]] = field(default_factory=list)  # (archive name, file)
    as_actor: bool = False


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, models.Model):
        return str(value)
    return value


def _row(obj: models.Model, names: tuple[str, ...]) -> dict[str, Any]:
    row: dict[str, Any] = {"id": obj.pk}
    for name in names:
        f = obj._meta.get_field(name)
        if f.many_to_many:
            row[name] = [str(o) for o in getattr(obj, name).all()]
        elif f.is_relation:
            row[name] = _plain(getattr(obj, name))
        else:
            row[name] = _plain(getattr(obj, name))
    return row


def _matching(declaration: Declaration, paths: tuple[str, ...], person: Person) -> Any:
    model = model_of(declaration)
    condition = Q()
    for path in paths:
        condition |= Q(**{path: person.pk})
    return model._default_manager.filter(condition).distinct().order_by("pk")


def person_records(person: Person) -> list[Section]:
    """Every declared row about ``person`` or made by them as an officer, model by model."""
    sections: list[Section] = []
    for d in declarations():
        model = model_of(d)
        title = str(model._meta.verbose_name_plural).capitalize()
        for paths, as_actor in ((d.person_paths, False), (d.actor_paths, True)):
            if not paths:
                continue
            rows = list(_matching(d, paths, person))
            if not rows:
                continue
            section = Section(
                d, title + (" (do người này thực hiện)" if as_actor else ""), as_actor=as_actor
            )
            for obj in rows:
                section.rows.append(_row(obj, d.fields))
                if not as_actor:
                    for name in d.files:
                        f = getattr(obj, name)
                        if f:
                            section.files.append(
                                (f"tep/{d.model}/{obj.pk}/{f.name.rsplit('/', 1)[-1]}", f)
                            )
            sections.append(section)
    about = audit_entries_about(person)
    if about:
        from .registry import by_model

        sections.append(
            Section(
                by_model()["auditlog.LogEntry"],
                "Nhật ký thay đổi và truy cập về người này",
                rows=[
                    {
                        "id": e.pk,
                        "timestamp": _plain(e.timestamp),
                        "actor": str(e.actor or ""),
                        "action": e.get_action_display(),
                        "changes": _changes_text(e),
                        "object_repr": e.object_repr,
                    }
                    for e in about
                ],
            )
        )
    return sections


def _changes_text(entry: LogEntry) -> str:
    """The entry's changes as text (many-to-many changes are not old → new pairs)."""
    try:
        return str(entry.changes_str)
    except (KeyError, TypeError, IndexError):
        return json.dumps(entry.changes, ensure_ascii=False, default=str)


def count_rows(person: Person) -> int:
    """How many rows ``person_records`` would list (one COUNT per declaration): large exports
    run in the background."""
    total = 0
    for d in declarations():
        for paths in (d.person_paths, d.actor_paths):
            if paths:
                total += _matching(d, paths, person).count()
    ct = ContentType.objects.get_for_model(Person)
    about: int = LogEntry.objects.filter(content_type=ct, object_pk=str(person.pk)).count()
    return total + about


def audit_entries_about(person: Person) -> list[LogEntry]:
    """The audit entries whose object is the person (changes to them, reads of their page)."""
    ct = ContentType.objects.get_for_model(Person)
    return list(
        LogEntry.objects.filter(content_type=ct, object_pk=str(person.pk))
        .select_related("actor")
        .order_by("timestamp")
    )


def export_json(person: Person, sections: list[Section]) -> dict[str, Any]:
    return {
        "nguoi": {"id": person.pk, "ho_ten": person.full_name},
        "thoi_diem_xuat": timezone.localtime().isoformat(),
        "du_lieu": [
            {
                "bang": s.declaration.model,
                "tieu_de": s.title,
                "muc_dich": s.declaration.purpose,
                "can_cu": s.declaration.legal_basis,
                "thoi_han_luu": s.declaration.retention,
                "nguoi_thuc_hien": s.as_actor,
                "ban_ghi": s.rows,
            }
            for s in sections
        ],
    }


def export_zip(person: Person) -> bytes:
    """A machine-readable archive: ``du-lieu.json`` and the person's own files."""
    sections = person_records(person)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "du-lieu.json",
            json.dumps(export_json(person, sections), ensure_ascii=False, indent=2, default=str),
        )
        for section in sections:
            for name, f in section.files:
                try:
                    with f.open("rb") as handle:
                        archive.writestr(name, handle.read())
                except OSError:  # a file gone from storage: say so in the archive
                    archive.writestr(name + ".thieu.txt", "Tệp không còn trong kho lưu trữ.")
    return buffer.getvalue()


def export_docx(person: Person) -> bytes:
    """A readable document of the same data: one heading and one table per model."""
    from docx import Document
    from docx.shared import Pt

    sections = person_records(person)
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    doc.add_heading(f"Dữ liệu cá nhân của {person.full_name}", level=1)
    doc.add_paragraph(
        f"Xuất ngày {timezone.localdate().strftime('%d/%m/%Y')}. Mỗi mục ghi rõ mục đích, căn cứ "
        "và thời hạn lưu."
    )
    for section in sections:
        doc.add_heading(section.title, level=2)
        d = section.declaration
        doc.add_paragraph(f"Mục đích: {d.purpose}")
        doc.add_paragraph(f"Căn cứ: {d.legal_basis}")
        doc.add_paragraph(f"Thời hạn lưu: {d.retention}")
        if not section.rows:
            continue
        keys = list(section.rows[0])
        table = doc.add_table(rows=1, cols=len(keys))
        table.style = "Table Grid"
        for cell, key in zip(table.rows[0].cells, keys, strict=True):
            cell.text = key
        for row in section.rows:
            cells = table.add_row().cells
            for cell, key in zip(cells, keys, strict=True):
                value = row.get(key)
                cell.text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
