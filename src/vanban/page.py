"""Where a document begins on a page that carries it below matter of its own.

A legal library's page, copied whole, opens with the library's banner and a table of the
document's particulars ("Số hiệu", "Loại văn bản", "Nơi ban hành" …) and only then prints the
document, from its header down. A document's header (Nghị định 30/2020/NĐ-CP, Phụ lục I;
36-HD/VPTW) stands at its top: the national name "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" or the
party's name "ĐẢNG CỘNG SẢN VIỆT NAM" beside the issuer's name, then the number ("Số …") and
the place and date ("Hà Nội, ngày …"). When no such name opens the text but one does further
down, with the number and the date under it, the document begins with the header's first line
(the issuer's name, printed before the national or party name as a copy reads the two columns)
and what precedes it is the page's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from vanban.lines import is_caps
from vanban.normalize import fold_aligned

# The national name, the party's name (folded, lower case, one space between words).
_HEADER_NAMES = ("cong hoa xa hoi chu nghia viet nam", "dang cong san viet nam")
# What a line holding either name's start holds, as printed (any case, tones or none): "cộng
# h…", "đảng cộng", or either first word ending its line (a narrow column wraps the name). Only
# such a line is folded and compared: folding every line of every text cost a third of the
# parse. (Classes, not the (?i) flag: a case-blind search of a whole text cost five times as
# much.)
_NAME_HINT = re.compile(
    r"[Cc][OoỘộ][Nn][Gg](?:[ \t]+[Hh]|[ \t*_|#]*$)"
    r"|[ĐđDdÐ][AaẢả][Nn][Gg](?:[ \t]+[Cc][OoỘộ][Nn][Gg]|[ \t*_|#]*$)",
    re.MULTILINE,
)
# A looser pattern with one class of first letters, which the regex engine scans for quickly;
# each of its matches is then held to ``_NAME_HINT``.
_NAME_CANDIDATE = re.compile(r"[CcĐđDdÐ][OoỘộAaẢả][Nn][Gg](?:[ \t]+[HhCc]|[ \t*_|#]*$)", re.M)
# Either name within a line at the top, where a header's two columns share the line
# ("ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") or its column wraps the name.
_TOP_NAMES = ("cong hoa xa hoi chu nghia", "dang cong san viet nam")
# The marks a copy leaves around a header's words: a table's cell edges, bold and italic
# markers, the star under a party body's name.
_MARKS = " \t|*_#"
# Non-empty lines from the top within which a document's header names the state or the party.
_TOP_LINES = 15
# Lines looked at for the header's name, and below it for the number and the date.
_SCAN_LINES = 400
_BELOW_LINES = 16
# Characters from the top within which the header's name is looked for: a page's own matter is
# a banner and a table of the document's particulars (about 900 characters on the pages seen).
_SCAN_CHARS = 6_000
# Lines of the issuer's name above the header's name, at most.
_ISSUER_LINES = 10
# (the number and the day may be blank, left for the e-office to stamp: "Số      -KL/TW",
# "ngày      tháng 11 năm 2025")
_NUMBER_RE = re.compile(r"so\b[ \t]*:?[ \t]*(?:\d|[-/]|[^ \t]*[-/])")
_DATE_RE = re.compile(r"\bngay\b(?:[ \t]+\d|.{0,30}\bthang\b)")


def document_start(text: str) -> int:
    """The offset where the document begins: 0, unless a page's matter stands above its
    header (see the module's description)."""
    if "\n" not in text:
        return 0
    lines = text.split("\n", _SCAN_LINES)[:_SCAN_LINES]
    scanned = min(_SCAN_CHARS, sum(len(line) + 1 for line in lines))
    hinted: set[int] = set()
    line_index, counted = 0, 0
    for hint in _NAME_CANDIDATE.finditer(text, 0, scanned):
        if _NAME_HINT.match(text, hint.start()) is None:
            continue
        line_index += text.count("\n", counted, hint.start())
        counted = hint.start()
        hinted.add(line_index)
    if not hinted:
        return 0  # (no header's name: the document, if any, has no header to find)
    # which lines hold words; a line's folded words are made only where a name is hinted
    filled = [i for i, line in enumerate(lines) if line.strip(_MARKS)]
    cleaned: dict[int, str] = {}

    def clean(index: int) -> str:
        if index not in cleaned:
            cleaned[index] = " ".join(fold_aligned(lines[index].strip(_MARKS)).lower().split())
        return cleaned[index]

    for rank, index in enumerate(filled):
        if index not in hinted:
            continue
        if rank < _TOP_LINES and any(name in clean(index) for name in _TOP_NAMES):
            return 0  # the header opens the text, its two columns on one line or not
        if not _names_header(clean, filled, rank):
            continue
        if rank < _TOP_LINES:
            return 0  # the header opens the text
        below = [clean(i) for i in filled[rank + 1 : rank + 1 + _BELOW_LINES]]
        if not any(_NUMBER_RE.match(c) for c in below) or not any(
            _DATE_RE.search(c) for c in below
        ):
            continue
        first = index
        for back in range(index - 1, max(-1, index - 1 - 2 * _ISSUER_LINES), -1):
            bare = lines[back].strip(_MARKS)
            if not bare:
                continue
            if not is_caps(bare) or len(bare) > 80:
                break
            first = back
        return sum(len(line) + 1 for line in lines[:first])
    return 0


def _names_header(clean: Callable[[int], str], filled: list[int], rank: int) -> bool:
    """Whether the non-empty line of ``filled[rank]``, alone or with the one or two after it
    (a narrow column wraps the name), is the national or the party's name."""
    joined = ""
    for index in filled[rank : rank + 3]:
        joined = (joined + " " + clean(index)).strip()
        if joined in _HEADER_NAMES:
            return True
        if not any(name.startswith(joined) for name in _HEADER_NAMES):
            return False
    return False


def blank_before(text: str, start: int) -> str:
    """``text`` with what precedes ``start`` blanked, its line breaks kept (the offsets of what
    follows do not change)."""
    return re.sub(r"[^\n]", " ", text[:start]) + text[start:]
