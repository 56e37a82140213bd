"""Readers: a document file -> normalised Unicode text.

Formats: .txt (any encoding met in practice, see :mod:`vanban.encoding`), .docx and .odt (the XML
read directly: body paragraphs, tables, footnotes, list numbering, legacy ``.VnTime``/``VNI``
fonts), .pdf with a text layer (pypdf), .html, and .doc through LibreOffice when installed.
A scan (a PDF without a text layer, or a .png/.jpg/.tif image) raises
:class:`vanban.errors.ScannedError`: OCR is the caller's choice (:mod:`vanban.ocr`).

Every reader guards against hostile files (size cap; zip-bomb and entity checks for .docx/.odt;
page and time caps for PDF) and raises :class:`vanban.ReadError` with a Vietnamese message.
"""

from __future__ import annotations

import html
import re
import shutil
import stat
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from vanban.encoding import decode_bytes
from vanban.errors import ReadError, ScannedError
from vanban.legacy import detect_legacy, tcvn3_decode, vni_decode
from vanban.normalize import join_hard_breaks, normalize_nfc_text, normalize_text
from vanban.pdflayout import page_texts

MAX_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED = 200 * 1024 * 1024
MAX_RATIO = 200
MAX_ZIP_ENTRIES = 5000
PDF_MAX_PAGES = 500
PDF_TIMEOUT = 60.0
DOC_TIMEOUT = 120.0

# A plain text file named "….ocr.txt" holds OCR's output made elsewhere (a scan's text kept
# without the scan). Nothing in a text tells OCR's misreads from a typist's words reliably, so
# the name says it, and the text is mended as :mod:`vanban.ocr_text` mends this library's OCR.
OCR_TEXT_SUFFIX = ".ocr.txt"
# PNG, JPEG, TIFF (both byte orders): scans, read only by OCR (vanban.ocr)
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _superscript(number: int) -> str:
    return str(number).translate(_SUPERSCRIPT)


def read(
    path: str | Path,
    *,
    max_bytes: int = MAX_BYTES,
    pdf_max_pages: int = PDF_MAX_PAGES,
    pdf_timeout: float = PDF_TIMEOUT,
    ocr_text: bool = False,
) -> str:
    """The text of the document at ``path``, normalised (see :func:`vanban.normalize_text`); a
    text that is OCR's output made elsewhere (``ocr_text``, or a file named ``….ocr.txt``:
    ``OCR_TEXT_SUFFIX``) is mended as such (:func:`vanban.ocr_text.normalize_ocr_text`)."""
    file = Path(path)
    try:
        status = file.stat()
    except OSError as exc:
        raise ReadError(
            f"Không mở được tệp “{file.name}” — cannot open the file ({exc.strerror})"
        ) from exc
    size = status.st_size
    if not stat.S_ISREG(status.st_mode):
        raise ReadError(f"“{file.name}” không phải là tệp — not a regular file")
    if size > max_bytes:
        raise ReadError(
            f"Tệp quá lớn: {size // 1024 // 1024} MB, tối đa {max_bytes // 1024 // 1024} MB — "
            f"file too large ({size} bytes, limit {max_bytes})"
        )
    suffix = file.suffix.lower()
    data = b""
    with file.open("rb") as handle:
        head = handle.read(8)
        if head.startswith(_IMAGE_MAGIC) or suffix in _IMAGE_SUFFIXES:
            raise ScannedError(
                f"“{file.name}” là ảnh (bản quét), cần nhận dạng ký tự (OCR) — an image: its "
                "text needs OCR"
            )
        plain = not (
            head.startswith((b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0"))
            or suffix in (".pdf", ".docx", ".odt", ".doc", ".rtf", ".html", ".htm", ".xhtml")
        )
        if plain:  # read in the same opening
            data = head + handle.read()
    if head.startswith(b"%PDF") or suffix == ".pdf":
        text = read_pdf(file, max_pages=pdf_max_pages, timeout=pdf_timeout)
    elif head.startswith(b"PK\x03\x04") or suffix in (".docx", ".odt"):
        text = _read_zip(file, suffix)
    elif head.startswith(b"\xd0\xcf\x11\xe0") or suffix in (".doc", ".rtf"):
        text = read_doc(file)
    elif suffix in (".html", ".htm", ".xhtml"):
        text = read_html(file.read_bytes())
    else:
        if re.match(rb"\s*<(?:!doctype html|html)", data[:512], re.IGNORECASE):
            text = read_html(data)
        elif ocr_text or file.name.lower().endswith(OCR_TEXT_SUFFIX):
            ocr_text = True
            text = decode_bytes(data)[0]
        else:
            return normalize_nfc_text(decode_bytes(data)[0])  # decode_bytes gives NFC
    if ocr_text:
        # OCR's output made elsewhere: mended as this library mends its own
        from vanban.ocr_text import normalize_ocr_text

        return normalize_ocr_text(text)
    return normalize_text(text)


# --- zip containers -------------------------------------------------------------------------------


def _read_zip(file: Path, suffix: str) -> str:
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


def read_pdf(file: Path, *, max_pages: int = PDF_MAX_PAGES, timeout: float = PDF_TIMEOUT) -> str:
    """Text layer of a PDF, paragraphs rejoined; a scanned PDF is an error, not empty text."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - pypdf is a dependency
        raise ReadError("Thiếu thư viện pypdf để đọc PDF — pypdf is not installed") from exc
    started = time.monotonic()
    try:
        reader = PdfReader(str(file), strict=False)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as exc:
                raise ReadError("Tệp PDF được mã hóa — encrypted PDF") from exc
        count = len(reader.pages)
    except ReadError:
        raise
    except (PdfReadError, Exception) as exc:
        raise ReadError(f"Tệp PDF hỏng — corrupt PDF ({type(exc).__name__})") from exc
    if count > max_pages:
        raise ReadError(
            f"Tệp PDF có {count} trang, vượt giới hạn {max_pages} trang — too many pages ({count} > {max_pages})"
        )
    pages = _pages_in_reading_order(file, count, started, timeout)
    if pages is None:  # pdfminer.six could not read it: the content stream's order, by pypdf
        pages = []
        for page in reader.pages:
            _check_time(started, timeout)
            try:
                pages.append(page.extract_text() or "")
            except Exception as exc:
                raise ReadError(
                    f"Không trích được chữ từ PDF — text extraction failed ({type(exc).__name__})"
                ) from exc
    text = "\n\n".join(pages)
    letters = sum(1 for c in text if c.isalpha())
    if letters < 20 * max(1, min(count, 3)) // 3 or letters < 10:
        raise ScannedError(
            "Tệp PDF không có lớp chữ (ảnh quét) — no text layer (scanned PDF); cần nhận dạng ký tự (OCR)"
        )
    legacy = detect_legacy(text)
    if legacy == "tcvn3":
        text = tcvn3_decode(text)
    elif legacy == "vni":
        text = vni_decode(text)
    # a header's date wrapped in its narrow column: "… ngày 12 tháng 11 năm" / "2025"
    text = _DATE_WRAPPED.sub(r"\1 ", text)
    return join_hard_breaks(normalize_text(text))


_DATE_WRAPPED = re.compile(r"\b(ngày|tháng|năm)[ \t]*\n[ \t]*(?=\d)")


def _check_time(started: float, timeout: float) -> None:
    if time.monotonic() - started > timeout:
        raise ReadError(
            f"Đọc PDF quá thời gian cho phép ({timeout:.0f} giây) — PDF reading timed out"
        )


def _pages_in_reading_order(
    file: Path, count: int, started: float, timeout: float
) -> list[str] | None:
    """Each page's text from its glyphs' positions (:mod:`vanban.pdflayout`), or None when
    pdfminer.six fails on the file or leaves glyphs it cannot map ("(cid:12)")."""
    pages: list[str] = []
    try:
        for text in page_texts(file, count):
            _check_time(started, timeout)
            if "(cid:" in text:
                return None
            pages.append(text)
    except ReadError:
        raise
    except Exception:  # any failure of the layout reader leaves the stream reader to try
        return None
    return pages


# --- HTML -------------------------------------------------------------------------------------------

_BLOCK = {
    "p", "div", "br", "li", "tr", "table", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "ul", "ol", "dd", "dt", "hr", "td", "th", "main", "figcaption",
}  # fmt: skip
_DROP = {
    "script",
    "style",
    "nav",
    "noscript",
    "template",
    "iframe",
    "svg",
    "head",
    "form",
    "button",
}


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n")
            if tag == "li" and not self.skip:
                self.parts.append("- ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def read_html(data: bytes) -> str:
    """Visible text of an HTML page (scripts, styles and navigation dropped)."""
    charset = re.search(rb"<meta[^>]{0,200}charset=[\"']?([\w-]{2,20})", data[:4096], re.IGNORECASE)
    text: str | None = None
    if charset:
        try:
            text = data.decode(charset.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = decode_bytes(data)[0]
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    out = "".join(parser.parts)
    out = "\n".join(line.strip() for line in out.split("\n"))
    out = re.sub(r"\n{3,}", "\n\n", out)
    return html.unescape(out).strip() + "\n"


# --- .doc ------------------------------------------------------------------------------------------


def read_doc(file: Path) -> str:
    """A Word 97-2003 file, converted to .docx by LibreOffice (``soffice``) when installed."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise ReadError(
            "Cần cài LibreOffice để đọc tệp .doc (hoặc lưu lại thành .docx) — "
            "LibreOffice is required to read .doc files"
        )
    with tempfile.TemporaryDirectory(prefix="vanban-") as tmp:
        try:
            subprocess.run(
                [
                    office,
                    "--headless",
                    f"-env:UserInstallation=file://{tmp}/profile",
                    "--convert-to",
                    "docx",
                    "--outdir",
                    tmp,
                    str(file),
                ],
                capture_output=True,
                timeout=DOC_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise ReadError(
                "LibreOffice chuyển đổi .doc quá thời gian — .doc conversion timed out"
            ) from exc
        converted = Path(tmp) / (file.stem + ".docx")
        if not converted.exists():
            raise ReadError("LibreOffice không chuyển đổi được tệp .doc — .doc conversion failed")
        return _read_zip(converted, ".docx")
