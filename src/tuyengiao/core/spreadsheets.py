"""Reading and writing the .xlsx/.csv files officials exchange (openpyxl underneath).

Imports are all-or-nothing by default: ``read_table`` gives rows with their spreadsheet row
numbers, the importer validates every row and collects ``RowError``s, and only when there are
none (or the user chose "import the valid rows only") does it write, in one transaction.

Every export goes through ``workbook_bytes``/``csv_bytes`` so that text someone typed (a name
such as ``=HYPERLINK(...)``) is never written as a live formula (OWASP "CSV injection"); the
import undoes the CSV quote, so an exported sheet imports again unchanged.
"""

from __future__ import annotations

import contextlib
import csv
import io
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, Any

from django.http import HttpResponse
from openpyxl import Workbook, load_workbook
from openpyxl.cell import Cell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from vanban import decode_bytes

from .text import fold

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_IMPORT_ROWS = 200_000
# Text starting with one of these is taken as a formula by Excel/LibreOffice when a .csv opens
# (tab and CR too, per OWASP); a quote in front keeps it text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class TableError(ValueError):
    """The file as a whole cannot be read (wrong format, no header …); message in Vietnamese."""


@dataclass
class RowError:
    row: int
    reason: str

    def __str__(self) -> str:
        return f"Dòng {self.row}: {self.reason}"


@dataclass
class ImportResult:
    """What an import did or would do: rows written, and each bad row with its reason."""

    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Row:
    number: int  # the row number as the spreadsheet shows it (header is row 1)
    values: dict[str, str]

    def get(self, key: str) -> str:
        return self.values.get(key, "")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    text = str(value)
    if text[:1] == "'" and text[1:2] and text[1:2] in FORMULA_START:
        text = text[1:]  # the quote our own .csv export put in front (see csv_bytes)
    return unicodedata.normalize("NFC", text).strip()


def _decoded_csv(data: bytes) -> str:
    """UTF-8/16/32, Windows-1258 and the legacy TCVN3/VNI fonts, as NFC Unicode (vanban's
    detection, which the library's .txt reader uses too)."""
    return decode_bytes(data)[0]


def read_table(upload: IO[bytes], filename: str, columns: dict[str, Sequence[str]]) -> list[Row]:
    """Read an .xlsx or .csv file whose first non-empty row is a header.

    ``columns`` maps our key to the header texts accepted for it (compared accent-insensitively),
    e.g. ``{"code": ["Mã", "Mã đơn vị"]}``. Unknown headers are ignored; a missing required
    column is the caller's check (see ``require_columns``).
    """
    name = filename.lower()
    raw_rows: Iterable[Sequence[Any]]
    if name.endswith(".xlsx"):
        try:
            workbook = load_workbook(upload, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a bad file
            raise TableError(
                "Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc sai định dạng."
            ) from exc
        sheet = workbook.worksheets[0]
        raw_rows = sheet.iter_rows(values_only=True)
    elif name.endswith(".csv"):
        text = _decoded_csv(upload.read())
        delimiter = ","
        with contextlib.suppress(csv.Error):
            delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
        # Only the delimiter is guessed: the sniffer takes the quote our export puts before
        # "=…" (see csv_bytes) for a quoting character.
        raw_rows = csv.reader(io.StringIO(text), csv.excel, delimiter=delimiter)
    else:
        raise TableError("Chỉ nhận tệp .xlsx hoặc .csv.")

    wanted = {fold(alias): key for key, aliases in columns.items() for alias in [key, *aliases]}
    header: list[str | None] | None = None
    rows: list[Row] = []
    for index, raw in enumerate(raw_rows, start=1):
        cells = [_cell_text(v) for v in raw]
        if header is None:
            if not any(cells):
                continue
            header = [wanted.get(fold(c)) for c in cells]
            if not any(header):
                raise TableError(
                    "Không nhận ra dòng tiêu đề. Các cột cần có: "
                    + ", ".join(aliases[0] if aliases else key for key, aliases in columns.items())
                )
            continue
        if not any(cells):
            continue
        values = {key: cells[i] for i, key in enumerate(header) if key and i < len(cells)}
        rows.append(Row(index, values))
        if len(rows) > MAX_IMPORT_ROWS:
            raise TableError(f"Tệp có quá {MAX_IMPORT_ROWS:,} dòng; hãy chia nhỏ.")
    if header is None:
        raise TableError("Tệp trống.")
    return rows


def require_columns(rows: list[Row], required: dict[str, str]) -> None:
    """Raise TableError naming the missing columns (``required`` maps key → header shown)."""
    if not rows:
        raise TableError("Tệp không có dòng dữ liệu nào.")
    present = set().union(*(r.values.keys() for r in rows))
    missing = [label for key, label in required.items() if key not in present]
    if missing:
        raise TableError("Thiếu cột: " + ", ".join(missing))


def _literal(sheet: Any, value: Any) -> Any:
    """``value`` as openpyxl should store it: text that openpyxl would take for a formula ("=…")
    or an error code ("#N/A"), or a spreadsheet would on editing, becomes a cell of type string;
    anything else is left as it is, so numbers and dates stay numbers and dates."""
    if isinstance(value, str) and value.startswith((*FORMULA_START, "#")):
        cell = Cell(sheet, row=1, column=1, value=value)  # append() sets the real place
        cell.data_type = "s"
        return cell
    return value


def workbook_bytes(sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]) -> bytes:
    """Build an .xlsx with one sheet per (title, headers, rows); header bold, columns sized.
    Text is always written as text, never as a formula."""
    workbook = Workbook(write_only=False)
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append([_literal(sheet, h) for h in headers])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="FCE4D6")
        widths = [len(str(h)) for h in headers]
        for row in rows:
            values = list(row)
            sheet.append([_literal(sheet, v) for v in values])
            for cell in sheet[sheet.max_row]:
                # dates read dd/mm/yyyy, as on the pages (openpyxl's default is yyyy-mm-dd)
                if isinstance(cell.value, datetime):
                    cell.number_format = "dd/mm/yyyy hh:mm"
                elif isinstance(cell.value, date):
                    cell.number_format = "dd/mm/yyyy"
            for i, v in enumerate(values[: len(widths)]):
                widths[i] = min(60, max(widths[i], len(str(v)) if v is not None else 0))
        for i, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = width + 2
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(
    filename: str, headers: Sequence[str], rows: Iterable[Sequence[Any]], title: str = "Dữ liệu"
) -> HttpResponse:
    response = HttpResponse(workbook_bytes([(title, headers, rows)]), content_type=XLSX_MIME)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value  # OWASP: the quote makes a spreadsheet show the text, not run it
    return value


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """UTF-8 with a BOM, so that Excel opens the Vietnamese text correctly; text that would
    start a formula is quoted (``read_table`` takes the quote off again)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_csv_cell(h) for h in headers])
    writer.writerows([_csv_cell(v) for v in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def csv_response(
    filename: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    response = HttpResponse(csv_bytes(headers, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
