"""Tone marks that OCR misread, mended by the words they belong to.

Tesseract's Vietnamese model reads the hook of the hỏi tone (``ả``) as an acute (sắc, ``á``)
or a tilde (ngã, ``ã``), or sees a hook that is a speck, when a scan is noisy: "tổ chức" comes
out "tố chức", "đổi mới" "đối mới", "chi bộ" "chỉ bộ". Each misread syllable is still a valid
Vietnamese syllable, so neither the syllable grammar (:mod:`vanban.syllables`) nor a list of
syllables can see the error — only the word it belongs to can. A syllable is changed when all
of these hold:

* it forms no word of the lexicon with its neighbours (an entry of two to four syllables, read
  on one line with nothing but a space between them);
* moving its tone between hỏi and one of sắc, ngã or none — the confusions of the hook — or
  taking away a nặng, whose dot below a speck can give ("ỦY BẠN NHÂN DÂN"), and only those, makes
  exactly one such word (a dot is never added: a lost dot was not measured, and allowing both
  ways doubled the changes on correct text); an "ẳ" may also be the "ả" whose hook OCR read
  with a breve ("ĐẲNG ỦY");
* the neighbours that word takes in are not already part of another word outside it: in "địa
  bàn tỉnh", "bàn" belongs to "địa bàn", so "tỉnh" is not turned into the "tính" of "bàn tính";
* the document does not write the syllable as read often (three times or more, and at least one
  syllable in 250) while the mended form stands nowhere in it: "của" in "các ban của Đảng ủy" is
  not the "cua" of "ban cua" (a plant) in a text full of "của" — but a "tống" misread four times
  in a long text for a "tổng" never read right is still mended.

Where no tone makes a word of the lexicon (a name: "Bạn Tuyên giáo", "TĨNH HẬU GIANG"), the
document is the lexicon: the one hook-confusable tone that the document writes beside the same
neighbour twice or more elsewhere, where the pair as read stands only here, is taken ("Ban
Tuyên giáo" written twice in the text). It follows the document's majority: a word OCR misread
twice and read right once is made wrong there (measured once in the 34 rendered documents,
against seven mended; never on correct text).

Where no hook-confusable tone makes a word either, any other tone may ("TÂM NHÌN", "tài từ",
"CHỈ TIỀU": OCR also drops a grave or reads a level tone as one), when it makes a word of the
lexicon with a neighbour that the document writes twice or more, and more often than the pair
as read, and that neighbour is not part of a word on its other side. So may another mark on one
letter, with any tone — a circumflex or a breve read for a hook ("QUẦN LÝ", "chuãn"), a horn
seen in a speck or lost ("SỬ DỰNG", "vự"), a stroke on a "d" ("đữ liệu").

The document's evidence (how often it writes a syllable or a pair) is counted on the text as
the lexicon's words mend it, not as read: a "chi bộ" misread "chỉ bộ" twenty times is mended
each time, and is no evidence for reading a "CHÍ BỘ" as "CHỈ BỘ". A word a syllable makes as
read does not keep it when the word's other syllable belongs to a word reaching outside it that
nothing contests, and the syllable mended makes a word the document writes elsewhere ("TRIỂN
KHAI THỊ HÀNH": "khai" belongs to "triển khai", "thi hành" is written in the text); lines in
capitals that follow one another are read as one run, as a title in capitals wraps its words.

Syllables are compared by their letters and their tone, so where a tone mark sits ("hoá" or
"hóa", "uỷ" or "ủy") does not matter. A changed syllable keeps the document's case.

The lexicon is the Viet74K word list of ``underthesea`` (a maintained Vietnamese NLP toolkit,
Apache-2.0), read from the installed package's data files without importing the package (its
import pulls in model code this library does not need). The issue behind this module rules out
a hand-written word list, and no smaller maintained package carries multi-syllable Vietnamese
words. Only lower-case entries are used, so proper names in the list ("Thắng Lợi") never turn
a name into a word. Where the package is not installed, :func:`mend_tones` changes nothing.
This runs on OCR's output only, never on text a document gave.
"""

from __future__ import annotations

import importlib.util
import itertools
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

# the five tone marks, combining; a syllable without one has the level tone (ngang)
_TONE_MARKS = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_HOI = 3
# the tones OCR confuses with hỏi: the hook read as an acute or a tilde, or seen in a speck; and
# a nặng seen in a speck under a syllable of the level tone
_HOOK_CONFUSIONS = {_HOI: (0, 2, 4), 0: (_HOI,), 2: (_HOI,), 4: (_HOI,), 5: (0,)}
_LONGEST_WORD = 4  # syllables
# a syllable the document writes this often (times, and share of its syllables: "của" is one
# in fifty of an official text, a misread "tống" for "tổng" one in a thousand) is its own
_USUAL = 3
_USUAL_SHARE = 0.004
_ELSEWHERE = 2  # times the document writes a pair for it to decide a syllable no word decides
_MANY_PLACES = 2  # different neighbours on each side for a usual syllable to be the document's
_LETTERS = re.compile(r"[^\W\d_]+")
_LEXICON_FILE = ("corpus", "data", "Viet74K.txt")


@lru_cache(maxsize=1 << 16)  # a text repeats its syllables: each is decomposed once
def _key(syllable: str) -> str:
    """The syllable's letters without tone mark, lower case, NFC, followed by its tone (0–5)."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    tone = 0
    letters = []
    for ch in decomposed:
        if ch in _TONE_MARKS:
            tone = _TONE_MARKS[ch]
        else:
            letters.append(ch)
    return unicodedata.normalize("NFC", "".join(letters)) + str(tone)


def lexicon_path() -> Path | None:
    """Where the installed ``underthesea`` keeps its word list, or None."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent.joinpath(*_LEXICON_FILE)
    return path if path.is_file() else None


class Lexicon:
    """Multi-syllable words by their syllables' keys, and one written form of each syllable."""

    def __init__(self, words: list[str]) -> None:
        self.words: set[tuple[str, ...]] = set()
        self.spelling: dict[str, str] = {}
        self.whole: set[str] = set()  # entries of one piece that hold two vowel groups or more
        self.names: set[tuple[str, ...]] = set()  # words with a capital: "Việt Nam"
        for entry in words:
            word = unicodedata.normalize("NFC", entry.strip())
            syllables = word.split(" ")
            if len(syllables) == 1 and len(word) > 3:
                self.whole.add(word.lower())
            if not 2 <= len(syllables) <= _LONGEST_WORD:
                continue
            if not all(_LETTERS.fullmatch(s) for s in syllables):
                continue
            keys = tuple(_key(s) for s in syllables)
            if word != word.lower():
                self.names.add(keys)
                continue
            self.words.add(keys)
            for syllable, key in zip(syllables, keys, strict=True):
                self.spelling.setdefault(key, syllable)


@lru_cache(maxsize=1)
def _installed_lexicon() -> Lexicon | None:
    path = lexicon_path()
    if path is None:
        return None
    return Lexicon(path.read_text(encoding="utf-8").splitlines())


def is_known_syllable(syllable: str) -> bool:
    """Whether ``syllable`` is a syllable of the lexicon's words (False without the lexicon)."""
    lexicon = _installed_lexicon()
    return lexicon is not None and _key(syllable) in lexicon.spelling


@lru_cache(maxsize=1)
def _word_pairs() -> frozenset[tuple[str, str]]:
    lexicon = _installed_lexicon()
    if lexicon is None:
        return frozenset()
    words = lexicon.words | lexicon.names
    return frozenset(pair for word in words for pair in itertools.pairwise(word))


def forms_word(first: str, second: str) -> bool:
    """Whether two syllables stand side by side in a word or name of the lexicon ("bí" "thư",
    "trung" "ương", "chí" "minh"); False without the lexicon."""
    return (_key(first), _key(second)) in _word_pairs()


def is_word(syllables: tuple[str, ...]) -> bool:
    """Whether the syllables together are one word or name of the lexicon ("giao" "thông",
    "VIỆT" "NAM")."""
    lexicon = _installed_lexicon()
    if lexicon is None:
        return False
    keys = tuple(_key(s) for s in syllables)
    return keys in lexicon.words or keys in lexicon.names


def is_written_whole(word: str) -> bool:
    """Whether the lexicon lists ``word`` in one piece, as loanwords are ("panô", "côngtơ")."""
    lexicon = _installed_lexicon()
    return lexicon is not None and unicodedata.normalize("NFC", word.lower()) in lexicon.whole


def mend_tones(text: str, lexicon: Lexicon | None = None) -> str:
    """``text`` with the hook misreads mended, line by line (see the module's docstring)."""
    lexicon = lexicon or _installed_lexicon()
    if lexicon is None:
        return text
    # the document's own evidence (how often it writes a syllable or a pair) is tallied on the
    # text as the lexicon's words mend it: a "chi bộ" misread "chỉ bộ" twenty times and mended
    # each time is no evidence for reading a "CHÍ BỘ" as "CHỈ BỘ"
    counts, pairs = _tally(text)
    mended = _mend_blocks(text, lexicon, counts, pairs, evidence=False)
    counts, pairs = _tally(mended)
    return _mend_blocks(text, lexicon, counts, pairs, evidence=True)


def _bare(key: str) -> str:
    """The syllable's letters without tone nor any letter's mark ("quân1" → "quan")."""
    decomposed = unicodedata.normalize("NFD", key[:-1].replace("đ", "d"))
    return "".join(ch for ch in decomposed if ch not in "\u0302\u0306\u031b")


def _written_pairs(
    pairs: Counter[tuple[str, str]], lexicon: Lexicon
) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """The words of two syllables the document writes twice or more, by their bare letters."""
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for pair, times in pairs.items():
        if times >= _ELSEWHERE and pair in lexicon.words:
            found.setdefault((_bare(pair[0]), _bare(pair[1])), []).append(pair)
    return found


def _tally(text: str) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    counts = Counter(_key(m.group()) for m in _LETTERS.finditer(text))
    pairs = Counter((_key(m.group(1)), _key(m.group(2))) for m in _PAIR.finditer(text))
    return counts, pairs


def _is_capitals(line: str) -> bool:
    return line.isupper()


def _mend_blocks(
    text: str,
    lexicon: Lexicon,
    counts: Counter[str],
    pairs: Counter[tuple[str, str]],
    *,
    evidence: bool,
) -> str:
    """``text`` mended line by line, lines in capitals that follow one another read as one: a
    title in capitals wraps its words over lines ("TRIỂN\nKHAI THỊ HÀNH", where "khai thị" is
    no word: "khai" belongs to "triển khai")."""
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        end = k + 1
        if _is_capitals(lines[k]):
            while end < len(lines) and _is_capitals(lines[end]):
                end += 1
        block = lines[k:end]
        # (joined by a space, the same length as the line break: an edit's place is the same)
        edits = _mend_line(" ".join(block), lexicon, counts, pairs, evidence=evidence)
        offset = 0
        for line in block:
            mended = line
            for start, stop, syllable in reversed(edits):
                if offset <= start < offset + len(line):
                    mended = mended[: start - offset] + syllable + mended[stop - offset :]
            out.append(mended)
            offset += len(line) + 1
        k = end
    return "\n".join(out)


_PAIR = re.compile(r"([^\W\d_]+) (?=([^\W\d_]+))")


def _mend_line(
    line: str,
    lexicon: Lexicon,
    counts: Counter[str],
    pairs: Counter[tuple[str, str]],
    *,
    evidence: bool = True,
) -> list[tuple[int, int, str]]:
    """The edits ``(start, end, syllable)`` of one line."""
    spans = [m.span() for m in _LETTERS.finditer(line)]
    if len(spans) < 2:
        return []
    edits: list[tuple[int, int, str]] = []
    run: list[tuple[int, int]] = []
    for span in spans:
        if run and line[run[-1][1] : span[0]] != " ":
            edits += _mend_run(line, run, lexicon, counts, pairs, evidence=evidence)
            run = []
        run.append(span)
    edits += _mend_run(line, run, lexicon, counts, pairs, evidence=evidence)
    return edits


def _mend_run(
    line: str,
    run: list[tuple[int, int]],
    lexicon: Lexicon,
    counts: Counter[str],
    pairs: Counter[tuple[str, str]],
    *,
    evidence: bool = True,
) -> list[tuple[int, int, str]]:
    """The edits of one run of syllables separated by single spaces; without ``evidence``, only
    those the lexicon's words decide."""
    if len(run) < 2:
        return []
    keys = [_key(line[a:b]) for a, b in run]
    capitals = [line[a].isupper() for a, _b in run]
    # a syllable written as a name's, a capital then small letters ("Lê Ánh Dương")
    named = [cap and not line[a:b].isupper() for cap, (a, b) in zip(capitals, run, strict=True)]
    edits = []
    for i, (start, end) in enumerate(run):
        # a word it makes whose other syllables all belong to words reaching outside it is no
        # word here: in "TRIỂN KHAI THỊ HÀNH", "khai" belongs to "triển khai", so "khai thị" does
        # not keep "THỊ" from the "thi hành" it makes without the speck's dot
        worded = _words_at(keys, i, lexicon)
        if any(not _displaced(keys, word, i, lexicon) for word in worded):
            continue
        fitting = []
        for candidate in _hook_variants(keys[i], lexicon):
            trial = [*keys[:i], candidate, *keys[i + 1 :]]
            words = _words_at(trial, i, lexicon)
            # (any of the words it makes: in "kịp thời biểu dương", "thời biểu" takes a
            # syllable of "kịp thời", "biểu dương" none)
            # (a word of a name's syllables only is no word: "Ánh Dương" is not "ảnh dương")
            # (a word that displaces one read needs the document to write it elsewhere: "lực kể
            # từ ngày", "hiệu" on the line above, is not "lực kế")
            if any(
                not _taken_elsewhere(keys, word, i, lexicon, capitals)
                and not _name_inside(named, word, i)
                and (not worded or _written_in(trial, word, pairs))
                for word in words
            ):
                fitting.append(candidate)
        if (
            len(fitting) == 1
            and _usual(keys[i], counts)
            and not counts[fitting[0]]
            and _in_many_places(keys[i], pairs, lexicon)
        ):
            continue
        if worded and len(fitting) != 1:
            continue
        if not fitting and evidence:
            fitting = _written_elsewhere(keys, i, lexicon, pairs)
        if not fitting and evidence and not _words_at(keys, i, lexicon):
            fitting = _word_written_elsewhere(keys, i, lexicon, pairs)
        if not fitting and evidence and keys[i] not in lexicon.spelling and not named[i]:
            # no syllable of the language as read ("chuấn"): its one hook-confusable tone that
            # is one, even where the lexicon lists no word it makes with its neighbours
            fitting = [v for v in _hook_variants(keys[i], lexicon) if counts[v] >= _ELSEWHERE]
        if len(fitting) == 1:
            keys[i] = fitting[0]
            edits.append((start, end, _in_case_of(line[start:end], lexicon.spelling[fitting[0]])))
    if evidence:
        edits += _mend_pairs(line, run, keys, named, lexicon, counts, pairs)
    return edits


def _mend_pairs(
    line: str,
    run: list[tuple[int, int]],
    keys: list[str],
    named: list[bool],
    lexicon: Lexicon,
    counts: Counter[str],
    pairs: Counter[tuple[str, str]],
) -> list[tuple[int, int, str]]:
    """Two neighbours both misread ("MAY MỘC" for "MÁY MÓC"), neither in a word: the one word of
    the lexicon with their letters, marks aside, that the document writes twice or more and more
    often than the pair as read."""
    edits: list[tuple[int, int, str]] = []
    written = None
    i = 0
    while i + 1 < len(keys):
        if (
            named[i]
            or named[i + 1]
            or _words_at(keys, i, lexicon)
            or _words_at(keys, i + 1, lexicon)
        ):
            i += 1
            continue
        if written is None:
            written = _written_pairs(pairs, lexicon)
        read = (keys[i], keys[i + 1])
        # (a syllable the document writes often is its own: "của"; a pair with no mark at all
        # is a text written without them, a file's name: "CVUB\\uy quyen")
        if (
            _usual(read[0], counts)
            or _usual(read[1], counts)
            or read
            == (
                _bare(read[0]) + "0",
                _bare(read[1]) + "0",
            )
        ):
            i += 1
            continue
        found = [
            pair
            for pair in written.get((_bare(read[0]), _bare(read[1])), [])
            if pairs[pair] > pairs[read] and pair[0] != read[0] and pair[1] != read[1]
        ]
        if len(found) != 1:
            i += 1
            continue
        for k in (i, i + 1):
            keys[k] = found[0][k - i]
            start, end = run[k]
            edits.append((start, end, _in_case_of(line[start:end], lexicon.spelling[keys[k]])))
        i += 2
    return edits


def _name_inside(named: list[bool], word: tuple[int, int], syllable: int) -> bool:
    """Whether the syllables ``word`` spans, made a word by mending ``syllable``, hold a
    name's: all of them ("Ánh Dương" is not "ảnh dương"), one after a syllable in small letters
    ("tỉnh Điện Biên" is not "tĩnh điện"), or — for a syllable in small letters — a first one
    that goes on a name before it ("Việt Nam tỉnh" is not "nam tính"). The lexicon's words are
    common words, written in small letters or capitalised from their first syllable on: a
    sentence's first word ("Tố chức …" at a line's start is still "Tổ chức"), a title or a
    body's name, whose capitalised syllable may be the misread one ("Tống Bí thư", "Ban Tố
    chức")."""
    start, end = word
    inside = named[start:end]
    leading = next((k for k, cap in enumerate(inside) if not cap), len(inside))
    return (
        leading == len(inside)
        or any(inside[leading:])
        or (not named[syllable] and leading > 0 and start > 0 and named[start - 1])
    )


# Two syllables split by a comma or a full stop that OCR read in a speck ("tăng, cường", "chỉ.
# đạo"): the mark glued to the first, one space, a small letter after (a comma before a capital may
# open a name: "cơ sở đảng, Đoàn Thanh niên").
_SPLIT = re.compile(r"([^\W\d_]+)([,.]) (?=([^\W\d_]+))")
_RUN_BEFORE = re.compile(r"(?:[^\W\d_]+ )*$")
_RUN_AFTER = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


def mend_split_words(text: str, lexicon: Lexicon | None = None) -> str:
    """Words of two syllables that a speck read as a comma or a full stop split, joined back.
    The mark goes when the two syllables make a word of the lexicon and neither belongs to a
    word on its other side ("học tập, quán triệt" keeps its comma: "tập quán" is a word, but so
    are "học tập" and "quán triệt"). A full stop before a small letter ends no sentence, so that
    is enough for it; a comma may be the writing's own ("phòng, chống tham nhũng" is how the law
    is named), so it goes only where the document itself writes the word without it more often
    than with it."""
    lexicon = lexicon or _installed_lexicon()
    if lexicon is None:
        return text
    folded = text.casefold()
    edits: list[int] = []
    for match in _SPLIT.finditer(text):
        first, mark, second = match.group(1), match.group(2), match.group(3)
        if not second[:1].islower() and not (first.isupper() and second.isupper()):
            continue
        if (_key(first), _key(second)) not in lexicon.words:
            continue
        line_start = text.rfind("\n", 0, match.start(1)) + 1
        before = _RUN_BEFORE.search(text[line_start : match.start(1)])
        left = [*(before.group().split() if before else []), first]
        after = _RUN_AFTER.match(text, match.end())
        right = after.group().split() if after else [second]
        if _words_at([_key(s) for s in left], len(left) - 1, lexicon):
            continue
        if _words_at([_key(s) for s in right], 0, lexicon):
            continue
        if mark == "," and _count(folded, f"{first} {second}") <= _count(
            folded, f"{first}, {second}"
        ):
            continue
        edits.append(match.start(2))
    for position in reversed(edits):
        text = text[:position] + text[position + 1 :]
    return text


def _count(folded: str, words: str) -> int:
    """How often ``words`` stands in ``folded`` (case folded) as whole words."""
    return len(re.findall(rf"(?<!\w){re.escape(words.casefold())}(?!\w)", folded))


def _written_elsewhere(
    keys: list[str], i: int, lexicon: Lexicon, pairs: Counter[tuple[str, str]]
) -> list[str]:
    """The one hook variant of syllable ``i`` that the document writes next to the same
    neighbour twice or more elsewhere, where the pair as read stands only here."""
    after = keys[i + 1] if i + 1 < len(keys) else None
    before = keys[i - 1] if i > 0 else None
    found = set()
    for candidate in _hook_variants(keys[i], lexicon):
        if after and pairs[(keys[i], after)] <= 1 and pairs[(candidate, after)] >= _ELSEWHERE:
            found.add(candidate)
        if before and pairs[(before, keys[i])] <= 1 and pairs[(before, candidate)] >= _ELSEWHERE:
            found.add(candidate)
    return sorted(found) if len(found) == 1 else []


def _word_written_elsewhere(
    keys: list[str], i: int, lexicon: Lexicon, pairs: Counter[tuple[str, str]]
) -> list[str]:
    """The one other tone or letter's mark of syllable ``i`` (any tone: OCR also drops a grave
    or reads a level tone as one, "TÂM NHÌN", "tài từ"; see :func:`_other_forms`) that makes a word of the lexicon with a neighbour — a
    word the document writes more often than the pair as read, and twice or more — where that
    neighbour is not part of a word on its other side ("khắc phục tính hình thức" keeps its
    "tính": "hình" belongs to "hình thức")."""
    found = set()
    for candidate in _other_forms(keys[i]):
        if candidate not in lexicon.spelling:
            continue
        for start in (i - 1, i):
            if start < 0 or start + 2 > len(keys):
                continue
            read = (keys[start], keys[start + 1])
            pair = (keys[start], candidate) if start < i else (candidate, keys[start + 1])
            if pairs[pair] < _ELSEWHERE or pairs[pair] <= pairs[read]:
                continue
            if pair in lexicon.words and not _taken_elsewhere(keys, (start, start + 2), i, lexicon):
                found.add(candidate)
    return sorted(found) if len(found) == 1 else []


# the letters whose marks OCR misreads: a circumflex or a breve for a hook ("QUẦN LÝ" for "QUẢN
# LÝ", "Đãy" for "Đẩy"), a horn lost or seen in a speck ("SỬ DỰNG"), a stroke through a "d"
_MARKED = ("aăâ", "eê", "oôơ", "uư", "dđ")
_MARK_OF = {ch: family for family in _MARKED for ch in family}


def _other_forms(key: str) -> list[str]:
    """The keys that differ from ``key`` in its tone, or in the mark of one letter and maybe
    its tone ("quân1" → "quân0" … "quan3" …)."""
    letters = key[:-1]
    spellings = [letters]
    for k, ch in enumerate(letters):
        for other in _MARK_OF.get(ch, ""):
            if other != ch:
                spellings.append(letters[:k] + other + letters[k + 1 :])
    return [form + t for form in spellings for t in "012345" if form + t != key]


def _usual(key: str, counts: Counter[str]) -> bool:
    """Whether the document writes the syllable ``key`` often enough for it to be its own."""
    return counts[key] >= max(_USUAL, _USUAL_SHARE * counts.total())


def _in_many_places(key: str, pairs: Counter[tuple[str, str]], lexicon: Lexicon) -> bool:
    """Whether the document writes the syllable ``key`` beside different syllables on both
    sides where it makes no word with them. A word of its own goes anywhere ("ban của Đảng",
    "kiến của tỉnh"); a syllable misread again and again inside one word keeps that word's
    other syllable on one side ("… tố chức" five times, "tổ" never read right), and the words
    it is read right in elsewhere ("chỉ đạo", "chỉ thị" beside "Chỉ bộ" read for "Chi bộ") are
    no evidence that the document writes it alone."""
    free = [pair for pair in pairs if key in pair and pair not in lexicon.words]
    before = {a for a, b in free if b == key}
    after = {b for a, b in free if a == key}
    return len(before) >= _MANY_PLACES and len(after) >= _MANY_PLACES


def _hook_variants(key: str, lexicon: Lexicon) -> list[str]:
    letters, tone = key[:-1], int(key[-1])
    found = [
        letters + str(other)
        for other in _HOOK_CONFUSIONS.get(tone, ())
        if letters + str(other) in lexicon.spelling
    ]
    if tone == _HOI and "ă" in letters:
        plain = letters.replace("ă", "a", 1) + str(tone)
        if plain in lexicon.spelling:
            found.append(plain)
    return found


def _words_at(keys: list[str], i: int, lexicon: Lexicon) -> list[tuple[int, int]]:
    """The spans ``(start, end)`` of lexicon words in ``keys`` that take in syllable ``i``."""
    found = []
    for size in range(2, _LONGEST_WORD + 1):
        for start in range(max(0, i - size + 1), min(i, len(keys) - size) + 1):
            if tuple(keys[start : start + size]) in lexicon.words:
                found.append((start, start + size))
    return found


def _taken_elsewhere(
    keys: list[str],
    word: tuple[int, int],
    i: int,
    lexicon: Lexicon,
    capitals: list[bool] | None = None,
) -> bool:
    """Whether a neighbour inside ``word`` already belongs to a word reaching outside it, or —
    written with capitals (``capitals``: each syllable's) — to a name of two syllables ("Việt
    Nam tỉnh" is not the "nam tính" of "Nam tỉnh")."""
    start, end = word
    for j in range(start, end):
        if j == i:
            continue
        for other in _words_at(keys, j, lexicon):
            if other[0] < start or other[1] > end:
                return True
        if capitals is None or not capitals[j]:
            continue
        if j == start and j > 0 and capitals[j - 1] and (keys[j - 1], keys[j]) in lexicon.names:
            return True
        if (
            j == end - 1
            and j + 1 < len(keys)
            and capitals[j + 1]
            and (keys[j], keys[j + 1]) in lexicon.names
        ):
            return True
    return False


def _written_in(keys: list[str], word: tuple[int, int], pairs: Counter[tuple[str, str]]) -> bool:
    """Whether the document writes each pair of syllables of ``word`` (in ``keys``)."""
    return all(pairs[pair] for pair in itertools.pairwise(keys[word[0] : word[1]]))


def _displaced(keys: list[str], word: tuple[int, int], i: int, lexicon: Lexicon) -> bool:
    """Whether a syllable of ``word`` other than ``i`` belongs to a word reaching outside it that
    nothing else contests ("TRIỂN KHAI" beside "KHAI THỊ"; not "kích tình" beside "tình
    nguyện" in "xung kích tình nguyện": "kích" belongs to "xung kích")."""
    start, end = word
    return any(
        (other[0] < start or other[1] > end) and not _taken_elsewhere(keys, other, j, lexicon)
        for j in range(start, end)
        if j != i
        for other in _words_at(keys, j, lexicon)
    )


def _in_case_of(found: str, syllable: str) -> str:
    if found.isupper():
        return syllable.upper()
    if found[:1].isupper():
        return syllable[:1].upper() + syllable[1:]
    return syllable


__all__ = [
    "Lexicon",
    "forms_word",
    "is_known_syllable",
    "is_word",
    "is_written_whole",
    "lexicon_path",
    "mend_split_words",
    "mend_tones",
]
