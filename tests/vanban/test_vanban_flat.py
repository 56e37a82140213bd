"""A document whose line breaks are gone (one line, as copied from many web pages) and a
decision's authority line as its issuer."""

from __future__ import annotations

import vanban
from vanban.flat import is_flat, reflow

FLAT = (
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do -"
    " Hạnh phúc --------------- Số: 512/QĐ-UBND An Giang, ngày 05 tháng 3 năm 2024 QUYẾT ĐỊNH"
    " Về việc thành lập Ban Chỉ đạo chuyển đổi số tỉnh ỦY BAN NHÂN DÂN TỈNH AN GIANG Căn cứ Luật"
    " Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Căn cứ Quyết định số 749/QĐ-TTg"
    " ngày 03/6/2020 của Thủ tướng Chính phủ; Theo đề nghị của Giám đốc Sở Nội vụ. QUYẾT ĐỊNH:"
    " Điều 1. Thành lập Ban Chỉ đạo. Điều 2. Quyết định này có hiệu lực kể từ ngày ký./."
    " Nơi nhận: - Như Điều 2; - Lưu: VT. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn Bình"
)


def test_flat_text_is_reflowed_and_read() -> None:
    assert is_flat(FLAT)
    doc = vanban.parse(FLAT)
    assert doc.number == "512/QĐ-UBND"
    assert doc.doc_type == "Quyết định"
    assert (doc.place, doc.date) == ("An Giang", "2024-03-05")
    assert doc.title == "Về việc thành lập Ban Chỉ đạo chuyển đổi số tỉnh"
    assert doc.issuer == "ỦY BAN NHÂN DÂN TỈNH AN GIANG"
    assert [r.number for r in doc.references] == ["749/QĐ-TTg"]
    assert doc.recipients == ["Như Điều 2", "Lưu: VT"]
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn Bình",
    )


def test_text_with_lines_is_not_reflowed() -> None:
    text = "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 5/UBND-VX\nV/v việc a\n" + "Nội dung. " * 60
    assert not is_flat(text)
    assert reflow(text) == text


def test_authority_line_without_header_is_the_issuer() -> None:
    text = (
        "QUYẾT ĐỊNH\nVề việc phê duyệt Đề án\n\nTHỦ TƯỚNG CHÍNH PHỦ\n\n"
        "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Phê duyệt Đề án.\n"
    )
    assert vanban.parse(text).issuer == "THỦ TƯỚNG CHÍNH PHỦ"
