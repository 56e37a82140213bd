"""Document symbols (số, ký hiệu) in a text: their patterns, party ("35-NQ/TW") and state
("289/KH-UBND", "30/2020/NĐ-CP") and older forms, where they stand (found from the "/" every
symbol has), the type word cited before one, and the type a symbol's code tells. What a
citation says around its symbol (date, issuer, term) is :mod:`vanban.citations`.

Every pattern has bounded repetitions, so scanning is linear in the length of the text.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator

from vanban.normalize import DASHES, alternation, clean_symbol, vi_regex
from vanban.patterns import TYPE_ALT, TYPE_WORDS

_D = "[" + re.escape("-" + DASHES) + "]"
# a code may join two abbreviations with "&": "SKH&ĐT", "GDĐT-KT&KĐCL"; a body's abbreviation
# runs to 13 letters (the Front's presidium, "ĐCTUBTWMTTQVN", in a joint resolution's symbol
# "102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN")
CODE = r"[A-ZĐ][A-Za-zĐđ0-9&]{0,12}(?<!&)"
# (the dash of a party symbol is sometimes printed as a blank: "84 QĐ/TWĐTN"; a justified line
# may stand two blanks on either side of it: "12-  HD/BTCTW")
_PARTY = rf"\d{{1,5}}[a-z]?(?:[ \t]{{0,2}}{_D}[ \t]{{0,2}}|[ \t]){CODE}/{CODE}(?:[-/]{CODE}){{0,3}}"
# the older state form joins codes with a full stop: "01/1999/QĐ.UB", "123/QĐ.UBT" (capitals
# right after the stop, then no letter: never a sentence glued on, "12/QĐ-UBND.Các")
_DOT_CODE = r"\.[A-ZĐ][A-ZĐ0-9]{0,7}(?![^\W_])"
_STATE_YEAR = rf"\d{{1,5}}/(?:19|20)\d\d/{CODE}(?:[ \t]?{_D}[ \t]?{CODE}|{_DOT_CODE}){{0,3}}"
_STATE = rf"\d{{1,5}}[ \t]?/[ \t]?{CODE}(?:[ \t]?{_D}[ \t]?{CODE}|{_DOT_CODE}){{1,3}}"
# Every alternative starts with a digit; that digit comes first in the pattern (the check of the
# character before it follows as a lookbehind), so that the regex engine can skip to digits.
assert all(p.startswith(r"\d{1,5}") for p in (_STATE_YEAR, _PARTY, _STATE))
_AFTER_FIRST_DIGIT = "|".join(
    r"\d{0,4}" + p[len(r"\d{1,5}") :] for p in (_STATE_YEAR, _PARTY, _STATE)
)
SYMBOL_RE = re.compile(rf"\d(?<![\w/.-]\d)(?:{_AFTER_FIRST_DIGIT})(?![\w/])")
# Every symbol has a "/" right before a type or issuer code (after at most one blank): a window
# without one holds no symbol, and this literal-led search says so at a fraction of the cost.
_SLASH_CODE = re.compile(r"/[ \t]?[A-ZĐ]")  # the first character of CODE
assert CODE.startswith("[A-ZĐ]") and all(
    f"/{CODE}" in p or f"/[ \\t]?{CODE}" in p for p in (_STATE_YEAR, _PARTY, _STATE)
)
#: After the header's "Số:" (and only there), a number and one code is the symbol of a letter
#: that carries its issuer's code alone: "Số: 08 /ĐT" (a youth union's Công văn).
LEAD_SYMBOL_RE = re.compile(rf"\d{{1,5}}[ \t]?/[ \t]?{CODE}(?![\w/])")
#: A symbol of the form used before the present one (Council of Ministers, ministries, until the
#: 1990s): the number and one issuer code, joined by a dash or a slash, "101-HĐBT", "278-NV",
#: "264/CT". Read only after a header's "Số:", where nothing else can stand.
OLD_SYMBOL_RE = re.compile(rf"\d{{1,5}}[ \t]?[-/][ \t]?{CODE}(?![\w/.-])")
#: A symbol whose number is left blank, as printed on drafts: "/KH-STTTT", "-KH/TU".
BLANK_SYMBOL_RE = re.compile(
    rf"(?<![\w/])(?:/{CODE}(?:{_D}{CODE}){{1,3}}|{_D}{CODE}/{CODE}(?:-{CODE}){{0,2}})(?![\w/])"
)

_TYPE_AFTER = re.compile(rf"(?:{TYPE_ALT})(?![a-z])")
# (a justified line spreads the words of a type: "Quyết  định  số  820/QĐ-UBND")
_TYPE_ALT_SPREAD = TYPE_ALT.replace(" ", r"[ \t]+")
_TYPE_BEFORE = vi_regex(rf"(?<![a-z])({_TYPE_ALT_SPREAD})(?:\s+(?:so|ky hieu))?\s*:?\s*$")
# _TYPE_BEFORE read backwards: matched at the start of the reversed text before a symbol, it
# tries one position instead of searching forty. (The regular part of a pattern matches a string
# exactly when its mirror image matches the reversed string; the look-behind becomes a
# look-ahead. No type word ends another one, so at most one word can end the text.)
_TYPE_BEFORE_REVERSED = vi_regex(
    r"\s*:?\s*(?:(?:os|ueih yk)\s+)?("
    + alternation(sorted((w[::-1] for w in TYPE_WORDS), key=len, reverse=True)).replace(
        " ", r"[ \t]+"
    )
    + r")(?![a-z])"
)
_LETTER = re.compile(r"[^\W\d_]")


def type_before(text: str, end: int) -> tuple[int, str] | None:
    """``_TYPE_BEFORE.search(text, max(0, end - 40), end)`` as (start, group 1), or None."""
    start = end - 40 if end > 40 else 0  # (max() of two numbers costs ten times more)
    found = _TYPE_BEFORE_REVERSED.match(text[start:end][::-1])
    if found is None:
        return None
    word_start = end - found.end(1)
    if word_start == start and start > 0 and _LETTER.match(text, start - 1):
        return None  # the look-behind sees the letter before the window
    return word_start, text[word_start : end - found.start(1)]


# Symbol codes -> document type (the type code is the first code of the symbol).
CODE_TYPES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "CT": "Chỉ thị",
    "KL": "Kết luận",
    "QĐi": "Quy định",
    "QĐ": "Quyết định",
    "KH": "Kế hoạch",
    "CTr": "Chương trình hành động",
    "CTR": "Chương trình hành động",
    "HD": "Hướng dẫn",
    "CV": "Công văn",
    "CĐ": "Công điện",
    "TB": "Thông báo",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "NĐ": "Nghị định",
    "BC": "Báo cáo",
    "TTr": "Tờ trình",
    "TTR": "Tờ trình",
    "ĐA": "Đề án",
    "QC": "Quy chế",
    "GM": "Giấy mời",
    "BB": "Biên bản",  # codes of 05-HD/VPTW as reported (see vanban.rules.party_2026)
    "PA": "Phương án",
    "TTg": "Quyết định",
}


_BEFORE_SLASH = 24  # longest "<number>-<type code>" before the first "/"
_AFTER_SLASH = 100


# "số " before a symbol of the old form: "Nghị định số 130-CP", "Quyết định số 76/HĐBT"; in
# capitals, "QUYẾT ĐỊNH SỐ 156/CT", in an old title only. (Each pattern opens with a literal,
# which the engine skips to; an alternation of the two would be tried at every "s" and "S".
# The small letters' one, _OLD_CITED_RE, is below.)
_OLD_CITED_CAPS_RE = re.compile(r"SỐ[ \t]+(?=\d)")
_TITLE_CHARS = 3000  # the header and title of any document lie in its first characters
# A number without a symbol, cited with its day: documents of the 1980s cite so ("Thông tư số
# 06 ngày 16 tháng 7 năm 1986 của Bộ Nội thương"); without the day a bare "số 06" is no citation.
_BARE_NUMBER_CITED_RE = re.compile(
    r"\d{1,5}(?=[ \t]+ngày[ \t]+\d{1,2}(?:[ \t]+tháng[ \t]+\d{1,2}[ \t]+năm[ \t]+\d{4}"
    r"|[/.-]\d{1,2}[/.-]\d{4}))"
)

# "số" and blanks before a digit, where an old-form symbol or a bare number cited with its day
# follows (a lead without one gives nothing below): one scan of the text, not two matches per
# "số" of a modern document, where every "số" opens a symbol of the present form.
_OLD_CITED_RE = re.compile(
    rf"số[ \t]+(?=(?:{OLD_SYMBOL_RE.pattern})|(?:{_BARE_NUMBER_CITED_RE.pattern}))"
)


def _iter_old_cited(text: str) -> list[re.Match[str]]:
    """:data:`OLD_SYMBOL_RE` matches cited after a type word and "số" (an old document cites
    its kind: "căn cứ Nghị định số 130-CP ngày …"), in order; a bare "số 12-A" is no
    citation."""
    leads = [
        *_OLD_CITED_RE.finditer(text),
        *_OLD_CITED_CAPS_RE.finditer(text, 0, min(len(text), _TITLE_CHARS)),
    ]
    out = []
    for lead in leads:
        symbol = OLD_SYMBOL_RE.match(text, lead.end()) or _BARE_NUMBER_CITED_RE.match(
            text, lead.end()
        )
        if symbol is not None and type_before(text, lead.start()) is not None:
            out.append(symbol)
    out.sort(key=lambda match: match.start())
    return out


# "số" before a number without a symbol and the day it was issued: the lead of a bare number
# cited in a document of any time ("Quyết định số 3436 ngày 31/10/2025 của UBND tỉnh …")
_BARE_CITED_LEAD_RE = re.compile(r"số[ \t]+(?=\d{1,5}[ \t]+ngày[ \t]+\d)")


def _iter_bare_cited(text: str) -> list[re.Match[str]]:
    """Numbers without a symbol cited after a type word and "số", with their day
    (:data:`_BARE_NUMBER_CITED_RE`), in order: a document type, its number and its date name
    one document even when the symbol is left out."""
    out = []
    for lead in _BARE_CITED_LEAD_RE.finditer(text):
        number = _BARE_NUMBER_CITED_RE.match(text, lead.end())
        if number is not None and type_before(text, lead.start()) is not None:
            out.append(number)
    return out


def iter_symbols(text: str, old_forms: bool = True) -> Iterator[re.Match[str]]:
    """:data:`SYMBOL_RE` matches, with the old-form symbols cited after "số" among them in
    order of position (unless ``old_forms`` is false: then only a letter's symbol of one issuer
    code cited after its type and "số", "Công văn số 360/HĐTĐ", and a bare number cited with
    its type and day, "Quyết định số 3436 ngày …", are among them)."""
    if not old_forms:
        bare = _iter_bare_cited(text)
        if bare:
            yield from heapq.merge(
                _iter_symbols(text, codes_only=True), bare, key=lambda match: match.start()
            )
        else:
            yield from _iter_symbols(text, codes_only=True)
        return
    old = _iter_old_cited(text)
    if not old:
        yield from _iter_symbols(text)
        return
    yield from heapq.merge(_iter_symbols(text), old, key=lambda match: match.start())


# "số" before a number and one issuer code, the symbol of a letter that carries no unit code
# ("Công văn số 360/HĐTĐ"); looked for only where a window held no symbol of the usual forms.
# A justified line may end at "số" and the symbol open the next ("Công  văn  số" / "06/KHBT").
_CITED_CODE_ONLY = re.compile(r"số(?:[ \t]+|[ \t]*\n[ \t]*)(?=\d{1,5}[ \t]?/[ \t]?[A-ZĐ])")
# that symbol: a code of two characters or more, and nothing of a longer symbol after it (a dash
# and a second code, another slash)
_CODE_ONLY_SYMBOL = re.compile(
    rf"\d{{1,5}}[ \t]?/[ \t]?(?=..){CODE}(?<=[^/ \t].)(?![\w/]|[ \t]?{_D})"
)


def _iter_symbols(text: str, codes_only: bool = False) -> Iterator[re.Match[str]]:
    """:data:`SYMBOL_RE` matches, found from the "/" every symbol has: a literal search skips
    to candidates at C speed, and a failed window lets the scan jump ahead, so even a text made
    of slashes is scanned in linear time."""
    last_end = 0
    pos = 0
    size = len(text)
    # (the bounds by conditional expressions: this loop runs for every "/" of the text, and the
    # built-in max() and min() of two numbers cost about ten times more)
    while True:
        at = text.find("/", pos)
        if at < 0:
            return
        window_start = at - _BEFORE_SLASH
        if window_start < last_end:
            window_start = last_end
        window_end = at + _AFTER_SLASH
        if window_end > size:
            window_end = size
        match = None
        if _SLASH_CODE.search(text, window_start, window_end):
            match = SYMBOL_RE.search(text, window_start, window_end)
        if match is not None and match.end() == window_end and window_end < size:
            match = SYMBOL_RE.search(text, match.start(), min(len(text), match.start() + 400))
        if codes_only and (
            match is None or (match.start() > at and _SLASH_CODE.match(text, at) is not None)
        ):
            # this "/" may be a code-only symbol's even where the window reaches a later symbol
            # of the usual form ("Công văn số 06/KHBT … và … tại Công văn số 437/SNV-TCCC")
            lead = _CITED_CODE_ONLY.search(text, window_start, window_end)
            symbol = _CODE_ONLY_SYMBOL.match(text, lead.end()) if lead is not None else None
            if (
                lead is not None
                and symbol is not None
                and (match is None or symbol.end() <= match.start())
                and type_before(text, lead.start())
            ):
                yield symbol
                last_end = pos = symbol.end()
                continue
        if match is None:
            # no symbol has its first "/" in (at, at + 40]: it would lie inside the window
            pos = at + _AFTER_SLASH - _BEFORE_SLASH - 36
            continue
        yield match
        last_end = match.end()
        pos = last_end if last_end > at else at + 1


# Patterns used inside functions, compiled once.
_RE1 = re.compile(rf"^\d*[a-z]?-({CODE})/")
_RE2 = re.compile(rf"^(?:\d+/)?(?:\d{{4}}/)?({CODE})(?:-({CODE}))?")


def type_of_symbol(symbol: str) -> str | None:
    """The document type a symbol's type code names ("35-NQ/TW" -> "Nghị quyết")."""
    cleaned = clean_symbol(symbol)
    party = _RE1.match(cleaned)
    if party:
        return CODE_TYPES.get(party.group(1))
    state = _RE2.match(cleaned.lstrip("/"))
    if state:
        if state.group(1) in CODE_TYPES:
            return CODE_TYPES[state.group(1)]
        if state.group(2):
            return "Công văn"  # "45/UBND-VX": issuer code first, no type code
    return None
