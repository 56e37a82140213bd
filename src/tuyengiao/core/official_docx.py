"""Official documents (văn bản) as .docx: the one place that lays out the first-page header, the
type and summary, the body's headings, the signature block, "Nơi nhận", margins, font and page
numbers — for every document the product drafts (the implementing plan, the study report, the
compiled report, a công văn).

The rules come from :mod:`vanban.rules` (the rule set in force on the document's date for its
kind): party documents follow Hướng dẫn 36-HD/VPTW until 26/5/2026 and 05-HD/VPTW with Quy định
399-QĐ/TW after, state documents Nghị định 30/2020/NĐ-CP. Sizes and styles are read from the rule
set's presentation table (``RuleSet.presentation``); margins from its layout. Who issues the
document — the lines of the header, the symbol's code, the signature — is a
:class:`Letterhead`, built from a unit by :func:`tuyengiao.orgs.letterhead.letterhead_for`.

Nothing here reads the database: a :class:`Letterhead` and the content make the document.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from docx import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from vanban.rules import RuleSet, rule_set_for
from vanban.rules.base import Component

if TYPE_CHECKING:
    from docx.document import Document as DocxDocumentType
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
# The number is written in when the document is signed and registered: the draft leaves room for
# three or four handwritten digits (05-HD/VPTW, reported: "Số      -NQ/ĐU"). No-break spaces, so
# that Word neither collapses nor wraps the blank.
NUMBER_BLANK = "\u00a0" * 8
# The day of the date line is left blank as well: it is the signing day.
DAY_BLANK = "\u00a0" * 6

Kind = Literal["party", "state"]


@dataclass(frozen=True)
class Letterhead:
    """The issuing body as its documents name it.

    ``superior`` and ``issuer`` are the two upper-case lines of the header's left column
    ("ĐẢNG BỘ TỈNH BÌNH AN" / "ĐẢNG ỦY XÃ TÂN LẬP"); ``name`` is the issuing body in running
    text ("Đảng ủy xã Tân Lập"), ``superior_name`` the body it reports to ("Ban Thường vụ Tỉnh
    ủy"); ``code`` the body's part of the symbol ("ĐU" in "12-KH/ĐU"); ``on_behalf`` and
    ``signer_title`` the signature block ("T/M ĐẢNG ỦY" / "BÍ THƯ"); ``has_seal`` False for a
    body without a seal (a chi bộ trực thuộc); ``body`` the row of the authority table it falls
    under ("chi bộ", "đảng ủy cơ sở" …) or None when the table held has none for it."""

    kind: Kind
    superior: str
    issuer: str
    name: str
    code: str
    place: str
    superior_name: str = ""
    on_behalf: str = ""
    signer_title: str = ""
    has_seal: bool = True
    body: str | None = None
    subordinates: str = "các đơn vị trực thuộc"
    office: str = "Văn phòng"

    @property
    def is_party(self) -> bool:
        return self.kind == "party"


def rules_for(letterhead: Letterhead, on: date) -> RuleSet:
    """The rule set in force on ``on`` for the letterhead's kind (the latest one when ``on`` is
    before every rule set held)."""
    rules = rule_set_for(on, letterhead.kind) or rule_set_for(date(2026, 12, 31), letterhead.kind)
    assert rules is not None  # both kinds have a rule set in force today
    return rules


def doc_code(rules: RuleSet, type_name: str) -> str | None:
    """The type's code in the symbol ("KH"), or None (a state công văn has none)."""
    return rules.code_of(type_name)


def symbol(letterhead: Letterhead, rules: RuleSet, type_name: str, number: str = "") -> str:
    """The symbol with its number, or with a blank wide enough to write it in.

    Party: "12-KH/ĐU" (number, hyphen, type code, slash, body code). State: "12/KH-UBND";
    a state công văn "12/STTTT" (no type code; the drafting unit's code is added by hand)."""
    number = number.strip() or NUMBER_BLANK
    code = doc_code(rules, type_name)
    if letterhead.is_party:
        return f"{number}-{code or 'CV'}/{letterhead.code}"
    if code is None:
        return f"{number}/{letterhead.code}"
    return f"{number}/{code}-{letterhead.code}"


def number_line(letterhead: Letterhead, rules: RuleSet, type_name: str, number: str = "") -> str:
    """ "Số 12-KH/ĐU" (party: no colon) or "Số: 12/KH-UBND" (state: a colon)."""
    lead = "Số" if letterhead.is_party else "Số:"
    return f"{lead} {symbol(letterhead, rules, type_name, number)}"


def date_line(letterhead: Letterhead, on: date, *, day_blank: bool = True) -> str:
    """ "<place>, ngày … tháng … năm …": the day blank for the signing day (or written, with a 0
    below 10); months 1 and 2 with a leading 0 (05-HD/VPTW and NĐ 30/2020, as reported)."""
    month = f"{on.month:02d}" if on.month < 3 else str(on.month)
    day = DAY_BLANK if day_blank else f"{on.day:02d}"
    return f"{letterhead.place}, ngày {day} tháng {month} năm {on.year}"


# --- low-level helpers --------------------------------------------------------------------------


def set_run(
    run: Any, size: float, *, bold: bool = False, italic: bool = False, underline: bool = False
) -> Any:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    run.underline = underline
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    return run


def _paragraph(
    container: Any,
    text: str = "",
    size: float = 14,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    align: Any = WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent: bool = False,
    space_after: float = 6,
) -> Paragraph:
    p: Paragraph = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_after = Pt(space_after)
    fmt.space_before = Pt(0)
    if indent:
        fmt.first_line_indent = Mm(12.7)
    if text:
        set_run(p.add_run(text), size, bold=bold, italic=italic, underline=underline)
    return p


def _styled(container: Any, text: str, style: Component, **extra: Any) -> Paragraph:
    """A paragraph set as a component of the presentation table (its lower size)."""
    underline = bool(extra.pop("underline", False)) or style.underline
    return _paragraph(
        container,
        text.upper() if style.upper else text,
        style.size_pt.low,
        bold=style.bold,
        italic=style.italic,
        underline=underline,
        align=extra.pop("align", WD_ALIGN_PARAGRAPH.CENTER),
        space_after=extra.pop("space_after", 0),
    )


def _empty_cell(cell: _Cell) -> None:
    first = cell.paragraphs[0]._element
    first.getparent().remove(first)


def _no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def _widths(table: Table, widths: Sequence[Any]) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=False):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


def _page_number_field(paragraph: Paragraph, size: float) -> None:
    run = set_run(paragraph.add_run(), size)
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.extend([begin, instruction, separate, end])


# --- the document -------------------------------------------------------------------------------


@dataclass
class OfficialDocument:
    """A document being written: :func:`start` lays out the first page's header, type and
    summary; the caller adds the body with :meth:`heading`, :meth:`paragraph` and
    :meth:`table`; :meth:`finish` adds "Nơi nhận" and the signature block and returns the
    bytes."""

    letterhead: Letterhead
    rules: RuleSet
    type_name: str
    doc: DocxDocumentType
    body_size: float
    recipients_heading: list[str] = field(default_factory=list)

    # body -----------------------------------------------------------------------------------

    def heading(self, text: str) -> Paragraph:
        """A section heading ("I. MỤC ĐÍCH, YÊU CẦU"): upper case, bold."""
        return _paragraph(self.doc, text.upper(), self.body_size, bold=True, indent=True)

    def paragraph(self, text: str, *, bold: bool = False, italic: bool = False) -> Paragraph:
        return _paragraph(self.doc, text, self.body_size, bold=bold, italic=italic, indent=True)

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths_cm: Sequence[float] = (),
        size: float = 12,
    ) -> Table:
        """A bordered table (figures right-aligned); ``widths_cm`` share the 16.5 cm text width."""
        table: Table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, header in zip(table.rows[0].cells, headers, strict=True):
            _empty_cell(cell)
            _paragraph(
                cell, header, size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0
            )
        for row in rows:
            cells = table.add_row().cells  # type: ignore[no-untyped-call]
            for i, (cell, value) in enumerate(zip(cells, row, strict=True)):
                _empty_cell(cell)
                figure = (
                    i >= 1 and value.replace(",", "").replace(".", "").replace(" %", "").isdigit()
                )
                _paragraph(
                    cell,
                    value,
                    size,
                    align=WD_ALIGN_PARAGRAPH.RIGHT if figure else WD_ALIGN_PARAGRAPH.LEFT,
                    space_after=0,
                )
        if widths_cm:
            _widths(table, [Cm(w) for w in widths_cm])
        return table

    # end ------------------------------------------------------------------------------------

    def finish(self, recipients: Sequence[str]) -> bytes:
        """ "Nơi nhận" (left) and the signature block (right), then the .docx bytes.

        ``recipients`` are the lines after "Nơi nhận:", without the dash; the last one is the
        office's copy ("Lưu Văn phòng")."""
        lh, party = self.letterhead, self.letterhead.is_party
        _paragraph(self.doc, "", self.body_size, space_after=0)
        closing = self.doc.add_table(rows=1, cols=2)
        _no_borders(closing)
        _widths(closing, (Cm(7.5), Cm(9.0)))
        left, right = closing.rows[0].cells
        _empty_cell(left)
        _empty_cell(right)
        label = _paragraph(left, "", align=WD_ALIGN_PARAGRAPH.LEFT, space_after=0)
        if party:  # "Nơi nhận" underlined (05-HD/VPTW, as reported), the list in 12
            set_run(label.add_run("Nơi nhận:"), 14, underline=True)
            size = 12
        else:  # NĐ 30/2020: "Nơi nhận:" 12 bold italic, the list in 11
            set_run(label.add_run("Nơi nhận:"), 12, bold=True, italic=True)
            size = 11
        lines = list(recipients)
        for i, line in enumerate(lines):
            end = "." if i == len(lines) - 1 else ("," if party else ";")
            _paragraph(
                left,
                f"- {line.rstrip('.,;')}{end}",
                size,
                align=WD_ALIGN_PARAGRAPH.LEFT,
                space_after=0,
            )
        sign_size = 14
        if lh.on_behalf:
            _paragraph(
                right,
                lh.on_behalf,
                sign_size,
                bold=True,
                align=WD_ALIGN_PARAGRAPH.CENTER,
                space_after=0,
            )
        # party: the signer's title not bold under the authority line (05-HD/VPTW, as reported);
        # state: both bold (NĐ 30/2020)
        _paragraph(
            right,
            lh.signer_title,
            sign_size,
            bold=not party or not lh.on_behalf,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            space_after=0,
        )
        for _ in range(4):  # room for the signature (and the seal, when the body has one)
            _paragraph(right, "", sign_size, space_after=0)
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def start(
    letterhead: Letterhead,
    type_name: str,
    summary: str,
    on: date,
    *,
    number: str = "",
    to: str = "",
    day_blank: bool = True,
) -> OfficialDocument:
    """A new document of ``type_name`` ("Kế hoạch", "Báo cáo", "Công văn" …) issued by
    ``letterhead`` and dated ``on`` (the day left blank unless ``day_blank`` is False): page,
    margins, font, page numbers from page 2, the two-column header, the type name and summary
    (for a công văn: "V/v <summary>" under the number, then "Kính gửi: <to>")."""
    rules = rules_for(letterhead, on)
    presentation = rules.presentation
    assert presentation is not None
    party = letterhead.is_party
    cong_van = type_name == "Công văn"
    doc = DocxDocument()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    margins = rules.layout.margins_mm
    section.top_margin, section.bottom_margin = Mm(margins["top"].low), Mm(margins["bottom"].low)
    section.left_margin, section.right_margin = Mm(margins["left"].low), Mm(margins["right"].low)
    section.header_distance = Mm(10)
    body_size = 14.0 if 14 in presentation["body"].size_pt else presentation["body"].size_pt.low
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(body_size)
    # page numbers from the second page, in the top margin, centred (layout rule "so-trang")
    section.different_first_page_header_footer = True
    header_paragraph = section.header.paragraphs[0]
    header_paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number_field(header_paragraph, body_size)

    head = doc.add_table(rows=1, cols=2)
    _no_borders(head)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(head, (Cm(7.5), Cm(9.0)) if party else (Cm(6.5), Cm(10.0)))
    left, right = head.rows[0].cells
    _empty_cell(left)
    _empty_cell(right)
    if letterhead.superior:
        _styled(left, letterhead.superior, presentation["superior"])
    _styled(left, letterhead.issuer, presentation["issuer"])
    if party:
        _styled(left, "*", presentation["superior"])
    else:
        _styled(left, "", presentation["superior"])
    _styled(left, number_line(letterhead, rules, type_name, number), presentation["number"])
    if cong_van:
        _styled(left, f"V/v {summary}", presentation["cv_summary"])
    if party:
        _styled(right, "ĐẢNG CỘNG SẢN VIỆT NAM", presentation["title"], underline=True)
        _styled(right, "", presentation["place_date"])
    else:
        _styled(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", presentation["title"])
        _styled(right, "Độc lập - Tự do - Hạnh phúc", presentation["motto"], underline=True)
        _styled(right, "", presentation["place_date"])
    _styled(right, date_line(letterhead, on, day_blank=day_blank), presentation["place_date"])

    _paragraph(doc, "", body_size, space_after=0)
    if cong_van:
        if to:
            _paragraph(
                doc,
                f"Kính gửi: {to}",
                body_size,
                align=WD_ALIGN_PARAGRAPH.CENTER,
                space_after=6,
            )
    else:
        _styled(doc, type_name, presentation["type_name"])
        if summary:
            _styled(doc, summary, presentation["summary"])
        _styled(doc, "-----" if party else "__________", presentation["body"], space_after=6)
    return OfficialDocument(letterhead, rules, type_name, doc, body_size)


def fill_number(docx_bytes: bytes, number: str) -> bytes:
    """The draft with its number written in ("Số      -KH/ĐU" → "Số 12-KH/ĐU"), as the office
    does when the document is signed and registered."""
    import re

    doc = DocxDocument(io.BytesIO(docx_bytes))
    for cell in doc.tables[0].rows[0].cells:
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                if run.text.startswith("Số"):
                    run.text = re.sub(
                        r"^(Số:?)[\s\u00a0]*([-/])", rf"\g<1> {number}\g<2>", run.text
                    )
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
