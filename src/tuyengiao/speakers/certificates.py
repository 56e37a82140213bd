"""Certificates (giấy chứng nhận) as .docx, filled from a template of lines with placeholders:
``{ho_ten}``, ``{don_vi}``, ``{noi_dung}``, ``{so}``, ``{ngay}``, ``{to_chuc}``. A unit may keep
its own wording by changing ``COURSE_TEMPLATE`` / ``CONTEST_TEMPLATE``; the layout (A4 landscape,
Times New Roman, centred) is fixed here."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from docx import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Line:
    text: str
    size: float = 14
    bold: bool = False
    italic: bool = False
    space_after: float = 6


COURSE_TEMPLATE: Sequence[Line] = (
    Line("{to_chuc_hoa}", 13, bold=True),
    Line("GIẤY CHỨNG NHẬN", 28, bold=True, space_after=18),
    Line("Chứng nhận đồng chí: {ho_ten}", 18, bold=True),
    Line("Đơn vị: {don_vi}", 14),
    Line("Đã hoàn thành {noi_dung}", 14, space_after=18),
    Line("Số: {so}", 13, italic=True),
    Line("{ngay}", 13, italic=True),
)

CONTEST_TEMPLATE: Sequence[Line] = (
    Line("{to_chuc_hoa}", 13, bold=True),
    Line("GIẤY CHỨNG NHẬN", 28, bold=True, space_after=18),
    Line("{ho_ten}", 18, bold=True),
    Line("Đơn vị: {don_vi}", 14),
    Line("{noi_dung}", 14, space_after=18),
    Line("{ngay}", 13, italic=True),
)


def date_words(on: date, place: str = "") -> str:
    prefix = f"{place}, " if place else ""
    return f"{prefix}ngày {on.day:02d} tháng {on.month:02d} năm {on.year}"


def certificate_docx(template: Sequence[Line], values: Mapping[str, str]) -> bytes:
    data = dict(values)
    data.setdefault("to_chuc_hoa", data.get("to_chuc", "").upper())
    doc = DocxDocument()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for margin in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, margin, Mm(25))
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    for line in template:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(line.space_after)
        run = paragraph.add_run(line.text.format_map(_Blank(data)))
        run.font.size = Pt(line.size)
        run.font.name = "Times New Roman"
        run.bold = line.bold
        run.italic = line.italic
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""
