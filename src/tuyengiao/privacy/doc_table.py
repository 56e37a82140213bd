"""The table of docs/du-lieu-ca-nhan.md, written from the registry (``tuyengiao
personal_data_doc`` prints it; a test keeps the page equal to it)."""

from __future__ import annotations

from .registry import Erasure, declarations, model_of

BEGIN = "<!-- registry:begin (tuyengiao personal_data_doc) -->"
END = "<!-- registry:end -->"

ERASURE_WORDS = {
    Erasure.ERASE: "xóa",
    Erasure.ANONYMISE: "ẩn danh một phần",
    Erasure.KEEP: "giữ lại",
}


def _cell(text: str) -> str:
    return text.replace("|", "/").replace("\n", " ")


def render_table() -> str:
    lines = [
        BEGIN,
        "| Bảng | Dữ liệu | Trường | Mục đích | Căn cứ | Thời hạn lưu | Khi yêu cầu xóa |",
        "|---|---|---|---|---|---|---|",
    ]
    for d in declarations():
        title = str(model_of(d)._meta.verbose_name_plural).capitalize()
        on_erasure = ERASURE_WORDS[d.erasure]
        if d.erasure == Erasure.ANONYMISE:
            on_erasure += " (" + ", ".join(sorted(d.anonymise)) + ")"
        if d.keep_reason:
            on_erasure += ": " + d.keep_reason
        lines.append(
            "| "
            + " | ".join(
                _cell(x)
                for x in (
                    f"`{d.model}`",
                    title + (" (nhạy cảm)" if d.sensitive else ""),
                    ", ".join(d.fields),
                    d.purpose,
                    d.legal_basis,
                    d.retention,
                    on_erasure,
                )
            )
            + " |"
        )
    lines.append(END)
    return "\n".join(lines)
