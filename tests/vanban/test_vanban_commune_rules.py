"""Rules found on documents of the two-level local government (2025–2026: a commune's UBND and
its offices, a provincial Sở): each checked on a small text of the same shape."""

from __future__ import annotations

import vanban

NOTICE = (
    "UBND XÃ A\nTRUNG TÂM B\nSố: 04 /TB-TTB\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nXã A, ngày 26 tháng 5 năm 2026\n\nTHÔNG BÁO\n"
    "V/v phân công nhiệm vụ\n\n{grounds}\n\nI. NHIỆM VỤ\n{item}\n"
)


def test_a_bare_number_cited_with_its_day_in_a_document_of_now() -> None:
    """A type word, "số", a number without a symbol and its day name one document in a text of
    2026 as in one of 1986; the subject opened by a capitalised "Ban hành" ends the issuer."""
    grounds = (
        "Căn cứ Quyết định số 3436 ngày 31/10/2025 của UBND tỉnh C Ban hành Quy chế tổ chức;\n"
        "Căn cứ Quyết định số 02/QĐ-UBND ngày 02/07/2025 về việc thành lập Trung tâm;"
    )
    doc = vanban.parse(NOTICE.format(grounds=grounds, item="1. Đ/c D - Giám đốc"))
    refs = [(r.number, r.date, r.issuer, r.doc_type) for r in doc.references]
    assert refs == [
        ("3436", "2025-10-31", "UBND tỉnh C", "Quyết định"),
        ("02/QĐ-UBND", "2025-07-02", None, "Quyết định"),
    ]
    # without its day, or without a type word before "số", a bare number cites nothing
    for grounds in ("Căn cứ Quyết định số 3436 của UBND tỉnh C;", "có số 34 ngày 31/10/2025;"):
        assert vanban.parse(NOTICE.format(grounds=grounds, item="1. Đ/c D")).references == []
    # a lower-case "ban hành" ended the name before; a body named with "Ban" still reads whole
    text = NOTICE.format(
        grounds="Căn cứ Kế hoạch số 5-KH/TU ngày 02/3/2026 của Ban Chấp hành Đảng bộ tỉnh C;",
        item="1. Đ/c D",
    )
    assert vanban.parse(text).references[0].issuer == "Ban Chấp hành Đảng bộ tỉnh C"


def test_a_footnote_mark_glued_to_a_cited_year() -> None:
    """A PDF's text glues a footnote's mark, set after the year, to it ("15/5/20261"): the date
    is still the day cited, and what follows ("của X") still names the issuer."""
    grounds = "Căn cứ Quyết định số 2027/QĐ-UBND ngày 15/5/20261 của UBND tỉnh; các quy định."
    (ref,) = vanban.parse(NOTICE.format(grounds=grounds, item="1. Đ/c D")).references
    assert (ref.number, ref.date, ref.issuer) == ("2027/QĐ-UBND", "2026-05-15", "UBND tỉnh")
    # more figures than a mark, or figures before more figures, make no date
    for year in ("2026123 ", "20261/2"):
        grounds = f"Căn cứ Quyết định số 2027/QĐ-UBND ngày 15/5/{year}của UBND tỉnh."
        (ref,) = vanban.parse(NOTICE.format(grounds=grounds, item="1. Đ/c D")).references
        assert ref.date is None


def test_an_item_line_shorter_than_the_wrapped_line_under_it_is_its_title() -> None:
    """An item's heading on a line of its own, over a paragraph the page wrapped: the heading's
    line is well shorter than the paragraph's full line under it, so the paragraph (opening with
    a capital) is not the heading's wrap."""
    item = (
        "1. Ông Nguyễn Văn A – Chánh Văn phòng HĐND - UBND xã\n"
        "Chánh Văn phòng lãnh đạo, quản lý, điều hành toàn bộ các hoạt động của\n"
        "Văn phòng theo chức năng, nhiệm vụ đã được pháp luật quy định.\n"
        "2. Bà Trần Thị B – Phó Chánh Văn phòng HĐND - UBND xã\n"
        "Phó Chánh Văn phòng giúp Chánh Văn phòng theo dõi công tác hành chính,\n"
        "văn thư, lưu trữ và quản trị của cơ quan."
    )
    doc = vanban.parse(NOTICE.format(grounds="Căn cứ Luật.", item=item))
    assert [i.title for i in doc.items] == [
        "Ông Nguyễn Văn A – Chánh Văn phòng HĐND - UBND xã",
        "Bà Trần Thị B – Phó Chánh Văn phòng HĐND - UBND xã",
    ]
    # a heading the page filled goes on over a capital, as before: its line is as long as the
    # wrapped line under it
    wrapped = (
        "1. Công chức chuyên môn do phòng Kinh tế cử đến tiếp nhận hồ sơ thủ tục tại\n"
        "Trung tâm Phục vụ hành chính công xã và lao động hợp đồng theo quy định của\n"
        "pháp luật hiện hành."
    )
    doc = vanban.parse(NOTICE.format(grounds="Căn cứ Luật.", item=wrapped))
    assert doc.items[0].title == (
        "Công chức chuyên môn do phòng Kinh tế cử đến tiếp nhận hồ sơ thủ tục tại Trung tâm "
        "Phục vụ hành chính công xã và lao động hợp đồng theo quy định của pháp luật hiện hành."
    )


def test_a_month_handwritten_into_its_blank_and_read_as_marks_still_gives_the_place() -> None:
    """A scan's day and month written by hand into the date line's blanks, read by OCR as
    marks: the place counts and the date is partial (null), on the number's line as on its own."""
    head = (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "TỈNH C Độc lập - Tự do - Hạnh phúc\n{}\nQUYẾT ĐỊNH\n\nVề việc a\n\nCăn cứ Luật.\n"
    )
    for line in (
        "Số: 33 /QĐ-UBND Tỉnh C, ngày À0 tháng AŨ năm 2025",
        "Số: 33 /QĐ-UBND\nTỉnh C, ngày 20 tháng AŨ năm 2025",
    ):
        doc = vanban.parse(head.format(line))
        assert (doc.number, doc.place, doc.date) == ("33/QĐ-UBND", "Tỉnh C", None)
        assert doc.date_raw == line.split("UBND", 1)[1].strip()
    # the month in figures still makes the date
    doc = vanban.parse(head.format("Số: 33 /QĐ-UBND Tỉnh C, ngày 20 tháng 10 năm 2025"))
    assert (doc.place, doc.date) == ("Tỉnh C", "2025-10-20")
