"""The seal's debris in OCR's recipients dropped by the format's grammar (vanban.ocr_footer,
run by vanban.ocr_text.normalize_ocr_text on OCR's text only). No Tesseract needed: the inputs are
the kinds of text it gives for a scanned footer, with invented recipients."""

from __future__ import annotations

import pytest

import vanban
from vanban import ocr_words
from vanban.ocr_text import normalize_ocr_text

pytestmark = pytest.mark.skipif(
    ocr_words.lexicon_path() is None, reason="underthesea's word list is not installed"
)

BODY = (
    "BỘ NỘI VỤ\n\nSố: 12/QĐ-BNV\n\nHà Nội, ngày 3 tháng 4 năm 2024\n\nQUYẾT ĐỊNH\n"
    "Về việc thành lập tổ công tác\n\nĐiều 1. Thành lập tổ công tác.\n\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n\n"
)


def _recipients(footer: str) -> list[str]:
    return vanban.parse(normalize_ocr_text(BODY + footer)).recipients


def test_marks_and_figures_after_a_closing_semicolon_are_the_seals() -> None:
    footer = (
        "Nơi nhận:\n- Như Điều 2; ; 9\n- Các Thứ trưởng; ủ\n- Sở Tài chính; _ LỚN\n"
        "- Lưu: VT, TCCB (2).\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nTrần Văn Bình\n"
    )
    assert _recipients(footer) == [
        "Như Điều 2",
        "Các Thứ trưởng",
        "Sở Tài chính",
        "Lưu: VT, TCCB (2)",
    ]


def test_the_archive_line_ends_at_its_count_of_copies() -> None:
    for read, kept in (
        ("- Lưu: VT, KTTH (2). 44", "Lưu: VT, KTTH (2)"),
        ("- Lưu: VT, QHĐP (3)vqr.4§", "Lưu: VT, QHĐP (3)"),
        ("- Lưu: VT, KTTH (2).ND,", "Lưu: VT, KTTH (2)"),
        ("- Lưu: VT, NN (3b).+", "Lưu: VT, NN (3b)"),
        # the count's opening bracket lost, with the seal's marks after it
        ("- Lưu: VT, QHĐP 3). rpr 2?,", "Lưu: VT, QHĐP (3)"),
    ):
        footer = f"Nơi nhận:\n- Như Điều 2;\n{read}\n\nBỘ TRƯỞNG\n\nTrần Văn Bình\n"
        assert _recipients(footer) == ["Như Điều 2", kept], read


def test_a_name_after_the_debris_goes_to_the_signature_column() -> None:
    footer = (
        "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT, QHĐP (3)vom, Trần Văn Bình\n\n"
        "BỘ TRƯỞNG\n\nTrần Văn Bình\n"
    )
    parsed = vanban.parse(normalize_ocr_text(BODY + footer))
    assert parsed.recipients == ["Như Điều 2", "Lưu: VT, QHĐP (3)"]
    assert parsed.signer_name == "Trần Văn Bình"
    # a dash between blanks opens what OCR ran on: here the seal's letter and the name
    footer = "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT, TCCB, - ò Trần Văn Bình\n\nBỘ TRƯỞNG\n"
    assert "ò" not in " ".join(_recipients(footer))


def test_a_line_of_debris_between_recipients_and_after_the_label() -> None:
    footer = (
        "Nơi nhận: đốm uống\n- Như Điều 2;\n- Các Thứ trưởng; 6 app”\n\\ ị\n"
        "- Lưu: VT, TCCB.\n\nBỘ TRƯỞNG\n\nTrần Văn Bình\n"
    )
    assert _recipients(footer) == ["Như Điều 2", "Các Thứ trưởng", "Lưu: VT, TCCB"]


def test_words_after_a_closure_are_left_to_the_parser() -> None:
    text = (
        "Nơi nhận:\n- Như Điều 2;\n- Kiểm toán Nhà nước; Trần Văn Bình\n"
        "- VPCP: BTCN, các PCN; các Vụ: TH, KTTH;\n- UBND TP. Hồ Chí Minh\n"
        "- Lưu (VP; KT&KĐCL).\n- Lưu: VT, P. TH\n- Lưu: VT, KTN (3) pvc\n- Lưu Văn phòng Trung ương Đảng. | T/M BỘ CHÍNH TRỊ\n"
    )
    from vanban.ocr_footer import drop_recipient_debris

    assert drop_recipient_debris(text) == text


def test_a_purpose_bracket_with_a_grave_for_the_hook() -> None:
    footer = "Nơi nhận:\n- TT Tỉnh ủy (đề b/c); l ) 2N\n- Lưu: VT.\n\nCHỦ TỊCH\n\nLê Văn An\n"
    assert _recipients(footer) == ["TT Tỉnh ủy (để b/c)", "Lưu: VT"]


def test_typed_text_keeps_what_it_writes() -> None:
    """The rules are OCR's: a typed text's recipients are parsed as written."""
    footer = "Nơi nhận:\n- Như Điều 2; ; 9\n- Lưu: VT, KTTH (2). 44\n\nBỘ TRƯỞNG\n\nTrần Văn Bình\n"
    assert vanban.parse(BODY + footer).recipients != _recipients(footer)


def test_a_title_misread_over_the_signers_name_is_the_formats() -> None:
    footer = "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nHÚ TƯỚNG\n\nTrần Văn Bình\n"
    parsed = vanban.parse(
        normalize_ocr_text(BODY.replace("BỘ NỘI VỤ", "THỦ TƯỚNG CHÍNH PHỦ") + footer)
    )
    assert parsed.signer_title == "THỦ TƯỚNG"
    assert parsed.signer_name == "Trần Văn Bình"
    # read right, or near two titles, or not over a name: left as read
    for title, name in (("BỘ TRƯỞNG", "Trần Văn Bình"), ("HÚ TƯỚNG", "- Lưu: VT.")):
        text = f"X\n{title}\n{name}\n"
        assert normalize_ocr_text(text).split("\n")[1] == title


def test_a_mandate_glued_to_its_office_is_split_as_the_documents_kind_writes_it() -> None:
    party = (
        "TỈNH ỦY LÂM ĐỒNG\nBAN TUYÊN GIÁO VÀ DÂN VẬN\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
        "Số 20-CV/BTGDVTU\n\nLâm Đồng, ngày 4 tháng 9 năm 2025\n\nV/v cử người tham gia\n\n"
        "Kính gửi: Sở Nội vụ.\n\n"
        "Ban Tuyên giáo và Dân vận Tỉnh ủy có ý kiến để Sở Nội vụ tổng hợp.\n\n"
        "Nơi nhận: KTTRƯỞNG BAN\n- Như kính gửi, PHÓ TRƯỞNG BAN\n- Lưu VP.\n\nTrần Văn Bình\n"
    )
    parsed = vanban.parse(normalize_ocr_text(party))
    assert parsed.on_behalf == "K/T TRƯỞNG BAN"
    assert parsed.recipients == ["Như kính gửi", "Lưu VP"]
    state = normalize_ocr_text(BODY + "Nơi nhận:\n- Như Điều 2;\n\nKTBỘ TRƯỞNG\nTHỨ TRƯỞNG\n")
    assert "KT. BỘ TRƯỞNG" in state
    # letters that begin no form of the signature block stay glued ("KTTH", a unit's code)
    assert "KTTH" in normalize_ocr_text(BODY + "Nơi nhận:\n- Lưu: VT, KTTH (2).\n")


def test_of_two_forms_as_near_after_a_mark_the_one_that_goes_on_is_read() -> None:
    from vanban.ocr_text import mend_signature_lines

    line = "Nơi nhận: T/M BAN CHẮÁP HÀNH TRUNG ƯƠNG"
    assert mend_signature_lines(line) == "Nơi nhận: T/M BAN CHẤP HÀNH TRUNG ƯƠNG"
    assert mend_signature_lines("T/M BAN CHẮÁP HÀNH") == "T/M BAN CHẤP HÀNH"


def test_a_copy_as_addressed_is_read_in_the_formats_words() -> None:
    footer = (
        "Nơi nhận:\n- Như kinh gi, PHÓ CHỦ TỊCH\n- Như tren;\n- Lưu: VP, VT.\n\nNguyễn Thị An\n"
    )
    assert _recipients(footer)[:2] == ["Như kính gửi", "Như trên"]
    # "Như Điều 2" and what is near no fixed words stay as read
    assert _recipients("Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nNguyễn Thị An\n")[0] == "Như Điều 2"


def test_the_signature_column_beside_a_wrapped_recipient_behind_the_seals_marks() -> None:
    footer = (
        "Nơi nhận: T/M BAN THƯỜNG VỤ\n- Các ban đảng, đảng uỷ ==ss„LONG BÌ THỨ\n"
        "trực thuộc Tỉnh ủy;\n- Lưu Văn phòng Tỉnh ủy.\n\nTrần Văn Bình\n"
    )
    assert _recipients(footer) == [
        "Các ban đảng, đảng uỷ trực thuộc Tỉnh ủy",
        "Lưu Văn phòng Tỉnh ủy",
    ]
    # capitals after a blank, with no marks glued to them, are the parser's to read
    from vanban.ocr_footer import drop_recipient_debris

    text = "Nơi nhận:\n- Như kính gửi, PHÓ TRƯỞNG BAN\n- Các ban đảng - BAN CHẤP HÀNH\n"
    assert drop_recipient_debris(text) == text
