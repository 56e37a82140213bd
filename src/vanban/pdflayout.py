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

E-office systems stamp the number and the day of a signed document into the blanks the typist
left ("Số:      /SXD-QLN", "ngày    tháng 4 năm 2026") as the appearances of signature widgets,
annotations drawn over the page, not as page content. Text drawn by an annotation's appearance
into a blank of a printed line — printed glyphs on both sides of it, none under it — is read into
that line at its place; other annotation text (a receiving office's stamp over the margin, the
signature's own caption) stays out, as before. Some systems stamp the number and the day as a
small picture of the figures instead of text (a widget whose appearance is one image, a few
points wide): when Tesseract is installed, such a picture is read as figures only (the widget's
rectangle rendered at 300 dpi with pypdfium2, Tesseract limited to the digits) and goes into the
blank like stamped text; without Tesseract the blank stays, as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

# The least gap between two columns (points), and the vertical gap under which two boxes of one
# column are one block (a fraction of a line's height): the lines of a table's cell.
_GUTTER = 4.0
_SAME_BLOCK = 1.5


class _Box:
    """A box of lines: its extent, its text, and ``end``, where its last line's printed glyphs
    end (its right edge unless told)."""

    __slots__ = ("bottom", "end", "left", "right", "text", "top")

    def __init__(
        self,
        left: float,
        bottom: float,
        right: float,
        top: float,
        text: str,
        end: float | None = None,
    ) -> None:
        self.left, self.bottom, self.right, self.top, self.text = left, bottom, right, top, text
        self.end = right if end is None else end


def page_texts(path: Path, max_pages: int) -> Iterator[str]:
    """The text of each page (at most ``max_pages``), boxes in reading order, with the text that
    annotations stamp into the blanks of its lines. Raises what pdfminer.six raises on a PDF it
    cannot read (the caller falls back to the text stream)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTTextBox
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    params = LAParams(line_margin=0.5, word_margin=0.1, char_margin=2.0, boxes_flow=None)
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=params)
    interpreter = PDFPageInterpreter(manager, device)
    with open(path, "rb") as stream:
        for index, page in enumerate(PDFPage.get_pages(stream, maxpages=max_pages)):
            interpreter.process_page(page)
            layout = device.get_result()
            items = [item for item in layout if isinstance(item, LTTextBox)]
            stamps = _annotation_runs(page, manager, path, index) if page.annots else []
            boxes = [
                _Box(
                    item.x0,
                    item.y0,
                    _ink_right(item, item.x1),
                    item.y1,
                    text.rstrip("\n"),
                    end=_ink_right(list(item)[-1:], item.x1),  # (lines top to bottom)
                )
                for item in items
                if (text := _box_text(item, stamps)).strip()
            ]
            yield page_text(boxes)


def _ink_right(lines: Iterable[Any], default: float) -> float:
    """Where the lines' last printed glyph ends: the blanks a justified line ends with reach
    past the margin."""
    from pdfminer.layout import LTChar

    ends = [c.x1 for line in lines for c in line if isinstance(c, LTChar) and c.get_text().strip()]
    return max(ends, default=default)


class _Run:
    """One line of text an annotation's appearance draws, with its extent on the page."""

    __slots__ = ("bottom", "left", "right", "text", "top")

    def __init__(self, left: float, bottom: float, right: float, top: float, text: str) -> None:
        self.left, self.bottom, self.right, self.top, self.text = left, bottom, right, top, text


def _page_matrix(page: Any) -> tuple[float, float, float, float, float, float]:
    """The matrix pdfminer.six puts a page's user space through (its media box and rotation)."""
    x0, y0, x1, y1 = page.mediabox
    rotate = (page.rotate + 360) % 360
    if rotate == 90:
        return (0, -1, 1, 0, -y0, x1)
    if rotate == 180:
        return (-1, 0, 0, -1, x1, y1)
    if rotate == 270:
        return (0, 1, -1, 0, y1, -x0)
    return (1, 0, 0, 1, -x0, -y0)


# A picture of stamped figures: at most this wide and high (points) — a number or a day in the
# text's size, not a seal or a signature's image.
_FIGURES_MAX_WIDTH = 60.0
_FIGURES_MAX_HEIGHT = 30.0


def _annotation_runs(page: Any, manager: Any, path: Path, index: int) -> list[_Run]:
    """The lines of text the page's visible annotations draw through their normal appearance
    (PDF 32000-1 12.5.5: the appearance's box, through its matrix, is fitted onto the
    annotation's rectangle), each annotation's apart; a small picture of figures is read by
    :func:`_figures_read`."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar, LTImage
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdftypes import PDFStream, resolve1
    from pdfminer.utils import apply_matrix_pt, mult_matrix

    page_matrix = _page_matrix(page)
    runs: list[_Run] = []
    pictures: list[tuple[float, float, float, float]] = []
    for ref in resolve1(page.annots) or []:
        annot = resolve1(ref)
        if not isinstance(annot, dict) or int(resolve1(annot.get("F", 0)) or 0) & (2 | 32):
            continue  # hidden or not to be viewed
        appearance = resolve1(annot.get("AP"))
        normal = resolve1(appearance.get("N")) if isinstance(appearance, dict) else None
        rect = resolve1(annot.get("Rect"))
        if not isinstance(normal, PDFStream) or not isinstance(rect, list) or len(rect) != 4:
            continue  # no appearance, or one per state (a check box)
        x0, y0, x1, y1 = (float(resolve1(v)) for v in rect)
        bbox = [float(resolve1(v)) for v in resolve1(normal.get("BBox")) or (0, 0, 0, 0)]
        values = [float(resolve1(v)) for v in resolve1(normal.get("Matrix")) or ()]
        a, b, c, d, e, f = values if len(values) == 6 else (1, 0, 0, 1, 0, 0)
        matrix = (a, b, c, d, e, f)
        corners = [apply_matrix_pt(matrix, (x, y)) for x in bbox[0::2] for y in bbox[1::2]]
        if len(corners) != 4:
            continue
        bx0, bx1 = min(c[0] for c in corners), max(c[0] for c in corners)
        by0, by1 = min(c[1] for c in corners), max(c[1] for c in corners)
        if bx1 <= bx0 or by1 <= by0:
            continue
        sx, sy = (
            (min(x0, x1) - max(x0, x1)) / (bx0 - bx1),
            (min(y0, y1) - max(y0, y1)) / (by0 - by1),
        )
        fit = (sx, 0, 0, sy, min(x0, x1) - sx * bx0, min(y0, y1) - sy * by0)
        device = PDFPageAggregator(manager, laparams=None)
        device.begin_page(page, page_matrix)
        resources = resolve1(normal.get("Resources"))
        try:
            PDFPageInterpreter(manager, device).render_contents(
                resources if isinstance(resources, dict) else {},
                [normal],
                ctm=mult_matrix(mult_matrix(matrix, fit), page_matrix),
            )
            device.end_page(page)
        except Exception:  # an appearance pdfminer.six cannot draw costs only its own text
            continue
        leaves = list(_leaves(device.get_result()))
        drawn = _runs([c for c in leaves if isinstance(c, LTChar)])
        runs.extend(drawn)
        images = [c for c in leaves if isinstance(c, LTImage)]
        if not drawn and len(images) == 1:
            image = images[0]
            if image.width <= _FIGURES_MAX_WIDTH and image.height <= _FIGURES_MAX_HEIGHT:
                pictures.append((image.x0, image.y0, image.x1, image.y1))
    if pictures and page.rotate % 360 == 0:
        runs.extend(_figures_read(path, index, page.mediabox, pictures))
    return runs


def _figures_read(
    path: Path, index: int, mediabox: Any, boxes: list[tuple[float, float, float, float]]
) -> list[_Run]:
    """The figures each small stamped picture shows, as runs at its place: the page rendered
    with its annotations at 300 dpi, each box cut out and read by Tesseract as one line of
    digits. Nothing when Tesseract or PDFium cannot do it (the blank stays)."""
    import os
    import subprocess

    from vanban.ocr import _tesseract, pgm_crop

    binary = _tesseract()
    if binary is None:
        return []
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a dependency
        return []
    scale = 300 / 72
    x_origin, top = float(mediabox[0]), float(mediabox[3])
    runs: list[_Run] = []
    document = pdfium.PdfDocument(str(path))
    try:
        document.init_forms()
        bitmap = document[index].render(scale=scale, grayscale=True, may_draw_forms=True)
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        pixels = bytes(bitmap.buffer)
    except Exception:
        return []
    finally:
        document.close()
    for x0, y0, x1, y1 in boxes:
        # a margin of a point: the figures may touch the widget's edge
        left = max(0, int((x0 - x_origin - 1) * scale))
        right = min(width, int((x1 - x_origin + 1) * scale) + 1)
        upper = max(0, int((top - y1 - 1) * scale))
        lower = min(height, int((top - y0 + 1) * scale) + 1)
        if right - left < 4 or lower - upper < 4:
            continue
        image = pgm_crop(pixels, stride, left, upper, right, lower)
        try:
            done = subprocess.run(
                [
                    binary,
                    "stdin",
                    "stdout",
                    "--psm",
                    "7",
                    "-c",
                    "tessedit_char_whitelist=0123456789",
                ],
                input=image,
                capture_output=True,
                timeout=30,
                check=False,
                env=dict(os.environ, OMP_THREAD_LIMIT="1"),
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        figures = done.stdout.decode("ascii", "replace").strip()
        if done.returncode == 0 and figures.isdigit() and len(figures) <= 6:
            runs.append(_Run(x0, y0, x1, y1, figures))
    return runs


def _leaves(item: Any) -> Iterator[Any]:
    from pdfminer.layout import LTContainer

    if isinstance(item, LTContainer):
        for child in item:
            yield from _leaves(child)
    else:
        yield item


def _runs(chars: list[Any]) -> list[_Run]:
    """Characters gathered into lines (their middles within half a glyph's height), left to
    right, a blank where two stand a quarter of a glyph's height apart."""
    runs: list[_Run] = []
    lines: list[list[Any]] = []
    for char in sorted(chars, key=lambda c: (-(c.y0 + c.y1) / 2, c.x0)):
        middle = (char.y0 + char.y1) / 2
        if lines and abs((lines[-1][0].y0 + lines[-1][0].y1) / 2 - middle) < char.height / 2:
            lines[-1].append(char)
        else:
            lines.append([char])
    for line in lines:
        line.sort(key=lambda c: c.x0)
        text = line[0].get_text()
        for before, char in pairwise(line):
            gap = char.x0 - before.x1
            text += (" " if gap > char.height / 4 else "") + char.get_text()
        if text.strip():
            runs.append(
                _Run(
                    min(c.x0 for c in line),
                    min(c.y0 for c in line),
                    max(c.x1 for c in line),
                    max(c.y1 for c in line),
                    " ".join(text.split()),
                )
            )
    return runs


def _box_text(item: Any, stamps: list[_Run]) -> str:
    """The box's text, each stamp that falls into a blank of one of its lines read in place."""
    if not stamps:
        return str(item.get_text())
    return "".join(_line_text(line, stamps) for line in item)


def _line_text(line: Any, stamps: list[_Run]) -> str:
    from pdfminer.layout import LTChar

    glyphs = [c for c in line if isinstance(c, LTChar) and c.get_text().strip()]
    inserts: list[_Run] = []
    for run in stamps:
        middle = (run.bottom + run.top) / 2
        if not line.y0 <= middle <= line.y1:
            continue
        touch = (run.top - run.bottom) / 4  # glyphs may touch the stamp ("Số:1239")
        left, right = run.left + touch, run.right - touch
        if any(g.x1 > left and g.x0 < right for g in glyphs):
            continue  # drawn over printed text: not a filled blank
        if any(g.x1 <= left for g in glyphs) and any(g.x0 >= right for g in glyphs):
            inserts.append(run)
    if not inserts:
        return str(line.get_text())
    # The blank the stamp fills is one word gap on each side of it, as the page reads.
    text = ""
    pending = sorted(inserts, key=lambda r: r.left)
    filled = False
    for child in line:
        piece = str(child.get_text())
        if isinstance(child, LTChar):
            while pending and (child.x0 + child.x1) / 2 > (pending[0].left + pending[0].right) / 2:
                text = text.rstrip(" ") + " " + pending.pop(0).text + " "
                filled = True
        if filled and piece == " ":
            continue
        filled = False
        text += piece
    return text


def page_text(boxes: list[_Box]) -> str:
    """The boxes as text: the blocks of :func:`reading_order`, a blank line between blocks."""
    return "\n\n".join("\n".join(box.text for box in block) for block in reading_order(boxes))


def reading_order(boxes: list[_Box]) -> list[list[_Box]]:
    """Blocks of boxes in reading order. Going down the page, boxes are gathered while they fall
    into two columns or more with a gutter between them (a table's row: the header, the
    footer); such a stretch is read column by column, left first, each column top to bottom.
    A box that spans the gutter (a title, a paragraph) ends the stretch, and so does a line of
    the body's width under the whole row (:func:`_ends_stretch`). In a column, boxes closer
    than a line's height are one block (a cell's lines)."""
    out: list[list[_Box]] = []
    stretch: list[_Box] = []
    edges = _text_edges(boxes)
    for box in sorted(boxes, key=lambda b: (-b.top, b.left)):
        if stretch and _ends_stretch(stretch, box, edges):
            out.extend(_blocks(stretch))
            stretch = []
        stretch.append(box)
    out.extend(_blocks(stretch))
    return _rejoin_paragraphs(out, edges)


def _ends_stretch(stretch: list[_Box], box: _Box, edges: tuple[float, float]) -> bool:
    """Whether ``box``, the next one down the page, is no cell of the columns ``stretch`` has
    gathered."""
    columns = len(_clusters(stretch))
    joined = len(_clusters([*stretch, box]))
    if joined < 2:
        return True  # across the gutter: a title, a paragraph
    # cells of one row stand side by side; the line under an indented paragraph's first line,
    # which ends left of that indent ("1. Thủ trưởng … đặc" / "khu:"), is the paragraph's
    # rest, not a column beside it
    side_by_side = any(_beside(box, b) and not _wrapped_under(b, box, edges) for b in stretch)
    # two columns begin only where two boxes stand side by side: a short centred line over a
    # short line at the left margin ("THI HÀNH ĐIỀU LỆ ĐẢNG" / "- Căn cứ Điều lệ Đảng;") is
    # read top to bottom
    if columns < 2:
        return not side_by_side
    # a line of the body's width under the whole row, joining two of its columns (an indented
    # heading under a table whose first column stands left of the indent), is no cell of it; a
    # narrower box (a signer's name, a table's cell) may be
    left, right = edges
    return (
        joined < columns
        and box.right - box.left >= 0.6 * (right - left)
        and not any(_beside(box, b) for b in stretch)
    )


def _text_edges(boxes: list[_Box]) -> tuple[float, float]:
    """The left and right edges of the page's body: where the most wide lines start and end (a
    justified paragraph's lines share both), not the outermost box's (a header's motto or a
    line set past the margin may stand further out). Boxes narrower than half the page's text
    (a table's cells, whose lines may be the most) have no say."""
    if not boxes:
        return 0.0, 0.0
    outer = max(box.right for box in boxes) - min(box.left for box in boxes)
    wide = [box for box in boxes if box.right - box.left >= outer / 2] or boxes
    left = -_common_edge([(-box.left, box) for box in wide])
    return left, _common_edge([(box.right, box) for box in wide])


# How far apart (points) the ends of lines may stand and be one edge: the last glyphs of a
# justified paragraph's lines end a little apart.
_EDGE_SPREAD = 4.0


def _common_edge(ends: list[tuple[float, _Box]]) -> float:
    """Where the most lines end: of the ``ends`` (a box's end counting its lines), the
    largest end of the span of ``_EDGE_SPREAD`` points that holds the most lines; of spans
    holding as many, the outermost (largest)."""
    ends.sort(key=lambda end: end[0])
    best, most = ends[0][0], 0
    start = count = 0
    for end, box in ends:
        count += box.text.count("\n") + 1
        while end - ends[start][0] > _EDGE_SPREAD:
            count -= ends[start][1].text.count("\n") + 1
            start += 1
        if count >= most:
            best, most = end, count
    return best


def _wraps_to(above: _Box, below: _Box, edges: tuple[float, float]) -> bool:
    """Whether ``below`` is the next line of a paragraph whose last line ``above`` ends:
    ``above``'s last line wide and reaching the text's right edge, ``below`` starting no further
    right, at one line's spacing under it (a justified paragraph's line and the one it wraps
    to)."""
    left, right = edges
    height = _line_height(below)
    return (
        above.end >= right - height
        and above.end - above.left >= 0.6 * (right - left)
        and below.left <= above.left + 1
        and above.bottom - below.top < 0.5 * height
    )


def _wrapped_under(above: _Box, below: _Box, edges: tuple[float, float]) -> bool:
    """:func:`_wraps_to`, ``below`` wholly under ``above`` (sharing no more than a quarter of
    a line's height: a row's cells share more)."""
    return above.bottom - below.top > -0.25 * _line_height(below) and _wraps_to(above, below, edges)


def _rejoin_paragraphs(blocks: list[list[_Box]], edges: tuple[float, float]) -> list[list[_Box]]:
    """pdfminer.six puts a line in a box of its own when no edge of it lines up with the next
    line: the indented first line of a two-line justified paragraph ("Căn cứ … của Quốc" /
    "hội về việc …"). A wide box whose last line reaches the text's right edge, followed at one
    line's spacing by a box that starts no further right, is that paragraph's first part: the
    two are one block. ``edges`` are the body's (:func:`_text_edges`)."""
    if not blocks:
        return blocks
    out = [blocks[0]]
    for block in blocks[1:]:
        above, (first, *_) = out[-1][-1], block
        if len(out[-1]) == 1 and _wraps_to(above, first, edges):
            out[-1] = [*out[-1], *block]
        else:
            out.append(block)
    return out


def _beside(a: _Box, b: _Box) -> bool:
    """Whether two boxes may be cells of one row: they share some height, or less than half a
    line parts them (a signature's title printed a little above "Nơi nhận:"); a blank line
    between them puts one under the other."""
    overlap = min(a.top, b.top) - max(a.bottom, b.bottom)
    return overlap > -min(_line_height(a), _line_height(b)) / 2


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
