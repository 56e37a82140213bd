"""The Vietnamese alphabet as data: every vowel with every tone, upper and lower case.

A Vietnamese letter is a base (``a ă â e ê i o ô ơ u ư y`` and ``đ``) plus at most one tone mark
(huyền, hỏi, ngã, sắc, nặng). The tables here are built once from :mod:`unicodedata` and used by
the legacy-encoding converters, by tone normalisation and by folding.
"""

from __future__ import annotations

import unicodedata

#: Tone combining marks, in the traditional order huyền, hỏi, ngã, sắc, nặng.
TONE_MARKS: tuple[str, ...] = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
TONE_NAMES: tuple[str, ...] = ("huyen", "hoi", "nga", "sac", "nang")

#: Vowel bases (lower case) that carry tones.
VOWEL_BASES: tuple[str, ...] = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")

#: Letters without a tone that are not plain ASCII.
HAT_LETTERS: tuple[str, ...] = ("ă", "â", "ê", "ô", "ơ", "ư", "đ")


def _compose(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


#: (base, tone index) -> letter, lower and upper case; tone index -1 means no tone.
LETTER: dict[tuple[str, int], str] = {}
#: letter -> (base, tone index)
SPLIT: dict[str, tuple[str, int]] = {}

for _base in VOWEL_BASES:
    for _b in (_base, _base.upper()):
        LETTER[(_b, -1)] = _b
        SPLIT[_b] = (_b, -1)
        for _i, _mark in enumerate(TONE_MARKS):
            _letter = _compose(_b, _mark)
            LETTER[(_b, _i)] = _letter
            SPLIT[_letter] = (_b, _i)
for _b in ("đ", "Đ"):
    LETTER[(_b, -1)] = _b
    SPLIT[_b] = (_b, -1)

#: Every Vietnamese letter that is not plain ASCII (134 = 67 lower + 67 upper).
VIETNAMESE_LETTERS: tuple[str, ...] = tuple(
    sorted({ch for ch in SPLIT if not ch.isascii()}, key=lambda c: (c.lower(), c.isupper()))
)

#: Every lowercase Vietnamese letter with a diacritic (67).
LOWER_LETTERS: tuple[str, ...] = tuple(c for c in VIETNAMESE_LETTERS if c.islower())


def strip_diacritics(ch: str) -> str:
    """The ASCII base of one letter ("ậ" -> "a", "Đ" -> "D"); other characters unchanged."""
    if ch in ("đ", "Đ"):
        return "d" if ch == "đ" else "D"
    decomposed = unicodedata.normalize("NFD", ch)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    return out if len(out) == 1 else ch
