"""A reorganisation sheet: many changes from one .xlsx/.csv, with a dry run first.

Columns: "Mã cũ", "Mã mới", "Loại thay đổi", "Ngày hiệu lực", optional "Tên mới",
"Tên viết tắt mới", "Mã cấp trên" (where a new unit goes). Kinds, by row:

* **sáp nhập / hợp nhất** — old code into new code: rows with the same new code and date form one
  merge; a new code not in the tree is a new unit (its name in "Tên mới" on one of the rows);
* **chia tách** — old code into each new code (rows with the same old code and date form one
  split; cells and members go to the first new unit, as the dry run lists);
* **chuyển** — old code under the unit of the new code;
* **đổi tên** — old code gets "Tên mới" (and the new code, when given);
* **giải thể** — old code ends; the new code, when given, receives its work.

All rows are checked first; a sheet with a bad row — an unknown code, a cycle (a unit moved
under its own descendant), a date before a unit existed, one unit ended twice (both merged and
dissolved) … — is refused with each row and its reason in Vietnamese, and nothing is applied.
The changes are made in date order inside one transaction: the dry run makes them and rolls them
back (so it lists exactly what confirming will do, later changes seeing earlier ones), the
confirmation makes them and commits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from django.db import transaction

from tuyengiao.core.jobs import NO_PROGRESS, Progress
from tuyengiao.core.spreadsheets import Row, RowError, read_table, require_columns
from tuyengiao.core.text import fold

from .models import ReorganisationKind, Unit, UnitKind
from .reorg_change import Change, NewUnit, ReorganisationError
from .reorganisation import apply, sections

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User

Kind = ReorganisationKind

COLUMNS: dict[str, Sequence[str]] = {
    "old": ["Mã cũ", "Mã đơn vị cũ"],
    "new": ["Mã mới", "Mã đơn vị mới"],
    "kind": ["Loại thay đổi", "Loại"],
    "date": ["Ngày hiệu lực", "Ngày"],
    "name": ["Tên mới", "Tên đơn vị mới"],
    "short_name": ["Tên viết tắt mới", "Viết tắt mới"],
    "parent": ["Mã cấp trên", "Mã đơn vị cấp trên"],
}
HEADERS = [
    "Mã cũ",
    "Mã mới",
    "Loại thay đổi",
    "Ngày hiệu lực",
    "Tên mới",
    "Tên viết tắt mới",
    "Mã cấp trên",
]

KINDS = {
    "sap nhap": Kind.MERGE,
    "hop nhat": Kind.MERGE,
    "merge": Kind.MERGE,
    "chia tach": Kind.SPLIT,
    "chia": Kind.SPLIT,
    "tach": Kind.SPLIT,
    "split": Kind.SPLIT,
    "chuyen": Kind.MOVE,
    "chuyen cap tren": Kind.MOVE,
    "move": Kind.MOVE,
    "doi ten": Kind.RENAME,
    "rename": Kind.RENAME,
    "giai the": Kind.DISSOLVE,
    "dissolve": Kind.DISSOLVE,
}
ENDING = {Kind.MERGE, Kind.SPLIT, Kind.DISSOLVE}


@dataclass
class Group:
    """The rows of one change."""

    kind: str
    date: dt.date
    rows: list[Row] = field(default_factory=list)


@dataclass
class SheetResult:
    errors: list[RowError] = field(default_factory=list)
    changes: int = 0
    sections: list[tuple[str, list[str]]] = field(default_factory=list)
    applied: bool = False


def _date(text: str) -> dt.date | None:
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _group(rows: list[Row], errors: list[RowError]) -> list[Group]:
    groups: dict[tuple[Any, ...], Group] = {}
    ending: dict[str, list[tuple[Row, tuple[Any, ...]]]] = {}
    for row in rows:
        old, new = row.get("old").strip(), row.get("new").strip()
        kind = KINDS.get(fold(row.get("kind")).strip())
        day = _date(row.get("date"))
        bad = []
        if kind is None:
            bad.append(
                f"loại thay đổi “{row.get('kind')}” không rõ (sáp nhập, hợp nhất, chia tách, "
                "chuyển, đổi tên, giải thể)"
            )
        if day is None:
            bad.append(f"ngày hiệu lực “{row.get('date')}” không đọc được (dd/mm/yyyy)")
        if not old:
            bad.append("thiếu mã cũ")
        if kind in (Kind.MERGE, Kind.SPLIT, Kind.MOVE) and not new:
            bad.append("thiếu mã mới")
        if kind == Kind.RENAME and not row.get("name").strip():
            bad.append("đổi tên cần cột “Tên mới”")
        if bad:
            errors.append(RowError(row.number, "; ".join(bad)))
            continue
        assert kind is not None and day is not None
        if kind == Kind.MERGE:
            key: tuple[Any, ...] = (kind, new, day)
        elif kind == Kind.SPLIT:
            key = (kind, old, day)
        else:
            key = (kind, old, day, row.number)
        if kind in ENDING:
            ending.setdefault(old, []).append((row, key))
        groups.setdefault(key, Group(kind, day)).rows.append(row)
    labels = dict(ReorganisationKind.choices)
    for old, uses in ending.items():
        keys = {key for _, key in uses}
        if len(keys) < 2:
            continue
        what = " và ".join(sorted({labels[key[0]].lower() for key in keys}))
        for row, key in uses:
            errors.append(
                RowError(
                    row.number,
                    f"đơn vị “{old}” kết thúc hai lần trong tệp ({what}); mỗi đơn vị chỉ được "
                    "sáp nhập, chia tách hoặc giải thể một lần",
                )
            )
            groups.pop(key, None)
    return sorted(groups.values(), key=lambda g: (g.date, g.rows[0].number))


def _change(group: Group, units: dict[str, Unit]) -> tuple[Change | None, list[str]]:
    """The change of a group of rows, or the reasons it cannot be read."""
    bad: list[str] = []

    def unit(code: str, what: str) -> Unit | None:
        found = units.get(code)
        if found is None:
            bad.append(f"không có đơn vị mã “{code}” ({what})")
        return found

    first = group.rows[0]
    if group.kind == Kind.MERGE:
        sources = [u for r in group.rows if (u := unit(r.get("old").strip(), "mã cũ"))]
        new_code = first.get("new").strip()
        successor = units.get(new_code)
        new_units = []
        if successor is None:
            name = next((r.get("name").strip() for r in group.rows if r.get("name").strip()), "")
            if not name:
                bad.append(f"mã mới “{new_code}” chưa có trong cây: cần “Tên mới” để lập đơn vị")
            parent_code = next(
                (r.get("parent").strip() for r in group.rows if r.get("parent").strip()), ""
            )
            parent = unit(parent_code, "mã cấp trên") if parent_code else None
            kind = sources[0].kind if sources else UnitKind.BASE_ORGANISATION
            short = next(
                (r.get("short_name").strip() for r in group.rows if r.get("short_name").strip()), ""
            )
            new_units = [NewUnit(new_code, name, short, kind, parent)]
        change = Change(group.kind, group.date, sources, new_units=new_units, successor=successor)
    elif group.kind == Kind.SPLIT:
        src = unit(first.get("old").strip(), "mã cũ")
        new_units = []
        for r in group.rows:
            parent_code = r.get("parent").strip()
            parent = unit(parent_code, "mã cấp trên") if parent_code else None
            if not r.get("name").strip():
                bad.append(f"đơn vị mới “{r.get('new')}” cần “Tên mới”")
            new_units.append(
                NewUnit(
                    r.get("new").strip(),
                    r.get("name").strip(),
                    r.get("short_name").strip(),
                    src.kind if src else UnitKind.BASE_ORGANISATION,
                    parent,
                )
            )
        change = Change(group.kind, group.date, [src] if src else [], new_units=new_units)
    elif group.kind == Kind.MOVE:
        src = unit(first.get("old").strip(), "mã cũ")
        target = unit(first.get("new").strip(), "mã cấp trên mới")
        change = Change(group.kind, group.date, [src] if src else [], new_parent=target)
    elif group.kind == Kind.RENAME:
        src = unit(first.get("old").strip(), "mã cũ")
        new_code = first.get("new").strip()
        change = Change(
            group.kind,
            group.date,
            [src] if src else [],
            new_name=first.get("name").strip(),
            new_short_name=first.get("short_name").strip(),
            new_code=new_code if src is None or new_code != src.code else "",
        )
    else:
        src = unit(first.get("old").strip(), "mã cũ")
        recv_code = first.get("new").strip()
        recv = unit(recv_code, "đơn vị tiếp nhận") if recv_code else None
        change = Change(group.kind, group.date, [src] if src else [], successor=recv)
    return (None if bad else change), bad


class _DryRun(Exception):
    """Raised inside the transaction of a dry run to roll it back."""


def import_sheet(
    upload: IO[bytes],
    filename: str,
    user: User | None,
    dry_run: bool = True,
    progress: Progress = NO_PROGRESS,
    today: dt.date | None = None,
) -> SheetResult:
    """Check every row, then make the changes (``dry_run``: make them, list them, roll back)."""
    from tuyengiao.accounts.scoping import Action, can

    rows = read_table(upload, filename, COLUMNS)
    require_columns(rows, {"old": "Mã cũ", "kind": "Loại thay đổi", "date": "Ngày hiệu lực"})
    result = SheetResult()
    groups = _group(rows, result.errors)
    codes = {r.get(c).strip() for r in rows for c in ("old", "new", "parent")} - {""}
    units = {u.code: u for u in Unit.objects.filter(code__in=codes)}
    if user is not None:
        for code, u in units.items():
            if not can(user, Action.MANAGE, u):
                for r in rows:
                    if code in {r.get(c).strip() for c in ("old", "new", "parent")}:
                        result.errors.append(
                            RowError(r.number, f"bạn không quản trị đơn vị “{code}”")
                        )
    changes: list[tuple[Group, Change]] = []
    for i, group in enumerate(groups):
        change, bad = _change(group, units)
        if bad:
            result.errors += [RowError(r.number, "; ".join(bad)) for r in group.rows]
        elif change is not None:
            changes.append((group, change))
        progress.checked(i + 1, len(groups))
    if result.errors:
        result.errors = _dedupe(result.errors)
        return result
    try:
        with transaction.atomic():
            for i, (group, change) in enumerate(changes):
                # units read again: earlier changes of the sheet may have moved them
                for u in [*change.sources, change.successor, change.new_parent]:
                    if u is not None:
                        u.refresh_from_db()
                try:
                    reorg = apply(change, by=user, today=today)
                except ReorganisationError as exc:
                    reason = "; ".join(exc.messages)
                    result.errors += [RowError(r.number, reason) for r in group.rows]
                    continue
                result.sections += [
                    (f"{reorg.get_kind_display()} ngày {change.date:%d/%m/%Y}: {title}", lines)
                    for title, lines in reorg.summary["sections"]
                ]
                result.changes += 1
                progress.writing(i + 1, len(changes))
            if result.errors or dry_run:
                raise _DryRun
    except _DryRun:
        pass
    result.errors = _dedupe(result.errors)
    result.applied = not dry_run and not result.errors
    if result.errors:
        result.sections = []
    return result


def _dedupe(errors: list[RowError]) -> list[RowError]:
    seen: dict[tuple[int, str], RowError] = {}
    for e in errors:
        seen.setdefault((e.row, e.reason), e)
    return sorted(seen.values(), key=lambda e: e.row)


__all__ = ["HEADERS", "SheetResult", "import_sheet", "sections"]
