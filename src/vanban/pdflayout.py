"""The text of a PDF page in the order a person reads it, from where its glyphs stand.

A PDF's content stream draws glyphs in whatever order the program that wrote it chose; pypdf's
``extract_text`` follows that order and guesses blanks from the stream's own space characters.
Administrative documents lose three things that way: the blank lines between blocks (the title,
the body's paragraphs, the footer), the order of the two-column header and footer (a table's
cells: the issuing body beside the national motto, "Nơi nhận" beside the signature), and the
blank between two runs of text placed apart without a space character ("Chỉ thị" "số").

pdfminer.six's layout analysis (a maintained library: glyphs grouped into lines and lines into
boxes by their positions, a blank put where two glyphs stand farther apart than a word gap) gives
the boxes; this module only orders them: top to bottom, and boxes side by side — the columns of
a header or a footer — left column first, each column top to bottom. Boxes are separated by a
blank line; the lines inside a box stay as laid out (the parser reads wrapped paragraphs whole).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

# The least gap between two columns (points), and the vertical gap under which two boxes of one
# column are one block (a fraction of a line's height): the lines of a table's cell.
_GUTTER = 4.0
_SAME_BLOCK = 1.5


class _Box:
    __slots__ = ("bottom", "left", "right", "text", "top")

    def __init__(self, left: float, bottom: float, right: float, top: float, text: str) -> None:
        self.left, self.bottom, self.right, self.top, self.text = left, bottom, right, top, text


def page_texts(path: Path, max_pages: int) -> Iterator[str]:
    """The text of each page (at most ``max_pages``), boxes in reading order. Raises what
    pdfminer.six raises on a PDF it cannot read (the caller falls back to the text stream)."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextBox

    params = LAParams(line_margin=0.5, word_margin=0.1, char_margin=2.0, boxes_flow=None)
    for page in extract_pages(str(path), laparams=params, maxpages=max_pages):
        boxes = [
            _Box(item.x0, item.y0, item.x1, item.y1, text.rstrip("\n"))
            for item in page
            if isinstance(item, LTTextBox) and (text := item.get_text()).strip()
        ]
        yield page_text(boxes)


def page_text(boxes: list[_Box]) -> str:
    """The boxes as text: the blocks of :func:`reading_order`, a blank line between blocks."""
    return "\n\n".join("\n".join(box.text for box in block) for block in reading_order(boxes))


def reading_order(boxes: list[_Box]) -> list[list[_Box]]:
    """Blocks of boxes in reading order. Going down the page, boxes are gathered while they fall
    into two columns or more with a gutter between them (a table's row: the header, the
    footer); such a stretch is read column by column, left first, each column top to bottom.
    A box that spans the gutter (a title, a paragraph) ends the stretch. In a column, boxes
    closer than a line's height are one block (a cell's lines)."""
    out: list[list[_Box]] = []
    stretch: list[_Box] = []
    for box in sorted(boxes, key=lambda b: (-b.top, b.left)):
        if stretch and len(_clusters([*stretch, box])) < 2:
            out.extend(_blocks(stretch))
            stretch = []
        stretch.append(box)
    out.extend(_blocks(stretch))
    return out


def _clusters(boxes: list[_Box]) -> list[list[_Box]]:
    """The boxes in columns: groups whose horizontal extents overlap, left to right, a gutter of
    at least ``_GUTTER`` points between two groups."""
    columns: list[list[_Box]] = []
    right = float("-inf")
    for box in sorted(boxes, key=lambda b: b.left):
        if columns and box.left < right + _GUTTER:
            columns[-1].append(box)
            right = max(right, box.right)
        else:
            columns.append([box])
            right = box.right
    return columns


def _blocks(stretch: list[_Box]) -> list[list[_Box]]:
    blocks: list[list[_Box]] = []
    for column in _clusters(stretch):
        previous: _Box | None = None
        for box in sorted(column, key=lambda b: -b.top):
            line = _line_height(box)
            if previous is not None and previous.bottom - box.top < _SAME_BLOCK * line:
                blocks[-1].append(box)
            else:
                blocks.append([box])
            previous = box
    return blocks


def _line_height(box: _Box) -> float:
    return (box.top - box.bottom) / (box.text.count("\n") + 1)
