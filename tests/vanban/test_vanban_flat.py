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


PARTY_PLAN = (
    "ĐẢNG BỘ TỈNH BÌNH PHƯỚC ĐẢNG CỘNG SẢN VIỆT NAM ĐẢNG ỦY XÃ TÂN LẬP * Tân Lập, ngày 12 tháng"
    " 3 năm 2024 Số 15-KH/ĐU KẾ HOẠCH tuyên truyền kỷ niệm 94 năm Ngày thành lập Đoàn Thực hiện"
    " Kế hoạch số 98-KH/HU ngày 01/3/2024 của Ban Thường vụ Huyện ủy, Ban Thường vụ Đảng ủy xã"
    " xây dựng kế hoạch như sau: I. MỤC ĐÍCH, YÊU CẦU 1. Mục đích Nâng cao nhận thức của đoàn"
    " viên. 2. Yêu cầu Bảo đảm thiết thực. II. NỘI DUNG TUYÊN TRUYỀN 1. Lịch sử vẻ vang của"
    " Đoàn. 2. Gương thanh niên tiêu biểu. Nơi nhận: - Ban Thường vụ Huyện ủy (b/c); - Các chi"
    " bộ trực thuộc; - Lưu VPĐU. T/M ĐẢNG ỦY PHÓ BÍ THƯ Trần Thị Mai"
)
LETTER = (
    "UBND HUYỆN ĐỒNG PHÚ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số:"
    " 45/VHTT V/v tuyên truyền kỷ niệm Ngày Quốc khánh Việt Nam. Đồng Phú, ngày 20 tháng 8 năm"
    " 2024 Kính gửi: Ủy ban nhân dân các xã, thị trấn. Thực hiện Công văn số 1120/SVHTTDL-QLVH"
    " ngày 10/8/2024 của Sở Văn hóa, Thể thao và Du lịch, Phòng Văn hóa và Thông tin đề nghị"
    " các xã tuyên truyền. Nơi nhận: - Như trên; - Lưu: VT, VH. TRƯỞNG PHÒNG Lê Văn Tám"
)


def test_flat_party_plan_puts_back_its_number_title_opening_and_sections() -> None:
    """The number before the type word, the opening "Thực hiện …" after the title, section
    headings in capitals and the items after a sentence's end each begin a line again."""
    doc = vanban.parse(PARTY_PLAN)
    assert (doc.number, doc.doc_type) == ("15-KH/ĐU", "Kế hoạch")
    assert doc.title == "tuyên truyền kỷ niệm 94 năm Ngày thành lập Đoàn"
    assert doc.implements == ["98-KH/HU"]
    assert [(s.label, s.title) for s in doc.sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "NỘI DUNG TUYÊN TRUYỀN"),
    ]
    assert doc.recipients == ["Ban Thường vụ Huyện ủy (b/c)", "Các chi bộ trực thuộc", "Lưu VPĐU"]
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (
        "T/M ĐẢNG ỦY",
        "PHÓ BÍ THƯ",
        "Trần Thị Mai",
    )


def test_flat_letter_keeps_its_subject_place_and_unmarked_signature_apart() -> None:
    """ "V/v …" ends where the place and date begin (a sentence's dot is no part of the place);
    the signer's title and name right after the archive line, with no authority mark."""
    doc = vanban.parse(LETTER)
    assert doc.title == "V/v tuyên truyền kỷ niệm Ngày Quốc khánh Việt Nam."
    assert (doc.place, doc.date) == ("Đồng Phú", "2024-08-20")
    assert doc.implements == ["1120/SVHTTDL-QLVH"]
    assert doc.recipients == ["Như trên", "Lưu: VT, VH"]
    assert (doc.signer_title, doc.signer_name) == ("TRƯỞNG PHÒNG", "Lê Văn Tám")


def test_flat_header_puts_the_superior_body_and_the_issuing_one_on_lines_of_their_own() -> None:
    for head, parent, body in (
        ("UBND TỈNH ĐỒNG NAI SỞ TƯ PHÁP", "UBND TỈNH ĐỒNG NAI", "SỞ TƯ PHÁP"),
        ("ĐẢNG BỘ SỞ Y TẾ CHI BỘ VĂN PHÒNG", "ĐẢNG BỘ SỞ Y TẾ", "CHI BỘ VĂN PHÒNG"),
        (
            "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH CỤC VĂN HÓA CƠ SỞ",
            "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
            "CỤC VĂN HÓA CƠ SỞ",
        ),
    ):
        lines = reflow(head + " " + LETTER.split(" ", 4)[4]).splitlines()
        assert lines[:2] == [parent, body]
    # one body alone stays whole
    assert reflow(LETTER).splitlines()[0] == "UBND HUYỆN ĐỒNG PHÚ"


OLD_DECISION = (
    "Thư viện văn bản Trang chủ BỘ Y TẾ ****** VIỆT NAM DÂN CHỦ CỘNG HÒA Độc lập - Tự do - Hạnh"
    " phúc ******** Số: 45-BYT Hà Nội , ngày 02 tháng 3 năm 1965 QUYẾT ĐỊNH VỀ VIỆC THÀNH LẬP"
    " BỆNH VIỆN HUYỆN CỦA TỈNH NAM HÀ BỘ TRƯỞNG BỘ Y TẾ Căn cứ Nghị định số 12-CP ngày 4-2-1961"
    " của Hội đồng Chính phủ; Theo đề nghị của Ủy ban hành chính tỉnh Nam Hà; QUYẾT ĐỊNH:"
    " Điều 1. Nay thành lập bệnh viện huyện Ý Yên. Điều 2. Ủy ban hành chính tỉnh Nam Hà chịu"
    " trách nhiệm thi hành quyết định này. BỘ TRƯỞNG BỘ Y TẾ Nguyễn Văn Hưởng HIỆU LỰC VĂN BẢN"
    " Quyết định 45-BYT năm 1965"
)


def test_flat_old_decision_parts_its_authority_line_and_unmarked_signature() -> None:
    """An old decision without line breaks: the body's name after a web page's words, above
    its stars; the place's comma after a blank; the authority line in capitals after a title
    in capitals; the signer's title in capitals and the name after the last article."""
    lines = reflow(OLD_DECISION).splitlines()
    assert "BỘ Y TẾ" in lines[:2]
    assert "Hà Nội , ngày 02 tháng 3 năm 1965" in lines
    assert "VỀ VIỆC THÀNH LẬP BỆNH VIỆN HUYỆN CỦA TỈNH NAM HÀ" in lines
    doc = vanban.parse(OLD_DECISION)
    assert doc.issuer == "BỘ Y TẾ"
    assert doc.title == "VỀ VIỆC THÀNH LẬP BỆNH VIỆN HUYỆN CỦA TỈNH NAM HÀ"
    assert (doc.signer_title, doc.signer_name) == ("BỘ TRƯỞNG BỘ Y TẾ", "Nguyễn Văn Hưởng")


def test_flat_authority_line_is_parted_only_where_a_title_links_no_body() -> None:
    """The last name of a body or office starts the authority line, unless "CỦA" or "VỀ"
    stands before it or the line is one authority; the state's name after the body's is a
    line of its own."""
    lines = reflow(
        OLD_DECISION.replace("CỦA TỈNH NAM HÀ BỘ TRƯỞNG BỘ Y TẾ", "CỦA ỦY BAN NHÂN DÂN TỈNH")
    ).splitlines()
    assert "VỀ VIỆC THÀNH LẬP BỆNH VIỆN HUYỆN CỦA ỦY BAN NHÂN DÂN TỈNH" in lines
    text = OLD_DECISION.replace(
        "QUYẾT ĐỊNH VỀ VIỆC THÀNH LẬP BỆNH VIỆN HUYỆN CỦA TỈNH NAM HÀ BỘ TRƯỞNG BỘ Y TẾ",
        "NGHỊ QUYẾT CỦA HỘI ĐỒNG NHÂN DÂN VỀ VIỆC PHÊ CHUẨN BẦU CHỦ TỊCH HỘI ĐỒNG NHÂN DÂN"
        " TỈNH NAM HÀ ỦY BAN THƯỜNG VỤ QUỐC HỘI NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    )
    lines = reflow(text).splitlines()
    assert "ỦY BAN THƯỜNG VỤ QUỐC HỘI" in lines
    assert "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines
    text = OLD_DECISION.replace("BỘ TRƯỞNG BỘ Y TẾ Căn cứ", "CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG Căn cứ")
    assert "CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG" in reflow(text).splitlines()


def test_flat_name_or_title_before_signed_mark() -> None:
    """Old decisions print the name, or the signer's title, before "(Đã ký)"; the name under
    "(đã ký)" is parted from the office printed after it."""
    text = OLD_DECISION.replace(
        "BỘ TRƯỞNG BỘ Y TẾ Nguyễn Văn Hưởng", "Phó Chủ tịch (Đã ký) Lê Văn Hai"
    )
    doc = vanban.parse(text)
    assert (doc.signer_title, doc.signer_name) == ("Phó Chủ tịch", "Lê Văn Hai")
    text = OLD_DECISION.replace("BỘ TRƯỞNG BỘ Y TẾ Nguyễn Văn Hưởng", "Trần Văn Ba (Đã ký)")
    lines = reflow(text).splitlines()
    assert lines[lines.index("(Đã ký)") - 1] == "Trần Văn Ba"
    text = OLD_DECISION.replace(
        "BỘ TRƯỞNG BỘ Y TẾ Nguyễn Văn Hưởng",
        "TM. HỘI ĐỒNG ĐỘI CHỦ TỊCH (đã ký) Nguyễn Văn Hải Bí thư Ban Chấp hành Đoàn",
    )
    lines = reflow(text).splitlines()
    assert lines[lines.index("(đã ký)") + 1] == "Nguyễn Văn Hải"


def test_flat_signature_line_parts_the_title_and_a_name_inside_it() -> None:
    """A mark's line: the deputy's title after the authority ("KT. BỘ TRƯỞNG BỘ TƯ PHÁP THỨ
    TRƯỞNG"), a title in sentence case and a name in capitals, and words after the name."""
    for signature, title, name in (
        ("KT. BỘ TRƯỞNG BỘ Y TẾ THỨ TRƯỞNG Lê Văn Tư", "THỨ TRƯỞNG", "Lê Văn Tư"),
        ("TM. ỦY BAN THƯỜNG VỤ Chủ tịch NGUYỄN VĂN NĂM Lưu tại kho", "Chủ tịch", "NGUYỄN VĂN NĂM"),
        ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Sáu ;", "PHÓ CHỦ TỊCH", "Trần Văn Sáu"),
    ):
        text = OLD_DECISION.replace("BỘ TRƯỞNG BỘ Y TẾ Nguyễn Văn Hưởng", signature)
        doc = vanban.parse(text)
        assert (doc.signer_title, doc.signer_name) == (title, name)


def test_flat_body_opening_ends_the_title() -> None:
    """The body's opening words ("Ngày 20 tháng 6 năm 2024, …", "Thời gian qua, …") after a
    title in small letters: a paragraph of its own, not the title's next line."""
    head = (
        "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI Số: 18/TB-UBND CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập"
        " - Tự do - Hạnh phúc Đồng Nai, ngày 27 tháng 6 năm 2024 THÔNG BÁO Kết luận của Chủ tịch"
        " Ủy ban nhân dân tỉnh tại buổi làm việc với Sở Y tế "
    )
    for opening in ("Ngày 20 tháng 6 năm 2024, Chủ tịch", "Thời gian qua, các cấp"):
        text = head + opening + " chủ trì buổi làm việc về công tác y tế. " + "Nội dung. " * 40
        doc = vanban.parse(text)
        assert doc.title == (
            "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc với Sở Y tế"
        )


def test_flat_type_word_after_page_words_and_letters_types() -> None:
    """A type word in capitals after a web page's words opens its line; an open letter's type
    word makes a flat text; the body's name in capitals is no part of the place."""
    text = (
        "Sign In QUYẾT ĐỊNH Về việc ban hành quy định tạm thời ỦY BAN NHÂN DÂN TỈNH BẾN TRE"
        " - Căn cứ Luật tổ chức Hội đồng nhân dân ngày 30 tháng 6 năm 1983; QUYẾT ĐỊNH: Điều 1."
        " Ban hành quy định. Điều 2. Quyết định này có hiệu lực từ ngày ký. " + "Nội dung. " * 30
    )
    doc = vanban.parse(text)
    assert doc.doc_type == "Quyết định"
    assert doc.title == "Về việc ban hành quy định tạm thời"
    text = (
        "UỶ BAN NHÂN DÂN HUYỆN MAI SƠN Mai Sơn, ngày 9 tháng 12 năm 2019 THƯ NGỎ Vận động ủng"
        " hộ quỹ vì người nghèo Trong những năm qua, nhân dân đã chung tay. " + "Nội dung. " * 40
    )
    assert is_flat(text)
    doc = vanban.parse(text)
    assert (doc.issuer, doc.place, doc.date) == (
        "UỶ BAN NHÂN DÂN HUYỆN MAI SƠN",
        "Mai Sơn",
        "2019-12-09",
    )


def test_flat_mark_without_dot_closing_words_and_title_after_the_body() -> None:
    """ "KT" without its dot before an office opens the signature; a letter's closing words
    ("KÍNH THƯ") stand apart from the signer's title; a title in sentence case after the
    body's name, before "(Đã ký)", is the signer's title."""
    for signature, title, name in (
        (
            "KT BỘ TRƯỞNG, CHỦ NHIỆM VĂN PHÒNG PHÓ CHỦ NHIỆM Đỗ Văn Bảy",
            "PHÓ CHỦ NHIỆM",
            "Đỗ Văn Bảy",
        ),
        (
            "KÍNH THƯ PHÓ CHỦ TỊCH UBND HUYỆN Phạm Văn Tám",
            "PHÓ CHỦ TỊCH UBND HUYỆN",
            "Phạm Văn Tám",
        ),
        ("UBND tỉnh Nam Hà Chủ tịch (Đã ký) Vũ Văn Chín", "Chủ tịch", "Vũ Văn Chín"),
    ):
        text = OLD_DECISION.replace("BỘ TRƯỞNG BỘ Y TẾ Nguyễn Văn Hưởng", signature)
        doc = vanban.parse(text)
        assert (doc.signer_title, doc.signer_name) == (title, name)


def test_flat_news_page_puts_its_date_line_apart() -> None:
    """A news page on one line: its date line (a date in figures with its label, time or
    weekday) apart from the headline above and the body below; the body's opening words
    ("Ngày 10/8/2022, …") apart from a headline after the date line."""
    body = "Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị báo cáo viên tháng 3 năm nay. " * 8
    for page, date in (
        ("Tổ chức hội nghị báo cáo viên Cập nhật lúc: 15:45 27/05/2018 " + body, "2018-05-27"),
        ("Tổ chức hội nghị báo cáo viên 14/07/2021 - 20:45 " + body, "2021-07-14"),
        ("10:10, 09/10/2020 Tổ chức hội nghị báo cáo viên Ngày 10/8/2022, " + body, "2020-10-09"),
    ):
        assert is_flat(page)
        doc = vanban.parse(page)
        assert doc.doc_type == "Tin bài"
        assert (doc.title, doc.date) == ("Tổ chức hội nghị báo cáo viên", date)


BODY_WORDS = " Nội dung công việc cần thực hiện trong năm nay theo kế hoạch đã ban hành." * 6


def test_flat_letter_header_read_column_after_column() -> None:
    # the left column (bodies, number, subject) before the right one (motto, misspelled, with
    # en dashes; place and date): the motto goes back under the bodies, apart from the subject
    text = (
        "UBND TỈNH AN GIANG TRUNG TÂM XÚC TIẾN DU LỊCH Số: 12 /TTXT-DL V/v góp ý dự thảo kế"
        " hoạch năm 2026 của tỉnh CÔNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh"
        " phúc An Giang, ngày 16 tháng 01 năm 2026 Kính gửi: Sở Nội vụ" + BODY_WORDS
    )
    lines = reflow(text).splitlines()
    assert lines[:6] == [
        "UBND TỈNH AN GIANG",
        "TRUNG TÂM XÚC TIẾN DU LỊCH",
        "CÔNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập – Tự do – Hạnh phúc",
        "Số: 12 /TTXT-DL",
        "V/v góp ý dự thảo kế hoạch năm 2026 của tỉnh",
    ]
    doc = vanban.parse(text)
    assert (doc.parent_issuer, doc.issuer) == ("UBND TỈNH AN GIANG", "TRUNG TÂM XÚC TIẾN DU LỊCH")
    assert doc.title == "V/v góp ý dự thảo kế hoạch năm 2026 của tỉnh"


def test_flat_header_read_line_by_line_keeps_the_body_name_whole() -> None:
    # "ỦY BAN NHÂN DÂN | CỘNG HÒA …" / "TỈNH AN GIANG | Độc lập …" read row by row, after a
    # web page's words
    text = (
        "Trang in ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM TỈNH AN GIANG Độc lập - Tự"
        " do - Hạnh phúc Số: 73/UBND-TH An Giang, ngày 12 tháng 1 năm 2018 V/v ủy quyền điều"
        " hành công việc Kính gửi: Sở Nội vụ" + BODY_WORDS
    )
    lines = reflow(text).splitlines()
    assert lines[:4] == [
        "Trang in",
        "ỦY BAN NHÂN DÂN TỈNH AN GIANG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]


def test_flat_header_parts_the_superior_body_without_a_motto_near() -> None:
    text = (
        "UBND TỈNH AN GIANG HỘI ĐỒNG THẨM ĐỊNH, ĐÁNH GIÁ CHỈ SỐ CCHC Số: 95 /TTr-HĐTĐ TỜ TRÌNH"
        " Về việc công bố chỉ số cải cách hành chính" + BODY_WORDS
    )
    lines = reflow(text).splitlines()
    assert lines[:2] == ["UBND TỈNH AN GIANG", "HỘI ĐỒNG THẨM ĐỊNH, ĐÁNH GIÁ CHỈ SỐ CCHC"]


def test_flat_signature_glued_mark_title_with_its_unit_and_second_office() -> None:
    base = "UBND TỈNH AN GIANG SỞ NỘI VỤ Số: 5/SNV-TC V/v báo cáo" + BODY_WORDS
    text = (
        base + " Nơi nhận: - Như trên; - Lưu: VT. TM.HỘI ĐỒNG CHỦ TỊCH GIÁM ĐỐC SỞ NỘI VỤ Lê Văn An"
    )
    assert reflow(text).splitlines()[-4:] == [
        "TM.HỘI ĐỒNG",
        "CHỦ TỊCH",
        "GIÁM ĐỐC SỞ NỘI VỤ",
        "Lê Văn An",
    ]
    text = base + " Nơi nhận: - Như trên; - Lưu: VT. TL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ TỔ CHỨC Lê Văn An"
    assert reflow(text).splitlines()[-3:] == ["TL. BỘ TRƯỞNG", "VỤ TRƯỞNG VỤ TỔ CHỨC", "Lê Văn An"]
    # a body's name that holds a title's words stays whole; a deputy's title too
    text = base + " Nơi nhận: - Như trên; - Lưu: VT. T/M BAN BÍ THƯ Lê Văn An"
    assert reflow(text).splitlines()[-2:] == ["T/M BAN BÍ THƯ", "Lê Văn An"]
    text = base + " Nơi nhận: - Như trên; - Lưu: VT. K/T TRƯỞNG BAN PHÓ TRƯỞNG BAN Lê Văn An"
    assert reflow(text).splitlines()[-3:] == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Lê Văn An"]


def test_flat_two_column_footer_puts_the_signature_after_the_recipients() -> None:
    # recipients left, signature right, read row by row: the mark and the title between the
    # recipients, the name after the archive line
    text = (
        "ĐẢNG BỘ TỈNH AN GIANG BAN THƯỜNG VỤ * Số 5-CV/ĐU V/v triển khai nghị quyết"
        + BODY_WORDS
        + " Nơi nhận: T/M BAN THƯỜNG VỤ - Như trên; - Thường trực Tỉnh ủy; PHÓ BÍ THƯ - Lãnh đạo"
        " Văn phòng; - Lưu Văn phòng Đảng ủy. Lê Văn An PHỤ LỤC 1"
    )
    assert reflow(text).splitlines()[-9:] == [
        "Nơi nhận:",
        "- Như trên;",
        "- Thường trực Tỉnh ủy;",
        "- Lãnh đạo Văn phòng;",
        "- Lưu Văn phòng Đảng ủy.",
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ",
        "Lê Văn An",
        "PHỤ LỤC 1",
    ]
    doc = vanban.parse(text)
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ",
        "Lê Văn An",
    )
    assert doc.recipients == [
        "Như trên",
        "Thường trực Tỉnh ủy",
        "Lãnh đạo Văn phòng",
        "Lưu Văn phòng Đảng ủy",
    ]


def test_flat_subject_after_the_number_and_type_word_before_a_small_letter_title() -> None:
    # a letter's subject right after its number: "về việc …", in sentence case, "“V/v …”"
    for subject in (
        "về việc triển khai chương trình hành động",
        "Hướng dẫn một số nội dung về hợp nhất hội",
        "“V/v giới thiệu lãnh đạo tham gia ban”",
    ):
        text = (
            "HIỆP HỘI CÔNG CHỨNG VIÊN VIỆT NAM BAN THƯỜNG VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
            " Độc lập - Tự do - Hạnh phúc Số: 545 /HD-BTV " + subject + " Hà Nội, ngày 29 tháng"
            " 7 năm 2025 Kính gửi: Các hội thành viên" + BODY_WORDS
        )
        lines = reflow(text).splitlines()
        assert lines[:2] == ["HIỆP HỘI CÔNG CHỨNG VIÊN VIỆT NAM", "BAN THƯỜNG VỤ"]
        assert lines[4:6] == ["Số: 545 /HD-BTV", subject]
    # the type word alone on its line, the title after it opening in small letters
    text = (
        "TỈNH ỦY AN GIANG * ĐẢNG CỘNG SẢN VIỆT NAM Số 104-CTr/TU An Giang, ngày 30 tháng 8 năm"
        " 2026 CHƯƠNG TRÌNH HÀNH ĐỘNG thực hiện Kết luận số 75-KL/TW của Bộ Chính trị"
        " Thực hiện Kết luận số 75-KL/TW, Ban Thường vụ Tỉnh ủy ban hành chương trình." + BODY_WORDS
    )
    lines = reflow(text).splitlines()
    assert lines[5:7] == [
        "CHƯƠNG TRÌNH HÀNH ĐỘNG",
        "thực hiện Kết luận số 75-KL/TW của Bộ Chính trị",
    ]
    assert vanban.parse(text).title == "thực hiện Kết luận số 75-KL/TW của Bộ Chính trị"


NEWS_BODY = " Các cơ quan, đơn vị tổ chức tuyên truyền sâu rộng trong cán bộ, đảng viên." * 6


def test_flat_news_page_headline_apart_from_its_date_and_lead() -> None:
    # a date line with dashes and its time after a comma
    text = "Lịch nghỉ Tết năm 2026 17-10-2025, 15:37 (GMT+7) Dịp Tết, cán bộ được nghỉ." + NEWS_BODY
    assert is_flat(text)
    assert reflow(text).splitlines()[:2] == ["Lịch nghỉ Tết năm 2026", "17-10-2025, 15:37 (GMT+7)"]
    # no date: the lead's part of the day and date, after an agency's tag
    text = "Đẩy mạnh tuyên truyền bầu cử TTH - Sáng 23/3, Ban Tuyên giáo họp." + NEWS_BODY
    assert is_flat(text)
    assert reflow(text).splitlines()[0] == "Đẩy mạnh tuyên truyền bầu cử"
    assert vanban.parse(text).title == "Đẩy mạnh tuyên truyền bầu cử"
    # the opening words of a body on its own line below the headline: not a flattened text
    text = "Đẩy mạnh tuyên truyền bầu cử\n\nThực hiện kế hoạch, Ban Tuyên giáo họp." + NEWS_BODY
    assert not is_flat(text)


def test_flat_short_news_page_and_a_cited_date_in_its_headline() -> None:
    # a short page on one line (under 400 characters) is flattened when its lead follows the
    # headline; the page's view count is its date line's kin
    text = (
        "Tuyên truyền kỷ niệm ngày thành lập Đảng Lượt xem: 6783 Ban Tuyên giáo Tỉnh ủy vừa"
        " ban hành công văn về việc tuyên truyền kỷ niệm ngày thành lập Đảng trên địa bàn."
        " Các cơ quan, đơn vị tổ chức treo băng rôn, khẩu hiệu tuyên truyền trong tháng."
    )
    assert 200 <= len(text) < 400 and is_flat(text)
    assert reflow(text).splitlines()[:2] == [
        "Tuyên truyền kỷ niệm ngày thành lập Đảng",
        "Lượt xem: 6783",
    ]
    assert not is_flat(text[:150])
    # a date after "ngày" is a cited document's, not the page's date line
    text = (
        "Thể lệ cuộc thi theo Kế hoạch số 57-KH/HV ngày 05/02/2025 của Học viện Chính trị"
        " quốc gia về bảo vệ nền tảng tư tưởng của Đảng, năm 2025, dành cho cán bộ, đảng viên"
        " và nhân dân trên địa bàn tỉnh tham gia đông đảo."
    )
    assert 200 <= len(text) < 400 and not is_flat(text)


def test_flat_short_letter_footer_is_a_paragraph_apart_from_the_header() -> None:
    # a blank line before "Nơi nhận:" (as printed): the signature of a short letter is not read
    # as a header's body
    text = (
        "UBND TỈNH AN GIANG SỞ XÂY DỰNG Số: 28 /SXD-QLN V/v góp ý thành lập hiệp hội CỘNG HOÀ XÃ"
        " HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc An Giang, ngày 15 tháng 4 năm 2026"
        " Kính gửi: Sở Nội vụ Sở Xây dựng nhận được Công văn số 16/SNV-TCBC ngày 07/4/2026 của"
        " Sở Nội vụ. Sở Xây dựng có ý kiến như sau: 1. Thống nhất công nhận Ban vận động."
        " 2. Việc thành lập hội đáp ứng các điều kiện theo quy định. Trên đây là ý kiến của Sở."
        " Nơi nhận: - Như trên; - GĐ Sở (b/cáo); - Lưu: VT, QLN. KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC"
        " Hồ Ngọc Hải"
    )
    assert "\n\nNơi nhận:\n" in reflow(text)
    doc = vanban.parse(text)
    assert (doc.parent_issuer, doc.issuer) == ("UBND TỈNH AN GIANG", "SỞ XÂY DỰNG")
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Hồ Ngọc Hải",
    )


_FLAT_PLAN = (
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"
    " Số: 41/KH-UBND An Giang, ngày 05 tháng 3 năm 2024 KẾ HOẠCH Triển khai chuyển đổi số năm 2024"
    " {body} Nơi nhận: - Như trên; - Lưu: VT. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn Bình"
)


def test_flattened_sections_and_items_in_sentence_case_open_their_lines() -> None:
    # flattened, the headings run into their content: a section in sentence case after a
    # sentence's end, an item's short heading before its first bullet, sub-items "1.1." / "a)"
    body = (
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau. I. Mục đích, yêu cầu 1. Mục đích -"
        " Quán triệt đầy đủ các nội dung. 2. Yêu cầu - Bảo đảm đúng tiến độ. II. Nhiệm vụ"
        " 1. Hạ tầng số 1.1. Mạng truyền dẫn Phủ sóng toàn tỉnh. 2. Dữ liệu số a) Cơ sở dữ"
        " liệu dân cư Cập nhật đầy đủ."
    )
    doc = vanban.parse(_FLAT_PLAN.format(body=body))
    assert [(s.label, s.title) for s in doc.sections] == [
        ("I", "Mục đích, yêu cầu"),
        ("II", "Nhiệm vụ"),
    ]
    assert [(i.section, i.label, i.title) for i in doc.items] == [
        ("I", "1", "Mục đích"),
        ("I", "2", "Yêu cầu"),
        ("II", "1", "Hạ tầng số"),
        ("II", "2", "Dữ liệu số"),
    ]


def test_a_cited_point_is_no_sub_item() -> None:
    body = "Thực hiện theo hướng dẫn tại mục 2.1. Phụ lục I và điểm 1.2. Biểu mẫu kèm theo."
    reflowed = reflow(_FLAT_PLAN.format(body=body))
    assert "mục 2.1. Phụ lục I" in reflowed and "điểm 1.2. Biểu mẫu" in reflowed
