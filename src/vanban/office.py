"""Office documents read from their XML: .docx (WordprocessingML) and .odt (OpenDocument).

Body paragraphs, tables, footnotes and list numbering are read directly from the archive, and
text in the legacy ``.VnTime`` / ``VNI`` fonts is converted to Unicode. No library of PyPI reads
Word's list numbering into text (python-docx gives the paragraphs without their "1.", "a)"),
which the parser needs for sections and items; so this reads the XML itself, with the archive
checked first against zip bombs (entry count, unpacked size, ratio). Split from
:mod:`vanban.readers`, which dispatches files here by their suffix.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from vanban.errors import ReadError
from vanban.legacy import detect_legacy, tcvn3_decode, vni_decode

MAX_UNZIPPED = 200 * 1024 * 1024
MAX_RATIO = 200
MAX_ZIP_ENTRIES = 5000
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _superscript(number: int) -> str:
    return str(number).translate(_SUPERSCRIPT)


def read_office_archive(file: Path, suffix: str) -> str:
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ReadError(
            f"Tệp “{file.name}” hỏng hoặc không phải .docx/.odt — corrupt or not a zip container"
        ) from exc
    with archive:
        _check_zip(archive)
        names = set(archive.namelist())
        if "word/document.xml" in names:
            return read_docx_archive(archive)
        if "content.xml" in names:
            return read_odt_archive(archive)
    raise ReadError(
        f"Tệp “{file.name}” không phải văn bản .docx/.odt — not a .docx or .odt document"
    )


def _check_zip(archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise ReadError(
            "Tệp nén có quá nhiều thành phần (nghi zip bomb) — too many zip entries (zip bomb?)"
        )
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise ReadError(
                "Tỷ lệ nén bất thường (nghi zip bomb) — suspicious compression ratio (zip bomb)"
            )
    if total > MAX_UNZIPPED:
        raise ReadError(
            "Dung lượng giải nén quá lớn (nghi zip bomb) — uncompressed size too large (zip bomb)"
        )


def _xml(archive: zipfile.ZipFile, name: str) -> ET.Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    with archive.open(info) as handle:
        data = handle.read(MAX_UNZIPPED + 1)
    if len(data) > MAX_UNZIPPED:
        raise ReadError(
            "Dung lượng giải nén quá lớn (nghi zip bomb) — uncompressed size too large (zip bomb)"
        )
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise ReadError(
            "Tệp chứa khai báo DOCTYPE/ENTITY không được phép — XML entities are not allowed"
        )
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise ReadError(f"Nội dung XML hỏng ({name}) — malformed XML") from exc


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class _Numbering:
    """List labels of a .docx (numbering.xml): "1.", "a)", "I.", bullets."""

    def __init__(self, root: ET.Element | None) -> None:
        self.abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.nums: dict[str, str] = {}
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        for abstract in root.iter(f"{W}abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in abstract.iter(f"{W}lvl"):
                ilvl = int(lvl.get(f"{W}ilvl", "0"))
                fmt = lvl.find(f"{W}numFmt")
                txt = lvl.find(f"{W}lvlText")
                start = lvl.find(f"{W}start")
                levels[ilvl] = (
                    fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
                    txt.get(f"{W}val", "") if txt is not None else "",
                    int(start.get(f"{W}val", "1")) if start is not None else 1,
                )
            self.abstract[abstract.get(f"{W}abstractNumId", "")] = levels
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is not None:
                self.nums[num.get(f"{W}numId", "")] = ref.get(f"{W}val", "")

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.abstract.get(self.nums.get(num_id, ""), {})
        if ilvl not in levels or num_id == "0":
            return ""
        key = self.nums.get(num_id, num_id)
        counters = self.counters.setdefault(key, [0] * 9)
        fmt, pattern, start = levels[ilvl]
        if counters[ilvl] == 0:
            counters[ilvl] = start
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        if fmt == "bullet":
            return "-"
        if fmt == "none":
            return ""

        def render(level: int) -> str:
            value = counters[level] or levels.get(level, ("decimal", "", 1))[2]
            kind = levels.get(level, ("decimal", "", 1))[0]
            if kind in ("upperRoman", "lowerRoman"):
                from vanban.lines import int_to_roman

                roman = int_to_roman(value)
                return roman if kind == "upperRoman" else roman.lower()
            if kind in ("upperLetter", "lowerLetter"):
                letter = "abcdefghijklmnopqrstuvwxyz"[(value - 1) % 26]
                return letter.upper() if kind == "upperLetter" else letter
            return str(value)

        return re.sub(r"%(\d)", lambda m: render(int(m.group(1)) - 1), pattern)


def _font_converter(fonts: ET.Element | None) -> str | None:
    if fonts is None:
        return None
    name = fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi") or ""
    low = name.lower()
    if low.startswith(".vn") or (low.startswith("vn") and not low.startswith("vni")):
        return "tcvn3-upper" if low.rstrip().endswith("h") else "tcvn3"
    if low.startswith("vni"):
        return "vni"
    return None


def _convert(text: str, converter: str | None) -> str:
    if converter == "tcvn3":
        return tcvn3_decode(text, restore_caps=False)
    if converter == "tcvn3-upper":
        return tcvn3_decode(text, restore_caps=False).upper()
    if converter == "vni":
        return vni_decode(text)
    return text


def read_docx_archive(archive: zipfile.ZipFile) -> str:
    """Body paragraphs and tables in order, list labels, footnote marks and footnotes."""
    body = _xml(archive, "word/document.xml")
    assert body is not None
    numbering = _Numbering(_xml(archive, "word/numbering.xml"))
    styles = _xml(archive, "word/styles.xml")
    style_fonts: dict[str, str | None] = {}
    default_font: str | None = None
    if styles is not None:
        defaults = styles.find(f"{W}docDefaults")
        if defaults is not None:
            default_font = _font_converter(defaults.find(f".//{W}rFonts"))
        for style in styles.iter(f"{W}style"):
            style_fonts[style.get(f"{W}styleId", "")] = _font_converter(
                style.find(f"{W}rPr/{W}rFonts")
            )
    footnote_numbers: dict[str, int] = {}
    lines: list[str] = []
    legacy_found = False

    def run_text(run: ET.Element, para_font: str | None) -> str:
        nonlocal legacy_found
        props = run.find(f"{W}rPr")
        converter = para_font
        if props is not None:
            own = _font_converter(props.find(f"{W}rFonts"))
            rstyle = props.find(f"{W}rStyle")
            if own is not None:
                converter = own
            elif rstyle is not None and style_fonts.get(rstyle.get(f"{W}val", "")):
                converter = style_fonts[rstyle.get(f"{W}val", "")]
            caps = props.find(f"{W}caps")
            upper = caps is not None and caps.get(f"{W}val", "true") not in ("0", "false")
        else:
            upper = False
        parts: list[str] = []
        for child in run:
            tag = child.tag
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag == f"{W}tab":
                parts.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{W}footnoteReference":
                ident = child.get(f"{W}id", "")
                footnote_numbers.setdefault(ident, len(footnote_numbers) + 1)
                parts.append(_superscript(footnote_numbers[ident]))
        out = "".join(parts)
        if converter:
            legacy_found = True
            out = _convert(out, converter)
        return out.upper() if upper else out

    def paragraph(p: ET.Element) -> str:
        props = p.find(f"{W}pPr")
        para_font = default_font
        label = ""
        if props is not None:
            pstyle = props.find(f"{W}pStyle")
            if pstyle is not None and style_fonts.get(pstyle.get(f"{W}val", "")):
                para_font = style_fonts[pstyle.get(f"{W}val", "")]
            num = props.find(f"{W}numPr")
            if num is not None:
                num_id = num.find(f"{W}numId")
                ilvl = num.find(f"{W}ilvl")
                label = numbering.label(
                    num_id.get(f"{W}val", "0") if num_id is not None else "0",
                    int(ilvl.get(f"{W}val", "0")) if ilvl is not None else 0,
                )
        texts: list[str] = []
        for node in p.iter():
            if node.tag == f"{W}r":
                texts.append(run_text(node, para_font))
        content = "".join(texts)
        if label and content.strip():
            return f"{label} {content}"
        return content

    def walk(container: ET.Element) -> None:
        for node in container:
            if node.tag == f"{W}p":
                lines.append(paragraph(node))
            elif node.tag == f"{W}tbl":
                for row in node.iter(f"{W}tr"):
                    for cell in row.findall(f"{W}tc"):
                        walk(cell)
                        lines.append("")
            elif node.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag"):
                walk(node)

    root = body.find(f"{W}body")
    walk(root if root is not None else body)
    notes = _xml(archive, "word/footnotes.xml")
    if notes is not None and footnote_numbers:
        texts: dict[str, str] = {}
        for note in notes.iter(f"{W}footnote"):
            ident = note.get(f"{W}id", "")
            if ident in footnote_numbers:
                paras = [paragraph(p) for p in note.iter(f"{W}p")]
                texts[ident] = " ".join(t.strip() for t in paras if t.strip())
        lines.append("")
        for ident, number in sorted(footnote_numbers.items(), key=lambda kv: kv[1]):
            if texts.get(ident):
                lines.append(f"{_superscript(number)} {texts[ident]}")
    text = "\n".join(lines)
    if not legacy_found:
        legacy = detect_legacy(text)
        if legacy == "tcvn3":
            text = tcvn3_decode(text)
        elif legacy == "vni":
            text = vni_decode(text)
    return text


T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def read_odt_archive(archive: zipfile.ZipFile) -> str:
    """Paragraphs, headings, lists (numbered), tables and footnotes of an .odt document."""
    root = _xml(archive, "content.xml")
    assert root is not None
    lines: list[str] = []
    notes: list[str] = []

    def inline(node: ET.Element) -> str:
        parts = [node.text or ""]
        for child in node:
            tag = child.tag
            if tag == f"{T}s":
                parts.append(" " * int(child.get(f"{T}c", "1")))
            elif tag == f"{T}tab":
                parts.append("\t")
            elif tag == f"{T}line-break":
                parts.append("\n")
            elif tag == f"{T}note":
                body = child.find(f"{T}note-body")
                text = (
                    " ".join(inline(p).strip() for p in body.iter() if p.tag in (f"{T}p", f"{T}h"))
                    if body is not None
                    else ""
                )
                notes.append(text)
                parts.append(_superscript(len(notes)))
            elif tag in (f"{T}span", f"{T}a", f"{T}bookmark-ref", f"{T}reference-ref"):
                parts.append(inline(child))
            parts.append(child.tail or "")
        return "".join(parts)

    def walk(container: ET.Element, numbered: bool = False, depth: int = 0) -> None:
        counter = 0
        for node in container:
            tag = node.tag
            if tag in (f"{T}p", f"{T}h"):
                lines.append(inline(node))
            elif tag == f"{T}list":
                style = node.get(f"{T}style-name", "")
                walk(
                    node,
                    numbered or "Numbering" in style or (style.startswith("L") and False),
                    depth + 1,
                )
            elif tag == f"{T}list-item":
                counter += 1
                before = len(lines)
                walk(node, numbered, depth)
                if numbered and len(lines) > before and lines[before].strip():
                    lines[before] = f"{counter}. {lines[before]}"
            elif tag == f"{TABLE}table":
                for row in node.iter(f"{TABLE}table-row"):
                    for cell in row.findall(f"{TABLE}table-cell"):
                        walk(cell)
                        lines.append("")
            elif (
                tag in (f"{T}section", f"{T}soft-page-break")
                or tag.endswith("}body")
                or tag.endswith("}text")
            ):
                walk(node)

    body = root.find("{urn:oasis:names:tc:opendocument:xmlns:office:1.0}body")
    walk(body if body is not None else root)
    if notes:
        lines.append("")
        lines.extend(f"{_superscript(i)} {n}" for i, n in enumerate(notes, 1) if n)
    return "\n".join(lines)


# --- PDF --------------------------------------------------------------------------------------------
