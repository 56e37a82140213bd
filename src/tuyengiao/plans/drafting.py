"""The implementing plan of a receiving unit, drafted as a .docx in the official format.

Party bodies follow Hướng dẫn 36-HD/VPTW (2018): a two-column header — left "ĐẢNG BỘ …" / the
unit's name / "*" / "Số …-KH/<short name>", right "ĐẢNG CỘNG SẢN VIỆT NAM" underlined and the
place and date line in italics. State bodies follow Nghị định 30/2020/NĐ-CP: left the superior
body / the unit's name / "Số: …/KH-<short name>", right "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" /
"Độc lập - Tự do - Hạnh phúc" underlined / place and date. Times New Roman, 13–14 pt, A4.

The body carries the parent plan: the opening "Thực hiện Kế hoạch số … ngày … của … về …, <unit>
xây dựng kế hoạch thực hiện như sau:", I. Mục đích, yêu cầu; II. Nhiệm vụ, giải pháp (the parent's
tasks); III. Tổ chức thực hiện; Nơi nhận with the superior body first; the signature block. The
officer edits it in Word, has it signed, and uploads it; ``vanban`` then reads its "Thực hiện Kế
hoạch số …" and the library links it to the parent.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from docx import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

if TYPE_CHECKING:
    from docx.document import Document as DocxDocumentType
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

    from tuyengiao.orgs.models import Unit

FONT = "Times New Roman"
BLANK_NUMBER = "     "  # the number is given when the plan is signed


@dataclass
class DraftTask:
    title: str
    description: str = ""
    units: str = ""  # "Chủ trì: …; phối hợp: …"
    timeframe: str = ""


@dataclass
class ParentPlan:
    """What the draft needs to know of the plan it carries out."""

    number: str
    issuer: str
    title: str
    date: date | None = None
    doc_type: str = "Kế hoạch"
    tasks: list[DraftTask] = field(default_factory=list)


@dataclass
class Letterhead:
    """The receiving unit as the header of its document names it."""

    superior: str  # "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH" / "UBND TỈNH BÌNH AN"
    superior_name: str  # the superior body in running text: "Đảng ủy Khối các cơ quan tỉnh"
    name: str  # "Đảng bộ Sở Y tế"
    short_name: str  # "ĐU", "STTTT"
    place: str  # "Bình An"
    is_party: bool
    kind: str = ""
    subordinates: str = "các đơn vị trực thuộc"


# --- letterheads from the unit tree ----------------------------------------------------------------

_PLACE_PREFIXES = re.compile(
    r"^(tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ|ủy ban nhân dân (tỉnh|thành phố)|uỷ ban nhân dân (tỉnh|thành phố)|ubnd (tỉnh|thành phố)|đảng bộ tỉnh)\s+",
    re.IGNORECASE,
)


def place_of(unit: Unit) -> str:
    """The place of the date line: the province's name, from the root of the unit's tree."""
    from tuyengiao.orgs.models import Unit

    root = unit if unit.depth == 1 else Unit.objects.get(path=unit.path[: unit.steplen])
    name = _PLACE_PREFIXES.sub("", root.name).strip()
    return name or root.name


def party_superior_line(superior: Unit | None) -> str:
    """ "ĐẢNG BỘ …" naming the party organisation the unit belongs to."""
    if superior is None:
        return ""
    name = superior.name
    name = re.sub(
        r"^(Đảng ủy|Đảng uỷ|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Đảng bộ|Chi bộ)\s+", "", name
    )
    if re.match(r"^(Tỉnh|Thành)", superior.name):
        name = ("TỈNH " if superior.name.startswith("Tỉnh") else "THÀNH PHỐ ") + name
    return f"ĐẢNG BỘ {name}".upper()


def letterhead_for(unit: Unit) -> Letterhead:
    superior = unit.superior() if unit.depth > 1 else None
    if unit.parent_body_name:
        superior_line = unit.parent_body_name.upper()
    elif unit.is_party:
        superior_line = party_superior_line(superior)
    else:
        superior_line = superior.name.upper() if superior else ""
    subordinates = {
        "party_committee": "các tổ chức cơ sở đảng trực thuộc",
        "base_org": "các chi bộ trực thuộc",
        "cell": "các đảng viên trong chi bộ",
    }.get(unit.kind, "các phòng, đơn vị trực thuộc")
    return Letterhead(
        superior=superior_line,
        superior_name=superior.name if superior else "",
        name=unit.name,
        short_name=unit.short_name or unit.code,
        place=place_of(unit),
        is_party=unit.is_party,
        kind=unit.kind,
        subordinates=subordinates,
    )


# --- docx helpers ----------------------------------------------------------------------------------


def _set_font(
    run: Any, size: float, bold: bool = False, italic: bool = False, underline: bool = False
) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    run.underline = underline
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _para(
    container: DocxDocumentType | _Cell,
    text: str = "",
    size: float = 14,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    align: Any = WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent: bool = False,
    space_after: float = 6,
) -> Paragraph:
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_after = Pt(space_after)
    fmt.space_before = Pt(0)
    if indent:
        fmt.first_line_indent = Mm(12.7)
    if text:
        _set_font(p.add_run(text), size, bold, italic, underline)
    return p


def _cell_lines(cell: _Cell, lines: Sequence[tuple[str, float, dict[str, bool]]]) -> None:
    cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    for text, size, style in lines:
        _para(cell, text, size=size, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0, **style)


def vietnamese_date(d: date | None) -> str:
    return f"ngày {d.day} tháng {d.month} năm {d.year}" if d else ""


def _date_line(place: str, today: date) -> str:
    # Day left blank for the signing date; month and year of the draft.
    return f"{place}, ngày      tháng {today.month:02d} năm {today.year}"


def symbol_for(letterhead: Letterhead, number: str = BLANK_NUMBER) -> str:
    if letterhead.is_party:
        return f"{number.strip() or ''}-KH/{letterhead.short_name}"
    return f"{number.strip() or ''}/KH-{letterhead.short_name}"


def signature_for(letterhead: Letterhead) -> tuple[str, str]:
    """(on behalf line, title line) of the signature block."""
    if letterhead.is_party:
        if letterhead.kind == "base_org":
            return "T/M ĐẢNG ỦY", "BÍ THƯ"
        if letterhead.kind == "cell":
            return "T/M CHI BỘ", "BÍ THƯ"
        if letterhead.kind == "party_board":
            return "", "TRƯỞNG BAN"
        return "T/M BAN THƯỜNG VỤ", "BÍ THƯ"
    if letterhead.name.lower().startswith(("ủy ban nhân dân", "uỷ ban nhân dân")):
        return "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"
    return "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"


def _lower_first(text: str) -> str:
    text = text.strip().rstrip(".")
    if not text:
        return text
    if text.isupper():
        text = text.lower()
    return text[0].lower() + text[1:]


def opening_sentence(parent: ParentPlan, letterhead: Letterhead) -> str:
    when = f" {vietnamese_date(parent.date)}" if parent.date else ""
    about = f" về {_lower_first(parent.title)}" if parent.title else ""
    return (
        f"Thực hiện {parent.doc_type} số {parent.number}{when} của {parent.issuer}{about}, "
        f"{letterhead.name} xây dựng kế hoạch thực hiện như sau:"
    )


# --- the document ----------------------------------------------------------------------------------


def build_implementing_plan(
    letterhead: Letterhead, parent: ParentPlan, today: date | None = None
) -> bytes:
    """The draft implementing plan as .docx bytes."""
    today = today or date.today()
    doc = DocxDocument()
    section = doc.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)

    symbol = symbol_for(letterhead)
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    left, right = table.rows[0].cells
    widths = (Mm(75), Mm(90)) if letterhead.is_party else (Mm(65), Mm(100))
    for column, cell, width in zip(table.columns, (left, right), widths, strict=True):
        column.width = width
        cell.width = width
    if letterhead.is_party:
        _cell_lines(
            left,
            [
                (letterhead.superior, 14, {}),
                (letterhead.name.upper(), 14, {"bold": True}),
                ("*", 14, {}),
                (f"Số {symbol}", 14, {}),
            ],
        )
        _cell_lines(
            right,
            [
                ("ĐẢNG CỘNG SẢN VIỆT NAM", 15, {"bold": True, "underline": True}),
                ("", 14, {}),
                (_date_line(letterhead.place, today), 14, {"italic": True}),
            ],
        )
    else:
        _cell_lines(
            left,
            [
                (letterhead.superior, 13, {}),
                (letterhead.name.upper(), 13, {"bold": True}),
                (f"Số: {symbol}", 13, {}),
            ],
        )
        _cell_lines(
            right,
            [
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, {"bold": True}),
                ("Độc lập - Tự do - Hạnh phúc", 14, {"bold": True, "underline": True}),
                ("", 14, {}),
                (_date_line(letterhead.place, today), 14, {"italic": True}),
            ],
        )

    _para(doc, "", space_after=0)
    _para(
        doc,
        "KẾ HOẠCH",
        size=15 if letterhead.is_party else 14,
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        space_after=0,
    )
    parent_when = f" ngày {parent.date:%d/%m/%Y}" if parent.date else ""
    _para(
        doc,
        f"Thực hiện {parent.doc_type} số {parent.number}{parent_when} của {parent.issuer}",
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        space_after=0,
    )
    _para(doc, "-----" if letterhead.is_party else "__________", align=WD_ALIGN_PARAGRAPH.CENTER)

    _para(doc, opening_sentence(parent, letterhead), indent=True)

    _para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _para(
        doc,
        f"1. Quán triệt, triển khai đầy đủ, kịp thời nội dung {parent.doc_type} số {parent.number} "
        f"của {parent.issuer} đến cán bộ, đảng viên, công chức, viên chức và người lao động của {letterhead.name}.",
        indent=True,
    )
    _para(
        doc,
        "2. Xác định rõ nhiệm vụ, giải pháp, đơn vị chủ trì, đơn vị phối hợp và thời gian thực hiện; "
        "việc tổ chức thực hiện phải nghiêm túc, thiết thực, hiệu quả, phù hợp với tình hình thực tế của đơn vị.",
        indent=True,
    )

    _para(doc, "II. NHIỆM VỤ, GIẢI PHÁP", bold=True)
    for i, task in enumerate(parent.tasks, start=1):
        _para(doc, f"{i}. {task.title.strip().rstrip('.')}", bold=True, indent=True)
        for line in (task.description or "").split("\n"):
            line = line.strip()
            if line and line != task.title.strip():
                _para(doc, line, indent=True)
        if task.units:
            _para(doc, f"- Phân công thực hiện: {task.units}", indent=True)
        if task.timeframe:
            _para(doc, f"- Thời gian thực hiện: {task.timeframe}", indent=True)
    if not parent.tasks:
        _para(doc, "1. (Nêu các nhiệm vụ, giải pháp cụ thể của đơn vị.)", indent=True)

    _para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    _para(
        doc,
        f"1. Các đồng chí cấp ủy viên, {letterhead.subordinates} căn cứ Kế hoạch này xây dựng kế hoạch, "
        "chương trình cụ thể và tổ chức thực hiện có hiệu quả.",
        indent=True,
    )
    _para(
        doc,
        f"2. Văn phòng {letterhead.name} giúp theo dõi, đôn đốc, tổng hợp kết quả thực hiện, "
        f"định kỳ báo cáo {letterhead.superior_name or 'cấp trên'} theo quy định.",
        indent=True,
    )

    closing = doc.add_table(rows=1, cols=2)
    closing.autofit = False
    recv, sign = closing.rows[0].cells
    for column, cell, width in zip(closing.columns, (recv, sign), (Mm(80), Mm(85)), strict=True):
        column.width = width
        cell.width = width
    recv.paragraphs[0]._element.getparent().remove(recv.paragraphs[0]._element)
    p = _para(recv, "", align=WD_ALIGN_PARAGRAPH.LEFT, space_after=0)
    _set_font(
        p.add_run("Nơi nhận:"),
        12 if not letterhead.is_party else 14,
        underline=letterhead.is_party,
        bold=not letterhead.is_party,
        italic=not letterhead.is_party,
    )
    recipients = []
    if letterhead.superior_name:
        recipients.append(f"{letterhead.superior_name} (để báo cáo),")
    subordinates = letterhead.subordinates or "các đơn vị trực thuộc"
    recipients.append(f"{subordinates[0].upper()}{subordinates[1:]},")
    recipients.append("Lưu: Văn phòng.")
    for line in recipients:
        _para(recv, f"- {line}", size=12, align=WD_ALIGN_PARAGRAPH.LEFT, space_after=0)
    on_behalf, title = signature_for(letterhead)
    sign.paragraphs[0]._element.getparent().remove(sign.paragraphs[0]._element)
    for text in [on_behalf, title] if on_behalf else [title]:
        _para(sign, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    for _ in range(3):
        _para(sign, "", space_after=0)

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def draft_filename(letterhead: Letterhead, parent: ParentPlan) -> str:
    from tuyengiao.core.text import fold

    stem = fold(f"ke hoach {letterhead.short_name} thuc hien {parent.number}")
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-") + ".docx"


def fill_number(docx_bytes: bytes, number: str) -> bytes:
    """The draft with its number filled in ("Số -KH/ĐU" → "Số 12-KH/ĐU"), as the office does when
    the plan is signed and registered."""
    doc = DocxDocument(io.BytesIO(docx_bytes))
    for cell in doc.tables[0].rows[0].cells:
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                if run.text.startswith("Số"):
                    run.text = re.sub(r"^(Số:?)\s*([-/])", rf"\g<1> {number}\g<2>", run.text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
