"""Paragraphs wrapped over lines, as a PDF's text or a narrow page gives them: the opening
sentence, a cited body's name and a news headline are read across the line breaks. Each rule on
a small text of the same shape (found by re-wrapping the labelled texts at other widths)."""

from __future__ import annotations

import vanban
from vanban.normalize import continues, paragraph_start

HEADER = (
    "UBND TỈNH BÌNH PHƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "SỞ THÔNG TIN VÀ TRUYỀN THÔNG Độc lập - Tự do - Hạnh phúc\n\n"
    "Số: 12/KH-STTTT Bình Phước, ngày 05 tháng 3 năm 2024\n\n"
    "KẾ HOẠCH\nTuyên truyền về chuyển đổi số năm 2024\n\n"
)
SECTIONS = "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao nhận thức.\n"


def test_issuer_named_across_a_wrap() -> None:
    """ "…, Sở" / "Thông tin và Truyền thông xây dựng kế hoạch": the body the opening names runs
    onto the next line; on one line it is read the same."""
    opening = (
        "Thực hiện Kế hoạch số 289/KH-UBND ngày 10/02/2024 của UBND tỉnh về chuyển đổi số, Sở\n"
        "Thông tin và Truyền thông xây dựng kế hoạch thực hiện như sau:\n\n"
    )
    wrapped = vanban.parse(HEADER + opening + SECTIONS)
    flat = vanban.parse(HEADER + opening.replace("Sở\n", "Sở ") + SECTIONS)
    assert wrapped.issuer == flat.issuer == "Sở Thông tin và Truyền thông"
    assert wrapped.implements == flat.implements == ["289/KH-UBND"]


def test_second_document_carried_out_on_the_next_line() -> None:
    opening = (
        "Thực hiện Hướng dẫn số 118-HD/BTGTW ngày 10/01/2024 của Ban Tuyên giáo Trung ương và\n"
        "Kế hoạch số 45/KH-UBND ngày 28/12/2023 của UBND tỉnh, Sở Thông tin và Truyền thông\n"
        "xây dựng kế hoạch như sau:\n\n"
    )
    doc = vanban.parse(HEADER + opening + SECTIONS)
    assert doc.implements == ["118-HD/BTGTW", "45/KH-UBND"]
    assert doc.issuer == "Sở Thông tin và Truyền thông"


def test_bracketed_citation_takes_the_body_named_on_the_line_above() -> None:
    text = (
        HEADER + "Xét báo cáo của Phòng Thương mại và Công nghiệp Việt Nam\n"
        "(công văn số 1033/PTM-SME ngày 15 tháng 4 năm 2009), Sở có ý kiến như sau:\n\n" + SECTIONS
    )
    (ref,) = [r for r in vanban.parse(text).references if r.number == "1033/PTM-SME"]
    assert ref.issuer == "Phòng Thương mại và Công nghiệp Việt Nam"


def test_a_finished_line_or_a_heading_is_not_continued() -> None:
    assert continues("Ban Tuyên giáo Tỉnh ủy ban hành hướng dẫn tuyên truyền về Đại hội", "Đảng")
    assert continues("về việc", "tổ chức hội nghị")  # a small letter continues a short line
    assert not continues(
        "Ban Tuyên giáo Tỉnh ủy ban hành hướng dẫn tuyên truyền về Đại hội.", "Đảng"
    )
    assert not continues("I. MỤC ĐÍCH, YÊU CẦU CỦA VIỆC TUYÊN TRUYỀN TRONG NĂM 2024", "Nâng cao")
    assert not continues(
        "Ban Tuyên giáo Tỉnh ủy ban hành hướng dẫn tuyên truyền về Đại hội", "- Các"
    )
    assert not continues("Ngày 05/9/2023", "Ban Thường vụ Tỉnh ủy")  # a short line ends there
    text = "Tiêu đề\n\nMột dòng dài của đoạn văn bản mà trang PDF đã ngắt giữa chừng ở\nđây, rồi"
    assert paragraph_start(text, text.index("rồi")) == text.index("Một")
    assert paragraph_start(text, text.index("Một")) == text.index("Một")


BODY = (
    "Thực hiện Kế hoạch số 12-KH/TU của Ban Thường vụ Thành ủy, các chi bộ đã tổ chức sinh "
    "hoạt theo mô hình mới, bảo đảm đúng quy định của Điều lệ Đảng và hướng dẫn của cấp trên.\n"
)


def test_news_headline_wrapped_onto_a_second_line() -> None:
    for page, title in (
        (
            "Tin tức\n\nToàn văn bài viết của Tổng Bí thư về công tác chuẩn\n"
            "bị nhân sự Đại hội XIII của Đảng\n\nCập nhật lúc: 14:32 07/05/2020\n\n",
            "Toàn văn bài viết của Tổng Bí thư về công tác chuẩn bị nhân sự Đại hội XIII của Đảng",
        ),
        (
            "khối phường\n\nSinh hoạt chi bộ mới thực hiện theo Đề án số 06-ĐA/TU của Thành ủy Hà\n"
            "Nội\nNgày đăng 08/07/2014 | 00:00\n\n",
            "Sinh hoạt chi bộ mới thực hiện theo Đề án số 06-ĐA/TU của Thành ủy Hà Nội",
        ),
    ):
        doc = vanban.parse(page + BODY)
        assert doc.doc_type == "Tin bài"
        assert doc.title == title


def test_news_headline_keeps_apart_the_lead_and_the_counter() -> None:
    headline = "Tuyên truyền kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890- 19/5/2020)"
    doc = vanban.parse(headline + "\nLượt xem: 6783\n\n" + BODY)
    assert doc.title == headline
    doc = vanban.parse("Thông báo về việc tiếp công dân của Chủ tịch UBND tỉnh\n" + BODY)
    assert doc.title == "Thông báo về việc tiếp công dân của Chủ tịch UBND tỉnh"
