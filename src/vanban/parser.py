"""Parse the text of a Vietnamese administrative document into a :class:`ParsedDocument`.

The parser follows the layout both official formats prescribe (Hướng dẫn 36-HD/VPTW for party
documents, Nghị định 30/2020/NĐ-CP for state documents)::

    <superior body>                 <national motto / "ĐẢNG CỘNG SẢN VIỆT NAM">
    <issuing body>                  <place>, ngày .. tháng .. năm ....
    Số: <symbol>
    <TYPE WORD>
    <trích yếu (title)>
    <opening: "Thực hiện <citation>, <issuer> xây dựng kế hoạch ...">
    I. <SECTION>  1. <item>  - <bullet>  + <bullet>
    Nơi nhận:  - <recipient>          T/M <BODY> / <TITLE> / <name>

Texts met in practice bend it: the two header columns interleaved on one line (pasted from PDF),
markdown bold markers, missing header, page breaks inside paragraphs, web articles. Matching is
done on a folded copy of the text (lower case, no diacritics, same offsets), so that case and tone
placement ("hòa"/"hoà") never matter; values are cut from the original text.

Work is linear in the length of the text: the header and the signature block are looked for in a
bounded number of lines, the structure is found with precompiled line patterns, and every list
the parser builds is capped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from vanban.citations import (
    BLANK_SYMBOL_RE,
    SYMBOL_RE,
    TYPE_WORDS,
    Citation,
    comma_in_name,
    find_date,
    iter_symbols,
    make_date,
    parse_citation,
    type_of_symbol,
)
from vanban.model import (
    Assignment,
    Bullet,
    Footnote,
    Item,
    ParsedDocument,
    Reference,
    Section,
    Span,
)
from vanban.normalize import (
    FoldedView,
    alternation,
    clean_symbol,
    fold,
    fold_aligned,
    normalize_symbol,
    normalize_text,
    vi_regex,
)

MAX_SECTIONS = 100
MAX_ITEMS = 2000
MAX_FOOTNOTES = 500
MAX_CITATIONS = 5000
HEADER_LINES = 60
HEADER_FIRST_LINES = 20
HEADER_CHARS = 20_000
TAIL_LINES = 90
_BODY_END_TAIL = 3000  # characters from the end where "Nơi nhận" is looked for first

# --- small helpers ------------------------------------------------------------------------------

_EDGE = " \t*#_>"
# Markdown markers: runs of "*" (``\*{1,3}`` matched again and again is every "*"), removed
# or blanked with ``str.replace`` (a regex without a literal prefix tries every position).


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past blanks and markdown markers at both ends."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _value(text: str) -> str:
    """A field value: markdown markers removed, whitespace collapsed."""
    if "*" in text:
        text = text.replace("*", "")
    # Already collapsed when the only blanks are single inner spaces. The parser's text is
    # normalised (see :func:`normalize_text`): its only whitespace characters are " ", "\t" and
    # "\n", so looking for those two is enough (and cheaper than ``isprintable``).
    if (
        "\n" not in text
        and "\t" not in text
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
    ):
        return text
    return " ".join(text.split())


def _line_value(text: str) -> str:
    """:func:`_value` of a piece of one line of the parser's text that starts and ends with a
    character other than a blank (as every line of a normalised text ends): only a tab, a double
    space or a markdown marker can make it differ from the piece."""
    if "*" in text or "\t" in text or "  " in text:
        return _value(text)
    return text


class _Line:
    """One line: its bounds, and its content trimmed of blanks and markdown at the ends."""

    __slots__ = ("_folded", "cend", "cstart", "end", "start", "text")

    def __init__(self, start: int, end: int, text: str, cstart: int, cend: int) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.cstart = cstart
        self.cend = cend
        self._folded: str | None = None

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold_aligned(self.text)
        return self._folded


def _lines(text: str, start: int, end: int, limit: int) -> list[_Line]:
    """The first ``limit`` lines of [start, end) (a last empty line when it ends with "\n")."""
    out: list[_Line] = []
    if start > end or limit <= 0:
        return out
    if end > len(text):  # not met in practice: the bounds of the last line stay as given
        pos = start
        while pos <= end and len(out) < limit:
            nl = text.find("\n", pos, end)
            stop = end if nl < 0 else nl
            cs, ce = _trim(text, pos, stop)
            out.append(_Line(pos, stop, text[cs:ce], cs, ce))
            if nl < 0:
                break
            pos = nl + 1
        return out
    pos = start
    edge = _EDGE
    append = out.append
    # The first ``limit`` lines from a bounded chunk when it holds them all (``limit`` line
    # breaks), instead of copying the whole rest of [start, end).
    pieces: list[str] = []
    if end - start > 8192 and limit < 100:
        pieces = text[start : start + 8192].split("\n", limit)
    if len(pieces) <= limit:
        pieces = text[start:end].split("\n", limit)
    for piece in pieces[:limit]:
        size = len(piece)
        stop = pos + size
        content = piece.strip(edge)
        kept = len(content)
        if kept == size:
            append(_Line(pos, stop, piece, pos, stop))
        else:
            cs = stop - len(piece.lstrip(edge)) if kept else stop
            append(_Line(pos, stop, content, cs, cs + kept))
        pos = stop + 1
    return out


def _iter_lines(text: str, start: int, end: int, limit: int, chunk: int = 16) -> Iterator[_Line]:
    """The lines of :func:`_lines`, made a few at a time for a caller that may stop early."""
    while limit > 0:
        size = min(chunk, limit)
        lines = _lines(text, start, end, size)
        yield from lines
        if len(lines) < size:
            return
        limit -= size
        start = lines[-1].end + 1
        chunk *= 2


def _tail_lines(text: str, count: int) -> list[_Line]:
    pos = len(text)
    for _ in range(count):
        found = text.rfind("\n", 0, pos)
        if found < 0:
            pos = 0
            break
        pos = found
    start = 0 if pos == 0 else pos + 1
    return _lines(text, start, len(text), count + 1)


_UPPER_RATIO_LETTERS = re.compile(r"[^\W\d_]")
_ASCII_LOWER_RUNS = re.compile(r"[a-z]+")


_AREAS = frozenset(["TỈNH", "HUYỆN", "QUẬN", "XÃ", "PHƯỜNG", "THÀNH", "THỊ", "TP.", "TP"])
_AREA_BODIES = frozenset(["ỦY", "UỶ", "ĐOÀN", "ĐỘI", "HỘI"])


def _is_area_line(words: list[str]) -> bool:
    """A header line that only names the area of the body above it: "ỦY BAN NHÂN DÂN" /
    "TỈNH BÌNH PHƯỚC" is one body whose name wraps (but "TỈNH ỦY", "HUYỆN ĐOÀN" are bodies)."""
    if len(words) < 2 or words[0] not in _AREAS or words[1] in _AREA_BODIES:
        return False  # not an area, or "TỈNH ỦY", "THÀNH ỦY", "HUYỆN ĐOÀN"
    if words[:2] in (["THÀNH", "PHỐ"], ["THỊ", "XÃ"], ["THỊ", "TRẤN"]):
        return len(words) > 2 and words[2] not in _AREA_BODIES
    return words[0] not in ("THÀNH", "THỊ")


def _caps_tail(segment: str) -> re.Match[str] | None:
    """``re.search(r"[ \\t]+((?:[CAPS]{1,10}[ \\t]*){2,6})$", segment)``: blanks, then words of
    capitals up to the end, cut in 2 to 6 pieces of at most 10 letters. That pattern tries every
    cut (a long run of capitals has thousands); _RE22 cuts each word into as few pieces as it
    can, and only there, so it matches where some cut has at most 6 pieces. A cut into 2 or
    more exists unless the capitals are one letter, and a later start has fewer letters, so the
    leftmost match is the same."""
    found = _RE22.search(segment)
    if found is None or len(found.group(1).rstrip(" \t")) < 2:
        return None
    return found


def _is_caps(text: str, minimum: int = 2) -> bool:
    """Mostly upper-case letters (85 %), at least ``minimum`` of them."""
    if text.isupper():
        if len(text) >= minimum and text[:minimum].isalpha():
            return True  # (an alphabetic character is a letter of _UPPER_RATIO_LETTERS)
        return len(text) >= minimum and len(_UPPER_RATIO_LETTERS.findall(text, 0, 40)) >= minimum
    text = text[:200]
    # Lower-case ASCII letters are letters that are not upper case: more of them than 15 % of
    # the characters settles it (the regex class below costs several Unicode look-ups per
    # character; runs of [a-z] are found at a fraction of that).
    if sum(map(len, _ASCII_LOWER_RUNS.findall(text))) > 0.15 * len(text):
        return False
    letters = _UPPER_RATIO_LETTERS.findall(text)
    if len(letters) < minimum:
        return False
    upper = sum(map(str.isupper, letters))
    return upper >= 0.85 * len(letters)


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(label: str) -> int | None:
    """Value of a Roman numeral, or None when it is not one written the usual way."""
    total = 0
    prev = 0
    for ch in reversed(label.upper()):
        value = _ROMAN.get(ch)
        if value is None:
            return None
        if value < prev:
            total -= value
        else:
            total += value
            prev = value
    return total if total > 0 and _int_to_roman(total) == label.upper() else None


def _int_to_roman(value: int) -> str:
    out = []
    for number, letters in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


# --- patterns -----------------------------------------------------------------------------------

_HEADER_TYPES = dict(TYPE_WORDS)
_HEADER_TYPES.update(
    {
        "bien ban": "Biên bản",
        "phuong an": "Phương án",
        "de cuong": "Đề cương",
        "quy dinh": "Quy định",
    }
)
_HEADER_TYPE_ALT = alternation(sorted(_HEADER_TYPES, key=len, reverse=True))
_TYPE_LINE = vi_regex(rf"({_HEADER_TYPE_ALT})(?![a-z])[ \t]*[:.]?[ \t]*(.*)$")
_MOTTOS = vi_regex(
    r"cong[ \t]+hoa[ \t]+xa[ \t]+hoi[ \t]+chu[ \t]+nghia[ \t]+viet[ \t]+nam"
    r"|doc[ \t]+lap[ \t]*[-–—]?[ \t]*tu[ \t]+do[ \t]*[-–—]?[ \t]*hanh[ \t]+phuc"
    r"|dang[ \t]+cong[ \t]+san[ \t]+viet[ \t]+nam"
    # the Youth Union prints its name where the motto stands, alone on its line
    r"|(?<![^ \t])doan[ \t]+(?:tncs|thanh[ \t]+nien[ \t]+cong[ \t]+san)[ \t]+ho[ \t]+chi[ \t]+minh"
    r"(?=[ \t]*$|[ \t]{2,}|\t)"
)
_NUMBER_LEAD = re.compile(r"(?<![\w])(?:Số|SỐ|Số|So)[ \t]*[:.]?[ \t]*[.…_ \t]{0,20}")
_DATE_LINE = vi_regex(
    r"ngay[ \t]{1,6}(\d{1,2})?[ \t.…_]{0,20}thang[ \t]{1,6}(\d{1,2})?[ \t.…_]{0,20}nam[ \t]{1,6}(\d{4})(?!\d)"
    r"|ngay[ \t]{1,3}(\d{1,2})[ \t]?[/.\-][ \t]?(\d{1,2})[ \t]?[/.\-][ \t]?(\d{4})(?!\d)"
)
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)")
_SEPARATOR = re.compile(r"^[-–—_=*.~ \t]{1,}$")
_VV = vi_regex(r"^v/v(?![a-z])|^ve[ \t]+viec(?![a-z])")
_SECTION_BODY = r"[ \t]*(?:[*#_]{1,4}[ \t]*)?(?:(?:PHẦN|Phần)[ \t]+)?([IVXL]{1,6})[ \t]*(?:[.\-–—:)]|/(?=[ \t]))[ \t]*([^\n]*)"
_ITEM_BODY = (
    r"[ \t]*(?:[*#_]{1,4}[ \t]*)?(\d{1,2})[ \t]*(?:\.(?!\d)|\)|-(?![\d-])|/(?=[ \t]))[ \t]*([^\n]*)"
)
_FOOTNOTE_BODY = r"[ \t]*([¹²³⁴⁵⁶⁷⁸⁹⁰]{1,4}|\[\d{1,3}\])[ \t]*(\S[^\n]*)"
_SECTION_RE = re.compile(_SECTION_BODY + "$")
# Line patterns in two forms: at the start of the text, and after a "\n" (a literal first
# character lets the regex engine skip to candidate lines at C speed). After the "\n", a
# look-ahead for the characters a section or item line can start with turns most lines down
# at once, instead of after a try of each optional part.
_SECTION_LINES = (re.compile(_SECTION_BODY), re.compile("\n(?=[ \t*#_PIVXL])" + _SECTION_BODY))
_ITEM_LINES = (re.compile(_ITEM_BODY), re.compile("\n(?=[ \t*#_\\d])" + _ITEM_BODY))
_FOOTNOTE_LINES = (re.compile(_FOOTNOTE_BODY), re.compile("\n" + _FOOTNOTE_BODY))
_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_NOI_NHAN = re.compile(r"^[ \t*_#]*noi[ \t]+nhan[ \t]*:?[ \t*_]*([^\n]*)$", re.MULTILINE)
_NOI_NHAN_LINES = (
    vi_regex(r"[ \t*_#]*noi[ \t]+nhan[ \t]*:?[ \t*_]*([^\n]*)"),
    vi_regex(r"\n[ \t*_#]*noi[ \t]+nhan[ \t]*:?[ \t*_]*([^\n]*)"),
)
_TREN_DAY = vi_regex(r"\n[ \t*]*tren[ \t]+day[ \t]+la(?![a-z])")
_CAPS = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
# (?<![\w/.])(T/M|T\.M\.?|TM\.?|K/T|K\.T\.?|KT\.?|TL\.|T/L|TUQ\.?|Q\.): the alternatives grouped by
# their first letter (order kept), the lookbehind after it, so the regex engine skips to T, K, Q.
_ON_BEHALF = re.compile(
    r"(T(?<![\w/.]T)(?:/M|\.M\.?|M\.?|L\.|/L|UQ\.?)|K(?<![\w/.]K)(?:/T|\.T\.?|T\.?)|Q(?<![\w/.]Q)\.)"
    rf"[ \t]*([{_CAPS}][^\n]{{0,100}})"
)
_TITLE_WORDS = re.compile(
    r"\b(?:"
    + alternation(
        [
            "bi thu",
            "giam doc",
            "chu tich",
            "truong ban",
            "truong phong",
            "truong khoa",
            "chanh van phong",
            "van phong",
            "tong bien tap",
            "hieu truong",
            "bo truong",
            "thu truong",
            "cuc truong",
            "vien truong",
            "chanh an",
            "chu nhiem",
            "truong doan",
            "thu tuong",
            "chanh thanh tra",
            "uy vien",
            "thuong truc",
            "truong",
            "chanh",
            "tong cuc truong",
        ]
    )
    + r")\b"
)
_SIGNED = re.compile(
    r"^[(\[]?\s*(?:da ky|daky|ky|signed|ky ten|ky, ghi ro ho ten|da ky va dong dau)[^)\]]{0,40}[)\]]?$"
)
_NAME = re.compile(rf"^[{_CAPS}][\w'’]*(?:[ \t]+[{_CAPS}][\w'’]*){{1,5}}$")
_BULLET = re.compile(r"^[ \t]*([-+•–*])[ \t]*(?:([-+])[ \t]*)?(\S[^\n]*)?$")
_BULLET_BODY = r"[ \t]*([-+•–])[ \t]*(?:([-+])[ \t]*)?(\S[^\n]*)"
_BULLET_LINES = (re.compile(_BULLET_BODY), re.compile("\n" + _BULLET_BODY))
_SENTENCE_BREAK = re.compile(rf"[.:;!?][ \t]+[{_CAPS}]")
_OPENING = re.compile(r"^(?:de[ \t]+)?(?:trien[ \t]+khai[ \t]+)?thuc[ \t]+hien\b")
_ISSUE_DOC = (
    r"(?:ke[ \t]+hoach|chuong[ \t]+trinh|huong[ \t]+dan|de[ \t]+an|quy[ \t]+che|quy[ \t]+dinh|bao[ \t]+cao"
    r"|cong[ \t]+van|nghi[ \t]+quyet|chi[ \t]+thi|ket[ \t]+luan|thong[ \t]+bao|phuong[ \t]+an"
    r"|nghi[ \t]+dinh|thong[ \t]+tu|quyet[ \t]+dinh|quy[ \t]+dinh)"
)
_ISSUE_TALK = r"[^,.;:\n]{0,60}?(?::|nhu[ \t]+sau|cac[ \t]+cap)"


def _literal_first(branches: list[str]) -> str:
    """``(?<![a-z])(?:b1|b2|...)`` for branches that start with a literal lower-case letter,
    written so that every branch starts with that letter (the check of the character before it
    follows as a lookbehind): the regex engine then skips to those letters. Branches sharing a
    first letter keep their order, so the matches are the same."""
    groups: dict[str, list[str]] = {}
    for branch in branches:
        groups.setdefault(branch[0], []).append(branch[1:])
    return (
        "(?:"
        + "|".join(
            f"{first}(?<![a-z]{first})(?:" + "|".join(rests) + ")"
            for first, rests in groups.items()
        )
        + ")"
    )


# The body in the opening sentence: "X xây dựng kế hoạch", "X yêu cầu các cấp ủy ...".
_ISSUER_VERB = re.compile(
    _literal_first(
        [
            *(
                verb + r"[ \t]+" + _ISSUE_DOC
                for verb in (
                    r"xay[ \t]+dung",
                    r"ban[ \t]+hanh",
                    r"trien[ \t]+khai(?:[ \t]+xay[ \t]+dung)?",
                    r"de[ \t]+ra",
                )
            ),
            *(
                verb + _ISSUE_TALK
                for verb in (
                    r"yeu[ \t]+cau",
                    r"chi[ \t]+thi",
                    r"ket[ \t]+luan",
                    r"thong[ \t]+bao",
                    r"huong[ \t]+dan",
                    r"quyet[ \t]+dinh",
                    r"de[ \t]+nghi",
                    r"bao[ \t]+cao",
                )
            ),
            r"yeu[ \t]+cau[ \t]+cac[ \t]",
            r"de[ \t]+nghi[ \t]+cac[ \t]",
        ]
    )
)
# An office holder, not a body: "Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau".
_PERSON_TITLE = re.compile(
    r"(?:pho[ \t]+)?(?:chu[ \t]+tich|giam[ \t]+doc|bi[ \t]+thu|truong[ \t]+ban|chanh[ \t]+van[ \t]+phong"
    r"|bo[ \t]+truong|thu[ \t]+truong|thu[ \t]+tuong|dong[ \t]+chi|cuc[ \t]+truong|vien[ \t]+truong)(?![a-z])"
)
_TCTH = re.compile(
    r"to[ \t]+chuc[ \t]+thuc[ \t]+hien|trach[ \t]+nhiem[ \t]+thuc[ \t]+hien|phan[ \t]+cong[ \t]+thuc[ \t]+hien"
)
_PHAN_CONG = vi_regex(
    r"^[-+•*\s]*(?:phan[ \t]+cong(?:[ \t]+thuc[ \t]+hien)?|don[ \t]+vi[ \t]+thuc[ \t]+hien|co[ \t]+quan[ \t]+thuc[ \t]+hien)[ \t]*:?"
)
_UNIT_ROLE = vi_regex(
    r"^[-+•*\s]*(?:(?:don[ \t]+vi|co[ \t]+quan)[ \t]+)?(?:chu[ \t]+tri|phoi[ \t]+hop|thuc[ \t]+hien)[ \t]*:"
)
_PERIOD = vi_regex(
    r"^[-+•*\s]*(?:thoi[ \t]+gian(?:[ \t]+thuc[ \t]+hien|[ \t]+hoan[ \t]+thanh)?|thoi[ \t]+han(?:[ \t]+hoan[ \t]+thanh)?|tien[ \t]+do(?:[ \t]+thuc[ \t]+hien)?)[ \t]*:[ \t]*"
)
# The start of a line _PHAN_CONG, _PERIOD or _UNIT_ROLE can match (a necessary condition).
# The leading blanks and markers are taken possessively: no word looked for starts with one,
# so giving some back could not make a match.
_ASSIGN_LINE = vi_regex(
    r"\n(?:[^\S\n]|[-+•*#_>])*+(?:phan[ \t]+cong|(?:don[ \t]+vi|co[ \t]+quan)[ \t]+(?:thuc[ \t]+hien|chu[ \t]+tri|phoi[ \t]+hop)"
    r"|thoi[ \t]+gian|thoi[ \t]+han|tien[ \t]+do|chu[ \t]+tri|phoi[ \t]+hop|thuc[ \t]+hien)"
)
_END_OF_BODY = re.compile(r"^(?:tren[ \t]+day[ \t]+la|noi[ \t]+nhan)")

# Words that start the task after the unit(s) a sentence names (lower case, folded).
_VERBS = (
    "tham muu|xay dung|to chuc|chi dao|huong dan|theo doi|trien khai|thuc hien|chu tri|phoi hop"
    "|can cu|co trach nhiem|chiu trach nhiem|don doc|kiem tra|quan triet|tuyen truyen|bao cao"
    "|lanh dao|nghien cuu|bam sat|tiep tuc|dinh ky|thuong xuyen|can|phai|nam bat|tap trung|day manh"
    "|giup|la co quan|duoc giao|chuan bi|ra soat|cu the hoa|pho bien|bo tri|dam bao|bao dam"
    "|giam sat|tong hop|de xuat|tang cuong|quan tam|chu dong|van dong|cung cap|bien soan|nang cao"
    "|phat huy|duy tri|xac dinh|ban hanh|lua chon|lam tot|tich cuc|kip thoi|khan truong|nghiem tuc"
    "|truc tiep|phan cong|sau khi|hang nam|hang quy|hang thang|hoan thanh|gui|lap|cu|tu chuc"
)


def _word_start_alternation(words: list[str]) -> str:
    """``(?<![\\w])(?:w1|w2|...)`` for plain lower-case words, written so that every branch
    starts with a literal letter (the check of the character before it follows as a
    lookbehind): the regex engine then skips to those letters. Words sharing a first letter are
    grouped in their order, so the matches are the same."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word)
    return (
        "(?:"
        + "|".join(
            f"{first}(?<!\\w{first})(?:" + "|".join(w[1:] for w in group) + ")"
            for first, group in groups.items()
        )
        + ")"
    )


_VERB_RE = re.compile(_word_start_alternation(_VERBS.split("|")) + r"(?![\w])")
_NOUN_AFTER_TO_CHUC = re.compile(
    r"[ \t]+(?:dang|co[ \t]+so|chinh[ \t]+tri|doan[ \t]+the|hoi|thanh[ \t]+vien)(?![\w])"
)
_PREFIXES = re.compile(
    r"^(?:de[ \t]+nghi|giao(?:[ \t]+cho)?|yeu[ \t]+cau|trach[ \t]+nhiem[ \t]+cua|doi[ \t]+voi)[ \t]+"
)
_PAREN = re.compile(r"\([^()\n]{0,400}\)")


def _blank(match: re.Match[str]) -> str:
    """Spaces in place of a match (offsets kept)."""
    return " " * len(match.group())


_RECIPIENT_SEP = re.compile(r"(?<=[;,])[ \t]+[-+•][ \t]+(?=\S)")
_QUALIFIER = re.compile(r"(?<!\w)(?:theo|được|đã|sẽ)(?!\w)", re.IGNORECASE)


# Patterns used inside functions, compiled once.
_RE1 = re.compile(r"(?:so|so:)\s*\d")
_RE2 = re.compile(r"(?:thuc hien|can cu|kinh gui|xet|de |nham |theo )")
_RE3 = re.compile(r"kinh[ \t]+gui")
_RE4 = re.compile(r"[^\x00]+")
# A piece of a header line: from a non-blank character to the first word end (after a second
# non-blank) followed by a tab, 3 blanks or the end, with no tab in between; else the character
# alone when such a gap follows it. That is r"\S(?:[^\t]*?\S)?(?=\s{3,}|\t|\s*$)", written to
# step a word and a gap at a time instead of a character at a time (a word ends only before a
# blank, and a gap that can be stepped has no tab and, after the first, at most 2 blanks).
_RE5 = re.compile(r"\S(?:(?:\S+|[^\S\t]+\S+)(?:[^\S\t]{1,2}\S+)*?)?(?=\s{3,}|\t|\s*$)")
_RE6 = re.compile(r"\S+")
_RE7 = re.compile(r"(?:TP|Tp|TX|Tx|TT)\.?")
_RE8 = re.compile(r"(?:de[ \t]+)?(?:trien[ \t]+khai[ \t]+)?thuc[ \t]+hien[ \t]*")
_RE9 = re.compile(
    r"(?:(?:y[ \t]+kien[ \t]+)?chi[ \t]+dao[ \t]+cua[^,;]{0,120}?[ \t]+)?(?:tai|theo)?"
)
_RE10 = re.compile(r"(?:va|cung|va[ \t]+cac)?")
_NEXT_AFTER_SUBJECT = re.compile(
    r"ve[ \t](?:(?!thuc[ \t]+hien|trien[ \t]+khai|cu[ \t]+the[ \t]+hoa)[^.:;\n])*?"
    r"(?:[ \t]+(?:va|cung)(?:[ \t]+cac)?|[ \t]*[,;])"
)
_RE11 = re.compile(r"\d")
_RE12 = re.compile(r"(?:thuc hien|de |nham |can cu|theo )")
_RE13 = re.compile(r"^[^:]*:?")
# The separators of a unit list. The blanks both word separators start with are taken once,
# possessively (a word follows them, never a blank), instead of again for each alternative.
_RE14 = re.compile(
    r"[,;]|[ \t]++(?:(?:chu[ \t]+tri,?[ \t]+)?phoi[ \t]+hop(?:[ \t]+voi)?[ \t]+|chu[ \t]+tri\b)"
)
_RE15 = re.compile(r"[ \t]+(?:thực hiện|chủ trì|phối hợp|và các đơn vị liên quan)[ \t.;,]*$")
_RE16 = re.compile(r"^(?:và|cùng)[ \t]+")
_RE17 = re.compile(
    r"(?:cac|ban|so|cap uy|van phong|phong|chi bo|dang uy|doan|ubnd|uy ban|trung tam|cong doan|hoi|mat tran|dai|bao|truong|bo|cuc|to|thuong truc|lanh dao|chi uy)\b"
)
_RE18 = re.compile(r"(?:chu[ \t]+tri,?[ \t]+)?phoi[ \t]+hop")
_RE19 = re.compile(r"(?:chu[ \t]+tri,?[ \t]+)?phoi[ \t]+hop(?:[ \t]+voi)?[ \t]+")
_RE20 = re.compile(r"[ \t]*[,;][ \t]*(?=[^\W\d_])")
_RE21 = re.compile(r"^(?:và|cùng)\s+")
# Capitals ending a recipient segment (a signer's title pasted on the line); see _caps_tail.
_RE22 = re.compile(rf"[ \t]+((?:[{_CAPS}]{{1,10}}+[ \t]*+){{1,6}}+)$")
_RE23 = re.compile(r"\b(?:pho[ \t]+)?(?:bi thu|giam doc|chu tich|truong ban|chanh van phong)$")
_RE24 = re.compile(rf"((?:[{_CAPS}]{{1,10}}[ \t]*){{1,6}})$")
_RE25 = re.compile(r"[.:](?=\s+[^\W\d_]*[A-ZĐ" + _CAPS[3:] + r"])|:")


class _At:
    """A line match with its leading "\\n" left out of ``start()`` and ``group()``."""

    __slots__ = ("match", "skip")

    def __init__(self, match: re.Match[str], skip: int | None = None) -> None:
        self.match = match
        if skip is None:
            skip = 1 if match.group().startswith("\n") else 0
        self.skip = skip

    def start(self, group: int = 0) -> int:
        return self.match.start(group) + (self.skip if group == 0 else 0)

    def end(self, group: int = 0) -> int:
        return self.match.end(group)

    def group(self, group: int = 0) -> str:
        return self.match.group(group) if group else self.match.group()[self.skip :]


def _line_matches(
    patterns: tuple[re.Pattern[str], re.Pattern[str]], text: str, start: int, end: int
) -> Iterator[_At]:
    """Matches of a line pattern at the start of each line in [start, end)."""
    first, after_newline = patterns
    if start == 0:
        match = first.match(text, 0, end)
        if match:
            yield _At(match)
        pos = 0
    else:
        pos = start - 1
    for match in after_newline.finditer(text, pos, end):
        yield _At(match, 1)  # the pattern starts with "\n"


# --- the parser -----------------------------------------------------------------------------------


class _Parser:
    def __init__(self, text: str, doc: ParsedDocument) -> None:
        self.text = text
        self.folded = FoldedView(text)
        self.doc = doc
        self.spans: dict[str, object] = {}
        self.body_start = 0
        self.body_end = len(text)
        self.title_end = 0
        self.footnote_starts: set[int] = set()
        self.number_span: Span | None = None
        self.header_issuer: tuple[str, Span] | None = None
        self.is_article = False
        self.noi_nhan: _At | None = None
        self.section_bounds: list[tuple[Section, int, int]] = []
        self.citations: list[Citation] = []

    # -- entry -------------------------------------------------------------------------------

    def run(self) -> None:
        self._footnotes()
        self._header()
        self._body_end()
        self._structure()
        self._references()
        if not self.is_article:
            self._opening()
            self._assignments()
            self._tail()
        self.doc.spans = self.spans

    # -- footnotes -------------------------------------------------------------------------

    def _footnotes(self) -> None:
        for match in _line_matches(_FOOTNOTE_LINES, self.text, 0, len(self.text)):
            label = match.group(1).translate(_SUPERSCRIPT).strip("[]")
            body = match.group(2)
            self.doc.footnotes.append(Footnote(label, _value(body), (match.start(2), match.end(2))))
            self.footnote_starts.add(match.start())
            if len(self.doc.footnotes) >= MAX_FOOTNOTES:
                break

    def _is_footnote(self, line_start: int) -> bool:
        return line_start in self.footnote_starts

    # -- header ------------------------------------------------------------------------------

    def _header(self) -> None:
        text, doc = self.text, self.doc
        # where the body starts at the latest: a long paragraph or a section heading. Nothing
        # below reads past that line (nor past line 12), so the first lines usually suffice.
        header_end = min(len(text), HEADER_CHARS)
        lines = _lines(text, 0, header_end, HEADER_FIRST_LINES)
        checked = 0
        while True:
            limit = len(lines)
            for index in range(checked, len(lines)):
                line = lines[index]
                if len(line.text) > 260 or (_SECTION_RE.match(line.text) and index > 0):
                    limit = index
                    break
            if limit < len(lines) or len(lines) < HEADER_FIRST_LINES or checked:
                break
            # the next lines, up to HEADER_LINES in all (what _lines(..., HEADER_LINES) gives)
            checked = len(lines)
            lines += _lines(text, lines[-1].end + 1, header_end, HEADER_LINES - checked)
        type_index = None
        for index, line in enumerate(lines[: min(limit, 45)]):
            match = _TYPE_LINE.match(line.text)
            if not match:
                continue
            word_end = match.end(1)
            if not _is_caps(line.text[:word_end], 2):
                continue
            rest = match.group(2)
            frest = fold_aligned(rest).lower()
            if rest and (frest.startswith("so ") or _RE1.match(frest)):
                continue
            type_index = index
            doc.doc_type = _HEADER_TYPES[" ".join(fold_aligned(match.group(1)).lower().split())]
            self.spans["doc_type"] = (line.cstart, line.cstart + word_end)
            break
        zone = lines[: type_index if type_index is not None else min(limit, 15)]
        vv_lines = self._header_zone(zone)
        title_parts: list[_Line] = []
        body_start = zone[-1].end + 1 if zone else 0
        if type_index is not None:
            line = lines[type_index]
            match = _TYPE_LINE.match(line.text)
            assert match is not None
            if match.group(2).strip():
                start = line.cstart + match.start(2)
                title_parts.append(
                    _Line(
                        start,
                        line.cend,
                        text[start : line.cend],
                        start,
                        line.cend,
                    )
                )
            title_parts.extend(self._title_lines(lines, type_index + 1, bool(title_parts)))
            body_start = (title_parts[-1].end if title_parts else line.end) + 1
        elif vv_lines:
            title_parts = vv_lines
            doc.doc_type = "Công văn"
            body_start = vv_lines[-1].end + 1
        elif doc.number:
            doc.doc_type = type_of_symbol(doc.number) or "Văn bản"
        else:
            self.is_article = True
            doc.doc_type = "Tin bài"
            first = next((ln for ln in lines if ln.text), None)
            if first is not None:
                title_parts = [first]
                body_start = first.end + 1
                self._article_date(lines)
        if title_parts:
            doc.title = _value(" ".join(p.text for p in title_parts))
            self.spans["title"] = (title_parts[0].cstart, title_parts[-1].cend)
        self.body_start = min(len(text), body_start)
        self.title_end = self.body_start

    def _title_lines(self, lines: list[_Line], index: int, have: bool) -> list[_Line]:
        out: list[_Line] = []
        blanks = 0
        while index < len(lines) and len(out) < 6:
            line = lines[index]
            index += 1
            if not line.text:
                if out or have or blanks >= 2:
                    break
                blanks += 1
                continue
            if _SEPARATOR.match(line.text) or _SECTION_RE.match(line.text):
                break
            if (
                _NOI_NHAN.match(line.folded)
                or _ON_BEHALF.match(line.text)
                or _BULLET.match(line.text)
            ):
                break
            if len(line.text) > 260:
                break
            starts_body = _RE2.match(line.folded)
            if (out or have) and starts_body and line.text[:1].isupper():
                break
            if out and _is_caps(line.text, 4) and not all(_is_caps(p.text, 1) for p in out):
                break
            if (out or have) and (
                len(line.text) > 160
                or _ITEM_LINES[0].match(line.text)
                or _SENTENCE_BREAK.search(line.text.rstrip(" .:;"))
            ):
                break
            if out and out[-1].text.endswith((":", ".", ";")):
                break
            out.append(line)
        return out

    def _header_zone(self, zone: list[_Line]) -> list[_Line]:
        """Number, place and date, superior and issuing bodies; returns the "V/v" lines."""
        text, doc = self.text, self.doc
        orgs: list[tuple[str, int, int]] = []
        vv: list[_Line] = []
        in_vv = False
        for line in zone:
            if not line.text:
                in_vv = False
                continue
            if in_vv:
                if _is_caps(line.text) or _RE3.match(line.folded):
                    in_vv = False
                else:
                    vv.append(line)
                    continue
            if _VV.match(line.text):
                vv.append(line)
                in_vv = True
                continue
            blank: list[tuple[int, int]] = []  # absolute ranges consumed by other fields
            for motto in _MOTTOS.finditer(line.text):
                blank.append((line.cstart + motto.start(), line.cstart + motto.end()))
            if doc.number is None:
                for lead in _NUMBER_LEAD.finditer(text, line.cstart, line.cend):
                    at = lead.end()
                    symbol = SYMBOL_RE.match(text, at, line.cend) or BLANK_SYMBOL_RE.match(
                        text, at, line.cend
                    )
                    if symbol:
                        doc.number = clean_symbol(symbol.group())
                        self.number_span = (symbol.start(), symbol.end())
                        self.spans["number"] = self.number_span
                        blank.append((lead.start(), symbol.end()))
                        break
            if doc.date_raw is None:
                date = _DATE_LINE.search(text, line.cstart, line.cend)
                if date:
                    place_start = self._place(line.cstart, date.start(), blank)
                    if date.group(3):
                        day, month, year = date.group(1), date.group(2), date.group(3)
                    else:
                        day, month, year = date.group(4), date.group(5), date.group(6)
                    doc.date = make_date(day, month, year) if day and month else None
                    raw_start = place_start if place_start is not None else date.start()
                    doc.date_raw = _value(text[raw_start : date.end()])
                    self.spans["date_raw"] = (raw_start, date.end())
                    self.spans["date"] = (date.start(), date.end())
                    blank.append((raw_start, date.end()))
            # what is left of the line: parts of the body names
            rest = text[line.cstart : line.cend]
            for a, b in blank:
                low, high = max(a, line.cstart) - line.cstart, min(b, line.cend) - line.cstart
                if low < high:
                    rest = rest[:low] + "\x00" * (high - low) + rest[high:]
            for part in _RE4.finditer(rest):
                seg_start = line.cstart + part.start()
                for piece in _RE5.finditer(part.group()):
                    value = piece.group().strip(" *-–_=,")
                    if not _is_caps(value, 3) or _SEPARATOR.match(value):
                        continue
                    start = seg_start + piece.start()
                    orgs.append((_value(value), start, start + len(piece.group())))
        merged: list[tuple[str, int, int]] = []
        for value, start, end in orgs:
            words = value.split()
            first = words[0] if words else ""
            if merged and (
                first in ("VÀ", "CỦA", "THUỘC", "TẠI")
                or merged[-1][0].split()[-1] in ("VÀ", "CÁC", "CỦA")
                or _is_area_line(words)
            ):
                prev = merged.pop()
                merged.append((prev[0] + " " + value, prev[1], end))
            else:
                merged.append((value, start, end))
        if merged:
            self.header_issuer = (merged[-1][0], (merged[-1][1], merged[-1][2]))
            if len(merged) >= 2:
                doc.parent_issuer = merged[-2][0]
                self.spans["parent_issuer"] = (merged[-2][1], merged[-2][2])
        return vv

    def _place(self, line_start: int, date_start: int, blank: list[tuple[int, int]]) -> int | None:
        """Start of the place name written before ", ngày"; None when there is none."""
        text = self.text
        end = date_start
        segment = text[line_start:end]
        stripped = segment.rstrip(" \t,")
        if (
            not stripped.endswith(
                tuple("abcdefghijklmnopqrstuvwxyz")
                + tuple("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")
            )
            and not stripped[-1:].isalpha()
        ):
            return None
        words = list(_RE6.finditer(stripped))
        taken: list[re.Match[str]] = []
        for word in reversed(words):
            token = word.group()
            absolute = line_start + word.start()
            if any(a <= absolute < b for a, b in blank):
                break
            core = token.strip("*_,")
            if not core:
                break
            if core in ("phố", "xã", "thị", "trấn") or _RE7.fullmatch(core):
                taken.append(word)
                continue
            if core[0].isupper() and not (len(core) > 1 and core.isupper()):
                taken.append(word)
                if len(taken) >= 6:
                    break
                continue
            break
        if not taken:
            return None
        start = line_start + taken[-1].start()
        while text[start] in "*_":
            start += 1
        self.doc.place = _value(text[start : line_start + len(stripped)])
        self.spans["place"] = (start, line_start + len(stripped))
        return start

    def _article_date(self, lines: list[_Line]) -> None:
        for line in lines[1:12]:
            if not line.text or len(line.text) > 90:
                continue
            match = _NUMERIC_DATE.search(line.text) or None
            found = find_date(line.folded, 0, anchored=False)
            if match:
                self.doc.date = make_date(*match.groups())
            elif found:
                self.doc.date = found[0]
            else:
                continue
            self.doc.date_raw = line.text
            self.spans["date_raw"] = (line.cstart, line.cend)
            return

    # -- body bounds ----------------------------------------------------------------------------

    def _body_end(self) -> None:
        """The body ends at the last "Nơi nhận" line. It is looked for in the last lines first
        (a line pattern's matches after a line break are the same whether the scan starts
        there or before: no match crosses a line break), and in the whole body only when
        those lines have none."""
        text = self.text
        last: _At | None = None
        cut = text.rfind("\n", self.body_start, max(self.body_start, len(text) - _BODY_END_TAIL))
        if cut > 0:
            for found in _NOI_NHAN_LINES[1].finditer(text, cut, len(text)):
                last = _At(found, 1)  # the pattern starts with "\n"
        if last is None:
            for match in _line_matches(_NOI_NHAN_LINES, text, self.body_start, len(text)):
                last = match
        self.noi_nhan = last
        if last is not None:
            self.body_end = last.start()

    # -- sections and items -------------------------------------------------------------------

    def _structure(self) -> None:
        text, doc = self.text, self.doc
        heads: list[tuple[int, Section]] = []
        expected = 1
        for match in _line_matches(_SECTION_LINES, text, self.body_start, self.body_end):
            if roman_to_int(match.group(1)) != expected:
                continue
            ts, te = _trim(text, match.start(2), match.end(2))
            if ts >= te:
                nxt = _lines(text, min(match.end() + 1, len(text)), self.body_end, 3)
                line = next((ln for ln in nxt if ln.text), None)
                if line is None:
                    continue
                ts, te = line.cstart, line.cend
            title = _value(text[ts:te])
            if not title or not (title[0].isupper() or title[0].isdigit() or title[0] in '“"('):
                continue
            section = Section(match.group(1), title, (match.start(), match.end()), (ts, te))
            heads.append((match.start(), section))
            expected += 1
            if len(heads) >= MAX_SECTIONS:
                break
        doc.sections = [s for _, s in heads]
        self.section_bounds = []
        for index, (start, section) in enumerate(heads):
            end = heads[index + 1][0] if index + 1 < len(heads) else self.body_end
            self.section_bounds.append((section, start, end))
        items: list[Item] = []
        for section, _start, end in self.section_bounds:
            found: list[Item] = []
            want = 1
            for line_match in _line_matches(_ITEM_LINES, text, section.span[1], end):
                item_match = line_match.match  # groups 1 and 2 need no offset
                label = item_match.group(1)
                if int(label) != want:
                    continue
                ts, te = _trim(text, item_match.start(2), item_match.end(2))
                title = _line_value(text[ts:te])
                if not title:
                    continue
                found.append(
                    Item(
                        section.label,
                        label,
                        title,
                        span=(line_match.start(), item_match.end()),
                        title_span=(ts, te),
                    )
                )
                want += 1
                if len(items) + len(found) >= MAX_ITEMS:
                    break
            for index, item in enumerate(found):
                start = item.span[0]
                stop = found[index + 1].span[0] if index + 1 < len(found) else end
                stop = self._cut_end(start, stop)
                item.span = (start, stop)
                self._item_body(item)
            items.extend(found)
            if len(items) >= MAX_ITEMS:
                break
        doc.items = items

    def _cut_end(self, start: int, stop: int) -> int:
        """End of an item: before "Trên đây là ..." and before the signature."""
        found = _TREN_DAY.search(self.text, start, stop)
        if found:
            stop = found.start()
        while stop > start and self.text[stop - 1] in " \t\n":
            stop -= 1
        return stop

    def _item_body(self, item: Item) -> None:
        text = self.text
        start, end = item.span
        body = text[start:end]
        if self.footnote_starts and any(start <= f < end for f in self.footnote_starts):
            body = "\n".join(
                line for line in body.split("\n") if not _FOOTNOTE_LINES[0].match(line)
            )
        if "\n\n" in body:  # blank lines out (the ends are stripped just after)
            body = "\n".join(filter(None, body.split("\n")))
        body = body.strip()
        item.text = body.replace("*", "") if "*" in body else body
        first_nl = text.find("\n", start, end)
        if first_nl < 0:
            return
        footnote_starts = self.footnote_starts
        bullets = item.bullets
        for bullet in _BULLET_LINES[1].finditer(text, first_nl, end):
            if footnote_starts and bullet.start() + 1 in footnote_starts:
                continue
            marker, plus, body = bullet.group(1, 2, 3)
            bullets.append(Bullet(plus or marker, _line_value(body), bullet.span(3)))

    # -- references -----------------------------------------------------------------------------

    def _references(self) -> None:
        # Every occurrence before the first section is read in full (the opening "Thực hiện"
        # sentence is there); later ones only when they cite a document not seen yet.
        opening_end = self.doc.sections[0].span[0] if self.doc.sections else self.body_end
        seen: set[str] = set()
        self.citations = []
        for match in iter_symbols(self.text):
            if self.number_span and match.start() == self.number_span[0]:
                continue
            key = normalize_symbol(match.group())
            first = key not in seen
            if not first and match.start() >= opening_end:
                continue
            cite = parse_citation(self.text, self.folded, match)
            self.citations.append(cite)
            if len(self.citations) >= MAX_CITATIONS:
                break
            if not first:
                continue
            seen.add(key)
            self.doc.references.append(
                Reference(
                    cite.number,
                    cite.date,
                    cite.issuer,
                    cite.term,
                    cite.doc_type,
                    (cite.start, cite.end),
                )
            )

    # -- opening: implements and issuer ----------------------------------------------------------

    def _opening(self) -> None:
        text, doc = self.text, self.doc
        first_section = doc.sections[0].span[0] if doc.sections else self.body_end
        stop = min(first_section, self.body_start + 6000, self.body_end)
        paragraphs = list(
            islice((ln for ln in _iter_lines(text, self.body_start, stop, 40, 12) if ln.text), 6)
        )
        opening = next((p for p in paragraphs if _OPENING.match(p.folded)), None)
        if opening is not None:
            sentence_end = self._sentence_end(opening)
            chosen: list[Citation] = []
            lead = _RE8.match(opening.folded)
            prev_end = opening.cstart + (lead.end() if lead else 0)
            for cite in self.citations:
                if cite.begin < opening.cstart or cite.begin >= sentence_end:
                    continue
                gap = self.folded[prev_end : cite.begin].strip(" \t,;")
                ok = not chosen and bool(
                    _RE9.fullmatch(
                        gap,
                    )
                )
                ok = ok or bool(chosen and _RE10.fullmatch(gap))
                # "... số A ... của X về <subject> và Kế hoạch số B": the subject of A ends
                # with "và", "," or ";" before B (but "về thực hiện Nghị quyết số B" is A's
                # subject, not a second document carried out)
                if not ok and chosen:
                    raw = self.folded[prev_end : cite.begin].strip(" \t")
                    ok = bool(_NEXT_AFTER_SUBJECT.fullmatch(raw.lstrip(",; \t")))
                if ok:
                    chosen.append(cite)
                    prev_end = max(cite.tail_end, cite.end)
            for cite in chosen:
                if cite.number not in doc.implements:
                    doc.implements.append(cite.number)
            self.spans["implements"] = [(c.start, c.end) for c in chosen]
        for paragraph in paragraphs:
            if self._issuer_from(paragraph):
                break
        header = self.header_issuer
        if doc.issuer is not None and header is not None:
            # the sentence's short form of the header's body ("Ủy ban nhân dân huyện" for
            # "ỦY BAN NHÂN DÂN HUYỆN ĐỒNG PHÚ"): the full name is kept
            short, full = " ".join(fold(doc.issuer).split()), " ".join(fold(header[0]).split())
            if len(full) > len(short) and full.startswith(short + " "):
                doc.issuer = None
        if doc.issuer is None and header is not None:
            doc.issuer = header[0]
            self.spans["issuer"] = header[1]

    def _sentence_end(self, line: _Line) -> int:
        found = _RE25.search(line.text)
        return line.cstart + (found.start() if found else len(line.text))

    def _issuer_from(self, line: _Line) -> bool:
        for verb in _ISSUER_VERB.finditer(line.folded):
            before = line.text[: verb.start()]
            cut = max(before.rfind(c) for c in ",.;:")
            while cut > 0 and before[cut] == "," and comma_in_name(before, cut):
                cut = max(before.rfind(c, 0, cut) for c in ",.;:")
            candidate_start = cut + 1
            candidate = before[candidate_start:]
            value = _value(candidate)
            words = value.split()
            if not words or len(words) > 15 or not value[0].isupper() or _RE11.search(value):
                continue
            fvalue = fold_aligned(value.lower())
            if _RE12.match(fvalue) or _PERSON_TITLE.match(fvalue):
                continue
            lead = len(candidate) - len(candidate.lstrip())
            start = line.cstart + candidate_start + lead
            self.doc.issuer = value
            self.spans["issuer"] = (start, start + len(candidate.strip()))
            return True
        return False

    # -- assignments ---------------------------------------------------------------------------

    def _assignments(self) -> None:
        doc = self.doc
        tcth = [s for s, _, _ in self.section_bounds if _TCTH.search(fold_aligned(s.title.lower()))]
        tcth_labels = {s.label for s in tcth}
        for item in doc.items:
            if item.section in tcth_labels:
                continue
            found = self._phan_cong(item)
            if found is not None:
                doc.assignments.append(found)
        for section, _start, end in self.section_bounds:
            if section.label not in tcth_labels:
                continue
            items = [i for i in doc.items if i.section == section.label]
            if items:
                for item in items:
                    units = self._units_from_heading(item.title_span[0], item.title_span[1])
                    if units:
                        doc.assignments.append(
                            Assignment(
                                section.label,
                                item.label,
                                [u for u, _ in units],
                                None,
                                [s for _, s in units],
                            )
                        )
                continue
            for line in _lines(
                self.text,
                section.span[1] + 1,
                self._cut_end(section.span[1], end),
                200,
            ):
                if not line.text or self._is_footnote(line.start):
                    continue
                bullet = _BULLET.match(line.text)
                start_at = line.cstart
                if bullet and bullet.group(3):
                    start_at = line.cstart + bullet.start(3)
                units = self._units_from_heading(start_at, line.cend, sentence=True)
                if units:
                    doc.assignments.append(
                        Assignment(
                            section.label, None, [u for u, _ in units], None, [s for _, s in units]
                        )
                    )

    def _phan_cong(self, item: Item) -> Assignment | None:
        text = self.text
        # Units and a period come only from a line (after the first) that _PHAN_CONG, _PERIOD
        # or _UNIT_ROLE matches; one scan for such line starts settles most items, and on the
        # other lines those three patterns are not tried.
        hinted = {m.start() + 1 for m in _ASSIGN_LINE.finditer(text, item.span[0], item.span[1])}
        if not hinted:
            return None
        lines = _lines(text, item.span[0], item.span[1], 5000)[1:]
        if self.footnote_starts:
            lines = [ln for ln in lines if not self._is_footnote(ln.start)]
        units: list[tuple[str, Span]] = []
        period: tuple[str, Span] | None = None
        active = False
        plus_block: list[_Line] = []
        last_unit_line = False
        for line in lines:
            if not line.text:
                continue
            hint = line.start in hinted
            colon = hint and ":" in line.text  # _PERIOD and _UNIT_ROLE need one
            if hint and _PHAN_CONG.match(line.text):
                active = True
                rest = _RE13.sub("", line.text, count=1) if ":" in line.text else ""
                if rest.strip():
                    offset = line.cstart + line.text.index(":") + 1
                    units.extend(self._split_units(offset, line.cend))
                last_unit_line = False
                continue
            found_period = _PERIOD.match(line.text) if colon else None
            if found_period:
                value = _value(line.text[found_period.end() :]).rstrip(" .;,")
                if value:
                    period = (value, (line.cstart + found_period.end(), line.cend))
                if not active and plus_block:
                    for unit_line in plus_block:
                        units.extend(self._unit_line(unit_line))
                active = False
                plus_block = []
                last_unit_line = False
                continue
            # the bullet matters only in a "Phân công" block, and outside one only when its
            # marker is "+" (a "+" block before a period line)
            bullet = _BULLET.match(line.text) if active or "+" in line.text else None
            marker = (bullet.group(2) or bullet.group(1)) if bullet else None
            if colon and _UNIT_ROLE.match(line.text):
                units.extend(self._unit_line(line))
                last_unit_line = True
                continue
            if active and bullet:
                body = bullet.group(3) or ""
                if (
                    last_unit_line
                    and units
                    and marker == "-"
                    and ":" not in body
                    and len(body.split()) <= 3
                    and body[:1].isupper()
                ):
                    # a unit name cut by a page break: "Phòng Thông tin - Báo chí" / "- Xuất bản."
                    name, span = units[-1]
                    units[-1] = (name + " - " + _value(body).rstrip(" .;,"), (span[0], line.cend))
                    continue
                units.extend(self._unit_line(line))
                last_unit_line = True
                continue
            if active and not bullet:
                active = False
            last_unit_line = False
            plus_block = [*plus_block, line] if marker == "+" else []
        if not units and period is None:
            return None
        names: list[str] = []
        spans: list[Span] = []
        for name, span in units:
            if name not in names:
                names.append(name)
                spans.append(span)
        return Assignment(
            item.section,
            item.label,
            names,
            period[0] if period else None,
            spans,
            period[1] if period else None,
        )

    def _unit_line(self, line: _Line) -> list[tuple[str, Span]]:
        body_start = line.cstart
        bullet = _BULLET.match(line.text)
        if bullet and bullet.group(3):
            body_start = line.cstart + bullet.start(3)
        colon = self.text.find(":", body_start, line.cend)
        if colon >= 0:
            body_start = colon + 1
        return self._split_units(body_start, line.cend)

    def _split_units(self, start: int, end: int) -> list[tuple[str, Span]]:
        """Units listed in a "Phân công" line: split at commas, semicolons and "phối hợp với"."""
        text = self.text
        out: list[tuple[str, Span]] = []
        pieces: list[tuple[int, int]] = []
        pos = start
        for sep in _RE14.finditer(
            self.folded[start:end],
        ):
            at = start + sep.start()
            if text[at] == "," and (
                comma_in_name(text, at) or self._continues_name(start + sep.end(), end)
            ):
                continue
            pieces.append((pos, start + sep.start()))
            pos = start + sep.end()
        pieces.append((pos, end))
        for a, b in pieces:
            value = text[a:b]
            value = _RE15.sub("", value)
            value = _value(value).strip(" .;,:*")
            value = _RE16.sub("", value)
            if value and len(value.split()) <= 20:
                lead = len(text[a:b]) - len(text[a:b].lstrip(" \t*"))
                out.append((value, (a + lead, a + lead + len(value))))
        return out

    def _continues_name(self, pos: int, end: int) -> bool:
        """After a comma: a lower-case word that does not start a unit ("Phòng Phổ biến, giáo
        dục pháp luật") continues the name; "các đoàn thể", "phòng X" start a new one."""
        while pos < end and self.text[pos] in " \t":
            pos += 1
        if pos >= end or not self.text[pos].islower():
            return False
        return not _RE17.match(self.folded[pos : min(end, pos + 20)].lower())

    def _units_from_heading(
        self, start: int, end: int, *, sentence: bool = False
    ) -> list[tuple[str, Span]]:
        """Units an item of "Tổ chức thực hiện" names: "Văn phòng Sở", "Các phòng, đơn vị thuộc
        Sở: Theo dõi ...", "Ban X phối hợp với Ban Y tham mưu ...", "Đề nghị A, B: ..."."""
        text = self.text
        end = min(end, start + 400)  # the units come first; a long task text adds nothing
        raw = text[start:end]
        head = raw.replace("*", " ")  # markdown markers blanked, offsets kept
        # Lower-casing and folding an NFC text map each character on its own, and in either
        # order, except "İ" (two characters in lower case) and "Σ" (its lower case depends on
        # the next letter). Without them, the folds of parts of ``head`` are slices of one.
        # (Folding first leaves mostly ASCII, which lower-cases faster.)
        per_char = "İ" not in head and "Σ" not in head
        fhead = fold_aligned(head).lower()
        offset = 0
        prefix = _PREFIXES.match(fhead)
        if prefix:
            against = prefix.group().strip().startswith("doi")
            offset = prefix.end()
            if against:
                value = _PAREN.sub("", head[offset:])
                value = _value(value).rstrip(" .:;,")
                return [(value, (start + offset, end))] if value else []
        # an unnumbered paragraph: only when it starts with a unit's name
        if sentence and not prefix and not _RE17.match(fhead):
            return []
        colon = head.find(":", offset)
        if 0 <= colon <= offset + 150:
            part = head[offset:colon]
            fpart = fhead[offset:colon] if per_char else fold_aligned(part.lower())
            if not self._first_verb(fpart, 0, part) and len(part.split()) <= 25:
                return self._capital_split(start + offset, part)
        masked = _PAREN.sub(_blank, head)
        if not per_char:
            fmasked = fold_aligned(masked.lower())
        elif masked is head:  # (``sub`` returns its argument when nothing matched)
            fmasked = fhead
        else:  # "(", ")" and "\n" fold to themselves: the same spans match in ``fhead``
            fmasked = _PAREN.sub(_blank, fhead)
        verb = self._first_verb(fmasked, offset, masked)
        if verb is None:
            if len(masked[offset:].split()) <= 12 and not sentence:
                return self._capital_split(start + offset, masked[offset:].rstrip(" .:;"))
            return []
        subject = masked[offset : verb[0]]
        qualifier = _QUALIFIER.search(subject)  # "Các đồng chí chi ủy viên theo lĩnh vực được ..."
        if qualifier:
            subject = subject[: qualifier.start()]
        units = self._capital_split(start + offset, subject)
        if not units or len(subject.split()) > 20:
            return []
        if _RE18.match(fmasked[verb[0] :]):
            with_at = _RE19.match(fmasked[verb[0] :])
            assert with_at is not None
            obj_start = verb[0] + with_at.end()
            nxt = self._first_verb(fmasked, obj_start, masked)
            obj_end = nxt[0] if nxt else len(masked)
            obj = masked[obj_start:obj_end]
            if obj.strip() and len(obj.split()) <= 15:
                units.extend(self._capital_split(start + obj_start, obj))
        return units

    @staticmethod
    def _first_verb(
        fhead: str, pos: int = 0, original: str | None = None
    ) -> tuple[int, int] | None:
        """First task verb in lower case ("Ủy ban Kiểm tra" is a name, "kiểm tra" a verb)."""
        for match in _VERB_RE.finditer(fhead, pos):
            if original is not None and original[match.start()].isupper():
                continue
            if match.group() == "to chuc":
                before = fhead[max(0, match.start() - 5) : match.start()]
                if _NOUN_AFTER_TO_CHUC.match(fhead, match.end()) or before.endswith(
                    ("cac ", "va ", ", ")
                ):
                    continue
            if match.group() == "phoi hop" and match.start() == pos:
                return match.start(), match.end()
            return match.start(), match.end()
        return None

    def _capital_split(self, start: int, part: str) -> list[tuple[str, Span]]:
        """Split a list of units at commas or semicolons followed by a capital letter (a new
        name), keeping "Các phòng, đơn vị thuộc Sở" whole."""
        out: list[tuple[str, Span]] = []
        pieces: list[tuple[int, int]] = []
        pos = 0
        for sep in _RE20.finditer(part):
            comma = part.find(",", sep.start(), sep.end())
            if part[sep.end()].isupper() and not (comma >= 0 and comma_in_name(part, comma)):
                pieces.append((pos, sep.start()))
                pos = sep.end()
        pieces.append((pos, len(part)))
        for a, b in pieces:
            chunk = part[a:b]
            value = _value(chunk).strip(" .:;,")
            value = _RE21.sub("", value)
            if value and value[0].isalpha():
                lead = len(chunk) - len(chunk.lstrip(" \t*"))
                out.append((value, (start + a + lead, start + a + lead + len(value))))
        return out

    # -- recipients and signature ----------------------------------------------------------------

    def _tail(self) -> None:
        text, doc = self.text, self.doc
        last_heading = max((s.span[1] for s in doc.sections), default=self.body_start)
        if doc.items:
            last_heading = max(last_heading, doc.items[-1].span[0])
        # max(the line after the TAIL_LINES-th "\n" from the end, the last heading's line); the
        # first is later only when TAIL_LINES line breaks follow the heading's line start
        start = text.rfind("\n", 0, last_heading) + 1
        if text.count("\n", start) >= TAIL_LINES:
            start = len(text.rsplit("\n", TAIL_LINES)[0]) + 1
        tail = _lines(text, start, len(text), TAIL_LINES + 1)
        if self.footnote_starts:
            tail = [ln for ln in tail if not self._is_footnote(ln.start)]
        if self.noi_nhan is not None:
            self._recipients(self.noi_nhan)
        self._signature(tail)

    def _recipients(self, match: _At) -> None:
        text = self.text
        rec: list[tuple[str, Span]] = []
        inline_start = match.start(1)
        lines = _iter_lines(text, match.end() + 1, len(text), 60 if match.end() < len(text) else 0)
        inline = text[inline_start : match.end()]
        if inline.strip():
            for a, b in self._recipient_parts(inline_start, match.end()):
                value = self._cut_signature(a, b)
                if value:
                    rec.append(value)
        for line in lines:
            if not line.text:
                continue
            if self._is_footnote(line.start):
                break
            bullet = _BULLET.match(line.text)
            lowered = line.folded
            if bullet and bullet.group(3):
                start = line.cstart + bullet.start(3)
            elif (line.text.endswith((";", ",")) or lowered.startswith("luu")) and not _is_caps(
                line.text
            ):
                start = line.cstart
            else:
                break
            value = None
            for a, b in self._recipient_parts(start, line.cend):
                value = self._cut_signature(a, b)
                if value:
                    rec.append(value)
            if (
                lowered.lstrip("-+• ").startswith("luu")
                and value
                and not line.text.endswith((",", ";"))
            ):
                break
        self.doc.recipients = [v for v, _ in rec]
        self.spans["recipients"] = [s for _, s in rec]

    def _recipient_parts(self, start: int, end: int) -> list[tuple[int, int]]:
        """Recipients run together on one line: "- Như trên; - Lưu: VT." """
        parts: list[tuple[int, int]] = []
        for sep in _RECIPIENT_SEP.finditer(self.text, start, end):
            parts.append((start, sep.start()))
            start = sep.end()
        parts.append((start, end))
        return parts

    def _cut_signature(self, start: int, end: int) -> tuple[str, Span] | None:
        """A recipient without a signature fragment pasted on the same line."""
        segment = self.text[start:end]
        cut = _ON_BEHALF.search(segment)
        if cut:
            end = start + cut.start()
        else:
            caps = _caps_tail(segment)
            if caps and _TITLE_WORDS.search(fold_aligned(caps.group(1).lower())):
                end = start + caps.start()
        cs, ce = _trim(self.text, start, end)
        value = _value(self.text[cs:ce]).lstrip("-+•– ").rstrip(" ,;.")
        if not value:
            return None
        return value, (cs, cs + len(value))

    def _signature(self, tail: list[_Line]) -> None:
        doc = self.doc
        title_index = None
        first = _ON_BEHALF.search(self.text, tail[0].start) if tail else None
        first_start = first.start() if first is not None else len(self.text) + 1
        for index, line in enumerate(tail):
            if line.end < first_start:
                continue
            found = _ON_BEHALF.search(line.text)
            if not found:
                continue
            words = []
            for word in found.group(2).split():
                if not _is_caps(word, 1) and word not in ("-", "&"):
                    break
                words.append(word)
            if not words:
                continue
            body = " ".join(words)
            # "T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ" on one line: split the title off
            title_inline = None
            fbody = fold_aligned(body.lower())
            split = _RE23.search(fbody)
            if split and split.start() > 0 and not found.group(1).upper().startswith(("K", "Q")):
                title_inline = body[split.start() :].strip()
                body = body[: split.start()].strip()
            doc.on_behalf = _value(found.group(1) + " " + body)
            begin = line.cstart + found.start()
            self.spans["on_behalf"] = (begin, begin + len(found.group(1)) + 1 + len(body))
            if title_inline:
                doc.signer_title = title_inline
                title_index = index
            else:
                found_title = self._signer_title(tail, index + 1)
                title_index = index if found_title is None else found_title
            break
        if doc.on_behalf is None:
            for index in range(len(tail) - 1, -1, -1):
                line = tail[index]
                value = line.text
                if not value or len(value) > 80:
                    continue
                if (
                    not _BULLET.match(value)
                    and _is_caps(value)
                    and len(value.split()) <= 8
                    and _TITLE_WORDS.search(line.folded.lower())
                ):
                    doc.signer_title = _value(value)
                    self.spans["signer_title"] = (line.cstart, line.cend)
                    title_index = index
                    break
        if title_index is not None:
            self._signer_name(tail, title_index + 1)

    def _signer_title(self, tail: list[_Line], index: int) -> int | None:
        for line in tail[index : index + 4]:
            if not line.text:
                continue
            value = line.text
            if _ON_BEHALF.match(value):
                continue  # a second authority line: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH"
            bullet = _BULLET.match(value)
            if bullet:
                caps = _RE24.search(value)
                if not caps:
                    continue
                value = caps.group(1)
            if (
                len(value) <= 80
                and len(value.split()) <= 8
                and _is_caps(value)
                and not _NOI_NHAN.match(line.folded)
            ):
                self.doc.signer_title = _value(value)
                start = line.cstart + line.text.rfind(value)
                self.spans["signer_title"] = (start, start + len(value))
                return tail.index(line)
            return None
        return None

    def _signer_name(self, tail: list[_Line], index: int) -> None:
        for line in tail[index : index + 10]:
            if not line.text or _SIGNED.match(line.folded.strip()) or _SEPARATOR.match(line.text):
                continue
            if _BULLET.match(line.text) or _NOI_NHAN.match(line.folded):
                continue
            value = _value(line.text)
            if _NAME.match(value) and not _TITLE_WORDS.search(fold_aligned(value.lower())):
                self.doc.signer_name = value
                self.spans["signer_name"] = (line.cstart, line.cend)
            return


def parse(text: str, source: str | None = None) -> ParsedDocument:
    """Parse the text of a document. Never raises on any input string."""
    text = normalize_text(text)
    doc = ParsedDocument(text=text, source=source)
    _Parser(text, doc).run()
    return doc


__all__ = ["parse", "roman_to_int"]
