"""OCR of scans: image-only PDFs and images (.png, .jpg, .tif) read with Tesseract.

How, and why this way:

* **Tesseract is called directly** (``tesseract IMAGE stdout -l vie tsv``), one process per page,
  from Debian's ``tesseract-ocr`` and ``tesseract-ocr-vie`` packages. A Python wrapper such as
  pytesseract is itself only a subprocess call that writes temporary files, and ocrmypdf rewrites
  the whole PDF (PDF/A, Ghostscript) when all we want is the text and the page images; a direct
  call needs neither, and the TSV output gives the words' confidences with the text.
* **PDF pages are rendered with pypdfium2** (PDFium, shipped inside its PyPI wheel: no system
  package, no Pillow) at 200 dpi, the resolution offices scan at; a page with red ink on it is
  **read through its red channel** (:mod:`vanban.ocr_dropout`: a red seal over the signer's
  title and name fades to near white while black and blue ink stay dark), any other page in
  plain grey as before. The 8-bit image goes to Tesseract as a PGM on its standard input; the
  page is kept, when asked, as a plain grey PNG (written with :mod:`zlib`) for the review
  screen, seal and all, since that is where a person checks the text against the document. A
  colour image file with red ink is read through its red channel too when Pillow is installed.
* **Pages run in parallel** (``workers``, default the number of cores, at most 4), each
  Tesseract limited to one thread (``OMP_THREAD_LIMIT=1``): several single-threaded processes
  use cores better than Tesseract's own threads. A ``progress(done, total)`` callback is called
  after each page.
* **The text is normalised like every other reader's** before parsing: NFC (Tesseract's
  Vietnamese model may give decomposed marks), hyphenated line ends and paragraphs cut by a
  column or page break joined (:func:`vanban.join_broken_lines`), lines wrapped inside a
  paragraph joined (:func:`vanban.join_hard_breaks`), then :func:`vanban.normalize_text`.

Nothing here runs on the plain-text path: :func:`vanban.read` only raises
:class:`vanban.errors.ScannedError` for a scan, and the caller (``vanban parse``, the web
library's background job) decides to OCR it. When Tesseract or its Vietnamese model is missing,
:class:`OcrUnavailable` says so in Vietnamese and English.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import struct
import subprocess
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from vanban.errors import ReadError, ScannedError
from vanban.ocr_dropout import channel_rows, has_red_ink, red_channel_of_image_file
from vanban.ocr_signature import corner_to_reread, kept_lines, words_of
from vanban.ocr_text import normalize_ocr_text

if TYPE_CHECKING:
    from pypdfium2 import PdfPage

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
DPI = 200  # what offices scan at, and what page images are kept at
OCR_DPI = 200  # PDF pages are rendered for Tesseract at this resolution; 300 dpi was measured
# (make bench BENCH_ARGS=ocr): no better overall (0.759 vs 0.760) and 1.7 times slower
PAGE_TIMEOUT = 300.0
MAX_PAGES = 100
LANGUAGE = "vie"

Progress = Callable[[int, int], None]


class OcrUnavailable(ReadError):
    """Tesseract or its Vietnamese model is not installed."""


@dataclass
class OcrPage:
    number: int  # 1-based
    text: str
    confidence: float  # mean word confidence, 0–100 (-1 when no word was read)
    image_png: bytes | None = None


@dataclass
class OcrResult:
    """The text of a scan (normalised, ready for :func:`vanban.parse`) and its pages."""

    text: str
    pages: list[OcrPage] = field(default_factory=list)
    engine: str = ""

    @property
    def confidence(self) -> float:
        scores = [p.confidence for p in self.pages if p.confidence >= 0]
        return round(sum(scores) / len(scores), 1) if scores else -1.0

    def summary(self) -> dict[str, object]:
        """What the output of ``vanban parse`` and the library say of the OCR."""
        return {
            "engine": self.engine,
            "pages": len(self.pages),
            "confidence": self.confidence,
            "low_confidence_pages": [p.number for p in self.pages if 0 <= p.confidence < 70],
        }


# --- Tesseract ------------------------------------------------------------------------------------


def _tesseract() -> str | None:
    return shutil.which("tesseract")


@lru_cache(maxsize=1)
def _engine_and_languages(binary: str) -> tuple[str, frozenset[str]]:
    try:
        version = subprocess.run(
            [binary, "--version"], capture_output=True, text=True, timeout=20, check=False
        )
        langs = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return "", frozenset()
    first = (version.stdout or version.stderr).strip().splitlines()
    names = frozenset(line.strip() for line in langs.stdout.splitlines()[1:] if line.strip())
    return (first[0] if first else "tesseract"), names


def unavailable_reason() -> str | None:
    """None when Tesseract with the Vietnamese model can run here, else the reason (vi — en)."""
    binary = _tesseract()
    if binary is None:
        return (
            "Chưa cài Tesseract để nhận dạng chữ (OCR) trong ảnh quét — cài gói tesseract-ocr và "
            "tesseract-ocr-vie — Tesseract OCR is not installed (install tesseract-ocr and "
            "tesseract-ocr-vie) to read scanned documents"
        )
    if LANGUAGE not in _engine_and_languages(binary)[1]:
        return (
            "Tesseract chưa có dữ liệu tiếng Việt — cài gói tesseract-ocr-vie — the Vietnamese "
            "model of Tesseract is not installed (install tesseract-ocr-vie)"
        )
    return None


def available() -> bool:
    return unavailable_reason() is None


def _require() -> tuple[str, str]:
    reason = unavailable_reason()
    binary = _tesseract()
    if reason is not None or binary is None:
        raise OcrUnavailable(reason or "Tesseract")
    return binary, f"{_engine_and_languages(binary)[0]} ({LANGUAGE})"


def _run_tesseract(
    binary: str, source: str, data: bytes | None, dpi: int = DPI
) -> tuple[str, float]:
    """Text (lines and paragraphs as Tesseract found them) and mean word confidence of one
    image, given as a path or as bytes on standard input (``source == "stdin"``)."""
    return tsv_to_text(_tesseract_tsv(binary, source, data, dpi))


def _tesseract_tsv(
    binary: str, source: str, data: bytes | None, dpi: int = DPI, block: bool = False
) -> str:
    """Tesseract's TSV of one image; ``block`` reads it as one block of text (``--psm 6``)."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    layout = ["--psm", "6"] if block else []
    try:
        done = subprocess.run(
            [binary, source, "stdout", "-l", LANGUAGE, "--dpi", str(dpi), *layout, "tsv"],
            input=data,
            capture_output=True,
            timeout=PAGE_TIMEOUT,
            check=False,
            env=env,
        )
    except subprocess.TimeoutExpired as exc:
        raise ReadError(
            f"Nhận dạng chữ một trang quá {PAGE_TIMEOUT:.0f} giây — OCR of a page timed out"
        ) from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise ReadError(f"Không nhận dạng được chữ trong ảnh — OCR failed ({detail[0][:200]})")
    return done.stdout.decode("utf-8", "replace")


def _page_text(binary: str, image: bytes, dpi: int) -> tuple[str, float]:
    """One page image's text and mean word confidence, with its signature column read again
    when the page's layout analysis lost it (:mod:`vanban.ocr_signature`; PGM pages only)."""
    tsv = _tesseract_tsv(binary, "stdin", image, dpi)
    text, confidence = tsv_to_text(tsv)
    header = _pgm_header(image)
    if header is None:
        return text, confidence
    width, height, offset = header
    box = corner_to_reread(words_of(tsv), width, height)
    if box is None:
        return text, confidence
    left, top, right, bottom = box
    corner = pgm_crop(image[offset:], width, left, top, right, bottom)
    lines = kept_lines(words_of(_tesseract_tsv(binary, "stdin", corner, dpi, block=True)))
    # (a blank line after each: the lines of a signature block are no paragraph to rejoin)
    return (text + "\n\n" + "\n\n".join(lines) if lines else text), confidence


def tsv_to_text(tsv: str) -> tuple[str, float]:
    """Tesseract's TSV → text (a line per line, a blank line between blocks and paragraphs,
    pages split by a form feed) and the mean confidence of its words."""
    lines: list[str] = []
    current: list[str] = []
    key: tuple[str, ...] | None = None
    para: tuple[str, ...] | None = None
    confidences: list[float] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":  # level 5: a word
            continue
        word = cols[11].strip()
        if not word:
            continue
        with contextlib.suppress(ValueError):
            confidences.append(float(cols[10]))
        line_key = (cols[1], cols[2], cols[3], cols[4])  # page, block, paragraph, line
        if line_key != key:
            if current:
                lines.append(" ".join(current))
            current = []
            if para is not None and line_key[:3] != para:
                lines.append("\f" if line_key[0] != para[0] else "")
            key, para = line_key, line_key[:3]
        current.append(word)
    if current:
        lines.append(" ".join(current))
    mean = sum(confidences) / len(confidences) if confidences else -1.0
    return "\n".join(lines), round(mean, 1)


# --- pages ------------------------------------------------------------------------------------


def png_grey(width: int, height: int, rows: bytes, stride: int) -> bytes:
    """An 8-bit greyscale PNG from a raw buffer (no Pillow needed)."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + rows[y * stride : y * stride + width] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 3))
        + chunk(b"IEND", b"")
    )


def render_pdf(
    path: str | Path, *, dpi: int = DPI, max_pages: int = MAX_PAGES, dropout: bool = True
) -> list[bytes]:
    """Each page of a PDF as a PGM image (8-bit grey) at ``dpi``, as OCR reads it: a page with
    red ink on it through its red channel (:mod:`vanban.ocr_dropout`: a red seal fades from the
    text under it) unless ``dropout`` is False, any other page in plain grey."""
    return [
        read
        for read, _shown in render_pdf_pages(path, dpi=dpi, max_pages=max_pages, dropout=dropout)
    ]


def render_pdf_pages(
    path: str | Path,
    *,
    dpi: int = DPI,
    max_pages: int = MAX_PAGES,
    dropout: bool = True,
    keep_shown: bool = False,
) -> list[tuple[bytes, bytes | None]]:
    """Each page of a PDF as (the PGM that OCR reads, as :func:`render_pdf`; the page to show as
    a PNG, or None to show the PGM read).

    A page read through its red channel is shown, when ``keep_shown``, in plain grey: the review
    screen is where a person checks the text against the document, and the document has its
    seal (a page with the seal faded out would show a document that was never issued so). A
    page with no red ink is read in plain grey, and that image is the one shown (None)."""
    try:
        import pypdfium2 as pdfium
    except ImportError as exc:  # pragma: no cover - a dependency
        raise ReadError(
            "Thiếu thư viện pypdfium2 để dựng ảnh trang PDF — pypdfium2 missing"
        ) from exc
    try:
        document = pdfium.PdfDocument(str(path))
    except Exception as exc:
        raise ReadError(f"Tệp PDF hỏng — corrupt PDF ({type(exc).__name__})") from exc
    try:
        count = len(document)
        if count > max_pages:
            raise ReadError(
                f"Bản quét có {count} trang, vượt giới hạn {max_pages} trang để nhận dạng chữ — "
                f"too many pages to OCR ({count} > {max_pages})"
            )
        pages: list[tuple[bytes, bytes | None]] = []
        for index in range(count):
            page = document[index]
            red = _red_ink_channel(page, dpi) if dropout else None
            grey = page.render(scale=dpi / 72, grayscale=True)
            width, height = grey.width, grey.height
            plain = channel_rows(bytes(grey.buffer), width, height, grey.stride, 1, 0)
            grey.close()
            page.close()
            header = b"P5 %d %d 255\n" % (width, height)
            if red is None:
                pages.append((header + plain, None))
            else:  # read the red channel, show the plain grey
                shown = png_grey(width, height, plain, width) if keep_shown else None
                pages.append((header + red, shown))
        return pages
    finally:
        document.close()


def _red_ink_channel(page: PdfPage, dpi: int) -> bytes | None:
    """A PDF page's red channel (one byte a pixel) when it has red ink on it
    (:func:`vanban.ocr_dropout.has_red_ink`), else None: read it in plain grey."""
    import pypdfium2.raw as pdfium_c

    bitmap = page.render(scale=dpi / 72, force_bitmap_format=pdfium_c.FPDFBitmap_BGR)
    width, height, stride, size = bitmap.width, bitmap.height, bitmap.stride, bitmap.n_channels
    buffer, mode = bytes(bitmap.buffer), bitmap.mode
    bitmap.close()
    blue, green, red = (
        channel_rows(buffer, width, height, stride, size, mode.index(channel)) for channel in "BGR"
    )
    return red if has_red_ink(red, green, blue) else None


def pgm_crop(pixels: bytes, stride: int, left: int, upper: int, right: int, lower: int) -> bytes:
    """A binary PGM of the box [left, right) × [upper, lower) of an 8-bit grey buffer."""
    rows = b"".join(pixels[y * stride + left : y * stride + right] for y in range(upper, lower))
    return b"P5 %d %d 255\n" % (right - left, lower - upper) + rows


def _pgm_header(pgm: bytes) -> tuple[int, int, int] | None:
    """Width, height and where the pixels start, of an 8-bit binary PGM (None for another
    image)."""
    match = _PGM_HEADER.match(pgm)
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2)), match.end()


_PGM_HEADER = re.compile(rb"P5\s+(\d+)\s+(\d+)\s+255\s")


def pgm_to_png(pgm: bytes) -> bytes:
    """A binary PGM (as :func:`render_pdf` makes) as a PNG."""
    header = _pgm_header(pgm)
    if header is None:
        raise ValueError("not an 8-bit binary PGM")
    width, height, offset = header
    return png_grey(width, height, pgm[offset:], width)


def _workers(workers: int | None, pages: int) -> int:
    if workers is None:
        workers = min(4, os.cpu_count() or 1)
    return max(1, min(workers, pages))


def ocr_images(
    images: Sequence[bytes],
    *,
    progress: Progress | None = None,
    keep_images: bool = False,
    workers: int | None = None,
    dpi: int = DPI,
    shown: Sequence[bytes | None] | None = None,
) -> OcrResult:
    """OCR of page images (any format Tesseract reads: PGM, PNG, JPEG, TIFF), in order.

    With ``keep_images`` each page keeps its image as a PNG: ``shown[i]`` when given and not
    None (the page as it looks, where OCR read its red channel), else the image read."""
    binary, engine = _require()
    total = len(images)
    done = 0
    if progress is not None:
        progress(0, total)

    def one(index: int) -> OcrPage:
        text, confidence = _page_text(binary, images[index], dpi)
        return OcrPage(index + 1, text, confidence)

    pages: list[OcrPage] = []
    with ThreadPoolExecutor(max_workers=_workers(workers, total)) as pool:
        for page in pool.map(one, range(total)):
            if keep_images:
                kept = shown[page.number - 1] if shown is not None else None
                data = kept if kept is not None else images[page.number - 1]
                page.image_png = pgm_to_png(data) if data.startswith(b"P5") else data
            pages.append(page)
            done += 1
            if progress is not None:
                progress(done, total)
    raw = "\n\n".join(p.text for p in pages)
    return OcrResult(normalize_ocr_text(raw), pages, engine)


def ocr_pdf(
    path: str | Path,
    *,
    progress: Progress | None = None,
    keep_images: bool = False,
    workers: int | None = None,
    dpi: int = OCR_DPI,
) -> OcrResult:
    """OCR of every page of a scanned (image-only) PDF, rendered at ``dpi``."""
    _require()
    pages = render_pdf_pages(path, dpi=dpi, keep_shown=keep_images)
    return ocr_images(
        [read for read, _shown in pages],
        progress=progress,
        keep_images=keep_images,
        workers=workers,
        dpi=dpi,
        shown=[page_shown for _read, page_shown in pages],
    )


def ocr_image_file(
    path: str | Path, *, progress: Progress | None = None, keep_images: bool = False
) -> OcrResult:
    """OCR of an image file (.png, .jpg, .tif; a multi-page TIFF gives one page per frame).

    A colour image is read through its red channel, frame by frame, as PDF pages are
    (:mod:`vanban.ocr_dropout`; this needs Pillow, which ``vanban`` does not require); a grey or
    black-and-white one, or any image when Pillow is missing, goes to Tesseract as it is."""
    binary, engine = _require()
    frames = red_channel_of_image_file(path, keep_shown=keep_images)
    if frames is not None:
        return ocr_images(
            [read for read, _shown in frames],
            progress=progress,
            keep_images=keep_images,
            shown=[page_shown for _read, page_shown in frames],
        )
    if progress is not None:
        progress(0, 1)
    raw, confidence = _run_tesseract(binary, str(path), None)
    texts = raw.split("\f")
    pages = [OcrPage(i + 1, t.strip("\n"), confidence) for i, t in enumerate(texts)]
    if keep_images and Path(path).suffix.lower() == ".png" and pages:
        pages[0].image_png = Path(path).read_bytes()
    if progress is not None:
        progress(1, 1)
    return OcrResult(normalize_ocr_text("\n\n".join(p.text for p in pages)), pages, engine)


def is_image(path: str | Path) -> bool:
    return Path(path).suffix.lower() in IMAGE_SUFFIXES


def read_scan(
    path: str | Path,
    *,
    progress: Progress | None = None,
    keep_images: bool = False,
    workers: int | None = None,
) -> OcrResult:
    """OCR of a scan: an image file, or a PDF (its text layer is not looked at)."""
    if is_image(path):
        return ocr_image_file(path, progress=progress, keep_images=keep_images)
    return ocr_pdf(path, progress=progress, keep_images=keep_images, workers=workers)


def read_any(
    path: str | Path, *, progress: Progress | None = None, keep_images: bool = False
) -> tuple[str, OcrResult | None]:
    """The text of any document :func:`vanban.read` reads, and of scans by OCR: ``(text,
    None)`` for a document with text, ``(text, OcrResult)`` for a scan. Raises
    :class:`OcrUnavailable` for a scan when Tesseract is missing."""
    from vanban.readers import read

    try:
        return read(path), None
    except ScannedError:
        result = read_scan(path, progress=progress, keep_images=keep_images)
        return result.text, result


__all__ = [
    "IMAGE_SUFFIXES",
    "OcrPage",
    "OcrResult",
    "OcrUnavailable",
    "available",
    "normalize_ocr_text",
    "ocr_image_file",
    "ocr_images",
    "ocr_pdf",
    "read_any",
    "read_scan",
    "render_pdf",
    "render_pdf_pages",
    "tsv_to_text",
    "unavailable_reason",
]
