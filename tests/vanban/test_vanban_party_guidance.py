"""Long party guidance documents, as real ones print them (the Hướng dẫn of a Ban Tổ chức, the
central Quy định and Hướng dẫn that carry out the Party's Statute): sections numbered again in
each part, headings in capitals wrapped by the page, a preamble of dashed grounds that ends on
the document carried out, words of a justified line two blanks apart, a page number inside the
footer, and "T/M BAN BÍ THƯ"."""

from __future__ import annotations

import vanban

HEAD = (
    "THÀNH ỦY HÀ NỘI\nBAN TỔ CHỨC\n*\nSố 2-HD/BTCTU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Hà Nội, ngày 21 tháng 11 năm 2025\n\nHƯỚNG DẪN\nNghiệp vụ công tác đảng viên\n-----\n\n"
)


def test_sections_numbered_again_in_each_part_and_a_skipped_number() -> None:
    text = HEAD + (
        "PHẦN THỨ NHẤT\nCÔNG TÁC TỔ CHỨC ĐẢNG\n\n"
        "I. THÀNH LẬP TỔ CHỨC ĐẢNG\n\n1. Căn cứ\nNội dung.\n\n"
        "II. GIẢI THỂ TỔ CHỨC ĐẢNG\n\n1. Thẩm quyền\nNội dung.\n\n"
        "PHẦN THỨ HAI\nCÔNG TÁC ĐẢNG VIÊN\n\nA. CÔNG TÁC KẾT NẠP ĐẢNG VIÊN\n\n"
        "I. TIÊU CHUẨN, ĐIỀU KIỆN\n\n1. Tiêu chuẩn chung\nNội dung.\n\n"
        "B. CÔNG TÁC QUẢN LÝ ĐẢNG VIÊN\n\nI. VỀ HỒ SƠ ĐẢNG VIÊN\n\nNội dung.\n\n"
        "II. QUẢN LÝ HOẠT ĐỘNG ĐẢNG VIÊN\n\nNội dung.\n\n"
        "IV. ỨNG DỤNG CÔNG NGHỆ THÔNG TIN\n\nNội dung.\n"
    )
    doc = vanban.parse(text)
    assert [(s.label, s.title) for s in doc.sections] == [
        ("I", "THÀNH LẬP TỔ CHỨC ĐẢNG"),
        ("II", "GIẢI THỂ TỔ CHỨC ĐẢNG"),
        ("I", "TIÊU CHUẨN, ĐIỀU KIỆN"),
        ("I", "VỀ HỒ SƠ ĐẢNG VIÊN"),
        ("II", "QUẢN LÝ HOẠT ĐỘNG ĐẢNG VIÊN"),
        ("IV", "ỨNG DỤNG CÔNG NGHỆ THÔNG TIN"),  # the page skipped III
    ]
    assert [(i.section, i.label, i.title) for i in doc.items][2] == ("I", "1", "Tiêu chuẩn chung")
    # without a part's heading between them, a second "I." is no section
    plain = HEAD + "I. MỤC ĐÍCH\n\nNội dung.\n\nI. MỤC ĐÍCH NỮA\n\nII. NỘI DUNG\n\nNội dung.\n"
    assert [s.label for s in vanban.parse(plain).sections] == ["I", "II"]


def test_a_heading_in_capitals_wrapped_by_the_page_is_joined() -> None:
    text = HEAD + (
        "I.  CHUYỂN  GIAO  TỔ  CHỨC  ĐẢNG  VÀ  CHUYỂN  SINH  HOẠT\nĐẢNG TẬP THỂ CHO ĐẢNG VIÊN\n\n"
        "1. Căn cứ và nguyên tắc\n\n"
        "II. NHIỆM VỤ CỤ THỂ CỦA CÁC CẤP ỦY TRONG CÔNG TÁC RÀ\n"
        "SOÁT,  SÀNG  LỌC  ĐẢNG  VIÊN  (Điều  9  Quy  định  số  02-QĐ/TU  ngày 19/11/2025)\n\n"
        "Cấp ủy các cấp thường xuyên thực hiện.\n"
    )
    titles = [s.title for s in vanban.parse(text).sections]
    assert titles == [
        "CHUYỂN GIAO TỔ CHỨC ĐẢNG VÀ CHUYỂN SINH HOẠT ĐẢNG TẬP THỂ CHO ĐẢNG VIÊN",
        "NHIỆM VỤ CỤ THỂ CỦA CÁC CẤP ỦY TRONG CÔNG TÁC RÀ SOÁT, SÀNG LỌC ĐẢNG VIÊN "
        "(Điều 9 Quy định số 02-QĐ/TU ngày 19/11/2025)",
    ]


def test_a_dashed_preamble_ends_on_the_document_carried_out() -> None:
    text = HEAD + (
        "- Căn cứ Điều lệ Đảng, Quy định số 294-QĐ/TW, ngày 26/5/2025 của Ban Chấp hành Trung "
        "ương;\n\n"
        "-  Thực  hiện  Quy  định  số  02-QĐ/TU  ngày  19/11/2025  của  Ban  Thường  vụ\n"
        "Thành ủy về công tác quản lý đảng viên;\n\n"
        "Ban Tổ chức Thành ủy hướng dẫn một số nội dung như sau:\n\nI. NỘI DUNG\n\nNội dung.\n"
    )
    doc = vanban.parse(text)
    assert doc.implements == ["02-QĐ/TU"]
    assert doc.issuer == "Ban Tổ chức Thành ủy"


def test_words_of_a_justified_line_two_blanks_apart() -> None:
    text = HEAD + (
        "Thực hiện theo Hướng  dẫn  số  12-  HD/BTCTW  ngày  18/01/2022  của  Ban  Tổ chức "
        "Trung ương.\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
        "1.  Ban  Tổ  chức  Thành  ủy  tổng  hợp,  tham  mưu  thành  lập  các  đoàn.\n\n"
        "2.  Kịp  thời  tổ  chức  trao  tặng  Huy  hiệu  Đảng  cho đảng viên.\n"
    )
    doc = vanban.parse(text)
    assert [(r.number, r.date) for r in doc.references] == [("12-HD/BTCTW", "2022-01-18")]
    # the unit ends where the task's verb begins; an item opening on its task names no unit
    assert [(a.item, a.units) for a in doc.assignments] == [("1", ["Ban Tổ chức Thành ủy"])]


def test_the_secretariat_signs_and_the_page_turns_inside_the_footer() -> None:
    text = HEAD + (
        "I. NỘI DUNG\n\nNội dung.\n\nNơi nhận:\n\nT/M BAN BÍ THƯ\n\n33\n\n"
        "- Các tỉnh ủy, thành ủy,\n- Lưu Văn phòng Trung ương Đảng.\n\n34\n\nTrần Cẩm Tú\n"
    )
    doc = vanban.parse(text)
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (
        "T/M BAN BÍ THƯ",
        None,
        "Trần Cẩm Tú",
    )
    assert doc.recipients == ["Các tỉnh ủy, thành ủy", "Lưu Văn phòng Trung ương Đảng"]


def test_a_resolution_of_the_politburo_under_the_central_committees_header() -> None:
    # an e-signature stamp printed above the header; the title names the issuing body; the
    # footer's two cells joined with " | " as a copy of the Word file gives them
    text = (
        "BỘ CHÍNH TRỊ\nBỘ CHÍNH TRỊ\n28-07-2026 09:58:36 +07:00\n\n"
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n------- | ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Số: 10-NQ/TW | Hà Nội, ngày 10 tháng 02 năm 2022\n\nNGHỊ QUYẾT\n"
        "CỦA BỘ CHÍNH TRỊ VỀ ĐỊNH HƯỚNG CHIẾN LƯỢC ĐỊA CHẤT, KHOÁNG SẢN\n"
        "I- TỔ CHỨC THỰC HIỆN\n"
        "1. Ban cán sự đảng Chính phủ lãnh đạo xây dựng kế hoạch thực hiện Nghị quyết.\n\n"
        "Nơi nhận:\n- Các tỉnh ủy, thành ủy,\n"
        "- Lưu Văn phòng Trung ương Đảng. | T/M BỘ CHÍNH TRỊ\nTỔNG BÍ THƯ\n\nNguyễn Phú Trọng\n"
    )
    doc = vanban.parse(text)
    assert (doc.issuer, doc.parent_issuer) == ("BỘ CHÍNH TRỊ", None)
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (
        "T/M BỘ CHÍNH TRỊ",
        "TỔNG BÍ THƯ",
        "Nguyễn Phú Trọng",
    )
    assert doc.recipients == ["Các tỉnh ủy, thành ủy", "Lưu Văn phòng Trung ương Đảng"]
    # "cán sự" folds like the "cần" of a task: the unit is the whole name
    assert [a.units for a in doc.assignments] == [["Ban cán sự đảng Chính phủ"]]


def test_sections_found_from_ii_when_the_first_numeral_was_lost() -> None:
    # OCR read the first heading's "I." as "` 1L."; the sections from "II." on are still found
    text = HEAD + (
        "` 1L. MỤC ĐÍCH, YÊU CẦU\n\nNội dung.\n\nII. NHIỆM VỤ, GIẢI PHÁP\n\n"
        "1. Nâng cao nhận thức cho đội ngũ đảng viên\n\nNội dung.\n\n"
        "III. TỔ CHỨC THỰC HIỆN\n\nNội dung.\n"
    )
    doc = vanban.parse(text)
    assert [s.label for s in doc.sections] == ["II", "III"]
    assert [(i.section, i.label) for i in doc.items] == [("II", "1")]
    # but a "II." in sentence case before any "I." is no section
    plain = HEAD + "II. nội dung đã nêu\n\nI. MỤC ĐÍCH\n\nII. NỘI DUNG\n"
    assert [s.label for s in vanban.parse(plain).sections] == ["I", "II"]
