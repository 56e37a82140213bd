"""A PDF read in the order a person reads it (:mod:`vanban.pdflayout`): a party document laid out
as e-office systems print it — the header and the footer as two-column tables, the title
centred, the body justified — written by Word's format (python-docx), printed by LibreOffice,
read back and parsed."""

from __future__ import annotations

import shutil
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


def test_a_short_line_under_a_centred_one_is_no_second_column() -> None:
    """Columns begin where two boxes stand side by side: a centred subject over the first
    ground at the left margin, a blank line between them, is read top to bottom; a signature's
    title a little above "Nơi nhận:" is still the other column."""
    boxes = [
        _Box(276, 619, 337, 631, "QUY ĐỊNH"),
        _Box(234, 591, 378, 603, "THI HÀNH ĐIỀU LỆ ĐẢNG"),
        _Box(72, 563, 183, 575, "- Căn cứ Điều lệ Đảng;"),
        _Box(72, 530, 530, 555, "- Căn cứ Quy chế làm việc …"),
        _Box(407, 434, 477, 447, "GIÁM ĐỐC"),
        _Box(106, 377, 204, 437, "Nơi nhận:"),
        _Box(382, 343, 502, 357, "Phạm Thị Minh Hiếu"),
    ]
    blocks = [[box.text for box in block] for block in reading_order(boxes)]
    assert blocks == [
        ["QUY ĐỊNH"],
        ["THI HÀNH ĐIỀU LỆ ĐẢNG"],
        ["- Căn cứ Điều lệ Đảng;"],
        ["- Căn cứ Quy chế làm việc …"],
        ["Nơi nhận:"],
        ["GIÁM ĐỐC"],
        ["Phạm Thị Minh Hiếu"],
    ]


def test_two_line_paragraph_split_by_the_layout_is_one_block() -> None:
    """The indented first line of a two-line justified paragraph, reaching the right edge, and
    its second line at one line's spacing: one block, so the citation's body stays whole
    ("của Quốc" / "hội"). A paragraph after the gap between paragraphs, an indented new
    paragraph, and a short centred line stay blocks of their own."""
    boxes = [
        _Box(200, 700, 400, 714, "QUYẾT ĐỊNH"),
        _Box(113, 660, 542, 674, "Căn cứ Nghị quyết số 202/2025/QH15 của Quốc"),
        _Box(85, 642, 349, 656, "hội về việc sắp xếp đơn vị hành chính cấp tỉnh;"),
        _Box(113, 618, 542, 632, "Căn cứ Nghị định số 126/2024/NĐ-CP của Chính"),
        _Box(85, 600, 295, 614, "phủ quy định về hội;"),
        _Box(85, 576, 542, 590, "Theo đề nghị của Sở Tư pháp tại Tờ trình số 141/TTr-STP."),
        _Box(113, 558, 542, 572, "Điều 1. Cho phép hợp nhất."),
    ]
    blocks = [[box.text for box in block] for block in reading_order(boxes)]
    assert blocks == [
        ["QUYẾT ĐỊNH"],
        [
            "Căn cứ Nghị quyết số 202/2025/QH15 của Quốc",
            "hội về việc sắp xếp đơn vị hành chính cấp tỉnh;",
        ],
        ["Căn cứ Nghị định số 126/2024/NĐ-CP của Chính", "phủ quy định về hội;"],
        ["Theo đề nghị của Sở Tư pháp tại Tờ trình số 141/TTr-STP."],
        ["Điều 1. Cho phép hợp nhất."],
    ]
    doc = vanban.parse("\n\n".join("\n".join(block) for block in blocks))
    assert [r.issuer for r in doc.references][:2] == ["Quốc hội", "Chính phủ"]


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of the given objects (numbered from 1, the catalog first), with its xref table."""
    out = b"%PDF-1.7\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def _stamped_letter(folder: Path) -> Path:
    """A signed letter as e-office systems issue it: the number and the day left blank on the
    page and stamped by signature widgets' appearances into the blanks (one through an
    appearance box and matrix of its own); a receiving office's stamp in the margin, a widget
    drawn over printed words and a hidden one, whose texts are not the letter's."""
    font = b"/Resources << /Font << /F1 4 0 R >> >>"
    page = (
        b"BT /F1 12 Tf 72 700 Td (UBND TINH LAM DONG) Tj ET\n"
        b"BT /F1 12 Tf 72 680 Td (So:            /UBND-VP) Tj ET\n"
        b"BT /F1 12 Tf 300 680 Td (Lam Dong, ngay          thang 4 nam 2026) Tj ET\n"
        b"BT /F1 12 Tf 72 600 Td (Kinh gui: So Noi vu.) Tj ET\n"
    )
    widgets = [
        # the number, in the blank after "So:", drawn in an appearance box of its own
        (b"[95 676 125 692]", b"/BBox [100 100 130 116] /Matrix [1 0 0 1 0 0]",
         b"BT /F1 12 Tf 102 104 Td (123) Tj ET", 4),
        (b"[392 676 416 692]", b"/BBox [0 0 24 16]", b"BT /F1 12 Tf 2 4 Td (15) Tj ET", 4),
        (b"[5 740 70 756]", b"/BBox [0 0 65 16]", b"BT /F1 9 Tf 2 4 Td (DEN So 9639) Tj ET", 4),
        (b"[72 596 130 612]", b"/BBox [0 0 58 16]", b"BT /F1 12 Tf 2 4 Td (XXXX) Tj ET", 4),
        (b"[392 676 416 692]", b"/BBox [0 0 24 16]", b"BT /F1 12 Tf 2 4 Td (99) Tj ET", 2),
    ]  # fmt: skip
    first = 5
    annots = b" ".join(b"%d 0 R" % (first + 2 * i) for i in range(len(widgets)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R %s /Annots [%s] >>"
        % (first + 2 * len(widgets), font, annots),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, (rect, box, content, flags) in enumerate(widgets):
        objects.append(
            b"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature%d) /F %d /Rect %s "
            b"/AP << /N %d 0 R >> >>" % (i, flags, rect, first + 2 * i + 1)
        )
        objects.append(_stream(content, b"/Type /XObject /Subtype /Form " + box + b" " + font))
    objects.append(_stream(page))
    path = folder / "stamped.pdf"
    path.write_bytes(_pdf(objects))
    return path


def test_text_stamped_into_a_blank_by_an_annotation_is_read_in_place(tmp_path: Path) -> None:
    text = vanban.read(_stamped_letter(tmp_path))
    assert "So: 123 /UBND-VP" in text
    assert "Lam Dong, ngay 15 thang 4 nam 2026" in text
    # the margin's stamp, a widget over printed words and a hidden one are not the letter's
    assert "9639" not in text and "XXXX" not in text and "99" not in text
    doc = vanban.parse(text)
    assert doc.number == "123/UBND-VP" and doc.date == "2026-04-15"


def test_an_appearance_that_cannot_be_drawn_costs_only_its_own_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An appearance pdfminer.six fails on (here: made to fail) loses its own text only: the
    page is still read in reading order, with the other stamps."""
    from pdfminer.pdfinterp import PDFPageInterpreter

    render = PDFPageInterpreter.render_contents

    def failing(
        self: PDFPageInterpreter, resources: object, streams: list[object], ctm: object
    ) -> None:
        if any(b"(15)" in getattr(s, "get_data", lambda: b"")() for s in streams):
            raise ValueError("an appearance that cannot be drawn")
        render(self, resources, streams, ctm)  # type: ignore[arg-type]

    monkeypatch.setattr(PDFPageInterpreter, "render_contents", failing)
    text = vanban.read(_stamped_letter(tmp_path))
    assert "So: 123 /UBND-VP" in text
    assert "UBND TINH LAM DONG" in text.split("\n")[0] and "15" not in text


REAL = Path(__file__).parent / "fixtures" / "real"


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_figures_stamped_as_pictures_are_read_into_their_blanks() -> None:
    # a real guidance of the Ban Tổ chức Thành ủy Hà Nội: the e-office stamps the number and the
    # day as small pictures of the figures in signature widgets over the typist's blanks
    text = vanban.read(REAL / "hd-btctu-hn-21.pdf")
    assert "Số 21 -HD/BTCTU" in text and "Hà Nội, ngày 21 tháng 8 năm 2025" in text
    doc = vanban.parse(text)
    assert (doc.number, doc.date) == ("21-HD/BTCTU", "2025-08-21")


def test_without_tesseract_a_pictured_number_leaves_its_blank(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("vanban.ocr._tesseract", lambda: None)
    text = vanban.read(REAL / "hd-btctu-hn-21.pdf")
    assert "Số          -HD/BTCTU" in text and "ngày      tháng 8" in text


def test_a_paragraphs_last_line_left_of_its_indent_is_no_column() -> None:
    """The indented first line of a two-line paragraph reaching the right edge, and its short
    last line at the left margin, ending left of the indent: no gutter of two columns but one
    paragraph ("… đặc" / "khu:"), read top to bottom as one block. A signature's title beside
    "Nơi nhận:" is still a column: it is no line of the body's width."""
    boxes = [
        _Box(85, 391, 542, 444, "Thống nhất … theo đó, yêu cầu:"),
        _Box(121, 366, 542, 380, "1. Thủ trưởng các sở, ban, ngành và Chủ tịch UBND các xã, đặc"),
        _Box(85, 347, 114, 361, "khu:"),
        _Box(121, 321, 542, 335, "a) Chủ động áp dụng triển khai và nhân rộng các mô hình."),
        _Box(330, 140, 480, 154, "KT. GIÁM ĐỐC"),
        _Box(85, 100, 200, 138, "Nơi nhận:\n- Như trên;"),
    ]
    blocks = [[box.text for box in block] for block in reading_order(boxes)]
    assert blocks == [
        ["Thống nhất … theo đó, yêu cầu:"],
        ["1. Thủ trưởng các sở, ban, ngành và Chủ tịch UBND các xã, đặc", "khu:"],
        ["a) Chủ động áp dụng triển khai và nhân rộng các mô hình."],
        ["Nơi nhận:\n- Như trên;"],
        ["KT. GIÁM ĐỐC"],
    ]


def test_a_heading_under_a_table_is_no_cell_of_it() -> None:
    """A table's row whose first column stands left of the body's indent, then an indented
    heading of two lines, the first as wide as the body: the heading joins the table's other
    columns but is no cell (it stands under the whole row), so its lines are one block. A
    signer's name under the signature, narrower, still joins its column."""
    boxes = [
        _Box(97, 697, 108, 711, "3"),
        _Box(121, 681, 416, 744, "Thủ tục cấp giấy xác nhận tình trạng hôn nhân"),
        _Box(444, 689, 515, 719, "4.790/9.578\n(50%)"),
        _Box(
            121, 658, 542, 672, "5. Mô hình “Hồ sơ phi địa giới hành chính” đối với các TTHC thuộc"
        ),
        _Box(85, 639, 308, 653, "thẩm quyền giải quyết của Sở Nội vụ"),
        _Box(121, 614, 542, 628, "Trong thời gian thí điểm, Sở Nội vụ phối hợp, hướng dẫn các xã,"),
        _Box(381, 115, 492, 145, "KT.GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"),
        _Box(85, 107, 312, 147, "Nơi nhận:\n- Như trên;\n- Lưu VT."),
        _Box(322, 98, 354, 112, "(ký)"),
        _Box(322, 37, 477, 51, "Mai Văn Hiệu"),
    ]
    blocks = [[box.text for box in block] for block in reading_order(boxes)]
    assert blocks[3:] == [
        [
            "5. Mô hình “Hồ sơ phi địa giới hành chính” đối với các TTHC thuộc",
            "thẩm quyền giải quyết của Sở Nội vụ",
        ],
        ["Trong thời gian thí điểm, Sở Nội vụ phối hợp, hướng dẫn các xã,"],
        ["Nơi nhận:\n- Như trên;\n- Lưu VT."],
        ["KT.GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "(ký)"],
        ["Mai Văn Hiệu"],
    ]


def test_the_bodys_edges_are_where_most_lines_end() -> None:
    """The body's right edge is where most wide lines end, not where a header's motto set past
    the margin does: the indented line reaching the body's edge and its last word under it
    ("… tổng" / "hợp./.") are one block. A paragraph whose last line is short ends there: the
    next paragraph at the margin is a block of its own, though the paragraph's box is as wide
    as the body."""
    paragraph = "Sau khi rà soát …\n… tham mưu …\nlập Hiệp hội."
    boxes = [
        _Box(68, 755, 280, 783, "UBND TỈNH LÂM ĐỒNG\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"),
        _Box(285, 755, 556, 783, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
        _Box(85, 585, 539, 634, "Sở Nông nghiệp … nhận được …\n… như sau:", end=300),
        _Box(85, 490, 539, 575, paragraph, end=468),
        _Box(85, 470, 539, 484, "- Hiệp hội …"),
        _Box(
            121, 440, 539, 454, "Sở Nông nghiệp và Môi trường có ý kiến trao đổi gửi Sở Nội vụ tổng"
        ),
        _Box(85, 422, 117, 436, "hợp./."),
    ]
    blocks = [[box.text for box in block] for block in reading_order(boxes)]
    assert blocks[2:] == [
        ["Sở Nông nghiệp … nhận được …\n… như sau:"],
        [paragraph],
        ["- Hiệp hội …"],
        ["Sở Nông nghiệp và Môi trường có ý kiến trao đổi gửi Sở Nội vụ tổng", "hợp./."],
    ]


def _justified_report(folder: Path) -> Path:
    """A report page as a word processor justifies it (Helvetica; the first line of each
    paragraph indented, words spread to the right edge): a header whose motto reaches past the
    body's right edge, the title, a table's row whose number column
    stands left of the indent, a heading of two lines under it, a two-line item whose last
    word stands alone at the left margin, and the item's first point."""
    from pdfminer.fontmetrics import FONT_METRICS

    widths = FONT_METRICS["Helvetica"][1]
    left, indent, right, size = 85.0, 121.0, 542.0, 13.0

    def line(x: float, y: float, text: str, justified: bool = False) -> bytes:
        spread = 0.0
        if justified:  # the word spacing that brings the line's end to the right edge
            width = sum(widths[c] for c in text) * size / 1000
            spread = (right - x - width) / text.count(" ")
        escaped = text.replace("(", "\\(").replace(")", "\\)").encode("latin-1")
        return b"BT /F1 %.1f Tf %.3f Tw %.1f %.1f Td (%s) Tj ET\n" % (size, spread, x, y, escaped)

    page = b"".join(
        (
            # the header's two columns, the motto set past the body's right edge
            line(85, 790, "SO NOI VU"),
            line(300, 790, "CONG HOA XA HOI CHU NGHIA VIET NAM"),
            line(200, 750, "BAO CAO KET QUA THI DIEM CAC MO HINH"),
            # the table's row: its number, a cell of two lines, a figure
            line(97, 700, "3"),
            line(indent, 716, "Thu tuc cap giay xac nhan"),
            line(indent, 700, "tinh trang hon nhan"),
            line(444, 708, "4.790/9.578"),
            # the heading, under the row's cell borders
            line(indent, 678, "5. Mo hinh Ho so phi dia gioi hanh chinh doi voi cac TTHC thuoc", True),
            line(left, 659, "tham quyen giai quyet cua So Noi vu"),
            line(indent, 620, "1. Thu truong cac so, ban, nganh va Chu tich UBND cac xa, phuong, dac", True),
            line(left, 601, "khu:"),
            line(indent, 576, "a) Chu dong ap dung trien khai va nhan rong cac mo hinh, giai phap,", True),
            line(left, 557, "sang kien ve cai cach hanh chinh, trong tam la cai cach thu tuc hanh chinh phu", True),
            line(left, 538, "hop voi chuc nang."),
        )
    )  # fmt: skip
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R"
        b" /Resources << /Font << /F1 4 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(page),
    ]
    path = folder / "report.pdf"
    path.write_bytes(_pdf(objects))
    return path


def test_a_paragraphs_lines_are_read_in_order_from_the_page(tmp_path: Path) -> None:
    """Read from the page: the heading under the table is one line, and the item's last word
    follows its first line instead of standing above it as a column of its own."""
    text = vanban.read(_justified_report(tmp_path))
    flat = " ".join(text.split())  # (a justified line's spread words keep their wide blanks)
    heading = "5. Mo hinh Ho so phi dia gioi hanh chinh doi voi cac TTHC thuoc"
    item = "1. Thu truong cac so, ban, nganh va Chu tich UBND cac xa, phuong, dac"
    assert f"{heading} tham quyen giai quyet cua So Noi vu 1." in flat
    assert f"{item} khu: a) Chu dong" in flat
    # no blank line inside either paragraph
    assert "thuoc\n\ntham" not in text and "dac\n\nkhu" not in text
