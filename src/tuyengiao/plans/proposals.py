"""Tasks proposed from a parsed plan, for the officer to review before they are saved.

Input is the dict ``vanban.parse(text).to_dict()`` gives (the corpus schema: sections, items,
assignments …, plus the extras: each item's full text and bullets). When the extras are missing
(an older parse stored in the library) the document text, if given, is cut into item blocks here.

One task is proposed per item of a section of tasks ("nhiệm vụ", "nội dung", "giải pháp",
"chương trình", "hoạt động"), and per item of "Tổ chức thực hiện" that assigns units (or one task
for that section when it assigns units without numbering them). Each task carries:

* title and description (the item's full text),
* lead and coordinating units from the assignments: in "X chủ trì, phối hợp với Y" or
  "X phối hợp với Y thực hiện", X leads and Y coordinates,
* a time frame from the assignment's period or a "Thời gian thực hiện: …" line of the item,
* indicators ("tỷ lệ … ≥ 98%") found in the item's text.

Unit names are matched to Unit records by accent-folded name or short name where possible
(``UnitMatcher``), otherwise kept as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .timeframes import Indicator, TimeFrame, _fold, extract_indicators, parse_timeframe

if TYPE_CHECKING:
    from tuyengiao.orgs.models import Unit

LEAD = "lead"
COORDINATE = "coordinate"

TASK_SECTION_WORDS = ("nhiem vu", "noi dung", "giai phap", "chuong trinh", "hoat dong", "cac viec")
ORGANISING_WORDS = ("to chuc thuc hien",)


@dataclass
class UnitRef:
    """A unit named in the plan: the text as printed and the matched Unit, if any."""

    name: str
    role: str = LEAD
    unit_id: int | None = None
    unit_name: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "unit_id": self.unit_id,
            "unit_name": self.unit_name,
        }


@dataclass
class ProposedTask:
    section: str
    label: str | None
    title: str
    description: str = ""
    units: list[UnitRef] = field(default_factory=list)
    timeframe: TimeFrame = field(default_factory=TimeFrame)
    indicators: list[Indicator] = field(default_factory=list)
    order: int = 0

    @property
    def lead_units(self) -> list[UnitRef]:
        return [u for u in self.units if u.role == LEAD]

    @property
    def coordinating_units(self) -> list[UnitRef]:
        return [u for u in self.units if u.role == COORDINATE]

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.section, self.label)


def is_task_section(title: str) -> bool:
    folded = _fold(title)
    if any(w in folded for w in ORGANISING_WORDS):
        return False
    return any(w in folded for w in TASK_SECTION_WORDS)


def is_organising_section(title: str) -> bool:
    return any(w in _fold(title) for w in ORGANISING_WORDS)


# --- item blocks from the text ------------------------------------------------------------------

_MARKUP = re.compile(r"[*_`#>]+")
_SEP = r"\s*[.\-–—:)]\s*"


def _clean_line(line: str) -> str:
    return " ".join(_MARKUP.sub("", line).split())


def _starts_with(line_folded: str, label: str, title_folded: str) -> bool:
    m = re.match(rf"{re.escape(label.lower())}{_SEP}", line_folded)
    if not m:
        return False
    rest = line_folded[m.end() :]
    probe = title_folded[:24]
    return bool(probe) and (
        rest.startswith(probe) or (probe.startswith(rest[: len(probe)]) and len(rest) >= 4)
    )


def item_blocks(text: str, parsed: dict[str, Any]) -> dict[tuple[str, str | None], str]:
    """Cut ``text`` into the full text of each item (and of each section, keyed (label, None))."""
    lines = [_clean_line(line) for line in text.splitlines()]
    folded = [_fold(line) for line in lines]
    starts: list[tuple[int, tuple[str, str | None]]] = []
    cursor = 0
    items_by_section: dict[str, list[dict[str, Any]]] = {}
    for item in parsed.get("items") or []:
        items_by_section.setdefault(str(item.get("section")), []).append(item)
    for section in parsed.get("sections") or []:
        label, title = (
            str(section.get("label") or ""),
            _fold(_clean_line(str(section.get("title") or ""))),
        )
        for i in range(cursor, len(lines)):
            if _starts_with(folded[i], label, title):
                starts.append((i, (label, None)))
                cursor = i + 1
                break
        for item in items_by_section.get(label, []):
            ilabel, ititle = (
                str(item.get("label") or ""),
                _fold(_clean_line(str(item.get("title") or ""))),
            )
            for i in range(cursor, len(lines)):
                if _starts_with(folded[i], ilabel, ititle):
                    starts.append((i, (label, ilabel)))
                    cursor = i + 1
                    break
    blocks: dict[tuple[str, str | None], str] = {}
    if not starts:
        return blocks
    ends = [s for s, _ in starts[1:]] + [_text_end(folded)]
    for (start, key), end in zip(starts, ends, strict=True):
        body = [line for line in lines[start:end] if line]
        blocks[key] = "\n".join(body)
    return blocks


def _text_end(folded: list[str]) -> int:
    """The item text stops at the closing lines ("Trên đây là …", "Nơi nhận")."""
    for i, line in enumerate(folded):
        if line.startswith(("noi nhan", "tren day la")):
            return i
    return len(folded)


# --- roles ----------------------------------------------------------------------------------------

_CLAUSE_BOUNDARY = re.compile(r"[.;:\n+]")
_COORD_WORDS = re.compile(r"\bphoi hop( voi)?\b|\bcung voi\b|\btham gia\b")


def unit_role(unit_name: str, text: str) -> str:
    """LEAD unless the unit is named after "phối hợp (với)" in its clause of ``text``."""
    if not text:
        return LEAD
    f_text, f_name = _fold(text), _fold(unit_name)
    assigned_from = f_text.find("phan cong")
    pos = f_text.find(f_name, max(assigned_from, 0))
    if pos < 0:
        pos = f_text.find(f_name)
    if pos < 0:
        return LEAD
    clause_start = 0
    for m in _CLAUSE_BOUNDARY.finditer(f_text, 0, pos):
        clause_start = m.end()
    return COORDINATE if _COORD_WORDS.search(f_text, clause_start, pos) else LEAD


_PERIOD_LINE = re.compile(r"thoi gian(?: thuc hien| hoan thanh| trien khai)?\s*:\s*(.+)")


def period_in_text(text: str) -> str | None:
    """The text after "Thời gian thực hiện:" in an item, as printed."""
    folded = _fold(text)
    m = _PERIOD_LINE.search(folded)
    if not m:
        return None
    value = text[m.start(1) : m.end(1)].strip(" .;")
    return value.split("\n")[0].strip(" .;") or None


# --- unit matching --------------------------------------------------------------------------------

_GENERIC_PREFIX = re.compile(r"^(de nghi|cac|cac dong chi|dong chi)\s+")


class UnitMatcher:
    """Match unit names printed in a plan to Unit records by folded name or short name."""

    def __init__(self, units: Iterable[Unit]) -> None:
        self.by_name: dict[str, Unit] = {}
        self.units = list(units)
        for unit in self.units:
            for key in (unit.name, unit.short_name, unit.code):
                if key:
                    self.by_name.setdefault(_fold(key), unit)

    def match(self, name: str) -> Unit | None:
        key = _GENERIC_PREFIX.sub("", _fold(_clean_line(name)))
        if not key:
            return None
        if key in self.by_name:
            return self.by_name[key]
        # A unit named by the start of its full name ("Ban Tuyên giáo Đảng ủy Khối" for
        # "Ban Tuyên giáo Đảng ủy Khối các cơ quan tỉnh"), when only one unit fits.
        if len(key) >= 8:
            found = [u for u in self.units if _fold(u.name).startswith(key + " ")]
            if len(found) == 1:
                return found[0]
        return None


# --- the proposal ---------------------------------------------------------------------------------


def _item_text(item: dict[str, Any]) -> str:
    for key in ("text", "full_text", "body", "content"):
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return value
    bullets = item.get("bullets")
    if isinstance(bullets, list) and bullets:
        parts = [str(b.get("text", "")) if isinstance(b, dict) else str(b) for b in bullets]
        return "\n".join([str(item.get("title") or ""), *("- " + p for p in parts if p)])
    return ""


def _unit_names(assignment: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(name, role given by the parser or None) for each unit of an assignment."""
    out: list[tuple[str, str | None]] = []
    for unit in assignment.get("units") or []:
        if isinstance(unit, dict):
            name = str(unit.get("name") or unit.get("unit") or "").strip()
            role = unit.get("role")
            role = (
                COORDINATE
                if role in ("coordinate", "coordinating", "phoi_hop")
                else (LEAD if role else None)
            )
        else:
            name, role = str(unit).strip(), None
        if name:
            out.append((name, role))
    return out


def propose_tasks(
    parsed: dict[str, Any], text: str | None = None, matcher: UnitMatcher | None = None
) -> list[ProposedTask]:
    """The tasks of a parsed plan, in document order."""
    sections = {
        str(s.get("label")): str(s.get("title") or "") for s in parsed.get("sections") or []
    }
    blocks = item_blocks(text, parsed) if text else {}
    assignments: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
    for a in parsed.get("assignments") or []:
        key = (str(a.get("section")), str(a["item"]) if a.get("item") is not None else None)
        assignments.setdefault(key, []).append(a)

    tasks: list[ProposedTask] = []
    items_by_section: dict[str, list[dict[str, Any]]] = {}
    for item in parsed.get("items") or []:
        items_by_section.setdefault(str(item.get("section")), []).append(item)

    for label, title in sections.items():
        task_section = is_task_section(title)
        organising = is_organising_section(title)
        if not (task_section or organising):
            continue
        section_items = items_by_section.get(label, [])
        for item in section_items:
            key = (label, str(item.get("label")))
            if organising and key not in assignments:
                continue
            full = _item_text(item) or blocks.get(key, "")
            tasks.append(
                _task(
                    label,
                    key[1],
                    str(item.get("title") or ""),
                    full,
                    assignments.get(key, []),
                    matcher,
                )
            )
        if (label, None) in assignments or (task_section and not section_items):
            full = blocks.get((label, None), "")
            body = "\n".join(full.split("\n")[1:]) if full else ""
            tasks.append(
                _task(
                    label,
                    None,
                    _section_task_title(title, body),
                    body,
                    assignments.get((label, None), []),
                    matcher,
                )
            )
    for order, task in enumerate(tasks, start=1):
        task.order = order
    return tasks


def _section_task_title(section_title: str, body: str) -> str:
    first = body.split("\n")[0].strip() if body else ""
    if first and len(first) <= 200:
        return first
    return section_title.capitalize() if section_title.isupper() else section_title


def _task(
    section: str,
    label: str | None,
    title: str,
    full_text: str,
    assignments: list[dict[str, Any]],
    matcher: UnitMatcher | None,
) -> ProposedTask:
    title = _clean_line(title)
    lines = full_text.split("\n") if full_text else []
    if lines and _fold(title)[:24] and _fold(_clean_line(lines[0])).find(_fold(title)[:24]) >= 0:
        description = "\n".join(lines[1:]).strip()
    else:
        description = full_text.strip()
    role_text = full_text or title
    units: list[UnitRef] = []
    seen: set[str] = set()
    period: str | None = None
    for assignment in assignments:
        period = period or assignment.get("period")
        for name, given_role in _unit_names(assignment):
            if _fold(name) in seen:
                continue
            seen.add(_fold(name))
            ref = UnitRef(name=name, role=given_role or unit_role(name, role_text))
            if matcher is not None:
                unit = matcher.match(name)
                if unit is not None:
                    ref.unit_id, ref.unit_name = unit.pk, unit.name
            units.append(ref)
    if units and not any(u.role == LEAD for u in units):
        units[0].role = LEAD  # somebody must lead: the first unit named
    if period is None and full_text:
        period = period_in_text(full_text)
    indicators = extract_indicators(f"{title}\n{description}")
    return ProposedTask(
        section=section,
        label=label,
        title=title,
        description=description or title,
        units=units,
        timeframe=parse_timeframe(period),
        indicators=indicators,
    )
