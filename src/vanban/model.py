"""The result of parsing: plain dataclasses, and their dict form (the corpus schema + extras)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(slots=True)
class Reference:
    """A document cited by number."""

    number: str
    date: str | None = None
    issuer: str | None = None
    term: str | None = None
    doc_type: str | None = None
    span: Span = (0, 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "date": self.date,
            "issuer": self.issuer,
            "term": self.term,
            "type": self.doc_type,
        }


@dataclass(slots=True)
class Section:
    """A top-level section ("I. MỤC ĐÍCH, YÊU CẦU")."""

    label: str
    title: str
    span: Span = (0, 0)
    title_span: Span = (0, 0)

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "title": self.title}


@dataclass(slots=True)
class Bullet:
    """A "-" or "+" line inside an item."""

    marker: str
    text: str
    span: Span = (0, 0)


@dataclass(slots=True)
class Item:
    """An Arabic-numbered item directly under a section."""

    section: str
    label: str
    title: str
    text: str = ""
    bullets: list[Bullet] = field(default_factory=list)
    span: Span = (0, 0)
    title_span: Span = (0, 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "label": self.label,
            "title": self.title,
            "text": self.text,
            "bullets": [{"marker": b.marker, "text": b.text} for b in self.bullets],
        }


@dataclass(slots=True)
class Assignment:
    """Units a part of the document assigns work to, and the time frame given."""

    section: str | None
    item: str | None
    units: list[str]
    period: str | None = None
    unit_spans: list[Span] = field(default_factory=list)
    period_span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "item": self.item,
            "units": list(self.units),
            "period": self.period,
        }


@dataclass(slots=True)
class Footnote:
    """A footnote ("¹ Quy định số ...")."""

    label: str
    text: str
    span: Span = (0, 0)


@dataclass(slots=True)
class Attachment:
    """What follows the signature block: an attached programme, appendix or list, kept apart
    from the document ("CHƯƠNG TRÌNH …", "PHỤ LỤC …", "(Kèm theo Kế hoạch số …)")."""

    title: str
    span: Span = (0, 0)

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "start": self.span[0], "end": self.span[1]}


SCALARS = (
    "number",
    "doc_type",
    "issuer",
    "parent_issuer",
    "place",
    "date",
    "date_raw",
    "title",
    "signer_name",
    "signer_title",
    "on_behalf",
)


@dataclass
class ParsedDocument:
    """Metadata and structure of one document. ``spans`` holds the (start, end) offsets in
    ``text`` of every extracted field and list element."""

    text: str
    source: str | None = None
    number: str | None = None
    doc_type: str = "Văn bản"
    issuer: str | None = None
    parent_issuer: str | None = None
    place: str | None = None
    date: str | None = None
    date_raw: str | None = None
    title: str = ""
    signer_name: str | None = None
    signer_title: str | None = None
    on_behalf: str | None = None
    recipients: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    implements: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    #: fields taken from the e-signature stamp at the end of the text, not from the document's
    #: own lines ("date", "number"): the signing system filled them in
    from_signature: list[str] = field(default_factory=list)
    #: fields not printed in the text but inferred from the document's grammar ("signer_title"
    #: from a "KT." authority: the head's deputy signs); they have no span
    inferred: list[str] = field(default_factory=list)
    #: texts attached after the signature block, not parsed as the document
    attachments: list[Attachment] = field(default_factory=list)
    spans: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        """The corpus schema (same keys, same order) followed by the extras: ``footnotes``,
        ``from_signature`` (fields the e-signature stamp gave), ``inferred`` (fields the
        grammar gave, not printed), ``attachments`` (titles and
        offsets of what follows the signature), ``spans`` (offsets into the normalised text), ``text_length``, then ``rule_set`` (the
        format rules the document is judged by, see :mod:`vanban.rules`) and
        ``format_findings`` (:func:`vanban.format_check.check_format`, as dicts)."""
        out: dict[str, Any] = {"source": self.source}
        for name in SCALARS:
            out[name] = getattr(self, name)
        out["recipients"] = list(self.recipients)
        out["references"] = [r.to_dict() for r in self.references]
        out["implements"] = list(self.implements)
        out["sections"] = [s.to_dict() for s in self.sections]
        out["items"] = [i.to_dict() for i in self.items]
        out["assignments"] = [a.to_dict() for a in self.assignments]
        out["footnotes"] = [{"label": f.label, "text": f.text} for f in self.footnotes]
        out["from_signature"] = list(self.from_signature)
        out["inferred"] = list(self.inferred)
        out["attachments"] = [a.to_dict() for a in self.attachments]
        out["spans"] = self.span_dict()
        out["text_length"] = len(self.text)
        from vanban.format_check import format_report  # here: format_check imports this module

        out["rule_set"], out["format_findings"] = format_report(self)
        if include_text:
            out["text"] = self.text
        return out

    def span_dict(self) -> dict[str, Any]:
        """Offsets of every field: scalars as [start, end], lists as lists of them."""
        spans: dict[str, Any] = {k: list(v) for k, v in self.spans.items()}
        spans["recipients"] = [list(s) for s in self.spans.get("recipients", [])]
        spans["references"] = [list(r.span) for r in self.references]
        spans["sections"] = [list(s.title_span) for s in self.sections]
        spans["items"] = [list(i.title_span) for i in self.items]
        spans["item_texts"] = [list(i.span) for i in self.items]
        spans["assignments"] = [
            {
                "units": [list(u) for u in a.unit_spans],
                "period": list(a.period_span) if a.period_span else None,
            }
            for a in self.assignments
        ]
        spans["footnotes"] = [list(f.span) for f in self.footnotes]
        return spans
