"""Readers: a document file -> normalised Unicode text.

Formats: .txt (any encoding met in practice, see :mod:`vanban.encoding`), .docx and .odt (the XML
read directly by :mod:`vanban.office`: body paragraphs, tables, footnotes, list numbering,
legacy ``.VnTime``/``VNI`` fonts), .pdf with a text layer (pypdf), .html, and .doc through
LibreOffice when installed.
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
from html.parser import HTMLParser
from pathlib import Path

from vanban.encoding import decode_bytes
from vanban.errors import ReadError, ScannedError
from vanban.legacy import detect_legacy, tcvn3_decode, vni_decode
from vanban.normalize import join_hard_breaks, normalize_text
from vanban.office import read_office_archive
from vanban.pdflayout import page_texts

MAX_BYTES = 50 * 1024 * 1024
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
        text = read_office_archive(file, suffix)
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
            # (normalize_text makes the text NFC where it is not: one check, not two)
            return normalize_text(decode_bytes(data, nfc=False)[0])
    if ocr_text:
        # OCR's output made elsewhere: mended as this library mends its own
        from vanban.ocr_text import normalize_ocr_text

        return normalize_ocr_text(text)
    return normalize_text(text)


# --- zip containers -------------------------------------------------------------------------------


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
    if _foreign_ocr_layer(text):
        raise ScannedError(
            "Lớp chữ của PDF là kết quả nhận dạng không có chữ Việt (ảnh quét) — the text layer is a "
            "scanner's OCR without Vietnamese letters (scanned PDF); cần nhận dạng ký tự (OCR)"
        )
    # a header's date wrapped in its narrow column: "… ngày 12 tháng 11 năm" / "2025"
    text = _DATE_WRAPPED.sub(r"\1 ", text)
    return join_hard_breaks(normalize_text(text))


# A scan whose text layer was made by the scanner's own OCR without Vietnamese ("BO GIAO Dl)C vA BAo
# T~O", "Can ThO',ngay"): hardly a letter of it is a Vietnamese one (ă â đ ê ô ơ ư, tone marks), and
# many of its words hold a stray sign or digit between letters ("D~I", "H,nh", "h9c"). Such a layer
# holds no text of the page; the page is read as a scan. A plain text written without accents has
# its words whole, and a Vietnamese text has a fifth of its letters or more Vietnamese.
_LAYER_MIN_LETTERS = 200
_LAYER_MAX_VIETNAMESE = (
    0.05  # share of Vietnamese letters below which a layer is not Vietnamese text
)
_LAYER_MIN_MANGLED = 0.06  # share of words with a sign or digit between letters
_MANGLED_WORD = re.compile(r"[^\W\d_][~{}<>\\|;¥§^,'.)(\[\]!*?$%][^\W\d_]|[^\W\d_][0-9][^\W\d_]")


def _foreign_ocr_layer(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < _LAYER_MIN_LETTERS:
        return False
    vietnamese = sum(1 for c in letters if not c.isascii())
    if vietnamese >= _LAYER_MAX_VIETNAMESE * len(letters):
        return False
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    mangled = sum(1 for w in words if _MANGLED_WORD.search(w))
    return mangled >= _LAYER_MIN_MANGLED * len(words)


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
        return read_office_archive(converted, ".docx")
