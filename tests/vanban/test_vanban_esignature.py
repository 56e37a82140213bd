"""Documents from e-signature systems: the number and the day are left blank in the text, the
signing system's stamp (the signing body and the time) ends it, and the two-column footer comes
out flattened with the authority line between "Nơi nhận:" and the recipients."""

from __future__ import annotations

from pathlib import Path

import vanban

SIGNED = """ĐẢNG BỘ TỈNH AN GIANG
ĐẢNG ỦY XÃ BÌNH MỸ
*
Số -TB/ĐU

ĐẢNG CỘNG SẢN VIỆT NAM

Bình Mỹ, ngày tháng 11 năm 2025

THÔNG BÁO
kết luận của Ban Thường vụ Đảng ủy về công tác tuyên truyền

Thực hiện Kế hoạch số 12-KH/ĐU ngày 20/10/2025 của Ban Thường vụ Đảng ủy về tuyên truyền, ngày \
25/11/2025 Ban Thường vụ Đảng ủy họp và kết luận như sau:
1. Các chi bộ tổ chức tuyên truyền.
2. Văn phòng Đảng ủy theo dõi, tổng hợp.

Nơi nhận:
T/M BAN THƯỜNG VỤ
- Các chi bộ trực thuộc,
PHÓ BÍ THƯ
- Lưu Văn phòng Đảng ủy.

Nguyễn Văn Hùng

ĐẢNG ỦY XÃ BÌNH MỸ
28-11-2025 16:29:44 +07:00
"""


def test_blank_day_taken_from_the_stamp_and_said_so() -> None:
    doc = vanban.parse(SIGNED)
    assert doc.number == "-TB/ĐU"
    assert doc.date == "2025-11-28"  # not the cited 20/10/2025 nor the meeting's 25/11/2025
    assert doc.from_signature == ["date"]
    assert doc.to_dict()["from_signature"] == ["date"]
    assert doc.title == "kết luận của Ban Thường vụ Đảng ủy về công tác tuyên truyền"
    assert doc.place == "Bình Mỹ"


def test_flattened_footer_keeps_recipients_and_signer() -> None:
    doc = vanban.parse(SIGNED)
    assert doc.recipients == ["Các chi bộ trực thuộc", "Lưu Văn phòng Đảng ủy"]
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ",
        "Nguyễn Văn Hùng",
    )


def test_stamp_of_another_month_is_not_used() -> None:
    doc = vanban.parse(SIGNED.replace("28-11-2025", "02-12-2025"))
    assert doc.date is None and doc.from_signature == []


def test_printed_date_wins_over_the_stamp() -> None:
    doc = vanban.parse(SIGNED.replace("ngày tháng 11", "ngày 27 tháng 11"))
    assert doc.date == "2025-11-27" and doc.from_signature == []


def test_without_date_line_no_cited_date_is_taken() -> None:
    doc = vanban.parse(SIGNED.replace("Bình Mỹ, ngày tháng 11 năm 2025\n", ""))
    assert doc.date == "2025-11-28" and doc.from_signature == ["date"]
    unsigned = SIGNED.replace("Bình Mỹ, ngày tháng 11 năm 2025\n", "").split(
        "\nĐẢNG ỦY XÃ BÌNH MỸ\n2"
    )
    assert vanban.parse(unsigned[0]).date is None


def test_stamp_with_labels_and_lines_after_its_time() -> None:
    """Signing systems print the stamp in several shapes: the time under a label ("Thời gian
    ký:", "Ngày ký:") and other lines (the agency, an e-mail) after it."""
    unsigned = SIGNED[: SIGNED.index("ĐẢNG ỦY XÃ BÌNH MỸ\n28-11")]
    for stamp in (
        "Ký bởi: Đảng ủy xã Bình Mỹ\nThời gian ký: 28.11.2025 16:29:44 +07:00\n",
        "Người ký: Nguyễn Văn Hùng\nCơ quan: Đảng ủy xã Bình Mỹ\nNgày ký: 28/11/2025 16:29\n",
        "Ký bởi: VĂN PHÒNG ĐẢNG ỦY\nNgày ký: 28-11-2025 16:29:44 +07:00\nEmail: vp@du.vn\n",
    ):
        doc = vanban.parse(unsigned + stamp)
        assert (doc.date, doc.from_signature) == ("2025-11-28", ["date"]), stamp
    assert vanban.parse(unsigned).date is None


def test_a_stamp_printed_above_the_header_gives_the_blank_day() -> None:
    text = (
        "BỘ CHÍNH TRỊ\n28-07-2026 09:58:36 +07:00\n\nBAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 75-KL/TW\n"
        "ĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày   tháng 7 năm 2026\n\nKẾT LUẬN\n"
        "về bảo vệ môi trường\n\nI. BỐI CẢNH\nNội dung.\n"
    )
    doc = vanban.parse(text)
    assert (doc.date, doc.from_signature) == ("2026-07-28", ["date"])
    # the stamp is no part of the header
    assert (doc.issuer, doc.parent_issuer) == ("BAN CHẤP HÀNH TRUNG ƯƠNG", None)
    # a stamp of another month gives nothing
    other = text.replace("tháng 7 năm", "tháng 8 năm")
    assert vanban.parse(other).date is None


def test_the_stamps_body_is_no_signers_name() -> None:
    # the name is not in the text (the signing system drew it in the signature's picture):
    # the stamp's "ĐẢNG ỦY XÃ BÌNH MỸ" above its time is the signing body, not the signer
    doc = vanban.parse(SIGNED.replace("Nguyễn Văn Hùng\n", ""))
    assert (doc.signer_title, doc.signer_name) == ("PHÓ BÍ THƯ", None)
    assert doc.date == "2025-11-28"  # the stamp is still read
    # a title the stamp follows when no body is printed stays the signer's
    text = SIGNED.replace("PHÓ BÍ THƯ\n", "").replace(
        "Nguyễn Văn Hùng\n\nĐẢNG ỦY XÃ BÌNH MỸ\n", "TỔNG BÍ THƯ\n"
    )
    assert vanban.parse(text).signer_title == "TỔNG BÍ THƯ"


def test_the_blank_days_gap_in_the_header_is_no_footer_column() -> None:
    # a real short letter whose "V/v" and "Kính gửi" stand above the motto, so its body starts
    # above the date line; with the day left blank for the signing system ("ngày    tháng 5")
    # that gap was read as the footer's column gap and the signer's title was lost
    real = Path(__file__).parent / "fixtures" / "real" / "cv-stp-binh-thuan-788.txt"
    text = real.read_text(encoding="utf-8")
    assert "Bình Thuận, ngày  16  tháng 5" in text
    blank = text.replace("ngày  16  tháng 5", "ngày    tháng 5")
    blank += "\nSỞ TƯ PHÁP\n16-05-2025 10:12:00 +07:00\n"
    doc = vanban.parse(blank)
    assert (doc.signer_title, doc.signer_name) == ("GIÁM ĐỐC", "Phạm Thị Minh Hiếu")
    assert (doc.date, doc.from_signature) == ("2025-05-16", ["date"])


def test_recipients_do_not_wrap_into_the_stamp() -> None:
    # a line without a dash after a dashed list wraps the item above it ("- VPCP: BTCN, …," /
    # "Trợ lý TTg, …;"), but the stamp's time never does: it ends the text
    text = SIGNED.replace(
        "- Lưu Văn phòng Đảng ủy.\n\nNguyễn Văn Hùng\n", "- Lưu Văn phòng Đảng ủy,\n"
    )
    doc = vanban.parse(text)
    assert doc.recipients == ["Các chi bộ trực thuộc", "Lưu Văn phòng Đảng ủy"]
    assert doc.date == "2025-11-28"


def test_a_flattened_copy_keeps_its_stamp_on_lines_of_their_own() -> None:
    flat = " ".join(SIGNED.split("\nĐẢNG ỦY XÃ BÌNH MỸ\n28-11")[0].split())
    assert vanban.parse(flat).doc_type == "Thông báo"
    # (four line breaks with the blank line before the stamp: the flattened text is still one)
    doc = vanban.parse(flat + "\n\nĐẢNG ỦY XÃ BÌNH MỸ\n28-11-2025 16:29:44 +07:00\n")
    assert (doc.doc_type, doc.date, doc.signer_name) == (
        "Thông báo",
        "2025-11-28",
        "Nguyễn Văn Hùng",
    )
