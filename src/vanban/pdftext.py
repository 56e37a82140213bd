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
  between them stays a space. In a text so spaced, a shorter spaced word ("B A N", "V Ụ")
  collapses by the words around it (:mod:`vanban.spaced_words`).

Each step looks for its trigger first (a cheap scan) and leaves the text untouched, and shared,
when there is none.
"""

from __future__ import annotations

import codecs
import re

from vanban.spaced_words import collapse_short_runs
from vanban.syllables import is_syllable, is_vowel, split_glued

# Five or more single non-blank characters separated by exactly one blank, e.g. "0 1 / Q Đ".
_SPACED = re.compile(r"(?<!\S)(?:\S (?=\S(?:\s|$))){4,}\S(?!\S)")
# What every run of _SPACED holds from the blank after its first character: three single
# characters between single spaces. It opens with a literal, which the regex engine looks for
# at C speed; _SPACED opens with a look-behind and is tried at every position of the text.
_SPACED_HINT = re.compile(r" \S \S \S ")
# "50-" / "TTr/BXDĐ": a line ending in a number and a dash or slash, the next line opening with
# a code followed by a dash or slash.
_SPLIT_SYMBOL_PLAIN = re.compile(
    r"(?<![\w/])(\d{1,5}[-/])\n[ \t]*(?=[A-ZĐ][A-Za-zĐđ]{0,11}[-/][A-ZĐ])"
)
# (the same, led by its first digit, the look-behind after it: the engine tries the pattern at
# the digits only, not at every position)
_SPLIT_SYMBOL = re.compile(
    r"(\d(?<![\w/]\d)\d{0,4}[-/])\n[ \t]*(?=[A-ZĐ][A-Za-zĐđ]{0,11}[-/][A-ZĐ])"
)
# "2764/QĐ-" / "TTg ngày …": a line ending in a number, a slash, a code and a dash, the next line
# opening with the code that ends the symbol (capital first, ASCII letters, then no letter); a
# legal document's year may stand between ("118/2025/NĐ-" / "CP ngày …").
_SPLIT_CODE_PLAIN = re.compile(
    r"(?<![\w/])(\d{1,5}/(?:\d{4}/)?[A-ZĐ][A-Za-zĐđ&]{0,11}-)\n[ \t]*"
    r"(?=[A-ZĐ][A-Za-zĐđ]{0,11}(?![\w/-]))"
)
# (led by its first digit, as _SPLIT_SYMBOL)
_SPLIT_CODE = re.compile(
    r"(\d(?<![\w/]\d)\d{0,4}/(?:\d{4}/)?[A-ZĐ][A-Za-zĐđ&]{0,11}-)\n[ \t]*"
    r"(?=[A-ZĐ][A-Za-zĐđ]{0,11}(?![\w/-]))"
)
# The line break after a "-" or "/" that ends a line (_split_symbols' marks), and after a "-"
# (_has_split_code's). Led by the line break, the engine skips to each one by a plain scan of
# one character, and looks back only there: a third of the cost of str.find for the two
# characters, once for each mark.
_MARK_END = re.compile(r"\n(?<=[-/]\n)")
_DASH_END = re.compile(r"\n(?<=-\n)")
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
_WORD_NUMBER = re.compile(
    r"(?<![^\W\d_])([A-ZĐ]?[a-zđà-ỹ]*[^\x00-\x7f][a-zđà-ỹ]*"
    # a word in capitals ("NĂM2030"), set apart only when it is a syllable (see _word_number)
    r"|[A-ZĐà-ỹ]*[^\x00-\x7f][A-ZĐà-ỹ]*)(?=\d)"
)


_RUN_COMMA = re.compile(r",(?=[^\W\d_])")
_RUN_SEMICOLON = re.compile(r";(?=[^\W\d_])")


def _collapse(match: re.Match[str]) -> str:
    run = match.group()
    # a run of letters or a symbol ("0 1 / Q Đ"), not a row of numbers ("1 2 3 4 5")
    if not any(ch.isalpha() for ch in run):
        return run
    # a comma or semicolon between two spaced words keeps the space after it ("Đ Í C H , Y Ê
    # U" -> "ĐÍCH, YÊU"); a symbol's "/" and "-" join
    return _RUN_COMMA.sub(", ", _RUN_SEMICOLON.sub("; ", run.replace(" ", "")))


def repair_text(text: str, codes: bytes | None = None) -> str:
    """``text`` with glued words split, split symbols joined and letter-spaced runs collapsed.
    ``codes``, when given, is ``character_codes(text)``."""
    # (both splits end a line with "-" or "/": one search for either mark, led by the line
    # break, costs less than the two literal searches of each repair; most texts hold none)
    if _MARK_END.search(text) is not None:
        symbols = _split_symbols(text)
        if symbols:
            text = _joined(text, symbols)
            codes = None
        if _has_split_code(text):
            text = _SPLIT_CODE.sub(r"\1", text)
            codes = None
    # Every defect lies inside one blank-separated token or is a run of one-character tokens,
    # and shows a sign in a pair or a triple of neighbouring characters: the tokens holding a
    # sign, found in a few passes over an integer (see _sign_tokens), are the only ones looked at.
    if codes is None:
        codes = character_codes(text)
    if codes is not None:  # (None: a blank other than " ", "\t" and "\n")
        signed = _sign_tokens(text, codes)
        if signed is not None:
            return _repair_signed(text, signed, codes)
    # Otherwise (a blank other than " ", "\t" and "\n", or signs all over the text) every token
    # is looked at: the distinct tokens are few, and most were judged sound in an earlier
    # document: they are removed by one set difference, and only the others are judged.
    words = text.split()
    fixes: dict[str, str] = {}
    if len(_SAME) >= _SOUND_MAX:
        _SAME.clear()
        _SOUND.clear()
    if not _SOUND.issuperset(words):  # (most texts: every token was judged sound before)
        for token in set(words) - _SOUND:
            fixed = _judged(token)
            if fixed is not None:
                fixes[token] = fixed
    # letter-spacing is met in capitals and symbols: three single capitals at least (counted
    # among the few ever met, which holds every one of this text: a token is sound or new).
    # Both tests are needed; the cheaper goes first: few short texts hold three single
    # capitals, and a long one nearly always does while its runs, looked for from literal
    # hints, are seldom there.
    if len(text) > _LONG_TEXT:
        runs = _spaced_runs(text)
        if runs and len(_CAPITALS_SEEN.intersection(words)) < 3:
            runs = []
    else:
        runs = _spaced_runs(text) if len(_CAPITALS_SEEN.intersection(words)) >= 3 else []
    if runs:
        text, collapsed = _collapse_runs(text, runs)
        # (each collapsed run is a whole token of the new text, and every other token of it
        # was one of the old text: the new tokens are the collapsed runs not met before)
        if collapsed:  # (the text is letter-spaced: its shorter spaced words are looked for)
            text, shorter = collapse_short_runs(text, collapsed)
            collapsed += shorter
        for token in set(collapsed) - set(words):
            fixed = _fix_token(token)
            if fixed is not None:
                fixes[token] = fixed
    if len(fixes) <= 20 < len(fixes) + len(_SAME) and any(k != v for k, v in fixes.items()):
        # the tokens given back unchanged count as fixes in the choice below, those judged in
        # an earlier document too (the choice matters only when one fix changes something)
        for token in _SAME.intersection(words):
            fixes.setdefault(token, token)
    if len(fixes) > 20:
        # (each token to fix found from the one before: a callback per regex match costs
        # several times more on a long text full of fixes, as OCR of a poor scan gives, and
        # cutting the whole text at its blanks costs more than the words' split)
        text = _tokens_replaced(text, fixes, text.split() if runs else words)
    else:
        # a few fixes: replaced where they stand, longest first (a fixed token inside a longer
        # one is fixed with it)
        for token in sorted(fixes, key=len, reverse=True):
            text = text.replace(token, fixes[token])
    return text


def _repair_signed(text: str, tokens: dict[str, None], codes: bytes) -> str:
    """The rest of :func:`repair_text` once ``tokens`` (:func:`_sign_tokens`) holds every token
    of ``text`` that :func:`_fix_token` changes or gives back and every token of one capital;
    ``codes`` is ``character_codes(text)``."""
    fixes: dict[str, str] = {}
    capitals = 0
    for token in tokens:
        if token in _SINGLE_CAPITALS:
            capitals += 1  # (one character: nothing to fix)
        else:
            fixed = _judged(token)
            if fixed is not None:
                fixes[token] = fixed
    runs = _spaced_runs(text, codes) if capitals >= 3 else []
    if runs:
        text, collapsed = _collapse_runs(text, runs)
        if collapsed:  # (the text is letter-spaced: its shorter spaced words are looked for)
            text, shorter = collapse_short_runs(text, collapsed)
            collapsed += shorter
        # (a collapsed run that was a token of the text already has its fix, if any)
        for token in dict.fromkeys(collapsed):
            if token not in fixes:
                fixed = _fix_token(token)
                if fixed is not None:
                    fixes[token] = fixed
    if len(fixes) > 20:
        return _tokens_replaced(text, fixes, text.split())
    for token in sorted(fixes, key=len, reverse=True):
        text = text.replace(token, fixes[token])
    return text


def _judged(token: str) -> str | None:
    """``_fix_token(token)``, from the memos when the token was judged before."""
    if token in _SOUND:
        return token if token in _SAME else None
    fixed = _GLUED.get(token)
    if fixed is None:
        fixed = _fix_token(token)
        if fixed is None or fixed == token:
            if len(_SOUND) >= _SOUND_MAX or len(_SAME) >= _SOUND_MAX:
                _SOUND.clear()
                _SAME.clear()
            _SOUND.add(token)
            if fixed is not None:
                _SAME.add(token)
            elif token in _SINGLE_CAPITALS:
                _CAPITALS_SEEN.add(token)
        else:
            if len(_GLUED) >= _SOUND_MAX:
                _GLUED.clear()
            _GLUED[token] = fixed
    return fixed


# --- the tokens that may need a repair, found without splitting the text into words -------------
#
# ``_fix_token`` changes a token (or gives it back, "GitHub") only where neighbouring characters
# show a sign of it:
#   * a small letter then a capital ("vụTỉnh", "ChuHuy", "GitHub");
#   * a vowel, letters that are no vowels, then a vowel, in one run of letters ("vềlãnh": a
#     syllable holds one run of vowels; "Lênin" and "internet" show it too, and are judged);
#   * a digit after a letter or a character outside ASCII ("số46"), or before a small letter
#     ("94năm");
#   * ",", ";" or ":" between letters or characters outside ASCII ("biến,giáo", "Lưu:VT");
# and the letter-spacing test counts the tokens made of one capital (a blank on both sides).
# Each character is given a byte of classes (a code of its own among 256 characters, then a
# table); the bytes, read as one integer, give every sign of the text at once by a few shifts and
# ands, and one addition that carries along each run of consonants after a vowel. The tokens
# around the signs, and those holding a character without a code, are the only ones judged; the
# text is split into words only when it holds a blank other than " ", "\t" and "\n" or signs
# all over. (Splitting a text into words and looking each up in the memos costs about 180
# machine instructions a character; the codes, the integer and the look-ups about 150.)

# One bit per class, in this order so that the pairs of neighbours the signs need are one bit
# apart (see _sign_tokens).
_CONSONANT = 1  # a letter that is no vowel
_VOWEL = 2  # a vowel letter (as syllables.is_vowel counts it)
_PUNCT = 4  # ",", ";" or ":"
_WIDE = 8  # an ASCII letter or any character outside ASCII
_DIGIT = 16  # a digit (what r"\d" matches)
_SMALL = 32  # a small letter
_CAPITAL = 64  # a capital letter
_BLANK = 128  # " ", "\t" or "\n"

_VIETNAMESE_LETTERS = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư" + "".join(
    map(chr, range(0x1EA0, 0x1EFA))
)
_USUAL_PUNCTUATION = "“”‘’–—…•·°§€₫«»±×¬„‹›†¹²"
_NO_CHARACTER = "\ufffe"  # (in a charmap decoding table: a code no character has)


def _coded_characters() -> str:
    """The 256 characters given a code, by code: U+0000 first (so that ``codecs.charmap_build``
    makes its fast map, not a dict), tab, line break and ASCII's printable characters at their
    own code, the Vietnamese letters and the punctuation met most at the codes left (every code
    is used). Any other character is coded 0, as U+0000 is."""
    table = [_NO_CHARACTER] * 256
    for code in (0, 9, 10, *range(0x20, 0x7F)):
        table[code] = chr(code)
    free = [code for code in range(256) if table[code] == _NO_CHARACTER]
    for code, char in zip(free, _VIETNAMESE_LETTERS + _USUAL_PUNCTUATION, strict=True):
        table[code] = char
    return "".join(table)


_CODED = _coded_characters()
_CODES = codecs.charmap_build(_CODED)
_LETTER_RE = re.compile(r"[^\W\d_]")
_DIGIT_RE = re.compile(r"\d")


def _classes_of(char: str) -> int:
    if char == _NO_CHARACTER:
        return 0
    letter = _LETTER_RE.match(char) is not None
    vowel = letter and is_vowel(char)
    return (
        (_CONSONANT if letter and not vowel else 0)
        | (_VOWEL if vowel else 0)
        | (_PUNCT if char in ",;:" else 0)
        | (_WIDE if not char.isascii() or char.isalpha() else 0)
        | (_DIGIT if _DIGIT_RE.match(char) else 0)
        | (_SMALL if letter and char.islower() else 0)
        | (_CAPITAL if letter and char.isupper() else 0)
        | (_BLANK if char.isspace() else 0)
    )


_CLASSES = bytes(map(_classes_of, _CODED))


class _OtherBlank(Exception):
    """A blank other than " ", "\t" and "\n": the text's tokens are not cut where the codes
    say."""


def _code_zero(error: UnicodeError) -> tuple[str, int]:
    """The error handler of the coding: a character without a code is coded 0."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    if any(char.isspace() for char in error.object[error.start : error.end]):
        raise _OtherBlank
    return "\x00" * (error.end - error.start), error.end


codecs.register_error("vanban.code_zero", _code_zero)

# Masks of one bit pattern repeated in every byte, for texts up to _MASKS_MAX characters (kept,
# grown as longer texts come); a longer text gets its own.
_MASKS_MAX = 1 << 18
_masks_made: list[tuple[int, ...]] = [(0, 0, 0, 0, 0)]
# The bits of `after` (see _sign_tokens) that are signs: a wide character then a digit, a digit
# then a small letter, a small letter then a capital. (A digit then a coded capital or
# punctuation changes nothing: a word is set apart from its number only in small letters; "," then
# a wide character is a sign only after a wide one, in `around`.)
_SIGNS_AFTER = _WIDE | _DIGIT | _SMALL


def _masks(size: int) -> tuple[int, ...]:
    made = _masks_made[0]
    if made[0] >= size:
        return made
    grown = max(size, 2 * made[0], 4096)
    masks = (
        grown,
        *(
            int.from_bytes(bytes((bits,)) * grown, "little")
            for bits in (_CONSONANT, _VOWEL, _SIGNS_AFTER, _SMALL)
        ),
    )
    if grown <= _MASKS_MAX:
        _masks_made[0] = masks
    return masks


_ANY_TO_ONE = bytes((0, *(1,) * 255))
# A blank's byte in ``codes.translate(_CLASSES)``: " ", "\t" and "\n" are the only coded
# characters of class _BLANK, and they have no other class (checked below).
_BLANK_CLASS = bytes((_BLANK,))
assert {code for code in range(256) if _CLASSES[code] & _BLANK} == {9, 10, 32}
assert {_CLASSES[code] for code in (9, 10, 32)} == {_BLANK}


def character_codes(text: str) -> bytes | None:
    """A byte per character of ``text``: its code among the 256 characters given one (U+0000,
    ASCII's printable characters, "\t" and "\n" at their own, the Vietnamese letters, the
    usual punctuation), 0 for any other; None when the text holds a blank other than " ", "\t"
    and "\n"."""
    try:
        return codecs.charmap_encode(text, "vanban.code_zero", _CODES)[0]
    except _OtherBlank:
        return None


# The codes that are not letters, and those that are no capital letters (deleted from a text's
# codes, what is left counts the letters, or the capitals; code 0 stands for any character
# without a code, so a caller checks for it first).
_NOT_LETTER_CODES = bytes(c for c in range(256) if not _CLASSES[c] & (_CONSONANT | _VOWEL))
_NOT_CAPITAL_CODES = bytes(c for c in range(256) if not _CLASSES[c] & _CAPITAL)
assert all(_CLASSES[c] & (_CONSONANT | _VOWEL) for c in range(256) if _CLASSES[c] & _CAPITAL)


def letter_counts(text: str) -> tuple[int, int] | None:
    """How many letters ``text`` holds (what ``[^\\W\\d_]`` matches) and how many of them are
    capitals (``str.isupper``), from the characters' codes; None when a character has no code
    (or is a blank other than " ", "\\t" and "\\n")."""
    codes = character_codes(text)
    if codes is None or 0 in codes:
        return None
    return (
        len(codes.translate(None, _NOT_LETTER_CODES)),
        len(codes.translate(None, _NOT_CAPITAL_CODES)),
    )


def _sign_tokens(text: str, codes: bytes | None = None) -> dict[str, None] | None:
    """The tokens of ``text`` (as ``text.split()`` cuts them) that hold a sign, a character
    without a code, or are one capital, in the order of the text; None when the text holds a
    blank other than " ", "\t" and "\n", or more signs than about one in 32 characters (the
    words' split then costs less). ``codes``, when given, is ``character_codes(text)``."""
    if codes is None:
        codes = character_codes(text)
        if codes is None:
            return None
    size = len(codes) + 2
    _, ones, vowels, signs_after, smalls = _masks(size)
    # byte j + 1 holds the classes of character j; a blank stands before and after the text
    classes = codes.translate(_CLASSES)
    c = int.from_bytes(b"\x80" + classes + b"\x80", "little")
    # bit b of a byte: class bit b of its character and class bit b + 1 of the next one (those
    # of _SIGNS_AFTER are signs)
    after = c & (c >> 9)
    # bit b of a byte: class bit b of its character and class bit b + 1 of the one before (bit
    # 0: a consonant after a vowel; bit 6: a capital after a blank): ``c << 7`` moves bit b + 1
    # of a byte to bit b of the next (the same as ``(c & (c >> 7)) << 7``, one shift less)
    led = c & (c << 7)
    # a blank, a capital, a blank (bit 6); a wide character, ",", ";" or ":", a wide one (bit
    # 2); the other bits hold rarer triples of the signs above
    around = after & led
    # a vowel, consonants, a vowel: 1 added at the first consonant after a vowel carries through
    # the run's bytes (all ones) to the byte after it, a vowel or not
    landed = ((c & ones) * 255 + (led & ones)) << 1
    # two capitals, then a small letter (bit 5): a code glued to the next word ("TWngày",
    # "NĐ-CPngày"); ``c << 15`` moves the capital bit of a byte to the small bit two bytes on
    caps_led = led & (c << 15) & smalls
    signs = (after & signs_after) | around | (landed & c & vowels) | caps_led
    tokens: dict[str, None] = {}
    limit = 64 + size // 32
    # A token's bounds are the blanks around it: in ``classes`` a blank (" ", "\t", "\n") is
    # the one byte _BLANK, so one ``rfind`` and one ``find`` of it (``memrchr``, ``memchr``,
    # stopping at the nearest blank) give them.
    blank = _BLANK_CLASS
    rfind, find = classes.rfind, classes.find
    if signs:
        # (a byte of signs made 1, found by ``bytes.find``, which is ``memchr``; no blank holds a
        # sign, so the next sign after the token's end is in another token)
        marks = signs.to_bytes(size, "little").translate(_ANY_TO_ONE)
        at = marks.find(1)
        while at >= 0:
            if len(tokens) >= limit:
                return None
            at -= 1  # (the character of mark ``at``)
            end = find(blank, at)
            if end < 0:
                end = len(classes)
            tokens[text[rfind(blank, 0, at) + 1 : end]] = None
            at = marks.find(1, end + 1)
    at = codes.find(0)
    while at >= 0:
        if len(tokens) >= limit:
            return None
        end = find(blank, at)
        if end < 0:
            end = len(classes)
        tokens[text[rfind(blank, 0, at) + 1 : end]] = None
        at = codes.find(0, end)
    return tokens


def _tokens_replaced(text: str, fixes: dict[str, str], words: list[str]) -> str:
    """``text`` with each blank-separated token that is a key of ``fixes`` replaced by its
    value, blanks kept: ``"".join(fixes.get(p, p) for p in _BLANKS.split(text))``.

    ``words`` is ``text.split()``: the tokens to replace are taken from it in order, and each
    is found by ``str.find`` from the end of the one before, the first whole token there (a
    match inside a longer token is passed over; an earlier whole token equal to it would have
    been the one before)."""
    pieces = []
    pos = 0
    for token in filter(fixes.__contains__, words):
        at = text.find(token, pos)
        end = at + len(token)
        while (at > 0 and not text[at - 1].isspace()) or (
            end < len(text) and not text[end].isspace()
        ):
            at = text.find(token, at + 1)
            end = at + len(token)
        pieces.append(text[pos:at])
        pieces.append(fixes[token])
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def _spaced_runs(text: str, codes: bytes | None = None) -> list[re.Match[str]]:
    """The matches of ``_SPACED`` in ``text``, in order, as ``finditer`` gives them.
    ``codes``, when given, is ``character_codes(text)``.

    A run's second character stands right after the first blank of a ``_SPACED_HINT`` match:
    each hint, from the left, is checked by matching ``_SPACED`` at the character before it
    (a run that started earlier would have had its own hint earlier), and the scan goes on
    from the end of a run found, or from the next character. With the codes, the hints are
    found in their shapes (a byte a character: space, other blank, anything else) by
    ``bytes.find``, which skips along the text; the regex engine tries the hint at every
    space."""
    runs = []
    pos = 0
    shapes = None if codes is None else codes.translate(_SHAPES)
    at = _hint_at(text, shapes, 0)
    while at >= 0:
        start = at - 1
        run = _SPACED.match(text, start) if start >= pos else None
        if run is None:
            at = _hint_at(text, shapes, at + 1)
        else:
            runs.append(run)
            pos = run.end()
            at = _hint_at(text, shapes, pos)
    return runs


# A character's shape for the hints of letter-spaced runs: "s" a space, "b" a tab or line
# break, "x" any other character. With codes (no other blank in the text, each coded character
# at its code or at 0), "x" is exactly r"\S" and "s" a space.
_SHAPES = bytes(
    ord("s") if code == 0x20 else ord("b") if code in (9, 10) else ord("x") for code in range(256)
)
_SHAPE_HINT = b"sxsxsxs"  # _SPACED_HINT's shape


def _hint_at(text: str, shapes: bytes | None, pos: int) -> int:
    """Start of the first match of ``_SPACED_HINT`` in ``text`` from ``pos``, -1 if none."""
    if shapes is not None:
        return shapes.find(_SHAPE_HINT, pos)
    hint = _SPACED_HINT.search(text, pos)
    return -1 if hint is None else hint.start()


def _collapse_runs(text: str, runs: list[re.Match[str]]) -> tuple[str, list[str]]:
    """``_SPACED.sub(_collapse, text)`` from its matches ``runs``, and the runs collapsed into
    one token."""
    pieces = []
    collapsed = []
    pos = 0
    for run in runs:
        pieces.append(text[pos : run.start()])
        joined = _collapse(run)
        pieces.append(joined)
        if joined != run.group():  # (a row of numbers is kept as it was)
            collapsed.extend(joined.split())
        pos = run.end()
    pieces.append(text[pos:])
    return "".join(pieces), collapsed


def _split_symbols(text: str) -> list[re.Match[str]]:
    """The matches of ``_SPLIT_SYMBOL`` in ``text``, in order, as ``finditer`` gives them.

    Each match ends its group with the dash or slash of a "-\n" or "/\n", found in the order
    of the text by ``_MARK_END``, and starts where the digits before that mark start (the
    look-behind allows no letter or digit before them): the pattern is matched at the first of the five characters
    before the mark from which only digits lead to it. No two matches overlap (a match's
    characters after its digits are no digits), so these are all the matches."""
    found = []
    for line_end in _MARK_END.finditer(text):
        at = line_end.start() - 1
        start = at
        while start > 0 and at - start < 5 and text[start - 1].isdecimal():
            start -= 1
        if start < at:
            match = _SPLIT_SYMBOL.match(text, start)
            if match is not None:
                found.append(match)
    return found


def _joined(text: str, matches: list[re.Match[str]]) -> str:
    """``text`` with each of the ``matches`` (in order, not overlapping) replaced by its first
    group, as ``pattern.sub(r"\1", text)`` gives it."""
    pieces = []
    pos = 0
    for match in matches:
        pieces.append(text[pos : match.start()])
        pieces.append(match.group(1))
        pos = match.end()
    pieces.append(text[pos:])
    return "".join(pieces)


def _has_split_code(text: str) -> bool:
    """Whether ``_SPLIT_CODE`` matches anywhere in ``text``, found without scanning it all (the
    pattern opens with a look-behind and a digit: the engine would try it at every position).
    Every match holds "-\n" after at most 23 characters of its symbol, and reaches no further
    than the end of the next line; searched in that window, with the characters before it seen
    by the look-behind, the pattern finds exactly the matches of that "-\n"."""
    for mark in _DASH_END.finditer(text):
        at = mark.start() - 1
        line_end = text.find("\n", at + 2)
        if _SPLIT_CODE.search(text, max(0, at - 23), len(text) if line_end < 0 else line_end):
            return True
    return False


# The length from which a text is looked for letter-spaced runs before its single capitals
# are counted (characters).
_LONG_TEXT = 20_000
# Tokens judged to need no repair (memo shared by all documents, bounded).
_SOUND: set[str] = set()
_SOUND_MAX = 200_000
_SINGLE_CAPITALS = frozenset(
    chr(c) for c in range(0x20, 0x2000) if chr(c).isupper() and len(chr(c)) == 1
) | frozenset(chr(c) for c in range(0x1E00, 0x1F00) if chr(c).isupper())
_BLANKS = re.compile(r"(\s+)")  # (kept in the split: the text is joined back as it was)
# The tokens of _SOUND that _fix_token gave back unchanged ("GitHub", "TTgCP,": a capital
# inside an ASCII word that is no glued name); cleared only with _SOUND, so that every such
# token ever judged is here.
_SAME: set[str] = set()
# Tokens _fix_token changed, with what it gave (a memo as _SOUND: a PDF's glued words come back
# in every text taken from it).
_GLUED: dict[str, str] = {}
# The single capitals met as tokens so far (never cleared: at most len(_SINGLE_CAPITALS)).
_CAPITALS_SEEN: set[str] = set()


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
    # "số46", "Số08-CTr/ĐU", "NĂM2030"; a code in capitals ("QĐ12", "ĐT741") is no syllable
    # and stays
    if word.islower() or word.istitle() or (word.isupper() and is_syllable(word)):
        return word + " "
    return word
