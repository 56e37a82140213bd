"""The signature column of a scanned page, read again on its own when OCR of the page lost it.

On a scanned document the signature block stands beside "Nơi nhận", under the red seal and the
handwritten signature. Tesseract's page layout analysis takes that corner for a picture and drops
it whole: the page's text then has the recipients and no mandate, title or name ("KT. THỦ TƯỚNG"
/ "PHÓ THỦ TƯỚNG" / "Nguyễn Hòa Bình" gone). Read alone, as one block of text (``--psm 6``), the
same corner gives back most of its lines, with the seal's ring as noise around them.

So, on a page whose words show "Nơi nhận" in the left half and hardly a confident word to the
right of it, the right half of the page from a few lines above "Nơi nhận" to a quarter page
below is cut out (the page image is already in memory as an 8-bit grey PGM) and read again;
its lines that are mostly confident words are added after the page's text, each as Tesseract
read it, for the parser's signature rules to find. A mandate mark that OCR closed with a comma
or a colon ("KT, THỦ TƯỚNG") is written with its dot, as the format prints it. Nothing else is
guessed: a name the seal covered stays cut ("Hòa Bình"), and the review screen marks every field
from OCR as needing a look.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from vanban.normalize import fold

# Where to look, as fractions of the page: "Nơi nhận" starts in its left part; the signature
# column starts right of the middle; the block goes on at most this far below "Nơi nhận".
_LEFT_PART = 0.4
_RIGHT_COLUMN = 0.45
_BLOCK_DEPTH = 0.25
# A signature column already read: this many confident words beside "Nơi nhận".
_ENOUGH_WORDS = 3
_CONFIDENT = 60.0
# A line of the re-read corner is kept when most of its words are words read with some confidence.
_LINE_CONFIDENCE = 50.0
_WORD_LETTERS = re.compile(r"[^\W\d_]{2,}")
_MARK_MISREAD = re.compile(r"^(KT|TM|TL|TUQ|T/M|K/T|T/L)[,:;](?=[ \t])")


@dataclass(frozen=True)
class Word:
    left: int
    top: int
    width: int
    height: int
    confidence: float
    text: str
    line: tuple[str, ...]  # page, block, paragraph, line


def words_of(tsv: str) -> list[Word]:
    """The words of Tesseract's TSV, with their boxes."""
    words = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        try:
            left, top, width, height = (int(v) for v in cols[6:10])
            confidence = float(cols[10])
        except ValueError:
            continue
        words.append(Word(left, top, width, height, confidence, cols[11].strip(), tuple(cols[1:5])))
    return words


def corner_to_reread(
    words: list[Word], width: int, height: int
) -> tuple[int, int, int, int] | None:
    """The box (left, top, right, bottom) of the page to read again, or None when the page has
    no "Nơi nhận" in its left part or its signature column was read."""
    anchor = None
    for first, second in itertools.pairwise(words):
        if (
            first.line == second.line
            and first.left < width * _LEFT_PART
            and fold(first.text).startswith("noi")
            and fold(second.text).startswith("nhan")
        ):
            anchor = first  # the last "Nơi nhận" of the page
    if anchor is None:
        return None
    line = max(anchor.height, 1)
    top = max(0, anchor.top - 4 * line)
    bottom = min(height, anchor.top + int(height * _BLOCK_DEPTH))
    # (a long recipient line of the left column reaches past the middle: only lines that start
    # right of it are the signature column's)
    starts: dict[tuple[str, ...], int] = {}
    for w in words:
        starts.setdefault(w.line, w.left)
    beside = [
        w
        for w in words
        if starts[w.line] > width / 2
        and top <= w.top <= bottom
        and w.confidence >= _CONFIDENT
        and _WORD_LETTERS.search(w.text)
    ]
    if len(beside) >= _ENOUGH_WORDS:
        return None
    return int(width * _RIGHT_COLUMN), top, width, bottom


def kept_lines(words: list[Word]) -> list[str]:
    """The lines of the re-read corner worth the parser's look: specks cut from their ends, and
    only lines whose words are mostly words read with some confidence and whose first word has
    a capital."""
    lines: dict[tuple[str, ...], list[Word]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    out = []
    for line_words in lines.values():
        real = [w for w in line_words if _WORD_LETTERS.search(w.text)]
        while line_words and not _WORD_LETTERS.search(line_words[0].text):
            line_words = line_words[1:]
        while line_words and not _WORD_LETTERS.search(line_words[-1].text):
            line_words = line_words[:-1]
        if not line_words or len(real) * 2 < len(line_words):
            continue
        if sum(w.confidence for w in real) / len(real) < _LINE_CONFIDENCE:
            continue
        text = " ".join(w.text for w in line_words)
        text = re.sub(r"^[^\w/]+", "", text)  # a speck glued to the first word ("„KT,")
        if text.split()[0].islower():
            # the right half of a body line the corner cut ("… Bộ Công Th|ương biết và thực
            # hiện."): every line of a signature block opens with a capital (a mandate, a
            # title, a name — maybe behind a speck read as letters: "ssNgpuyên")
            continue
        out.append(_MARK_MISREAD.sub(r"\1.", text))
    return out
