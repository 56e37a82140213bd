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
(``UnitMatcher``), otherwise kept as text. Names of a class of units ("các chi, đảng bộ cơ sở",
"cấp ủy cơ sở", "các đơn vị") are *collective*: the task goes to every unit the plan is sent to
(``services.plan_sent_to_units``).

The text is read as the documents are written, not as the parser's lines fall:

* paragraphs broken by a page break, a wrap or a hyphenation are joined first
  (``vanban.join_broken_lines``), so no task starts mid-word;
* an item whose heading is only a unit's name ("2. Ban Tổ chức Đảng ủy Khối", "5. Cấp ủy cơ sở")
  or "X: <duty>" names the assignee; its duties (the paragraphs and bullets under it) are the
  tasks — how the "Tổ chức thực hiện" section gives work;
* the bullets and paragraphs under an ordinary item become its sub-tasks;
* an item that states no time frame takes its section's, else the document's ("giai đoạn
  2023 - 2025" in the title); a sub-task its own phrase ("Thường xuyên …") or its item's;
* tasks that name nobody go to the units the document addresses ("Ban Thường vụ yêu cầu các
  cấp ủy, tổ chức đảng … thực hiện", "Cấp ủy các chi bộ căn cứ Kế hoạch này …"), collectively;
* reporting duties ("báo cáo kết quả về … trước ngày …") become report proposals;
* a document without task sections (Kết luận, Chỉ thị, a conclusion published as a news page)
  gives one task per numbered paragraph of its body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from vanban import join_broken_lines, units_named

from .assignees import (
    Assignee,
    addressed_units,
    is_collective,
    looks_like_unit,
    reporting_duties,
    split_assignee,
)
from .plan_text import clean_line, item_blocks, numbered_paragraphs
from .timeframes import (
    Indicator,
    TimeFrame,
    _fold,
    extract_indicators,
    find_timeframe,
    parse_timeframe,
)

if TYPE_CHECKING:
    from tuyengiao.orgs.models import Unit

LEAD = "lead"
COORDINATE = "coordinate"
TASK = "task"
REPORT = "report"

TASK_SECTION_WORDS = ("nhiem vu", "noi dung", "giai phap", "chuong trinh", "hoat dong", "cac viec")
ORGANISING_WORDS = ("to chuc thuc hien",)


@dataclass
class UnitRef:
    """A unit named in the plan: the text as printed and the matched Unit, if any."""

    name: str
    role: str = LEAD
    unit_id: int | None = None
    unit_name: str = ""
    collective: bool = False  # a class of units: every unit the plan is sent to
    inferred: bool = False  # not named by the item: the units the document addresses

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "unit_id": self.unit_id,
            "unit_name": self.unit_name,
            "collective": self.collective,
            "inferred": self.inferred,
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
    kind: str = TASK
    subtasks: list[ProposedTask] = field(default_factory=list)

    @property
    def collective_role(self) -> str:
        """The role of the units the plan is sent to, when the task is given collectively."""
        for unit in self.units:
            if unit.collective:
                return unit.role
        return ""

    @property
    def named_units(self) -> list[UnitRef]:
        return [u for u in self.units if not u.inferred]

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
        key = _GENERIC_PREFIX.sub("", _fold(clean_line(name)))
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

GENERIC_COLLECTIVE = "Các đơn vị nhận kế hoạch"
_LABEL_PREFIX = re.compile(r"^\s*\d{1,3}\s*[.)\-–:]\s*")
_MARKER = re.compile(r"^\s*(?:[-+•–*]\s*)+")
_PLUS_LINE = re.compile(r"^\s*(?:[-–]\s*)?\+")
_META = re.compile(r"^(?:[-+•–]\s*)?(thoi gian|phan cong|kinh phi)\b")


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


class _Context:
    """What the proposals of one document share: the matcher, the frames, the addressees."""

    def __init__(self, parsed: dict[str, Any], text: str | None, matcher: UnitMatcher | None):
        self.matcher = matcher
        self.doc_frame = find_timeframe(str(parsed.get("title") or ""), standing=True)
        # The units the document gives its work to: a class of units its "Tổ chức thực hiện"
        # names, else the one its wording addresses ("yêu cầu các cấp ủy … thực hiện").
        sections = {
            str(s.get("label")): str(s.get("title") or "") for s in parsed.get("sections") or []
        }
        organising_names = [
            name
            for a in parsed.get("assignments") or []
            if is_organising_section(sections.get(str(a.get("section")), ""))
            for name, _ in _unit_names(a)
        ]
        collective = sorted((n for n in organising_names if is_collective(n)), key=len)
        self.addressed = (collective[0] if collective else None) or addressed_units(
            join_broken_lines(text or "")
        )

    def ref(self, name: str, role: str, inferred: bool = False) -> UnitRef:
        ref = UnitRef(name=name, role=role, inferred=inferred)
        if is_collective(name):
            ref.collective = True
        elif self.matcher is not None:
            unit = self.matcher.match(name)
            if unit is not None:
                ref.unit_id, ref.unit_name = unit.pk, unit.name
        return ref

    def match(self, name: str) -> object:
        return self.matcher.match(name) if self.matcher is not None else None

    def default_assignee(self) -> UnitRef:
        ref = self.ref(self.addressed or GENERIC_COLLECTIVE, LEAD, inferred=True)
        ref.collective = True
        return ref


def _paragraphs(full_text: str) -> list[str]:
    return [clean_line(line) for line in join_broken_lines(full_text).split("\n") if line.strip()]


def _duties(body: list[str], known: list[str] | None = None) -> list[str]:
    """The duties under a heading: its bullets and paragraphs, without the "Thời gian thực
    hiện" / "Phân công thực hiện" lines and the lines listing units under the latter."""
    out: list[str] = []
    in_assignment = False
    for line in body:
        folded = _fold(line)
        if _META.match(_MARKER.sub("", folded)):
            in_assignment = _MARKER.sub("", folded).startswith("phan cong")
            continue
        if in_assignment and _PLUS_LINE.match(line):
            continue
        in_assignment = False
        duty = _MARKER.sub("", line).strip()
        if known and ": " in duty and split_assignee(duty.split(": ", 1)[1], known) is not None:
            continue  # "+ Tuyên truyền tại cơ quan: Văn phòng" lists who does what, no duty
        if len(duty) >= 3:
            out.append(duty[:1].upper() + duty[1:])
    return out


def propose_tasks(
    parsed: dict[str, Any], text: str | None = None, matcher: UnitMatcher | None = None
) -> list[ProposedTask]:
    """The tasks of a parsed document, in document order (sub-tasks inside their task)."""
    ctx = _Context(parsed, text, matcher)
    sections = {
        str(s.get("label")): str(s.get("title") or "") for s in parsed.get("sections") or []
    }
    blocks = item_blocks(text, parsed) if text else {}
    assignments: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
    for a in parsed.get("assignments") or []:
        key = (str(a.get("section")), str(a["item"]) if a.get("item") is not None else None)
        assignments.setdefault(key, []).append(a)
    items_by_section: dict[str, list[dict[str, Any]]] = {}
    for item in parsed.get("items") or []:
        items_by_section.setdefault(str(item.get("section")), []).append(item)

    tasks: list[ProposedTask] = []
    for label, title in sections.items():
        task_section = is_task_section(title)
        organising = is_organising_section(title)
        if not (task_section or organising):
            continue
        section_block = blocks.get((label, None), "")
        section_frame = (
            find_timeframe(title, standing=True)
            or _section_intro_frame(section_block)
            or ctx.doc_frame
        )
        section_items = items_by_section.get(label, [])
        for item in section_items:
            key = (label, str(item.get("label")))
            full = _item_text(item) or blocks.get(key, "")
            tasks.extend(
                _item_tasks(
                    ctx,
                    label,
                    key[1],
                    str(item.get("title") or ""),
                    full,
                    assignments.get(key, []),
                    section_frame,
                    organising=organising,
                )
            )
        if (label, None) in assignments or (task_section and not section_items):
            body = "\n".join(section_block.split("\n")[1:]) if section_block else ""
            tasks.extend(
                _item_tasks(
                    ctx,
                    label,
                    None,
                    _section_task_title(title, body),
                    body,
                    assignments.get((label, None), []),
                    section_frame,
                    organising=organising,
                    whole_section=True,
                )
            )
    if not tasks and text:
        for label, heading, block in numbered_paragraphs(text):
            tasks.extend(_item_tasks(ctx, "", label, heading, block, [], ctx.doc_frame))
    tasks.extend(_report_tasks(ctx, text or ""))
    for order, task in enumerate(tasks, start=1):
        task.order = order
    return tasks


def _section_intro_frame(section_block: str) -> str | None:
    """A frame the section states before its first item ("Thời gian thực hiện: năm 2024")."""
    lines = section_block.split("\n")[1:]
    intro = []
    for line in lines:
        if _LABEL_PREFIX.match(line):
            break
        intro.append(line)
    text = "\n".join(intro)
    return period_in_text(text) if text else None


def _section_task_title(section_title: str, body: str) -> str:
    first = clean_line(join_broken_lines(body).split("\n")[0]) if body else ""
    if first and len(first) > 600:
        first = first.split(". ")[0]
    if first and len(first) <= 600:
        return first
    return section_title.capitalize() if section_title.isupper() else section_title


def _item_tasks(
    ctx: _Context,
    section: str,
    label: str | None,
    title: str,
    full_text: str,
    assignments: list[dict[str, Any]],
    frame: str | None,
    *,
    organising: bool = False,
    whole_section: bool = False,
) -> list[ProposedTask]:
    """The task(s) of one item: one task with its sub-tasks, or — when the heading only names
    the assignee — one task per duty under it."""
    paragraphs = _paragraphs(full_text) if full_text else []
    heading = clean_line(title)
    body = paragraphs
    if paragraphs and not whole_section:
        first = _LABEL_PREFIX.sub("", paragraphs[0]) if label else paragraphs[0]
        probe = _fold(heading)[:24]
        if probe and _fold(first).startswith(probe):
            heading, body = first, paragraphs[1:]
    named = [name for a in assignments for name, _ in _unit_names(a)]
    assignee = split_assignee(heading, named, ctx.match)
    period = next((a.get("period") for a in assignments if a.get("period")), None)
    if period is None and full_text:
        period = period_in_text(full_text)
    own_frame = period or (find_timeframe(heading) if not assignee else None)

    units = _units(ctx, assignments, assignee, full_text or heading, heading)
    if assignee is not None and not assignee.duty:
        duties = _duties(body) or [heading]
        out = []
        for duty in duties:
            task = _make(ctx, section, label, duty, "", units, own_frame or frame)
            if duty is not heading and not own_frame:
                task.timeframe = parse_timeframe(find_timeframe(duty) or frame)
            out.append(task)
        return out
    if organising and not units:
        return []  # "Kinh phí", "Chế độ báo cáo" … without an assignee are no task
    task_title = assignee.duty if assignee else heading
    description = "\n".join(body).strip()
    task = _make(ctx, section, label, task_title, description, units, own_frame or frame)
    if not organising:
        parent_frame = task.timeframe.raw or None
        for duty in _duties(body, named):
            if len(duty) < 120 and extract_indicators(duty):
                continue  # "Phấn đấu tỷ lệ … ≥ 98%": a target of the task, not a sub-task
            sub_units = [
                ctx.ref(n, unit_role(n, duty)) for n in units_named(duty) if looks_like_unit(n)
            ]
            sub = _make(
                ctx, section, label, duty, "", sub_units, find_timeframe(duty) or parent_frame
            )
            sub.units = sub_units  # by default a sub-task is done by its task's units
            task.subtasks.append(sub)
    return [task]


def _units(
    ctx: _Context,
    assignments: list[dict[str, Any]],
    assignee: Assignee | None,
    role_text: str,
    heading: str = "",
) -> list[UnitRef]:
    units: list[UnitRef] = []
    seen: set[str] = set()
    for assignment in assignments:
        for name, given_role in _unit_names(assignment):
            if _fold(name) in seen:
                continue
            seen.add(_fold(name))
            units.append(ctx.ref(name, given_role or unit_role(name, role_text)))
    if assignee is not None and not units:
        units.append(ctx.ref(assignee.name, LEAD))
    if not units and heading:
        # "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với …", "Giao Ban Tổ chức …": the heading's
        # own subject, as the parser reads the items of "Tổ chức thực hiện".
        for name in filter(looks_like_unit, units_named(heading)):
            units.append(ctx.ref(name, unit_role(name, heading)))
    if units and not any(u.role == LEAD for u in units):
        units[0].role = LEAD  # somebody must lead: the first unit named
    return units


def _make(
    ctx: _Context,
    section: str,
    label: str | None,
    title: str,
    description: str,
    units: list[UnitRef],
    frame: str | None,
) -> ProposedTask:
    title = clean_line(title)
    if not units:
        units = [ctx.default_assignee()]
    return ProposedTask(
        section=section,
        label=label,
        title=title,
        description=description or title,
        units=[UnitRef(**u.to_dict()) for u in units],
        timeframe=parse_timeframe(frame),
        indicators=extract_indicators(f"{title}\n{description}"),
    )


def _report_tasks(ctx: _Context, text: str) -> list[ProposedTask]:
    """One report proposal per receiver and time frame of "báo cáo kết quả về …"."""
    out = []
    for duty in reporting_duties(join_broken_lines(text)):
        task = _make(ctx, "", None, duty.clause, "", [], duty.timeframe)
        task.kind = REPORT
        task.description = f"Gửi báo cáo về: {duty.to}"
        out.append(task)
    return out
