"""The Vietnamese syllable grammar, used to split words a PDF glued together.

Every Vietnamese word is written as syllables separated by blanks, and a syllable is::

    [onset] [medial o/u] nucleus [coda] + at most one tone mark

* onset: b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x (or none);
* nucleus: one vowel a ă â e ê i o ô ơ u ư y, or a diphthong iê/yê/ia/ya, uô/ua, ươ/ưa;
* coda: c ch m n ng nh p t, or a glide i y o u;
* tones: ngang (none), huyền, sắc, hỏi, ngã, nặng; a syllable closed by c, ch, p or t takes only
  sắc or nặng; ă and â are never the last letter.

and the rime follows the spelling's rules (see ``_SYLLABLE``: "ch"/"nh" only after a, ê, i, y;
no final after ia, ua, ưa; a final after iê, uô, ươ …), so "thựch", "quyềnh" or "iáo" are none.

A syllable therefore holds exactly one run of vowels. A run of letters with two vowel runs
separated by consonants ("Giaothông", "vềlãnh", "thịsố") is not one syllable: it is split into
the fewest syllables that each follow the grammar ("vềlãnh" -> "về lãnh"). A capital after a
small letter begins a word ("BộCông"); a leading capitals-only abbreviation is kept whole when
the rest splits ("SMEngày" -> "SME ngày"). Runs without any Vietnamese letter ("online",
"Covid") are left alone, and a run cut by the grammar alone needs two pieces marked as Vietnamese
(tone, vowel mark or đ): loanwords such as "Lênin" or "panô" are one word with one mark — unless
the pieces make one word of underthesea's Viet74K lexicon ("Giao" "thông"), and never when the
lexicon lists the run whole ("côngtơ"). Where two cuts give as few syllables ("bí thư" / "bít
hư", "trung ương" / "trun gương") the lexicon's words decide, then the consonants go to the
next syllable's start (see :mod:`vanban.ocr_words` for the lexicon).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

from vanban.ocr_words import forms_word, is_known_syllable, is_word, is_written_whole

_TONES = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_STOP_CODA = ("c", "ch", "p", "t")
# The rime's shape (tone marks off): a medial glide before the vowels that take one; an open
# diphthong (ia, ua, ưa) without a final; a closed one (iê, uô, ươ) with one; "ch" and "nh" only
# after a, ê, i, y; "c" and "ng" never after ê, i, y, ơ; the glides o and u only after the
# vowels that end in them ("ao", "êu", "iêu") — so "thựch", "quyềnh", "iáo" are no syllables.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
    r"(?:o(?=[aăe])|u(?=[âêyơ]))?"
    r"(?:"
    r"(?:ia|ya|ua|ưa)"
    r"|(?:iê|yê|uô|ươ)(ng|[cmnpt]|[iu])"
    r"|[aêiy](ch|nh)"
    r"|[aăâeoôuư](ng|c)"
    r"|[aăâeêioôơuưy]([mnpt])"
    r"|(?:[aâ][uy]|[ae]o|[êiư]u|[aoôơuư]i)"
    r"|([aeêioôơuưy])"
    r")"
)
_VOWELS = "aăâeêioôơuưy"


@lru_cache(maxsize=8192)
def _shape(part: str) -> tuple[str, int] | None:
    """The letters of ``part`` without tone marks (lower case, NFC) and its tone, or None when
    it has more than one tone mark."""
    tone = 0
    letters = []
    for ch in unicodedata.normalize("NFD", part.lower()):
        mark = _TONES.get(ch)
        if mark is not None:
            if tone:
                return None
            tone = mark
        else:
            letters.append(ch)
    return unicodedata.normalize("NFC", "".join(letters)), tone


@lru_cache(maxsize=8192)
def is_syllable(part: str) -> bool:
    """True when ``part`` is one Vietnamese syllable by the grammar above."""
    shaped = _shape(part)
    if shaped is None:
        return False
    letters, tone = shaped
    found = _SYLLABLE.fullmatch(letters)
    if found is None:
        return False
    final = found.group(1) or found.group(2) or found.group(3) or found.group(4)
    return not (final in _STOP_CODA and tone not in (2, 5))


def is_vowel(ch: str) -> bool:
    """Whether the character counts as a vowel where a word's runs of vowels are counted (a
    word of two runs is no syllable: it may be split)."""
    shaped = _shape(ch)
    return shaped is not None and shaped[0] in _VOWELS


def _vowel_runs(word: str) -> int:
    runs = 0
    inside = False
    for ch in word:
        vowel = is_vowel(ch)
        if vowel and not inside:
            runs += 1
        inside = vowel
    return runs


@lru_cache(maxsize=16384)
def split_glued(word: str) -> tuple[str, ...] | None:
    """The syllables a glued run of letters is made of, or None when it is not glued (one
    syllable, a foreign word, an abbreviation) or does not split by the grammar.

    A capital after a small letter always begins a new word ("BộCông", "vụTỉnh"); each piece is
    then split by the grammar."""
    ascii_only = word.isascii()
    pieces: list[str] = []
    start = 0
    for i in range(1, len(word)):
        if word[i].isupper() and word[i - 1].islower():
            pieces.append(word[start:i])
            start = i
    pieces.append(word[start:])
    if ascii_only:
        # no Vietnamese mark: only a name glued in camel case whose every piece is a syllable
        # ("ChuHuy"); English words and brand names ("YouTube", "iPhone") have a piece that is not
        if len(pieces) > 1 and all(is_syllable(piece) for piece in pieces):
            return tuple(pieces)
        return None
    out: list[str] = []
    for piece in pieces:
        out.extend(_split_piece(piece))
    return tuple(out) if len(out) > 1 else None


def _split_piece(piece: str) -> tuple[str, ...]:
    caps = 0
    while caps < len(piece) and piece[caps].isupper():
        caps += 1
    # (a code in capitals glued to a syllable in small letters, "TWngày", has one run of
    # vowels too; where its last capital may begin the syllable, "VPTrúc" — a unit and its
    # drafter's name set small, printed so —, the run is left whole)
    one_run = _vowel_runs(piece) < 2
    if (one_run and not 2 <= caps < len(piece)) or is_syllable(piece):
        return (piece,)
    if one_run and _segment(piece[caps - 1 :]) is not None:
        return (piece,)
    if 2 <= caps < len(piece):
        # "SMEngày", "ĐỊNHVề": capitals then small letters; the last capital may begin the next
        # syllable. The cut that leaves the fewest syllables wins; on a tie the capital begins
        # the next word, as in "ĐỊNH Về".
        choices = []
        for cut in (caps,) if one_run else (caps - 1, caps):
            tail = _segment(piece[cut:])
            if tail is not None:
                choices.append((len(tail), cut != caps - 1, (piece[:cut], *tail)))
        return min(choices)[2] if choices else (piece,)
    parts = _segment(piece)
    # Loanwords are written as one run ("Lênin", "panô") and would split as well: a split by
    # the grammar alone needs two syllables marked as Vietnamese (a tone or a vowel mark, đ).
    if parts is None:
        return (piece,)
    if is_written_whole(piece) or (
        sum(not part.isascii() for part in parts) < 2
        and not _words_of_lexicon(piece, parts)
        and not _known_syllables_in_small_letters(piece, parts)
    ):
        # a word the lexicon lists in one piece ("panô", "ôtô", "côngtơ") is not glued; a
        # split with fewer marks stands when its syllables make words ("Giao" "thông"), or
        # when a run in small letters is made of syllables the lexicon's words hold ("thao"
        # "và", "gia" "lần": a loanword so written is listed whole, a name is capitalised)
        return (piece,)
    return parts


def _known_syllables_in_small_letters(piece: str, parts: tuple[str, ...]) -> bool:
    return piece.islower() and all(is_known_syllable(part) for part in parts)


def _words_of_lexicon(piece: str, parts: tuple[str, ...]) -> bool:
    """Whether the syllables make one word of the lexicon ("Giao" "thông"), or, in a run of one
    case only ("BANTHƯỜNG", "bannhân"), stand pairwise side by side in its words ("ban"
    "thường" of "ban thường vụ"). A capitalised run ("Lênin") is a name or a loanword: its
    syllables' neighbourhood in some word ("lê nin nít") proves nothing."""
    if is_word(parts):
        return True
    if not (piece.isupper() or piece.islower()):
        return False
    return all(forms_word(a, b) for a, b in itertools.pairwise(parts))


def _segment(word: str) -> tuple[str, ...] | None:
    """``word`` as the fewest syllables, or None. Where several splits have as few, the one
    whose neighbouring syllables make more words of the lexicon wins, then the one of more
    syllables the lexicon knows, then the one whose consonants begin a syllable rather than end
    one ("bí thư", not "bít hư"; "trung ương" by the lexicon, not "trun gương")."""
    n = len(word)
    best: list[list[tuple[str, ...]]] = [[] for _ in range(n + 1)]
    best[n] = [()]
    for start in range(n - 1, -1, -1):
        size = 0
        for end in range(start + 1, min(n, start + 7) + 1):
            rest = best[end]
            if not rest or not is_syllable(part := word[start:end]):
                continue
            count = len(rest[0]) + 1
            if not size or count < size:
                size = count
                best[start] = [(part, *r) for r in rest]
            elif count == size:
                best[start].extend((part, *r) for r in rest)
        del best[start][_MAX_SPLITS:]
    candidates = best[0]
    if len(candidates) < 2:
        return candidates[0] if candidates else None
    return max(candidates, key=_split_rank)


_MAX_SPLITS = 16  # ties kept per position (a glued run has a handful)


def _split_rank(parts: tuple[str, ...]) -> tuple[int, int, tuple[int, ...]]:
    pairs = sum(forms_word(a, b) for a, b in itertools.pairwise(parts))
    known = sum(is_known_syllable(part) for part in parts)
    return pairs, known, tuple(-len(part) for part in parts)
