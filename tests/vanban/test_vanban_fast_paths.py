"""The fast paths of the parser give what the plain definitions they replace give."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable
from typing import Literal
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from vanban import flat, format_check, pdftext, structure, symbols
from vanban.citations import _TAIL_SEP, _tail_date, find_date
from vanban.lines import Line, LineTable, blank_out, field_value, is_caps, line_value, split_lines
from vanban.normalize import fold_aligned, normalize_text
from vanban.patterns import (
    MOTTO_PLAIN_RE,
    MOTTO_RE,
    NUMBER_LEAD_PLAIN_RE,
    NUMBER_LEAD_RE,
    PARENTHESIS_RE,
)
from vanban.syllables import is_syllable
from vanban.symbols import _TYPE_BEFORE, type_before

PIECES = [
    "Kế hoạch", "KẾ HOẠCH", "Chương trình hành động", "chương  trình", "Luật", "luật", "Nghị quyết liên tịch",
    "số", "Số:", "SỐ", "ký hiệu", "Sở", "Thông tư", "liên tịch", "Đề án", "Quyết định", "Văn bản", "a", "x",
    " ", "  ", "\t", "\n", ":", "-", "1", "35-NQ/TW", "*",
]  # fmt: skip

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts, st.data())
def test_type_before_is_the_search_it_replaces(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    found = _TYPE_BEFORE.search(text, max(0, end - 40), end)
    expected = (found.start(), found.group(1)) if found else None
    assert type_before(text, end) == expected


@settings(max_examples=400, deadline=None)
@given(texts)
def test_value_collapses_blanks_of_normalised_text(text: str) -> None:
    text = normalize_text(text)
    assert field_value(text) == " ".join(re.sub(r"\*{1,3}", "", text).split())


DATE_PIECES = [
    " ",
    "  ",
    "\t",
    ",",
    "ngày",
    "Ngày",
    "NGÀY",
    "22",
    "1",
    "/",
    "-",
    ".",
    "2018",
    "20181",
    "tháng",
    "năm",
    "x",
]
tails = st.lists(st.one_of(st.sampled_from(DATE_PIECES), st.text(max_size=3)), max_size=14).map(
    "".join
)


@settings(max_examples=400, deadline=None)
@given(tails)
def test_tail_date_is_the_separator_then_find_date(window: str) -> None:
    pos = _TAIL_SEP.match(window).end()  # type: ignore[union-attr]
    date = find_date(window, pos)
    assert _tail_date(window) == (pos if date is None else date[1], date)


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(max_size=60),
        st.text("ABĐÂƠỦỤⒶ1²_- a", max_size=12),
        st.text(
            "ABCĐƠỦxyz 1-", max_size=40
        ),  # around the share of lower-case ASCII that settles it
    ),
    st.integers(0, 5),
)
def test_is_caps_counts_letters_as_before(text: str, minimum: int) -> None:
    letters = re.findall(r"[^\W\d_]", text[:200])
    if text.isupper():
        expected = len(text) >= minimum and len(re.findall(r"[^\W\d_]", text[:40])) >= minimum
    else:
        expected = len(letters) >= minimum and sum(c.isupper() for c in letters) >= 0.85 * len(
            letters
        )
    assert is_caps(text, minimum) == expected


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=60), st.text("ABĐÂƠỦỤⒶ1²_- a\u0301\u00a0\x00đươ\t\n", max_size=30))
def test_letter_counts_are_the_letters_the_regex_finds(text: str, coded: str) -> None:
    for piece in (text, coded):
        letters = re.findall(r"[^\W\d_]", piece)
        counts = pdftext.letter_counts(piece)
        assert counts is None or counts == (len(letters), sum(c.isupper() for c in letters))
    if all(c in pdftext._CODED[1:] for c in coded):
        assert pdftext.letter_counts(coded) is not None


@settings(max_examples=400, deadline=None)
@given(texts)
def test_line_value_is_value_of_a_trimmed_line_piece(text: str) -> None:
    for line in normalize_text(text).split("\n"):
        piece = line.strip(" \t")
        assert line_value(piece) == field_value(piece)


# Lines built as <blanks and markers> <label or marker> <separator> <words>, in any mix.
LINE_HEADS = [" ", "\t", "*", "#", "_", ">", "-", "+", "•", "PHẦN ", "Phần ", "\u00a0", "x"]
LINE_LABELS = ["I", "IV", "L", "XL", "1", "12", "-", "+", "•", "–", "", "a"]
LINE_SEPS = [".", ")", "-", "/", "/ ", ":", " ", "", "–"]
LINE_WORDS = [
    "Thực hiện", "thời gian: quý I", "Phân công:", "đơn vị chủ trì:", "Cơ quan phối hợp", "MỤC ĐÍCH",
    "", "x", " a",
]  # fmt: skip
lines = st.tuples(
    st.lists(st.sampled_from(LINE_HEADS), max_size=3).map("".join),
    st.sampled_from(LINE_LABELS),
    st.sampled_from(LINE_SEPS),
    st.lists(st.sampled_from(LINE_WORDS), max_size=2).map(" ".join),
).map("".join)
line_texts = st.lists(lines, max_size=8).map("\n".join)


def _plain(pattern: re.Pattern[str], old: str, new: str) -> re.Pattern[str]:
    """``pattern`` with the fast-path piece ``new`` written back as ``old``."""
    assert new in pattern.pattern
    return re.compile(pattern.pattern.replace(new, old, 1), pattern.flags)


@settings(max_examples=400, deadline=None)
@given(line_texts, st.data())
def test_line_patterns_match_as_without_their_fast_paths(text: str, data: st.DataObject) -> None:
    from vanban.patterns import ASSIGNMENT_HINT_RE, ITEM_LINES, SECTION_LINES

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for fast, plain in (
        (SECTION_LINES[1], _plain(SECTION_LINES[1], "\n", "\n(?=[ \t*#_PIVXL])")),
        (ITEM_LINES[1], _plain(ITEM_LINES[1], "\n", "\n(?=[ \t*#_\\d])")),
        (ASSIGNMENT_HINT_RE, _plain(ASSIGNMENT_HINT_RE, ")*(?:", ")*+(?:")),
    ):
        got = [(m.span(), m.groups()) for m in fast.finditer(text, start, end)]
        assert got == [(m.span(), m.groups()) for m in plain.finditer(text, start, end)]


BODY_LINES = [
    "Nơi nhận:",
    "- Như trên;",
    "NƠI NHẬN",
    "x" * 700,
    "a" * 1500,
    "",
    " Nơi nhận: - Lưu VT.",
]
bodies = st.lists(st.sampled_from(BODY_LINES), max_size=14).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(bodies, st.data())
def test_body_end_is_the_last_noi_nhan_line_of_the_whole_scan(
    text: str, data: st.DataObject
) -> None:
    from vanban.lines import line_matches
    from vanban.model import ParsedDocument
    from vanban.parser import _Parser
    from vanban.patterns import NOI_NHAN_LINES

    parser = _Parser(text, ParsedDocument(text=text))
    parser.body_start = data.draw(st.integers(0, len(text)))
    parser._body_end()
    last = None
    for match in line_matches(NOI_NHAN_LINES, text, parser.body_start, len(text)):
        last = match
    got = parser.noi_nhan
    assert (got is None) == (last is None)
    if got is not None and last is not None:
        assert (got.start(), got.end(), got.start(1), got.group()) == (
            last.start(),
            last.end(),
            last.start(1),
            last.group(),
        )


def test_lower_and_fold_commute_per_character() -> None:
    # What ``_units_from_heading`` relies on to fold its head once: for every character of an
    # NFC text but "İ", lower-casing gives one character and folding after it is lower-casing
    # after folding.

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.is_normalized("NFC", char) and char != "İ" and not 0xD800 <= code < 0xE000:
            assert len(char.lower()) == 1
            assert fold_aligned(char.lower()) == fold_aligned(char).lower()


head_texts = st.lists(
    st.one_of(st.sampled_from([*PIECES, "(x)", "(Sở Y tế)", "ΑΣ", "İ", "Ὰ"]), st.text(max_size=4)),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(head_texts, st.data())
def test_folds_of_slices_are_slices_of_one_fold(text: str, data: st.DataObject) -> None:
    text = normalize_text(text)
    if "İ" in text or "Σ" in text:
        return  # the cases _units_from_heading folds piece by piece
    folded = fold_aligned(text).lower()
    assert folded == fold_aligned(text.lower())
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert folded[start:end] == fold_aligned(text[start:end].lower())
    masked = PARENTHESIS_RE.sub(blank_out, text)
    assert PARENTHESIS_RE.sub(blank_out, folded) == fold_aligned(masked.lower())


@settings(max_examples=1000, deadline=None)
@given(st.text(["a", "b", "Ă", " ", " ", "\t", "\n", "\x00", "\u3000"], max_size=20))
def test_header_piece_pattern_matches_as_the_character_stepping_one(text: str) -> None:
    from vanban.patterns import HEADER_PIECE_RE

    plain = re.compile(r"\S(?:[^\t]*?\S)?(?=\s{3,}|\t|\s*$)")
    assert [m.span() for m in HEADER_PIECE_RE.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


def _iter_symbols_without_precheck(text: str) -> list[tuple[int, int]]:
    """``iter_symbols`` as it was before the "/"-code pre-check of each window."""
    from vanban.symbols import _AFTER_SLASH, _BEFORE_SLASH, SYMBOL_RE

    out: list[tuple[int, int]] = []
    last_end = pos = 0
    while (at := text.find("/", pos)) >= 0:
        window_end = min(len(text), at + _AFTER_SLASH)
        match = SYMBOL_RE.search(text, max(last_end, at - _BEFORE_SLASH), window_end)
        if match is not None and match.end() == window_end and window_end < len(text):
            match = SYMBOL_RE.search(text, match.start(), min(len(text), match.start() + 400))
        if match is None:
            pos = at + _AFTER_SLASH - _BEFORE_SLASH - 36
            continue
        out.append(match.span())
        last_end = match.end()
        pos = max(last_end, at + 1)
    return out


SYMBOL_PIECES = [
    "35", "1", "2018", "2020", "/", "/ ", "-", "–", " - ", "NQ", "TW", "KH", "UBND", "Đ", "QĐi", "a",
    "ngày 22/10/2018", " ", "\n", ".", "x" * 30, "12/", "/2020/", "NĐ-CP", "35-NQ/TW", "289/KH-UBND",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(SYMBOL_PIECES), st.text(max_size=3)), max_size=40))
def test_iter_symbols_finds_what_it_found_without_the_precheck(pieces: list[str]) -> None:
    from vanban.symbols import iter_symbols

    text = "".join(pieces)
    assert [m.span() for m in iter_symbols(text)] == _iter_symbols_without_precheck(text)


NAME_PIECES = [
    "Ban", "Thường", "vụ", "Tỉnh", "ủy", " ", "  ", "\t", "\n", "về", "và", "Kế hoạch", "ban", "hành",
    "tổ", "chức", "Bộ", "¹", "2", "_", ",", "-", "x", "Ủy", "VÀ", "quy", "quyết",
]  # fmt: skip


OLD_CITED_PIECES = [
    "số ", "Số ", "số  ", "số\t", "SỐ ", "số", "130-CP", "76/HĐBT", "35-NQ/TW", "12-A", "06",
    " ngày 16 tháng 7 năm 1986", " ngày 5/3/1990", " ngày", "Nghị định ", "Thông tư ",
    "Quyết định ", "của Bộ", "1", "-", "/", " ", "\n", ".", "&",
]  # fmt: skip


def _iter_old_cited_before(text: str) -> list[re.Match[str]]:
    """``symbols._iter_old_cited`` before speed11: every "số" before a digit tried."""
    leads = [
        *re.finditer(r"số[ \t]+(?=\d)", text),
        *re.finditer(r"SỐ[ \t]+(?=\d)", text[: symbols._TITLE_CHARS]),
    ]
    out = []
    for lead in leads:
        symbol = symbols.OLD_SYMBOL_RE.match(
            text, lead.end()
        ) or symbols._BARE_NUMBER_CITED_RE.match(text, lead.end())
        if symbol is not None and type_before(text, lead.start()) is not None:
            out.append(symbol)
    out.sort(key=lambda match: match.start())
    return out


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(OLD_CITED_PIECES), st.text(max_size=3)), max_size=30))
def test_old_cited_symbols_are_those_found_from_every_so(pieces: list[str]) -> None:
    text = "".join(pieces)
    found = [(m.span(), m.group()) for m in symbols._iter_old_cited(text)]
    assert found == [(m.span(), m.group()) for m in _iter_old_cited_before(text)]


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(NAME_PIECES), st.text(max_size=3)), max_size=20), st.data()
)
def test_name_run_matches_as_without_possessive_repeats(
    pieces: list[str], data: st.DataObject
) -> None:
    from vanban.body_names import _LETTERS, _NAME_RUN, _STOP_AHEAD

    plain = re.compile(rf"\s*((?!{_STOP_AHEAD}){_LETTERS}(?:\s+(?!{_STOP_AHEAD}){_LETTERS})*)")
    text = "".join(pieces)
    pos = data.draw(st.integers(0, len(text)))
    found, expected = _NAME_RUN.match(text, pos), plain.match(text, pos)
    assert (found and found.span(1)) == (expected and expected.span(1))


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.sampled_from(["A", "B", "Đ", "Ủ", " ", "\t", "\n", "a", ",", "ABCDEFGHIJK"]), max_size=14
    ).map("".join)
)
def test_caps_tail_is_the_search_it_replaces(text: str) -> None:
    from vanban.lines import caps_tail
    from vanban.patterns import CAPITALS

    plain = re.compile(rf"[ \t]+((?:[{CAPITALS}]{{1,10}}[ \t]*){{2,6}})$")
    found, expected = caps_tail(text), plain.search(text)
    assert (found and (found.span(), found.group(1))) == (
        expected and (expected.span(), expected.group(1))
    )


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["chu", "tri", "phoi", "hop", "voi", " ", "  ", "\t", ",", ";", "a", "trix"]
        ),
        max_size=14,
    ).map("".join)
)
def test_unit_separators_match_as_before(text: str) -> None:
    from vanban.patterns import UNIT_SEPARATOR_RE

    plain = re.compile(
        r"[,;]|[ \t]+(?:chu[ \t]+tri,?[ \t]+)?phoi[ \t]+hop(?:[ \t]+voi)?[ \t]+|[ \t]+chu[ \t]+tri\b"
    )
    assert [m.span() for m in UNIT_SEPARATOR_RE.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


ATTACHMENT_PIECES = [
    "PHỤ LỤC", "Phụ lục", "ĐẢNG CỘNG SẢN VIỆT NAM", "Đảng", "CỘNG HÒA XÃ HỘI", "DANH SÁCH", "Đề cương",
    "BIỂU MẪU", "(Kèm theo", "(Ban hành kèm theo", "Chương trình", "ḃ", "Ç", "*", "**", " ", "\t", "x", "İ",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(ATTACHMENT_PIECES), st.text(max_size=3)), max_size=6))
def test_attachment_first_letter_check_keeps_every_attachment_line(pieces: list[str]) -> None:
    """A line the first-letter check of _attachment_start passes over never opens an attachment."""
    from vanban.normalize import ALIGNED_TABLE
    from vanban.patterns import ATTACHMENT_START_RE
    from vanban.signature import _PCDB

    line = "".join(pieces).replace("\n", " ")
    first = line.lstrip(" \t*")[:1]
    passed = first == "(" or ALIGNED_TABLE.get(ord(first or " "), first).lower() in _PCDB
    if not passed:
        assert not ATTACHMENT_START_RE.match(fold_aligned(line).lower())


MOTTO_PIECES = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "cộng hoà xã hội chủ nghĩa việt nam", "Độc lập - Tự do - Hạnh phúc",
    "Độc lập – Tự do – Hạnh phúc", "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐOÀN TNCS HỒ CHÍ MINH",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "ĐOÀN", "CỘNG", "Đ", "d", "c", " ", "  ", "\t", "x", "-",
]  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(MOTTO_PIECES), st.text(max_size=3)), max_size=8))
def test_motto_pattern_led_by_one_class_matches_as_the_alternation(pieces: list[str]) -> None:
    text = "".join(pieces)
    spans = [m.span() for m in MOTTO_RE.finditer(text)]
    assert spans == [m.span() for m in MOTTO_PLAIN_RE.finditer(text)]


@settings(max_examples=800, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                ["Số", "SỐ", "So", "Sở", "S", "xS", "1", ":", ".", "…", "_", " ", "\t"]
            ),
            st.text(max_size=2),
        ),
        max_size=10,
    )
)
def test_number_lead_pattern_led_by_its_s_matches_as_before(pieces: list[str]) -> None:
    text = "".join(pieces)
    spans = [m.span() for m in NUMBER_LEAD_RE.finditer(text)]
    assert spans == [m.span() for m in NUMBER_LEAD_PLAIN_RE.finditer(text)]
    for start in range(len(text) + 1):  # (the header searches from a line's start)
        found = NUMBER_LEAD_RE.search(text, start)
        plain = NUMBER_LEAD_PLAIN_RE.search(text, start)
        assert (found and found.span()) == (plain and plain.span())


def test_first_letter_classes_are_what_the_letters_match_ignoring_case() -> None:
    # the header-line patterns of format_check open with these classes instead of "(?i:Đ)",
    # "(?i:C)": every code point is checked
    for letter, cases in (("Đ", "Đđ"), ("C", "Cc")):
        plain = re.compile(letter, re.IGNORECASE)
        assert {chr(c) for c in range(sys.maxunicode + 1) if plain.fullmatch(chr(c))} == set(cases)


TITLE_PIECES = [
    "ĐẢNG CỘNG SẢN VIỆT NAM", "đảng cộng sản việt nam", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Cộng hoà xã hội chủ nghĩa Việt Nam", "ĐOÀN TNCS", "Đoàn thanh niên cộng sản", "ĐOÀN", "Đ", "đ", "C",
    " ", "\t", "x",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TITLE_PIECES), st.text(max_size=2)), max_size=8))
def test_title_patterns_led_by_a_class_match_as_the_ignore_case_ones(pieces: list[str]) -> None:
    text = "".join(pieces)
    for fast, plain in (
        (format_check._PARTY_TITLE_RE, format_check._PARTY_TITLE_PLAIN_RE),
        (format_check._STATE_TITLE_RE, format_check._STATE_TITLE_PLAIN_RE),
        (format_check._OTHER_TITLE_RE, format_check._OTHER_TITLE_PLAIN_RE),
    ):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert fast.sub("", text) == plain.sub("", text)


FLAT_PIECES = [
    "*", "***", "Số", "Số: 12", "---", "-----", "- Căn cứ", "-Để", "Điều 1.", "Điều", "Nơi nhận:", "Nơi nhận",
    "(đã ký)", "(ký)", "(", " ", "  ", "\n", "\t", "\u3000", "x", "1", ".", ":",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FLAT_PIECES), st.text(max_size=2)), max_size=14))
def test_reflow_breaks_led_by_their_literal_substitute_as_sub(pieces: list[str]) -> None:
    text = "".join(pieces)
    for pattern, repl, literal in flat._BREAKS:
        assert flat._break(pattern, repl, text, literal) == pattern.sub(repl, text)


SPLIT_CODE_PIECES = [
    "2764/QĐ-", "118/2025/NĐ-", "12/", "2025/", "Q", "Đ", "QĐ", "NĐ", "CP", "TTg", "Tg", "&", "-",
    "-\n", "\n", " ", "\t", "  ", "/", "a", "1", "123456", "ABCDEFGHIJKL", "x-", "ngày",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(SPLIT_CODE_PIECES), st.text(max_size=2)), max_size=16))
def test_split_code_check_finds_what_the_whole_search_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert pdftext._has_split_code(text) == bool(pdftext._SPLIT_CODE.search(text))


def _shape(lines: Iterable[Line]) -> list[tuple[int, int, str, int, int]]:
    return [(ln.start, ln.end, ln.text, ln.cstart, ln.cend) for ln in lines]


LINE_PIECES = ["\n", "\n\n", " ", "\t", "*", "**", "#", "> ", "_", "a", "Số: 12", "  x  ", "ĐẢNG"]


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(LINE_PIECES), st.text(max_size=3)), max_size=20), st.data()
)
def test_line_table_gives_the_lines_split_lines_gives(
    pieces: list[str], data: st.DataObject
) -> None:
    _check_line_table("".join(pieces), data)


def _check_line_table(text: str, data: st.DataObject) -> None:
    table = LineTable(text)
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    for _ in range(5):
        # (an end past the text is not met: split_lines, which both use then, fails on it)
        start = data.draw(st.one_of(st.sampled_from(line_starts), st.integers(0, len(text))))
        end = data.draw(st.integers(0, len(text)))
        limit = data.draw(st.integers(0, 8))
        expected = _shape(split_lines(text, start, end, limit))
        assert _shape(table.lines(start, end, limit)) == expected
        assert _shape(table.iter(start, end, limit)) == expected


def _window_by_copies(text: str, start: int, size: int) -> str:
    """citations._window as it was written first: each side of a blank line stripped whole, and
    the last word before it taken whole."""
    from vanban.citations import _GOES_ON
    from vanban.normalize import fold_aligned

    chunk = text[start : start + size]
    cut = chunk.find("\n\n")
    while cut >= 0:
        after = chunk[cut:].lstrip()
        before = chunk[:cut].rstrip()
        word = ""
        for char in reversed(before):
            if not char.isalpha():
                break
            word = char + word
        goes_on = bool(word) and fold_aligned(word).lower() in _GOES_ON
        if not (after[:1].islower() and before[-1:] not in (".", ":", ";", "!", "?")) and not (
            goes_on
        ):
            chunk = chunk[:cut]
            break
        cut = chunk.find("\n\n", cut + 2)
    return chunk.replace("\n", " ")


WINDOW_PIECES = [
    "\n", "\n\n", " ", "\t", "\u3000", ".", ";", "?", "a", "B", "của", "Văn", "2025", "ngày", "xngày",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WINDOW_PIECES), st.text(max_size=2)), max_size=20))
def test_citation_window_is_the_one_of_stripped_copies(pieces: list[str]) -> None:
    from vanban.citations import _window

    text = "".join(pieces)
    for start, size in ((0, 500), (1, 500), (0, 7)):
        assert _window(text, start, size) == _window_by_copies(text, start, size)


SPACED_PIECES = [
    " ", "  ", "\n", "\t", "Q", "Đ", "Q Đ", "0 1 / Q Đ - C T N", "1 2 3 4 5", "a b c d e", "ab", "x",
    "/", "-", ":", "N", "Ủ Y B A N", "\x00", "\u00a0", "\u2003", "\x0b", "\r", "\u4e00", "€",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(SPACED_PIECES), st.text(max_size=2)), max_size=16))
def test_spaced_runs_found_from_hints_are_the_whole_scan(pieces: list[str]) -> None:
    text = "".join(pieces)
    runs = pdftext._spaced_runs(text)
    assert [m.span() for m in runs] == [m.span() for m in pdftext._SPACED.finditer(text)]
    codes = pdftext.character_codes(text)
    if codes is not None:
        # the hints found in the characters' shapes are the regex's
        shapes = codes.translate(pdftext._SHAPES)
        for pos in range(len(text) + 1):
            assert pdftext._hint_at(text, shapes, pos) == pdftext._hint_at(text, None, pos)
        assert [m.span() for m in pdftext._spaced_runs(text, codes)] == [m.span() for m in runs]
    collapsed_text, collapsed = pdftext._collapse_runs(text, runs)
    assert collapsed_text == pdftext._SPACED.sub(pdftext._collapse, text)
    # the runs collapsed into one token are the new text's tokens the old text did not have
    before = set(text.split())
    assert set(collapsed) - before == set(collapsed_text.split()) - before


SPLIT_SYMBOL_PIECES = [
    "50-", "12/", "1234567-", "a1-", "/1-", "٣-", "-\n", "/\n", "\n", " ", "\t", "TTr/BXDĐ", "KH/TW",
    "NQ-TW", "Q", "Đ", "-", "/", "1", "12", "x",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(SPLIT_SYMBOL_PIECES), st.text(max_size=2)), max_size=16))
def test_split_symbols_found_from_their_marks_are_the_whole_scan(pieces: list[str]) -> None:
    text = "".join(pieces)
    plain = pdftext._SPLIT_SYMBOL_PLAIN
    found = pdftext._split_symbols(text)
    assert [(m.span(), m.group(1)) for m in found] == [
        (m.span(), m.group(1)) for m in plain.finditer(text)
    ]
    assert pdftext._joined(text, found) == plain.sub(r"\1", text)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(SPLIT_CODE_PIECES), st.text(max_size=2)), max_size=16))
def test_split_patterns_led_by_a_digit_match_as_the_look_behind_ones(pieces: list[str]) -> None:
    text = "".join(pieces)
    for fast, plain in (
        (pdftext._SPLIT_CODE, pdftext._SPLIT_CODE_PLAIN),
        (pdftext._SPLIT_SYMBOL, pdftext._SPLIT_SYMBOL_PLAIN),
    ):
        assert fast.sub(r"\1", text) == plain.sub(r"\1", text)
        for start in range(len(text) + 1):
            a, b = fast.match(text, start), plain.match(text, start)
            assert (a and a.span()) == (b and b.span())


def _found(text: str, mark: str) -> list[int]:
    found = []
    at = text.find(mark)
    while at >= 0:
        found.append(at)
        at = text.find(mark, at + 1)
    return found


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(SPLIT_SYMBOL_PIECES + SPLIT_CODE_PIECES), st.text(max_size=2)),
        max_size=16,
    )
)
def test_line_end_marks_are_the_literal_searches_and_gate_both_splits(pieces: list[str]) -> None:
    text = "".join(pieces)
    marks = [m.start() - 1 for m in pdftext._MARK_END.finditer(text)]
    assert marks == sorted(_found(text, "-\n") + _found(text, "/\n"))
    assert [m.start() - 1 for m in pdftext._DASH_END.finditer(text)] == _found(text, "-\n")
    if pdftext._MARK_END.search(text) is None:
        # (repair_text looks for neither split then)
        assert pdftext._SPLIT_SYMBOL_PLAIN.search(text) is None
        assert pdftext._SPLIT_CODE_PLAIN.search(text) is None


TOKEN_PIECES = ["chi,đảng", "Chỉ thịsố46", "số46", "x", " ", "  ", "\n", "\t", "\u00a0", "\u2003"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TOKEN_PIECES), st.text(max_size=2)), max_size=16))
def test_tokens_replaced_one_after_the_other_as_over_the_whole_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    fixes = {"chi,đảng": "chi, đảng", "thịsố46": "thị số 46", "số46": "số 46", "x": "y z"}
    whole = "".join(fixes.get(part, part) for part in pdftext._BLANKS.split(text))
    assert pdftext._tokens_replaced(text, fixes, text.split()) == whole


PART_PIECES = [
    "\n", "PHẦN THỨ HAI", "Phần II", "Phần A", "Phần 1", "A. CÔNG TÁC", "B. Công", "E.  ĐẢNG", " ", "\t",
    "*", "#", "_", "x", "I. MỤC",
]  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(PART_PIECES), st.text(max_size=2)), max_size=14),
    st.data(),
)
def test_part_starts_led_by_the_line_break_are_the_look_behind_ones(
    pieces: list[str], data: st.DataObject
) -> None:
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    plain = [m.start() for m in structure._PART_LINES_PLAIN_RE.finditer(text, start, end)]
    assert structure._part_starts(text, start, end) == plain


def _short_words_collapsed(line: str, runs: set[str]) -> str:
    """The spec of the short spaced words (two to four single capitals one space apart, a
    ",;:." maybe after them) collapsed on a line of a letter-spaced text whose runs of
    ``_SPACED`` collapsed into ``runs``: three or four letters beside such a run, a word in
    capitals (two letters at least) or another short spaced word, or a syllable on a line
    without small letters; two letters beside a run or a three- or four-letter word
    collapsed, or a syllable beside a word in capitals on a line without small letters."""
    parts = re.split(r"(\s+)", line)  # words at even indexes, the blanks between at odd ones
    words = parts[::2]
    # each maximal stretch of one-character words with single spaces between: (first, last)
    stretches = []
    i = 0
    while i < len(words):
        j = i
        while len(words[j]) == 1 and j + 1 < len(words) and len(words[j + 1]) == 1:
            if parts[2 * j + 1] != " ":
                break
            j += 1
        if len(words[i]) == 1:
            stretches.append((i, j))
        i = j + 1
    short = {}
    for first, last in stretches:
        chars = words[first : last + 1]
        tail = chars.pop() if len(chars) >= 3 and chars[-1] in ",;:." else ""
        letters = "".join(chars)
        if 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper():
            short[first, last] = (letters, tail)
    no_small = not any(ch.islower() for ch in line)

    def beside(stretch: tuple[int, int], capitals: bool, others: set[int]) -> bool:
        near = [words[k] for k in (stretch[0] - 1, stretch[1] + 1) if 0 <= k < len(words)]
        near_at = {k for k in (stretch[0] - 1, stretch[1] + 1) if 0 <= k < len(words)}
        if any(word in runs for word in near) or near_at & others:
            return True
        return capitals and any(
            word.isupper() and len([ch for ch in word if ch.isalpha()]) >= 2 for word in near
        )

    in_short = {k for first, last in short for k in range(first, last + 1)}
    chosen = {
        stretch: letters + tail
        for stretch, (letters, tail) in short.items()
        if len(letters) > 2
        and (beside(stretch, True, in_short) or (no_small and is_syllable(letters)))
    }
    in_chosen = {k for first, last in chosen for k in range(first, last + 1)}
    for stretch, (letters, tail) in short.items():
        if len(letters) == 2 and (
            beside(stretch, False, in_chosen)
            or (no_small and is_syllable(letters) and beside(stretch, True, set()))
        ):
            chosen[stretch] = letters + tail
    for (first, last), word in sorted(chosen.items(), reverse=True):
        parts[2 * first : 2 * last + 1] = [word]
    return "".join(parts)


def _repair_without_memo(text: str) -> str:
    """What ``pdftext.repair_text`` does, with every token judged afresh (no memo) and the
    plain whole-text scans: the definition its memos and fast paths must give."""
    text = pdftext._SPLIT_SYMBOL_PLAIN.sub(r"\1", text)
    text = pdftext._SPLIT_CODE_PLAIN.sub(r"\1", text)
    words = text.split()
    fixes: dict[str, str] = {}
    for token in set(words):
        fixed = pdftext._fix_token(token)
        if fixed is not None:
            fixes[token] = fixed
    capitals = {word for word in words if word in pdftext._SINGLE_CAPITALS}
    if len(capitals) >= 3 and pdftext._SPACED.search(text):
        before = set(words)
        runs = {
            token
            for match in pdftext._SPACED.finditer(text)
            if pdftext._collapse(match) != match.group()
            for token in pdftext._collapse(match).split()
        }
        text = pdftext._SPACED.sub(pdftext._collapse, text)
        if runs:
            text = "\n".join(_short_words_collapsed(line, runs) for line in text.split("\n"))
        for token in set(text.split()) - before:
            fixed = pdftext._fix_token(token)
            if fixed is not None:
                fixes[token] = fixed
    if len(fixes) > 20:
        return "".join(fixes.get(part, part) for part in pdftext._BLANKS.split(text))
    for token in sorted(fixes, key=len, reverse=True):
        text = text.replace(token, fixes[token])
    return text


REPAIR_PIECES = [
    *(f"số{n}" for n in range(30)),
    *(f"Mục{n}" for n in range(8)),
    "GitHub", "TTgCP,", "PTTgCP", "iPhone", "sKJ,", "AbCd", "vụTỉnh", "thịsố46", "ChuHuy",
    "Q Đ - C T N", "A", "B", "C", "Đ", "0 1 / Q Đ", "12-\nKH/TW", "2764/QĐ-\nTTg", " ", " ", "\n",
    "  ", "\t", "nhà", "nước", "B A N", "V Ụ", "THƯỜNG", "B Ộ ,", "a b c", "A B", "K Ế H O Ạ C H",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(REPAIR_PIECES), min_size=10, max_size=50).map(" ".join),
        min_size=1,
        max_size=4,
    ),
    st.booleans(),
)
def test_repair_text_with_its_memos_is_the_repair_without(texts: list[str], fresh: bool) -> None:
    if fresh:  # (the memos start empty, or hold what earlier examples left)
        pdftext._SOUND.clear()
        pdftext._SAME.clear()
        pdftext._GLUED.clear()
    for text in texts:  # (each text judged with the memos the ones before it left)
        assert pdftext.repair_text(text) == _repair_without_memo(text)


def _tokens_judged(text: str) -> set[str]:
    """The tokens of ``text`` that ``repair_text`` must look at: those ``_fix_token`` changes or
    gives back, and those of one capital (counted for the letter-spacing test)."""
    return {
        token
        for token in set(text.split())
        if pdftext._fix_token(token) is not None or token in pdftext._SINGLE_CAPITALS
    }


def _check_sign_tokens(text: str) -> None:
    tokens = pdftext._sign_tokens(text)
    if tokens is None:  # (a blank other than " ", "\t", "\n", or signs all over: every token)
        return
    assert _tokens_judged(text) <= set(tokens)
    assert set(tokens) <= set(text.split())


SIGN_PIECES = [
    *REPAIR_PIECES, "Lênin", "internet", "vềlãnh", "BộCông", "SMEngày", "TWngày", "NĐ-CPngày", "TTgCP", "biến,giáo", "Lưu:VT", "VT,TH",
    "94năm", "12a", "5ha", "“2025”", "Đ", "Ư", "ươ", "được", "nghiêng", "Quyết", "Giáo", "x", "ĐẢNG",
    "Ủ Y B A N", "\u00a0", "\u3000", "\u2028", "\x1c", "\r", "\x00", "ﬁ", "Ⅰ", "ǅ", "𝐀", "\ud800", "\u0301",
    "a\u0301", "ⅰ", "1", "٣", ",", ";", ":", "-", "/", "÷", "×", "Ā", "ā", "ª", "¹", "“",
]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(SIGN_PIECES), st.text(max_size=3)), max_size=24))
def test_sign_tokens_hold_every_token_the_repair_judges(pieces: list[str]) -> None:
    _check_sign_tokens("".join(pieces))


# A token of each sign (the last ones: what only one term of _sign_tokens finds), each changed
# or given back by _fix_token.
SIGN_EXAMPLES = [
    "vụTỉnh", "ChuHuy", "GitHub", "vềlãnh", "thịsố", "Giaothông", "số46", "Số08-CTr/ĐU", "94năm",
    "biến,giáo", "hóa,Thể", "Lưu:VT", "vụ;tỉnh", "1÷ăx", "x.1ăb", "a÷1ăb", "ăb,÷c",
]  # fmt: skip


def test_sign_tokens_find_a_token_of_each_sign() -> None:
    for token in SIGN_EXAMPLES:
        assert pdftext._fix_token(token) is not None, token
        for text in (token, f"Văn bản {token} đã ban hành", f"x\n{token}\tA B C"):
            tokens = pdftext._sign_tokens(text)
            assert tokens is not None and token in tokens, (token, text)
    assert list(pdftext._sign_tokens("A vụ B Số C được D") or ()) == ["A", "B", "C", "D"]


def _glued(text: str, seed: int) -> str:
    """Blanks lost and words spaced out as a PDF's text has them (seeded)."""
    import random

    rng = random.Random(seed)
    words = text.split(" ")
    out = []
    for word in words:
        if word.isupper() and rng.random() < 0.3:
            word = " ".join(word)
        out.append(word + ("" if rng.random() < 0.1 else " "))
    return "".join(out)


def test_sign_tokens_on_the_fixtures_and_their_mutations() -> None:
    from pathlib import Path

    folder = Path(__file__).resolve().parent / "fixtures"
    for path in sorted(folder.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for variant in (
            text,
            normalize_text(text),
            _glued(text, 1),
            _glued(text.upper(), 2),
            unicodedata.normalize("NFD", text),
            " ".join(text.split()),
        ):
            _check_sign_tokens(variant)
            _check_sign_tokens(normalize_text(variant))


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(st.sampled_from(SIGN_PIECES), st.text(max_size=3)), max_size=30).map(
            " ".join
        ),
        min_size=1,
        max_size=3,
    )
)
def test_repair_text_judging_the_signed_tokens_is_the_repair_without(texts: list[str]) -> None:
    for text in texts:
        assert pdftext.repair_text(text) == _repair_without_memo(text)
        codes = pdftext.character_codes(text)
        if codes is not None:  # (what normalize_text passes on)
            assert pdftext.repair_text(text, codes) == _repair_without_memo(text)


def test_character_codes_are_one_byte_each_from_the_fast_map() -> None:
    # U+0000 first: charmap_build gives its map of three levels (a dict would cost far more)
    assert type(pdftext._CODES).__name__ == "EncodingMap"
    coded = [c for c in pdftext._CODED if c != pdftext._NO_CHARACTER]
    assert len(set(coded)) == len(coded) == 256
    assert pdftext.character_codes("Số 46 vềlãnh\t“x”\n") == bytes(
        pdftext._CODED.index(c) for c in "Số 46 vềlãnh\t“x”\n"
    )
    assert pdftext.character_codes("a\u0301𝐀b") == b"a\x00\x00b"  # (no code: 0)
    assert pdftext.character_codes("a\u00a0b") is None  # (another blank)


def test_a_text_of_coded_characters_is_clean_and_nfc() -> None:
    """normalize_text skips its checks of a text whose every character has a code other than 0:
    each such character is printable, or a tab or a line break, and no two compose."""
    from vanban.normalize import _cleaned

    coded = [c for c in pdftext._CODED[1:] if c != pdftext._NO_CHARACTER]
    assert all(c.isprintable() or c in "\t\n" for c in coded)
    assert all(unicodedata.normalize("NFC", a + b) == a + b for a in coded for b in coded)
    text = "".join(coded)
    assert _cleaned(text) is text


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.one_of(
            # (a no-break space is made plain before the codes are taken again: speed11)
            st.sampled_from(
                # (trailing blanks: their codes are stripped with them, not taken again: speed12)
                [
                    *SIGN_PIECES,
                    *("\u00a0", "a\u00a0", "\u00a0\n", "\u200b", "\u0301"),
                    *(" ", "\t", " \n", "\t\n", " \t \n", "\u00a0 \n"),
                ]
            ),
            st.text(max_size=3),
        ),
        max_size=24,
    )
)
def test_normalize_text_with_the_codes_is_as_without(pieces: list[str]) -> None:
    from vanban import normalize

    text = "".join(pieces)
    with mock.patch.object(normalize, "character_codes", lambda text: None):
        expected = normalize._normalize(text)
    assert normalize._normalize(text) == expected
    # the codes handed to the repair are those of the text it gets, whatever path gave them
    handed: list[tuple[str, bytes | None]] = []

    def repair(text: str, codes: bytes | None = None) -> str:
        handed.append((text, codes))
        return text

    with mock.patch.object(normalize, "repair_text", repair):
        normalize._normalize(text)
    ((repaired, codes),) = handed
    assert codes is None or codes == pdftext.character_codes(repaired)


def test_the_codes_of_a_text_with_trailing_blanks_are_stripped_with_them() -> None:
    from vanban import normalize

    text = "Kế hoạch số 12 \nNơi nhận:\t\n- Như trên; \t\n\n“x” "
    handed: list[bytes | None] = []

    def repair(repaired: str, codes: bytes | None = None) -> str:
        handed.append(codes)
        return repaired

    with mock.patch.object(normalize, "repair_text", repair):
        assert normalize._normalize(text) == "Kế hoạch số 12\nNơi nhận:\n- Như trên;\n\n“x”"
    assert handed == [pdftext.character_codes("Kế hoạch số 12\nNơi nhận:\n- Như trên;\n\n“x”")]


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [*SIGN_PIECES, "\u00a0", "\u200b", "\r\n", "\u0301", "\u0323", "\u2000"]
            ),
            st.text(max_size=3),
        ),
        max_size=24,
    ),
    st.sampled_from(["NFC", "NFD"]),
)
def test_the_read_path_normalises_as_with_nfc_first(
    pieces: list[str], form: Literal["NFC", "NFD"]
) -> None:
    """read() gives normalize_text the decoded text without making it NFC first (speed11):
    normalize_text makes it NFC where it is not, so the text is the same as when the decoder
    made it NFC."""
    from vanban.encoding import decode_bytes

    data = unicodedata.normalize(form, "".join(pieces)).encode("utf-8", "surrogatepass")
    expected = normalize_text(decode_bytes(data)[0])
    assert normalize_text(decode_bytes(data, nfc=False)[0]) == expected


# --- _sign_tokens before the tenth try (speed10): the tokens' bounds by three ``rfind`` of the
# blanks' codes in a window and a regex, the led signs by three shifts --------------------------

_TOKEN_END_BEFORE = re.compile(rb"[^ \t\n]*")


def _token_at_before(codes: bytes, at: int) -> tuple[int, int]:
    reach = max(0, at - 40)
    start = max(
        codes.rfind(b" ", reach, at), codes.rfind(b"\n", reach, at), codes.rfind(b"\t", reach, at)
    )
    if start < 0 and reach > 0:  # (a token longer than the window)
        start = max(codes.rfind(b" ", 0, at), codes.rfind(b"\n", 0, at), codes.rfind(b"\t", 0, at))
    end = _TOKEN_END_BEFORE.match(codes, at)
    return start + 1, at if end is None else end.end()


def _sign_tokens_before(text: str) -> dict[str, None] | None:
    codes = pdftext.character_codes(text)
    if codes is None:
        return None
    size = len(codes) + 2
    _, ones, vowels, signs_after, _smalls = pdftext._masks(size)
    c = int.from_bytes(b"\x80" + codes.translate(pdftext._CLASSES) + b"\x80", "little")
    after = c & (c >> 9)
    led = (c & (c >> 7)) << 7
    around = after & led
    landed = ((c & ones) * 255 + (led & ones)) << 1
    classes = b"\x80" + codes.translate(pdftext._CLASSES) + b"\x80"
    capital_capital_small = 0  # (a loop over the characters: two capitals, a small letter)
    for j in range(2, len(classes)):
        if classes[j - 2] & classes[j - 1] & pdftext._CAPITAL and classes[j] & pdftext._SMALL:
            capital_capital_small |= pdftext._SMALL << (8 * j)
    signs = (after & signs_after) | around | (landed & c & vowels) | capital_capital_small
    tokens: dict[str, None] = {}
    limit = 64 + size // 32
    if signs:
        marks = signs.to_bytes(size, "little").translate(pdftext._ANY_TO_ONE)
        at = marks.find(1)
        while at >= 0:
            if len(tokens) >= limit:
                return None
            start, end = _token_at_before(codes, at - 1)
            tokens[text[start:end]] = None
            at = marks.find(1, end + 1)
    at = codes.find(0)
    while at >= 0:
        if len(tokens) >= limit:
            return None
        start, end = _token_at_before(codes, at)
        tokens[text[start:end]] = None
        at = codes.find(0, end)
    return tokens


def _check_sign_tokens_as_before(text: str) -> None:
    new = pdftext._sign_tokens(text)
    old = _sign_tokens_before(text)
    assert (new is None) == (old is None)
    if new is not None and old is not None:
        assert list(new) == list(old)  # (the same tokens in the same order)


LONG_TOKENS = ["x" * 45, "Đ" * 60, "ab" * 30 + "Cd", "vềlãnh" * 9]


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(SIGN_PIECES + LONG_TOKENS), st.text(max_size=3)), max_size=40
    )
)
def test_sign_tokens_are_those_found_before(pieces: list[str]) -> None:
    _check_sign_tokens_as_before("".join(pieces))


def test_sign_tokens_on_the_fixtures_are_those_found_before() -> None:
    from pathlib import Path

    folder = Path(__file__).resolve().parent / "fixtures"
    for path in sorted(folder.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for variant in (text, _glued(text, 3), unicodedata.normalize("NFD", text)):
            _check_sign_tokens_as_before(variant)
            _check_sign_tokens_as_before(normalize_text(variant))


def test_sign_tokens_at_a_text_s_ends_are_those_found_before() -> None:
    # tokens at the first and last character, repeated, and a character without a code
    pieces = ["vụTỉnh", "Văn bản", "A", "số46", "vềlãnh", "Q", "vụTỉnh", "biến,giáo", "Ω", "x"]
    for count in range(len(pieces) + 1):
        for text in (" ".join(pieces[:count]), "\n".join(reversed(pieces[:count]))):
            _check_sign_tokens_as_before(text)
            _check_sign_tokens_as_before(f"\t{text}\t")
