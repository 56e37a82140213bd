"""News pages: the site's section name above the headline, a date glued to the headline, and the
body's opening "Thực hiện …" sentence."""

from __future__ import annotations

import vanban

BODY = (
    "Thực hiện Hướng dẫn số 96-HD/BTGTW ngày 22/02/2023 của Ban Tuyên giáo Trung ương "
    "tuyên truyền kỷ niệm 110 năm Ngày sinh đồng chí Chu Huy Mân.\n\nBBT\n"
)


def test_section_name_is_not_the_title() -> None:
    doc = vanban.parse(
        "Tuyên truyền\n\nKỷ niệm 110 năm Ngày sinh đồng chí Chu Huy Mân\n\n03/03/2023 17:11\n\n"
        + BODY
    )
    assert doc.doc_type == "Tin bài"
    assert doc.title == "Kỷ niệm 110 năm Ngày sinh đồng chí Chu Huy Mân"
    assert doc.date == "2023-03-03"
    assert doc.implements == ["96-HD/BTGTW"]
    assert doc.issuer is None and doc.signer_name is None


def test_date_glued_to_the_headline() -> None:
    doc = vanban.parse("Kỷ niệm 110 năm Ngày sinh đồng chí Chu Huy Mân03/03/2023 17:11\n" + BODY)
    assert doc.title == "Kỷ niệm 110 năm Ngày sinh đồng chí Chu Huy Mân"
    assert doc.date == "2023-03-03"


def test_site_chrome_above_the_headline_and_the_date_line_below_it() -> None:
    """A skip link, a breadcrumb, the site's name: the headline is the line right above the
    page's date line (found on the real pages of tests/vanban/fixtures/real)."""
    doc = vanban.parse(
        "Trang chủ\n\nVăn hóa - Xã hội - ANQP\n\n"
        "Phường Lê Lợi chào mừng Đại hội Đảng Thành phố lần thứ XV\n"
        "Ngày đăng 22/10/2015 | 02:17 | Lượt xem: 2840\n\n" + BODY
    )
    assert (doc.title, doc.date) == (
        "Phường Lê Lợi chào mừng Đại hội Đảng Thành phố lần thứ XV",
        "2015-10-22",
    )


def test_date_line_above_the_headline() -> None:
    doc = vanban.parse(
        "09:08, 31/08/2020\n\nThông báo về việc treo cờ Tổ quốc và nghỉ lễ\n\n"
        "Tất cả các cơ quan, đơn vị treo cờ Tổ quốc trong ngày 2-9-2020 theo quy định của tỉnh.\n"
    )
    assert (doc.title, doc.date) == ("Thông báo về việc treo cờ Tổ quốc và nghỉ lễ", "2020-08-31")


def test_the_site_name_above_the_date_line_and_the_headline_below_it() -> None:
    """The site's name, the date line with its weekday, then the headline: of the date line's two
    neighbours the headline is the longer."""
    doc = vanban.parse(
        "Văn phòng UBND tỉnh\nThứ ba 22/10/2019\n"
        "Hướng dẫn nội dung tuyên truyền tháng 09/2019\n \n\n"
        "Ngày 27/8, Đảng ủy Văn phòng ban hành Công văn về việc hướng dẫn nội dung tuyên truyền.\n"
    )
    assert (doc.title, doc.date) == ("Hướng dẫn nội dung tuyên truyền tháng 09/2019", "2019-10-22")


def test_without_a_date_line_the_headline_is_the_longest_line_and_the_body_dates_nothing() -> None:
    doc = vanban.parse(
        "Chi tiết - Huyện Vĩnh Linh\n\n"
        "Đảng bộ xã Vĩnh Ô: Tổ chức kết nạp đảng viên nhân dịp kỷ niệm 70 năm truyền thống\n\n"
        "Ngày 9/4/2024, Đảng bộ xã Vĩnh Ô tổ chức Lễ kết nạp đảng viên theo Chỉ thị số 24-CT/HU "
        "của Ban Thường vụ Huyện uỷ Vĩnh Linh.\n"
    )
    assert doc.title.startswith("Đảng bộ xã Vĩnh Ô: Tổ chức kết nạp")
    assert (doc.date, doc.date_raw, doc.place) == (None, None, None)
    assert [(r.number, r.issuer) for r in doc.references] == [
        ("24-CT/HU", "Ban Thường vụ Huyện uỷ Vĩnh Linh")
    ]


def test_a_bracketed_period_ending_the_headline_is_kept() -> None:
    doc = vanban.parse(
        "Tuyên truyền kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890- 19/5/2020)\n"
        "Lượt xem: 6783\n" + BODY
    )
    assert doc.title.endswith("(19/5/1890- 19/5/2020)")


def test_a_cited_issuer_stops_before_the_date_line() -> None:
    doc = vanban.parse(
        "khối phường\n\nSinh hoạt chi bộ mới theo Đề án số 06-ĐA/TU của Thành ủy Hà Nội\n"
        "Ngày đăng 08/07/2014 | 00:00\n\n" + BODY
    )
    assert doc.references[0].issuer == "Thành ủy Hà Nội"


def test_theo_do_thuc_hien_opens_the_sentence_that_carries_out() -> None:
    doc = vanban.parse(
        "Bí thư Tỉnh ủy tiếp dân định kỳ vào ngày 15/8\n\n"
        "Ngày 10/8/2022, Ban Nội chính Tỉnh ủy ban hành Thông báo mời tiếp dân định kỳ.\n\n"
        "Theo đó, thực hiện Quyết định số 1518-QĐ/TW, ngày 25/3/2019 của Ban Thường vụ Tỉnh ủy, "
        "ngày 12/4/2022, Ban Nội chính Tỉnh ủy ban hành Thông báo số 38-TB/BNCTU mời tiếp dân.\n"
    )
    assert doc.implements == ["1518-QĐ/TW"]
    assert [(r.number, r.date, r.issuer) for r in doc.references] == [
        ("1518-QĐ/TW", "2019-03-25", "Ban Thường vụ Tỉnh ủy"),
        ("38-TB/BNCTU", "2022-04-12", "Ban Nội chính Tỉnh ủy"),
    ]


def test_a_page_opening_on_its_lead_paragraph_has_no_headline() -> None:
    """A stored page or a print view that left the headline out opens on the lead paragraph: a
    sentence closed by its full stop is no headline, so the title stays empty."""
    doc = vanban.parse(
        "Theo Sở Nội vụ, từ ngày 15-8-2025, các xã, phường sẽ tiếp nhận hồ sơ đăng ký hộ tịch "
        "trực tuyến tại bộ phận một cửa. Đây là nhiệm vụ trọng tâm sau khi sắp xếp đơn vị "
        "hành chính.\nSở yêu cầu các địa phương bố trí đủ công chức tiếp nhận hồ sơ.\nMinh An\n"
    )
    assert doc.doc_type == "Tin bài"
    assert doc.title == ""  # (the parser's empty title; the corpus writes null)
    assert doc.date is None


def test_a_long_first_line_without_a_full_stop_is_still_the_headline() -> None:
    headline = (
        "Hội nghị triển khai nhiệm vụ chuyển đổi số, cải cách hành chính và xây dựng chính "
        "quyền địa phương hai cấp trên địa bàn các xã, phường thuộc tỉnh trong sáu tháng cuối năm"
    )
    doc = vanban.parse(headline + "\n\nSáng 12/8, Ủy ban nhân dân tỉnh tổ chức hội nghị.\n")
    assert doc.title == headline


def test_a_print_views_tool_line_between_the_date_line_and_the_headline() -> None:
    """A print view puts its tool link ("in trang", two words) between the date line and the
    headline: a line of one or two words beside the date line is the page's chrome."""
    doc = vanban.parse(
        "Thứ năm 14/8/2025\nin trang\n"
        "Hướng dẫn tuyên truyền kỷ niệm Ngày Quốc khánh năm 2025\n \n"
        "Ngày 10/8, Đảng ủy cơ quan ban hành văn bản hướng dẫn tuyên truyền kỷ niệm Quốc khánh.\n"
    )
    assert (doc.title, doc.date) == (
        "Hướng dẫn tuyên truyền kỷ niệm Ngày Quốc khánh năm 2025",
        "2025-08-14",
    )


def test_the_opening_sentence_after_a_sentence_that_sets_the_scene() -> None:
    """A letter (or a page restating it) may set the scene first and carry its documents out in
    the next sentence of the same paragraph: that sentence is the opening "Thực hiện …" one."""
    doc = vanban.parse(
        "Bầu cử đại biểu Hội đồng nhân dân các cấp\n\n20/02/2026\n\n"
        "Văn bản nêu rõ: Cuộc bầu cử là sự kiện chính trị quan trọng của cả nước. Thực hiện "
        "Kế hoạch số 12-KH/ĐU ngày 05/02/2026 của Ban Thường vụ Đảng ủy về lãnh đạo cuộc bầu "
        "cử, Đảng ủy cơ quan đề nghị các chi bộ tuyên truyền sâu rộng.\n\nPhương Anh\n"
    )
    assert doc.implements == ["12-KH/ĐU"]
    assert [(r.number, r.date) for r in doc.references] == [("12-KH/ĐU", "2026-02-05")]


def test_a_later_sentence_in_lower_case_is_not_an_opening() -> None:
    doc = vanban.parse(
        "Sơ kết công tác tuyên truyền quý I\n\n02/04/2026\n\n"
        "Hội nghị đánh giá kết quả quý I. thực hiện Kế hoạch số 12-KH/ĐU, các chi bộ đã tổ chức "
        "sinh hoạt chuyên đề.\n"
    )
    assert doc.implements == []


def test_a_first_line_opening_on_the_day_told_is_the_lead_not_the_headline() -> None:
    """A long first line that opens on the event's day and a comma ("Ngày 03/10/2025, …") is
    the lead sentence even without its full stop: the page has no headline."""
    doc = vanban.parse(
        "Ngày 03/10/2025, Ban Tổ chức Tỉnh ủy ban hành Hướng dẫn số 15-HD/BTCTU về công tác "
        "nhân sự cấp ủy các xã, phường sau sắp xếp đơn vị hành chính và tổ chức chính quyền "
        "địa phương hai cấp\nCác tin khác cùng chuyên mục trên trang điện tử\n"
    )
    assert doc.doc_type == "Tin bài"
    assert doc.title == ""
    assert [(r.number, r.date) for r in doc.references] == [("15-HD/BTCTU", "2025-10-03")]


def test_a_wrapped_lead_opening_on_the_day_is_not_the_headline() -> None:
    # a scan or a narrow page wraps the lead short of a paragraph's length: its first line,
    # opening on the day told, ends the head, whatever its number of words
    text = (
        "Đẩy mạnh phong trào thi đua yêu nước\n"
        "Ngày 24-10, UBND tỉnh có văn bản số 4912/UBND-NC về việc thực hiện Chỉ thị của\n"
        "Thủ tướng Chính phủ về đẩy mạnh phong trào thi đua yêu nước trên địa bàn tỉnh.\n"
    )
    doc = vanban.parse(text)
    assert doc.title == "Đẩy mạnh phong trào thi đua yêu nước"
    assert doc.date is None
