"""vanban — read Vietnamese party and state administrative documents.

>>> import vanban
>>> doc = vanban.parse("Số 30-KH/ĐUK\\n\\nKẾ HOẠCH\\nĐổi mới công tác tư tưởng\\n")
>>> doc.number, doc.doc_type, doc.title
('30-KH/ĐUK', 'Kế hoạch', 'Đổi mới công tác tư tưởng')

Pure Python; no Django. See :func:`read`, :func:`parse`, :func:`parse_file`.
"""

from __future__ import annotations

from pathlib import Path

from vanban.assignments import units_named
from vanban.citations import find_citations
from vanban.docx_layout import DocxLayout, read_docx_layout
from vanban.encoding import decode_bytes
from vanban.errors import ReadError, ScannedError
from vanban.format_check import Finding, check_format
from vanban.legacy import detect_legacy, tcvn3_decode, tcvn3_encode, vni_decode, vni_encode
from vanban.model import Assignment, Bullet, Footnote, Item, ParsedDocument, Reference, Section
from vanban.normalize import (
    clean_symbol,
    fold,
    join_broken_lines,
    join_hard_breaks,
    normalize_symbol,
    normalize_text,
    tone_normalize,
)
from vanban.parser import parse
from vanban.readers import OCR_TEXT_SUFFIX, read


def parse_file(path: str | Path, *, ocr: bool = False, ocr_text: bool = False) -> ParsedDocument:
    """:func:`read` then :func:`parse`; ``source`` is the file name. With ``ocr=True`` a scan
    is read by OCR (:func:`vanban.ocr.read_any`) instead of raising :class:`ScannedError`.
    ``ocr_text=True`` says that the file's text is OCR's output made elsewhere (a scan's text
    kept without the scan), as a name ending in ``.ocr.txt`` does: it is mended as this library
    mends its own OCR (:func:`vanban.ocr_text.normalize_ocr_text`) before it is parsed."""
    if ocr:
        from vanban.ocr import read_any

        return parse(read_any(path)[0], source=Path(path).name)
    return parse(read(path, ocr_text=ocr_text), source=Path(path).name)


__all__ = [
    "OCR_TEXT_SUFFIX",
    "Assignment",
    "Bullet",
    "DocxLayout",
    "Finding",
    "Footnote",
    "Item",
    "ParsedDocument",
    "ReadError",
    "Reference",
    "ScannedError",
    "Section",
    "check_format",
    "clean_symbol",
    "decode_bytes",
    "detect_legacy",
    "find_citations",
    "fold",
    "join_broken_lines",
    "join_hard_breaks",
    "normalize_symbol",
    "normalize_text",
    "parse",
    "parse_file",
    "read",
    "read_docx_layout",
    "tcvn3_decode",
    "tcvn3_encode",
    "tone_normalize",
    "units_named",
    "vni_decode",
    "vni_encode",
]
