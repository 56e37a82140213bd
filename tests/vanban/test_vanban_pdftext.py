"""Text as PDFs give it: glued words, symbols split over lines, letter-spaced runs — on text
with the defect and on PDFs the test builds with it."""

from __future__ import annotations

from pathlib import Path

import pytest

import vanban
from vanban.pdftext import repair_text
from vanban.syllables import is_syllable, split_glued


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("thịsố", ("thị", "số")),
        ("vềlãnh", ("về", "lãnh")),
        ("vụTỉnh", ("vụ", "Tỉnh")),
        ("BộCông", ("Bộ", "Công")),
        ("SMEngày", ("SME", "ngày")),
        ("ĐỊNHVề", ("ĐỊNH", "Về")),
        ("tổchức", ("tổ", "chức")),
        ("Xétbáo", ("Xét", "báo")),
        # two cuts give as few syllables: the lexicon's words, then the next syllable's onset
        ("BÍTHƯ", ("BÍ", "THƯ")),
        ("Trungương", ("Trung", "ương")),
        ("vịnghiên", ("vị", "nghiên")),
        # the spelling's rimes rule out "thựch", "quyềnh", "iáo", "chủnh"
        ("thựchiện", ("thực", "hiện")),
        ("quyềnhạn", ("quyền", "hạn")),
        ("tuyêngiáo", ("tuyên", "giáo")),
        ("CHỦNHIỆM", ("CHỦ", "NHIỆM")),
        # one mark only, but one word of the lexicon
        ("Giaothông", ("Giao", "thông")),
        ("VIỆTNAM", ("VIỆT", "NAM")),
        # a run of one case whose syllables stand side by side in the lexicon's words and names
        ("CHÍMINH", ("CHÍ", "MINH")),
        ("bannhân", ("ban", "nhân")),
        # one mark only, in small letters: syllables the lexicon's words hold
        ("thaovà", ("thao", "và")),
        ("gialần", ("gia", "lần")),
        ("khucông", ("khu", "công")),
        # a code in capitals glued to a syllable in small letters (one run of vowels)
        ("TWngày", ("TW", "ngày")),
        ("CPngày", ("CP", "ngày")),
    ],
)
def test_glued_words_split_by_the_syllable_grammar(word: str, parts: tuple[str, ...]) -> None:
    assert split_glued(word) == parts


@pytest.mark.parametrize(
    "word",
    # "VPTrúc": its last capital may begin the syllable (a unit and its drafter's name set
    # small); "Giaotổ": a capitalised run with one mark may be a name
    [
        "nghiệp",
        "người",
        "khuyến",
        "Lênin",
        "panô",
        "côngtơ",
        "online",
        "QĐi",
        "HĐND",
        "TTr",
        "VPTrúc",
        "TTgCP",
        "Giaotổ",
    ],
)
def test_words_and_codes_are_not_split(word: str) -> None:
    assert split_glued(word) is None


def test_tone_rule_of_closed_syllables() -> None:
    # a syllable closed by c, ch, p, t takes only the sắc or nặng tone
    assert is_syllable("các") and is_syllable("việc")
    assert not is_syllable("cac") and not is_syllable("càc")


def test_rimes_follow_the_spelling() -> None:
    good = "giữa mua thuở hoạch ngoằn khuya yêu ươu buổi gìn quyết khuyên tuần quý oanh uỳnh"
    assert all(is_syllable(word) for word in good.split())
    # ch after ư, nh after a diphthong or u, a final after the open ia, c after ê
    assert not any(is_syllable(word) for word in ("thựch", "quyềnh", "chủnh", "iáo", "êc"))


def test_glued_citation_is_found() -> None:
    text = "Thực hiện Chỉ thịsố46-CT/TW ngày 16/5/2025 của Ban Thường vụTỉnh uỷ vềlãnh đạo bầu cử"
    refs = vanban.parse(text).references
    assert [(r.number, r.date, r.issuer) for r in refs] == [
        ("46-CT/TW", "2025-05-16", "Ban Thường vụ Tỉnh uỷ")
    ]


def test_symbol_split_over_lines_and_letter_spacing_in_text() -> None:
    text = (
        "Tờ trình số 50-\nTTr/BXDĐ ngày 2/3/2025 và Quyết định số 0 1 / Q Đ - C T N ngày 3/4/2025"
    )
    assert repair_text(text) == (
        "Tờ trình số 50-TTr/BXDĐ ngày 2/3/2025 và Quyết định số 01/QĐ-CTN ngày 3/4/2025"
    )
    assert [r.number for r in vanban.parse(text).references] == ["50-TTr/BXDĐ", "01/QĐ-CTN"]


def test_rows_of_numbers_are_not_collapsed() -> None:
    assert repair_text("Cột 1 2 3 4 5 6") == "Cột 1 2 3 4 5 6"


def test_repair_is_idempotent() -> None:
    text = "Chỉ thịsố46-CT/TW; số 50-\nTTr/BXDĐ; 0 1 / Q Đ - C T N"
    once = vanban.normalize_text(text)
    assert vanban.normalize_text(once) == once


def _pdf(path: Path, lines: list[str]) -> Path:
    pypdf = pytest.importorskip("pypdf")
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    ops = ["BT /F1 12 Tf 50 800 Td 14 TL"] + [f"({line}) Tj T*" for line in lines] + ["ET"]
    stream = DecodedStreamObject()
    stream.set_data("\n".join(ops).encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_pdf_with_split_symbol_and_letter_spacing(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "defects.pdf",
        [
            "Can cu To trinh so 50-",
            "TTr/BXDD ngay 02/3/2025 cua Ban Xay dung Dang;",
            "Can cu Quyet dinh so 0 1 / Q D - C T N ngay 03/4/2025;",
        ],
    )
    numbers = [r.number for r in vanban.parse(vanban.read(path)).references]
    assert numbers == ["50-TTr/BXDD", "01/QD-CTN"]


def test_comma_glued_to_the_next_word() -> None:
    assert repair_text("các huyện,thị, thành đoàn; Phổ biến,giáo dục") == (
        "các huyện, thị, thành đoàn; Phổ biến, giáo dục"
    )
    # after a small letter, a comma before a capitalised word and a colon before a capital
    assert repair_text("Sở Văn hóa,Thể thao; Lưu:VT, TT.") == "Sở Văn hóa, Thể thao; Lưu: VT, TT."
    # codes listed without blanks, numbers, a time and a code before a colon stay as written
    assert repair_text("Lưu: VT,TH. Tỷ lệ 1,5%, lúc 10:30, KHÁNH HÒA,VIỆT") == (
        "Lưu: VT,TH. Tỷ lệ 1,5%, lúc 10:30, KHÁNH HÒA,VIỆT"
    )


def test_number_glued_to_the_next_word() -> None:
    assert repair_text("kỷ niệm 94năm Ngày thành lập") == "kỷ niệm 94 năm Ngày thành lập"
    assert repair_text("lớp 12a, 5ha, số46-CT/TW") == "lớp 12a, 5ha, số 46-CT/TW"
    # a capitalised word before a number too, and a syllable in capitals; a code in capitals
    # (no syllable) stays
    assert repair_text("Số08-CTr/ĐU, QĐ12, ĐT741") == "Số 08-CTr/ĐU, QĐ12, ĐT741"
    assert repair_text("ĐẾN NĂM2030, NGÀY12-6-1997") == "ĐẾN NĂM 2030, NGÀY 12-6-1997"


def test_a_symbol_glued_to_the_word_after_it() -> None:
    text = "Thực hiện Nghị quyết số 05-NQ/TUngày 20/7/2025 của Ban Thường vụ Tỉnh ủy về a.\n"
    refs = vanban.parse(text).references
    assert [(r.number, r.date) for r in refs] == [("05-NQ/TU", "2025-07-20")]
    assert repair_text("Nghị định số 08/2016/NĐ-CPngày 25/01/2016") == (
        "Nghị định số 08/2016/NĐ-CP ngày 25/01/2016"
    )


def test_name_glued_in_camel_case_without_marks() -> None:
    """ "ChuHuy": every piece is a syllable; English words and brand names keep their capitals."""
    assert split_glued("ChuHuy") == ("Chu", "Huy")
    assert repair_text("đồng chí ChuHuy Mân") == "đồng chí Chu Huy Mân"
    for word in ("YouTube", "iPhone", "PowerPoint", "JavaScript", "McDonald"):
        assert split_glued(word) is None, word


# a letter-spaced text: the title and the symbol are runs of five characters or more
_SPACED_TITLE = "K Ế H O Ạ C H\nSố: 0 1 / Q Đ - C T N\n"


def test_short_spaced_word_beside_a_word_in_capitals_collapses() -> None:
    text = repair_text(_SPACED_TITLE + "B A N THƯỜNG V Ụ TỈNH ỦY\nM Ụ C  Đ Í C H\n")
    assert text == "KẾ HOẠCH\nSố: 01/QĐ-CTN\nBAN THƯỜNG VỤ TỈNH ỦY\nMỤC  ĐÍCH\n"


def test_short_spaced_syllable_on_a_line_in_capitals_collapses() -> None:
    # "Đ Ộ I" alone on its line: a syllable in capitals; "S Ở" beside a word in capitals
    text = repair_text(_SPACED_TITLE + "Đ Ộ I\nS Ở NỘI VỤ\n")
    assert text.endswith("\nĐỘI\nSỞ NỘI VỤ\n")


def test_two_spaced_letters_beside_a_collapsed_run_collapse() -> None:
    # (a line in small letters: beside the run, not beside a word in capitals)
    text = repair_text(_SPACED_TITLE + "ký S Ố  Q U Y Ế T  Đ Ị N H\n")
    assert text.endswith("\nký SỐ  QUYẾT  ĐỊNH\n")


def test_a_mark_after_a_short_spaced_word_is_glued_back() -> None:
    text = repair_text(_SPACED_TITLE + "NHIỆM V Ụ CỦA CÁN B Ộ , CÔNG CHỨC\nM Ụ C Đ Í C H , Y Ê U\n")
    assert text.endswith("\nNHIỆM VỤ CỦA CÁN BỘ, CÔNG CHỨC\nMỤC ĐÍCH, YÊU\n")


@pytest.mark.parametrize(
    "line",
    [
        "Đồng chí Nguyễn Văn A B C",  # initials on a line in small letters
        "a b c d",  # small letters
        "1 2 3",  # digits
        "a) b) c)",  # list marks
        "Phụ lục A B",  # two capitals beside no word in capitals
        "TỔ A B",  # two capitals that make no syllable
    ],
)
def test_short_runs_without_evidence_stay(line: str) -> None:
    assert repair_text(_SPACED_TITLE + line + "\n").endswith("\n" + line + "\n")


def test_short_spaced_words_stay_in_a_text_without_letter_spacing() -> None:
    text = "B A N THƯỜNG V Ụ\nA B C\n"
    assert repair_text(text) == text
