"""Rules found on the real documents of tests/vanban/fixtures/real (signed scans of the Prime
Minister's office read by OCR, provincial letters): each checked on a small text of the same
shape, so that a change that breaks one says which."""

from __future__ import annotations

import vanban

DECISION = (
    "THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 970/QĐ-TTg Hà Nội, ngày 13 tháng 9 năm 2024\n\nQUYẾT ĐỊNH\n"
    "Ban hành danh mục dịch vụ sự nghiệp công\n\n"
    "ĐẾN qua, /41312021.... THỦ TƯỚNG CHÍNH PHỦ\n\n"
    "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\n{grounds}\n\n"
    "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành danh mục.\n\nĐiều 2. Quyết định này có hiệu lực.\n\n"
    "Nơi nhận:\n{recipients}\n"
)
GROUNDS = "Theo đề nghị của Bộ trưởng Bộ Tài chính."
RECIPIENTS = "- Như Điều 2;\n- Lưu: VT, KTTH (2)."


def _decision(grounds: str = GROUNDS, recipients: str = RECIPIENTS) -> vanban.ParsedDocument:
    return vanban.parse(DECISION.format(grounds=grounds, recipients=recipients))


def test_authority_line_above_the_grounds_is_no_signature_and_a_stamp_before_it_no_issuer() -> None:
    """The signature block under the seal is lost by OCR: the capitals line above the grounds
    is the decision's authority, not its signer's title; the reception stamp read into that line
    is not part of the body's name."""
    doc = _decision()
    assert doc.signer_title is None and doc.on_behalf is None
    assert doc.issuer == "THỦ TƯỚNG CHÍNH PHỦ"


def test_dash_led_recipients_continue_on_lines_without_a_dash() -> None:
    doc = _decision(
        recipients=(
            "- Như Điều 2;\n- VPCP: BTCN, PCN Mai Thị Thu Vân,\n"
            "Trợ lý TTg, TGĐ cổng TTĐT, các Vụ: NN, QHĐP;\n- Lưu: VT, KTTH (3)."
        )
    )
    assert doc.recipients == [
        "Như Điều 2",
        "VPCP: BTCN, PCN Mai Thị Thu Vân, Trợ lý TTg, TGĐ cổng TTĐT, các Vụ: NN, QHĐP",
        "Lưu: VT, KTTH (3)",
    ]


def test_a_name_after_a_recipients_semicolon_is_the_signers() -> None:
    """The two-column footer flattened by OCR puts the signer's name at a recipient line's end."""
    doc = _decision(
        recipients="- Như Điều 2;\n- Kiểm toán Nhà nước; Phạm Minh Chính\n- Lưu: VT, CN (02b)."
    )
    assert doc.signer_name == "Phạm Minh Chính"
    assert doc.recipients == ["Như Điều 2", "Kiểm toán Nhà nước", "Lưu: VT, CN (02b)"]
    body = _decision(recipients="- Như Điều 2;\n- Sở Nội vụ; Văn Phòng Bộ\n- Lưu: VT.")
    assert body.signer_name is None  # a body's name ("Văn Phòng …") is no person's


def test_an_article_ends_the_title() -> None:
    text = DECISION.format(grounds=GROUNDS, recipients=RECIPIENTS).replace(
        "QUYẾT ĐỊNH\nBan hành danh mục dịch vụ sự nghiệp công\n", "QUYÉT\n"
    )
    assert not vanban.parse(text).title.startswith("Điều")


def test_citations_sharing_one_cua() -> None:
    """ "Theo đề nghị của A tại văn bản số …, B tại văn bản số …" / "… và B tại Tờ trình số …":
    each citation's issuer is the body before its "tại"; "Phát triển" is inside a name."""
    doc = _decision(
        grounds=(
            "Theo đề nghị của Bộ Nông nghiệp và Phát triển nông thôn tại văn bản số "
            "7191/TTr-BNN-TT ngày 24 tháng 9 năm 2024, Bộ Y tế tại văn bản số 1130/TTr-BYT "
            "ngày 12 tháng 9 năm 2024 và Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang tại Tờ trình "
            "số 141/TTr-UBND ngày 18 tháng 9 năm 2024; của Bộ trưởng Bộ Tài chính tại các văn "
            "bản số 188/TTr-BTC ngày 05 tháng 9 năm 2023."
        )
    )
    assert [(r.number, r.issuer) for r in doc.references] == [
        ("970/QĐ-TTg", None),
        ("7191/TTr-BNN-TT", "Bộ Nông nghiệp và Phát triển nông thôn"),
        ("1130/TTr-BYT", "Bộ Y tế"),
        ("141/TTr-UBND", "Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang"),
        ("188/TTr-BTC", "Bộ trưởng Bộ Tài chính"),
    ][1:]


def test_letter_of_a_city_department() -> None:
    """A code joining abbreviations with "&", the subject introduced by "Về:", a unit named after
    its ministry ("Bộ … – Cục …", each name within the word limit)."""
    doc = vanban.parse(
        "UỶ BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n\n"
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 2865/GDĐT –KT&KĐCL\n"
        "Về: tham gia ý kiến về dự thảo Quy chế thi tốt nghiệp THPT.\n\n"
        "Tp.Hồ Chí Minh, ngày 07 tháng 12 năm 2007\n\nKính gửi: Hiệu trưởng các trường.\n\n"
        "Theo văn bản số 906/KT-KĐ ngày 03.12.2007 của Bộ Giáo dục và Đào tạo – Cục Khảo thí "
        "và Kiểm định chất lượng giáo dục đã dự thảo Quy chế.\n"
    )
    assert doc.number == "2865/GDĐT-KT&KĐCL"
    assert doc.parent_issuer == "UỶ BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"
    assert doc.title == "Về: tham gia ý kiến về dự thảo Quy chế thi tốt nghiệp THPT."
    assert doc.references[0].issuer == (
        "Bộ Giáo dục và Đào tạo – Cục Khảo thí và Kiểm định chất lượng giáo dục"
    )


def test_stamp_marks_and_single_words_are_no_header_body() -> None:
    """OCR reads a stamp or a seal beside the header ("THỂ", "CỔNG … CHÑHPHỦ| Q\\ +"): a body's
    name in the header has two words or more and none of those marks."""
    doc = vanban.parse(
        "THỂ\n\nTHỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "CỔNG THÔNG TI ĐIỆN TỦ CHÑHPHỦ| Q\\ +. . Ô2///\n"
        "Số: 1053/QĐ-TTg Hà Nội, ngày 28 tháng 9 năm 2024\nQUYẾT ĐỊNH\nVề việc xuất cấp hạt giống\n"
    )
    assert doc.parent_issuer is None
    assert doc.issuer == "THỦ TƯỚNG CHÍNH PHỦ"


def test_an_unclosed_quotation_mark_opening_a_title_is_a_speck() -> None:
    speck = vanban.parse(
        "Số: 1139/QĐ-TTg\n\nQUYẾT ĐỊNH\n„Phê chuẩn kết quả bầu chức vụ\n\nNội dung.\n"
    )
    assert speck.title == "Phê chuẩn kết quả bầu chức vụ"
    quoted = vanban.parse(
        "Số: 12-KH/TU\n\nKẾ HOẠCH\n“Tiếp tục đổi mới công tác tuyên giáo”\n\nA.\n"
    )
    assert quoted.title == "“Tiếp tục đổi mới công tác tuyên giáo”"


def test_the_young_pioneers_name_stands_where_the_motto_stands() -> None:
    """The Young Pioneers' papers take the Youth Union's form: "ĐỘI TNTP HỒ CHÍ MINH" alone on its
    line is the organisation's name in the motto's place, not a body above the issuer."""
    doc = vanban.parse(
        "ĐỘI TNTP HỒ CHÍ MINH\nHỘI ĐỒNG TRUNG ƯƠNG\n***\nSố: 20 -QĐ/HĐĐTW\n \n"
        "Hà Nội, ngày 03 tháng 8 năm 2015\n \nQUYẾT ĐỊNH\nVề việc ban hành Quy chế Thi đua\n"
        "--------\n \nĐiều 1: Ban hành Quy chế.\n"
    )
    assert (doc.parent_issuer, doc.issuer) == (None, "HỘI ĐỒNG TRUNG ƯƠNG")
    assert doc.number == "20-QĐ/HĐĐTW"
    spelled = vanban.parse(
        "ĐỘI THIẾU NIÊN TIỀN PHONG HỒ CHÍ MINH\nHỘI ĐỒNG ĐỘI TỈNH\n***\nSố: 05-KH/HĐĐ\n\n"
        "KẾ HOẠCH\nTổ chức Ngày hội\n\nNội dung.\n"
    )
    assert (spelled.parent_issuer, spelled.issuer) == (None, "HỘI ĐỒNG ĐỘI TỈNH")


def test_a_pages_teaser_cut_by_an_ellipsis_is_no_body_and_a_lone_code_follows_so() -> None:
    """A web page puts its one-line teaser of the letter (cut with "…") between its title and the
    letter: the header is read on from it. After "Số:", a number and one code is the symbol."""
    doc = vanban.parse(
        "V/v thay đổi mức đóng đoàn phí\n\n"
        "ĐOÀN TNCS HỒ CHÍ MINH TP HÀ NỘI  BCH TRƯỜNG ĐẠI HỌC LÂM NGHIỆP *** Số: 08 /ĐT "
        "V/v thay đổi mức đóng đoàn phí   Hà Nội, ngày 22 tháng 02 năm 2011          "
        "Kính gửi: Ban Chấp hành các chi đoàn.   Ngày 25/11/2010, Ban Thường vụ Trung ương "
        "Đoàn TNCS…\n\n"
        "ĐOÀN TNCS HỒ CHÍ MINH TP HÀ NỘI\nBCH TRƯỜNG ĐẠI HỌC LÂM NGHIỆP\n***\nSố: 08 /ĐT\n\n"
        "V/v thay đổi mức đóng đoàn phí\n\nHà Nội, ngày 22 tháng 02 năm 2011\n\n"
        "Kính gửi: Ban Chấp hành các chi đoàn.\n\nNội dung.\n"
    )
    assert (doc.number, doc.date, doc.place) == ("08/ĐT", "2011-02-22", "Hà Nội")
    assert (doc.parent_issuer, doc.issuer) == (
        "ĐOÀN TNCS HỒ CHÍ MINH TP HÀ NỘI",
        "BCH TRƯỜNG ĐẠI HỌC LÂM NGHIỆP",
    )
    # a long first paragraph without the ellipsis still ends the header
    body = vanban.parse("Số: 08 /ĐT\n\n" + "Nội dung dài " * 30 + "Số: 09 /ĐT.\n")
    assert body.number == "08/ĐT"


def test_the_rule_under_a_decisions_title_does_not_hide_its_authority_line() -> None:
    """The rule printed under the title ("--------") belongs to the title block: the capitals
    line under it, above the grounds, is still the decision's authority."""
    doc = vanban.parse(
        "ĐỘI TNTP HỒ CHÍ MINH\nHỘI ĐỒNG TRUNG ƯƠNG\n***\nSố: 20 -QĐ/HĐĐTW\n \n"
        "Hà Nội, ngày 03 tháng 8 năm 2015\n \nQUYẾT ĐỊNH\nVề việc ban hành Quy chế Thi đua\n"
        "--------\n \nHỘI ĐỒNG TRUNG ƯƠNG ĐỘI TNTP HỒ CHÍ MINH\n \n"
        "- Căn cứ Điều lệ Đội TNTP Hồ Chí Minh;\n \nQUYẾT ĐỊNH\n \nĐiều 1: Ban hành Quy chế.\n"
    )
    assert (doc.issuer, doc.parent_issuer) == ("HỘI ĐỒNG TRUNG ƯƠNG ĐỘI TNTP HỒ CHÍ MINH", None)


def test_unit_named_under_the_title_of_one_signing_for_the_head_continues_the_title() -> None:
    """A ministry's letter signed by a department head for the minister (TL.): the unit on its
    own capitals line under "VỤ TRƯỞNG" is part of the title, the name is the next line."""
    letter = (
        "BỘ NỘI VỤ CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 8977/BNV-TCPCP Hà Nội, ngày 06 tháng 10 năm 2025\n"
        "V/v trả lời đề nghị của Sở Nội vụ tỉnh Lâm Đồng\n\n"
        "Kính gửi: Sở Nội vụ tỉnh Lâm Đồng\n\n"
        "Bộ Nội vụ có ý kiến như sau: các hội báo cáo Ban Thường trực.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT, TCPCP.\n\n"
        "TL. BỘ TRƯỞNG\nVỤ TRƯỞNG\n{unit}\n\n{name}\n"
    )
    doc = vanban.parse(letter.format(unit="VỤ TỔ CHỨC PHI CHÍNH PHỦ", name="Thang Thị Hạnh"))
    assert doc.on_behalf == "TL. BỘ TRƯỞNG"
    assert doc.signer_title == "VỤ TRƯỞNG VỤ TỔ CHỨC PHI CHÍNH PHỦ"
    assert doc.signer_name == "Thang Thị Hạnh"
    # a name in capitals is no ordinary-case name: nothing to tell it from a unit, left alone
    doc = vanban.parse(letter.format(unit="VỤ TỔ CHỨC PHI CHÍNH PHỦ", name="THANG THỊ HẠNH"))
    assert doc.signer_title == "VỤ TRƯỞNG"


def test_two_citations_joined_by_and_share_the_body_after_the_second() -> None:
    """ "Quyết định số A ngày … và Quyết định số B ngày … của Thủ tướng Chính phủ": the "của"
    ending the second names the body of both; a second citation without its own "của" lends
    nothing."""
    doc = vanban.parse(
        "VĂN PHÒNG CHÍNH PHỦ\nSố: 58/CĐ-VPCP\n\nCÔNG ĐIỆN\nPhiên họp Ban Chỉ đạo.\n\n"
        "- Các thành viên Ban Chỉ đạo (Theo Quyết định số 2319/QĐ-TTg ngày 20 tháng 10 năm 2025 "
        "và Quyết định số 2764/QĐ-TTg ngày 19 tháng 12 năm 2025 của Thủ tướng Chính phủ);\n\n"
        "Căn cứ Công văn số 15/UBND-VX ngày 02/01/2026 và Công văn số 27/SNV-VP ngày 05/01/2026.\n"
    )
    issuers = {r.number: r.issuer for r in doc.references}
    assert issuers["2319/QĐ-TTg"] == issuers["2764/QĐ-TTg"] == "Thủ tướng Chính phủ"
    assert issuers["15/UBND-VX"] is None and issuers["27/SNV-VP"] is None


def test_symbol_wrapped_after_the_dash_of_its_code_is_one_symbol() -> None:
    """A PDF line ends inside a cited symbol, after the dash of its code ("2764/QĐ-" / "TTg
    ngày …"): the two parts are one symbol, which keeps its date and its body."""
    doc = vanban.parse(
        "VĂN PHÒNG CHÍNH PHỦ\nSố: 58/CĐ-VPCP\n\nCÔNG ĐIỆN\nPhiên họp Ban Chỉ đạo.\n\n"
        "- Các thành viên (Theo Quyết định số 2319/QĐ-TTg ngày 20 tháng 10 năm 2025 và Quyết "
        "định số 2764/QĐ-\nTTg ngày 19 tháng 12 năm 2025 của Thủ tướng Chính phủ);\n"
    )
    refs = {r.number: (r.date, r.issuer) for r in doc.references}
    assert refs["2764/QĐ-TTg"] == ("2025-12-19", "Thủ tướng Chính phủ")
    assert refs["2319/QĐ-TTg"] == ("2025-10-20", "Thủ tướng Chính phủ")


def test_a_quoted_passage_names_no_issuer_of_the_letter() -> None:
    """A reply quotes the letter it answers ("“Ngày 25/9/2025, Ban Thường trực … ban hành Công
    văn số …"): the body acting in the quotation is not the letter's issuer, the header's is."""
    doc = vanban.parse(
        "BỘ NỘI VỤ CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 8977/BNV-TCPCP Hà Nội, ngày 06 tháng 10 năm 2025\n"
        "V/v trả lời đề nghị của Sở Nội vụ tỉnh Lâm Đồng\n\n"
        "Kính gửi: Sở Nội vụ tỉnh Lâm Đồng\n\n"
        "Bộ Nội vụ nhận được Công văn số 1843/SNV-TCBC ngày 01/10/2025 của Sở Nội vụ như sau:\n"
        "“Ngày 25/9/2025, Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lâm Đồng ban "
        "hành Công văn số 227/NTTQ-BTT về việc đề nghị công nhận chức danh.”\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT, TCPCP.\n"
    )
    assert doc.issuer == "BỘ NỘI VỤ"
    refs = {r.number: (r.date, r.issuer) for r in doc.references}
    assert (
        refs["227/NTTQ-BTT"][1] == "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lâm Đồng"
    )
