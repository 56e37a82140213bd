"""The citation grammar, one form per test, on fragments."""

from __future__ import annotations

import pytest

import vanban
from vanban.body_names import read_issuer
from vanban.citations import find_citations, find_date
from vanban.symbols import type_of_symbol


def one(text: str):  # type: ignore[no-untyped-def]
    found = find_citations(text)
    assert len(found) == 1, [c.number for c in found]
    return found[0]


@pytest.mark.parametrize(
    ("fragment", "number", "doc_type"),
    [
        ("theo Nghị quyết số 35-NQ/TW về", "35-NQ/TW", "Nghị quyết"),
        ("Kế hoạch số 11-KH/BTGĐUK của", "11-KH/BTGĐUK", "Kế hoạch"),
        ("Quy định số 08-QĐi/TW ngày", "08-QĐi/TW", "Quy định"),
        ("Quyết định số 1224-QĐ/TU,", "1224-QĐ/TU", "Quyết định"),
        ("Chương trình hành động số 04-CTr/BTGTU", "04-CTr/BTGTU", "Chương trình hành động"),
        ("Kế hoạch số 289/KH-UBND ngày", "289/KH-UBND", "Kế hoạch"),
        ("Quyết định số 1812/QĐ-UBND", "1812/QĐ-UBND", "Quyết định"),
        ("Nghị định số 30/2020/NĐ-CP của Chính phủ", "30/2020/NĐ-CP", "Nghị định"),
        ("Luật số 77/2015/QH13.", "77/2015/QH13", "Luật"),
        ("Thông tư 01/2011/TT-BNV", "01/2011/TT-BNV", "Thông tư"),
        ("Công văn số 250-CV/ĐUK", "250-CV/ĐUK", "Công văn"),
        ("Hướng dẫn số 36-HD/VPTW", "36-HD/VPTW", "Hướng dẫn"),
        ("Thông báo số 12-TB/TU", "12-TB/TU", "Thông báo"),
        ("Đề án số 05-ĐA/TU", "05-ĐA/TU", "Đề án"),
        ("Chỉ thị 05-CT/TW", "05-CT/TW", "Chỉ thị"),
        ("Kết luận số 01- KL/TW ngày", "01-KL/TW", "Kết luận"),
        ("Quy định số 101 -QĐ/TW,", "101-QĐ/TW", "Quy định"),
        ("Nghị quyết số 35–NQ/TW", "35-NQ/TW", "Nghị quyết"),
        ("Nghị quyết Trung ương số 18-NQ/TW", "18-NQ/TW", "Nghị quyết Trung ương"),
        ("116-GM/ĐUK", "116-GM/ĐUK", None),
    ],
)
def test_symbols_and_type_words(fragment: str, number: str, doc_type: str | None) -> None:
    cite = one(fragment)
    assert cite.number == number
    assert cite.doc_type == doc_type


@pytest.mark.parametrize(
    ("fragment", "date"),
    [
        ("Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị", "2018-10-22"),
        ("Nghị quyết số 35-NQ/TW, ngày 22-10-2018", "2018-10-22"),
        ("Nghị quyết số 35-NQ/TW ngày 22.10.2018", "2018-10-22"),
        ("Nghị quyết số 35-NQ/TW ngày 22 tháng 10 năm 2018 của Bộ Chính trị", "2018-10-22"),
        ("Quy định số 101 -QĐ/TW, 28/02/2023 về", "2023-02-28"),
        ("Chương trình số 20-CTr/TU ngày 5/7/2014", "2014-07-05"),
        ("Nghị quyết số 09-NQ/TU\nngày 19/5/2018 của", "2018-05-19"),
        ("Nghị quyết số 35-NQ/TW về tăng cường, ngày 22/10/2018", None),
        ("Nghị quyết số 35-NQ/TW ngày 31/02/2018", None),
        ("116-GM/ĐUK\n\n19/09/2023", None),
    ],
)
def test_dates(fragment: str, date: str | None) -> None:
    assert one(fragment).date == date


@pytest.mark.parametrize(
    ("fragment", "issuer", "term"),
    [
        (
            "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị (khóa XIII) về",
            "Bộ Chính trị",
            "XIII",
        ),
        (
            "Nghị quyết số 33-NQ/TW của Ban Chấp hành Trung ương khóa XI “về xây dựng",
            "Ban Chấp hành Trung ương",
            "XI",
        ),
        (
            "Quy định số 08-QĐi/TW, ngày 25/10/2018 của Ban Chấp hành Trung ương Đảng khoá XII về",
            "Ban Chấp hành Trung ương Đảng",
            "XII",
        ),
        (
            "Kế hoạch số 59-KH/ĐUK ngày 22/3/2022 của Đảng ủy Khối các cơ quan và doanh nghiệp về",
            "Đảng ủy Khối các cơ quan và doanh nghiệp",
            None,
        ),
        (
            "Kế hoạch số 312/KH-UBND ngày 13/10/2021 của UBND tỉnh ban hành kế hoạch",
            "UBND tỉnh",
            None,
        ),
        (
            "Chương trình số 24-CTr/TU ngày 14/9/2015 của Tỉnh ủy thực hiện Nghị quyết",
            "Tỉnh ủy",
            None,
        ),
        (
            "Nghị quyết số 07-NQ/TU ngày 27/4/2018 của Ban Thường vụ\nTỉnh ủy về",
            "Ban Thường vụ Tỉnh ủy",
            None,
        ),
        (
            "Kế hoạch số 78-KH/TU của Ban Thường vụ Tỉnh ủy và Kế hoạch",
            "Ban Thường vụ Tỉnh ủy",
            None,
        ),
        ("Quyết định số 12/QĐ-UBND của Ủy ban nhân dân tỉnh về việc", "Ủy ban nhân dân tỉnh", None),
        (
            "Công văn số 9/STTTT-TTBCXB của Sở Thông tin và Truyền thông đề nghị",
            "Sở Thông tin và Truyền thông",
            None,
        ),
        (
            "Quy định số 114-QĐ/TW ngày 11/7/2023 của Ban Chấp hành Trung ương.",
            "Ban Chấp hành Trung ương",
            None,
        ),
        ("Chỉ thị số 05-CT/TW về đẩy mạnh", None, None),
        ("Kế hoạch số 9-KH/TU của các cơ quan", None, None),
    ],
)
def test_issuers_and_terms(fragment: str, issuer: str | None, term: str | None) -> None:
    cite = one(fragment)
    assert cite.issuer == issuer
    assert cite.term == term


def test_issuer_and_date_written_before_the_citation() -> None:
    cite = one("Ngày 05/9/2023, Ban Thường vụ Tỉnh ủy ban hành Kết luận số 88-KL/TU về tiếp tục")
    assert (cite.date, cite.issuer) == ("2023-09-05", "Ban Thường vụ Tỉnh ủy")


def test_spans_point_into_the_text() -> None:
    text = "Thực hiện Kế hoạch số 289/KH-UBND ngày 12/9/2023 của UBND tỉnh về tuyên truyền"
    cite = one(text)
    assert text[cite.start : cite.end] == "289/KH-UBND"
    assert cite.issuer_span and text[slice(*cite.issuer_span)] == "UBND tỉnh"
    assert cite.date_span and text[slice(*cite.date_span)] == "ngày 12/9/2023"
    assert cite.type_start is not None and text[cite.type_start :].startswith("Kế hoạch")


@pytest.mark.parametrize(
    "text",
    [
        "ngày 22/10/2018 và 2020-2025",
        "giai đoạn 2021 - 2025/2030",
        "ISO 9001:2015",
        "(b/c)",
        "Lưu: VT, KH-TC.",
        "tỷ lệ 98%/năm",
    ],
)
def test_non_symbols(text: str) -> None:
    assert find_citations(text) == []


def test_find_date_forms() -> None:
    assert find_date("ngay 22 thang 10 nam 2018")[0] == "2018-10-22"  # type: ignore[index]
    assert find_date("22/10/2018")[0] == "2018-10-22"  # type: ignore[index]
    assert find_date("ngày 1-8-2023")[0] == "2023-08-01"  # type: ignore[index]
    assert find_date("về việc") is None


def test_read_issuer_stops_at_verbs_and_quotes() -> None:
    assert read_issuer("Ban Bí thư “Về việc", 0)[0] == "Ban Bí thư"
    assert read_issuer("Thủ tướng Chính phủ phê duyệt", 0)[0] == "Thủ tướng Chính phủ"
    assert read_issuer("các cơ quan", 0)[0] is None


@pytest.mark.parametrize(
    ("symbol", "doc_type"),
    [("35-NQ/TW", "Nghị quyết"), ("08-QĐi/TW", "Quy định"), ("1224-QĐ/TU", "Quyết định"), ("289/KH-UBND", "Kế hoạch"),
     ("30/2020/NĐ-CP", "Nghị định"), ("45/UBND-VX", "Công văn"), ("/KH-STTTT", "Kế hoạch"), ("04-CTr/TU", "Chương trình hành động")],
)  # fmt: skip
def test_type_of_symbol(symbol: str, doc_type: str) -> None:
    assert type_of_symbol(symbol) == doc_type


def test_an_older_state_symbol_joins_its_codes_with_a_full_stop() -> None:
    text = "thay thế Quyết định số 01/1999/QĐ.UB ngày 15/01/1999 của Ủy ban nhân dân tỉnh.\n"
    (ref,) = vanban.parse(text).references
    assert (ref.number, ref.date) == ("01/1999/QĐ.UB", "1999-01-15")
    # a sentence glued after a symbol's full stop is not a code
    (glued,) = vanban.parse("theo Quyết định số 12/QĐ-UBND.Các sở thực hiện.\n").references
    assert glued.number == "12/QĐ-UBND"


def test_a_bare_number_cited_with_its_type_and_day() -> None:
    # a document of the 1980s cites one that had a number and no symbol
    text = (
        "Căn cứ Quyết định số 76/HĐBT ngày 26 tháng 6 năm 1986 của Hội đồng Bộ trưởng và Thông "
        "tư số 06 ngày 16 tháng 7 năm 1986 của Bộ Nội thương;\n"
    )
    refs = [(r.number, r.date, r.issuer, r.doc_type) for r in vanban.parse(text).references]
    assert refs[1] == ("06", "1986-07-16", "Bộ Nội thương", "Thông tư")
    assert vanban.parse("theo Công văn số 12 ngày 02/3/1987 của Sở.\n").references[0].number == "12"
    # without its day, or without a type word before "số", a number cites nothing
    for bare in ("Thông tư số 06 của Bộ Nội thương;\n", "có số 06 ngày 16/7/1986 của Bộ.\n"):
        assert vanban.parse(bare).references == []


def test_a_letters_symbol_of_one_issuer_code_cited_after_its_type() -> None:
    head = "Số: 95/TTr-HĐTĐ\nLâm Đồng, ngày 03 tháng 02 năm 2026\n\n"
    text = head + "Ngày 19/01/2026, Hội đồng thẩm định ban hành Công văn số 360/HĐTĐ về việc a.\n"
    (ref,) = vanban.parse(text).references
    assert (ref.number, ref.date, ref.issuer) == ("360/HĐTĐ", "2026-01-19", "Hội đồng thẩm định")
    # a longer symbol is read whole, a code of one letter (a font's lost glyphs) is none, and a
    # bare "số 12/UB" with no type before it is no citation
    longer = head + "Công văn số 227/NTTQ-BTT về việc a; Công văn số 1185/S V-CCVC; số 12/UB.\n"
    assert [r.number for r in vanban.parse(longer).references] == ["227/NTTQ-BTT"]


def test_a_one_code_symbol_on_the_next_line_and_before_a_usual_symbol() -> None:
    head = "Số: 779/QĐ-UBND\nBình Thuận, ngày 23 tháng 3 năm 2022\n\n"
    text = head + (
        "Theo  đề  nghị  của  Hội  Khuyến  học  tỉnh  tại  Công  văn  số\n06/KHBT ngày 21 tháng "
        "01 năm 2022 và Giám đốc Sở Nội vụ tại Công văn số 437/SNV-TCCC ngày 03/3/2022.\n"
    )
    refs = [(r.number, r.date, r.issuer) for r in vanban.parse(text).references]
    assert refs == [
        ("06/KHBT", "2022-01-21", "Hội Khuyến học tỉnh"),
        ("437/SNV-TCCC", "2022-03-03", "Giám đốc Sở Nội vụ"),
    ]
    # with no type word before "số" it is still no citation
    bare = text.replace("Công  văn  số\n06", "số\n06")
    assert [r.number for r in vanban.parse(bare).references] == ["437/SNV-TCCC"]


def test_a_comma_between_two_tasks_in_a_bodys_name() -> None:
    from vanban.body_names import read_issuer

    text = (
        "Báo cáo số 36/BC-HĐTĐ ngày 02/02/2026 của Hội đồng thẩm định, đánh giá chỉ số cải cách "
        "hành chính tỉnh về kết quả thẩm định.\n"
    )
    (ref,) = vanban.parse(text).references
    assert ref.issuer == "Hội đồng thẩm định, đánh giá chỉ số cải cách hành chính tỉnh"
    # a comma after a capitalised name, or before a lower-case word no name holds, ends it
    assert read_issuer("Sở Nội vụ, đánh giá chỉ số", 0)[0] == "Sở Nội vụ"
    assert read_issuer("Hội đồng thẩm định, các sở", 0)[0] == "Hội đồng thẩm định"
    # a long lower-case run before the comma is a clause, not a task
    assert read_issuer("Ban Thường vụ Nêu cao vai trò gương mẫu, nói đi đôi", 0)[0] == (
        "Ban Thường vụ Nêu cao vai trò gương mẫu"
    )
    # "số" (number) still ends a name, but not in "chỉ số" (index)
    assert read_issuer("UBND tỉnh số 12", 0)[0] == "UBND tỉnh"
