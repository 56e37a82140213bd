"""More rules found on real documents (an association's review report and guidance, a ministry's
decision, a Government Office telegram): each checked on a small text of the same shape."""

from __future__ import annotations

import vanban

LETTER = (
    "VĂN PHÒNG CHÍNH PHỦ\nSố: 12 /CĐ-VPCP\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n{date_line}\n\nCÔNG ĐIỆN mời dự Hội nghị trực tuyến\n\n"
    "VĂN PHÒNG CHÍNH PHỦ điện:\n- Các Bộ, cơ quan ngang bộ.\n\n"
    "Văn phòng Chính phủ trân trọng kính mời dự Hội nghị, ngày 09 tháng 10 năm 2025.\n"
)


def test_a_date_line_without_its_year_still_gives_the_place() -> None:
    """A signed PDF stamps the year into a signature widget, the text layer ends the line on
    "năm": the place counts, the date is partial (null), and no later date is taken for it."""
    doc = vanban.parse(LETTER.format(date_line="Hà Nội, ngày 07 tháng 10 năm"))
    assert doc.place == "Hà Nội"
    assert doc.date is None
    assert doc.date_raw == "Hà Nội, ngày 07 tháng 10 năm"
    full = vanban.parse(LETTER.format(date_line="Hà Nội, ngày 07 tháng 10 năm 2025"))
    assert (full.place, full.date) == ("Hà Nội", "2025-10-07")
    # a day handwritten into its blank, read by OCR as marks: the date is partial too
    for marks in (
        "ngày (9 tháng 10 năm 2025",
        "ngày-1A tháng 10 năm 2025",
        "ngày-1Atháng 10 năm 2025",
    ):
        scan = vanban.parse(LETTER.format(date_line="Hà Nội, " + marks))
        assert (scan.place, scan.date, scan.date_raw) == ("Hà Nội", None, "Hà Nội, " + marks)
    # without a place before it, a line ending on "năm" is no date line
    bare = vanban.parse(LETTER.format(date_line="ngày 07 tháng 10 năm"))
    assert bare.place is None and bare.date_raw is None


DECISION = (
    "BỘ NỘI VỤ\nSố: 11 /QĐ-BNV\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 15 tháng 10 năm 2025\n\nQUYẾT ĐỊNH\n"
    "Phê duyệt Đề án xác định Chỉ số\n\nBỘ TRƯỞNG BỘ NỘI VỤ\n\n"
    "Căn cứ Nghị định số 25/2025/NĐ-CP ngày 21 tháng 02 năm 2025 của Chính phủ;\n\n"
    "QUYẾT ĐỊNH:\n\nĐiều 1. Phê duyệt Đề án với các nội dung sau:\n\n"
    "I. MỤC TIÊU\n\n1. Mục tiêu chung\n\nTheo dõi, đánh giá kết quả.\n\n"
    "II. TỔ CHỨC THỰC HIỆN\n\n1. {heading}\n\n"
    "a) Bộ Nội vụ, cơ quan chủ trì triển khai Đề án:\n\n- Ban hành các văn bản hướng dẫn.\n\n"
    "b) Các bộ, các tỉnh:\n\n- Bố trí đủ kinh phí.\n\n"
    "2. Kinh phí thực hiện\n\na) Kinh phí được bảo đảm bằng ngân sách nhà nước.\n\n"
    "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n\n"
    "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nBỘ TRƯỞNG\n\nPhạm Thị Thanh Trà\n"
)


def test_a_topic_heading_names_no_unit_and_its_lettered_points_do() -> None:
    """An item headed "Trách nhiệm thực hiện" or "Kinh phí thực hiện" says what it is about, not
    who acts; the units head its lettered sub-points, a unit's role after a comma ("…, cơ quan
    chủ trì") being no second unit."""
    doc = vanban.parse(DECISION.format(heading="Trách nhiệm thực hiện"))
    assert [(a.section, a.item, a.units) for a in doc.assignments] == [
        ("II", "1", ["Bộ Nội vụ", "Các bộ, các tỉnh"])
    ]
    # a heading that names a unit keeps it, and its sub-points are not read
    named = vanban.parse(DECISION.format(heading="Văn phòng Bộ chủ trì theo dõi"))
    assert [(a.item, a.units) for a in named.assignments] == [("1", ["Văn phòng Bộ"])]


REPORT = (
    "UBND TỈNH BÌNH THUẬN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "HIỆP HỘI DOANH NGHIỆP        Độc lập – Tự do – Hạnh phúc\n\nSố:    /BCH-K4\n\n"
    "Bình Thuận, ngày 10 tháng 6 năm 2025\n\n{type_line}\n{second_line}\nNhiệm kỳ IV (2019-2025)\n"
    "--------\n\nBan Chấp hành khóa IV báo cáo đánh giá việc thực hiện nhiệm vụ như sau:\n\n"
    "I. Những việc đã làm được:\n\n- Ban hành Quy chế hoạt động.\n\n"
    "Trên đây là báo cáo kiểm điểm của Ban Chấp hành.\n\n"
    "    TM.BCH HIỆP HỘI DOANH NGHIỆP\n    {term}\n    PHÓ CHỦ TỊCH THƯỜNG TRỰC\n\n"
    "    Lê Văn Lợi\n"
)


def _report(
    type_line: str = "BÁO CÁO KIỂM ĐIỂM",
    second_line: str = "CỦA BAN CHẤP HÀNH HIỆP HỘI DOANH NGHIỆP",
    term: str = "Nhiệm kỳ 2019 -2025",
) -> vanban.ParsedDocument:
    return vanban.parse(REPORT.format(type_line=type_line, second_line=second_line, term=term))


def test_words_after_the_type_word_open_the_title_when_a_cua_follows() -> None:
    """In "BÁO CÁO KIỂM ĐIỂM" / "CỦA BAN CHẤP HÀNH …", "của" needs the noun it follows, so
    "KIỂM ĐIỂM" is the title's first words, not a qualifier of the type ("BÁO CÁO NHANH")."""
    doc = _report()
    assert doc.doc_type == "Báo cáo"
    assert doc.title == (
        "KIỂM ĐIỂM CỦA BAN CHẤP HÀNH HIỆP HỘI DOANH NGHIỆP Nhiệm kỳ IV (2019-2025)"
    )
    quick = _report(type_line="BÁO CÁO NHANH", second_line="TÌNH HÌNH HOẠT ĐỘNG CỦA HIỆP HỘI")
    assert quick.title == "TÌNH HÌNH HOẠT ĐỘNG CỦA HIỆP HỘI Nhiệm kỳ IV (2019-2025)"


def test_the_term_under_the_authority_line_belongs_to_the_body_signed_for() -> None:
    doc = _report()
    assert doc.on_behalf == "TM.BCH HIỆP HỘI DOANH NGHIỆP Nhiệm kỳ 2019 -2025"
    assert doc.signer_title == "PHÓ CHỦ TỊCH THƯỜNG TRỰC"
    assert doc.signer_name == "Lê Văn Lợi"
    party = _report(term="KHÓA XV")
    assert party.on_behalf == "TM.BCH HIỆP HỘI DOANH NGHIỆP KHÓA XV"
    assert party.signer_title == "PHÓ CHỦ TỊCH THƯỜNG TRỰC"
    # a line that is no term is left to the title
    plain = _report(term="")
    assert plain.on_behalf == "TM.BCH HIỆP HỘI DOANH NGHIỆP"
    assert plain.signer_title == "PHÓ CHỦ TỊCH THƯỜNG TRỰC"


def test_a_section_heading_that_runs_into_its_content_is_read_over_its_wrap() -> None:
    """A heading "II. Địa điểm: Trực tiếp tại …" wrapped by the page before a capital ("… đến
    Trụ sở" / "Ủy ban nhân dân …"): one paragraph, as an item's would be."""
    first = "II. Địa điểm: Trực tiếp tại Trụ sở Chính phủ và kết nối trực tuyến đến Trụ sở"
    text = LETTER.format(date_line="Hà Nội, ngày 07 tháng 10 năm 2025") + (
        "\nI. Thời gian: 08 giờ, ngày 09 tháng 10 năm 2025 (Thứ Năm).\n\n"
        f"{first}\nỦy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n\n"
        "1. Dự tại điểm cầu Trụ sở Chính phủ:\n\n- Thủ tướng Chính phủ.\n\n"
        "III. Văn phòng Chính phủ trân trọng đề nghị:\n\n1. Bộ Công an: chuẩn bị tài liệu.\n"
    )
    doc = vanban.parse(text)
    assert [(s.label, s.title) for s in doc.sections] == [
        ("I", "Thời gian: 08 giờ, ngày 09 tháng 10 năm 2025 (Thứ Năm)."),
        ("II", first[4:] + " Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương."),
        ("III", "Văn phòng Chính phủ trân trọng đề nghị:"),
    ]
