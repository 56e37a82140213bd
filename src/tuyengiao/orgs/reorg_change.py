"""A reorganisation as asked for (``Change``, ``NewUnit``, as stored in a draft's ``spec``) and
every reason it cannot be made (``check``, in Vietnamese). The steps that make it are in
``orgs.reorganisation``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from .models import Person, ReorganisationKind, Unit, UnitKind, UnitState

if TYPE_CHECKING:
    from tuyengiao.documents.models import Document

Kind = ReorganisationKind


class ReorganisationError(ValidationError):
    """A change that cannot be made, with the reasons in Vietnamese (``messages``)."""


@dataclass
class NewUnit:
    """A unit a merge or a split forms."""

    code: str
    name: str
    short_name: str = ""
    kind: str = UnitKind.BASE_ORGANISATION
    parent: Unit | None = None  # default: the (first) old unit's parent

    def as_spec(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "short_name": self.short_name,
            "kind": self.kind,
            "parent": self.parent.pk if self.parent else None,
        }


@dataclass
class Change:
    kind: str
    date: dt.date
    sources: list[Unit]
    new_units: list[NewUnit] = field(default_factory=list)
    successor: Unit | None = None  # merge into an existing unit; the receiver of a dissolution
    new_parent: Unit | None = None  # move
    new_name: str = ""  # rename
    new_short_name: str = ""
    new_code: str = ""
    # split: cell or member pk -> index into new_units (absent: the first)
    cell_map: dict[int, int] = field(default_factory=dict)
    member_map: dict[int, int] = field(default_factory=dict)
    document: Document | None = None
    note: str = ""

    def as_spec(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "date": self.date.isoformat(),
            "sources": [u.pk for u in self.sources],
            "new_units": [n.as_spec() for n in self.new_units],
            "successor": self.successor.pk if self.successor else None,
            "new_parent": self.new_parent.pk if self.new_parent else None,
            "new_name": self.new_name,
            "new_short_name": self.new_short_name,
            "new_code": self.new_code,
            "cell_map": {str(k): v for k, v in self.cell_map.items()},
            "member_map": {str(k): v for k, v in self.member_map.items()},
            "document": self.document.pk if self.document else None,
            "note": self.note,
        }


def change_from_spec(spec: dict[str, Any]) -> Change:
    """The :class:`Change` a draft stored (units read again: the tree may have moved since)."""
    from tuyengiao.documents.models import Document

    ids = set(spec["sources"]) | {
        i
        for i in [spec.get("successor"), spec.get("new_parent")]
        + [n.get("parent") for n in spec.get("new_units", [])]
        if i
    }
    units = Unit.objects.in_bulk(list(ids))

    def unit(pk: int | None) -> Unit | None:
        if not pk:
            return None
        if pk not in units:
            raise ReorganisationError(["Một đơn vị của thay đổi này không còn trong cây."])
        found: Unit = units[pk]
        return found

    doc = Document.objects.filter(pk=spec["document"]).first() if spec.get("document") else None
    return Change(
        kind=spec["kind"],
        date=dt.date.fromisoformat(spec["date"]),
        sources=[u for pk in spec["sources"] if (u := unit(pk)) is not None],
        new_units=[
            NewUnit(n["code"], n["name"], n["short_name"], n["kind"], unit(n["parent"]))
            for n in spec.get("new_units", [])
        ],
        successor=unit(spec.get("successor")),
        new_parent=unit(spec.get("new_parent")),
        new_name=spec.get("new_name", ""),
        new_short_name=spec.get("new_short_name", ""),
        new_code=spec.get("new_code", ""),
        cell_map={int(k): v for k, v in spec.get("cell_map", {}).items()},
        member_map={int(k): v for k, v in spec.get("member_map", {}).items()},
        document=doc,
        note=spec.get("note", ""),
    )


# --- checks ------------------------------------------------------------------------------------


def _d(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def parent_of(unit: Unit) -> Unit | None:
    if unit.depth <= 1:
        return None
    parent: Unit | None = Unit.objects.filter(path=unit.path[: -Unit.steplen]).first()
    return parent


def _check_unit_on(unit: Unit, day: dt.date, errors: list[str]) -> None:
    if unit.started_on is not None and day < unit.started_on:
        errors.append(
            f"Ngày hiệu lực {_d(day)} trước ngày thành lập của “{unit.name}” ({_d(unit.started_on)})."
        )
    if unit.ended_on is not None:
        errors.append(f"“{unit.name}” đã kết thúc hoạt động ngày {_d(unit.ended_on)}.")
    last = UnitState.objects.filter(unit=unit, valid_to__gt=day).order_by("-valid_to").first()
    if last is not None:
        errors.append(
            f"“{unit.name}” đã có thay đổi ngày {_d(last.valid_to)}, sau ngày {_d(day)}: "
            "hãy ghi các thay đổi theo thứ tự thời gian."
        )


def _check_new_code(code: str, errors: list[str], taken: set[str]) -> None:
    if not code.strip():
        errors.append("Thiếu mã của đơn vị mới.")
    elif code in taken or Unit.objects.filter(code=code).exists():
        errors.append(f"Mã “{code}” đã có đơn vị khác dùng.")
    taken.add(code)


def _check_not_below(target: Unit, units: list[Unit], errors: list[str]) -> None:
    for u in units:
        if u.contains(target):
            errors.append(
                f"Không thể đặt vào “{target.name}” vì đơn vị này thuộc cấp dưới của “{u.name}” "
                "(vòng lặp trong cây)."
            )


def check(change: Change, today: dt.date | None = None) -> list[str]:
    """Every reason the change cannot be made, in Vietnamese (empty: it can)."""
    today = today or timezone.localdate()
    errors: list[str] = []
    if change.date > today:
        errors.append(
            f"Ngày hiệu lực {_d(change.date)} sau hôm nay: hãy ghi khi quyết định có hiệu lực."
        )
    if len({u.pk for u in change.sources}) != len(change.sources):
        errors.append("Một đơn vị được chọn hai lần.")
    for u in change.sources:
        _check_unit_on(u, change.date, errors)
    taken: set[str] = set()
    kind = change.kind
    if kind == Kind.MERGE:
        if change.successor is None and len(change.new_units) != 1:
            errors.append("Sáp nhập cần một đơn vị mới hoặc một đơn vị hiện có nhận sáp nhập.")
        if change.successor is not None:
            if change.successor.pk in {u.pk for u in change.sources}:
                errors.append("Đơn vị nhận sáp nhập không thể đồng thời là đơn vị bị sáp nhập.")
            _check_unit_on(change.successor, change.date, errors)
            _check_not_below(change.successor, change.sources, errors)
        elif len(change.sources) < 2:
            errors.append("Hợp nhất thành đơn vị mới cần ít nhất hai đơn vị.")
        if not change.sources:
            errors.append("Chưa chọn đơn vị bị sáp nhập.")
    if kind == Kind.SPLIT:
        if len(change.sources) != 1:
            errors.append("Chia tách áp dụng cho đúng một đơn vị.")
        if len(change.new_units) < 2:
            errors.append("Chia tách cần ít nhất hai đơn vị mới.")
    for n in change.new_units:
        _check_new_code(n.code, errors, taken)
        if not n.name.strip():
            errors.append(f"Thiếu tên của đơn vị mới “{n.code}”.")
        parent = n.parent or (parent_of(change.sources[0]) if change.sources else None)
        if parent is None:
            errors.append(f"Chưa chọn đơn vị cấp trên cho “{n.name or n.code}”.")
        else:
            _check_not_below(parent, change.sources, errors)
            if parent.ended_on is not None:
                errors.append(
                    f"“{parent.name}” đã kết thúc hoạt động, không thể đặt đơn vị mới vào."
                )
    if kind == Kind.MOVE:
        if len(change.sources) != 1 or change.new_parent is None:
            errors.append("Chuyển cấp trên cần một đơn vị và đơn vị cấp trên mới.")
        else:
            unit, target = change.sources[0], change.new_parent
            if unit.contains(target):
                errors.append(
                    f"Không thể chuyển “{unit.name}” vào “{target.name}” vì “{target.name}” "
                    f"thuộc cấp dưới của “{unit.name}” (vòng lặp trong cây)."
                )
            elif unit.path[: -Unit.steplen] == target.path:
                errors.append(f"“{unit.name}” đã trực thuộc “{target.name}”.")
            if target.ended_on is not None:
                errors.append(f"“{target.name}” đã kết thúc hoạt động.")
    if kind == Kind.RENAME:
        if len(change.sources) != 1:
            errors.append("Đổi tên áp dụng cho đúng một đơn vị.")
        elif not change.new_name.strip():
            errors.append("Thiếu tên mới.")
        elif (
            change.new_name == change.sources[0].name
            and (change.new_short_name or change.sources[0].short_name)
            == change.sources[0].short_name
            and change.new_code in ("", change.sources[0].code)
        ):
            errors.append("Tên mới trùng tên hiện tại.")
        if change.new_code and change.sources and change.new_code != change.sources[0].code:
            _check_new_code(change.new_code, errors, taken)
    if kind == Kind.DISSOLVE:
        if len(change.sources) != 1:
            errors.append("Giải thể áp dụng cho đúng một đơn vị.")
        elif change.successor is not None:
            _check_unit_on(change.successor, change.date, errors)
            _check_not_below(change.successor, change.sources, errors)
        else:
            unit = change.sources[0]
            if Person.objects.filter(unit=unit, active=True).exists():
                errors.append(
                    f"“{unit.name}” còn nhân sự đang sinh hoạt: hãy chọn đơn vị tiếp nhận."
                )
            if Unit.objects.get_children(unit).current(change.date).exists():
                errors.append(f"“{unit.name}” còn đơn vị trực thuộc: hãy chọn đơn vị tiếp nhận.")
    return errors
