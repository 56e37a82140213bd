"""The compiled report ("Báo cáo tổng hợp") as .docx in the party format and as .xlsx, the raw
submissions export, and the paper-units template and import."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import IO, Any

from django.db import transaction
from django.utils import timezone
from docx import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from tuyengiao.core.spreadsheets import (
    ImportResult,
    RowError,
    read_table,
    require_columns,
    workbook_bytes,
)
from tuyengiao.orgs.models import Unit

from .models import IndicatorKind, Period, Status, Submission
from .services.plan_tasks import TASK_STATUS_CHOICES, task_summary
from .services.rollups import Rollup, rollup
from .services.values import parse_indicator

FONT = "Times New Roman"


def _run(
    paragraph: Any,
    text: str,
    size: float = 13,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
) -> Any:
    run = paragraph.add_run(text)
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    run.underline = underline
    return run


def _para(
    container: Any,
    text: str = "",
    size: float = 13,
    align: Any = None,
    bold: bool = False,
    italic: bool = False,
    space_after: float = 3,
) -> Any:
    p = container.add_paragraph()
    if text:
        _run(p, text, size, bold=bold, italic=italic)
    if align is not None:
        p.alignment = align
    p.paragraph_format.space_after = Pt(space_after)
    p.paragraph_format.space_before = Pt(0)
    return p


def _cell_text(
    cell: Any, text: str, bold: bool = False, align: Any = None, size: float = 12
) -> None:
    cell.text = ""
    p = cell.paragraphs[0]
    _run(p, text, size, bold=bold)
    if align is not None:
        p.alignment = align


def _table(
    doc: Any,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float] = (),
    size: float = 12,
) -> Any:
    """A bordered table; ``widths`` in cm (the text area is 16 cm wide)."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        _cell_text(cell, header, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for row in rows:
        cells = table.add_row().cells
        for i, (cell, value) in enumerate(zip(cells, row, strict=True)):
            _cell_text(
                cell,
                value,
                align=WD_ALIGN_PARAGRAPH.RIGHT if i >= 2 and i != len(row) else None,
                size=size,
            )
    if widths:
        for column, width in zip(table.columns, widths, strict=False):
            column.width = Cm(width)  # the grid LibreOffice lays out by
        for row_ in table.rows:
            for cell, width in zip(row_.cells, widths, strict=False):
                cell.width = Cm(width)
    return table


def vietnamese_date(d: date) -> str:
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def _letterhead(unit: Unit) -> tuple[str, str, str]:
    try:
        from tuyengiao.plans.drafting import letterhead_for

        lh = letterhead_for(unit)
        return lh.superior, lh.place, lh.short_name
    except Exception:  # plans drafting helpers missing: fall back on the unit's own fields
        return (unit.parent_body_name or "").upper(), "", unit.short_name or unit.code


def indicator_table_rows(r: Rollup) -> list[list[str]]:
    return [
        [
            str(i),
            row.indicator.label,
            row.indicator.measure
            or ("%" if row.indicator.kind in (IndicatorKind.RATE, IndicatorKind.PERCENT) else ""),
            row.display,
            str(row.reported),
        ]
        for i, row in enumerate(r.total, start=1)
    ]


def child_table(r: Rollup) -> tuple[list[str], list[list[str]]]:
    numeric = [i for i, ind in enumerate(r.indicators) if ind.kind != IndicatorKind.TEXT]
    headers = ["STT", "Đơn vị"] + [r.indicators[i].label for i in numeric]
    rows = []
    for n, (child, vals) in enumerate(r.children, start=1):
        rows.append([str(n), child.name] + [vals[i].display for i in numeric])
    return headers, rows


def task_rows(period: Period, unit: Unit) -> list[list[str]]:
    out = []
    for n, item in enumerate(task_summary(period, unit), start=1):
        counts = item["counts"]
        labels = dict(TASK_STATUS_CHOICES)
        summary = "; ".join(f"{labels[k]}: {v}" for k, v in counts.items() if v)
        results = "; ".join(f"{u}: {t}" for u, t in item["results"][:5])
        out.append([str(n), item["task"].title, summary or "Chưa có đơn vị báo cáo", results])
    return out


def compiled_docx(period: Period, unit: Unit, today: date | None = None) -> tuple[bytes, Rollup]:
    today = today or timezone.localdate()
    r = rollup(period, unit)
    rt = period.report_type
    superior, place, short = _letterhead(unit)
    doc = DocxDocument()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)

    head = doc.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    left.width, right.width = Cm(7.5), Cm(8.5)
    _cell_text(left, superior or "ĐẢNG BỘ", align=WD_ALIGN_PARAGRAPH.CENTER, size=14)
    p = left.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, unit.name.upper(), 14, bold=True)
    p = left.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "*", 14)
    p = left.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, f"Số   -BC/{short}", 14)
    _cell_text(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=15)
    right.paragraphs[0].runs[0].underline = True
    p = right.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, " ")
    p = right.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(p, f"{place + ', ' if place else ''}{vietnamese_date(today)}", 14, italic=True)

    _para(doc, "")
    _para(doc, "BÁO CÁO", 15, WD_ALIGN_PARAGRAPH.CENTER, bold=True, space_after=0)
    _para(
        doc,
        f"tổng hợp {rt.title[:1].lower() + rt.title[1:]}",
        14,
        WD_ALIGN_PARAGRAPH.CENTER,
        bold=True,
        space_after=0,
    )
    _para(doc, period.label, 14, WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    _para(doc, "-----", 14, WD_ALIGN_PARAGRAPH.CENTER)
    _para(
        doc,
        f"Thực hiện chế độ báo cáo định kỳ, {unit.name} tổng hợp kết quả kỳ báo cáo {period.label} "
        f"từ {r.submitted}/{r.expected} đơn vị đã nộp báo cáo như sau:",
        14,
        WD_ALIGN_PARAGRAPH.JUSTIFY,
    )
    _para(doc, "I. CÁC CHỈ TIÊU TỔNG HỢP", 14, bold=True)
    _table(
        doc,
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Tổng hợp", "Số đơn vị báo cáo"],
        indicator_table_rows(r),
        widths=(1.2, 7.0, 2.3, 3.5, 2.0),
    )
    if r.children:
        _para(doc, "")
        _para(doc, "II. SỐ LIỆU THEO ĐƠN VỊ", 14, bold=True)
        headers, rows = child_table(r)
        other = (16 - 1.2 - 4.5) / max(len(headers) - 2, 1)
        _table(doc, headers, rows, widths=(1.2, 4.5, *([other] * (len(headers) - 2))), size=11)
    tasks = task_rows(period, unit)
    if tasks:
        _para(doc, "")
        _para(doc, "III. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", 14, bold=True)
        _table(
            doc,
            ["STT", "Nhiệm vụ", "Tình hình thực hiện", "Kết quả"],
            tasks,
            widths=(1.2, 5.8, 4.0, 5.0),
        )
    _para(doc, "")
    sign = doc.add_table(rows=1, cols=2)
    left, right = sign.rows[0].cells
    _cell_text(left, "Nơi nhận:", bold=True, size=12)
    above = rt.unit.superior()
    for line in [
        f"- {above.name if above is not None else 'Cấp trên'} (để báo cáo),",
        "- Các đơn vị trực thuộc,",
        "- Lưu Văn phòng.",
    ]:
        _run(left.add_paragraph(), line, 11)
    _cell_text(
        right, f"T/M {unit.name.upper()}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=14
    )
    p = right.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "PHÓ BÍ THƯ" if unit.is_party else "THỦ TRƯỞNG", 14, bold=True)
    for _ in range(3):
        right.add_paragraph()
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue(), r


def compiled_xlsx(period: Period, unit: Unit) -> bytes:
    r = rollup(period, unit)
    sheets: list[tuple[str, Sequence[str], Any]] = [
        (
            "Chỉ tiêu tổng hợp",
            ["STT", "Chỉ tiêu", "Đơn vị tính", "Tổng hợp", "Số đơn vị báo cáo"],
            [
                [int(a), b, c, row.value if row.value is not None else d, int(e)]
                for (a, b, c, d, e), row in zip(indicator_table_rows(r), r.total, strict=True)
            ]
            # the coverage, stated with the figures it qualifies
            + [[None, f"Tổng hợp từ {r.coverage_text}", None, None, r.submitted]],
        ),
    ]
    headers, _rows = child_table(r)
    numeric = [ind for ind in r.indicators if ind.kind != IndicatorKind.TEXT]
    child_rows = []
    for n, (child, vals) in enumerate(r.children, start=1):
        by_ind = {v.indicator.pk: v for v in vals}
        child_rows.append([n, child.name] + [by_ind[i.pk].value for i in numeric])
    sheets.append(("Theo đơn vị", headers, child_rows))
    tasks = task_rows(period, unit)
    if tasks:
        sheets.append(("Nhiệm vụ", ["STT", "Nhiệm vụ", "Tình hình thực hiện", "Kết quả"], tasks))
    return workbook_bytes(sheets)


def raw_xlsx(period: Period, unit: Unit) -> bytes:
    """Every submission of the period in the subtree, one row each, values as typed."""
    rt = period.report_type
    indicators = [i for i in rt.indicators.all() if i.is_input]
    sections = list(rt.sections.all())
    headers = (
        ["Mã đơn vị", "Đơn vị", "Trạng thái", "Ngày nộp", "Nộp muộn"]
        + [i.label for i in indicators]
        + [s.title for s in sections]
    )
    subs = (
        Submission.objects.filter(period=period, unit__path__startswith=unit.path)
        .select_related("unit")
        .order_by("unit__path")
    )
    rows = []
    for s in subs:
        rows.append(
            [
                s.unit.code,
                s.unit.name,
                s.get_status_display(),
                s.first_submitted_on.strftime("%d/%m/%Y") if s.first_submitted_on else "",
                "có" if s.is_late else "",
            ]
            + [s.data.get(i.key, "") for i in indicators]
            + [s.data.get(sec.key, "") for sec in sections]
        )
    return workbook_bytes([("Báo cáo của các đơn vị", headers, rows)])


# --------------------------------------------------------------------------- paper units


def template_xlsx(period: Period, units: Sequence[Unit]) -> bytes:
    indicators = [i for i in period.report_type.indicators.all() if i.is_input]
    headers = ["Mã đơn vị", "Tên đơn vị"] + [f"{i.label} [{i.code}]" for i in indicators]
    rows = [[u.code, u.name] + ["" for _ in indicators] for u in units]
    return workbook_bytes([(f"Nhập {period.label}"[:31].replace("/", "-"), headers, rows)])


def import_values(
    period: Period,
    upload: IO[bytes],
    filename: str,
    allowed_units: Sequence[Unit],
    user: Any,
    valid_only: bool = False,
) -> ImportResult:
    """Import indicator values of many (paper) units; all-or-nothing unless ``valid_only``.

    Submitted reports are never overwritten; each imported row becomes a submitted report
    entered by the superior on the unit's behalf."""
    from .services.drafts import submit

    indicators = [i for i in period.report_type.indicators.all() if i.is_input]
    columns: dict[str, Sequence[str]] = {"code": ["Mã đơn vị", "Mã"], "name": ["Tên đơn vị"]}
    for ind in indicators:
        columns[ind.key] = [f"{ind.label} [{ind.code}]", ind.label, ind.code]
    rows = read_table(upload, filename, columns)
    require_columns(rows, {"code": "Mã đơn vị"})
    by_code = {u.code: u for u in allowed_units}
    subs = {
        s.unit_id: s
        for s in Submission.objects.filter(period=period, unit__in=list(by_code.values()))
    }
    result = ImportResult()
    ready: list[tuple[Submission, dict[str, str]]] = []
    seen: set[str] = set()
    for row in rows:
        code = row.get("code")
        unit = by_code.get(code)
        if unit is None or unit.pk not in subs:
            result.errors.append(
                RowError(
                    row.number, f"Mã đơn vị “{code}” không thuộc danh sách đơn vị nhận báo cáo này."
                )
            )
            continue
        if code in seen:
            result.errors.append(RowError(row.number, f"Đơn vị “{code}” xuất hiện hai lần."))
            continue
        seen.add(code)
        sub = subs[unit.pk]
        if sub.status in (Status.SUBMITTED, Status.ACCEPTED):
            result.errors.append(
                RowError(row.number, f"{unit.name} đã nộp báo cáo kỳ này; không ghi đè.")
            )
            continue
        problems = []
        data = {}
        for ind in indicators:
            raw = row.get(ind.key)
            parsed = parse_indicator(ind, raw)
            if parsed.error:
                problems.append(f"{ind.label}: {parsed.error}")
            data[ind.key] = raw
        if problems:
            result.errors.append(RowError(row.number, "; ".join(problems)))
            continue
        ready.append((sub, data))
    if result.errors and not valid_only:
        result.skipped = len(rows)
        return result
    with transaction.atomic():
        for sub, data in ready:
            outcome = submit(sub, data, sub.version, "", user, on_behalf=True)
            if not outcome.ok:  # pragma: no cover - values were validated above
                raise RuntimeError(outcome.errors)
            result.created += 1
    result.skipped = len(rows) - len(ready)
    result.applied = True
    return result
