"""Lines of the parser's text, and the values cut from them.

The parser's text is normalised (:func:`vanban.normalize.normalize_text`): its only blanks are
" ", "\\t" and "\\n", and no line ends with a blank. The helpers here rely on that to take the
quick path; they are shared by the parts of the parser (see :mod:`vanban.parser`)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from typing import cast

from vanban.normalize import continues, fold_aligned
from vanban.patterns import CAPS_TAIL_RE, LETTER_RE
from vanban.pdftext import letter_counts

EDGE = " \t*#_>"
# Markdown markers: runs of "*" (``\*{1,3}`` matched again and again is every "*"), removed
# or blanked with ``str.replace`` (a regex without a literal prefix tries every position).


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past blanks and markdown markers at both ends."""
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


def field_value(text: str) -> str:
    """A field value: markdown markers removed, whitespace collapsed."""
    if "*" in text:
        text = text.replace("*", "")
    # Already collapsed when the only blanks are single inner spaces. The parser's text is
    # normalised (see :func:`normalize_text`): its only whitespace characters are " ", "\t" and
    # "\n", so looking for those two is enough (and cheaper than ``isprintable``).
    if (
        "\n" not in text
        and "\t" not in text
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
    ):
        return text
    return " ".join(text.split())


def line_value(text: str) -> str:
    """:func:`field_value` of a piece of one line of the parser's text that starts and ends with a
    character other than a blank (as every line of a normalised text ends): only a tab, a double
    space or a markdown marker can make it differ from the piece."""
    if "*" in text or "\t" in text or "  " in text:
        return field_value(text)
    return text


class Line:
    """One line: its bounds, and its content trimmed of blanks and markdown at the ends."""

    __slots__ = ("_folded", "cend", "cstart", "end", "start", "text")

    def __init__(self, start: int, end: int, text: str, cstart: int, cend: int) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.cstart = cstart
        self.cend = cend
        self._folded: str | None = None

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold_aligned(self.text)
        return self._folded


def split_lines(text: str, start: int, end: int, limit: int) -> list[Line]:
    """The first ``limit`` lines of [start, end) (a last empty line when it ends with "\n")."""
    out: list[Line] = []
    if start > end or limit <= 0:
        return out
    if end > len(text):  # not met in practice: the bounds of the last line stay as given
        pos = start
        while pos <= end and len(out) < limit:
            nl = text.find("\n", pos, end)
            stop = end if nl < 0 else nl
            cs, ce = trim(text, pos, stop)
            out.append(Line(pos, stop, text[cs:ce], cs, ce))
            if nl < 0:
                break
            pos = nl + 1
        return out
    pos = start
    edge = EDGE
    append = out.append
    # The first ``limit`` lines from a bounded chunk when it holds them all (``limit`` line
    # breaks), instead of copying the whole rest of [start, end).
    pieces: list[str] = []
    if end - start > 8192 and limit < 100:
        pieces = text[start : start + 8192].split("\n", limit)
    if len(pieces) <= limit:
        pieces = text[start:end].split("\n", limit)
    for piece in pieces[:limit]:
        size = len(piece)
        stop = pos + size
        content = piece.strip(edge)
        kept = len(content)
        if kept == size:
            append(Line(pos, stop, piece, pos, stop))
        else:
            cs = stop - len(piece.lstrip(edge)) if kept else stop
            append(Line(pos, stop, content, cs, cs + kept))
        pos = stop + 1
    return out


def iter_lines(text: str, start: int, end: int, limit: int, chunk: int = 16) -> Iterator[Line]:
    """The lines of :func:`split_lines`, made a few at a time for a caller that may stop early."""
    while limit > 0:
        size = min(chunk, limit)
        lines = split_lines(text, start, end, size)
        yield from lines
        if len(lines) < size:
            return
        limit -= size
        start = lines[-1].end + 1
        chunk *= 2


def join_wrapped(
    text: str,
    lines: Iterable[Line],
    apart: Callable[[Line], bool] | None = None,
    joins: Callable[[str, str], bool] = continues,
) -> Iterator[Line]:
    """The non-empty lines, with those a wrap broke off one paragraph joined into one
    :class:`Line` (:func:`vanban.normalize.continues`), made as the caller reads them. The
    joined line's text reads each line break as a space, so its offsets stay those of
    ``text``. ``apart`` names lines never joined (a date line); ``joins`` may narrow the rule."""
    block: Line | None = None
    last: Line | None = None  # the last non-empty line, while no blank line follows it
    for line in lines:
        if not line.text:
            last = None
            continue
        if (
            block is not None
            and last is not None
            and joins(last.text, line.text)
            and not (apart is not None and (apart(line) or apart(last)))
        ):
            joined = text[block.cstart : line.cend].replace("\n", " ")
            block = Line(block.start, line.end, joined, block.cstart, line.cend)
        else:
            if block is not None:
                yield block
            block = line
        last = line
    if block is not None:
        yield block


class LineTable:
    """The lines of one text, split once and shared by the parts of the parser: each part asks
    for the lines of a range (:meth:`lines`, :meth:`iter`) and gets the same :class:`Line`
    objects as the others for the lines they share (their folded text is computed once), and
    the same lines :func:`split_lines` would make. A range that does not start at a line start
    is split as before.

    A line is made when a range first reaches it (the parts read the header's, the items' and
    the footer's lines: about half of a text's lines, fewer of a long one); a range is then a
    slice of the list, its last line cut when the range ends inside it."""

    __slots__ = ("_lines", "_pieces", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._pieces = pieces = text.split("\n")
        # start of line j: the lengths of the lines before it, plus one "\n" each (a plain
        # loop costs less than accumulate over two maps for the few dozen lines of a text)
        starts = [0]
        append = starts.append
        pos = 0
        for piece in pieces:
            pos += len(piece) + 1
            append(pos)
        self._starts = starts
        self._lines: list[Line | None] = [None] * len(pieces)  # made by _make

    def _make(self, index: int, stop: int) -> None:
        """Make the lines of [index, stop) not made yet."""
        lines, pieces, starts = self._lines, self._pieces, self._starts
        for at in range(index, stop):
            if lines[at] is None:
                lines[at] = _make_line(pieces[at], starts[at])

    def _first(self, start: int, end: int) -> int:
        """Index of the line starting at ``start``, or -1 when [start, end) is not answered
        from the table (not a line start, or beyond the text)."""
        if end > len(self.text):
            return -1
        index = bisect_left(self._starts, start)
        if index >= len(self._pieces) or self._starts[index] != start:
            return -1
        return index

    def lines(self, start: int, end: int, limit: int) -> list[Line]:
        """``split_lines(self.text, start, end, limit)``."""
        if start > end or limit <= 0:
            return []
        index = self._first(start, end)
        if index < 0:
            return split_lines(self.text, start, end, limit)
        # the lines from ``index`` that start at or before ``end``, at most ``limit`` of them;
        # only the last can reach past ``end`` (the next one starts after its end)
        stop = bisect_right(self._starts, end, index, min(len(self._pieces), index + limit))
        made = self._lines[index:stop]
        if None in made:  # (a C scan: the lines of most ranges after the first are made)
            self._make(index, stop)
            made = self._lines[index:stop]
        out = cast("list[Line]", made)
        if out and out[-1].end > end:
            last = out[-1]
            out[-1] = _make_line(self.text[last.start : end], last.start)
        return out

    def iter(self, start: int, end: int, limit: int) -> Iterator[Line]:
        """The lines of :meth:`lines`, for a caller that may stop early."""
        if start > end or limit <= 0:
            return iter(())
        if self._first(start, end) < 0:
            return iter_lines(self.text, start, end, limit)
        return iter(self.lines(start, end, limit))


def _make_line(piece: str, pos: int) -> Line:
    """The :class:`Line` of ``piece`` starting at ``pos`` (as :func:`split_lines` makes it)."""
    size = len(piece)
    stop = pos + size
    content = piece.strip(EDGE)
    kept = len(content)
    if kept == size:
        return Line(pos, stop, piece, pos, stop)
    cs = stop - len(piece.lstrip(EDGE)) if kept else stop
    return Line(pos, stop, content, cs, cs + kept)


def caps_tail(segment: str) -> re.Match[str] | None:
    """``re.search(r"[ \\t]+((?:[CAPS]{1,10}[ \\t]*){2,6})$", segment)``: blanks, then words of
    capitals up to the end, cut in 2 to 6 pieces of at most 10 letters. That pattern tries every
    cut (a long run of capitals has thousands); CAPS_TAIL_RE cuts each word into as few pieces as it
    can, and only there, so it matches where some cut has at most 6 pieces. A cut into 2 or
    more exists unless the capitals are one letter, and a later start has fewer letters, so the
    leftmost match is the same."""
    found = CAPS_TAIL_RE.search(segment)
    if found is None or len(found.group(1).rstrip(" \t")) < 2:
        return None
    return found


_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


def is_caps(text: str, minimum: int = 2) -> bool:
    """Mostly upper-case letters (85 %), at least ``minimum`` of them."""
    if text.isupper():
        if len(text) >= minimum and text[:minimum].isalpha():
            return True  # (an alphabetic character is a letter of LETTER_RE)
        return len(text) >= minimum and len(LETTER_RE.findall(text, 0, 40)) >= minimum
    text = text[:200]
    # Lower-case ASCII letters are letters that are not upper case: more of them than 15 % of
    # the characters settles it (the regex class below costs several Unicode look-ups per
    # character). They are counted as bytes of the UTF-8 form: a byte "a"-"z" is never part of
    # a longer sequence, and deleting bytes is a C loop, several times cheaper than finding the
    # runs of "[a-z]+" with the regex engine.
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded) - len(encoded.translate(None, _ASCII_LOWER)) > 0.15 * len(text):
        return False
    # (the letters and capitals counted from the characters' codes, a few C passes; the regex
    # when a character has none)
    counts = letter_counts(text)
    if counts is None:
        found = LETTER_RE.findall(text)
        counts = len(found), sum(map(str.isupper, found))
    letters, upper = counts
    if letters < minimum:
        return False
    return upper >= 0.85 * letters


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(label: str) -> int | None:
    """Value of a Roman numeral, or None when it is not one written the usual way."""
    total = 0
    prev = 0
    for ch in reversed(label.upper()):
        value = _ROMAN.get(ch)
        if value is None:
            return None
        if value < prev:
            total -= value
        else:
            total += value
            prev = value
    return total if total > 0 and int_to_roman(total) == label.upper() else None


def int_to_roman(value: int) -> str:
    out = []
    for number, letters in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def blank_out(match: re.Match[str]) -> str:
    """Spaces in place of a match (offsets kept)."""
    return " " * len(match.group())


class LineMatch:
    """A line match with its leading "\\n" left out of ``start()`` and ``group()``."""

    __slots__ = ("match", "skip")

    def __init__(self, match: re.Match[str], skip: int | None = None) -> None:
        self.match = match
        if skip is None:
            skip = 1 if match.group().startswith("\n") else 0
        self.skip = skip

    def start(self, group: int = 0) -> int:
        return self.match.start(group) + (self.skip if group == 0 else 0)

    def end(self, group: int = 0) -> int:
        return self.match.end(group)

    def group(self, group: int = 0) -> str:
        return self.match.group(group) if group else self.match.group()[self.skip :]


def line_matches(
    patterns: tuple[re.Pattern[str], re.Pattern[str]], text: str, start: int, end: int
) -> Iterator[LineMatch]:
    """Matches of a line pattern at the start of each line in [start, end)."""
    first, after_newline = patterns
    if start == 0:
        match = first.match(text, 0, end)
        if match:
            yield LineMatch(match)
        pos = 0
    else:
        pos = start - 1
    for match in after_newline.finditer(text, pos, end):
        yield LineMatch(match, 1)  # the pattern starts with "\n"
