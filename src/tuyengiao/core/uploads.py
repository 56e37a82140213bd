"""Which files are taken in, for each purpose, checked by their content and not only their name.

One allow-list per purpose — library documents, attachments, spreadsheet imports — so that an
``.exe`` renamed or not, an empty file, or a file whose bytes are not what its name says is
refused everywhere in the same Vietnamese words, naming the file and the reason. Forms use
``CheckedFileField``; code that holds bytes (the library's bulk import, a .zip's members) calls
``refusal``. The limits on a bulk upload are told to the user by ``bulk_limits_text``.
"""

from __future__ import annotations

import codecs
import io
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from vanban import decode_bytes

MB = 1024 * 1024
HEAD_BYTES = 64 * 1024  # enough to tell text from binary, and every signature below


def size_text(n: int) -> str:
    if n < MB:
        return f"{max(1, round(n / 1024))} KB"
    return f"{n / MB:.1f}".rstrip("0").rstrip(".") + " MB"


# --- what the bytes are -------------------------------------------------------------------------


def _zip_names(stream: IO[bytes]) -> set[str] | None:
    try:
        with zipfile.ZipFile(stream) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None


def _odf_mimetype(stream: IO[bytes]) -> str:
    try:
        with zipfile.ZipFile(stream) as archive:
            if "mimetype" not in archive.namelist():
                return ""
            with archive.open("mimetype") as handle:
                return handle.read(200).decode("ascii", errors="replace").strip()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return ""


def _ooxml(folder: str) -> Callable[[bytes, IO[bytes]], bool]:
    """An Office Open XML package (a zip) whose main part lives in ``folder`` (word/, xl/ …)."""

    def check(head: bytes, stream: IO[bytes]) -> bool:
        if not head.startswith(b"PK\x03\x04"):
            return False
        names = _zip_names(stream)
        return names is not None and any(n.startswith(folder) for n in names)

    return check


def _odf(kind: str) -> Callable[[bytes, IO[bytes]], bool]:
    """An OpenDocument package: a zip with content.xml, and a ``mimetype`` of that kind if any."""

    def check(head: bytes, stream: IO[bytes]) -> bool:
        if not head.startswith(b"PK\x03\x04"):
            return False
        names = _zip_names(stream)
        if names is None or "content.xml" not in names:
            return False
        stream.seek(0)
        mimetype = _odf_mimetype(stream)
        return not mimetype or mimetype.startswith(f"application/vnd.oasis.opendocument.{kind}")

    return check


def _starts(*signatures: bytes) -> Callable[[bytes, IO[bytes]], bool]:
    return lambda head, _stream: head.startswith(signatures)


def _pdf(head: bytes, _stream: IO[bytes]) -> bool:
    return b"%PDF-" in head[:1024]  # the format allows a little junk before the header


def _zip(head: bytes, stream: IO[bytes]) -> bool:
    return head.startswith(b"PK\x03\x04") and _zip_names(stream) is not None


BINARY_SIGNATURES = (
    b"MZ",  # Windows programs (.exe, .dll, .scr)
    b"\x7fELF",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0",
    b"%PDF-",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"Rar!",
    b"7z\xbc\xaf",
    b"\x1f\x8b",
)


UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _text(head: bytes, _stream: IO[bytes]) -> bool:
    """Text in any encoding vanban reads (UTF-8/16/32, Windows-1258, TCVN3, VNI): no binary
    signature, and hardly any control characters once decoded."""
    if head.startswith(BINARY_SIGNATURES):
        return False
    for bom, codec in UNICODE_BOMS:
        if head.startswith(bom):
            # decoded leniently: the head may end inside a character
            text = head.decode(codec, errors="replace")
            break
    else:
        text = decode_bytes(head)[0]
    if not text:
        return False
    controls = sum(
        1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v\x1a"
    )
    return controls <= len(text) // 100


OLE2 = _starts(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
RTF = _starts(b"{\\rtf")
WORD = _ooxml("word/")


def _old_word(head: bytes, stream: IO[bytes]) -> bool:
    """A .doc is often not an old Word file at all: RTF, a .docx renamed, or a web page Word
    saved; the library reads all of them (vanban looks at the content)."""
    return any(check(head, stream) for check in (OLE2, RTF, WORD, _text))


@dataclass(frozen=True)
class Kind:
    label: str  # what the user calls it, for "… is not a real <label>"
    check: Callable[[bytes, IO[bytes]], bool]


KINDS: dict[str, Kind] = {
    ".pdf": Kind("tệp PDF", _pdf),
    ".docx": Kind("văn bản Word (.docx)", WORD),
    ".doc": Kind("văn bản Word (.doc)", _old_word),
    ".odt": Kind("văn bản OpenDocument (.odt)", _odf("text")),
    ".rtf": Kind("văn bản RTF", RTF),
    ".txt": Kind("tệp văn bản thuần", _text),
    ".html": Kind("trang HTML", _text),
    ".htm": Kind("trang HTML", _text),
    ".xlsx": Kind("bảng tính Excel (.xlsx)", _ooxml("xl/")),
    ".xls": Kind("bảng tính Excel (.xls)", OLE2),
    ".ods": Kind("bảng tính OpenDocument (.ods)", _odf("spreadsheet")),
    ".csv": Kind("tệp .csv (văn bản)", _text),
    ".pptx": Kind("bài trình chiếu PowerPoint (.pptx)", _ooxml("ppt/")),
    ".ppt": Kind("bài trình chiếu PowerPoint (.ppt)", OLE2),
    ".jpg": Kind("ảnh JPEG", _starts(b"\xff\xd8\xff")),
    ".jpeg": Kind("ảnh JPEG", _starts(b"\xff\xd8\xff")),
    ".png": Kind("ảnh PNG", _starts(b"\x89PNG\r\n\x1a\n")),
    ".tif": Kind("ảnh TIFF", _starts(b"II*\x00", b"MM\x00*")),
    ".tiff": Kind("ảnh TIFF", _starts(b"II*\x00", b"MM\x00*")),
    ".zip": Kind("tệp nén .zip", _zip),
}


# --- purposes -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Purpose:
    name: str  # for the message: "… không phải định dạng <name> được hỗ trợ"
    suffixes: tuple[str, ...]  # in the order the user is told them

    @property
    def kinds_text(self) -> str:
        return ", ".join(self.suffixes)


LIBRARY = Purpose(
    "văn bản",
    (
        *(".docx", ".pdf", ".odt", ".doc", ".txt", ".html", ".htm", ".rtf"),
        # scans, read by OCR in a background job (documents.tasks.run_ocr)
        *(".png", ".jpg", ".jpeg", ".tif", ".tiff"),
    ),
)
# The library's upload and bulk import also take a .zip of such documents (members checked
# one by one as LIBRARY).
LIBRARY_BULK = Purpose("văn bản", (*LIBRARY.suffixes, ".zip"))
ATTACHMENTS = Purpose(
    "tệp đính kèm",
    (
        *(".docx", ".pdf", ".odt", ".doc", ".rtf", ".txt"),
        *(".xlsx", ".xls", ".ods", ".csv"),
        *(".pptx", ".ppt"),
        *(".jpg", ".jpeg", ".png"),
    ),
)
IMPORTS = Purpose("tệp nhập dữ liệu", (".xlsx", ".csv"))


def refusal_of_name(name: str, purpose: Purpose) -> str | None:
    """Why a file named ``name`` is refused for ``purpose`` before its bytes are read."""
    name = Path(name or "tep").name or "tep"
    suffix = Path(name).suffix.lower()
    if suffix not in purpose.suffixes:
        shown = f"loại {suffix}" if suffix else "tệp không có phần đuôi (loại tệp)"
        return (
            f"Không nhận tệp “{name}”: {shown} không phải định dạng {purpose.name} được hỗ trợ; "
            f"chỉ nhận {purpose.kinds_text}."
        )
    return None


def refusal_of_stream(name: str, stream: IO[bytes], size: int, purpose: Purpose) -> str | None:
    """Why the file ``name`` (its bytes readable and seekable in ``stream``) is refused for
    ``purpose``, in Vietnamese; ``None`` when it is taken. The stream is left at its start."""
    name = Path(name or "tep").name or "tep"
    suffix = Path(name).suffix.lower()
    if reason := refusal_of_name(name, purpose):
        return reason
    if size == 0:
        return f"Không nhận tệp “{name}”: tệp rỗng (0 byte)."
    stream.seek(0)
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    try:
        kind = KINDS[suffix]
        ok = kind.check(head, stream)
    finally:
        stream.seek(0)
    if not ok:
        return (
            f"Không đọc được tệp “{name}”: nội dung không phải {kind.label} "
            f"(tệp hỏng hoặc bị đổi đuôi)."
        )
    return None


def refusal(name: str, data: bytes, purpose: Purpose) -> str | None:
    """``refusal_of_stream`` for bytes already in memory."""
    return refusal_of_stream(name, io.BytesIO(data), len(data), purpose)


def check_upload(upload: UploadedFile[bytes], purpose: Purpose) -> None:
    """Raise a form ``ValidationError`` naming ``upload`` when ``purpose`` does not take it."""
    size = upload.size or 0
    reason = refusal_of_stream(upload.name or "tep", upload, size, purpose)
    if reason:
        raise forms.ValidationError(reason, code="file_kind")


class CheckedFileField(forms.FileField):
    """A file field that takes only the kinds of ``purpose`` (by content), none empty, and none
    over ``max_bytes``; each refusal names the file."""

    def __init__(self, purpose: Purpose, *args: Any, max_bytes: int | None = None, **kwargs: Any):
        self.purpose = purpose
        self.max_bytes = max_bytes
        kwargs.setdefault("allow_empty_file", True)  # refused below, with the file's name
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", ",".join(purpose.suffixes))

    def clean(self, data: Any, initial: Any = None) -> Any:
        upload = super().clean(data, initial)
        if isinstance(upload, UploadedFile):
            name = Path(upload.name or "tep").name
            if self.max_bytes is not None and (upload.size or 0) > self.max_bytes:
                raise forms.ValidationError(
                    f"Không nhận tệp “{name}”: tệp {size_text(upload.size or 0)}, "
                    f"quá giới hạn {size_text(self.max_bytes)}.",
                    code="file_size",
                )
            check_upload(upload, self.purpose)
        return upload


# --- limits of a bulk upload ------------------------------------------------------------------


def max_files_per_request() -> int | None:
    """How many files one form post may carry (Django's DATA_UPLOAD_MAX_NUMBER_FILES)."""
    value = getattr(settings, "DATA_UPLOAD_MAX_NUMBER_FILES", 100)
    return int(value) if value is not None else None


def too_many_files_text() -> str:
    limit = max_files_per_request()
    return (
        f"Gửi quá nhiều tệp trong một lần: mỗi lần tải lên được tối đa {limit} tệp. "
        "Không tệp nào được lưu; hãy chia thành nhiều lần, hoặc nén các tệp thành một tệp .zip."
    )


def bulk_limits_text(max_file: int, max_zip_files: int, max_zip_total: int) -> str:
    """What the upload page tells before sending (the library's limits are passed in, so this
    module does not depend on the documents app)."""
    limit = max_files_per_request()
    count = f"tối đa {limit} tệp mỗi lần, " if limit is not None else ""
    return (
        f"Giới hạn: {count}mỗi tệp tối đa {size_text(max_file)}; "
        f"một tệp .zip chứa tối đa {max_zip_files} tệp và {size_text(max_zip_total)} khi giải nén."
    )
