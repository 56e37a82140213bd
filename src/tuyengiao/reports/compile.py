"""The compiled report ("Báo cáo tổng hợp") as .docx (the format in force on its date for the
unit's issuing body, laid out by ``tuyengiao.core.official_docx``) and as .xlsx, the raw
submissions export, and the paper-units template and import."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import IO, Any

from django.db import transaction
from django.utils import timezone

from tuyengiao.core.official_docx import start
from tuyengiao.core.spreadsheets import (
    ImportResult,
    RowError,
    read_table,
    require_columns,
    workbook_bytes,
)
from tuyengiao.orgs.letterhead import letterhead_for
from tuyengiao.orgs.models import Unit

from .models import IndicatorKind, Period, Status, Submission
from .services.plan_tasks import TASK_STATUS_CHOICES, task_summary
from .services.rollups import Rollup, rollup
from .services.values import parse_indicator


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
    """The compiled report (Báo cáo tổng hợp) of ``unit`` for ``period``, in the format in force
    on ``today`` for the unit's issuing body (:mod:`tuyengiao.core.official_docx`)."""
    today = today or timezone.localdate()
    r = rollup(period, unit)
    rt = period.report_type
    letterhead = letterhead_for(unit)
    title = rt.title[:1].lower() + rt.title[1:]
    draft = start(letterhead, "Báo cáo", f"tổng hợp {title}, {period.label}", today)
    draft.paragraph(
        f"Thực hiện chế độ báo cáo định kỳ, {letterhead.name} tổng hợp kết quả kỳ báo cáo "
        f"{period.label} từ {r.submitted}/{r.expected} đơn vị đã nộp báo cáo như sau:"
    )
    draft.heading("I. CÁC CHỈ TIÊU TỔNG HỢP")
    draft.table(
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Tổng hợp", "Số đơn vị báo cáo"],
        indicator_table_rows(r),
        widths_cm=(1.2, 7.0, 2.3, 3.5, 2.0),
    )
    if r.children:
        draft.heading("II. SỐ LIỆU THEO ĐƠN VỊ")
        headers, rows = child_table(r)
        other = (16 - 1.2 - 4.5) / max(len(headers) - 2, 1)
        draft.table(headers, rows, widths_cm=(1.2, 4.5, *([other] * (len(headers) - 2))), size=11)
    tasks = task_rows(period, unit)
    if tasks:
        draft.heading("III. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ")
        draft.table(
            ["STT", "Nhiệm vụ", "Tình hình thực hiện", "Kết quả"],
            tasks,
            widths_cm=(1.2, 5.8, 4.0, 5.0),
        )
    recipients = [
        f"{letterhead.superior_name or 'Cấp trên'} (để báo cáo)",
        letterhead.subordinates[0].upper() + letterhead.subordinates[1:],
        f"Lưu {letterhead.office}",
    ]
    return draft.finish(recipients), r


def compiled_xlsx(period: Period, unit: Unit) -> bytes:
    r = rollup(period, unit)
    sheets: list[tuple[str, Sequence[str], Any]] = [
        (
            "Chỉ tiêu tổng hợp",
            ["STT", "Chỉ tiêu", "Đơn vị tính", "Tổng hợp", "Số đơn vị báo cáo"],
            [
                [int(a), b, c, row.value if row.value is not None else d, int(e)]
                for (a, b, c, d, e), row in zip(indicator_table_rows(r), r.total, strict=True)
            ],
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
