"""The compiled report: .docx in the party format (converts to PDF with LibreOffice, its tables
hold the rolled-up figures), the .xlsx with one sheet per table, raw export, paper import."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document as DocxDocument
from openpyxl import Workbook, load_workbook

from tuyengiao.reports.models import IndicatorValue, Status, Submission
from tuyengiao.reports.services.drafts import submit
from tuyengiao.reports.services.values import fmt
from tuyengiao.testing import SOFFICE, convert_to_pdf, docx_format_findings

from .conftest import Setup, form_data, values_for

pytestmark = pytest.mark.django_db


def _fill(s: Setup, on_day: Any, skip: set[int]) -> list[int]:
    on_day(date(2025, 3, 10))
    done = []
    for n, unit in enumerate(s.units):
        if n in skip:
            continue
        sub = Submission.objects.get(period=s.q1, unit=unit)
        assert submit(sub, form_data(s, n), sub.version, "", None).ok
        done.append(n)
    on_day(None)
    return done


def test_compiled_docx_holds_rollups_and_converts_to_pdf(
    forty: Setup, on_day: Any, client_as: Any, tmp_path: Path
) -> None:
    s = forty
    done = _fill(s, on_day, {3, 4})
    response = client_as("khoi").get(
        reverse("reports:compiled_docx", kwargs={"period_pk": s.q1.pk})
    )
    assert response.status_code == 200
    doc = DocxDocument(io.BytesIO(response.content))
    header = doc.tables[0]
    left = header.rows[0].cells[0].text
    right = header.rows[0].cells[1].text
    assert (
        "ĐẢNG BỘ" in left
        and "ĐẢNG ỦY KHỐI" in left
        and "*" in left
        and f"Số {chr(0xA0) * 8}-BC/ĐUK" in left
    )
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in right and "ngày" in right and "năm" in right
    text = "\n".join(p.text for p in doc.paragraphs)
    assert (
        "BÁO CÁO" in text
        and "tổng hợp báo cáo công tác tuyên giáo quý" in text
        and "Quý I/2025" in text
    )
    indicators = doc.tables[1]
    rows = {r.cells[1].text: r.cells[3].text for r in indicators.rows[1:]}
    total = sum(values_for(n)["total"] for n in done)
    attending = sum(values_for(n)["attending"] for n in done)
    assert rows["Tổng số đảng viên"] == f"{fmt(total)} người"
    assert rows["Tỷ lệ đảng viên tham gia học tập"] == f"{fmt(100 * attending / total)}%"
    per_unit = doc.tables[2]
    assert len(per_unit.rows) == 1 + len(done)
    by_name = {r.cells[1].text: r.cells[2].text for r in per_unit.rows[1:]}
    assert by_name[s.units[0].name] == f"{values_for(0)['total']} người"
    assert s.units[3].name not in by_name
    signature = doc.tables[-1].rows[0].cells
    assert "Nơi nhận" in signature[0].text and "T/M BAN THƯỜNG VỤ" in signature[1].text
    rule_set, findings = docx_format_findings(response.content)
    assert rule_set is not None and findings == []

    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: PDF conversion not checked")
    src = tmp_path / "bao-cao.docx"
    src.write_bytes(response.content)
    convert_to_pdf(src)
    pdf = tmp_path / "bao-cao.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader

    pdf_text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    # words, not lines: how a header cell wraps depends on the fonts the machine has
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in " ".join(pdf_text.split()) and fmt(total) in pdf_text


def test_compiled_xlsx_and_raw_export(forty: Setup, on_day: Any, client_as: Any) -> None:
    s = forty
    done = _fill(s, on_day, set())
    client = client_as("khoi")
    wb = load_workbook(
        io.BytesIO(
            client.get(reverse("reports:compiled_xlsx", kwargs={"period_pk": s.q1.pk})).content
        )
    )
    assert wb.sheetnames == ["Chỉ tiêu tổng hợp", "Theo đơn vị"]
    first = wb["Chỉ tiêu tổng hợp"]
    assert first.cell(2, 2).value == "Tổng số đảng viên" and first.cell(2, 4).value == sum(
        values_for(n)["total"] for n in done
    )
    assert wb["Theo đơn vị"].max_row == 41
    raw = load_workbook(
        io.BytesIO(client.get(reverse("reports:raw_xlsx", kwargs={"period_pk": s.q1.pk})).content)
    ).active
    assert raw is not None and raw.max_row == 41 and raw.cell(1, 6).value == "Tổng số đảng viên"


def _upload(rows: list[list[Any]], headers: list[str]) -> SimpleUploadedFile:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(headers)
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return SimpleUploadedFile("nhap.xlsx", out.getvalue())


def test_paper_units_template_and_import(forty: Setup, client_as: Any) -> None:
    s = forty
    client = client_as("khoi")
    url = reverse("reports:paper_import", kwargs={"period_pk": s.q1.pk})
    template = load_workbook(io.BytesIO(client.get(url, {"template": "1"}).content)).active
    assert template is not None
    headers = [c.value for c in template[1]]
    assert (
        headers[:2] == ["Mã đơn vị", "Tên đơn vị"]
        and "Tổng số đảng viên [dv-tong]" in headers
        and len(headers) == 8
    )
    assert template.max_row == 41
    codes = [template.cell(r, 1).value for r in range(2, 5)]
    good: list[list[Any]] = [
        [codes[0], "", 30, 20, 2, 90, "có", ""],
        [codes[1], "", 10, 8, 1, 85, "không", "giấy"],
    ]
    bad: list[list[Any]] = [
        *good,
        [codes[2], "", "ba mươi", 20, 2, 90, "có", ""],
        ["KHONG-CO", "", 1, 1, 1, 1, "có", ""],
    ]
    response = client.post(url, {"file": _upload(bad, [str(h) for h in headers])})
    result = response.context["result"]
    assert not result.applied and [e.row for e in result.errors] == [4, 5]
    assert "không phải là số" in result.errors[0].reason
    assert not IndicatorValue.objects.exists()  # nothing half-imported
    response = client.post(url, {"file": _upload(good, [str(h) for h in headers])})
    assert response.context["result"].applied and response.context["result"].created == 2
    sub = Submission.objects.get(period=s.q1, unit__code=codes[0])
    assert sub.status == Status.SUBMITTED and sub.entered_by_superior
    assert IndicatorValue.objects.get(submission=sub, indicator=s.ind["total"]).value == 30
    # a base unit cannot import for the bloc's type
    assert client_as("coso1").get(url).status_code == 404
