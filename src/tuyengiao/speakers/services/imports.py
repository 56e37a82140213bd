"""Import of a unit's roster from .xlsx/.csv (the columns of the export): all or nothing — any
bad row is reported with its number and the reason, and nothing is written."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import IO, TYPE_CHECKING

from django.db import transaction

from tuyengiao.core.spreadsheets import ImportResult, RowError, read_table, require_columns
from tuyengiao.core.text import fold
from tuyengiao.orgs.imports import parse_date
from tuyengiao.orgs.models import CommRole, Person, Unit

from ..models import Appointment
from .rosters import appoint

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User

COLUMNS: Mapping[str, Sequence[str]] = {
    "name": ["Họ và tên", "Họ tên"],
    "birth_year": ["Năm sinh"],
    "unit": ["Đơn vị sinh hoạt", "Đơn vị"],
    "role": ["Vai trò"],
    "decision_number": ["Số quyết định"],
    "decision_date": ["Ngày quyết định"],
    "term_start": ["Nhiệm kỳ từ", "Từ ngày"],
    "term_end": ["Nhiệm kỳ đến", "Đến ngày"],
    "expertise": ["Lĩnh vực chuyên sâu", "Lĩnh vực"],
    "contact": ["Liên hệ", "Điện thoại"],
}


@dataclass
class _Valid:
    person: Person
    role: CommRole
    decision_number: str
    decision_date: date | None
    term_start: date
    term_end: date | None
    expertise: str
    contact: str


def _date(text: str, label: str, errors: list[str]) -> date | None:
    if not text:
        return None
    try:
        return parse_date(text)
    except ValueError:
        errors.append(f"{label} “{text}” không đúng dạng ngày (dd/mm/yyyy)")
        return None


def import_roster(
    unit: Unit, upload: IO[bytes], filename: str, user: User | None = None
) -> ImportResult:
    """Appoint the people of the file to ``unit``'s roster. A person is found in the unit's subtree
    by name (and birth year or unit when names repeat); a role by its name or code."""
    rows = read_table(upload, filename, dict(COLUMNS))
    require_columns(rows, {"name": "Họ và tên", "role": "Vai trò", "term_start": "Nhiệm kỳ từ"})
    people: dict[str, list[Person]] = defaultdict(list)
    for p in Person.objects.in_subtree(unit).filter(active=True).select_related("unit"):
        people[p.name_folded].append(p)
    roles: dict[str, CommRole] = {}
    for r in CommRole.objects.all():
        roles[fold(r.name)] = r
        roles[r.code] = r
    active = set(
        Appointment.objects.filter(unit=unit, active=True).values_list("person_id", "role_id")
    )
    result = ImportResult()
    valid: list[_Valid] = []
    seen: set[tuple[int, int]] = set()
    for row in rows:
        errors: list[str] = []
        name = row.get("name")
        candidates = people.get(fold(name), []) if name else []
        if candidates and len(candidates) > 1 and row.get("birth_year"):
            candidates = [c for c in candidates if str(c.birth_year or "") == row.get("birth_year")]
        if candidates and len(candidates) > 1 and row.get("unit"):
            wanted = fold(row.get("unit"))
            candidates = [c for c in candidates if wanted in c.unit.name_folded]
        if not name:
            errors.append("thiếu họ và tên")
        elif not candidates:
            errors.append(f"không có “{name}” trong nhân sự của {unit.name} và cấp dưới")
        elif len(candidates) > 1:
            errors.append(
                f"có {len(candidates)} người tên “{name}”; hãy ghi thêm năm sinh hoặc đơn vị"
            )
        role_text = row.get("role")
        role = roles.get(fold(role_text)) or roles.get(role_text)
        if role is None:
            errors.append(
                f"vai trò “{role_text}” không có; dùng một trong: "
                + ", ".join(r.name for r in CommRole.objects.all())
            )
        term_start = _date(row.get("term_start"), "Nhiệm kỳ từ", errors)
        if term_start is None and not row.get("term_start"):
            errors.append("thiếu ngày bắt đầu nhiệm kỳ")
        term_end = _date(row.get("term_end"), "Nhiệm kỳ đến", errors)
        decision_date = _date(row.get("decision_date"), "Ngày quyết định", errors)
        if term_start and term_end and term_end < term_start:
            errors.append("ngày hết nhiệm kỳ trước ngày bắt đầu")
        if not errors and candidates and role is not None and term_start is not None:
            person = candidates[0]
            key = (person.pk, role.pk)
            if key in active:
                errors.append(f"{person} đang là {role.name.lower()} trong danh sách")
            elif key in seen:
                errors.append(f"{person} — {role.name.lower()} đã có ở một dòng trên")
            else:
                seen.add(key)
                valid.append(
                    _Valid(
                        person,
                        role,
                        row.get("decision_number")[:60],
                        decision_date,
                        term_start,
                        term_end,
                        row.get("expertise")[:255],
                        row.get("contact")[:120],
                    )
                )
        if errors:
            text = "; ".join(errors)
            result.errors.append(RowError(row.number, text[:1].upper() + text[1:] + "."))
    if result.errors:
        return result
    with transaction.atomic():
        for v in valid:
            appoint(
                unit=unit,
                person=v.person,
                role=v.role,
                term_start=v.term_start,
                term_end=v.term_end,
                decision_number=v.decision_number,
                decision_date=v.decision_date,
                expertise=v.expertise,
                contact=v.contact,
                user=user,
            )
    result.created = len(valid)
    result.applied = True
    from tuyengiao.privacy.access_log import AccessKind, log_access

    log_access(
        user,
        AccessKind.IMPORT,
        about=unit,
        unit_path=unit.path,
        people=result.created,
        description=f"Nhập danh sách báo cáo viên, tuyên truyền viên từ {filename}: {result.created} người",
    )
    return result
