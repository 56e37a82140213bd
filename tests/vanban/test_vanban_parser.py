"""Each field of the parser on fragments written after the two official forms: party documents
(Hướng dẫn 36-HD/VPTW) and state documents (Nghị định 30/2020/NĐ-CP)."""

from __future__ import annotations

from typing import Any

import pytest

from vanban import ParsedDocument, parse

PARTY = """\
ĐẢNG BỘ TỈNH QUẢNG NAM                    ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH
*                          Tam Kỳ, ngày 05 tháng 10 năm 2023
Số 145-KH/ĐUK

KẾ HOẠCH
thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021
của Bộ Chính trị khóa XIII
-----

Thực hiện Kế hoạch số 293-KH/TU, ngày 20/7/2023 của Ban Thường vụ Tỉnh ủy và Hướng dẫn số 12-HD/BTGTU ngày 1-8-2023 của Ban Tuyên giáo Tỉnh ủy, Ban Thường vụ Đảng ủy Khối xây dựng kế hoạch thực hiện như sau:

I- MỤC ĐÍCH, YÊU CẦU
1- Quán triệt sâu sắc nội dung Kết luận.
2- Gắn với nhiệm vụ chính trị của cơ quan, đơn vị.
II- NHIỆM VỤ, GIẢI PHÁP
1- Tổ chức học tập
- Các chi, đảng bộ cơ sở tổ chức học tập.
+ Hoàn thành trong quý IV/2023.
2- Tuyên truyền¹
III- TỔ CHỨC THỰC HIỆN
1- Ban Tuyên giáo Đảng ủy Khối phối hợp với Văn phòng Đảng ủy Khối tham mưu, theo dõi.
2- Các chi, đảng bộ cơ sở, Đoàn Khối các cơ quan tỉnh xây dựng kế hoạch thực hiện.

Nơi nhận:                                  T/M BAN THƯỜNG VỤ
- Ban Thường vụ Tỉnh ủy,                         BÍ THƯ
- Các chi, đảng bộ cơ sở,
- Lưu VP.
                                            Lê Văn Dũng

¹ Theo Quy định số 85-QĐ/TW, ngày 07/10/2022 của Ban Bí thư.
"""

STATE = """\
UBND TỈNH BÌNH PHƯỚC
SỞ THÔNG TIN VÀ TRUYỀN THÔNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 289/KH-STTTT
Bình Phước, ngày 12 tháng 9 năm 2023

KẾ HOẠCH
Triển khai chuyển đổi số năm 2024

Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;
Thực hiện Quyết định số 1812/QĐ-UBND ngày 04/11/2022 của UBND tỉnh về việc phê duyệt Đề án, Sở Thông tin và Truyền thông ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức.
II. NHIỆM VỤ
1. Tuyên truyền về chuyển đổi số
- Phân công thực hiện:
+ Chủ trì: Phòng Bưu chính - Viễn thông.
+ Phối hợp: Văn phòng Sở, Trung tâm Công nghệ thông tin.
- Thời gian thực hiện: Quý II/2024.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở chủ trì, phối hợp với Thanh tra Sở theo dõi, đôn đốc việc thực hiện Kế hoạch.
2. Các phòng, đơn vị thuộc Sở: Căn cứ nhiệm vụ được giao, triển khai thực hiện.

Nơi nhận:
- UBND tỉnh (b/c);
- Giám đốc, các PGĐ Sở;
- Lưu: VT, BCVT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
(Đã ký)
Trần Văn Nam
"""


@pytest.fixture(scope="module")
def party() -> ParsedDocument:
    return parse(PARTY)


@pytest.fixture(scope="module")
def state() -> ParsedDocument:
    return parse(STATE)


def test_party_header(party: ParsedDocument) -> None:
    assert party.number == "145-KH/ĐUK"
    assert party.doc_type == "Kế hoạch"
    assert party.parent_issuer == "ĐẢNG BỘ TỈNH QUẢNG NAM"
    assert (party.place, party.date) == ("Tam Kỳ", "2023-10-05")
    assert party.date_raw == "Tam Kỳ, ngày 05 tháng 10 năm 2023"
    assert (
        party.title == "thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị khóa XIII"
    )


def test_state_header(state: ParsedDocument) -> None:
    assert state.number == "289/KH-STTTT"
    assert state.parent_issuer == "UBND TỈNH BÌNH PHƯỚC"
    assert (state.place, state.date) == ("Bình Phước", "2023-09-12")
    assert state.title == "Triển khai chuyển đổi số năm 2024"


def test_issuer_from_the_opening_sentence(party: ParsedDocument, state: ParsedDocument) -> None:
    assert party.issuer == "Ban Thường vụ Đảng ủy Khối"
    assert state.issuer == "Sở Thông tin và Truyền thông"


def test_implements(party: ParsedDocument, state: ParsedDocument) -> None:
    assert party.implements == ["293-KH/TU", "12-HD/BTGTU"]
    assert state.implements == ["1812/QĐ-UBND"]  # "Căn cứ" is a legal basis, not carried out


def test_references_include_footnotes_once(party: ParsedDocument) -> None:
    refs = {r.number: r for r in party.references}
    assert list(refs) == ["01-KL/TW", "293-KH/TU", "12-HD/BTGTU", "85-QĐ/TW"]
    assert refs["12-HD/BTGTU"].date == "2023-08-01"
    assert refs["85-QĐ/TW"].issuer == "Ban Bí thư"
    assert "145-KH/ĐUK" not in refs  # the document's own number


def test_sections_and_items(party: ParsedDocument) -> None:
    assert [(s.label, s.title) for s in party.sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "NHIỆM VỤ, GIẢI PHÁP"),
        ("III", "TỔ CHỨC THỰC HIỆN"),
    ]
    assert [(i.section, i.label) for i in party.items] == [
        ("I", "1"), ("I", "2"), ("II", "1"), ("II", "2"), ("III", "1"), ("III", "2"),
    ]  # fmt: skip
    task = party.items[2]
    assert task.title == "Tổ chức học tập"
    assert [(b.marker, b.text) for b in task.bullets] == [
        ("-", "Các chi, đảng bộ cơ sở tổ chức học tập."),
        ("+", "Hoàn thành trong quý IV/2023."),
    ]
    assert "Các chi, đảng bộ cơ sở tổ chức học tập." in task.text


def test_footnotes(party: ParsedDocument) -> None:
    assert [(f.label, f.text) for f in party.footnotes] == [
        ("1", "Theo Quy định số 85-QĐ/TW, ngày 07/10/2022 của Ban Bí thư.")
    ]
    assert all("Theo Quy định" not in item.text for item in party.items)


def test_assignments_from_tổ_chức_thực_hiện(party: ParsedDocument) -> None:
    assert [(a.section, a.item, a.units, a.period) for a in party.assignments] == [
        ("III", "1", ["Ban Tuyên giáo Đảng ủy Khối", "Văn phòng Đảng ủy Khối"], None),
        ("III", "2", ["Các chi, đảng bộ cơ sở", "Đoàn Khối các cơ quan tỉnh"], None),
    ]


def test_assignments_from_phân_công(state: ParsedDocument) -> None:
    assert [(a.section, a.item, a.units, a.period) for a in state.assignments] == [
        (
            "II",
            "1",
            ["Phòng Bưu chính - Viễn thông", "Văn phòng Sở", "Trung tâm Công nghệ thông tin"],
            "Quý II/2024",
        ),
        ("III", "1", ["Văn phòng Sở", "Thanh tra Sở"], None),
        ("III", "2", ["Các phòng, đơn vị thuộc Sở"], None),
    ]


def test_interleaved_signature_and_recipients(party: ParsedDocument) -> None:
    assert party.recipients == ["Ban Thường vụ Tỉnh ủy", "Các chi, đảng bộ cơ sở", "Lưu VP"]
    assert (party.on_behalf, party.signer_title, party.signer_name) == (
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
        "Lê Văn Dũng",
    )


def test_state_signature(state: ParsedDocument) -> None:
    assert state.recipients == ["UBND tỉnh (b/c)", "Giám đốc, các PGĐ Sở", "Lưu: VT, BCVT"]
    assert (state.on_behalf, state.signer_title, state.signer_name) == (
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Trần Văn Nam",
    )


@pytest.mark.parametrize("document", [PARTY, STATE])
def test_spans_locate_every_value(document: str) -> None:
    doc = parse(document)
    text = doc.text
    for name in (
        "number",
        "place",
        "signer_name",
        "signer_title",
        "on_behalf",
        "parent_issuer",
        "issuer",
    ):
        value = getattr(doc, name)
        start, end = doc.spans[name]
        assert " ".join(text[start:end].split()) == value, name
    assert text[slice(*doc.spans["date_raw"])] == doc.date_raw
    assert " ".join(text[slice(*doc.spans["title"])].split()) == doc.title
    for value, (start, end) in zip(doc.recipients, doc.spans["recipients"], strict=True):
        assert text[start:end] == value
    for ref in doc.references:
        assert text[slice(*ref.span)].replace(" ", "") == ref.number.replace(" ", "")
    for section in doc.sections:
        assert text[slice(*section.title_span)] == section.title
    for item in doc.items:
        assert text[slice(*item.title_span)] == item.title
    for assignment in doc.assignments:
        for unit, (start, end) in zip(assignment.units, assignment.unit_spans, strict=True):
            assert text[start:end] == unit


def test_to_dict_has_the_corpus_schema_then_extras(party: ParsedDocument) -> None:
    data: dict[str, Any] = party.to_dict()
    assert list(data)[:19] == [
        "source", "number", "doc_type", "issuer", "parent_issuer", "place", "date", "date_raw", "title",
        "signer_name", "signer_title", "on_behalf", "recipients", "references", "implements", "sections",
        "items", "assignments", "footnotes",
    ]  # fmt: skip
    assert {"number", "date", "issuer"} <= set(data["references"][0])
    assert data["spans"]["number"] == list(party.spans["number"])
    assert "text" not in data and party.to_dict(include_text=True)["text"] == party.text


@pytest.mark.parametrize(
    ("block", "on_behalf", "title"),
    [
        ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        ("K/T BÍ THƯ\nPHÓ BÍ THƯ", "K/T BÍ THƯ", "PHÓ BÍ THƯ"),
        ("TL. BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG", "TL. BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"),
        ("TUQ. CHỦ TỊCH\nCHÁNH VĂN PHÒNG", "TUQ. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"),
        ("Q. GIÁM ĐỐC", "Q. GIÁM ĐỐC", None),
        ("**T/M ĐẢNG ỦY\nPHÓ BÍ THƯ**", "T/M ĐẢNG ỦY", "PHÓ BÍ THƯ"),
        ("GIÁM ĐỐC", None, "GIÁM ĐỐC"),
    ],
)
def test_signature_forms(block: str, on_behalf: str | None, title: str | None) -> None:
    text = f"Số 12-KH/TU\n\nKẾ HOẠCH\nVề việc A\n\nNội dung.\n\nNơi nhận:\n- Như trên;\n- Lưu VT.\n\n{block}\n\n(đã ký)\n\nNguyễn Văn An\n"
    doc = parse(text)
    assert doc.on_behalf == on_behalf
    assert doc.signer_title == title
    assert doc.signer_name == "Nguyễn Văn An"
    assert doc.recipients == ["Như trên", "Lưu VT"]


def test_blank_number_and_partial_date() -> None:
    doc = parse(
        "Số: /KH-STTTT\n\nBình Phước, ngày     tháng 9 năm 2023\n\nKẾ HOẠCH\nNâng cao hiệu quả\n"
    )
    assert doc.number == "/KH-STTTT"
    assert (doc.place, doc.date, doc.date_raw) == (
        "Bình Phước",
        None,
        "Bình Phước, ngày tháng 9 năm 2023",
    )


def test_header_columns_pasted_on_one_line() -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
        "Số: 1234/QĐ-UBND Bình Định, ngày 20 tháng 4 năm 2024\n"
        "QUYẾT ĐỊNH\nVề việc ban hành Quy chế làm việc\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n"
        "Căn cứ Luật số 77/2015/QH13 ngày 19/6/2015;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Quy chế.\nĐiều 2. Hiệu lực.\n"
    )
    doc = parse(text)
    assert (doc.number, doc.doc_type, doc.issuer) == (
        "1234/QĐ-UBND",
        "Quyết định",
        "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH",
    )
    assert (doc.place, doc.date) == ("Bình Định", "2024-04-20")
    assert doc.title == "Về việc ban hành Quy chế làm việc"
    assert doc.sections == [] and doc.items == []


def test_công_văn_subject() -> None:
    text = (
        "UBND HUYỆN PHÙ MỸ\nPHÒNG VĂN HÓA VÀ THÔNG TIN\nSố: 45/VHTT-TT\nV/v tuyên truyền kỷ niệm\nngày truyền thống\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nPhù Mỹ, ngày 3 tháng 2 năm 2024\n\n"
        "Kính gửi: Ủy ban nhân dân các xã.\n\nNội dung.\n"
    )
    doc = parse(text)
    assert (doc.doc_type, doc.title) == ("Công văn", "V/v tuyên truyền kỷ niệm ngày truyền thống")
    assert (doc.issuer, doc.parent_issuer) == ("PHÒNG VĂN HÓA VÀ THÔNG TIN", "UBND HUYỆN PHÙ MỸ")


def test_doc_type_from_the_symbol_when_there_is_no_type_line() -> None:
    assert parse("Số 88-KL/TU\n\nNội dung kết luận.\n").doc_type == "Kết luận"


def test_news_article() -> None:
    text = (
        "“Đẩy mạnh công tác tuyên giáo”\n\nThứ hai - 11/09/2023 22:02\n"
        "Ngày 05/9/2023, Ban Thường vụ Tỉnh ủy ban hành Kết luận số 88-KL/TU về công tác tuyên giáo.\n"
        "1. Tiếp tục tăng cường sự lãnh đạo\nNội dung.\n"
    )
    doc = parse(text)
    assert (doc.doc_type, doc.title, doc.date) == (
        "Tin bài",
        "“Đẩy mạnh công tác tuyên giáo”",
        "2023-09-11",
    )
    assert doc.number is None and doc.issuer is None and doc.items == []
    assert [(r.number, r.date, r.issuer) for r in doc.references] == [
        ("88-KL/TU", "2023-09-05", "Ban Thường vụ Tỉnh ủy")
    ]


def test_tone_placement_does_not_matter_for_keywords() -> None:
    text = "KẾ HOẠCH\nVề việc A\n\nI. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Sở\n\nNƠI NHẬN:\n- Lưu VT.\n"
    doc = parse(text.replace("HIỆN", "HIỆN"))
    assert doc.recipients == ["Lưu VT"]
    assert [a.units for a in doc.assignments] == [["Văn phòng Sở"]]


def test_unnumbered_tổ_chức_thực_hiện() -> None:
    text = (
        "KẾ HOẠCH\nVề việc A\n\nI. MỤC ĐÍCH\n- Nâng cao.\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
        "Cấp ủy các chi bộ căn cứ Kế hoạch này quán triệt, triển khai thực hiện.\n"
        "Định kỳ báo cáo kết quả về Đảng ủy Sở.\n"
    )
    doc = parse(text)
    assert [(a.section, a.item, a.units) for a in doc.assignments] == [
        ("II", None, ["Cấp ủy các chi bộ"])
    ]


def test_phối_hợp_ending_an_item_of_tổ_chức_thực_hiện() -> None:
    # "phối hợp" with nothing after it names no second unit (this once failed an assertion)
    text = "KẾ HOẠCH\nVề việc x\n\nI. TỔ CHỨC THỰC HIỆN\n1. Ban Tuyên giáo phối hợp\n2. Văn phòng\n"
    doc = parse(text)
    assert [(a.item, a.units) for a in doc.assignments] == [
        ("1", ["Ban Tuyên giáo"]),
        ("2", ["Văn phòng"]),
    ]


def test_item_numbers_must_follow_each_other() -> None:
    text = "KẾ HOẠCH\nA\n\nI. NỘI DUNG\n1. Một\nnăm 2023 có 5. điểm\n3. Không phải mục\n2. Hai\nII. KHÁC\n1. Ba\n"
    doc = parse(text)
    # (the line under "1. Một" opens on a small letter: the item's first line wrapped on, read
    # with it since 2026-12-05; its "5." is no item either way)
    assert [(i.section, i.label, i.title) for i in doc.items] == [
        ("I", "1", "Một năm 2023 có 5. điểm"),
        ("I", "2", "Hai"),
        ("II", "1", "Ba"),
    ]


def test_empty_and_odd_inputs() -> None:
    for text in (
        "",
        "\n\n",
        "Số",
        "I.",
        "1.",
        "Nơi nhận:",
        "T/M",
        "KẾ HOẠCH",
        "*" * 50,
        "Điều 1. A\nĐiều 2. B",
    ):
        doc = parse(text)
        assert isinstance(doc.to_dict(), dict)
        assert doc.text == text.strip(" ") or doc.text == text


def test_guidance_with_separate_header_lines() -> None:
    text = (
        "TỈNH ỦY BÌNH ĐỊNH\nBAN TUYÊN GIÁO\n*\nSố 15-HD/BTGTU\nĐẢNG CỘNG SẢN VIỆT NAM\nQuy Nhơn, ngày 3 tháng 4 năm 2023\n"
        "HƯỚNG DẪN\ntuyên truyền kỷ niệm 75 năm Ngày truyền thống\nngành Tuyên giáo của Đảng\n-----\n"
        "Thực hiện Hướng dẫn số 99-HD/BTGTW, ngày 20/3/2023 của Ban Tuyên giáo Trung ương về tuyên truyền, "
        "Ban Tuyên giáo Tỉnh ủy hướng dẫn tuyên truyền như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Tuyên truyền sâu rộng.\nII. TỔ CHỨC THỰC HIỆN\n"
        "1. Ban Tuyên giáo các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy: Hướng dẫn, tổ chức tuyên truyền.\n"
        "2. Đề nghị Sở Thông tin và Truyền thông chỉ đạo các cơ quan báo chí tuyên truyền.\n"
        "Nơi nhận:\n- Ban Tuyên giáo Trung ương (b/c),\n- Lưu Văn phòng.\nK/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nĐoàn Văn Phi\n"
    )
    doc = parse(text)
    assert (doc.doc_type, doc.number, doc.parent_issuer, doc.issuer) == (
        "Hướng dẫn", "15-HD/BTGTU", "TỈNH ỦY BÌNH ĐỊNH", "Ban Tuyên giáo Tỉnh ủy",
    )  # fmt: skip
    assert doc.title == "tuyên truyền kỷ niệm 75 năm Ngày truyền thống ngành Tuyên giáo của Đảng"
    assert doc.implements == ["99-HD/BTGTW"]
    assert [(a.item, a.units) for a in doc.assignments] == [
        ("1", ["Ban Tuyên giáo các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy"]),
        ("2", ["Sở Thông tin và Truyền thông"]),
    ]
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (
        "K/T TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "Đoàn Văn Phi",
    )


def test_directive_without_blank_lines_and_signature_before_recipients() -> None:
    text = (
        "TỈNH ỦY QUẢNG NAM ĐẢNG CỘNG SẢN VIỆT NAM\n* Tam Kỳ, ngày 10 tháng 01 năm 2024\nSố 25-CT/TU\nCHỈ THỊ\n"
        "của Ban Thường vụ Tỉnh ủy\nvề tăng cường công tác tuyên truyền\n"
        "Trong thời gian qua, công tác tuyên truyền đạt nhiều kết quả. Để khắc phục hạn chế, Ban Thường vụ Tỉnh ủy "
        "yêu cầu các cấp ủy thực hiện tốt các nhiệm vụ sau:\n1. Tăng cường sự lãnh đạo.\n2. Đổi mới nội dung.\n"
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nLương Nguyễn Minh Triết\nNơi nhận:\n- Các huyện ủy,\n- Lưu VP Tỉnh ủy.\n"
    )
    doc = parse(text)
    assert (doc.doc_type, doc.place, doc.date) == ("Chỉ thị", "Tam Kỳ", "2024-01-10")
    assert doc.title == "của Ban Thường vụ Tỉnh ủy về tăng cường công tác tuyên truyền"
    assert doc.issuer == "Ban Thường vụ Tỉnh ủy"
    assert (doc.signer_name, doc.recipients) == (
        "Lương Nguyễn Minh Triết",
        ["Các huyện ủy", "Lưu VP Tỉnh ủy"],
    )


def test_markdown_markers_are_not_part_of_values() -> None:
    text = (
        "**ĐẢNG BỘ TỈNH BÌNH ĐỊNH**\n**ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH**\n**Số 30-KH/ĐUK**\n\n"
        "*Quy Nhơn, ngày 15 tháng 3 năm 2022*\n\n# KẾ HOẠCH\n\n**Học tập chuyên đề năm 2022**\n\n"
        "**I. MỤC ĐÍCH, YÊU CẦU**\n\n**1. Mục đích**\n\nNâng cao (*nhận thức*).\n\n"
        "**Nơi nhận:**\n- Lưu VP.\n\n**T/M BAN THƯỜNG VỤ**\n**BÍ THƯ**\n\n**Nguyễn Văn Tùng**\n"
    )
    doc = parse(text)
    assert (doc.number, doc.place, doc.title) == (
        "30-KH/ĐUK",
        "Quy Nhơn",
        "Học tập chuyên đề năm 2022",
    )
    assert doc.parent_issuer == "ĐẢNG BỘ TỈNH BÌNH ĐỊNH"
    assert [(s.label, s.title) for s in doc.sections] == [("I", "MỤC ĐÍCH, YÊU CẦU")]
    assert [(i.label, i.title) for i in doc.items] == [("1", "Mục đích")]
    assert "Nâng cao (nhận thức)." in doc.items[0].text
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
        "Nguyễn Văn Tùng",
    )


def test_recipients_right_after_the_title_and_name_in_capitals() -> None:
    text = (
        "KẾ HOẠCH\nHọc tập\nNơi nhận:\n- Ban Thường vụ Tỉnh ủy (b/c),\n- Lưu VP.\n"
        "TM. BAN CHẤP HÀNH ĐOÀN\nBÍ THƯ\nNGUYỄN VĂN AN\n"
    )
    doc = parse(text)
    assert doc.title == "Học tập"
    assert doc.recipients == ["Ban Thường vụ Tỉnh ủy (b/c)", "Lưu VP"]
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (
        "TM. BAN CHẤP HÀNH ĐOÀN",
        "BÍ THƯ",
        "NGUYỄN VĂN AN",
    )


def test_signature_pasted_into_the_recipient_lines() -> None:
    text = (
        "Số: 12/KH-UBND\nKẾ HOẠCH\nTuyên truyền\nI. MỤC ĐÍCH\n1. Nâng cao\n"
        "Nơi nhận: KT. CHỦ TỊCH\n- Như trên; PHÓ CHỦ TỊCH\n- Lưu: VT, VX.\n(Đã ký)\nNguyễn Văn Bình\n"
    )
    doc = parse(text)
    assert doc.recipients == ["Như trên", "Lưu: VT, VX"]
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn Bình",
    )


def test_decree_with_articles() -> None:
    text = (
        "CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 30/2020/NĐ-CP Hà Nội, ngày 5 tháng 3 năm 2020\n"
        "NGHỊ ĐỊNH\nVề công tác văn thư\nCăn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
        "Chính phủ ban hành Nghị định về công tác văn thư.\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n"
    )
    doc = parse(text)
    assert (doc.number, doc.doc_type, doc.place, doc.date) == (
        "30/2020/NĐ-CP",
        "Nghị định",
        "Hà Nội",
        "2020-03-05",
    )
    assert (doc.title, doc.issuer) == ("Về công tác văn thư", "Chính phủ")
