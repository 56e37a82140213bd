"""Reading an uploaded plan file with ``vanban``: text and parsed fields, or a clear message."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import UploadedFile

ACCEPTED = {".docx", ".pdf", ".txt", ".odt", ".html", ".htm", ".doc"}
MAX_BYTES = 20 * 1024 * 1024


class ReadError(ValueError):
    """The file cannot be read; the message is for the user (Vietnamese)."""


def _vanban() -> Any:
    try:
        import vanban
    except ImportError as exc:  # pragma: no cover - vanban ships with the project
        raise ReadError("Bộ đọc văn bản (vanban) chưa được cài đặt.") from exc
    if not (hasattr(vanban, "read") and hasattr(vanban, "parse")):
        raise ReadError(
            "Bộ đọc văn bản (vanban) chưa sẵn sàng; hãy nhập thông tin kế hoạch bằng tay."
        )
    return vanban


def parse_text(text: str) -> dict[str, Any]:
    vanban = _vanban()
    return dict(vanban.parse(text).to_dict())  # type: ignore[attr-defined,unused-ignore]


def read_upload(upload: UploadedFile) -> tuple[str, dict[str, Any]]:
    """(text, parsed dict) of an uploaded plan; ReadError with a Vietnamese reason otherwise."""
    name = upload.name or "tep"
    suffix = Path(name).suffix.lower()
    if suffix not in ACCEPTED:
        raise ReadError(
            f"Tệp “{name}” không phải định dạng văn bản được hỗ trợ (.docx, .pdf, .odt, .txt, .html)."
        )
    if upload.size is not None and upload.size > MAX_BYTES:
        raise ReadError(f"Tệp “{name}” quá lớn (tối đa {MAX_BYTES // (1024 * 1024)} MB).")
    if not upload.size:
        raise ReadError(f"Tệp “{name}” rỗng.")
    vanban = _vanban()
    fd, tmp = tempfile.mkstemp(suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        try:
            text = str(vanban.read(tmp))  # type: ignore[attr-defined,unused-ignore]
        except Exception as exc:
            raise ReadError(f"Không đọc được tệp “{name}”: {exc}") from exc
    finally:
        os.unlink(tmp)
        upload.seek(0)
    if not text.strip():
        raise ReadError(f"Tệp “{name}” không có nội dung văn bản.")
    return text, parse_text(text)
