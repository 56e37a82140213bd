"""The signature column of a scanned page read again on its own (vanban.ocr_signature): found
beside "Nơi nhận" when the page's OCR lost it, its noisy lines sifted, the mark's dot put back;
and the parser's rule for a name alone at the footer's end."""

from __future__ import annotations

from pathlib import Path

import pytest

import vanban
from vanban import ocr
from vanban.ocr_signature import corner_to_reread, kept_lines, words_of

HEADER = "level\tpage\tblock\tpar\tline\tword\tleft\ttop\twidth\theight\tconf\ttext"


def _tsv(*words: tuple[int, int, float, str, int]) -> str:
    """Rows of Tesseract's TSV: (left, top, confidence, text, line number)."""
    rows = [
        f"5\t1\t1\t1\t{line}\t{i}\t{left}\t{top}\t{len(text) * 20}\t30\t{conf}\t{text}"
        for i, (left, top, conf, text, line) in enumerate(words)
    ]
    return "\n".join([HEADER, *rows])


def test_the_corner_beside_noi_nhan_is_read_again_only_when_the_column_is_missing() -> None:
    lost = _tsv((100, 1000, 95, "Nơi", 1), (170, 1000, 95, "nhận:", 1), (100, 1040, 90, "-", 2))
    box = corner_to_reread(words_of(lost), 1600, 2300)
    assert box is not None
    left, top, right, bottom = box
    assert left == 720 and top < 1000 < bottom and right == 1600
    # the column was read: three confident words start right of the middle beside it
    read = _tsv(
        (100, 1000, 95, "Nơi", 1),
        (170, 1000, 95, "nhận:", 1),
        (1000, 1000, 92, "KT.", 3),
        (1080, 1000, 93, "THỦ", 3),
        (1160, 1000, 93, "TƯỚNG", 3),
    )
    assert corner_to_reread(words_of(read), 1600, 2300) is None
    # a long recipient line of the left column reaching past the middle is not the column
    long_line = _tsv(
        (100, 1000, 95, "Nơi", 1),
        (170, 1000, 95, "nhận:", 1),
        (100, 1040, 90, "VPCP:", 2),
        (900, 1040, 90, "BTCN,", 2),
        (1000, 1040, 90, "các", 2),
        (1100, 1040, 90, "Vụ", 2),
    )
    assert corner_to_reread(words_of(long_line), 1600, 2300) is not None
    # no "Nơi nhận" on the page: nothing to read again
    assert corner_to_reread(words_of(_tsv((100, 100, 95, "Căn", 1))), 1600, 2300) is None


def test_the_re_read_lines_are_sifted_and_the_mark_gets_its_dot() -> None:
    corner = _tsv(
        (10, 10, 36, "-", 1),
        (40, 10, 30, "„KT,", 1),
        (120, 10, 93, "THỦ", 1),
        (200, 10, 91, "TƯỚNG", 1),
        (10, 60, 0, "TANÀ", 2),
        (10, 110, 12, "CY//", 3),
        (90, 110, 34, "2F", 3),
        (10, 160, 3, "“ssNgpuyên", 4),
        (130, 160, 97, "Hòa", 4),
        (200, 160, 96, "Bình", 4),
    )
    assert kept_lines(words_of(corner)) == ["KT. THỦ TƯỚNG", "ssNgpuyên Hòa Bình"]


def test_a_body_line_the_corner_cut_is_not_a_signature_line() -> None:
    """The corner starts a few lines above "Nơi nhận": the right half of a body line there
    ("… Bộ Công Th|ương biết và thực hiện.") opens with a small letter, which no line of a
    signature block does; left out, it no longer runs on into the signer's name."""
    corner = _tsv(
        (10, 10, 90, "ương", 1),
        (90, 10, 92, "biết", 1),
        (160, 10, 93, "và", 1),
        (220, 10, 91, "thực", 1),
        (300, 10, 92, "hiện.", 1),
        (10, 60, 93, "PHÓ", 2),
        (90, 60, 94, "CHỦ", 2),
        (170, 60, 92, "NHIỆM", 2),
        (10, 110, 95, "Văn", 3),
        (90, 110, 96, "Trọng", 3),
        (170, 110, 96, "Lý", 3),
    )
    assert kept_lines(words_of(corner)) == ["PHÓ CHỦ NHIỆM", "Văn Trọng Lý"]


def test_a_name_alone_at_the_footers_end_is_the_signers() -> None:
    text = (
        "THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 12/QĐ-TTg\n\nHà Nội, ngày 3 tháng 4 năm 2024\n\n"
        "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n\nĐiều 1. Thành lập Tổ công tác.\n\n"
        "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT, TCCV.\n\nPhạm Minh Chính\n"
    )
    assert vanban.parse(text).signer_name == "Phạm Minh Chính"
    # a table cell that wrapped the name in capitals
    wrapped = text.replace("Phạm Minh Chính\n", "NÔNG\nĐỨC MẠNH\n")
    assert vanban.parse(wrapped).signer_name == "NÔNG ĐỨC MẠNH"
    # a news item's closing name is its author's, not a signer's
    news = "Tin bài\n\nHội nghị tổng kết công tác tuyên giáo năm 2024 đã diễn ra.\n\nNguyễn An\n"
    assert vanban.parse(news).signer_name is None


@pytest.mark.skipif(not ocr.available(), reason="Tesseract with the Vietnamese model is missing")
def test_a_real_scan_gets_back_the_mandate_its_seal_covered() -> None:
    # a Quyết định of the Prime Minister's office: OCR of the page drops the signature column
    # (under the seal); read alone it gives "KT. THỦ TƯỚNG" back
    pdf = Path(__file__).parent / "fixtures" / "real" / "qd-ttg-1160.pdf"
    doc = vanban.parse(ocr.read_scan(pdf).text)
    assert doc.on_behalf == "KT. THỦ TƯỚNG"


def test_a_signers_title_is_mended_of_ocr_specks_and_a_lost_mark() -> None:
    # the seal's specks before and after a title in capitals, and a title of the format read
    # with its head's mark lost or misread (the letters are the title's)
    head = (
        "TỈNH ỦY LÀO CAI\n\nSố: 12-CV/TU\n\nLào Cai, ngày 3 tháng 4 năm 2024\n\n"
        "V/v triển khai nhiệm vụ\n\nKính gửi: Các huyện ủy.\n\nĐề nghị các đơn vị thực hiện.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu VP.\n\n"
    )

    def title(signature: str) -> str | None:
        return vanban.parse(head + signature).signer_title

    assert title("T/M BAN THƯỜNG VỤ\nPHO BÍ THƯ THƯỜNG TRỰC\n\nHoàng Giang\n") == (
        "PHÓ BÍ THƯ THƯỜNG TRỰC"
    )
    assert title("T/M BAN THƯỜNG VỤ\nTỐNG BÍ THƯ s.\n\nNguyễn Văn An\n") == "TỔNG BÍ THƯ"
    assert title("K/T TRƯỞNG BAN\n\n.. PHÓ TRƯỞNG BAN\nNgô Đông Hải\n") == "PHÓ TRƯỞNG BAN"
    assert title("T/M BAN THƯỜNG VỤ\nCHỦ TỊCH '...\n\nLan Thị Vân\n") == "CHỦ TỊCH"
    # a title read right, or one the format does not list, stays as read
    assert title("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nHoàng Giang\n") == "PHÓ BÍ THƯ"
    assert title("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC SỞ\n\nHoàng Giang\n") == "PHÓ GIÁM ĐỐC SỞ"


def test_a_nested_authority_mark_behind_the_seals_specks_is_the_marks() -> None:
    # ND30 appendix I: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"; OCR read a speck
    # of the seal before the inner mark
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\n\nSố: 105/2025/QĐ-UBND\n\nPhú Thọ, ngày 3 tháng 4 năm 2025\n\n"
        "QUYẾT ĐỊNH\nVề việc ban hành quy định\n\nĐiều 1. Ban hành quy định.\n\n"
        "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\n"
        "TM. ỦY BAN NHÂN DÂN\n' KT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\nPhan Trọng Tấn\n"
    )
    doc = vanban.parse(text)
    assert doc.on_behalf == "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"
    assert doc.signer_title == "PHÓ CHỦ TỊCH"
    assert doc.signer_name == "Phan Trọng Tấn"
