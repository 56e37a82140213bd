"""Short letter-spaced words: two to four single capitals ("B A N THƯỜNG V Ụ", "S Ở", "Đ Í C
H") left spaced after :mod:`vanban.pdftext` collapsed the runs of five characters or more.

Alone, such a run may be initials or a table's letters; in a text already letter-spaced, the
words around it tell (see :func:`collapse_short_runs`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from vanban.syllables import is_syllable

# Two single characters side by side, the sign of a short spaced word left on a line after the
# runs of _SPACED collapsed ("B A N THƯỜNG V Ụ").
_SHORT_SPACED = re.compile(r"(?<!\S)\S \S(?!\S)")
_TOKEN = re.compile(r"\S+")


def collapse_short_runs(text: str, collapsed: list[str]) -> tuple[str, list[str]]:
    """``text``, where runs of _SPACED were collapsed into the tokens ``collapsed``, with the
    shorter spaced words collapsed too, and those words collapsed.

    A run of two to four single capitals separated by single spaces (a comma, semicolon,
    colon or full stop may end it, as one more spaced character: "B Ộ ,") is a spaced word
    only by the evidence around it, the text being letter-spaced already: three or four
    letters touching a collapsed run, another such run or a word in capitals on the same line,
    or forming a syllable on a line in capitals; two letters ("V Ụ", "S Ố") touching a
    collapsed run, or forming a syllable that touches a word in capitals on a line in
    capitals. Digits, marks ("a)"), small letters and initials on a line in small letters
    ("Nguyễn Văn A B") never collapse."""
    runs = set(collapsed)
    shorter: list[str] = []
    pieces = []
    pos = 0
    end = 0
    for pair in _SHORT_SPACED.finditer(text):
        if pair.start() < end:
            continue  # (a line already looked at)
        start = text.rfind("\n", 0, pair.start()) + 1
        end = text.find("\n", pair.end())
        if end < 0:
            end = len(text)
        fixed = _line_collapsed(text[start:end], runs, shorter)
        if fixed is not None:
            pieces.append(text[pos:start])
            pieces.append(fixed)
            pos = end
    if not pieces:
        return text, shorter
    pieces.append(text[pos:])
    return "".join(pieces), shorter


_TAILS = frozenset(",;:.")


def _line_collapsed(line: str, runs: set[str], shorter: list[str]) -> str | None:
    """``line`` with its short spaced words collapsed (see :func:`collapse_short_runs`), each
    added to ``shorter``; None when none is. ``runs``: the runs of _SPACED collapsed."""
    tokens = [line[m.start() : m.end()] for m in _TOKEN.finditer(line)]
    spans = [m.span() for m in _TOKEN.finditer(line)]
    # groups of single-character tokens one space apart, as [first, last] indexes of tokens
    groups: list[list[int]] = []
    for index, (start, end) in enumerate(spans):
        if end - start != 1:
            continue
        if groups and groups[-1][1] == index - 1 and spans[index - 1][1] + 1 == start:
            groups[-1][1] = index
        else:
            groups.append([index, index])
    # the words: (first, last) -> the letters, and the tail mark glued back after them
    words: dict[tuple[int, int], tuple[str, str]] = {}
    for first, last in groups:
        tail = tokens[last] if last - first >= 2 and tokens[last] in _TAILS else ""
        letters = "".join(tokens[first : last + (0 if tail else 1)])
        if 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper():
            words[first, last] = letters, tail
    if not words:
        return None
    in_capitals = not any(ch.islower() for ch in line)
    done: dict[tuple[int, int], str] = {}

    def touches(span: tuple[int, int], capitals: bool, spaced: Iterable[tuple[int, int]]) -> bool:
        for index in (span[0] - 1, span[1] + 1):
            if not 0 <= index < len(tokens):
                continue
            token = tokens[index]
            if token in runs:
                return True
            if capitals and token.isupper() and sum(ch.isalpha() for ch in token) >= 2:
                return True
            if any(first <= index <= last for first, last in spaced):
                return True
        return False

    for span, (letters, tail) in words.items():  # three or four letters
        if len(letters) >= 3 and (
            touches(span, True, words) or (in_capitals and is_syllable(letters))
        ):
            done[span] = letters + tail
    for span, (letters, tail) in words.items():  # two letters
        if len(letters) == 2 and (
            touches(span, False, list(done))
            or (in_capitals and is_syllable(letters) and touches(span, True, ()))
        ):
            done[span] = letters + tail
    if not done:
        return None
    pieces = []
    pos = 0
    for (first, last), word in sorted(done.items()):
        pieces.append(line[pos : spans[first][0]])
        pieces.append(word)
        pos = spans[last][1]
        shorter.append(word)
    pieces.append(line[pos:])
    return "".join(pieces)
