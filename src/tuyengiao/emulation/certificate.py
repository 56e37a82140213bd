"""A commendation certificate (Giấy khen …) as .docx, filled from a built-in template: the issuing
body's header, the form's name, the person or unit, the achievement, the decision's number and date."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from tuyengiao.core.text import fold
from tuyengiao.orgs.letterhead import letterhead_for

from .models import Commendation


def _line(doc: object, text: str, size: int, bold: bool = False) -> None:
    paragraph = doc.add_paragraph()  # type: ignore[attr-defined]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    run.font.name = "Times New Roman"


def build_certificate(commendation: Commendation) -> bytes:
    letterhead = letterhead_for(commendation.issuer)
    doc = Document()
    if letterhead.superior:
        _line(doc, letterhead.superior, 13)
    _line(doc, letterhead.issuer, 13, bold=True)
    _line(doc, "", 12)
    _line(doc, commendation.form.name.upper(), 28, bold=True)
    _line(doc, "TẶNG", 14)
    _line(doc, commendation.recipient_name, 18, bold=True)
    if commendation.person_id:
        _line(doc, commendation.subject_unit.name, 14)
    _line(doc, f"Đã có thành tích: {commendation.reason}", 14)
    _line(
        doc,
        f"Quyết định số {commendation.decision_number}, ngày {commendation.decision_date:%d/%m/%Y}",
        13,
    )
    _line(doc, "", 12)
    _line(doc, letterhead.signer_title, 14, bold=True)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def certificate_filename(commendation: Commendation) -> str:
    stem = fold(f"{commendation.form.name} {commendation.recipient_name}")
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-") + ".docx"
