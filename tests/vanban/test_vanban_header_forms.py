"""Header forms: a type word with a qualifier in capitals, an office holder's title that
begins the issuing body's name wrapped over two lines, and the issuer named again over the
preamble."""

from __future__ import annotations

import vanban


def test_type_word_with_qualifier_is_not_the_title() -> None:
    text = (
        "ĐẢNG BỘ TỈNH AN GIANG\nĐẢNG ỦY XÃ BÌNH MỸ\n*\nSố 15-BC/ĐU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
        "Bình Mỹ, ngày 12 tháng 11 năm 2025\n\nBÁO CÁO NHANH\nkết quả bầu cử tại xã\n\n"
        "I. KẾT QUẢ\n1. Số cử tri tham gia.\n"
    )
    doc = vanban.parse(text)
    assert (doc.doc_type, doc.title) == ("Báo cáo", "kết quả bầu cử tại xã")


def test_office_holder_header_wrapped_over_two_lines() -> None:
    text = (
        "THỦ TƯỚNG\nCHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 12/CT-TTg\n"
        "Hà Nội, ngày 3 tháng 4 năm 2024\n\nCHỈ THỊ\nVề việc tăng cường công tác tuyên truyền\n\n"
        "Nội dung.\n"
    )
    doc = vanban.parse(text)
    assert (doc.issuer, doc.parent_issuer) == ("THỦ TƯỚNG CHÍNH PHỦ", None)


def test_the_issuer_named_again_over_the_preamble_is_not_its_own_superior() -> None:
    # a scan whose type line was lost to a stamp: the authority line over the preamble ("THỦ
    # TƯỚNG CHÍNH PHỦ" / "Căn cứ …") repeats the issuer, it is not the body above it
    text = (
        "THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 12/QĐ-TTg Hà Nội, ngày 11 tháng 10 năm 2024\n\n"
        "Thi hành kỷ luật đối với ông Nguyễn Văn A\n\nTHỦ TƯỚNG CHÍNH PHỦ\n\n"
        "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Thi hành kỷ luật bằng hình thức khiển trách đối với ông Nguyễn Văn A.\n"
    )
    doc = vanban.parse(text)
    assert (doc.issuer, doc.parent_issuer) == ("THỦ TƯỚNG CHÍNH PHỦ", None)
