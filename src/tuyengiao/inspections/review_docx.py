"""The level's review report (Báo cáo sơ kết / tổng kết) compiled from the units' reports: the
table of units with their figures, the narrative sections unit by unit, the proposed
commendations — a .docx draft in the issuing body's format (``core.official_docx``)."""

from __future__ import annotations

import re
from datetime import date

from tuyengiao.core.official_docx import start
from tuyengiao.core.text import fold
from tuyengiao.emulation.models import Nomination
from tuyengiao.formats.numbers import percent
from tuyengiao.orgs.letterhead import letterhead_for

from .models import Review
from .reviews import coverage, rate

TABLE_HEADERS = [
    "TT",
    "Đơn vị",
    "Nhiệm vụ hoàn thành",
    "Báo cáo đã nộp",
    "Tỷ lệ học tập",
    "Kiểm tra, giám sát",
    "Mô hình được công nhận",
]


def unit_rows(review: Review) -> list[list[str]]:
    rows = []
    for i, report in enumerate(review.reports.select_related("unit"), start=1):
        f = report.figures
        rows.append(
            [
                str(i),
                report.unit.name + ("" if report.submitted_on else " (chưa báo cáo)"),
                f"{f.get('tasks_done', 0)}/{f.get('tasks_total', 0)}",
                f"{f.get('reports_submitted', 0)}/{f.get('reports_due', 0)}",
                percent(rate(f)),
                str(f.get("inspections", 0)),
                str(f.get("exemplars_recognised", 0)),
            ]
        )
    return rows


def build_review_report(review: Review, today: date | None = None) -> bytes:
    today = today or date.today()
    letterhead = letterhead_for(review.unit)
    kind = review.get_kind_display()
    draft = start(letterhead, "Báo cáo", f"{kind.lower()} {review.title}", today)
    done, total = coverage(review)
    draft.paragraph(
        f"Thực hiện việc {kind.lower()} {review.title} (từ {review.span_start:%d/%m/%Y} đến "
        f"{review.span_end:%d/%m/%Y}), trên cơ sở báo cáo của {done}/{total} đơn vị, "
        f"{letterhead.name} báo cáo kết quả như sau:"
    )
    draft.heading("I. KẾT QUẢ THỰC HIỆN")
    draft.paragraph(f"{done}/{total} đơn vị đã báo cáo.", italic=True)
    draft.table(TABLE_HEADERS, unit_rows(review), widths_cm=(1.0, 4.5, 2.3, 2.2, 2.0, 2.2, 2.3))
    reports = list(review.reports.select_related("unit").filter(submitted_on__isnull=False))
    for n, section in enumerate(review.sections, start=1):
        draft.heading(f"{_roman(n + 1)}. {section}")
        written = [(r.unit.name, (r.sections or {}).get(str(n - 1), "")) for r in reports]
        written = [(name, text) for name, text in written if text]
        for name, text in written:
            draft.paragraph(f"- {name}: {text}")
        if not written:
            draft.paragraph("(Chưa có đơn vị nào báo cáo nội dung này.)")
    draft.heading(f"{_roman(len(review.sections) + 2)}. ĐỀ XUẤT KHEN THƯỞNG")
    nominated = Nomination.objects.filter(review_report__review=review).select_related(
        "review_report__unit", "form", "person", "subject_unit"
    )
    proposals = [
        (
            n.review_report.unit.name if n.review_report else "",
            f"{n.form.name}: {n.recipient_name} — {n.reason} ({n.get_status_display().lower()})",
        )
        for n in nominated.order_by("review_report__unit__path", "id")
    ] + [
        (r.unit.name, line.strip())
        for r in reports
        for line in r.commendations.splitlines()
        if line.strip()
    ]
    if proposals:
        draft.table(
            ["TT", "Đơn vị đề nghị", "Tập thể, cá nhân được đề nghị"],
            [[str(i), unit, text] for i, (unit, text) in enumerate(proposals, start=1)],
            widths_cm=(1.0, 6.0, 9.5),
        )
    else:
        draft.paragraph("Không có đề nghị.")
    return draft.finish([f"Lưu {letterhead.office}"])


def _roman(n: int) -> str:
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in numerals:
        while n >= value:
            out, n = out + letters, n - value
    return out


def review_filename(review: Review) -> str:
    stem = fold(f"bao cao {review.get_kind_display()} {review.span_end:%Y}")
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-") + ".docx"
