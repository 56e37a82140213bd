"""Text normalisation, folding for search, tone placement and document-symbol keys.

* :func:`normalize_text` — what every reader returns and what :func:`vanban.parse` works on:
  NFC, one kind of line break, no invisible characters, plain spaces, no trailing blanks, and
  the repairs of :mod:`vanban.pdftext` (glued words, split symbols, letter-spaced runs).
* :func:`fold` — a search key: lower case, no diacritics, ``đ`` -> ``d``.
* :func:`tone_normalize` — "hoà"/"hòa", "thuỷ"/"thủy" to one placement.
* :func:`normalize_symbol` — a matching key for document symbols ("35/NQ-TW" ≡ "35-NQ/TW").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from vanban.flat import reflow
from vanban.letters import LETTER, SPLIT, strip_diacritics
from vanban.pdftext import character_codes, repair_text

# --- normalize_text ---------------------------------------------------------------------------------

_INVISIBLE = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
)
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_TEXT_TABLE: dict[int, str | None] = {ord(c): None for c in _INVISIBLE}
_TEXT_TABLE.update({ord(c): " " for c in _SPACES})
_TEXT_TABLE.update({ord(c): "\n" for c in "\u2028\u2029\x0b\x0c\x85"})
for _code in list(range(0, 9)) + list(range(14, 32)) + [127] + list(range(0x80, 0xA0)):
    if _code != 0x85:
        _TEXT_TABLE.setdefault(_code, None)
# The last text :func:`normalize_text` returned: normalising it again gives it back unchanged.
_last_normalized: list[str | None] = [None]
_TEXT_BAD = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TEXT_TABLE)) + "]")
assert not any(chr(c).isprintable() for c in _TEXT_TABLE)


def normalize_text(text: str) -> str:
    """NFC; ``\\r\\n``/``\\r``/U+2028 -> ``\\n``; invisible and control characters removed;
    exotic spaces -> space; trailing blanks of each line removed. Idempotent."""
    if text is _last_normalized[0]:
        return text  # the output of the previous call (a reader's text handed to the parser)
    return _normalize(text)


def _normalize(text: str) -> str:
    if "\r" in text:  # ("\r" and "\n" compose with nothing)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # The characters' codes the glued-word repair reads (vanban.pdftext): when every character
    # has one, the text holds no character to remove or replace (each coded character is
    # printable, or "\t" or "\n") and is NFC (no coded character composes with another).
    codes = character_codes(text)
    if codes is None and "\u00a0" in text:
        # The commonest character to replace, a no-break space (a word processor's), made plain
        # first: a text clean but for it then takes the path below, not a regex scan of the whole
        # text for characters to replace. (Each such character becomes the same one whichever
        # is replaced first.)
        text = text.replace("\u00a0", " ")
        codes = character_codes(text)
    if codes is not None and 0 not in codes:  # (code 0: a character without a code, or U+0000)
        tabs = 9 in codes
    else:
        cleaned = _cleaned(text)
        if cleaned is not text:  # (the same object when nothing was to be done)
            text, codes = cleaned, None
        tabs = "\t" in text
    # (removing characters above adds no tab: "\t" maps to itself, nothing maps to it)
    if " \n" in text or (tabs and "\t\n" in text) or text.endswith((" ", "\t")):
        # trailing blanks of each line ("[ \\t]+$" in MULTILINE mode), at C speed
        text = "\n".join([line.rstrip(" \t") for line in text.split("\n")])
        if codes is not None:
            # the codes of the stripped text, stripped the same way instead of taken again
            # (one C pass less): "\n", " " and "\t" are coded as their own byte, and only
            # they, one byte a character (the stripped bytes are those of the stripped blanks)
            codes = b"\n".join([line.rstrip(b" \t") for line in codes.split(b"\n")])
    # what PDF extraction and pasting break: glued words, split symbols, letter-spacing
    text = reflow(repair_text(text, codes))
    _last_normalized[0] = text
    return text


def _cleaned(text: str) -> str:
    """``text`` without invisible and control characters, exotic spaces made plain, NFC."""
    # Every character to remove or replace is unprintable; "\n" and "\t" are the only
    # unprintable characters kept. ``isprintable`` is much cheaper than the regex scan.
    probe = text.replace("\n", "")
    if "\t" in probe:
        probe = probe.replace("\t", "")
    found = [] if probe.isprintable() else _TEXT_BAD.findall(text)
    if len(found) > 2000:
        text = text.translate(_TEXT_TABLE)
    elif found:
        distinct = set(found)
        if len(distinct) <= 4:
            # one ``str.replace`` per distinct character: each maps one character to "", " "
            # or "\n", none of which is to be replaced, so the order does not matter
            for char in distinct:
                text = text.replace(char, _TEXT_TABLE[ord(char)] or "")
        else:  # a pass per character would cost more than the regex
            text = _TEXT_BAD.sub(lambda m: _TEXT_TABLE[ord(m.group())] or "", text)
    # (after the removals: taking out a character between a letter and its combining mark
    # brings them together, and NFC then composes them)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


_JOINABLE_END = re.compile(r"[^\s.:;!?…]$")


# A person's name alone on its line ("Nguyễn Xuân Đức"): two to five syllables, each with a capital.
# Under a signature block it ends the page's text; what follows a blank line is something else.
def _is_name_line(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 5 and all(w.isalpha() and w[0].isupper() for w in words)


# The header's number line ("Số: 2449-CV/ĐU", "Số 12 /KH-UBND"): a line of its own in the format
# (Nghị định 30/2020, Hướng dẫn 36-HD/VPTW), with the summary ("về việc …", "V/v …") under it.
_NUMBER_LINE = re.compile(r"^\W{0,3}Số\s*[:.]?\s*\d*\s*[-/][^\s]*(?:\s+[-/]?[^\s]*/[^\s]*)?$")
_LIST_START = re.compile(r"^\s*(?:[-+•*–]|\d{1,3}[.)]|[a-zđ][.)]\s|[IVXLC]{1,6}[.-])")


def join_hard_breaks(text: str) -> str:
    """Join lines that were wrapped inside a paragraph: a single line break after a line that
    does not end a sentence (nor is the header's number line), before a line that starts with a
    lowercase letter."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        stripped = line.lstrip()
        if (
            out
            and out[-1].strip()
            and stripped
            and stripped[0].islower()
            and _JOINABLE_END.search(out[-1])
            and not _LIST_START.match(stripped)
            and not _NUMBER_LINE.match(out[-1].strip())
        ):
            out[-1] = out[-1].rstrip() + " " + stripped
        else:
            out.append(line)
    return "\n".join(out)


# The length from which a line that does not close a sentence is taken for a wrapped one when
# the next line starts with a capital ("…, Sở" / "Thông tin và Truyền thông xây dựng …"):
# shorter lines are the page's own (a date line, a site's section name, a signature line).
WRAPPED_MIN = 50
_CLOSING = frozenset(".:;!?…")


# The words no phrase ends on: a preposition before its object ("của" / "Ban Bí thư"), a
# conjunction before what it joins, the plural markers before their noun, "số" before a number.
_NEEDS_MORE = re.compile(r"(?:^|\s)(?:của|về|tại|với|và|hoặc|các|những|số)[*_]*$", re.IGNORECASE)


def continues(last: str, content: str) -> bool:
    """Whether the non-empty line ``content``, right under ``last`` (no blank line between),
    goes on with ``last``'s paragraph, wrapped there by a PDF or a narrow page: ``last`` does not
    close a sentence (a ";" before a small letter closes only a clause) and is no heading in
    capitals, and ``content`` is no list label, no heading, and starts with a small letter or
    follows a long line, or a line that ends on a word no phrase ends on ("… ngày 23/7/2025
    của" / "Ban Bí thư …": the source broke the line wherever its own lines ended)."""
    return (
        # a clause closed by ";" goes on in a line of small letters: the next clause of the
        # same sentence ("… Chương trình hành động;" / "kịp thời phát hiện …"); a list's next
        # entry has its own label or a capital
        (last[-1] not in _CLOSING or (last[-1] == ";" and content[0].islower()))
        and (
            content[0].islower() or len(last) >= WRAPPED_MIN or _NEEDS_MORE.search(last) is not None
        )
        and not _LIST_START.match(content)
        and not _is_heading(last)
        and not _is_heading(content)
    )


def paragraph_start(text: str, pos: int, reach: int = 300) -> int:
    """The start of the line holding ``pos``, moved back over the lines above it that the same
    paragraph wrapped (:func:`continues`), as long as it stays within ``reach`` characters."""
    start = text.rfind("\n", 0, pos) + 1
    while start > 0 and pos - start < reach:
        above = text.rfind("\n", 0, start - 1) + 1
        last = text[above : start - 1].strip(" \t*#_>")
        line_end = text.find("\n", start)
        content = text[start : line_end if line_end >= 0 else len(text)].strip(" \t*#_>")
        if not last or not content or not continues(last, content):
            break
        start = above
    return start


_SENTENCE_END = re.compile(r"[.:;!?…]$")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$|^\s*\f\s*$")
_DASHED_NAME_END = re.compile(r"\S+ [-–] \S+(?: \S+)?$")
_DASH_TAIL = re.compile(r"^[-–] \S+(?: \S+){0,2}[.;,]?$")


def _is_heading(line: str) -> bool:
    if not line.isupper():
        return False  # a small letter, or no cased letter at all (C speed; most lines)
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def join_broken_lines(text: str) -> str:
    """Join the pieces of paragraphs broken by a page break, a wrap or a hyphenation, for reading
    a paragraph as one piece (tasks, bullets); :func:`parse` keeps the lines as they are.

    * a line that does not end a sentence, followed (after blank lines or a lone page number)
      by a line starting with a lower-case letter that is no list label ("nhiệm nêu gương…"
      after "… trách"), continues it;
    * a line ending in a hyphen glued to a word ("công-", or a soft hyphen) continues on the next;
    * a dashed name cut before its dash ("Phòng Thông tin - Báo chí" / "- Xuất bản.") is mended.

    Headings in capitals are never joined to what follows ("KẾ HOẠCH" / "đẩy mạnh …"), nor is
    the header's number line ("Số 2449-CV/ĐU" / "về việc triển khai …"), nor a person's name
    alone on its line to what follows a blank line (a signer's name / "àn Khối các cơ quan")."""
    out: list[str] = []
    pending_blank: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip().replace("*", "")
        if not stripped or (out and _PAGE_NUMBER.match(line)):
            pending_blank.append(line)
            continue
        prev = out[-1].rstrip().replace("*", "").rstrip() if out else ""
        joined = False
        if prev and not _is_heading(prev) and not _NUMBER_LINE.match(prev):
            hyphen = prev.endswith("\u00ad") or (
                len(prev) > 1 and prev[-1] == "-" and prev[-2].isalnum()
            )
            if hyphen and not _LIST_START.match(stripped):
                base = out[-1].rstrip()
                out[-1] = (base[:-1] if base.endswith("\u00ad") else base) + stripped
                joined = True
            elif (
                not _SENTENCE_END.search(prev)
                and stripped[0].islower()
                and not _LIST_START.match(stripped)
                and not (pending_blank and _is_name_line(prev))
            ):
                out[-1] = out[-1].rstrip() + " " + line.strip()
                joined = True
            elif (
                not _SENTENCE_END.search(prev)
                and _DASHED_NAME_END.search(prev)
                and _DASH_TAIL.match(stripped)
            ):
                out[-1] = out[-1].rstrip() + " " + stripped
                joined = True
        if not joined:
            out.extend(pending_blank)
            out.append(line)
        pending_blank = []
    out.extend(pending_blank)
    return "\n".join(out)


# --- fold -------------------------------------------------------------------------------------------------


def _fold_char(ch: str) -> str:
    low = ch.lower()
    if len(low) != 1:
        low = ch
    base = strip_diacritics(low)
    return base if len(base) == 1 else low


_ALIGNED_TABLE: dict[int, str] = {}
for _code in list(range(0x41, 0x5B)) + list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
    _ch = chr(_code)
    _folded = _fold_char(_ch)
    if _folded != _ch:
        _ALIGNED_TABLE[_code] = _folded
#: The per-character table of :func:`fold_aligned` (code point -> folded character).
ALIGNED_TABLE: dict[int, str] = _ALIGNED_TABLE
_FOLD_TABLE: dict[int, str | None] = dict(_ALIGNED_TABLE)
_COMBINING = [c for c in range(0x300, 0x370)]
_FOLD_TABLE.update({c: None for c in _COMBINING})


_FOLD_CACHE_SIZE = 50_000
_FOLD_WORD_MAX = 40


class _FoldCache(dict[str, str]):
    """Word -> folded word; a missing word is folded (and kept when short) on look-up, so that
    a whole text is folded by one ``map`` of ``__getitem__`` at C speed."""

    def __missing__(self, word: str) -> str:
        value = word.translate(_ALIGNED_TABLE)
        if len(word) <= _FOLD_WORD_MAX:
            if len(self) >= _FOLD_CACHE_SIZE:
                self.clear()
            self[word] = value
        return value


_FOLD_CACHE = _FoldCache()


def fold_aligned(text: str) -> str:
    """:func:`fold` that keeps every character in place (same length as an NFC ``text``), so that
    a match found in the folded text has the same offsets in the original."""
    if text.isascii():
        return text.lower()  # the table maps A-Z to a-z and leaves the rest of ASCII alone
    # ``str.translate`` with a dict costs a dict look-up per character; the text is folded word
    # by word instead, each word once (a document repeats a small vocabulary). The mapping is
    # per character and maps " " to itself, so splitting and joining changes nothing.
    return " ".join(map(_FOLD_CACHE.__getitem__, text.split(" ")))


def fold(text: str) -> str:
    """Search key: lower case, no diacritics, ``đ`` -> ``d``. "Hòa", "HOÀ" and "hoà" all fold
    to "hoa"; tone placement no longer matters."""
    return unicodedata.normalize("NFC", text).translate(_FOLD_TABLE)


# --- tone placement -----------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]{2,7}")
_OPEN_PAIRS = {("o", "a"), ("o", "e"), ("u", "y")}


def _retone(word: str, style: str) -> str:
    chars = list(word)
    splits = [SPLIT.get(c.lower()) for c in chars]
    toned = [i for i, s in enumerate(splits) if s is not None and s[1] >= 0]
    if len(toned) != 1 or len(chars) < 2:
        return word
    first, second = len(chars) - 2, len(chars) - 1
    s1, s2 = splits[first], splits[second]
    if s1 is None or s2 is None or (s1[0], s2[0]) not in _OPEN_PAIRS:
        return word
    if s1[0] == "u" and first > 0 and chars[first - 1].lower() == "q":
        return word  # "quý": the u belongs to the onset
    if first > 0 and SPLIT.get(chars[first - 1].lower()) is not None:
        return word  # a third vowel: not one of the open diphthongs
    tone = s1[1] if s1[1] >= 0 else s2[1]
    target, other = (first, second) if style == "old" else (second, first)
    if toned[0] == target:
        return word
    for index, base_tone in ((target, tone), (other, -1)):
        base = (splits[index] or ("", -1))[0]
        letter = LETTER[(base, base_tone)]
        chars[index] = letter.upper() if chars[index].isupper() else letter
    return "".join(chars)


def tone_normalize(text: str, style: str = "old") -> str:
    """Put the tone of open "oa", "oe", "uy" syllables on one vowel: ``style="old"`` gives
    "hòa", "khỏe", "thủy"; ``style="new"`` gives "hoà", "khoẻ", "thuỷ". Other syllables, and
    syllables with a final consonant ("hoàn", "thuyết"), are the same in both and unchanged."""
    if style not in ("old", "new"):
        raise ValueError("style must be 'old' or 'new'")
    text = unicodedata.normalize("NFC", text)
    return _WORD.sub(lambda m: _retone(m.group(), style), text)


# --- document symbols -------------------------------------------------------------------------------

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DASH_TABLE = {ord(c): "-" for c in DASHES}
_SYMBOL_SPACES = re.compile(r"\s*([-/])\s*")


@lru_cache(maxsize=4096)
def clean_symbol(symbol: str) -> str:
    """A symbol as printed but tidy: NFC, dash variants -> "-", no spaces around "-" and "/"
    ("01- KL/TW" -> "01-KL/TW", "101 -QĐ/TW" -> "101-QĐ/TW")."""
    text = unicodedata.normalize("NFC", symbol).translate(_DASH_TABLE)
    text = _SYMBOL_SPACES.sub(r"\1", text.strip())
    return re.sub(r"\s+", "", text)


@lru_cache(maxsize=4096)
def normalize_symbol(symbol: str) -> str:
    """Matching key of a document symbol: case, spaces, dash variants, "Đ"/"D" and the order of
    "-" and "/" do not matter, so "35-NQ/TW", "35/NQ-TW", "35 - nq/tw" give one key, and
    "08-QĐi/TW" stays distinct from "08-QĐ/TW"."""
    text = fold(clean_symbol(symbol))
    parts = [p for p in re.split(r"[-/.\s]+", text) if p]
    return "/".join(p.lstrip("0") or "0" if p.isdigit() else p for p in parts)


# --- diacritic-insensitive patterns ---------------------------------------------------------------

_REVERSE: dict[str, set[str]] = {}
for _code, _target in _ALIGNED_TABLE.items():
    if len(_target) == 1 and _target.isascii() and _target.isalpha():
        _REVERSE.setdefault(_target, set()).add(chr(_code))
_LETTER_CLASS = {
    c: "[" + "".join(sorted({c, c.upper(), *_REVERSE.get(c, set())})) + "]"
    for c in "abcdefghijklmnopqrstuvwxyz"
}
_GROUP_START = re.compile(r"\(\?(?:<[=!]|[:=!])")


def vi_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a pattern written in folded form ("noi[ \\t]+nhan") so that it matches the
    original text whatever its case and diacritics ("Nơi nhận", "NƠI NHẬN"): every ASCII letter
    outside a character class becomes the class of the letters that fold to it, and ``[a-z]``
    becomes "any letter"."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif c == "[":
            j = i + 1
            if pattern[j : j + 1] == "^":
                j += 1
            if pattern[j : j + 1] == "]":
                j += 1
            while pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            cls = pattern[i : j + 1]
            out.append(r"[^\W\d_]" if cls == "[a-z]" else cls)
            i = j + 1
        elif c == "(" and pattern.startswith("(?", i):
            group = _GROUP_START.match(pattern, i)
            if group is None:
                raise ValueError(f"unsupported group in {pattern!r}")
            out.append(group.group())
            i = group.end()
        elif c == "{":
            j = pattern.index("}", i)
            out.append(pattern[i : j + 1])
            i = j + 1
        elif "a" <= c <= "z":
            out.append(_LETTER_CLASS[c])
            i += 1
        else:
            out.append(c)
            i += 1
    return re.compile("".join(out), flags)


def alternation(words: list[str]) -> str:
    """``"|".join(words)`` with the words that share a first letter grouped behind it
    ("ke hoach|ket luan" -> "k(?:e hoach|et luan)"): the regex engine then tries one letter per
    group instead of every word at every position. The order of the words within a group is
    kept, and words in different groups cannot match at one position, so the pattern matches
    exactly what the plain alternation matches. Words are plain text (no regex syntax)."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(word)
    return "|".join(
        group[0] if len(group) == 1 else first + "(?:" + "|".join(w[1:] for w in group) + ")"
        for first, group in groups.items()
    )


class FoldedView:
    """``fold_aligned(text)`` computed slice by slice, on demand (folding a whole long text
    costs more than parsing it)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __getitem__(self, key: slice) -> str:
        return fold_aligned(self.text[key])

    def __len__(self) -> int:
        return len(self.text)
