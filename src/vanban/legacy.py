"""Legacy Vietnamese font encodings: TCVN3 (ABC, the ``.VnTime`` fonts) and VNI (``VNI-Times``).

Both are 8-bit encodings that reuse the Latin-1 / Windows-1252 code points, so a legacy text
usually reaches us either as bytes or as Unicode text in which each byte became the Windows-1252
character of the same value ("Hµ Néi" for "Hà Nội"). Every function here works on such strings.

* TCVN3 (TCVN 5712:1993, VN3) gives one code to each lowercase letter with its tone and to the
  seven uppercase letters Ă Â Ê Ô Ơ Ư Đ. Other uppercase letters with tones have no code: offices
  type them with the uppercase font ``.VnTimeH`` over the lowercase codes. When decoding, words
  typed that way ("KÕ HO¹CH") are restored to upper case by :func:`_restore_caps`.
* VNI writes a base letter followed by a mark character (``a`` + ``ù`` = á, ``a`` + ``á`` = ấ);
  a few letters (ơ ư đ and the i/ỵ family) have a single code.
"""

from __future__ import annotations

import re
from itertools import islice

from vanban.letters import LETTER, SPLIT, VOWEL_BASES

# --- TCVN3 ---------------------------------------------------------------------------------------

# Codes for each vowel base, tones in the order huyền, hỏi, ngã, sắc, nặng (see letters.TONE_MARKS).
_TCVN3_TONED: dict[str, tuple[int, int, int, int, int]] = {
    "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TCVN3_PLAIN: dict[str, int] = {
    "Ă": 0xA1,
    "Â": 0xA2,
    "Ê": 0xA3,
    "Ô": 0xA4,
    "Ơ": 0xA5,
    "Ư": 0xA6,
    "Đ": 0xA7,
    "ă": 0xA8,
    "â": 0xA9,
    "ê": 0xAA,
    "ô": 0xAB,
    "ơ": 0xAC,
    "ư": 0xAD,
    "đ": 0xAE,
}

#: Unicode letter -> TCVN3 character (the Latin-1 character of the byte).
TCVN3_ENCODE: dict[str, str] = {k: chr(v) for k, v in _TCVN3_PLAIN.items()}
for _base, _codes in _TCVN3_TONED.items():
    for _tone, _code in enumerate(_codes):
        TCVN3_ENCODE[LETTER[(_base, _tone)]] = chr(_code)
#: TCVN3 character -> Unicode letter.
TCVN3_DECODE: dict[str, str] = {v: k for k, v in TCVN3_ENCODE.items()}
# Uppercase toned letters have no code of their own: encode them as their lowercase code.
for _letter, (_base, _tone) in SPLIT.items():
    if _letter.isupper() and _letter not in TCVN3_ENCODE and not _letter.isascii():
        TCVN3_ENCODE[_letter] = TCVN3_ENCODE[_letter.lower()]

_TCVN3_TABLE = str.maketrans(TCVN3_DECODE)
_TCVN3_ENCODE_TABLE = str.maketrans(TCVN3_ENCODE)
_TCVN3_LOWER_LETTERS = frozenset(v for v in TCVN3_DECODE.values() if v.islower())

_WORD = re.compile(r"[^\W\d_]+")


def tcvn3_encode(text: str) -> str:
    """Unicode text -> TCVN3 text (uppercase toned letters lose their case, as in the font)."""
    return text.translate(_TCVN3_ENCODE_TABLE)


def _is_caps_word(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def _blank(gap: str) -> bool:
    return bool(gap) and not gap.strip(" \t")


def _restore_caps(text: str) -> str:
    """Uppercase the lowercase TCVN3 letters of words typed in the uppercase ``.VnTimeH`` font."""
    words = list(_WORD.finditer(text))
    if not words:
        return text
    # 0: leave, 1: upper case, 2: decide from the neighbours
    state: list[int] = []
    for match in words:
        word = match.group()
        if word.isupper() or not any(c in _TCVN3_LOWER_LETTERS for c in word):
            state.append(1 if _is_caps_word(word) else 0)
            continue
        if any(c.islower() and c not in _TCVN3_LOWER_LETTERS for c in word):
            state.append(0)
            continue
        uppers = sum(1 for c in word if c.isupper())
        titlecase = word[0].isupper() and uppers == 1
        state.append(1 if uppers >= 1 and not titlecase else 2)
    out: list[str] = []
    last = 0
    for index, match in enumerate(words):
        word = match.group()
        if state[index] == 0 or word.isupper():
            continue
        if state[index] == 2:
            # neighbours count only when nothing but blanks separates them ("Số 30-KH" is not)
            prev = nxt = None
            if index > 0 and _blank(text[words[index - 1].end() : match.start()]):
                prev = state[index - 1]
            if index + 1 < len(words) and _blank(text[match.end() : words[index + 1].start()]):
                nxt = state[index + 1]
            line_end = text.find("\n", match.end())
            last_on_line = not _WORD.search(
                text, match.end(), len(text) if line_end < 0 else line_end
            )
            if word[0].isupper():
                # "Kế" before "HOẠCH": typed in .VnTimeH; "Kế hoạch" stays as it is
                caps = nxt == 1 or (last_on_line and prev == 1)
            else:
                caps = prev == 1 and (nxt == 1 or last_on_line)
            if not caps:
                continue
        out.append(text[last : match.start()])
        out.append(word.upper())
        last = match.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def tcvn3_decode(text: str, *, restore_caps: bool = True) -> str:
    """TCVN3 text (as Latin-1 characters) -> Unicode."""
    decoded = text.translate(_TCVN3_TABLE)
    return _restore_caps(decoded) if restore_caps else decoded


# --- VNI ------------------------------------------------------------------------------------------

# Mark characters, lower- and uppercase forms: tones, circumflex (+tone), breve (+tone).
_VNI_TONE = {"lower": "øûõùï", "upper": "ØÛÕÙÏ"}
_VNI_CIRC = {"lower": ("â", "àåãáä"), "upper": ("Â", "ÀÅÃÁÄ")}
_VNI_BREVE = {"lower": ("ê", "èúüéë"), "upper": ("Ê", "ÈÚÜÉË")}
# Letters with one code of their own.
_VNI_SINGLE: dict[str, str] = {
    "ơ": "ô",
    "Ơ": "Ô",
    "ư": "ö",
    "Ư": "Ö",
    "đ": "ñ",
    "Đ": "Ñ",
    "ì": "ì",
    "ỉ": "æ",
    "ĩ": "ó",
    "í": "í",
    "ị": "ò",
    "Ì": "Ì",
    "Ỉ": "Æ",
    "Ĩ": "Ó",
    "Í": "Í",
    "Ị": "Ò",
    "ỵ": "î",
    "Ỵ": "Î",
}

VNI_ENCODE: dict[str, str] = {}
for _base in VOWEL_BASES:
    for _case in ("lower", "upper"):
        b = _base if _case == "lower" else _base.upper()
        for _tone in range(-1, 5):
            letter = LETTER[(b, _tone)]
            if letter in _VNI_SINGLE:
                VNI_ENCODE[letter] = _VNI_SINGLE[letter]
                continue
            if b.lower() in ("â", "ê", "ô"):
                plain = {"â": "a", "ê": "e", "ô": "o"}[b.lower()]
                plain = plain if _case == "lower" else plain.upper()
                circ, circ_tones = _VNI_CIRC[_case]
                VNI_ENCODE[letter] = plain + (circ if _tone < 0 else circ_tones[_tone])
            elif b.lower() == "ă":
                plain = "a" if _case == "lower" else "A"
                breve, breve_tones = _VNI_BREVE[_case]
                VNI_ENCODE[letter] = plain + (breve if _tone < 0 else breve_tones[_tone])
            elif b.lower() in ("ơ", "ư"):
                VNI_ENCODE[letter] = _VNI_SINGLE[b] + ("" if _tone < 0 else _VNI_TONE[_case][_tone])
            elif _tone >= 0:
                VNI_ENCODE[letter] = b + _VNI_TONE[_case][_tone]
for _k in ("đ", "Đ"):
    VNI_ENCODE[_k] = _VNI_SINGLE[_k]

#: VNI sequence -> Unicode letter (one- and two-character sequences).
VNI_DECODE: dict[str, str] = {v: k for k, v in VNI_ENCODE.items() if v != k}
# "i" + tone mark is not what VNI produces, but some converters write it; accept it when reading.
for _case in ("lower", "upper"):
    _i = "i" if _case == "lower" else "I"
    for _tone, _mark in enumerate(_VNI_TONE[_case]):
        VNI_DECODE.setdefault(_i + _mark, LETTER[(_i, _tone)])

_VNI_PAIRS = sorted((k for k in VNI_DECODE if len(k) == 2), key=len, reverse=True)
_VNI_SINGLES = {k: v for k, v in VNI_DECODE.items() if len(k) == 1}
_VNI_RE = re.compile("|".join(re.escape(k) for k in _VNI_PAIRS + sorted(_VNI_SINGLES)))


def vni_encode(text: str) -> str:
    """Unicode text -> VNI text (as Windows-1252 characters)."""
    return "".join(VNI_ENCODE.get(ch, ch) for ch in text)


def vni_decode(text: str) -> str:
    """VNI text (as Windows-1252 characters) -> Unicode."""
    return _VNI_RE.sub(lambda m: VNI_DECODE[m.group()], text)


# --- detection -------------------------------------------------------------------------------------

_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_NUCLEUS = (
    "iêu|yêu|oai|oay|uây|uôi|ươi|ươu|uya|uyê|oeo|uyu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|"
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_SYLLABLE = re.compile(rf"(?:{_ONSET})?(?:{_NUCLEUS})(?:ch|ng|nh|c|m|n|p|t)?")
_VIET_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")


def _untoned(word: str) -> tuple[str, int]:
    """Lowercase word with tones removed (hats kept), and the number of tone marks."""
    tones = 0
    out = []
    for ch in word.lower():
        split = SPLIT.get(ch)
        if split is None:
            out.append(ch)
            continue
        base, tone = split
        if tone >= 0:
            tones += 1
        out.append(base)
    return "".join(out), tones


def vietnamese_score(text: str) -> int:
    """How much ``text`` looks like Vietnamese in Unicode: + for each valid syllable with a
    diacritic, - for each invalid non-ASCII word and for each stray Latin-1 symbol."""
    score = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isascii():
            continue
        base, tones = _untoned(word)
        if tones <= 1 and _SYLLABLE.fullmatch(base):
            score += 1
        else:
            score -= 1
    for ch in text:
        code = ord(ch)
        if 0x80 <= code <= 0xFF and ch not in _VIET_LATIN1 and not ch.isspace():
            if ch not in "«»°±²³¹·§©®¼½¾×÷¿¡" or code < 0xA0:
                score -= 1
            else:
                score -= 0  # typographic symbols occur in real text too
    return score


_LATIN1_HIGH = re.compile("[\u0080-\u00ff]")
_BEYOND_LATIN1 = re.compile("[\u0100-\u01b0\u1ea0-\u1ef9]")


def detect_legacy(text: str, sample: int = 50_000) -> str | None:
    """``"tcvn3"`` or ``"vni"`` when ``text`` reads better converted from that encoding."""
    if _LATIN1_HIGH.search(text, 0, sample) is None:
        return None
    # Unicode Vietnamese has letters beyond Latin-1 (ă đ ơ ư ạ ...); legacy text read as
    # Windows-1252 has none.
    probe = text[:3000]
    # characters in U+0080..U+00FF: in UTF-8 exactly those whose lead byte is C2 or C3
    # (continuation bytes are 80..BF; a lone surrogate becomes ED xx xx)
    encoded = probe.encode("utf-8", "surrogatepass")
    latin1_high = encoded.count(b"\xc2") + encoded.count(b"\xc3")
    threshold = max(3, latin1_high // 20)
    # more than ``threshold`` letters beyond Latin-1: stop counting at the one after it
    if next(islice(_BEYOND_LATIN1.finditer(probe), threshold, None), None) is not None:
        return None
    head = text[:sample]
    scores = {
        None: vietnamese_score(head),
        "tcvn3": vietnamese_score(tcvn3_decode(head, restore_caps=False)),
        "vni": vietnamese_score(vni_decode(head)),
    }
    best = max(scores, key=lambda k: (scores[k], k is None))
    if best is not None and scores[best] > scores[None] + 2:
        return best
    return None


def decode_legacy(text: str, encoding: str) -> str:
    """Convert a legacy string named by :func:`detect_legacy` to Unicode."""
    if encoding == "tcvn3":
        return tcvn3_decode(text)
    if encoding == "vni":
        return vni_decode(text)
    raise ValueError(encoding)
