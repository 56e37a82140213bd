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


# --- fresh state documents of 2026-12-04 (old decisions of the legal libraries, table cells) ---

OLD_DECISION = (
    "BỘ NỘI VỤ\n******\n\nVIỆT NAM DÂN CHỦ CỘNG HÒA\nĐộc lập - Tự do - Hạnh phúc\n********\n\n"
    "Số: {number}\n\nHà Nội, ngày 13 tháng 12 năm 1962\n\nQUYẾT ĐỊNH\n\n"
    "VỀ VIỆC ĐỔI TÊN CÁC XÃ\n\nBỘ TRƯỞNG BỘ NỘI VỤ\n\n"
    "Căn cứ Nghị định số 130-CP ngày 29-09-1961 của Hội đồng Chính phủ;\n\nQUYẾT ĐỊNH:\n\n"
    "Điều 1. Nay đổi tên các xã.\n\nĐiều 2. Vụ Chính quyền địa phương thi hành.\n\n{signature}\n"
)


def test_symbol_of_the_old_form_after_the_header_number_lead() -> None:
    """Before the present symbols, a decision's number was the number and one issuer code
    ("101-HĐBT", "278-NV", "264/CT"); after "Số:" in the header nothing else stands."""
    for number in ("328-NV", "64-HĐBT", "264/CT"):
        doc = vanban.parse(OLD_DECISION.format(number=number, signature="Phan Kế Toại"))
        assert doc.number == number
    # the body's own "số 130-CP" is not the document's number
    assert vanban.parse(OLD_DECISION.format(number="", signature="")).number is None


def test_symbol_on_the_line_after_a_bare_number_lead() -> None:
    """A table cell wrapped by the page: "Số:" ends its line, the symbol opens the next."""
    doc = vanban.parse(
        "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG\n|\nSố:\n33/2009/QĐ-UBND\n|\n"
        "Mỹ Tho, ngày 24 tháng 12 năm 2009\n|\nQUYẾT ĐỊNH\nBAN HÀNH QUY ĐỊNH\n"
    )
    assert doc.number == "33/2009/QĐ-UBND"


def test_national_name_of_the_democratic_republic_is_no_body() -> None:
    """ "VIỆT NAM DÂN CHỦ CỘNG HÒA" stands where "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" stands
    now (1945-1976): the ministry above it is the issuer, not its superior."""
    doc = vanban.parse(OLD_DECISION.format(number="328-NV", signature="Phan Kế Toại"))
    assert doc.issuer == "BỘ NỘI VỤ" and doc.parent_issuer is None


def test_name_next_to_the_signed_mark_without_a_title() -> None:
    """The libraries print an old decision's signature as the name and "(Đã ký)", in either
    order, with no title line; a title in sentence case ("Phó Chủ tịch") may stand above."""
    above = vanban.parse(OLD_DECISION.format(number="64-HĐBT", signature="Tố Hữu\n\n(Đã ký)"))
    assert above.signer_name == "Tố Hữu" and above.signer_title is None
    below = vanban.parse(
        OLD_DECISION.format(number="264/CT", signature="Phó Chủ tịch\n\n(Đã ký)\n\nVõ Văn Kiệt")
    )
    assert (below.signer_title, below.signer_name) == ("Phó Chủ tịch", "Võ Văn Kiệt")
    # a title in capitals next to the mark is no name
    caps = vanban.parse(OLD_DECISION.format(number="64-HĐBT", signature="CHỦ TỊCH\n\n(Đã ký)"))
    assert caps.signer_name is None


def test_a_name_whose_syllables_fold_to_a_title_word() -> None:
    """ "Trường Chinh", "Nguyễn Văn Phòng" fold to "truong", "van phong": a name in mixed case
    is still a name; only a line in capitals is taken for a title."""
    doc = vanban.parse(
        OLD_DECISION.format(
            number="328-NV",
            signature="TM. ỦY BAN NHÂN DÂN TỈNH\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Phòng",
        )
    )
    assert doc.signer_name == "Nguyễn Văn Phòng"
    assert (
        vanban.parse(
            OLD_DECISION.format(number="1-NQ", signature="Trường Chinh\n\n(Đã ký)")
        ).signer_name
        == "Trường Chinh"
    )
    resolution = vanban.parse(
        OLD_DECISION.format(
            number="328-NV", signature="TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\nChủ tịch\nNÔNG ĐỨC MẠNH"
        )
    )
    assert (resolution.signer_title, resolution.signer_name) == ("Chủ tịch", "NÔNG ĐỨC MẠNH")
    # a title in capitals opening the name's line is no part of the name
    shared = vanban.parse(
        OLD_DECISION.format(
            number="328-NV", signature="TL. CHỦ TỊCH\n\n\nCHÁNH VĂN PHÒNG Thái Hữu Phép"
        )
    )
    assert (shared.signer_title, shared.signer_name) == ("CHÁNH VĂN PHÒNG", "Thái Hữu Phép")


def test_portal_letter_heading_symbol_line_and_type_word_before_v_v() -> None:
    """A sector portal prints a ministry's letter without its header: the symbol alone on the
    first line, then "Công văn V/v …". A symbol alone on a header line is the number, and a type
    word in sentence case before "V/v" is the type line; "Thông báo về việc …" stays a news
    page's headline."""
    doc = vanban.parse(
        "3215/BVHTTDL-VHCS\n\nKTBT, TT Huỳnh Vĩnh Ái Theo BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH -\n\n"
        "Công văn V/v tổ chức Festival Đờn ca tài tử\n\nKính gửi: Sở Văn hoá, Thể thao và Du lịch\n"
        "Bộ có ý kiến như sau: chấp thuận./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT, VHCS.\n"
    )
    assert (doc.number, doc.doc_type) == ("3215/BVHTTDL-VHCS", "Công văn")
    assert doc.title == "V/v tổ chức Festival Đờn ca tài tử"
    assert doc.recipients == ["Như trên", "Lưu: VT, VHCS"]
    news = vanban.parse(
        "09:08, 31/08/2020\n\nThông báo về việc treo cờ Tổ quốc và nghỉ lễ\n\n"
        "Tất cả các cơ quan, đơn vị treo cờ Tổ quốc trong ngày 2-9-2020.\n"
    )
    assert news.doc_type == "Tin bài"


def test_old_form_symbols_cited_after_a_type_word_and_so() -> None:
    """Old documents cite old symbols after their kind and "số" ("Nghị định số 130-CP",
    "Quyết định số 76/HĐBT", "QUYẾT ĐỊNH SỐ 156/CT"); "số 12-A" with no type word before it is
    no citation. "ủy nhiệm" after a body's name is a verb, not part of it."""
    doc = vanban.parse(
        OLD_DECISION.format(number="405-NV", signature="Ung Văn Khiêm").replace(
            "của Hội đồng Chính phủ;",
            "của Hội đồng Chính phủ ủy nhiệm cho Bộ Nội vụ; Quyết định số 76/HĐBT ngày "
            "26 tháng 6 năm 1986 của Hội đồng Bộ trưởng; nhà số 12-A",
        )
    )
    assert [r.number for r in doc.references] == ["130-CP", "76/HĐBT"]
    assert doc.references[0].date == "1961-09-29"
    assert doc.references[0].issuer == "Hội đồng Chính phủ"
    assert doc.references[1].issuer == "Hội đồng Bộ trưởng"
    title = vanban.parse(
        "QUYẾT ĐỊNH\n\nVỀ VIỆC KHÔNG THỰC HIỆN QUYẾT ĐỊNH SỐ 156/CT\n\nNội dung.\n"
    )
    assert [r.number for r in title.references] == ["156/CT"]
    assert vanban.parse("Tỉnh ủy ban hành Nghị quyết số 12-NQ/TU.\n").references[0].number == (
        "12-NQ/TU"
    )


def test_header_cells_wrapped_one_word_a_line_are_joined() -> None:
    """A library page prints the header's table with each cell's words wrapped: a one-word
    line continues on the line right below it ("ỦY" / "BAN NHÂN DÂN", "CỘNG" / "HÒA XÃ HỘI …",
    "Mỹ" / "Tho, ngày …"); a word parted from the next line by a blank stays alone."""
    doc = vanban.parse(
        "ỦY\nBAN NHÂN DÂN\nTỈNH TIỀN GIANG\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập – Tự do – Hạnh phúc\n|\nSố:\n33/2009/QĐ-UBND\n|\nMỹ\n"
        "Tho, ngày 24 tháng 12 năm 2009\n|\nQUYẾT ĐỊNH\nBAN HÀNH QUY ĐỊNH VỀ MẠNG TIN HỌC\n"
        "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG\nCăn cứ Luật Công nghệ thông tin;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành Quy định.\n"
    )
    assert (doc.issuer, doc.parent_issuer) == ("ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG", None)
    assert (doc.place, doc.date) == ("Mỹ Tho", "2009-12-24")
    # the authority line under the title names the header's body again: not the title
    assert doc.title == "BAN HÀNH QUY ĐỊNH VỀ MẠNG TIN HỌC"


def test_old_subject_in_capitals_over_blank_lines_down_to_the_authority_line() -> None:
    """An old decision prints its subject over lines parted by blank lines; it goes on down to
    the authority line, which names the header's body again."""
    doc = vanban.parse(
        "CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG\nSố: 264/CT\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Hà Nội, ngày 14 tháng 10 năm 1988\n\nQUYẾT ĐỊNH\n\n"
        "CỦA CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG SỐ 264/CT\n\nNGÀY 14-10-1988 VỀ VIỆC KHÔNG THỰC HIỆN\n\n"
        "CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG\n\nCăn cứ tình hình mới.\n\nQUYẾT ĐỊNH:\n\nĐiều 1\n\nNội dung.\n"
    )
    assert doc.title == (
        "CỦA CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG SỐ 264/CT NGÀY 14-10-1988 VỀ VIỆC KHÔNG THỰC HIỆN"
    )
    assert doc.issuer == "CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG"
    # without the authority line below, a blank line still ends the title
    short = vanban.parse("QUYẾT ĐỊNH\n\nVỀ VIỆC GIẢI THỂ XÃ\n\nCăn cứ Hiến pháp;\n")
    assert short.title == "VỀ VIỆC GIẢI THỂ XÃ"


def test_heading_without_header_carries_number_and_date() -> None:
    """An archive prints a resolution without its header: the first line, in capitals, is the
    type word with the number and date ("NGHỊ QUYẾT SỐ 412 NQ/UBTVQH9 NGÀY 12-6-1997"); the
    body named after "CỦA" comes again as the authority line, which ends the title, and over
    the old formula's "NƯỚC CỘNG HÒA …" line it names the issuer. In a body, "KẾ HOẠCH số …"
    stays a citation."""
    doc = vanban.parse(
        "NGHỊ QUYẾT SỐ 412 NQ/UBTVQH9 NGÀY 12-6-1997\nCỦA ỦY BAN THƯỜNG VỤ QUỐC HỘI\n"
        "VỀ VIỆC PHÊ CHUẨN KẾT QUẢ BẦU CHỦ TỊCH\nỦY BAN THƯỜNG VỤ QUỐC HỘI\n"
        "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCăn cứ vào Điều 91 của Hiến pháp;\n"
        "QUYẾT NGHỊ:\n1. Phê chuẩn kết quả bầu.\nTM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\nChủ tịch\n"
        "NÔNG ĐỨC MẠNH\n"
    )
    assert (doc.doc_type, doc.number, doc.date) == ("Nghị quyết", "412NQ/UBTVQH9", "1997-06-12")
    assert doc.title == (
        "SỐ 412 NQ/UBTVQH9 NGÀY 12-6-1997 CỦA ỦY BAN THƯỜNG VỤ QUỐC HỘI "
        "VỀ VIỆC PHÊ CHUẨN KẾT QUẢ BẦU CHỦ TỊCH"
    )
    assert doc.issuer == "ỦY BAN THƯỜNG VỤ QUỐC HỘI"
    cited = vanban.parse("Trang chủ\nKẾ HOẠCH số 12-KH/TU của Tỉnh ủy\nNội dung.\n")
    assert cited.number is None


def test_authority_mark_alone_on_its_line() -> None:
    """A table cell wrapped by the page puts the mark alone on its line and the body on the
    next: "TM." / "ỦY BAN NHÂN DÂN TỈNH" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / name."""
    doc = vanban.parse(
        OLD_DECISION.format(
            number="33/2009/QĐ-UBND",
            signature="|\nTM.\nỦY BAN NHÂN DÂN TỈNH\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Phòng\n|",
        )
    )
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (
        "TM. ỦY BAN NHÂN DÂN TỈNH KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn Phòng",
    )


def test_a_split_symbol_end_is_no_wrapped_header_cell() -> None:
    """ "Số: 1025/UBND-" / "VX" / "V/v …": the one-word line ends a symbol split after its
    dash; it is not joined to the letter's subject below it."""
    doc = vanban.parse(
        "ỦY BAN NHÂN DÂN\nHUYỆN ĐỒNG PHÚ\nSố: 1025/UBND-\nVX\nV/v triển khai công tác tuyên truyền\n"
        "\nKính gửi: Các xã.\n\nNội dung.\n"
    )
    assert (doc.doc_type, doc.title) == ("Công văn", "V/v triển khai công tác tuyên truyền")


# The second round of signed e-office PDFs (2026-12-04): each rule on a small text of its shape.
LETTER = (
    "UBND TỈNH LÂM ĐỒNG\n{body}\nSố: 95 /{code}\n{subject}\n\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Lâm Đồng, ngày 03 tháng 02 năm 2026\n\n{kind}Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh\n\n"
    "{opening}\n\nKính trình xem xét./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n{signature}\n"
)
SIGNATURE = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nTrần Hữu Tuấn"


def _letter(**parts: str) -> vanban.ParsedDocument:
    values = {
        "body": "SỞ NỘI VỤ",
        "code": "SNV-TCBC",
        "subject": "V/v góp ý dự thảo Kế hoạch",
        "kind": "",
        "opening": "Sở Nội vụ có ý kiến như sau.",
        "signature": SIGNATURE,
    }
    values.update(parts)
    return vanban.parse(LETTER.format(**values))


def test_nested_mandates_join_the_outer_and_the_inner_mark() -> None:
    """ND30 appendix I: one who signs for the head of an office that signs by order of the
    chairman prints both marks ("TL. CHỦ TỊCH" / "KT. CHÁNH VĂN PHÒNG"); both are the mandate."""
    doc = _letter(
        signature="TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nTrịnh Ngọc Duệ"
    )
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (
        "TL. CHỦ TỊCH KT. CHÁNH VĂN PHÒNG",
        "PHÓ CHÁNH VĂN PHÒNG",
        "Trịnh Ngọc Duệ",
    )
    single = _letter()
    assert (single.on_behalf, single.signer_title) == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")


def test_the_signers_own_post_over_the_name_is_neither_title_nor_name() -> None:
    """A council's chairman signs with the council's title and prints his own post above his
    name ("CHỦ TỊCH" / "GIÁM ĐỐC SỞ NỘI VỤ" / "Đỗ Văn Chung")."""
    doc = _letter(signature="TM. HỘI ĐỒNG THẨM ĐỊNH\nCHỦ TỊCH\n\nGIÁM ĐỐC SỞ NỘI VỤ\nĐỗ Văn Chung")
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (
        "TM. HỘI ĐỒNG THẨM ĐỊNH",
        "CHỦ TỊCH",
        "Đỗ Văn Chung",
    )


def test_a_header_name_goes_on_after_a_comma_or_a_bare_kind() -> None:
    """A body's name wrapped in the header: a line ending with a comma ("HỘI ĐỒNG THẨM ĐỊNH," /
    "ĐÁNH GIÁ CHỈ SỐ CCHC"), or a body's kind alone on its line ("HIỆP HỘI" / "CÔNG CHỨNG VIÊN
    VIỆT NAM" / "BAN THƯỜNG VỤ"), goes on below."""
    doc = _letter(body="HỘI ĐỒNG THẨM ĐỊNH,\nĐÁNH GIÁ CHỈ SỐ CCHC", code="TTr-HĐTĐ")
    assert (doc.issuer, doc.parent_issuer) == (
        "HỘI ĐỒNG THẨM ĐỊNH, ĐÁNH GIÁ CHỈ SỐ CCHC",
        "UBND TỈNH LÂM ĐỒNG",
    )
    association = vanban.parse(
        LETTER.replace("UBND TỈNH LÂM ĐỒNG\n", "").format(
            body="HIỆP HỘI\nCÔNG CHỨNG VIÊN VIỆT NAM\nBAN THƯỜNG VỤ",
            code="HD-BTV",
            subject="V/v hợp nhất",
            kind="",
            opening="Nội dung.",
            signature=SIGNATURE,
        )
    )
    assert (association.issuer, association.parent_issuer) == (
        "BAN THƯỜNG VỤ",
        "HIỆP HỘI CÔNG CHỨNG VIÊN VIỆT NAM",
    )


def test_a_letters_subject_without_its_mark() -> None:
    """ND30 appendix I item 5b: a letter's subject sits under its number; printed without
    "V/v" it is still the subject, and the symbol gives the type; the body starts below it."""
    doc = _letter(
        code="HD-BTV",
        subject="Hướng dẫn một số nội dung liên quan\nđến hợp nhất Hội công chứng viên",
        opening="Thực hiện Công văn số 3944/BTP-BTTP ngày 02/7/2025 của Bộ Tư pháp, Ban Thường"
        " vụ hướng dẫn như sau:",
    )
    assert (doc.doc_type, doc.title) == (
        "Hướng dẫn",
        "Hướng dẫn một số nội dung liên quan đến hợp nhất Hội công chứng viên",
    )
    assert doc.implements == ["3944/BTP-BTTP"]


def test_type_words_spread_by_justification() -> None:
    """A justified line spreads the words of a cited type ("Quyết  định  số  820/QĐ-UBND"):
    the type word is still read, and the opening carries the document out."""
    doc = _letter(
        kind="TỜ TRÌNH\nVề việc công bố Chỉ số\n\n",
        opening="Thực  hiện  Quyết  định  số  820/QĐ-UBND  ngày  27/8/2025  của  Chủ  tịch UBND"
        " tỉnh; Quyết định số 1234/QĐ-UBND ngày 08/9/2025 của Chủ tịch UBND tỉnh.",
    )
    assert doc.implements == ["820/QĐ-UBND", "1234/QĐ-UBND"]


def test_a_numbered_document_told_is_no_issuing_act() -> None:
    """ "Sở Nội vụ đã ban hành Công văn số 2775/…" tells a document already issued, with its
    number: the body is not this document's issuer (the header's is)."""
    doc = _letter(
        body="HỘI ĐỒNG THẨM ĐỊNH",
        code="TTr-HĐTĐ",
        kind="TỜ TRÌNH\nVề việc công bố Chỉ số\n\n",
        opening="Để triển khai đánh giá, ngày 10/11/2025, Sở Nội vụ đã ban hành Công văn số"
        " 2775/SNV-CCHC&VTLT về việc hướng dẫn báo cáo.",
    )
    assert doc.issuer == "HỘI ĐỒNG THẨM ĐỊNH"


def test_documents_of_one_type_listed_share_the_last_cua() -> None:
    """ "Kết luận A ngày …, Kết luận B, ngày …; Kết luận C ngày … của Bộ Chính trị": a list of
    one type joined by "," or ";" shares the body that ends it; another type keeps its own."""
    doc = _letter(
        opening="Thực hiện theo Kết luận 174-KL/TW ngày 4/7/2025, Kết luận 177-KL/TW, ngày"
        " 11/7/2025;\nKết luận 178-KL/TW ngày 17/7/2025 của Bộ Chính trị về xây dựng tổ chức;"
        " Quyết định số 5/QĐ-TTg ngày 1/1/2025, Nghị định số 6/2025/NĐ-CP ngày 2/1/2025 của"
        " Chính phủ."
    )
    issuers = {r.number: r.issuer for r in doc.references}
    assert issuers == {
        "174-KL/TW": "Bộ Chính trị",
        "177-KL/TW": "Bộ Chính trị",
        "178-KL/TW": "Bộ Chính trị",
        "5/QĐ-TTg": None,
        "6/2025/NĐ-CP": "Chính phủ",
    }


def test_a_symbol_with_its_year_wrapped_after_the_dash() -> None:
    """ "Nghị định số 118/2025/NĐ-" / "CP ngày …": one symbol, the year inside it."""
    doc = _letter(
        opening="Khoản 13 Điều 1 của Nghị định số 118/2025/NĐ-\nCP ngày 09 tháng 6 năm 2025 của"
        " Chính phủ quy định như sau."
    )
    assert [(r.number, r.date, r.issuer) for r in doc.references] == [
        ("118/2025/NĐ-CP", "2025-06-09", "Chính phủ")
    ]


def test_an_invitations_subject_only_right_under_its_type() -> None:
    """A Giấy mời's subject stands right under "GIẤY MỜI"; after a blank line the first
    paragraph is the body, not a subject."""
    body = (
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 85 /GM-UBND\n\nLâm Đồng, ngày 19 tháng 01 năm 2026\n\n"
        "GIẤY MỜI\n{gap}Thực hiện Chương trình công tác tháng 01/2026,\nỦy ban nhân dân tỉnh tổ"
        " chức Họp đánh giá công tác cải cách hành chính.\n\n1. Chủ trì: Đồng chí A.\n"
    )
    assert not vanban.parse(body.format(gap="\n")).title
    assert vanban.parse(body.format(gap="")).title.startswith("Thực hiện Chương trình")


def test_an_items_first_line_wrapped_before_a_capital() -> None:
    """ "1. … gửi báo cáo về Văn phòng" / "Chính phủ trong ngày …": a PDF wrapped the item's
    first line before a capitalised word; the line goes on (it closes no sentence)."""
    doc = vanban.parse(
        "CÔNG ĐIỆN\nvề phiên họp\n\nI. Văn phòng Chính phủ đề nghị:\n\n1. Bộ Công an báo cáo kết"
        " quả thực hiện và gửi báo cáo các nội dung trên về Văn phòng\nChính phủ trong ngày 10"
        " tháng 01 năm 2026.\n\n2. Các Bộ tải tài liệu tại:\n"
    )
    assert [i.title for i in doc.items] == [
        "Bộ Công an báo cáo kết quả thực hiện và gửi báo cáo các nội dung trên về Văn phòng"
        " Chính phủ trong ngày 10 tháng 01 năm 2026.",
        "Các Bộ tải tài liệu tại:",
    ]


def test_a_request_verb_ends_the_citing_body() -> None:
    """ "Tờ trình số 34/TTr-ĐLS ngày 24/3/2026 của Đoàn Luật sư tỉnh Lâm Đồng xin phê duyệt …":
    the body's name stops before the verb of its request."""
    doc = _letter(
        opening="Sở Tư pháp nhận được Tờ trình số 34/TTr-ĐLS ngày 24/3/2026 của Đoàn\nLuật sư"
        " tỉnh Lâm Đồng xin phê duyệt Đề án tổ chức Đại hội."
    )
    assert [(r.number, r.issuer) for r in doc.references] == [
        ("34/TTr-ĐLS", "Đoàn Luật sư tỉnh Lâm Đồng")
    ]


def test_a_body_and_date_told_before_a_spread_citation() -> None:
    """ "ngày  10/11/2025,  Sở  Nội  vụ  đã  ban  hành  Công  văn  số  2775/…" (a justified
    line): the date and the body told before the document are its own."""
    doc = _letter(
        opening="Để triển khai đánh giá, ngày  10/11/2025,  Sở  Nội  vụ  đã  ban  hành  Công  văn"
        "  số  2775/SNV-CCHC&VTLT về việc hướng dẫn báo cáo."
    )
    assert [(r.number, r.date, r.issuer) for r in doc.references] == [
        ("2775/SNV-CCHC&VTLT", "2025-11-10", "Sở Nội vụ")
    ]


def test_a_letters_subject_in_quotation_marks() -> None:
    """A Youth Union's letter prints its subject in quotation marks ("“V/v giới thiệu …" /
    "… giúp việc”"): still the subject, the marks dropped."""
    doc = vanban.parse(
        "BCH ĐOÀN TỈNH LÂM ĐỒNG\n***\nSố: 156 -CV/TĐTN-BCTĐ&TTN\n“V/v giới thiệu Lãnh đạo tham gia\n"
        "Ban Vì sự tiến bộ của phụ nữ”\n\nĐOÀN TNCS HỒ CHÍ MINH\nLâm Đồng, ngày 04 tháng 9 năm 2025"
        "\n\nKính gửi: Sở Nội vụ tỉnh Lâm Đồng\n\nNội dung.\n"
    )
    assert (doc.doc_type, doc.title) == (
        "Công văn",
        "V/v giới thiệu Lãnh đạo tham gia Ban Vì sự tiến bộ của phụ nữ",
    )


def test_carried_out_after_unnumbered_items_and_an_article() -> None:
    """ "Thực hiện" governs a list whose first items carry no number ("quy định của Luật …,
    Điều lệ …") and whose last is an article of a numbered document ("và Điều 5 Quyết định
    số …"): the numbered document is carried out."""
    doc = _letter(
        kind="TỜ TRÌNH\nVề việc phê duyệt Điều lệ\n\n",
        opening="Thực hiện quy định của Luật Luật sư, Điều lệ Liên đoàn Luật sư Việt Nam và"
        " Điều 5 Quyết định số 2536/QĐ-UBND ngày 12/12/2025 của Ủy ban nhân dân tỉnh về việc"
        " cho phép hợp nhất, Sở Tư pháp kính trình như sau:",
    )
    assert doc.implements == ["2536/QĐ-UBND"]


def test_issuer_of_a_citation_across_a_blank_line() -> None:
    """A PDF spaced with a blank line between wrapped lines splits a citation from its issuer
    ("ngày 13/5/2025\n\ncủa Văn phòng …"): the sentence goes on (no stop, a lower-case word),
    so the issuer is read; a blank line after a stop still ends the citation."""
    doc = _letter(
        opening="Sở Tư pháp nhận được Văn bản số 2377/UBND-NCKS ngày 13/5/2025\n\ncủa Văn"
        " phòng Ủy ban nhân dân tỉnh về việc chuyển Tờ trình số 02-TTr/ĐLS\n\ncủa Đoàn Luật"
        " sư tỉnh về việc phê chuẩn. Kèm theo Công văn số 15/STP-BTTP ngày 02/6/2025.\n\n"
        "của nội dung trên.",
    )
    issuers = {ref.number: ref.issuer for ref in doc.references}
    assert issuers["2377/UBND-NCKS"] == "Văn phòng Ủy ban nhân dân tỉnh"
    assert issuers["02-TTr/ĐLS"] == "Đoàn Luật sư tỉnh"
    assert issuers["15/STP-BTTP"] is None


def test_an_item_goes_on_past_a_clause_closed_by_a_semicolon() -> None:
    text = (
        "Số 104-CTr/TU\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Kết luận\n\n"
        "I. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Ủy ban Kiểm tra Tỉnh ủy thường xuyên kiểm tra, giám sát các cấp\n"
        "uỷ, tổ chức đảng trong việc triển khai thực hiện Chương trình hành động;\n"
        "kịp thời phát hiện, chấn chỉnh, xử lý những hạn chế, sai phạm.\n\n"
        "2. Văn phòng Tỉnh ủy theo dõi, đôn đốc;\n"
        "- Như trên;\n"
    )
    items = vanban.parse(text).items
    assert items[0].title.endswith(
        "Chương trình hành động; kịp thời phát hiện, chấn chỉnh, xử lý những hạn chế, sai phạm."
    )
    # the next entry of a list has its own label: the clause ends the title there
    assert items[1].title == "Văn phòng Tỉnh ủy theo dõi, đôn đốc;"


def test_an_old_headings_body_after_cua_and_its_authority_line_wrapped_after_a_word() -> None:
    text = (
        "NGHỊ QUYẾT SỐ 203 NQ/UBTVQH9\nNGÀY 04-5-1994\n"
        "CỦA ỦY BAN THƯỜNG VỤ QUỐC HỘI VỀ VIỆC PHÊ CHUẨN\nKẾT QUẢ BẦU CỬ BỔ SUNG\n"
        "ỦY\nBAN THƯỜNG VỤ QUỐC HỘI\nNƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Căn cứ vào Điều 91 của Hiến pháp năm 1992;\nQUYẾT NGHỊ:\n"
    )
    doc = vanban.parse(text)
    assert doc.title == (
        "SỐ 203 NQ/UBTVQH9 NGÀY 04-5-1994 CỦA ỦY BAN THƯỜNG VỤ QUỐC HỘI VỀ VIỆC PHÊ CHUẨN "
        "KẾT QUẢ BẦU CỬ BỔ SUNG"
    )
    assert doc.issuer == "ỦY BAN THƯỜNG VỤ QUỐC HỘI"


def test_a_title_line_wrapped_across_a_blank_line() -> None:
    text = (
        "UBND TỈNH LÂM ĐỒNG\nSỞ TƯ PHÁP\nSố: 85/TTr-STP\n\nLâm Đồng, ngày 03 tháng 4 năm 2026\n\n"
        "TỜ TRÌNH\n\nĐề nghị phê duyệt Đề án tổ chức Đại hội Đoàn Luật sư Lâm Đồng\n\n"
        "lần thứ I nhiệm kỳ 2026-2031\n\nKính gửi: Ủy ban nhân dân tỉnh Lâm Đồng\n\n"
        "Sở Tư pháp nhận được Tờ trình số 34/TTr-ĐLS.\n"
    )
    assert vanban.parse(text).title == (
        "Đề nghị phê duyệt Đề án tổ chức Đại hội Đoàn Luật sư Lâm Đồng lần thứ I nhiệm kỳ 2026-2031"
    )
    # a body's first line starts with a capital: the title ends at the blank line
    body = text.replace(
        "lần thứ I nhiệm kỳ 2026-2031\n\nKính gửi: Ủy ban nhân dân tỉnh Lâm Đồng\n\n", ""
    )
    assert (
        vanban.parse(body).title == "Đề nghị phê duyệt Đề án tổ chức Đại hội Đoàn Luật sư Lâm Đồng"
    )


def test_the_verb_said_again_before_the_numbered_document_carried_out() -> None:
    text = (
        "Thông báo về việc hoãn phiên tiếp công dân\n\n"
        "Để thực hiện nghiêm các văn bản chỉ đạo của Thủ tướng Chính phủ về phòng chống dịch "
        "và thực hiện Thông báo số 935/TB-UBND ngày 07/6/2021 của UBND tỉnh về việc hoãn phiên "
        "tiếp công dân, UBND huyện thông báo hoãn tổ chức.\n"
    )
    assert vanban.parse(text).implements == ["935/TB-UBND"]
    # a document named as what the first one is about is not carried out
    about = text.replace("và thực hiện Thông báo", "về việc thực hiện Thông báo")
    assert vanban.parse(about).implements == []


def test_a_long_subject_given_as_one_line_by_a_text_layer() -> None:
    subject = (
        "Tổng kết thực hiện Quyết định số 787/QĐ-UBND ngày 21/8/2025 của Chủ tịch Ủy ban nhân "
        "dân tỉnh về việc thí điểm các mô hình, sáng kiến cải cách hành chính nhằm nâng cao sự "
        "hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước trên địa bàn "
        "tỉnh Lâm Đồng"
    )
    assert len(subject) > 260
    text = (
        "UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nSố: 181/BC-SNV\n\nLâm Đồng, ngày 05 tháng 11 năm 2025\n\n"
        f"BÁO CÁO\n{subject}\n\nKính gửi: Chủ tịch Ủy ban nhân dân tỉnh\n\n"
        "Sở Nội vụ báo cáo như sau.\n"
    )
    assert vanban.parse(text).title == subject
    # a long line of sentences under the type word is the body, not a subject
    body = text.replace(subject, subject + ". Sở Nội vụ báo cáo kết quả thực hiện như sau")
    assert vanban.parse(body).title == ""
    # and so is a long line that opens as a body does
    grounds = text.replace(subject, "Căn cứ " + subject[0].lower() + subject[1:])
    assert vanban.parse(grounds).title == ""


def test_the_courtesy_word_before_the_issuing_verb_is_not_in_the_bodys_name() -> None:
    text = (
        "UBND TỈNH LÂM ĐỒNG\nVĂN PHÒNG\nSố: 1376 /VP-NC\nV/v xin ý kiến thành viên UBND tỉnh\n\n"
        "Lâm Đồng, ngày 06 tháng 4 năm 2026\n\nKính gửi: Các đồng chí Thành viên UBND tỉnh\n\n"
        "Căn cứ Quy chế làm việc của Ủy ban nhân dân tỉnh, Văn phòng Ủy ban nhân dân tỉnh kính "
        "đề nghị các đồng chí Thành viên Ủy ban nhân dân tỉnh tham gia ý kiến.\n"
    )
    doc = vanban.parse(text)
    assert doc.issuer == "Văn phòng Ủy ban nhân dân tỉnh"
    assert text[slice(*doc.spans["issuer"])] == doc.issuer
    # without the courtesy word the name is the same
    plain = text.replace("tỉnh kính đề nghị", "tỉnh đề nghị")
    assert vanban.parse(plain).issuer == "Văn phòng Ủy ban nhân dân tỉnh"
