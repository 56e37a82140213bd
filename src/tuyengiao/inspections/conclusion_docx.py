"""The "Thông báo kết luận kiểm tra" of a visit as a .docx draft in the party (or state) format
(``core.official_docx``), issued by the inspecting unit (``orgs.letterhead``)."""

from __future__ import annotations

import re
from datetime import date

from tuyengiao.core.official_docx import start
from tuyengiao.core.text import fold
from tuyengiao.orgs.letterhead import letterhead_for

from .models import Finding, Visit

TYPE_NAME = "Thông báo"


def build_conclusion(visit: Visit, today: date | None = None) -> bytes:
    today = today or date.today()
    inspection = visit.inspection
    letterhead = letterhead_for(inspection.unit)
    kind = inspection.get_kind_display().lower()
    draft = start(
        letterhead, TYPE_NAME, f"kết luận {kind} {inspection.title} tại {visit.unit.name}", today
    )
    team = list(inspection.team.select_related("person"))
    head = next((m for m in team if m.role == "head"), None)
    draft.paragraph(
        f"Thực hiện chương trình {kind} năm {inspection.planned_on.year}, "
        f"{letterhead.name} đã tiến hành {kind} {visit.unit.name} về {inspection.title} "
        f"(kỳ từ {inspection.period_start:%d/%m/%Y} đến {inspection.period_end:%d/%m/%Y})"
        + (f"; trưởng đoàn: {head.person.full_name}" if head else "")
        + f". Trên cơ sở báo cáo của đoàn, {letterhead.name} kết luận như sau:"
    )
    draft.heading("I. KẾT QUẢ KIỂM TRA")
    lines = list(visit.lines.all())
    rows = [
        [
            str(i),
            line.requirement,
            line.reported or "—",
            line.get_finding_display() or "—",
            line.note,
        ]
        for i, line in enumerate(lines, start=1)
    ]
    draft.table(
        ["TT", "Nội dung", "Đơn vị báo cáo", "Kết quả", "Nhận xét"],
        rows,
        widths_cm=(1.0, 6.0, 3.5, 2.5, 3.5),
    )
    done = sum(1 for line in lines if line.finding == Finding.DONE)
    draft.paragraph(f"Đã thực hiện {done}/{len(lines)} nội dung.")
    draft.heading("II. KẾT LUẬN")
    for paragraph in visit.conclusion.split("\n"):
        if paragraph.strip():
            draft.paragraph(paragraph.strip())
    draft.heading("III. KIẾN NGHỊ, YÊU CẦU KHẮC PHỤC")
    recommendations = list(visit.recommendations.all())
    for i, rec in enumerate(recommendations, start=1):
        draft.paragraph(f"{i}. {rec.text} (hoàn thành trước ngày {rec.due_date:%d/%m/%Y}).")
    if not recommendations:
        draft.paragraph("Không có kiến nghị.")
    draft.paragraph(
        f"{visit.unit.name} báo cáo kết quả khắc phục kèm minh chứng trên hệ thống theo đúng thời "
        f"hạn để {letterhead.office} theo dõi, tổng hợp."
    )
    return draft.finish([visit.unit.name, f"Lưu {letterhead.office}"])


def conclusion_filename(visit: Visit) -> str:
    stem = fold(f"thong bao ket luan {visit.unit.code} {visit.inspection.planned_on:%Y}")
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-") + ".docx"
