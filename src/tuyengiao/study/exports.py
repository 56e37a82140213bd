"""Exports of a round: attendance and results as .xlsx, the summary report as .docx (party format).

The .docx follows the layout of a party report (Hướng dẫn 36-HD/VPTW): on the left the superior
body and the issuing unit, "*", the symbol "Số …-BC/<short name>"; on the right "ĐẢNG CỘNG SẢN
VIỆT NAM" and the place/date line; then the title "BÁO CÁO / Kết quả học tập, quán triệt …",
the body with the rate table, "Nơi nhận" and the signature block.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from docx import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from tuyengiao.core.spreadsheets import workbook_bytes
from tuyengiao.formats.numbers import number, percent
from tuyengiao.orgs.models import Unit

from .models import StudyRound, StudySession
from .services.attendance import signin_sheet_rows
from .services.quizzes import ScoreRow
from .services.rates import RateRow, rate_for_unit, units_reported

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
RATE_HEADERS = [
    "Đơn vị",
    "Số đảng viên",
    "Miễn học",
    "Phải học",
    "Đã học",
    "Tỷ lệ (%)",
    "Đạt chỉ tiêu",
]


def _rate_cells(row: RateRow) -> list[object]:
    name = ("Trực thuộc " + row.unit.name) if row.direct else row.unit.name
    rate = float(row.rate) if row.rate is not None else None
    return [
        name,
        row.eligible,
        row.exempted,
        row.expected,
        row.attended,
        rate,
        "Chưa đạt" if row.below_target else "Đạt",
    ]


def rates_xlsx(study_round: StudyRound, unit: Unit, rows: Sequence[RateRow]) -> bytes:
    total = rate_for_unit(study_round, unit)
    body = [_rate_cells(r) for r in rows]
    body.append(
        [
            "Cộng",
            total["eligible"],
            total["exempted"],
            total["eligible"] - total["exempted"],
            total["attended"],
            float(total["rate"]) if total["rate"] is not None else None,
            "",
        ]
    )
    return workbook_bytes([("Tỷ lệ tham gia", RATE_HEADERS, body)])


def session_sheet_xlsx(session: StudySession) -> bytes:
    headers = ["STT", "Họ và tên", "Năm sinh", "Đơn vị", "Tình trạng", "Ký tên"]
    return workbook_bytes([("Danh sách ký tên", headers, signin_sheet_rows(session))])


def results_xlsx(rows: Sequence[ScoreRow]) -> bytes:
    headers = ["Đơn vị", "Số bài", "Số bài đạt", "Tỷ lệ đạt (%)", "Điểm trung bình (%)"]
    body = [
        [
            r.unit.name,
            r.takers,
            r.passed,
            float(r.pass_rate) if r.pass_rate is not None else None,
            float(r.average) if r.average is not None else None,
        ]
        for r in rows
    ]
    return workbook_bytes([("Kết quả kiểm tra", headers, body)])


def place_of(unit: Unit) -> str:
    """The place name of the date line, from the superior body's name ("ĐẢNG BỘ TỈNH BÌNH AN" → "Bình An")."""
    for source in (unit.parent_body_name, unit.name):
        upper = (source or "").upper()
        for marker in ("TỈNH ", "THÀNH PHỐ "):
            if marker in upper:
                return source[upper.index(marker) + len(marker) :].strip().title()
    return "……"


def _para(
    container: object,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: int = 13,
    align: int = WD_ALIGN_PARAGRAPH.CENTER,
    underline: bool = False,
) -> None:
    p = container.add_paragraph()  # type: ignore[attr-defined]
    p.alignment = align
    p.paragraph_format.space_after = Pt(0)
    run = p.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.size = Pt(size)
    run.font.name = "Times New Roman"


def summary_docx(
    study_round: StudyRound, unit: Unit, rows: Sequence[RateRow], on: date | None = None
) -> bytes:
    """The round's summary report of ``unit`` (its subtree), one row per child unit."""
    on = on or date.today()
    doc = DocxDocument()
    section = doc.sections[0]
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    head = doc.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    superior = (unit.parent_body_name or "").upper()
    if superior:
        _para(left, superior, size=13)
    _para(left, unit.name.upper(), bold=True, size=13)
    _para(left, "*", size=13)
    _para(left, f"Số …-BC/{unit.short_name or unit.code}", size=13)
    _para(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True, size=14)
    _para(right, "")
    _para(
        right,
        f"{place_of(unit)}, ngày {on.day:02d} tháng {on.month:02d} năm {on.year}",
        italic=True,
        size=14,
    )
    _para(doc, "")
    _para(doc, "BÁO CÁO", bold=True, size=15)
    studied = study_round.studied_title or study_round.title
    _para(doc, f"Kết quả học tập, quán triệt {studied}", bold=True, size=14)
    _para(doc, "-----", size=13)
    total = rate_for_unit(study_round, unit)
    rate_text = percent(total["rate"])
    reported, expected = units_reported(study_round, unit)
    reached = total["rate"] is not None and total["rate"] >= study_round.target_rate
    body = (
        f"Thực hiện {study_round.number + ' ' if study_round.number else ''}về {study_round.title}, "
        f"từ ngày {study_round.starts_on:%d/%m/%Y} đến ngày {study_round.ends_on:%d/%m/%Y}, {unit.name} "
        f"đã tổ chức học tập, quán triệt cho {total['eligible']} đảng viên thuộc diện học tập; miễn học "
        f"{total['exempted']} đồng chí theo quy định; số đảng viên tham gia {total['attended']}, đạt tỷ lệ "
        f"{rate_text} ({'đạt' if reached else 'chưa đạt'} chỉ tiêu {percent(study_round.target_rate, 0)}); "
        f"số liệu tổng hợp từ {reported}/{expected} đơn vị đã báo cáo (đã ghi nhận điểm danh)."
    )
    _para(doc, body, align=WD_ALIGN_PARAGRAPH.JUSTIFY, size=14)
    _para(doc, "Kết quả theo đơn vị:", align=WD_ALIGN_PARAGRAPH.LEFT, size=14)
    table = doc.add_table(rows=1, cols=len(RATE_HEADERS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, header in zip(table.rows[0].cells, RATE_HEADERS, strict=True):
        cell.text = header
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        values = _rate_cells(row)
        cells = table.add_row().cells
        for i, value in enumerate(values):
            cells[i].text = (
                number(value, 2, keep_zeros=True)
                if isinstance(value, float)
                else str(value if value is not None else "—")
            )
    below = [r for r in rows if r.below_target]
    if below:
        _para(
            doc,
            "Các đơn vị chưa đạt chỉ tiêu cần tổ chức học bù cho đảng viên vắng mặt: "
            + "; ".join(r.unit.name for r in below)
            + ".",
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            size=14,
        )
    _para(doc, "")
    sign = doc.add_table(rows=1, cols=2)
    recv, signer = sign.rows[0].cells
    _para(recv, "Nơi nhận:", bold=True, underline=True, size=12, align=WD_ALIGN_PARAGRAPH.LEFT)
    superior_name = (
        study_round.unit.name
        if study_round.unit_id != unit.pk
        else (unit.parent_body_name or "Cấp ủy cấp trên")
    )
    for line in (f"- {superior_name} (báo cáo),", "- Các đơn vị trực thuộc,", "- Lưu văn phòng."):
        _para(recv, line, size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _para(signer, "T/M BAN THƯỜNG VỤ" if unit.depth <= 2 else "T/M CẤP ỦY", bold=True, size=14)
    _para(signer, "BÍ THƯ", size=14)
    _para(signer, "")
    _para(signer, "")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
