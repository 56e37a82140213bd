"""Rules found on central party documents as a legal library's Markdown copies give them
(fixtures ``kl-vptw-07``, ``kl-tw-212``, ``kl-tw-221``, ``tb-vptw-432``, ``qd-tw-384``,
``qd-btgdvtw-1147``), each checked on a small text of the same shape (36-HD/VPTW forms)."""

from __future__ import annotations

from vanban import parse
from vanban.format_check import check_format
from vanban.page import document_start

_HEADER = (
    "BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG\n*\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
    "Số 12-TB/VPTW\n\nHà Nội, ngày 03 tháng 12 năm 2025\n\n"
)
_FOOTER = (
    "\nNơi nhận:\n- Các tỉnh ủy, thành ủy,\n- Lưu Văn phòng Trung ương Đảng.\n\n"
    "K/T CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\nNguyễn Văn An\n"
)
_BODY = "Hội nghị đã thống nhất đánh giá kết quả công tác và đề ra nhiệm vụ năm tới như sau.\n"

# a library page's own matter above the document: its banner, then a table of the
# document's particulars, one cell a line
_PREAMBLE = (
    "|\n|\nBản quyền thuộc về thư viện. Mọi hành vi sao chép đều bị nghiêm cấm.\n"
    "Các nội dung được sửa đổi sẽ được làm nổi bật.\n|\n|\nĐang tải văn bản...\n#\n"
    + "".join(
        f"**{label}:**\n|\n{value}\n|\n|\n"
        for label, value in [
            ("Số hiệu", "12-TB/VPTW"),
            ("Loại văn bản", "Thông báo"),
            ("Nơi ban hành", "Văn phòng Trung ương"),
            ("Người ký", "Nguyễn Văn An"),
            ("Ngày ban hành", "03/12/2025"),
            ("Ngày hiệu lực", "Đã biết"),
            ("Tình trạng", "Đã biết"),
        ]
    )
)
# and after the signature, the page's own lines again (related documents, notices)
_AFTERWORD = "".join(f"Văn bản liên quan thứ {n} của trang\nCập nhật:\n|\n" for n in range(40))


def test_a_library_page_s_matter_above_the_header_is_not_the_document() -> None:
    text = _PREAMBLE + _HEADER + "THÔNG BÁO\nKẾT LUẬN CỦA ĐỒNG CHÍ X\n-----\n" + _BODY + _FOOTER
    assert document_start(text) == len(_PREAMBLE)
    doc = parse(text)
    assert (doc.number, doc.doc_type, doc.date) == ("12-TB/VPTW", "Thông báo", "2025-12-03")
    assert doc.title == "KẾT LUẬN CỦA ĐỒNG CHÍ X"
    assert (doc.issuer, doc.parent_issuer) == ("VĂN PHÒNG", "BAN CHẤP HÀNH TRUNG ƯƠNG")
    # the offsets hold for the document's text, the page's matter kept in it (not blanked)
    span = doc.spans["number"]
    assert isinstance(span, tuple) and doc.text[span[0] : span[1]] == "12-TB/VPTW"
    assert "Bản quyền thuộc về thư viện" in doc.text


def test_a_library_page_s_document_with_its_number_and_day_left_blank() -> None:
    """The e-office stamps the number and the day: "Số      -TB/VPTW", "ngày      tháng 12"."""
    header = _HEADER.replace("Số 12-TB/VPTW", "Số      -TB/VPTW").replace("ngày 03", "ngày      ")
    text = _PREAMBLE + header + "THÔNG BÁO\nKẾT LUẬN CỦA ĐỒNG CHÍ X\n-----\n" + _BODY + _FOOTER
    assert document_start(text) == len(_PREAMBLE)
    assert parse(text).doc_type == "Thông báo"


def test_a_header_at_the_top_starts_the_document_there() -> None:
    text = _HEADER + "KẾT LUẬN\nVỀ VIỆC A\n-----\n" + _BODY + _FOOTER
    assert document_start(text) == 0
    # a sentence naming the party is no header
    news = "Tin tức\n" * 20 + "Kỷ niệm ngày thành lập Đảng Cộng sản Việt Nam.\nSố 12 ngày 3\n"
    assert document_start(news) == 0


def test_the_signature_beside_noi_nhan_above_a_page_s_own_lines() -> None:
    document = _HEADER + "KẾT LUẬN\nVỀ VIỆC A\n-----\n" + _BODY + _FOOTER
    doc = parse(_PREAMBLE + document + _AFTERWORD)
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (
        "K/T CHÁNH VĂN PHÒNG",
        "PHÓ CHÁNH VĂN PHÒNG",
        "Nguyễn Văn An",
    )


def test_a_caps_title_over_blank_lines_goes_on_to_the_rule_under_it() -> None:
    text = (
        _HEADER + "KẾT LUẬN\n\nCỦA ĐỒNG CHÍ CHÁNH VĂN PHÒNG\n\nTẠI HỘI NGHỊ TOÀN QUỐC\n"
        "NĂM 2025\n\n-----\n\n" + _BODY + _FOOTER
    )
    doc = parse(text)
    assert doc.title == "CỦA ĐỒNG CHÍ CHÁNH VĂN PHÒNG TẠI HỘI NGHỊ TOÀN QUỐC NĂM 2025"
    # without the rule, a caps line after a blank one is not the title's
    plain = _HEADER + "KẾT LUẬN\n\nVỀ VIỆC A\n\nI. MỤC ĐÍCH\n\n" + _BODY + _FOOTER
    assert parse(plain).title == "VỀ VIỆC A"


def test_a_title_of_comrade_names_a_person_not_the_issuer() -> None:
    text = _HEADER + "KẾT LUẬN\nCỦA ĐỒNG CHÍ TỔNG BÍ THƯ TẠI BUỔI LÀM VIỆC\n-----\n" + _BODY
    doc = parse(text + _FOOTER)
    assert (doc.issuer, doc.parent_issuer) == ("VĂN PHÒNG", "BAN CHẤP HÀNH TRUNG ƯƠNG")
    # a body after "của" still names the issuer
    body = _HEADER.replace("VĂN PHÒNG\n", "") + "KẾT LUẬN\nCỦA BỘ CHÍNH TRỊ VỀ VIỆC A\n-----\n"
    assert parse(body + _BODY + _FOOTER).issuer == "BỘ CHÍNH TRỊ"


def test_the_central_level_on_its_own_line_ends_the_superior_s_name() -> None:
    for left, parent, issuer in [
        ("BAN CHẤP HÀNH\nTRUNG ƯƠNG\nVĂN PHÒNG\n", "BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG"),
        ("ỦY BAN KIỂM TRA\nTRUNG ƯƠNG\nVĂN PHÒNG\n", "ỦY BAN KIỂM TRA TRUNG ƯƠNG", "VĂN PHÒNG"),
    ]:
        text = _HEADER.replace("BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG\n", left)
        doc = parse(text + "KẾT LUẬN\nVỀ VIỆC A\n-----\n" + _BODY + _FOOTER)
        assert (doc.issuer, doc.parent_issuer) == (issuer, parent), left


def test_the_party_s_name_wrapped_in_its_column_is_no_body() -> None:
    text = _HEADER.replace("ĐẢNG CỘNG SẢN VIỆT NAM", "**ĐẢNG CỘNG SẢN\nVIỆT NAM**")
    doc = parse(text + "KẾT LUẬN\nVỀ VIỆC A\n-----\n" + _BODY + _FOOTER)
    assert (doc.issuer, doc.parent_issuer) == ("VĂN PHÒNG", "BAN CHẤP HÀNH TRUNG ƯƠNG")


def test_a_header_date_wrapped_in_its_column() -> None:
    for date_line in (
        "*Hà Nội, ngày 03\ntháng 12 năm 2025*",
        "*Hà Nội, ngày\n03 tháng 12 năm 2025*",
    ):
        text = _HEADER.replace("Hà Nội, ngày 03 tháng 12 năm 2025", date_line)
        doc = parse(text + "KẾT LUẬN\nVỀ VIỆC A\n-----\n" + _BODY + _FOOTER)
        assert (doc.place, doc.date) == ("Hà Nội", "2025-12-03"), date_line


def test_a_rule_s_enacting_sentence_names_its_issuer() -> None:
    header = _HEADER.replace("VĂN PHÒNG\n", "").replace("12-TB/VPTW", "12-QĐ/TW")
    text = (
        header + "QUY ĐỊNH\nVỀ VIỆC A\n-----\n- Căn cứ Điều lệ Đảng;\n\n- Căn cứ Nghị định số "
        "01/2024/NĐ-CP, ngày\n01/4/2024 của Chính phủ quy định chi tiết;\n\n- Xét đề nghị của "
        "Văn phòng Trung ương Đảng,\n\nBan Bí thư Trung ương Đảng quy định về kết nối,\nchia sẻ "
        "dữ liệu như sau:\n\nĐiều 1. Phạm vi điều chỉnh\n\nQuy định này quy định về việc A.\n"
        "\nNơi nhận:\n- Các tỉnh ủy, thành ủy,\n\nT/M BAN BÍ THƯ\nNguyễn Văn An\n"
    )
    assert parse(text).issuer == "Ban Bí thư Trung ương Đảng"


def test_bodies_listed_with_commas_issue_together() -> None:
    header = _HEADER.replace("VĂN PHÒNG\n", "").replace("12-TB/VPTW", "12-KL/TW")
    text = (
        header + "KẾT LUẬN\nVỀ VIỆC A\n-----\nTại phiên họp ngày 14/11/2025, xem xét Tờ trình "
        "(Tờ trình số 03-TTr/ĐU, ngày 17/10/2025), Bộ Chính trị, Ban Bí thư kết luận như sau:\n"
        "1. Nhất trí.\n\nNơi nhận:\n- Các tỉnh ủy, thành ủy,\n\nT/M BỘ CHÍNH TRỊ\nNguyễn Văn An\n"
    )
    assert parse(text).issuer == "Bộ Chính trị, Ban Bí thư"


def test_noi_nhan_underlined() -> None:
    text = (
        _HEADER
        + "KẾT LUẬN\nVỀ VIỆC A\n-----\n"
        + _BODY
        + _FOOTER.replace("Nơi nhận:", "__Nơi nhận__:")
    )
    assert parse(text).recipients == ["Các tỉnh ủy, thành ủy", "Lưu Văn phòng Trung ương Đảng"]


def test_the_party_s_name_wrapped_in_its_column_is_the_header_s_title() -> None:
    """36-HD/VPTW: the title line 'ĐẢNG CỘNG SẢN VIỆT NAM' is there, wrapped in a copy's narrow
    column ("**ĐẢNG" / "CỘNG SẢN VIỆT NAM**"): the check reports no missing title."""
    text = _HEADER.replace("ĐẢNG CỘNG SẢN VIỆT NAM", "**ĐẢNG\nCỘNG SẢN VIỆT NAM**")
    doc = parse(text + "KẾT LUẬN\nVỀ VIỆC A\n-----\n" + _BODY + _FOOTER)
    assert "36-HD/VPTW:tieu-de" not in [f.rule_id for f in check_format(doc)]


def test_a_form_attached_below_a_two_column_header_is_not_where_the_document_starts() -> None:
    # the header's two columns on one line (as a PDF's text or a typist gives them): the
    # document starts at the top, and the form under it ("Mẫu số 01", with a header, a number
    # and a date of its own) is the document's attachment, not its start
    body = "\n".join(f"{n}. Nội dung thứ {n} của quyết định này." for n in range(1, 25))
    text = (
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "                                    Độc lập - Tự do - Hạnh phúc\n"
        "Số: 12/QĐ-UBND              Lâm Đồng, ngày 02 tháng 02 năm 2026\n\n"
        "QUYẾT ĐỊNH\nVề việc ban hành mẫu báo cáo\n\n"
        f"{body}\n\n"
        "Mẫu số 01\n"
        "ĐƠN VỊ BÁO CÁO\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Số: .../BC-...\n"
        "..., ngày ... tháng ... năm ...\n\n"
        "BÁO CÁO\n"
    )
    assert document_start(text) == 0
    assert parse(text).number == "12/QĐ-UBND"
