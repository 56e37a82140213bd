"""Repairs for text as PDFs give it (and as it is pasted from them), before parsing.

A PDF stores glyphs at positions; extracting its text guesses where words and lines end, and
pasting from a viewer does the same. Three guesses go wrong often enough to hide citations:

* **glued words** — a gap narrower than a space is dropped: "Chỉ thịsố46-CT/TW", "Ban Thường
  vụTỉnh uỷ vềlãnh đạo". Split by the syllable grammar (:mod:`vanban.syllables`), and a number
  glued after a Vietnamese word is set apart ("số46" -> "số 46").
* **symbols split over lines** — "50-" at the end of a line and "TTr/BXDĐ" at the start of the
  next one are one symbol: joined when the first line ends with a number and a dash or slash and
  the next begins with a code and a dash or slash.
* **letter-spaced runs** — characters spread for justification come out one by one: "0 1 / Q Đ
  - C T N". Five or more single characters separated by single blanks are one word; a wider gap
  between them stays a space.

Each step looks for its trigger first (a cheap scan) and leaves the text untouched, and shared,
when there is none.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable

from vanban.letters import SPLIT, VIETNAMESE_LETTERS
from vanban.syllables import split_glued

# Five or more single non-blank characters separated by exactly one blank, e.g. "0 1 / Q Đ".
_SPACED = re.compile(r"(?<!\S)(?:\S (?=\S(?:\s|$))){4,}\S(?!\S)")
# "50-" / "TTr/BXDĐ": a line ending in a number and a dash or slash, the next line opening with
# a code followed by a dash or slash.
_SPLIT_SYMBOL = re.compile(r"(?<![\w/])(\d{1,5}[-/])\n[ \t]*(?=[A-ZĐ][A-Za-zĐđ]{0,11}[-/][A-ZĐ])")
# Letter runs that may be glued: four letters or more, one of them not ASCII.
_RUN = re.compile(r"[^\W\d_]{4,}")
# A Vietnamese word glued to the number that follows it: "số46", "Số08".
# A comma or semicolon glued to the small letter of the next word: "chi,đảng bộ", "Phổ
# biến,giáo dục" (a list of codes, "VT,TH", is written so and kept).
_GLUED_COMMA = re.compile(
    r"(?<=[^\W\d_])([,;])(?=[a-zđà-ỹ])"
    # after a small letter: a comma before a capitalised word ("Văn hóa,Thể thao"), a colon
    # before any capital ("Lưu:VT", "gửi:Sở"); codes written together ("VT,TH") stay
    r"|(?<=[a-zđà-ỹ])(,)(?=[A-ZĐ][a-zđà-ỹ])|(?<=[a-zđà-ỹ]{2})(:)(?=[A-ZĐ])"
)
_ASCII_CAMEL = re.compile(r"[a-z][A-Z]")
# A number glued to the Vietnamese word after it: "94năm", "79năm" (a code such as "12a" or
# "5ha" has no Vietnamese letter and is kept).
_NUMBER_WORD = re.compile(r"(?<=\d)[a-zđà-ỹ]*[đà-ỹ][a-zđà-ỹ]*")
_WORD_NUMBER = re.compile(r"(?<![^\W\d_])([A-ZĐ]?[a-zđà-ỹ]*[^\x00-\x7f][a-zđà-ỹ]*)(?=\d)")


def _collapse(match: re.Match[str]) -> str:
    run = match.group()
    # a run of letters or a symbol ("0 1 / Q Đ"), not a row of numbers ("1 2 3 4 5")
    return run.replace(" ", "") if any(ch.isalpha() for ch in run) else run


def repair_text(text: str) -> str:
    """``text`` with glued words split, split symbols joined and letter-spaced runs collapsed."""
    if _has_split_symbol(text):
        text = _SPLIT_SYMBOL.sub(r"\1", text)
    # Every defect lies inside one blank-separated token or is a run of one-character tokens.
    # A token that _fix_token changes holds a sign of it (a pair of classes of its characters,
    # _candidates), found by a few bytes searches in one byte per character; only the tokens
    # around the signs are looked at. A text with a character outside the table of classes
    # (rare) is split into words, and its tokens judged sound before are removed by one set
    # difference.
    known = codecs.charmap_encode(text, "ignore", _CHAR_MAP)[0]
    if len(known) == len(text):
        words: list[str] | None = None
        blanks = known.translate(_BLANK_CLASSES)
        tokens: Iterable[str] = _candidates(text, known, blanks)
        # letter-spacing needs five single characters between single blanks
        spaced = _FIVE_SINGLES in blanks
    else:
        words = text.split()
        tokens = () if _SOUND.issuperset(words) else set(words)
        spaced = True
    fixes: dict[str, str] = {}
    for token in tokens:
        if token in _SOUND:
            continue
        fixed = _GLUED.get(token)
        if fixed is None:
            fixed = _fix_token(token)
        if fixed is None:
            if len(_SOUND) >= _SOUND_MAX:
                _SOUND.clear()
            _SOUND.add(token)
        else:
            if len(_GLUED) >= _SOUND_MAX:
                _GLUED.clear()
            _GLUED[token] = fixed
            fixes[token] = fixed
    # letter-spacing is met in capitals and symbols: three single capitals at least
    if spaced:
        if words is None:
            words = text.split()
        if len(_SINGLE_CAPITALS.intersection(words)) >= 3 and _SPACED.search(text):
            before = set(words)
            text = _SPACED.sub(_collapse, text)
            for token in set(text.split()) - before:
                fixed = _fix_token(token)
                if fixed is not None:
                    fixes[token] = fixed
    if len(fixes) > 20:
        text = _TOKEN.sub(lambda m: fixes.get(m.group(), m.group()), text)
    else:
        # a few fixes: replaced where they stand, longest first (a fixed token inside a longer
        # one is fixed with it)
        for token in sorted(fixes, key=len, reverse=True):
            text = text.replace(token, fixes[token])
    return text


def _has_split_symbol(text: str) -> bool:
    """Whether a line ends with a number and a dash or slash that the next line's code
    continues: each "-\n" or "/\n" is found by a literal search and checked where it stands."""
    for mark in ("-\n", "/\n"):
        at = text.find(mark)
        while at >= 0:
            if _SPLIT_SYMBOL.match(text, max(0, at - 6)) or _SPLIT_SYMBOL.search(
                text, max(0, at - 6), at + 20
            ):
                return True
            at = text.find(mark, at + 2)
    return False


# Tokens judged to need no repair (memo shared by all documents, bounded).
_SOUND: set[str] = set()
_SOUND_MAX = 200_000
_SINGLE_CAPITALS = frozenset(
    chr(c) for c in range(0x20, 0x2000) if chr(c).isupper() and len(chr(c)) == 1
) | frozenset(chr(c) for c in range(0x1E00, 0x1F00) if chr(c).isupper())
_TOKEN = re.compile(r"\S+")
# Tokens _fix_token changed, with what it gave (memo as _SOUND).
_GLUED: dict[str, str] = {}

# --- where a token may need _fix_token: the characters' classes ---------------------------------
# The characters of most texts after normalize_text: tab, line break and printable ASCII, the
# Vietnamese letters and some punctuation. codecs.charmap_encode gives each one byte (its index
# here) and drops any other, which makes the bytes shorter than the text. (The table opens with
# U+0000: charmap_build gives the fast three-level map only then, and a slow dict otherwise.)
_TABLE = (
    "\0\t\n"
    + "".join(chr(c) for c in range(32, 127))
    + "".join(VIETNAMESE_LETTERS)
    + "“”‘’–—…•·°«»×§№€©®™→←≤≥±"
)
assert len(_TABLE) <= 256 and len(set(_TABLE)) == len(_TABLE)
_CHAR_MAP = codecs.charmap_build(_TABLE.ljust(256, "\ufffe"))
_VOWEL_LETTERS = frozenset(ch for ch in SPLIT if ch not in "đĐ")  # as syllables counts vowels


def _is_letter(ch: str) -> bool:
    return re.fullmatch(r"[^\W\d_]", ch) is not None  # a letter as _RUN reads one


def _classes(classify: Callable[[str], str]) -> bytes:
    """The bytes.translate table from a character's byte to its class."""
    return bytes.maketrans(
        bytes(range(len(_TABLE))), "".join(map(classify, _TABLE)).encode("ascii")
    )


# Case: "l" a small (or uncased) letter, "U" a capital. A small letter then a capital
# (split_glued's cut, "BộCông", "ChuHuy"); two capitals then a small letter (_split_piece's
# leading capitals, "SMEngày", "PHÒNGThái").
_CASE_CLASSES = _classes(lambda ch: ("U" if ch.isupper() else "l") if _is_letter(ch) else " ")
_CASE_SIGNS = (b"lU", b"UUl")
# Vowels: a piece of a run split by the grammar has two vowel runs or more, and between two of
# them a coda and an onset: one to five consonants ("ng" + "ngh").
_VOWEL_CLASSES = _classes(
    lambda ch: ("v" if ch in _VOWEL_LETTERS else "c") if _is_letter(ch) else " "
)
_VOWEL_SIGNS = tuple(b"v" + b"c" * n + b"v" for n in range(1, 6))
# Digits and commas: "a" a small ASCII letter or any other character outside ASCII, "A" a
# capital ASCII letter, "d" a digit, "," one of ",;:". A digit after "a" (_WORD_NUMBER,
# "số46") or before it (_NUMBER_WORD, "94năm"); "," before a small letter or Đ, or between a
# small letter and a capital (_GLUED_COMMA).
_DIGIT_CLASSES = _classes(
    lambda ch: (
        "d"
        if re.fullmatch(r"\d", ch)
        else ","
        if ch in ",;:"
        else ("a" if "a" <= ch <= "z" or not ch.isascii() else "A" if "A" <= ch <= "Z" else " ")
    )
)
_DIGIT_SIGNS = (b"ad", b"da", b",a", b"a,A")
# Blanks (the only ones normalize_text leaves) and the rest.
_BLANK_CLASSES = _classes(lambda ch: " " if ch in " \t\n" else "x")
_FIVE_SINGLES = b"x x x x x"  # what _SPACED needs at least
_SIGNS = (
    (_CASE_CLASSES, _CASE_SIGNS),
    (_VOWEL_CLASSES, _VOWEL_SIGNS),
    (_DIGIT_CLASSES, _DIGIT_SIGNS),
)


def _candidates(text: str, known: bytes, blanks: bytes) -> set[str]:
    """The tokens of ``text`` (``known``: its characters' bytes, one each; ``blanks``: their
    blank classes) that hold a sign: every token that _fix_token changes is among them."""
    found: set[str] = set()
    for table, signs in _SIGNS:
        classes = known.translate(table)
        for sign in signs:
            at = classes.find(sign)
            while at >= 0:
                start = blanks.rfind(b" ", 0, at) + 1
                end = blanks.find(b" ", at)
                if end < 0:
                    end = len(blanks)
                found.add(text[start:end])
                at = classes.find(sign, end)
    return found


def _fix_token(token: str) -> str | None:
    """The token with its glued words split, or None when it needs nothing."""
    if len(token) < 4:
        return None
    if token.isascii():
        # only a Vietnamese name glued in camel case ("ChuHuy"); English and codes stay
        return _RUN.sub(_split_run, token) if _ASCII_CAMEL.search(token) else None
    fixed = _RUN.sub(_split_run, token)
    fixed = _WORD_NUMBER.sub(_word_number, fixed)
    fixed = _GLUED_COMMA.sub(lambda m: m.group() + " ", fixed)
    fixed = _NUMBER_WORD.sub(_number_word, fixed)
    return fixed if fixed != token else None


def _split_run(match: re.Match[str]) -> str:
    parts = split_glued(match.group())
    return match.group() if parts is None else " ".join(parts)


def _number_word(match: re.Match[str]) -> str:
    word = match.group()
    return " " + word if word.islower() else word


def _word_number(match: re.Match[str]) -> str:
    word = match.group(1)
    # "số46", "Số08-CTr/ĐU"; a code in capitals ("QĐ12") stays
    return word + " " if word.islower() or word.istitle() else word
