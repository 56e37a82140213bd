"""Editable certificate templates: a system administrator uploads a .docx with placeholders
(``{{ ho_ten }}``, ``{{ don_vi }}`` …), checked on upload — an unknown or unclosed placeholder is
refused with a Vietnamese message naming it —; a certificate fills the active template of its
form (or the general one) with python-docx, keeping the runs' formatting where a placeholder sits
in one run. Without a template the built-in layout (``certificate.build_certificate``) is used."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import IO, Any

from docx import Document
from docx.text.paragraph import Paragraph

from .models import CertificateTemplate, Commendation

PLACEHOLDERS: dict[str, str] = {
    "ho_ten": "tên cá nhân (hoặc tập thể) được khen",
    "don_vi": "đơn vị của cá nhân, hoặc tập thể được khen",
    "hinh_thuc": "hình thức khen thưởng",
    "so_quyet_dinh": "số quyết định",
    "ngay": "ngày quyết định (dd/mm/yyyy)",
    "thanh_tich": "thành tích",
    "co_quan": "cơ quan ra quyết định",
    "nam": "năm quyết định",
}
FIELD = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")


class TemplateError(ValueError):
    """The template cannot be used; the message is in Vietnamese, ready for the user."""


def _paragraphs_of(container: Any) -> Iterator[Paragraph]:
    yield from container.paragraphs
    for table in container.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from _paragraphs_of(cell)


def _all_paragraphs(doc: Any) -> Iterator[Paragraph]:
    yield from _paragraphs_of(doc)
    for section in doc.sections:
        for part in (section.header, section.footer):
            yield from _paragraphs_of(part)


def allowed_text() -> str:
    return ", ".join("{{ " + name + " }}" for name in PLACEHOLDERS)


def check_template(stream: IO[bytes]) -> list[str]:
    """The placeholders the template uses, in order; ``TemplateError`` when it cannot be used."""
    try:
        doc = Document(stream)
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise TemplateError("Không đọc được tệp mẫu: tệp .docx bị hỏng.") from exc
    used: list[str] = []
    unknown: list[str] = []
    for paragraph in _all_paragraphs(doc):
        text = paragraph.text
        for match in FIELD.finditer(text):
            name = match.group(1)
            target = used if name in PLACEHOLDERS else unknown
            if name not in target:
                target.append(name)
        rest = FIELD.sub("", text)
        if "{{" in rest or "}}" in rest:
            raise TemplateError(
                f"Mẫu có trường chưa đóng đủ dấu ngoặc trong đoạn “{text.strip()[:80]}”: "
                "mỗi trường viết dạng {{ ho_ten }}."
            )
    if unknown:
        names = ", ".join("{{ " + n + " }}" for n in unknown)
        raise TemplateError(
            f"Mẫu có trường không được hỗ trợ: {names}. Chỉ dùng được: {allowed_text()}."
        )
    if not used:
        raise TemplateError(f"Mẫu chưa có trường nào để điền. Dùng các trường: {allowed_text()}.")
    return used


def values_for(commendation: Commendation) -> dict[str, str]:
    return {
        "ho_ten": commendation.recipient_name,
        "don_vi": commendation.subject_unit.name,
        "hinh_thuc": commendation.form.name,
        "so_quyet_dinh": commendation.decision_number,
        "ngay": f"{commendation.decision_date:%d/%m/%Y}",
        "thanh_tich": commendation.reason,
        "co_quan": commendation.issuer.name,
        "nam": str(commendation.decision_date.year),
    }


def _fill_paragraph(paragraph: Paragraph, values: dict[str, str]) -> None:
    """Replace each placeholder in place: a placeholder split over several runs (Word splits
    text where formatting or spell-checking changes) is written into its first run, whose
    formatting it takes; the text around it keeps its own runs."""
    runs = paragraph.runs
    text = "".join(r.text for r in runs)
    # from the last placeholder back, so the offsets of the earlier ones stay valid
    for match in reversed(list(FIELD.finditer(text))):
        pos, start, end = 0, (0, 0), (0, 0)
        found = False
        for index, run in enumerate(runs):
            n = len(run.text)
            if not found and match.start() < pos + n:
                start, found = (index, match.start() - pos), True
            if found and match.end() <= pos + n:
                end = (index, match.end() - pos)
                break
            pos += n
        (si, so), (ei, eo) = start, end
        value = values.get(match.group(1), "")
        if si == ei:
            runs[si].text = runs[si].text[:so] + value + runs[si].text[eo:]
        else:
            runs[si].text = runs[si].text[:so] + value
            for run in runs[si + 1 : ei]:
                run.text = ""
            runs[ei].text = runs[ei].text[eo:]


def fill(template: CertificateTemplate, commendation: Commendation) -> bytes:
    with template.file.open("rb") as handle:
        doc = Document(io.BytesIO(handle.read()))
    values = values_for(commendation)
    for paragraph in _all_paragraphs(doc):
        _fill_paragraph(paragraph, values)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def template_for(commendation: Commendation) -> CertificateTemplate | None:
    """The active template of the commendation's form, else the active general one."""
    active = CertificateTemplate.objects.filter(active=True).order_by("-uploaded_at", "-id")
    return (
        active.filter(form=commendation.form_id).first() or active.filter(form__isnull=True).first()
    )


def sample_template(text: str = "{{ hinh_thuc }} tặng {{ ho_ten }}, {{ don_vi }}") -> bytes:
    """A one-paragraph template (tests, the URL walk)."""
    doc = Document()
    doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
