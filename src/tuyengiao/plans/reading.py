"""Reading plan text with ``vanban`` (files go through the library's service, see ``uploads``)."""

from __future__ import annotations

from typing import Any

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
