"""The receiving unit's documents carrying out a plan sent down: the implementing plan (Kế
hoạch) and the công văn that forwards the parent plan to the units below — .docx drafts in the
format in force on their date (``tuyengiao.core.official_docx``: 36-HD/VPTW, then 05-HD/VPTW
with Quy định 399-QĐ/TW for party bodies; Nghị định 30/2020/NĐ-CP for state bodies), the header
and signature of the unit's issuing body (``tuyengiao.orgs.letterhead``).

The plan's body carries the parent: the opening "Thực hiện Kế hoạch số … ngày … của … về …,
<issuing body> xây dựng kế hoạch thực hiện như sau:", I. Mục đích, yêu cầu; II. Nhiệm vụ, giải
pháp (the parent's tasks); III. Tổ chức thực hiện; Nơi nhận with the superior body first; the
signature block. The officer edits it in Word, has it signed, and uploads it; ``vanban`` then
reads its "Thực hiện Kế hoạch số …" and the library links it to the parent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from tuyengiao.core.official_docx import (
    Letterhead,
    OfficialDocument,
    fill_number,
    number_line,
    rules_for,
    start,
)
from tuyengiao.orgs.letterhead import letterhead_for, may_issue

__all__ = [
    "DraftTask",
    "Letterhead",
    "ParentPlan",
    "build_forwarding_letter",
    "build_implementing_plan",
    "draft_filename",
    "fill_number",
    "letterhead_for",
    "opening_sentence",
    "symbol_for",
]


@dataclass
class DraftTask:
    title: str
    description: str = ""
    units: str = ""  # "Chủ trì: …; phối hợp: …"
    timeframe: str = ""


@dataclass
class ParentPlan:
    """What the draft needs to know of the plan it carries out."""

    number: str
    issuer: str
    title: str
    date: date | None = None
    doc_type: str = "Kế hoạch"
    tasks: list[DraftTask] = field(default_factory=list)


def vietnamese_date(d: date | None) -> str:
    """A date cited in running text: "ngày 05/9/2026" (05-HD/VPTW, as reported: the day on two
    digits, "Nghị quyết số 12-NQ/ĐU, ngày 05/9/2026 của …")."""
    return f"ngày {d.day:02d}/{d.month}/{d.year}" if d else ""


def symbol_for(letterhead: Letterhead, on: date | None = None, type_name: str = "Kế hoạch") -> str:
    """The number line of the draft ("Số        -KH/ĐU"), the number left blank."""
    return number_line(letterhead, rules_for(letterhead, on or date.today()), type_name)


def _lower_first(text: str) -> str:
    text = text.strip().rstrip(".")
    if not text:
        return text
    if text.isupper():
        text = text.lower()
    return text[0].lower() + text[1:]


def _parent_ref(parent: ParentPlan) -> str:
    when = f", {vietnamese_date(parent.date)}" if parent.date else ""
    return f"{parent.doc_type} số {parent.number}{when} của {parent.issuer}"


def opening_sentence(parent: ParentPlan, letterhead: Letterhead) -> str:
    about = f" về {_lower_first(parent.title)}" if parent.title else ""
    return (
        f"Thực hiện {_parent_ref(parent)}{about}, "
        f"{letterhead.name} xây dựng kế hoạch thực hiện như sau:"
    )


def _recipients(letterhead: Letterhead) -> list[str]:
    lines = []
    if letterhead.superior_name:
        lines.append(f"{letterhead.superior_name} (để báo cáo)")
    subordinates = letterhead.subordinates
    lines.append(subordinates[0].upper() + subordinates[1:])
    lines.append(f"Lưu {letterhead.office}")
    return lines


def build_implementing_plan(
    letterhead: Letterhead, parent: ParentPlan, today: date | None = None
) -> bytes:
    """The draft implementing plan (Kế hoạch) as .docx bytes, dated ``today`` (day left blank)."""
    today = today or date.today()
    when = f", {vietnamese_date(parent.date)}" if parent.date else ""
    draft = start(
        letterhead,
        "Kế hoạch",
        f"thực hiện {parent.doc_type} số {parent.number}{when} của {parent.issuer}",
        today,
    )
    draft.paragraph(opening_sentence(parent, letterhead))
    draft.heading("I. MỤC ĐÍCH, YÊU CẦU")
    draft.paragraph(
        f"1. Quán triệt, triển khai đầy đủ, kịp thời nội dung {parent.doc_type} số {parent.number} "
        f"của {parent.issuer} đến cán bộ, đảng viên, công chức, viên chức và người lao động."
    )
    draft.paragraph(
        "2. Xác định rõ nhiệm vụ, giải pháp, đơn vị chủ trì, đơn vị phối hợp và thời gian thực "
        "hiện; việc tổ chức thực hiện phải nghiêm túc, thiết thực, hiệu quả, phù hợp với tình "
        "hình thực tế của đơn vị."
    )
    draft.heading("II. NHIỆM VỤ, GIẢI PHÁP")
    _tasks(draft, parent)
    draft.heading("III. TỔ CHỨC THỰC HIỆN")
    draft.paragraph(
        f"1. {letterhead.subordinates[0].upper()}{letterhead.subordinates[1:]} căn cứ Kế hoạch "
        "này xây dựng kế hoạch, chương trình cụ thể và tổ chức thực hiện có hiệu quả."
    )
    reports_to = letterhead.superior_name or "cấp trên"
    draft.paragraph(
        f"2. {letterhead.office} giúp theo dõi, đôn đốc, tổng hợp kết quả thực hiện, định kỳ báo "
        f"cáo {reports_to} theo quy định."
    )
    return draft.finish(_recipients(letterhead))


def _tasks(draft: OfficialDocument, parent: ParentPlan) -> None:
    for i, task in enumerate(parent.tasks, start=1):
        draft.paragraph(f"{i}. {task.title.strip().rstrip('.')}", bold=True)
        for line in (task.description or "").split("\n"):
            line = line.strip()
            if line and line != task.title.strip():
                draft.paragraph(line)
        if task.units:
            draft.paragraph(f"- Phân công thực hiện: {task.units}")
        if task.timeframe:
            draft.paragraph(f"- Thời gian thực hiện: {task.timeframe}")
    if not parent.tasks:
        draft.paragraph("1. (Nêu các nhiệm vụ, giải pháp cụ thể của đơn vị.)")


def build_forwarding_letter(
    letterhead: Letterhead, parent: ParentPlan, today: date | None = None
) -> bytes:
    """The công văn forwarding ``parent`` to the units below ("V/v triển khai thực hiện …")."""
    today = today or date.today()
    subordinates = letterhead.subordinates
    draft = start(
        letterhead,
        "Công văn",
        f"triển khai thực hiện {parent.doc_type} số {parent.number}",
        today,
        to=subordinates[0].upper() + subordinates[1:],
    )
    about = f" về {_lower_first(parent.title)}" if parent.title else ""
    draft.paragraph(
        f"Thực hiện {_parent_ref(parent)}{about}, {letterhead.name} đề nghị "
        f"{subordinates} thực hiện một số nội dung sau:"
    )
    draft.paragraph(
        f"1. Tổ chức quán triệt, triển khai {parent.doc_type} số {parent.number} đến cán bộ, "
        "đảng viên; xây dựng kế hoạch thực hiện phù hợp với tình hình thực tế."
    )
    draft.paragraph(
        f"2. Định kỳ báo cáo kết quả thực hiện về {letterhead.office} để tổng hợp, báo cáo "
        f"{letterhead.superior_name or 'cấp trên'}."
    )
    lines = ["Như trên"]
    if letterhead.superior_name:
        lines.append(f"{letterhead.superior_name} (để báo cáo)")
    lines.append(f"Lưu {letterhead.office}")
    return draft.finish(lines)


DRAFTS = {
    "ke-hoach": ("Kế hoạch", build_implementing_plan),
    "cong-van": ("Công văn", build_forwarding_letter),
}


def draft_kinds(letterhead: Letterhead, on: date) -> list[tuple[str, str]]:
    """(slug, type name) of the drafts the unit may issue on ``on`` (authority table)."""
    return [
        (slug, type_name)
        for slug, (type_name, _build) in DRAFTS.items()
        if may_issue(letterhead, type_name, on)
    ]


def draft_filename(letterhead: Letterhead, parent: ParentPlan, slug: str = "ke-hoach") -> str:
    from tuyengiao.core.text import fold

    words = "ke hoach" if slug == "ke-hoach" else "cong van"
    stem = fold(f"{words} {letterhead.code} thuc hien {parent.number}")
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-") + ".docx"
