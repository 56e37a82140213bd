"""Header forms: a type word with a qualifier in capitals, an office holder's title that
begins the issuing body's name wrapped over two lines, the issuer named again over the
preamble, a number typed into the padded blank before its symbol, the issuer's name wrapped
under its superior, and a letter whose number and subject lines OCR garbled."""

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


DECISION_HEAD = (
    "BỘ NỘI VỤ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 328/QĐ-BNV\nHà Nội, ngày 5 tháng 6 năm 2024\nQUYẾT ĐỊNH\n"
)


def test_a_caps_title_stops_at_the_authority_line_over_the_grounds() -> None:
    # a PDF's text with no blank line: the office that decides stands right under the title
    text = (
        DECISION_HEAD + "VỀ VIỆC ĐỔI TÊN CÁC XÃ\nCỦA TỈNH HÀ GIANG\nBỘ TRƯỞNG BỘ NỘI VỤ\n"
        "Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Đổi tên các xã.\n"
    )
    assert vanban.parse(text).title == "VỀ VIỆC ĐỔI TÊN CÁC XÃ CỦA TỈNH HÀ GIANG"
    # the office wrapped over two lines, grounds behind a dash
    wrapped = (
        DECISION_HEAD + "VỀ VIỆC THÀNH LẬP BAN CHỈ ĐẠO\nCHỦ TỊCH ỦY BAN NHÂN DÂN\n"
        "TỈNH TIỀN GIANG\n- Căn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Thành lập Ban Chỉ đạo.\n"
    )
    assert vanban.parse(wrapped).title == "VỀ VIỆC THÀNH LẬP BAN CHỈ ĐẠO"


def test_a_caps_line_over_the_grounds_that_names_no_office_stays_in_the_title() -> None:
    text = (
        DECISION_HEAD + "VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH\nTỔ CHỨC HỘI THI NĂM 2024\n"
        "Căn cứ Nghị định số 63/2022/NĐ-CP;\nQUYẾT ĐỊNH:\nĐiều 1. Phê duyệt.\n"
    )
    assert vanban.parse(text).title == "VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH TỔ CHỨC HỘI THI NĂM 2024"


def test_a_title_stops_where_the_body_opens_on_its_meeting_or_the_time_past() -> None:
    head = (
        "HUYỆN ỦY VĨNH CỬU\n*\nSố 12-KL/HU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Vĩnh Cửu, ngày 29 tháng 3 năm 2024\nKẾT LUẬN\ncủa Ban Thường vụ Huyện ủy\n"
        "về tình hình thực hiện nhiệm vụ quý I năm 2024\n"
    )
    want = "của Ban Thường vụ Huyện ủy về tình hình thực hiện nhiệm vụ quý I năm 2024"
    for opening in (
        "Tại hội nghị ngày 28/3/2024, Ban Thường vụ Huyện ủy kết luận như sau:",
        "Ngày 28 tháng 3 năm 2024, Ban Thường vụ Huyện ủy họp và kết luận như sau:",
        "Thời gian qua, các cấp ủy đã triển khai nhiều nội dung.",
        "Trong những năm qua, công tác tuyên giáo có nhiều chuyển biến.",
        "Sau khi nghe Văn phòng Huyện ủy báo cáo, Ban Thường vụ kết luận:",
    ):
        assert vanban.parse(head + opening + "\n1. Nội dung.\n").title == want, opening
    # a heading's date in capitals is part of an old heading, not a body's opening
    heading = (
        "NGHỊ QUYẾT SỐ 203 NQ/UBTVQH9\nNGÀY 04-5-1994\nCỦA ỦY BAN THƯỜNG VỤ QUỐC HỘI VỀ VIỆC "
        "PHÊ CHUẨN KẾT QUẢ BẦU CỬ\n\nCăn cứ vào Điều 91 của Hiến pháp năm 1992;\n"
    )
    assert vanban.parse(heading).date == "1994-05-04"


def test_figures_typed_into_the_padded_blank_before_the_symbol() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH THUẬN\nSố:  779    /QĐ-UBND\n\n"
        "Bình Thuận, ngày    23   tháng    3   năm 2022\n\nQUYẾT ĐỊNH\n"
        "Về việc công nhận Điều lệ Quỹ Khuyến học tỉnh\n\nĐiều 1. Công nhận Điều lệ.\n"
    )
    doc = vanban.parse(text)
    assert (doc.number, doc.date) == ("779/QĐ-UBND", "2022-03-23")
    assert text[slice(*doc.spans["number"])] == "779    /QĐ-UBND"
    # the blank left as printed on a draft is no number, padded or not
    draft = text.replace("779    /", "       /")
    assert vanban.parse(draft).number == "/QĐ-UBND"
    # padding is read after the header's "Số:" only: a body's "số 12    /QĐ" is not the number
    body = text.replace("Số:  779    /QĐ-UBND", "").replace(
        "Công nhận", "Số 12    /QĐ-UBND công nhận"
    )
    assert vanban.parse(body).number is None


def test_the_issuers_name_wrapped_under_its_superior() -> None:
    text = (
        "UBND TỈNH LÂM ĐỒNG\nTRUNG TÂM XÚC TIẾN ĐẦU TƯ\nTHƯƠNG MẠI VÀ DU LỊCH\n"
        "Số: 644 /TTXT-ĐTDN\nV/v báo cáo tình hình cải thiện môi trường đầu tư\n\n"
        "Lâm Đồng, ngày 06 tháng 11 năm 2025\n\nKính gửi: Sở Nội vụ\n\nTình hình cụ thể như sau.\n"
    )
    doc = vanban.parse(text)
    assert (doc.issuer, doc.parent_issuer) == (
        "TRUNG TÂM XÚC TIẾN ĐẦU TƯ THƯƠNG MẠI VÀ DU LỊCH",
        "UBND TỈNH LÂM ĐỒNG",
    )
    # a third line that opens a body of its own (a head word, an initialism) is that body
    for third in ("BAN QUẢN LÝ DỰ ÁN", "BQL DỰ ÁN TỈNH"):
        own = text.replace("THƯƠNG MẠI VÀ DU LỊCH", third)
        assert (vanban.parse(own).issuer, vanban.parse(own).parent_issuer) == (
            third,
            "TRUNG TÂM XÚC TIẾN ĐẦU TƯ",
        )
    # and a line apart from the one above it is not its wrapped end
    apart = text.replace("\nTHƯƠNG MẠI", "\n\nTHƯƠNG MẠI")
    assert vanban.parse(apart).issuer == "THƯƠNG MẠI VÀ DU LỊCH"


_LETTER = """TỈNH ỦY LÂM ĐỒNG ĐẢNG CỘNG SẢN VIỆT NAM
BAN TUYÊN GIÁO VÀ DÂN VẬN
*
{number_line}
{subject_line}

Kính gửi: Sở Nội vụ.

{opening} Công văn số 1189/SNV-LĐVL ngày 29/8/2025 của Sở Nội vụ về việc cử đại diện;

Ban Tuyên giáo và Dân vận Tỉnh ủy cử lãnh đạo Ban tham gia như sau.

Nơi nhận:
- Như kính gửi,
- Lưu BTGDVTU.

K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN

Châu Ngọc Lương
"""


def test_a_letter_whose_number_and_subject_are_unreadable_is_still_a_letter() -> None:
    # a scan's OCR garbled "Số 20-CV/…" and "V/v": the header and "Kính gửi" still make it a
    # letter, whose body opens at "Kính gửi" (not a news page with every field empty)
    text = _LETTER.format(
        number_line="Sé z0 -CV/BTGDVTU", subject_line="V/% cử lãnh đạo", opening="Thực hiện"
    )
    doc = vanban.parse(text)
    assert (doc.doc_type, doc.issuer, doc.parent_issuer) == (
        "Công văn",
        "BAN TUYÊN GIÁO VÀ DÂN VẬN",
        "TỈNH ỦY LÂM ĐỒNG",
    )
    assert (doc.on_behalf, doc.signer_name) == ("K/T TRƯỞNG BAN", "Châu Ngọc Lương")
    assert doc.recipients == ["Như kính gửi", "Lưu BTGDVTU"]
    assert doc.implements == ["1189/SNV-LĐVL"]
    # without the formal header it stays a page of text
    headless = "\n".join(text.splitlines()[3:])
    assert vanban.parse(headless).doc_type == "Tin bài"


def test_triển_khai_before_a_documents_type_opens_the_opening_sentence() -> None:
    text = _LETTER.format(
        number_line="Số 20-CV/BTGDVTU", subject_line="V/v cử lãnh đạo", opening="Triển khai"
    )
    assert vanban.parse(text).implements == ["1189/SNV-LĐVL"]
    # "Triển khai" before a task, not a document's type, carries nothing out
    task = text.replace("Triển khai Công văn số 1189/SNV-LĐVL", "Triển khai nhiệm vụ theo văn bản")
    assert vanban.parse(task).implements == []
