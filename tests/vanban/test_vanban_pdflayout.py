"""A PDF read in the order a person reads it (:mod:`vanban.pdflayout`): a party document laid out
as e-office systems print it — the header and the footer as two-column tables, the title
centred, the body justified — written by Word's format (python-docx), printed by LibreOffice,
read back and parsed."""

from __future__ import annotations

from pathlib import Path

import pytest

import vanban
from vanban.pdflayout import _Box, page_text, reading_order
from vanban.testing import SOFFICE, convert_to_pdf


def _two_column_party_pdf(folder: Path) -> Path:
    docx = pytest.importorskip("docx")
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()

    def cell_lines(cell: object, lines: list[str]) -> None:
        cell.text = lines[0]  # type: ignore[attr-defined]
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER  # type: ignore[attr-defined]
        for line in lines[1:]:
            cell.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER  # type: ignore[attr-defined]

    header = document.add_table(rows=1, cols=2)
    cell_lines(
        header.rows[0].cells[0],
        ["ĐẢNG BỘ TỈNH KHÁNH HÒA", "ĐẢNG ỦY XÃ NINH PHƯỚC", "*", "Số 27-TB/ĐU"],
    )
    cell_lines(
        header.rows[0].cells[1],
        ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Ninh Phước, ngày 12 tháng 11 năm 2025"],
    )
    for line in ("THÔNG BÁO", "kết luận của Ban Thường vụ Đảng ủy về công tác tuyên giáo quý IV"):
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    body = (
        "Thực hiện Kế hoạch số 15-KH/TU ngày 02/10/2025 của Ban Thường vụ Tỉnh ủy về công tác "
        "tuyên giáo năm 2025, sau khi nghe báo cáo, Ban Thường vụ Đảng ủy kết luận như sau:",
        "1. Các chi bộ tổ chức học tập, quán triệt nghị quyết đến toàn thể đảng viên, bảo đảm "
        "đúng thời gian và chất lượng theo hướng dẫn của cấp trên.",
        "2. Văn phòng Đảng ủy theo dõi, tổng hợp kết quả, báo cáo Ban Thường vụ Đảng ủy.",
    )
    for text in body:
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    footer = document.add_table(rows=1, cols=2)
    left = footer.rows[0].cells[0]
    left.text = "Nơi nhận:"
    for line in ("- Ban Thường vụ Tỉnh ủy (b/c),", "- Các chi bộ trực thuộc,", "- Lưu VPĐU."):
        left.add_paragraph(line)
    cell_lines(footer.rows[0].cells[1], ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "", "", "Nguyễn Thị Hoa"])
    source = folder / "tb-dang-uy.docx"
    document.save(str(source))
    (pdf,) = convert_to_pdf(source)
    return pdf


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_two_column_header_and_footer_are_read_column_by_column(tmp_path: Path) -> None:
    text = vanban.read(_two_column_party_pdf(tmp_path))
    # each column whole, the left one first: the body's name before the motto, the recipients
    # before the signature block
    assert text.index("ĐẢNG ỦY XÃ NINH PHƯỚC") < text.index("Số 27-TB/ĐU")
    assert text.index("Số 27-TB/ĐU") < text.index("ĐẢNG CỘNG SẢN VIỆT NAM")
    assert text.index("- Lưu VPĐU.") < text.index("T/M BAN THƯỜNG VỤ")
    doc = vanban.parse(text)
    assert (doc.number, doc.doc_type, doc.date) == ("27-TB/ĐU", "Thông báo", "2025-11-12")
    assert (doc.parent_issuer, doc.issuer) == ("ĐẢNG BỘ TỈNH KHÁNH HÒA", "Ban Thường vụ Đảng ủy")
    assert doc.place == "Ninh Phước"
    assert doc.title.startswith("kết luận của Ban Thường vụ Đảng ủy về công tác tuyên giáo")
    assert doc.implements == ["15-KH/TU"]
    assert doc.recipients == ["Ban Thường vụ Tỉnh ủy (b/c)", "Các chi bộ trực thuộc", "Lưu VPĐU"]
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
        "Nguyễn Thị Hoa",
    )


def test_reading_order_of_boxes() -> None:
    """Down the page; where boxes fall into columns, the left column first, each top to bottom;
    a box across the gutter ends the columns."""
    boxes = [
        _Box(60, 775, 250, 790, "body"),
        _Box(300, 775, 540, 790, "motto"),
        _Box(60, 760, 250, 773, "number"),
        _Box(300, 735, 540, 750, "date"),
        _Box(200, 700, 400, 715, "title"),
        _Box(60, 600, 540, 690, "paragraph"),
        _Box(60, 480, 250, 500, "recipients"),
        _Box(320, 480, 540, 500, "signature"),
        _Box(60, 465, 250, 478, "archive"),
        _Box(320, 400, 540, 415, "name"),
    ]
    blocks = [[box.text for box in block] for block in reading_order(boxes)]
    assert blocks == [
        ["body", "number"],
        ["motto"],
        ["date"],
        ["title"],
        ["paragraph"],
        ["recipients", "archive"],
        ["signature"],
        ["name"],
    ]
    assert page_text(boxes).startswith("body\nnumber\n\nmotto\n\ndate\n\ntitle")
