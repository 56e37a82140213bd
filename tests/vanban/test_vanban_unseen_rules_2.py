"""Rules found on twenty-one documents of 2025–2026 parsed unseen (issue 24, seventh session): a
legal library's Markdown copies of decisions, letters, plans and a party guidance of many
provinces and ministries, and a commune Front's Word files — each checked on a small text of the
same shape."""

from __future__ import annotations

import vanban
from vanban.markup import read_markup

# A legal library's page as Markdown: the header's table cells parted by lines holding only
# "|", bold and italic runs broken where the page's HTML source broke its lines.
LIBRARY_DECISION = (
    "|\n**THỦ TƯỚNG CHÍNH\nPHỦ**\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố: 2500/QĐ-TTg\n|\n"
    "*Hà Nội, ngày 17\ntháng 11 năm 2025*\n|\n\n**QUYẾT ĐỊNH**\n\nBAN HÀNH DANH MỤC BÍ MẬT NHÀ"
    " NƯỚC\n\n**THỦ TƯỚNG CHÍNH PHỦ**\n\n*Căn cứ Luật Bảo vệ bí mật nhà nước;*\n\n"
    "**QUYẾT ĐỊNH:**\n\n**Điều 1.** Ban hành danh mục.\n\n|\nNơi nhận:\n- Các bộ;\n"
    "- Lưu: VT.\n|\n**THỦ TƯỚNG**\nPhạm Minh Chính\n|\n"
)


def test_a_bold_or_italic_run_broken_over_lines_is_one_line() -> None:
    """ "**THỦ TƯỚNG CHÍNH" / "PHỦ**" is the header's body, "*Hà Nội, ngày 17" / "tháng 11 năm
    2025*" its date line: a run opened on a line and closed on the next is one line."""
    doc = vanban.parse(LIBRARY_DECISION)
    assert doc.issuer == "THỦ TƯỚNG CHÍNH PHỦ"
    assert doc.parent_issuer is None
    assert (doc.place, doc.date) == ("Hà Nội", "2025-11-17")
    assert doc.title == "BAN HÀNH DANH MỤC BÍ MẬT NHÀ NƯỚC"
    assert (doc.signer_title, doc.signer_name) == ("THỦ TƯỚNG", "Phạm Minh Chính")


def test_a_run_nothing_closes_and_a_party_star_are_left_alone() -> None:
    """Only a run closed within the next lines joins them; the star under a party header, a
    bullet's asterisk and a footnote mark open no run."""
    text = "**ỦY BAN NHÂN DÂN\n\nTỈNH A\n*\nSố 12\n* một ý\n(*) ghi chú\n**X\n**\nY"
    assert (
        read_markup(text)
        == "**ỦY BAN NHÂN DÂN\n\nTỈNH A\n*\nSố 12\n* một ý\n(*) ghi chú\n**X **\nY"
    )
    assert read_markup("a\n|\nb\n| c |") == "a\n\nb\n| c |"
    assert read_markup("Không có gì") == "Không có gì"


def test_a_cell_edge_line_ends_the_subject_of_a_letter() -> None:
    """A line holding only "|" is the edge of the header table's cell: the letter's subject
    ("V/v …" in the left cell) does not run on into it."""
    text = (
        "|\nBỘ TÀI CHÍNH\nCỤC THUẾ\n-------\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n"
        "Độc lập - Tự do - Hạnh phúc\n|\n|\nSố:\n5680/CT-CS\n*V/v thuế TNCN từ tiền lương.*\n|\n"
        "*Hà Nội, ngày 01 tháng 12 năm 2025*\n|\n\n**Kính gửi:** Ban A\n\nCục Thuế trả lời.\n\n"
        "|\nNơi nhận:\n- Như trên;\n- Lưu VT.\n|\n**KT. CỤC TRƯỞNG**\nPHÓ CỤC TRƯỞNG\nNguyễn Văn A\n|\n"
    )
    doc = vanban.parse(text)
    assert doc.title == "V/v thuế TNCN từ tiền lương."
    assert (doc.issuer, doc.parent_issuer) == ("CỤC THUẾ", "BỘ TÀI CHÍNH")


PLAN = (
    "ỦY BAN NHÂN DÂN\nTỈNH A\n\nSố: 12/KH-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n\nA, ngày 19 tháng 11 năm 2025\n\nKẾ HOẠCH\nTriển khai Luật B\n\n"
    "{opening}\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n{item}\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
    "1. Sở Tư pháp chủ trì.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n"
    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn B\n"
)
OPENING = "Thực hiện Quyết định số 1850/QĐ-TTg ngày 27/8/2025 của Thủ tướng Chính phủ."


def test_an_item_whose_short_first_line_goes_on_in_small_letters() -> None:
    """The source broke the item's first line after its label, well before the page's edge
    ("1. Kinh phí bảo đảm thực hiện Kế" / "hoạch này …"): a line opening on a small letter goes
    on with it. A short heading over a line in capitals, or over a point's label, stays."""
    item = "1. Kinh phí bảo đảm thực hiện Kế\nhoạch này được bố trí từ ngân sách nhà nước."
    doc = vanban.parse(PLAN.format(opening=OPENING, item=item))
    assert (
        doc.items[0].title
        == "Kinh phí bảo đảm thực hiện Kế hoạch này được bố trí từ ngân sách nhà nước."
    )
    for item, title in (
        ("1. Mục đích\nBảo đảm sự chỉ đạo thống nhất.", "Mục đích"),
        ("1. Nội dung tuyên truyền\na)Thân thế của Chủ tịch Hồ Chí Minh;", "Nội dung tuyên truyền"),
    ):
        assert vanban.parse(PLAN.format(opening=OPENING, item=item)).items[0].title == title


def test_a_line_ending_on_a_preposition_goes_on_before_a_capital() -> None:
    """ "… ngày 23/7/2025 của" / "Ban Bí thư …": no phrase ends on a preposition, so the next
    line is the same sentence though it opens on a capital (a body's name); the documents the
    opening cites after it are carried out."""
    opening = (
        "Thực hiện Chỉ thị số 50-CT/TW, ngày 23/7/2025 của\nBan Bí thư về đổi mới sinh hoạt chi"
        " bộ; Hướng dẫn số 42-HD/BTCTW, ngày 28/10/2025 của Ban Tổ chức Trung ương, Ủy ban nhân"
        " dân tỉnh ban hành Kế hoạch."
    )
    doc = vanban.parse(PLAN.format(opening=opening, item="1. Mục đích"))
    assert doc.implements == ["50-CT/TW", "42-HD/BTCTW"]
    assert doc.references[0].issuer == "Ban Bí thư"


def test_the_quoted_subject_of_a_document_carried_out() -> None:
    """A cited document's subject may be its title quoted, in italics (*“Về …”*): the next
    document after it is carried out too."""
    opening = (
        "Thực hiện Chỉ thị số 50-CT/TW, ngày 23/7/2025 của Ban Bí thư *“Về tiếp tục đổi mới sinh"
        " hoạt chi bộ”*; Quy định số 339-QĐ/TW, ngày 10/7/2025 của Ban Bí thư *“Về sử dụng Sổ"
        " tay đảng viên”*; Hướng dẫn số 42-HD/BTCTW, ngày 28/10/2025 của Ban Tổ chức Trung ương,"
        " Ủy ban nhân dân tỉnh ban hành Kế hoạch."
    )
    doc = vanban.parse(PLAN.format(opening=opening, item="1. Mục đích"))
    assert doc.implements == ["50-CT/TW", "339-QĐ/TW", "42-HD/BTCTW"]


def test_a_purpose_clause_that_carries_out_documents() -> None:
    """ "Để tiếp tục thực hiện nghiêm Chỉ thị số …, …, Ủy ban nhân dân tỉnh yêu cầu:" opens a
    directive after a paragraph of context, its verb alone on the first line; without "Để" the
    same words open a task ("Thực hiện nghiêm Quy định số …"), no opening."""
    opening = (
        "Trong những năm qua, công tác bảo vệ rừng đạt kết quả.\n\nĐể tiếp tục thực hiện nghiêm\n"
        "Chỉ thị số 05/CT-TTg ngày 18/5/2022 của Thủ tướng Chính phủ về bảo vệ rừng; Chỉ thị số"
        " 31-CT/TU ngày 06/6/2023 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh yêu cầu:"
    )
    doc = vanban.parse(PLAN.format(opening=opening, item="1. Mục đích"))
    assert doc.implements == ["05/CT-TTg", "31-CT/TU"]
    opening = "Thực hiện nghiêm Quy định số 85-QĐ/TW của Ban Bí thư về việc sử dụng mạng xã hội."
    assert vanban.parse(PLAN.format(opening=opening, item="1. Mục đích")).implements == []


def test_a_forms_number_is_no_document_cited() -> None:
    """ "theo Mẫu số 01/BCĐBHĐND-MT" numbers a form annexed to a document, not a document; a
    joint resolution's symbol ends on the Front presidium's 13-letter code."""
    opening = (
        "Căn cứ Nghị quyết liên tịch số 102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN ngày 26/9/2025"
        " của Ủy ban Thường vụ Quốc hội, Chính phủ và Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ"
        " quốc Việt Nam; biên bản theo Mẫu số 01/BCĐBHĐND-MT và mẫu 03/HNMT."
    )
    doc = vanban.parse(PLAN.format(opening=opening, item="1. Mục đích"))
    assert [r.number for r in doc.references] == ["102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN"]


def test_a_nested_mandate_cut_after_a_comma_goes_on() -> None:
    """ "KT. TRƯỞNG BAN BAN CHÍNH SÁCH," / "THUẾ QUỐC TẾ": a body's name does not end on a comma;
    the next line is the rest of it, not the signer's title."""
    text = (
        "BỘ TÀI CHÍNH\nCỤC THUẾ\n\nSố: 5680/CT-CS\nV/v thuế.\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nHà Nội, ngày 01 tháng 12 năm 2025\n\nKính gửi: Ban A\n\n"
        "Cục Thuế trả lời.\n\nNơi nhận:\n- Như trên;\n- Lưu VT.\n\nTL. CỤC TRƯỞNG\n"
        "KT. TRƯỞNG BAN BAN CHÍNH SÁCH,\nTHUẾ QUỐC TẾ\nNguyễn Thị Thanh Hằng\n"
    )
    doc = vanban.parse(text)
    assert doc.on_behalf == "TL. CỤC TRƯỞNG KT. TRƯỞNG BAN BAN CHÍNH SÁCH, THUẾ QUỐC TẾ"
    assert (doc.signer_title, doc.signer_name) == (None, "Nguyễn Thị Thanh Hằng")


def test_a_signature_set_in_one_bold_run_keeps_its_lines() -> None:
    # the authority and the signer's title are lines of the document, not one wrapped line: a
    # scan that lost the mark ("T/" read as "**") could not part them again once joined
    assert read_markup("**T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ**") == "**T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ**"
    assert read_markup("**M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ**") == "**M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ**"
    assert read_markup("**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**") == "**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**"
    # a name or a title wrapped inside the run is still joined
    assert read_markup("**THỦ TƯỚNG CHÍNH\nPHỦ**") == "**THỦ TƯỚNG CHÍNH PHỦ**"
    assert read_markup("**KT. BỘ TRƯỞNG,\nCHỦ NHIỆM**") == "**KT. BỘ TRƯỞNG, CHỦ NHIỆM**"
    scan = "Nơi nhận:\n- Lưu VP.\n\n**M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ**\n\nNguyễn Xuân Đức\n"
    assert vanban.parse("CÔNG VĂN\n\nNội dung.\n\n" + scan).signer_title == "PHÓ BÍ THƯ"
