"""Page layout of a .docx (margins, fonts, sizes, page numbers), read with the standard library
only (zipfile + xml.etree), for the layout part of :func:`vanban.format_check.check_format`."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

from vanban.errors import ReadError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TWIPS_PER_MM = 1440 / 25.4
_PAGES_RE = re.compile(r"<Pages>(\d+)</Pages>")
_PAGE_FIELD_RE = re.compile(r"\bPAGE\b")


@dataclass(frozen=True)
class DocxLayout:
    """What the layout rules look at. ``body_size_pt`` is the size most text outside tables is
    set in (all text when there is none outside tables)."""

    margins_mm: dict[str, float] = field(default_factory=dict)  # top, bottom, left, right
    fonts: frozenset[str] = frozenset()
    sizes_pt: dict[float, int] = field(default_factory=dict)  # size -> characters set in it
    body_size_pt: float | None = None
    has_page_numbers: bool = False
    pages: int | None = None  # from docProps/app.xml when Word recorded it


def _attr(element: ET.Element | None, name: str) -> str | None:
    return None if element is None else element.get(_W + name)


def read_docx_layout(source: str | Path | bytes) -> DocxLayout:
    """Margins (first section), fonts and sizes of the runs (with the style defaults), whether a
    PAGE field is in a header or footer, and the page count Word stored."""
    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        archive = zipfile.ZipFile(io.BytesIO(data))
        document = ET.fromstring(archive.read("word/document.xml"))
    except (OSError, KeyError, zipfile.BadZipFile, ET.ParseError) as exc:
        raise ReadError(f"not a readable .docx: {exc}") from exc
    names = set(archive.namelist())
    margins: dict[str, float] = {}
    sect = document.find(f".//{_W}sectPr")
    page_margin = None if sect is None else sect.find(f"{_W}pgMar")
    for side in ("top", "bottom", "left", "right"):
        value = _attr(page_margin, side)
        if value is not None and value.lstrip("-").isdigit():
            margins[side] = round(abs(int(value)) / _TWIPS_PER_MM, 1)
    default_font: str | None = None
    default_size: float | None = None
    if "word/styles.xml" in names:
        styles = ET.fromstring(archive.read("word/styles.xml"))
        run_default = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        if run_default is not None:
            default_font = _attr(run_default.find(f"{_W}rFonts"), "ascii")
            size = _attr(run_default.find(f"{_W}sz"), "val")
            default_size = int(size) / 2 if size and size.isdigit() else None
        normal = styles.find(f"{_W}style[@{_W}styleId='Normal']/{_W}rPr")
        if normal is not None:
            default_font = _attr(normal.find(f"{_W}rFonts"), "ascii") or default_font
            size = _attr(normal.find(f"{_W}sz"), "val")
            default_size = int(size) / 2 if size and size.isdigit() else default_size
    fonts: set[str] = set()
    sizes: Counter[float] = Counter()
    running: Counter[float] = Counter()  # text outside tables: the body the size rule is about
    in_tables = {id(r) for table in document.iter(f"{_W}tbl") for r in table.iter(f"{_W}r")}
    for run in document.iter(f"{_W}r"):
        chars = sum(len(t.text or "") for t in run.iter(f"{_W}t"))
        if not chars:
            continue
        props = run.find(f"{_W}rPr")
        font = _attr(None if props is None else props.find(f"{_W}rFonts"), "ascii")
        size = _attr(None if props is None else props.find(f"{_W}sz"), "val")
        font = font or default_font
        if font:
            fonts.add(font)
        point = int(size) / 2 if size and size.isdigit() else default_size
        if point is not None:
            sizes[point] += chars
            if id(run) not in in_tables:
                running[point] += chars
    has_page_numbers = False
    for name in names:
        if re.match(r"word/(header|footer)\d*\.xml$", name):
            part = archive.read(name).decode("utf-8", "replace")
            instructions = re.findall(r'w:instr="([^"]*)"', part)
            instructions += re.findall(r"<w:instrText[^>]*>([^<]*)<", part)
            if any(_PAGE_FIELD_RE.search(i) for i in instructions):
                has_page_numbers = True
                break
    pages = None
    if "docProps/app.xml" in names:
        found = _PAGES_RE.search(archive.read("docProps/app.xml").decode("utf-8", "replace"))
        pages = int(found.group(1)) if found else None
    # the size most running text is set in (tables — header block, figures, signature — are
    # often smaller); a document that is all tables falls back on every run
    common = running or sizes
    body = common.most_common(1)[0][0] if common else default_size
    return DocxLayout(margins, frozenset(fonts), dict(sizes), body, has_page_numbers, pages)


__all__ = ["DocxLayout", "read_docx_layout"]
