"""The aggregate of a survey as .xlsx (one sheet of counts and shares, one of units with the k
rule) and as a compiled report (.docx, through ``core/official_docx.py`` as the reports app does).
Only what the results page shows: nothing below k, and text answers only as a count."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from tuyengiao.core.official_docx import start
from tuyengiao.core.spreadsheets import workbook_bytes
from tuyengiao.formats.numbers import number, percent
from tuyengiao.orgs.letterhead import letterhead_for

from .services.results import Breakdown, Results


def question_rows(r: Results) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for n, qr in enumerate(r.questions, start=1):
        q = qr.question
        if qr.options:
            for o in qr.options:
                rows.append([n, q.text, o.label, o.count, percent(o.share, 1)])
            if qr.mean is not None:
                rows.append([n, q.text, "Điểm trung bình", number(qr.mean), ""])
        for row_label, options in qr.matrix:
            for o in options:
                rows.append([n, f"{q.text} — {row_label}", o.label, o.count, percent(o.share, 1)])
        for label, mean_rank in qr.ranking:
            rows.append([n, q.text, label, "", f"thứ hạng trung bình {number(mean_rank)}"])
        if q.is_text:
            rows.append([n, q.text, "Số ý kiến viết", qr.text_count, ""])
    return rows


def unit_rows(b: Breakdown, k: int) -> list[list[Any]]:
    rows: list[list[Any]] = [[c.label, c.count] for c in b.cells]
    if b.merged_count:
        rows.append(
            [
                "Các đơn vị khác (gộp)",
                f"dưới {k}, không hiển thị" if b.suppressed else b.merged_count,
            ]
        )
    return rows


HEADERS = ["STT", "Câu hỏi", "Lựa chọn", "Số trả lời", "Tỷ lệ"]


def results_xlsx(r: Results, b: Breakdown | None) -> bytes:
    sheets: list[tuple[str, Sequence[str], Any]] = [
        (
            "Kết quả",
            HEADERS,
            [*question_rows(r), [None, f"Tổng hợp từ {r.total} phiếu. {r.rule}", None, None, None]],
        )
    ]
    if b is not None:
        sheets.append(("Theo đơn vị", ["Đơn vị", "Số phiếu"], unit_rows(b, r.survey.k)))
    return workbook_bytes(sheets)


def results_docx(r: Results, b: Breakdown | None, today: date) -> bytes:
    survey = r.survey
    letterhead = letterhead_for(survey.unit)
    draft = start(letterhead, "Báo cáo", f"kết quả khảo sát “{survey.title}”", today)
    draft.paragraph(
        f"{letterhead.name} tổ chức khảo sát “{survey.title}” (hạn trả lời "
        f"{survey.closes_on:%d/%m/%Y}). Phiếu khảo sát không ghi tên; kết quả dưới đây được tổng "
        f"hợp từ {r.total} phiếu trả lời và chỉ trình bày theo nhóm."
    )
    draft.paragraph(r.rule, italic=True)
    draft.heading("I. KẾT QUẢ THEO CÂU HỎI")
    draft.table(
        HEADERS,
        [[str(c) for c in row] for row in question_rows(r)],
        widths_cm=(1.2, 6.0, 4.3, 2.0, 2.5),
        size=11,
    )
    if b is not None and (b.cells or b.merged_count):
        draft.heading("II. SỐ PHIẾU THEO ĐƠN VỊ")
        draft.table(
            ["Đơn vị", "Số phiếu"],
            [[str(c) for c in row] for row in unit_rows(b, survey.k)],
            widths_cm=(11.0, 5.0),
        )
    recipients = [
        f"{letterhead.superior_name or 'Cấp trên'} (để báo cáo)",
        f"Lưu {letterhead.office}",
    ]
    return draft.finish(recipients)
