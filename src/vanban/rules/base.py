"""The shape of a rule set: rules as data, each with the provision it comes from.

A :class:`Rule` says what it requires (in Vietnamese, as shown to users), which document and
which article/section it comes from, and whether the text of that provision was actually read
(``source_read``). A rule whose text could not be read is kept as the earlier rule set had it
and marked ``source_read=False``; ``via`` names where it was read or what reported it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["party", "state"]


@dataclass(frozen=True, slots=True)
class Rule:
    """One requirement of a rule set."""

    id: str
    description: str  # Vietnamese, shown to users
    source: str  # document and article/section
    source_read: bool  # was the provision's own text read?
    via: str = ""  # where it was read, or which secondary sources report it


@dataclass(frozen=True, slots=True)
class DocType:
    """A document type (thể loại) and the code its symbol uses (ký hiệu tên loại)."""

    name: str  # "Kế hoạch"
    code: str | None  # "KH"; None when the rule set gives none (or it could not be read)
    rule: Rule


@dataclass(frozen=True, slots=True)
class Authority:
    """Which types a kind of body may issue (thẩm quyền ban hành)."""

    body: str  # "chi bộ"
    may_issue: frozenset[str]
    may_not_issue: frozenset[str]
    rule: Rule


@dataclass(frozen=True, slots=True)
class Range:
    """A closed range (mm or pt)."""

    low: float
    high: float

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int | float) and self.low - 0.5 <= value <= self.high + 0.5

    def __str__(self) -> str:
        if self.low == self.high:
            return f"{self.low:g}"
        return f"{self.low:g}-{self.high:g}"


@dataclass(frozen=True, slots=True)
class Layout:
    """Page and font rules, each with its :class:`Rule`."""

    margins_mm: Mapping[str, Range]  # "top", "bottom", "left", "right"
    margins: Rule
    fonts: frozenset[str]
    font: Rule
    body_size_pt: Range
    body_size: Rule
    page_numbers: Rule


@dataclass(frozen=True, slots=True)
class Component:
    """How one component of the first page is set (Times New Roman): size range in points,
    capitals, bold, italic, underline — as the rule set's presentation table gives it."""

    size_pt: Range
    upper: bool = False
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True, slots=True)
class Presentation:
    """The presentation table of a rule set (mẫu trình bày thể thức): component name ->
    :class:`Component`, with the :class:`Rule` it comes from. Component names: ``title`` (the
    party title or the Quốc hiệu), ``motto`` (state: Tiêu ngữ), ``superior`` (tên cơ quan cấp
    trên), ``issuer`` (tên cơ quan ban hành), ``number``, ``place_date``, ``type_name``,
    ``summary``, ``cv_summary`` (trích yếu of a công văn), ``body``."""

    components: Mapping[str, Component]
    rule: Rule

    def __getitem__(self, name: str) -> Component:
        return self.components[name]


@dataclass(frozen=True)
class RuleSet:
    """The rules in force for one kind of document over a period."""

    name: str  # "36-HD/VPTW", "05-HD/VPTW", "NĐ 30/2020"
    kind: Kind
    documents: tuple[str, ...]
    in_force_from: dt.date
    in_force_until: dt.date | None  # the last day, or None while in force
    effective_note: str
    rules: Mapping[str, Rule]  # check name -> rule (see vanban.format_check)
    types: tuple[DocType, ...]
    authority: tuple[Authority, ...]
    layout: Layout
    signature_forms: frozenset[str] = field(default_factory=frozenset)
    presentation: Presentation | None = None

    def in_force_on(self, day: dt.date) -> bool:
        return self.in_force_from <= day and (
            self.in_force_until is None or day <= self.in_force_until
        )

    def authority_of(self, body: str) -> Authority | None:
        """The authority row of a kind of body ("đảng ủy cơ sở", "ban thường vụ đảng ủy cơ
        sở", "chi bộ"), or None when the rule set holds none for it (not read)."""
        for row in self.authority:
            if row.body == body:
                return row
        return None

    def may_issue(self, body: str, type_name: str) -> bool | None:
        """True/False from the authority table, None when the table has no row for ``body``."""
        row = self.authority_of(body)
        if row is None:
            return None
        if type_name in row.may_not_issue:
            return False
        return type_name in row.may_issue

    def code_of(self, type_name: str) -> str | None:
        for doc_type in self.types:
            if doc_type.name == type_name:
                return doc_type.code
        return None

    def all_rules(self) -> list[Rule]:
        """Every rule, once, in a stable order (for the docs table and tests)."""
        seen: dict[str, Rule] = {}
        extra = [t.rule for t in self.types] + [a.rule for a in self.authority]
        layout = self.layout
        extra += [layout.margins, layout.font, layout.body_size, layout.page_numbers]
        if self.presentation is not None:
            extra.append(self.presentation.rule)
        for rule in [*self.rules.values(), *extra]:
            seen.setdefault(rule.id, rule)
        return list(seen.values())
