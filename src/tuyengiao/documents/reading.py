"""Taking a file in: the limits, the kinds read, and turning bytes into text and structure.

This is the one way into the library for every app (the library's own upload and import, plans'
uploads): one size limit (``DOCUMENTS_MAX_FILE_BYTES``), one list of kinds, one wording. Every
failure a person can cause (bad file, hostile zip, too large) raises :class:`UploadError` with a
Vietnamese message *before* anything is stored.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
import zipfile
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

import vanban
from tuyengiao.core import uploads

MB = 1024 * 1024

# The one allow-list is core.uploads; ordered, the first five are the kinds named to the user.
READABLE_SUFFIXES = uploads.LIBRARY.suffixes
READABLE_KINDS = ", ".join(READABLE_SUFFIXES[:5])


def max_file_bytes() -> int:
    return int(getattr(settings, "DOCUMENTS_MAX_FILE_BYTES", 20 * MB))


def max_zip_files() -> int:
    return int(getattr(settings, "DOCUMENTS_MAX_ZIP_FILES", 500))


def max_zip_total_bytes() -> int:
    return int(getattr(settings, "DOCUMENTS_MAX_ZIP_TOTAL_BYTES", 200 * MB))


class UploadError(ValueError):
    """A file (or archive) that cannot be taken in; the message is for the user, in Vietnamese."""


class NeedsOcr(UploadError):
    """A scan (an image, or a PDF without a text layer): read by OCR in a background job
    (``tasks.run_ocr``), not in the request."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def size_text(n: int) -> str:
    """``n`` bytes for a person: MB, or KB below a megabyte (a small limit must not read "0 MB")."""
    if n < MB:
        return f"{max(1, round(n / 1024))} KB"
    return f"{n / MB:.1f}".rstrip("0").rstrip(".") + " MB"


def check_size(name: str, size: int) -> None:
    if size > max_file_bytes():
        raise UploadError(
            f"Tệp “{name}” quá lớn ({size_text(size)}); "
            f"giới hạn là {size_text(max_file_bytes())} mỗi tệp."
        )


def check_kind(name: str) -> None:
    if reason := uploads.refusal_of_name(name, uploads.LIBRARY):
        raise UploadError(reason)


def read_upload(upload: UploadedFile[bytes]) -> tuple[str, bytes]:
    """The name and bytes of one uploaded document, refused before its bytes are read into
    memory when its kind is not read or it is larger than the limit."""
    name = Path(upload.name or "tep").name
    check_kind(name)
    if upload.size is not None:
        check_size(name, upload.size)
    return name, b"".join(upload.chunks())


def parse_iso_date(value: Any) -> date | None:
    """A date of the parsed structure (ISO text), or None when absent or not a date."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def parse_text(text: str, source: str | None = None) -> dict[str, Any]:
    """The parsed structure (``ParsedDocument.to_dict()``) of a text already read."""
    return vanban.parse(text, source=source).to_dict()


def read_and_parse(data: bytes, filename: str) -> tuple[str, dict[str, Any]]:
    """Text and parsed structure (``ParsedDocument.to_dict()``) of a file's bytes."""
    name = Path(filename).name or "tep"
    if not data:
        raise UploadError(f"Tệp “{name}” rỗng (0 byte) — không có nội dung để đọc.")
    check_size(name, len(data))
    if reason := uploads.refusal(name, data, uploads.LIBRARY):
        raise UploadError(reason)  # an .exe or a renamed file never reaches the readers
    suffix = Path(name).suffix.lower()
    if name.lower().endswith(vanban.OCR_TEXT_SUFFIX):
        suffix = vanban.OCR_TEXT_SUFFIX  # OCR's text made elsewhere, read as such by vanban
    with tempfile.TemporaryDirectory(prefix="tg-doc-") as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            text = vanban.read(path)
        except vanban.ScannedError as exc:
            raise NeedsOcr(
                f"Tệp “{name}” là bản quét (ảnh): hệ thống sẽ nhận dạng chữ (OCR) trong nền."
            ) from exc
        except vanban.ReadError as exc:
            raise UploadError(f"Không đọc được tệp “{name}”: {exc}") from exc
        except Exception as exc:  # a reader bug must not become a 500 for the user
            raise UploadError(
                f"Không đọc được tệp “{name}”: tệp hỏng hoặc định dạng không hỗ trợ."
            ) from exc
    if not text.strip():
        raise UploadError(
            f"Tệp “{name}” không có chữ nào đọc được (tệp rỗng hoặc chỉ có hình ảnh)."
        )
    if data.startswith(b"%PDF") and b"/ByteRange" in data:
        parsed = parse_signed(text, name, data)
    else:
        parsed = parse_text(text, source=name)
    if suffix == ".docx":
        add_layout_findings(parsed, data)
    return text, parsed


def trusted_roots() -> list[Any]:
    """The roots the administrator trusts (``DOCUMENTS_TRUSTED_ROOTS``, a PEM bundle); none when
    unset or unreadable (every signature then shows as not trusted)."""
    from vanban.signatures import load_roots

    path = str(getattr(settings, "DOCUMENTS_TRUSTED_ROOTS", "") or "")
    if not path:
        return []
    try:
        return load_roots(path)
    except (OSError, ValueError):
        return []


def parse_signed(text: str, name: str, data: bytes) -> dict[str, Any]:
    """The parsed structure of a PDF with its digital signatures (``parsed["signatures"]``, one
    dict each, and ``parsed["signature_status"]``); a blank date takes the signing date."""
    from vanban.signatures import fill_from_signature, read_signatures, summary_status

    doc = vanban.parse(text, source=name)
    try:
        signatures = read_signatures(data, trust_roots=trusted_roots())
    except vanban.ReadError:
        signatures = []
    fill_from_signature(doc, signatures)
    parsed = doc.to_dict()
    parsed["signatures"] = [s.to_dict() for s in signatures]
    parsed["signature_status"] = summary_status(signatures)
    return parsed


def read_scan(
    data: bytes, filename: str, progress: Any = None
) -> tuple[str, dict[str, Any], list[bytes]]:
    """Text, parsed structure and page images (PNG) of a scan read by OCR; ``parsed["ocr"]``
    says so (engine, pages, confidence). Raises :class:`UploadError` when Tesseract is missing
    or the scan cannot be read."""
    from vanban.ocr import read_scan as ocr_scan

    name = Path(filename).name or "tep"
    suffix = Path(name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="tg-ocr-") as tmp:
        path = Path(tmp) / f"scan{suffix}"
        path.write_bytes(data)
        try:
            result = ocr_scan(path, progress=progress, keep_images=True)
        except vanban.ReadError as exc:
            raise UploadError(f"Không nhận dạng được chữ trong “{name}”: {exc}") from exc
    if not result.text.strip():
        raise UploadError(f"Không nhận dạng được chữ nào trong bản quét “{name}”.")
    parsed = parse_text(result.text, source=name)
    parsed["ocr"] = result.summary()
    images = [p.image_png for p in result.pages if p.image_png]
    return result.text, parsed, images


def add_layout_findings(parsed: dict[str, Any], docx: bytes) -> None:
    """Add the .docx layout findings (margins, fonts, sizes, page numbers) of the rule set the
    parser chose to ``parsed["format_findings"]``; a layout that cannot be read adds none."""
    from vanban.docx_layout import read_docx_layout
    from vanban.format_check import layout_findings
    from vanban.rules import rule_set_named

    rules = rule_set_named(parsed.get("rule_set") or "")
    if rules is None:
        return
    try:
        layout = read_docx_layout(docx)
    except vanban.ReadError:
        return
    findings = parsed.setdefault("format_findings", [])
    findings.extend(f.to_dict() for f in layout_findings(rules, layout))


def safe_zip_members(data: bytes) -> list[tuple[str, bytes]]:
    """The files of a .zip, after refusing the whole archive if any entry is hostile: a path that
    climbs out (``../../x``) or is absolute, too many files, or too many bytes once unpacked."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise UploadError("Tệp .zip bị hỏng, không mở được.") from exc
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        for info in archive.infolist():
            raw = info.filename.replace("\\", "/")
            parts = PurePosixPath(raw).parts
            if raw.startswith("/") or (len(raw) > 1 and raw[1] == ":") or ".." in parts:
                raise UploadError(
                    f"Tệp .zip chứa đường dẫn không an toàn “{info.filename}” (ra ngoài thư mục); "
                    "không nhận tệp này, chưa lưu gì."
                )
        if len(infos) > max_zip_files():
            raise UploadError(
                f"Tệp .zip có {len(infos)} tệp, nhiều hơn giới hạn {max_zip_files()}; chưa lưu gì."
            )
        total = sum(i.file_size for i in infos)
        if total > max_zip_total_bytes():
            raise UploadError(
                f"Tệp .zip khi giải nén là {size_text(total)}, "
                f"vượt giới hạn {size_text(max_zip_total_bytes())}; chưa lưu gì."
            )
        members = []
        for info in infos:
            name = PurePosixPath(info.filename.replace("\\", "/")).name
            if name.startswith(".") or name.startswith("__MACOSX") or "__MACOSX" in info.filename:
                continue
            # Every other member is kept, so that one the library refuses (an .exe …) is
            # reported by name and reason instead of vanishing.
            with archive.open(info) as handle:
                content = handle.read(max_file_bytes() + 1)
            members.append((name, content))
    if not members:
        raise UploadError(f"Tệp .zip không có văn bản nào đọc được ({READABLE_KINDS}).")
    return members
