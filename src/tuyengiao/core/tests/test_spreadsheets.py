"""core.spreadsheets: exports never carry live formulas; .csv imports in any Vietnamese
encoding officials still send (UTF-16 from Excel, Windows-1258, the TCVN3 font) read right."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import unicodedata
from collections.abc import Sequence
from decimal import Decimal

from openpyxl import load_workbook

import vanban
from tuyengiao.core.spreadsheets import csv_bytes, read_table, workbook_bytes

COLUMNS: dict[str, Sequence[str]] = {"name": ["Họ và tên"], "year": ["Năm sinh"]}
HOSTILE = ["=2+2", "+1", "-x", "@SUM(A1)", "\tTab", "\rCR", "#N/A"]


def test_xlsx_text_is_never_a_formula_and_numbers_stay_numbers() -> None:
    rows = [[name, 1980, 2.5, Decimal("3.25"), dt.date(2024, 1, 2)] for name in HOSTILE]
    content = workbook_bytes([("Thử", ["=Tiêu đề", "Năm", "Số", "Tiền", "Ngày"], rows)])
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    cells = [c for row in sheet.iter_rows() for c in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert sheet["A1"].value == "=Tiêu đề"
    assert [sheet.cell(row=r, column=1).value for r in range(2, 2 + len(HOSTILE))] == HOSTILE
    assert sheet["B2"].value == 1980 and sheet["C2"].value == 2.5 and sheet["D2"].value == 3.25
    assert sheet["E2"].is_date and sheet["B2"].data_type == "n"


def test_csv_quotes_formula_text_and_reads_it_back() -> None:
    content = csv_bytes(["Họ và tên", "Năm sinh"], [[name, 1980] for name in HOSTILE[:4]])
    text = content.decode("utf-8-sig")
    assert "'=2+2,1980" in text and "'+1,1980" in text and "'@SUM(A1),1980" in text
    assert "\n=2+2" not in text  # nothing starts a formula
    rows = read_table(io.BytesIO(content), "x.csv", COLUMNS)
    assert [r.get("name") for r in rows] == HOSTILE[:4]
    assert {r.get("year") for r in rows} == {"1980"}


NAMES = ["Nguyễn Văn Hùng", "Trần Thị Hồng Nhung", "Lê Đức Thọ"]


def _sheet_text(separator: str = ",") -> str:
    lines = [separator.join(["Họ và tên", "Năm sinh"])]
    lines += [separator.join([name, str(1970 + i)]) for i, name in enumerate(NAMES)]
    return "\r\n".join(lines) + "\r\n"


def _names(data: bytes) -> list[str]:
    return [r.get("name") for r in read_table(io.BytesIO(data), "nhan-su.csv", COLUMNS)]


def test_csv_in_utf16_with_bom_as_excel_saves_unicode_text() -> None:
    data = codecs.BOM_UTF16_LE + _sheet_text("\t").encode("utf-16-le")
    assert _names(data) == NAMES


TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Word writes it: â, ê, ơ, đ … precomposed, the five tones combining."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in TONES))
        out.append(base + "".join(p for p in parts if p in TONES))
    return "".join(out).encode("cp1258")


def test_csv_in_windows_1258() -> None:
    data = _cp1258(_sheet_text())
    assert "\u0301".encode("cp1258") in data  # the tones really are combining marks
    names = _names(data)
    assert names == NAMES and all(unicodedata.is_normalized("NFC", n) for n in names)


def test_csv_in_the_tcvn3_font_encoding() -> None:
    data = vanban.tcvn3_encode(_sheet_text()).encode("cp1252")
    assert data != _sheet_text().encode("utf-8")
    assert _names(data) == NAMES
