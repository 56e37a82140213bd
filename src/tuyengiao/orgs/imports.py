"""Import and export of the unit tree and of people as .xlsx/.csv.

Every row is validated before anything is written. With errors, nothing is written and each bad
row is reported as "Dòng N: reason" — unless the user chose to import the valid rows only: then
the bad rows, and the rows that depend on them (units under a bad unit), are skipped and reported.
A parent may be defined later in the file than its children: rows are applied in topological order.

The web pages run these imports as background jobs (``orgs.tasks``) and pass a ``progress``
(``tuyengiao.core.jobs.Progress``): rows checked, then rows written. The command line passes none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from tuyengiao.core.jobs import NO_PROGRESS, Progress
from tuyengiao.core.spreadsheets import ImportResult, Row, RowError, read_table, require_columns
from tuyengiao.core.text import fold

from .models import CommRole, Person, Unit, UnitKind

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User

# --------------------------------------------------------------------------------------------
# Units

UNIT_COLUMNS: dict[str, Sequence[str]] = {
    "code": ["Mã", "Mã đơn vị"],
    "parent_code": ["Mã đơn vị cấp trên", "Mã cấp trên", "parent"],
    "kind": ["Loại", "Loại đơn vị"],
    "name": ["Tên đầy đủ", "Tên đơn vị", "Tên"],
    "short_name": ["Tên viết tắt", "Viết tắt"],
    "parent_body_name": ["Cơ quan cấp trên (tiêu đề)", "Cơ quan cấp trên", "Tên cơ quan cấp trên"],
    "active": ["Hoạt động", "Đang hoạt động"],
}
UNIT_HEADERS = [
    "Mã",
    "Mã đơn vị cấp trên",
    "Loại",
    "Tên đầy đủ",
    "Tên viết tắt",
    "Cơ quan cấp trên (tiêu đề)",
    "Hoạt động",
]

_KIND_ALIASES = {
    "cap uy": UnitKind.PARTY_COMMITTEE,
    "tinh uy": UnitKind.PARTY_COMMITTEE,
    "dang uy khoi": UnitKind.PARTY_COMMITTEE,
    "dang uy": UnitKind.PARTY_COMMITTEE,
    "ban": UnitKind.PARTY_BOARD,
    "ban cua cap uy": UnitKind.PARTY_BOARD,
    "co so": UnitKind.BASE_ORGANISATION,
    "dang bo co so": UnitKind.BASE_ORGANISATION,
    "chi bo co so": UnitKind.BASE_ORGANISATION,
    "to chuc co so dang": UnitKind.BASE_ORGANISATION,
    "chi bo": UnitKind.CELL,
    "chi bo truc thuoc": UnitKind.CELL,
    "nha nuoc": UnitKind.STATE_BODY,
    "co quan nha nuoc": UnitKind.STATE_BODY,
    "ubnd": UnitKind.STATE_BODY,
    "so": UnitKind.STATE_BODY,
    "doan the": UnitKind.MASS_ORGANISATION,
    "to chuc chinh tri - xa hoi": UnitKind.MASS_ORGANISATION,
}
KIND_BY_TEXT: dict[str, str] = {
    **_KIND_ALIASES,
    **{fold(value): value for value in UnitKind.values},
    **{fold(label): value for value, label in UnitKind.choices},
}
TRUE_WORDS = {"", "co", "x", "1", "true", "yes", "dang hoat dong", "hoat dong"}
FALSE_WORDS = {"khong", "0", "false", "no", "ngung", "ngung hoat dong"}
CODE_RE = re.compile(r"^[\w.\-/]+$")


def parse_kind(text: str) -> str | None:
    return KIND_BY_TEXT.get(fold(text))


def parse_bool(text: str) -> bool | None:
    folded = fold(text)
    if folded in TRUE_WORDS:
        return True
    if folded in FALSE_WORDS:
        return False
    return None


@dataclass
class UnitRow:
    row: int
    code: str
    parent_code: str
    values: dict[str, Any]
    existing: Unit | None = None
    errors: list[str] = field(default_factory=list)


def _unit_in_scope(user: User | None, unit: Unit) -> bool:
    from tuyengiao.accounts.scoping import Action, can

    return user is None or can(user, Action.MANAGE, unit)


def _may_create_roots(user: User | None) -> bool:
    return user is None or bool(getattr(user, "is_system_admin", False))


def import_units(
    upload: IO[bytes],
    filename: str,
    user: User | None = None,
    valid_only: bool = False,
    progress: Progress = NO_PROGRESS,
) -> ImportResult:
    """Validate every row, then write all of them (or, with ``valid_only``, the valid ones)."""
    rows = read_table(upload, filename, UNIT_COLUMNS)
    require_columns(rows, {"code": "Mã", "kind": "Loại", "name": "Tên đầy đủ"})
    return import_unit_rows(rows, user=user, valid_only=valid_only, progress=progress)


def import_unit_rows(
    rows: list[Row],
    user: User | None = None,
    valid_only: bool = False,
    progress: Progress = NO_PROGRESS,
) -> ImportResult:
    parsed = _validate_units(rows, user, progress)
    by_code: dict[str, UnitRow] = {}
    for r in parsed:
        if r.code:
            by_code.setdefault(
                r.code, r
            )  # the first row with a code defines it; repeats are errors
    result = ImportResult()
    order, stuck = _topological(parsed, by_code)
    for r in stuck:
        if not r.errors:
            r.errors.append(_cycle_reason(r, by_code))
    result.errors = [RowError(r.row, "; ".join(r.errors)) for r in parsed if r.errors]
    if result.errors and not valid_only:
        result.errors.sort(key=lambda e: e.row)
        return result

    # Skip the rows under a bad row (in file order of dependency), and say why.
    skipped_codes = {r.code for r in parsed if r.errors}
    to_apply: list[UnitRow] = []
    for r in order:
        if r.errors:
            continue
        parent_row = by_code.get(r.parent_code) if r.parent_code else None
        if parent_row is not None and parent_row is not r and parent_row.code in skipped_codes:
            skipped_codes.add(r.code)
            result.errors.append(
                RowError(
                    r.row,
                    f"bỏ qua vì đơn vị cấp trên “{r.parent_code}” (dòng {parent_row.row}) có lỗi",
                )
            )
            continue
        to_apply.append(r)
    result.skipped = len(parsed) - len(to_apply)
    _apply_units(to_apply, result, progress)
    result.errors.sort(key=lambda e: e.row)
    return result


def _validate_units(rows: list[Row], user: User | None, progress: Progress) -> list[UnitRow]:
    codes_in_file = [row.get("code").strip() for row in rows]
    existing = {u.code: u for u in Unit.objects.filter(code__in={c for c in codes_in_file if c})}
    parent_codes = {row.get("parent_code").strip() for row in rows} - set(codes_in_file) - {""}
    existing_parents = {u.code: u for u in Unit.objects.filter(code__in=parent_codes)}
    existing.update(existing_parents)
    first_row_of: dict[str, int] = {}
    parsed: list[UnitRow] = []
    for index, row in enumerate(rows):
        progress.checked(index, len(rows))
        code = row.get("code").strip()
        parent_code = row.get("parent_code").strip()
        r = UnitRow(row.number, code, parent_code, {})
        if not code:
            r.errors.append("thiếu mã đơn vị")
        elif len(code) > 40 or not CODE_RE.match(code):
            r.errors.append(f"mã “{code}” không hợp lệ (tối đa 40 ký tự: chữ, số, - . / _)")
        elif code in first_row_of:
            r.errors.append(f"mã “{code}” trùng với dòng {first_row_of[code]}")
        else:
            first_row_of[code] = row.number
        name = row.get("name").strip()
        if not name:
            r.errors.append("thiếu tên đơn vị")
        elif len(name) > 255:
            r.errors.append("tên quá dài (tối đa 255 ký tự)")
        kind_text = row.get("kind")
        kind = parse_kind(kind_text)
        if kind is None:
            r.errors.append(
                f"loại “{kind_text}” không hợp lệ" if kind_text.strip() else "thiếu loại đơn vị"
            )
        active = parse_bool(row.get("active"))
        if active is None:
            r.errors.append(f"cột Hoạt động “{row.get('active')}” phải là Có hoặc Không")
        short_name = row.get("short_name").strip()
        if len(short_name) > 40:
            r.errors.append("tên viết tắt quá dài (tối đa 40 ký tự)")
        r.values = dict(
            kind=kind,
            name=name,
            short_name=short_name,
            parent_body_name=row.get("parent_body_name").strip()[:255],
            active=bool(active),
        )
        unit = (
            existing.get(code)
            if code and code in first_row_of and first_row_of[code] == row.number
            else None
        )
        if unit is not None and code in codes_in_file:
            if not _unit_in_scope(user, unit):
                r.errors.append(
                    f"mã “{code}” đã được dùng cho một đơn vị ngoài phạm vi quản lý của bạn"
                )
            else:
                r.existing = unit
                current_parent = unit.path[: -unit.steplen]
                parent = existing.get(parent_code) if parent_code else None
                if parent_code and parent_code in codes_in_file and parent is None:
                    r.errors.append(
                        "không thể chuyển đơn vị đã có sang một đơn vị cấp trên mới trong cùng tệp"
                    )
                elif parent_code and parent is not None and parent.path != current_parent:
                    r.errors.append(
                        "đơn vị đã có: không đổi được đơn vị cấp trên khi nhập tệp (dùng chức năng sửa đơn vị)"
                    )
        if r.existing is not None:
            pass  # an existing unit keeps its parent (checked above)
        elif parent_code:
            if parent_code == code:
                r.errors.append("đơn vị không thể là cấp trên của chính nó")
            elif parent_code not in first_row_of and parent_code not in codes_in_file:
                parent = existing.get(parent_code)
                if parent is None or not _unit_in_scope(user, parent):
                    r.errors.append(
                        f"không tìm thấy đơn vị cấp trên có mã “{parent_code}” (hoặc ngoài phạm vi của bạn)"
                    )
        elif r.existing is None and not _may_create_roots(user):
            r.errors.append("thiếu mã đơn vị cấp trên (chỉ quản trị hệ thống được tạo đơn vị gốc)")
        parsed.append(r)
    progress.checked(len(rows), len(rows))
    return parsed


def _cycle_reason(row: UnitRow, by_code: dict[str, UnitRow]) -> str:
    seen = [row.code]
    current = by_code.get(row.parent_code)
    while current is not None and current.code not in seen:
        seen.append(current.code)
        current = by_code.get(current.parent_code)
    if current is not None and current.code == row.code:
        return "vòng lặp đơn vị cấp trên: " + " → ".join([*seen, row.code])
    return "đơn vị cấp trên nằm trong một vòng lặp (xem các dòng báo lỗi vòng lặp)"


def _topological(
    parsed: list[UnitRow], by_code: dict[str, UnitRow]
) -> tuple[list[UnitRow], list[UnitRow]]:
    """Parents before children (Kahn's algorithm); the rows left over sit on a cycle."""
    children: dict[str, list[UnitRow]] = defaultdict(list)
    waiting: dict[int, int] = {}
    queue: deque[UnitRow] = deque()
    for r in parsed:
        parent = by_code.get(r.parent_code) if r.parent_code else None
        if parent is not None and parent is not r and r.code in by_code and by_code[r.code] is r:
            children[parent.code].append(r)
            waiting[id(r)] = 1
        else:
            queue.append(r)
    order: list[UnitRow] = []
    while queue:
        r = queue.popleft()
        order.append(r)
        if by_code.get(r.code) is r:
            for child in children.get(r.code, []):
                waiting[id(child)] -= 1
                if waiting[id(child)] == 0:
                    queue.append(child)
    placed = {id(r) for r in order}
    return order, [r for r in parsed if id(r) not in placed]


@transaction.atomic
def _apply_units(rows: list[UnitRow], result: ImportResult, progress: Progress) -> None:
    # Treebeard keeps siblings in code order: adding them in that order (parents first, level by
    # level) puts each new unit after the ones just added instead of moving their paths.
    level: dict[str, int] = {}
    for r in rows:  # topological order: a parent's level is known before its children's
        level[r.code] = level[r.parent_code] + 1 if r.parent_code in level else 0
    rows = sorted(rows, key=lambda r: (level[r.code], r.code))
    created: dict[str, Unit] = {}
    parents_needed = {r.parent_code for r in rows if r.parent_code}
    known = {u.code: u for u in Unit.objects.filter(code__in=parents_needed)}
    for index, r in enumerate(rows):
        progress.writing(index, len(rows))
        if r.existing is not None:
            unit = r.existing
            changed = False
            for name, value in r.values.items():
                if getattr(unit, name) != value:
                    setattr(unit, name, value)
                    changed = True
            if changed:
                unit.save()
                result.updated += 1
            known[unit.code] = unit
            continue
        if r.parent_code:
            parent = created.get(r.parent_code) or known[r.parent_code]
            parent.refresh_from_db(fields=["path", "depth", "numchild"])
            unit = Unit.objects.add_child(parent, dict(code=r.code, **r.values))
        else:
            unit = Unit.objects.add_root(dict(code=r.code, **r.values))
        created[r.code] = unit
        result.created += 1
    progress.writing(len(rows), len(rows))
    result.applied = True


def unit_export_rows(units: Iterable[Unit]) -> list[list[Any]]:
    """Rows for the export, with the parent's code (one extra query for parents outside the set)."""
    units = list(units)
    code_by_path = {u.path: u.code for u in units}
    missing = {u.path[: -u.steplen] for u in units if u.depth > 1} - code_by_path.keys()
    if missing:
        code_by_path.update(Unit.objects.filter(path__in=missing).values_list("path", "code"))
    return [
        [
            u.code,
            code_by_path.get(u.path[: -u.steplen], "") if u.depth > 1 else "",
            u.get_kind_display(),
            u.name,
            u.short_name,
            u.parent_body_name,
            "Có" if u.active else "Không",
        ]
        for u in units
    ]


# --------------------------------------------------------------------------------------------
# People

PERSON_COLUMNS: dict[str, Sequence[str]] = {
    "full_name": ["Họ và tên", "Họ tên"],
    "unit_code": ["Mã đơn vị"],
    "position": ["Chức vụ"],
    "roles": ["Vai trò", "Vai trò tuyên giáo"],
    "is_party_member": ["Đảng viên"],
    "birth_year": ["Năm sinh"],
    "party_admission_date": ["Ngày vào Đảng"],
    "email": ["Email", "Thư điện tử"],
    "phone": ["Điện thoại", "Số điện thoại"],
}
PERSON_HEADERS = [
    "Họ và tên",
    "Mã đơn vị",
    "Chức vụ",
    "Vai trò",
    "Đảng viên",
    "Năm sinh",
    "Ngày vào Đảng",
    "Email",
    "Điện thoại",
]
PHONE_RE = re.compile(r"^\+?[0-9 .\-()]{6,20}$")


def parse_date(text: str) -> dt.date:
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def import_people(
    upload: IO[bytes],
    filename: str,
    user: User | None = None,
    valid_only: bool = False,
    progress: Progress = NO_PROGRESS,
) -> ImportResult:
    """People from .xlsx/.csv; a person with the same name, unit and year of birth is updated."""
    from tuyengiao.accounts.scoping import Action, can

    rows = read_table(upload, filename, PERSON_COLUMNS)
    require_columns(rows, {"full_name": "Họ và tên", "unit_code": "Mã đơn vị"})
    units = {
        u.code: u for u in Unit.objects.filter(code__in={r.get("unit_code").strip() for r in rows})
    }
    roles_by_text: dict[str, CommRole] = {}
    for role in CommRole.objects.all():
        roles_by_text[fold(role.name)] = role
        roles_by_text[fold(role.code)] = role
    result = ImportResult()
    valid: list[tuple[Row, dict[str, Any], list[CommRole]]] = []
    this_year = dt.date.today().year
    for index, row in enumerate(rows):
        progress.checked(index, len(rows))
        errors: list[str] = []
        name = " ".join(row.get("full_name").split())
        if not name:
            errors.append("thiếu họ và tên")
        elif len(name) > 120:
            errors.append("họ và tên quá dài (tối đa 120 ký tự)")
        code = row.get("unit_code").strip()
        unit = units.get(code)
        if not code:
            errors.append("thiếu mã đơn vị")
        elif unit is None or (user is not None and not can(user, Action.CHANGE, unit)):
            errors.append(f"không tìm thấy đơn vị có mã “{code}” (hoặc ngoài phạm vi của bạn)")
        roles: list[CommRole] = []
        for part in re.split(r"[,;]", row.get("roles")):
            if not part.strip():
                continue
            found = roles_by_text.get(fold(part))
            if found is None:
                errors.append(f"vai trò “{part.strip()}” không có trong danh mục")
            elif found not in roles:
                roles.append(found)
        member = parse_bool(row.get("is_party_member"))
        if member is None:
            errors.append(f"cột Đảng viên “{row.get('is_party_member')}” phải là Có hoặc Không")
        birth_year: int | None = None
        if text := row.get("birth_year").strip():
            if not text.isdigit() or not 1900 <= int(text) <= this_year - 15:
                errors.append(f"năm sinh “{text}” không hợp lệ (1900–{this_year - 15})")
            else:
                birth_year = int(text)
        admission: dt.date | None = None
        if text := row.get("party_admission_date").strip():
            try:
                admission = parse_date(text)
            except ValueError:
                errors.append(f"ngày vào Đảng “{text}” không đúng dạng dd/mm/yyyy")
            else:
                if admission > dt.date.today():
                    errors.append("ngày vào Đảng ở tương lai")
                elif birth_year and admission.year < birth_year + 16:
                    errors.append("ngày vào Đảng sớm hơn tuổi 16")
                elif member is False:
                    errors.append("có ngày vào Đảng nhưng cột Đảng viên là Không")
        email = row.get("email").strip()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                errors.append(f"email “{email}” không hợp lệ")
        phone = row.get("phone").strip()
        if phone and not PHONE_RE.match(phone):
            errors.append(f"số điện thoại “{phone}” không hợp lệ")
        if errors:
            result.errors.append(RowError(row.number, "; ".join(errors)))
            continue
        values = dict(
            unit=unit,
            full_name=name,
            position=row.get("position").strip()[:120],
            is_party_member=bool(member),
            birth_year=birth_year,
            party_admission_date=admission,
            email=email,
            phone=phone,
        )
        valid.append((row, values, roles))
    progress.checked(len(rows), len(rows))
    if result.errors and not valid_only:
        return result
    result.skipped = len(result.errors)
    _apply_people(valid, result, progress)
    _log_people_import(user, filename, [values["unit"] for _, values, _ in valid], result)
    return result


def _log_people_import(
    user: User | None, filename: str, units: list[Unit], result: ImportResult
) -> None:
    """One access-log entry per bulk import: who, when, how many people (privacy.access_log),
    under the deepest unit containing every imported person."""
    from tuyengiao.privacy.access_log import AccessKind, log_access

    if not units:
        return
    paths = [u.path for u in units]
    prefix = min(paths, key=len)
    while prefix and not all(p.startswith(prefix) for p in paths):
        prefix = prefix[: -Unit.steplen]  # tree paths: the deepest common ancestor
    about = Unit.objects.filter(path=prefix).first() or units[0]
    log_access(
        user,
        AccessKind.IMPORT,
        about=about,
        unit_path=prefix,
        people=result.created + result.updated,
        description=(
            f"Nhập danh sách nhân sự từ tệp {filename}: {result.created} người mới, "
            f"{result.updated} người cập nhật"
        ),
    )


WRITE_BATCH = 1000


@transaction.atomic
def _apply_people(
    valid: list[tuple[Row, dict[str, Any], list[CommRole]]],
    result: ImportResult,
    progress: Progress = NO_PROGRESS,
) -> None:
    unit_ids = {values["unit"].pk for _, values, _ in valid}
    existing = {
        (p.unit_id, p.name_folded, p.birth_year): p
        for p in Person.objects.filter(unit_id__in=unit_ids, active=True)
    }
    new: list[Person] = []
    new_roles: list[list[CommRole]] = []
    total = len(valid)
    for _, values, roles in valid:
        progress.writing(result.updated, total)
        key = (values["unit"].pk, fold(values["full_name"]), values["birth_year"])
        person = existing.get(key)
        if person is not None:
            for name, value in values.items():
                setattr(person, name, value)
            person.save()
            person.roles.set(roles)
            result.updated += 1
            continue
        person = Person(name_folded=fold(values["full_name"])[:120], **values)
        new.append(person)
        new_roles.append(roles)
        existing[key] = person
    through = Person.roles.through
    for start in range(0, len(new), WRITE_BATCH):
        progress.writing(result.updated + start, total)
        batch = new[start : start + WRITE_BATCH]
        Person.objects.bulk_create(batch)
        through.objects.bulk_create(
            [
                through(person_id=p.pk, commrole_id=r.pk)
                for p, roles in zip(batch, new_roles[start : start + WRITE_BATCH], strict=True)
                for r in roles
            ]
        )
    progress.writing(total, total)
    result.created += len(new)
    result.applied = True
