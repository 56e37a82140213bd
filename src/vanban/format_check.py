"""Kiểm tra thể thức — a format check of a parsed document against the rules in force on its
date (:func:`vanban.rules.rule_set_for`). It only warns; it never refuses a document.

It reuses what the parser found (number and its span, date line, type, signature block,
recipients) and looks at a few lines around them, so it costs little next to parsing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from vanban.docx_layout import DocxLayout
from vanban.model import ParsedDocument
from vanban.normalize import fold
from vanban.rules import Kind, Rule, RuleSet, rule_set_for

# Header lines, matched on the original (NFC) text: case and tone placement ("HÒA"/"HOÀ") vary.
# Each opens with the class of its first letter's cases and ignores case after it: a pattern
# whose first letter ignores case has no first character for the engine to look for, so it was
# tried at every position of the header ("[Đđ]" and "[Cc]" are what "(?i:Đ)" and "(?i:C)" match,
# see the tests; *_PLAIN_RE are the patterns as first written).
# (the name may wrap in its narrow column, a copy's bold marks around the break: "**ĐẢNG" /
# "CỘNG SẢN VIỆT NAM**")
_GAP = r"(?:[ \t]+|[ \t*_]*\n[ \t*_]*)"
_PARTY_TITLE_RE = re.compile(rf"[Đđ](?i:ẢNG{_GAP}CỘNG{_GAP}SẢN{_GAP}VIỆT{_GAP}NAM)")
_STATE_TITLE_RE = re.compile(
    rf"[Cc](?i:ỘNG{_GAP}H(?:ÒA|OÀ){_GAP}XÃ{_GAP}HỘI{_GAP}CHỦ{_GAP}NGHĨA{_GAP}VIỆT{_GAP}NAM)"
)
_OTHER_TITLE_RE = re.compile(r"[Đđ](?i:OÀN[ \t]+(?:TNCS|THANH[ \t]+NIÊN[ \t]+CỘNG[ \t]+SẢN))")
_PARTY_TITLE_PLAIN_RE = re.compile(r"ĐẢNG[ \t]+CỘNG[ \t]+SẢN[ \t]+VIỆT[ \t]+NAM", re.IGNORECASE)
_STATE_TITLE_PLAIN_RE = re.compile(
    r"CỘNG[ \t]+H(?:ÒA|OÀ)[ \t]+XÃ[ \t]+HỘI[ \t]+CHỦ[ \t]+NGHĨA[ \t]+VIỆT[ \t]+NAM", re.IGNORECASE
)
_OTHER_TITLE_PLAIN_RE = re.compile(
    r"ĐOÀN[ \t]+(?:TNCS|THANH[ \t]+NIÊN[ \t]+CỘNG[ \t]+SẢN)", re.IGNORECASE
)
_NOI_NHAN_RE = re.compile(r"N[ƠO]I[ \t]+NH[ẬA]N", re.IGNORECASE)
_PARTY_SYMBOL_RE = re.compile(r"^[\d\s.…_]*[a-z]?-([A-ZĐ][A-Za-zĐđ]*)/")
_STATE_SYMBOL_RE = re.compile(r"^[\d\s.…_]*/(?:\d{4}/)?([A-ZĐ][A-Za-zĐđ]*)-")
_LEAD_RE = re.compile(r"(?:Số|SỐ|So|số)[ \t]*(:?)[ \t.…_]*$")
_STATE_SIGN_RE = re.compile(r"^(TM|KT|TL|TUQ)\.")
_PARTY_SIGN_RE = re.compile(r"^(T/M|K/T|T/L)\b")
_YEAR_MONTH_RE = re.compile(r"(?:thang[ \t]+(\d{1,2})[ \t.…_]*)?nam[ \t]+(\d{4})")
_SECRETARY_RE = re.compile(r"(?:PHÓ[ \t]+)?BÍ[ \t]+THƯ\b", re.IGNORECASE)
_MONTH_WORD_RE = re.compile(r"tháng", re.IGNORECASE)
_CHI_BO_RE = re.compile(r"CHI[ \t]+BỘ", re.IGNORECASE)
_DANG_UY_RE = re.compile(r"ĐẢNG[ \t]+(?:ỦY|UỶ)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Finding:
    """One format problem: which rule, a Vietnamese message, where, and the rule's source."""

    rule_id: str
    message: str
    line: int | None  # 1-based line of the normalised text
    excerpt: str
    source: str
    source_read: bool
    severity: str = "warning"

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule_id,
            "message": self.message,
            "line": self.line,
            "excerpt": self.excerpt,
            "severity": self.severity,
            "source": self.source,
            "source_read": self.source_read,
        }


def document_kind(doc: ParsedDocument) -> Kind | None:
    """ "party" or "state" from the header line or, failing that, the symbol's shape."""
    if doc.doc_type == "Tin bài":
        return None
    end = _header_end(doc)
    if _OTHER_TITLE_RE.search(doc.text, 0, end):
        return None  # the Youth Union's documents follow its own rules
    if _PARTY_TITLE_RE.search(doc.text, 0, end):
        return "party"
    if _STATE_TITLE_RE.search(doc.text, 0, end):
        return "state"
    number = doc.number or ""
    if _PARTY_SYMBOL_RE.match(number):
        return "party"
    if _STATE_SYMBOL_RE.match(number) or ("/" in number and "-" in number.split("/", 1)[1]):
        return "state"
    return None


def _header_end(doc: ParsedDocument) -> int:
    ends = [
        span[1]
        for key in ("number", "date_raw", "doc_type")
        if isinstance(span := doc.spans.get(key), tuple)
    ]
    return min(len(doc.text), max(ends) + 300 if ends else 1500)


def _date_range(doc: ParsedDocument) -> tuple[dt.date, dt.date] | None:
    """The day the document is dated, or the first and last day of a partial date."""
    if doc.date:
        try:
            day = dt.date.fromisoformat(doc.date)
        except ValueError:
            return None
        return day, day
    if not doc.date_raw:
        return None
    found = _YEAR_MONTH_RE.search(fold(doc.date_raw))
    if not found:
        return None
    year = int(found.group(2))
    month = int(found.group(1)) if found.group(1) else 0
    if 1 <= month <= 12:
        last = (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)
        return dt.date(year, month, 1), last
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def rule_set_of(doc: ParsedDocument) -> RuleSet | None:
    """The rule set the document is judged by: its kind and its date (a partial date only when
    the whole month or year falls under one rule set). None for undated documents, web
    articles, and documents older than the rule sets held."""
    kind = document_kind(doc)
    period = _date_range(doc) if kind else None
    if kind is None or period is None:
        return None
    first = rule_set_for(period[0], kind)
    if first is None or first is not rule_set_for(period[1], kind):
        return None
    return first


class _Checker:
    def __init__(self, doc: ParsedDocument, rules: RuleSet, kind_from_title: bool) -> None:
        self.doc = doc
        self.rules = rules
        self.kind_from_title = kind_from_title
        self.findings: list[Finding] = []

    def add(self, rule: Rule, message: str, at: int | None = None) -> None:
        text = self.doc.text
        line = excerpt = None
        if at is not None:
            line = text.count("\n", 0, at) + 1
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            excerpt = text[start : end if end >= 0 else len(text)].strip()[:120]
        self.findings.append(
            Finding(rule.id, message, line, excerpt or "", rule.source, rule.source_read)
        )

    def run(self) -> list[Finding]:
        party = self.rules.kind == "party"
        self._title(party)
        self._number(party)
        self._date()
        self._signature(party)
        if party and "issuer_name" in self.rules.rules:
            self._issuer()
        self._recipients()
        self._authority()
        return self.findings

    def _title(self, party: bool) -> None:
        if self.kind_from_title or not self._header_read():
            return
        rule = self.rules.rules["title_line"]
        if party:
            self.add(rule, "Thiếu dòng 'ĐẢNG CỘNG SẢN VIỆT NAM' (tiêu đề văn bản của Đảng).")
        else:
            self.add(rule, "Thiếu Quốc hiệu 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'.")

    def _header_read(self) -> bool:
        """Whether any header text was read above the number line. A text whose first lines are
        blank up to "Số …" lost its header block (an image or a text box of the original): a
        missing title there says nothing of the document."""
        span = self.doc.spans.get("number")
        if not isinstance(span, tuple):
            return True
        line_start = self.doc.text.rfind("\n", 0, span[0]) + 1
        return any(ch.isalpha() for ch in self.doc.text[:line_start])

    def _number(self, party: bool) -> None:
        doc, rule = self.doc, self.rules.rules["number_form"]
        span = doc.spans.get("number")
        if not doc.number or not isinstance(span, tuple):
            return
        start = span[0]
        line_start = doc.text.rfind("\n", 0, start) + 1
        lead = _LEAD_RE.search(doc.text, max(line_start, start - 30), start)
        if lead and party and lead.group(1):
            self.add(
                rule, "Văn bản của Đảng không dùng 'Số:' có dấu hai chấm; ghi 'Số 12-KH/…'.", start
            )
        elif lead and not party and not lead.group(1):
            self.add(rule, "Văn bản hành chính ghi 'Số:' có dấu hai chấm sau chữ 'Số'.", start)
        shape = (_PARTY_SYMBOL_RE if party else _STATE_SYMBOL_RE).match(doc.number)
        if self.kind_from_title and shape is None:
            if party and _STATE_SYMBOL_RE.match(doc.number):
                self.add(
                    rule,
                    "Ký hiệu văn bản của Đảng ghi số, gạch nối, ký hiệu tên loại, gạch chéo, "
                    f"ký hiệu cơ quan ('12-KH/TU'), không ghi '{doc.number}'.",
                    start,
                )
            elif not party and _PARTY_SYMBOL_RE.match(doc.number):
                self.add(
                    rule,
                    "Ký hiệu văn bản hành chính ghi số, gạch chéo, ký hiệu tên loại, gạch nối, "
                    f"ký hiệu cơ quan ('12/KH-UBND'), không ghi '{doc.number}'.",
                    start,
                )
        if shape and "doc_type" in doc.spans:
            for doc_type in self.rules.types:
                if doc_type.name == doc.doc_type:
                    if doc_type.code and shape.group(1) != doc_type.code:
                        self.add(
                            doc_type.rule,
                            f"Ký hiệu tên loại '{shape.group(1)}' không khớp tên loại "
                            f"'{doc.doc_type}' (ký hiệu: {doc_type.code}).",
                            start,
                        )
                    break

    def _date(self) -> None:
        doc, rule = self.doc, self.rules.rules["date_form"]
        span = doc.spans.get("date_raw")
        if doc.date_raw and isinstance(span, tuple) and not _MONTH_WORD_RE.search(doc.date_raw):
            self.add(rule, "Ngày tháng không viết theo dạng 'ngày … tháng … năm …'.", span[0])

    def _signature(self, party: bool) -> None:
        doc, rules = self.doc, self.rules.rules
        behalf = doc.on_behalf or ""
        at = doc.spans.get("on_behalf")
        where = at[0] if isinstance(at, tuple) else None
        if party and _STATE_SIGN_RE.match(behalf):
            self.add(
                rules["signature_form"],
                f"Văn bản của Đảng ghi 'T/M', 'K/T', 'T/L' (gạch chéo), không ghi '{behalf.split()[0]}'.",
                where,
            )
        elif not party and _PARTY_SIGN_RE.match(behalf):
            self.add(
                rules["signature_form"],
                "Văn bản hành chính ghi 'TM.', 'KT.', 'TL.', 'TUQ.' (dấu chấm), không ghi "
                f"'{behalf.split()[0]}'.",
                where,
            )
        if not party or "signature_collective" not in rules:
            return
        if not _SECRETARY_RE.match(doc.signer_title or ""):
            return
        title_at = doc.spans.get("signer_title")
        title_pos = title_at[0] if isinstance(title_at, tuple) else where
        if not behalf:
            self.add(
                rules["signature_collective"],
                "Tập thể lãnh đạo ký phải ghi 'T/M' (thay mặt) trước tên cấp ủy, ví dụ "
                "'T/M ĐẢNG ỦY' trên chức vụ bí thư, phó bí thư.",
                title_pos,
            )
        elif behalf.startswith(("K/T", "KT")):
            self.add(
                rules["signature_collective"],
                "Cấp ủy ký thay mặt tập thể ('T/M …'), không ký thay ('K/T').",
                where,
            )

    def _issuer_line(self) -> tuple[str, int] | None:
        """The last line of the header's left column before the number line: the issuing body.
        None unless a line above it (the superior body) was read too — with one header line
        read, a lost line cannot be told from a wrong one."""
        span = self.doc.spans.get("number")
        if not isinstance(span, tuple):
            return None
        text = self.doc.text
        end = text.rfind("\n", 0, span[0])
        start = 0
        found: list[tuple[str, int]] = []
        for raw in text[: max(end, 0)].split("\n"):
            line = _PARTY_TITLE_RE.sub("", raw).strip(" \t*-_")
            if line and line.upper() == line and not line.startswith(("Số", "SỐ")):
                found.append((line, start))
            start += len(raw) + 1
        return found[-1] if len(found) >= 2 else None

    def _issuer(self) -> None:
        """A cấp ủy signs 'T/M ĐẢNG ỦY' / 'T/M BAN THƯỜNG VỤ' and a chi bộ 'T/M CHI BỘ': the
        issuing body's line must name that body, not the đảng bộ it leads."""
        behalf = fold(self.doc.on_behalf or "")
        issuer = self._issuer_line()
        if issuer is None or not behalf.startswith("t/m "):
            return
        line, at = issuer
        folded = fold(line)
        rule = self.rules.rules["issuer_name"]
        committee = behalf.startswith(("t/m dang uy", "t/m ban thuong vu"))
        if committee and folded.startswith("dang bo "):
            self.add(
                rule,
                f"Dòng tên cơ quan ban hành ghi '{line}' (đảng bộ) nhưng văn bản ký "
                f"'{self.doc.on_behalf}': cơ quan ban hành là cấp ủy, ghi 'ĐẢNG ỦY …' "
                "(hoặc tên cấp ủy).",
                at,
            )
        elif behalf.startswith("t/m chi bo") and folded.startswith(("dang bo ", "dang uy ")):
            self.add(
                rule,
                f"Dòng tên cơ quan ban hành ghi '{line}' nhưng văn bản ký 'T/M CHI BỘ': cơ quan "
                "ban hành là chi bộ, ghi 'CHI BỘ …'.",
                at,
            )

    def _recipients(self) -> None:
        doc = self.doc
        if doc.recipients or _NOI_NHAN_RE.search(doc.text, max(0, len(doc.text) - 5000)):
            return
        self.add(self.rules.rules["recipients"], "Thiếu 'Nơi nhận'.")

    def _authority(self) -> None:
        body = issuing_body(self.doc)
        if body is None or not self.rules.authority:
            return
        authority = self.rules.authority_of(body)
        if authority is not None and self.doc.doc_type in authority.may_not_issue:
            at = self.doc.spans.get("doc_type")
            self.add(
                authority.rule,
                f"Loại văn bản '{self.doc.doc_type}' không thuộc thẩm quyền ban hành của "
                f"{authority.body}.",
                at[0] if isinstance(at, tuple) else None,
            )


def issuing_body(doc: ParsedDocument) -> str | None:
    """The row of the authority table a party document falls under, when its text says so:
    "chi bộ" (a chi bộ signs), "đảng ủy cơ sở" / "ban thường vụ đảng ủy cơ sở" (signed
    'T/M ĐẢNG ỦY' / 'T/M BAN THƯỜNG VỤ' under the symbol of a base committee, '…/ĐU').
    None otherwise (a committee above the base: its rows were not read)."""
    issuers = " ".join(x for x in (doc.on_behalf, doc.issuer) if x)
    if _CHI_BO_RE.search(issuers) and not _DANG_UY_RE.search(issuers):
        return "chi bộ"
    behalf = fold(doc.on_behalf or "")
    if not (doc.number or "").replace(" ", "").endswith("/ĐU"):
        return None
    if behalf.startswith("t/m dang uy"):
        return "đảng ủy cơ sở"
    if behalf.startswith("t/m ban thuong vu"):
        return "ban thường vụ đảng ủy cơ sở"
    return None


def layout_findings(rules: RuleSet, layout: DocxLayout) -> list[Finding]:
    """The margin, font, size and page-number findings of a .docx's layout under ``rules`` (for
    a document already parsed: add them to its ``format_findings``)."""
    return _layout(rules, layout)


def _layout(rules: RuleSet, layout: DocxLayout) -> list[Finding]:
    spec, found = rules.layout, []
    names = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}
    for side, allowed in spec.margins_mm.items():
        value = layout.margins_mm.get(side)
        if value is not None and value not in allowed:
            found.append(
                Finding(
                    spec.margins.id,
                    f"Lề {names[side]} {value:g} mm; quy định {allowed} mm.",
                    None,
                    "",
                    spec.margins.source,
                    spec.margins.source_read,
                )
            )
    other = sorted(layout.fonts - spec.fonts)
    if other:
        found.append(
            Finding(
                spec.font.id,
                f"Phông chữ {', '.join(other)}; quy định {', '.join(sorted(spec.fonts))}.",
                None,
                "",
                spec.font.source,
                spec.font.source_read,
            )
        )
    size = layout.body_size_pt
    if size is not None and size not in spec.body_size_pt:
        found.append(
            Finding(
                spec.body_size.id,
                f"Cỡ chữ nội dung {size:g}; quy định {spec.body_size_pt}.",
                None,
                "",
                spec.body_size.source,
                spec.body_size.source_read,
            )
        )
    if not layout.has_page_numbers and (layout.pages or 0) > 1:
        found.append(
            Finding(
                spec.page_numbers.id,
                "Văn bản nhiều trang nhưng không đánh số trang.",
                None,
                "",
                spec.page_numbers.source,
                spec.page_numbers.source_read,
            )
        )
    return found


def check_format(
    document: str | ParsedDocument,
    *,
    docx_layout: DocxLayout | None = None,
    rule_set: RuleSet | None = None,
) -> list[Finding]:
    """Kiểm tra thể thức: the findings (warnings) of a document against the rules in force on
    its date, or against ``rule_set`` when given. ``docx_layout`` (see
    :func:`vanban.docx_layout.read_docx_layout`) adds the margin, font, size and page-number
    rules. An undated document, a web article or a document older than the rule sets held gets
    no findings unless ``rule_set`` is given."""
    if isinstance(document, str):
        from vanban.parser import parse

        document = parse(document)
    rules = rule_set or rule_set_of(document)
    if rules is None:
        return []
    title = _PARTY_TITLE_RE if rules.kind == "party" else _STATE_TITLE_RE
    has_title = title.search(document.text, 0, _header_end(document)) is not None
    findings = _Checker(document, rules, has_title).run()
    if docx_layout is not None:
        findings += _layout(rules, docx_layout)
    return findings


def format_report(doc: ParsedDocument) -> tuple[str | None, list[dict[str, Any]]]:
    """``(rule set name, findings as dicts)`` for :meth:`ParsedDocument.to_dict`."""
    rules = rule_set_of(doc)
    if rules is None:
        return None, []
    return rules.name, [f.to_dict() for f in check_format(doc, rule_set=rules)]


__all__ = [
    "Finding",
    "check_format",
    "document_kind",
    "format_report",
    "issuing_body",
    "layout_findings",
    "rule_set_of",
]
