"""The footer's two columns — "Nơi nhận" on the left, the signature on the right — as a
layout-keeping PDF-to-text converter prints them side by side, read one after the other as a
person reads them. Split from :mod:`vanban.signature`, which reads the recipients and the
signature block from what these give.
"""

from __future__ import annotations

import re

from vanban.lines import Line

# The footer's two columns printed side by side (a layout-keeping PDF-to-text converter):
# "- Các chi bộ trực thuộc,          Trần Văn Bình". A gap of four blanks or a tab between two
# words is the gutter; a line starting about as far right holds the right column alone.
_COLUMN_GAP = re.compile(r"(?<=\S)(?: {4,}|\t[ \t]*)(?=\S)")
_GUTTER_SLACK = 4  # a centred line of the right column may start a little left of the others


def column_gutter(text: str, lines: list[Line]) -> int | None:
    """Where the right column starts (characters from the line's start) on the lines cut by a
    column gap, the leftmost such start; None when no line is cut."""
    if not lines:
        return None
    start, end = lines[0].start, lines[-1].end
    if text.find("    ", start, end) < 0 and text.find("\t", start, end) < 0:
        return None  # no gap wide enough anywhere (most texts): nothing to look for
    starts = [
        line.cstart - line.start + gap.end()
        for line in lines
        if (gap := _COLUMN_GAP.search(line.text)) is not None
    ]
    return min(starts) if starts else None


def in_right_column(text: str, line: Line, gutter: int | None) -> bool:
    """A line of the right column alone: indented by a tab, or, beside lines cut by a column
    gap, starting about where their right parts start."""
    indent = text[line.start : line.cstart]
    if "\t" in indent:
        return True
    return gutter is not None and len(indent) >= gutter - _GUTTER_SLACK


def left_of_gap(text: str, line: Line) -> Line:
    gap = _COLUMN_GAP.search(line.text)
    if gap is None:
        return line
    end = line.cstart + gap.start()
    return Line(line.start, end, text[line.cstart : end], line.cstart, end)


def columns_read_in_turn(text: str, lines: list[Line]) -> list[Line]:
    """The last lines with the footer's columns read one after the other, as a person reads
    them: when a line is cut by a column gap, every line's left part in order, then the right
    column's parts (those after a gap, and lines indented alone to the right) in order."""
    gutter = column_gutter(text, lines)
    if gutter is None:
        return lines
    left: list[Line] = []
    right: list[Line] = []
    for line in lines:
        if in_right_column(text, line, gutter):
            right.append(line)
            continue
        gap = _COLUMN_GAP.search(line.text)
        if gap is None:
            left.append(line)
            continue
        left.append(left_of_gap(text, line))
        start = line.cstart + gap.end()
        right.append(Line(start, line.end, text[start : line.cend], start, line.cend))
    return left + right
