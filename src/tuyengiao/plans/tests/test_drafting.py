"""Drafts of implementing plans down a three-level cascade: Tỉnh ủy → Đảng ủy Khối → đảng bộ cơ sở.

Every draft is read back with ``vanban`` (implements the right parent, symbol pattern of its unit)
and converted to PDF with LibreOffice, whose first page must show the header laid out in two
columns as the format requires.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document as DocxDocument

from tuyengiao.plans.drafting import (
    DraftTask,
    ParentPlan,
    build_implementing_plan,
    letterhead_for,
    symbol_for,
)
from tuyengiao.testing import SOFFICE, convert_to_pdf

PROVINCE_PLAN = ParentPlan(
    number="293-KH/TU",
    issuer="Ban Thường vụ Tỉnh ủy",
    title="Tuyên truyền về công tác xây dựng Đảng và hệ thống chính trị năm 2024",
    date=date(2024, 3, 2),
    tasks=[
        DraftTask(
            "Tổ chức quán triệt, học tập nghị quyết",
            "- Tỷ lệ đảng viên tham gia học tập ≥ 98%.",
            "Chủ trì: Ban Tuyên giáo",
            "Quý II/2024",
        ),
        DraftTask(
            "Tăng cường bảo vệ nền tảng tư tưởng của Đảng",
            "- Tổ chức tọa đàm, hội thảo.",
            "",
            "Hằng năm",
        ),
    ],
)


def cascade(tree: Any, tmp_path: Path) -> list[tuple[Any, ParentPlan, Path]]:
    """(unit, parent plan it carries out, draft path) for the bloc and a base organisation."""
    bloc_draft = tmp_path / "duk.docx"
    bloc_draft.write_bytes(
        build_implementing_plan(letterhead_for(tree.bloc), PROVINCE_PLAN, date(2024, 3, 20))
    )
    bloc_plan = ParentPlan(
        number="45-KH/ĐUK",
        issuer="Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh",
        title="Thực hiện Kế hoạch số 293-KH/TU của Ban Thường vụ Tỉnh ủy",
        date=date(2024, 3, 25),
        tasks=PROVINCE_PLAN.tasks,
    )
    base_draft = tmp_path / "du.docx"
    base_draft.write_bytes(
        build_implementing_plan(letterhead_for(tree.base1), bloc_plan, date(2024, 4, 2))
    )
    return [(tree.bloc, PROVINCE_PLAN, bloc_draft), (tree.base1, bloc_plan, base_draft)]


@pytest.mark.django_db
def test_drafts_carry_header_opening_sections_and_signature(tree: Any, tmp_path: Path) -> None:
    for unit, parent, path in cascade(tree, tmp_path):
        doc = DocxDocument(str(path))
        left, right = (cell.text for cell in doc.tables[0].rows[0].cells)
        lh = letterhead_for(unit)
        assert left.split("\n")[:3] == [lh.superior, lh.issuer, "*"]
        assert symbol_for(lh, date(2024, 4, 1)) in left
        assert right.split("\n")[0] == "ĐẢNG CỘNG SẢN VIỆT NAM"
        assert right.split("\n")[-1].startswith(f"{lh.place}, ngày")
        header_run = doc.tables[0].rows[0].cells[1].paragraphs[0].runs[0]
        assert (
            header_run.underline and header_run.bold and header_run.font.name == "Times New Roman"
        )
        assert doc.tables[0].rows[0].cells[1].paragraphs[-1].runs[0].italic
        body = [p.text for p in doc.paragraphs]
        assert "KẾ HOẠCH" in body
        opening = next(p for p in body if p.startswith("Thực hiện Kế hoạch số") and "như sau" in p)
        assert parent.date is not None
        d = parent.date
        assert opening.startswith(
            f"Thực hiện Kế hoạch số {parent.number}, ngày {d.day:02d}/{d.month}/{d.year} của"
        )
        assert f"{lh.name} xây dựng kế hoạch thực hiện như sau:" in opening
        assert [p for p in body if p[:4] in ("I. M", "II. ", "III.")] == [
            "I. MỤC ĐÍCH, YÊU CẦU",
            "II. NHIỆM VỤ, GIẢI PHÁP",
            "III. TỔ CHỨC THỰC HIỆN",
        ]
        for i, task in enumerate(parent.tasks, start=1):
            assert f"{i}. {task.title}" in body
        recv, sign = (cell.text.split("\n") for cell in doc.tables[-1].rows[0].cells)
        assert recv[0] == "Nơi nhận:" and recv[1].startswith(f"- {lh.superior_name}")
        assert sign[:2] == [lh.on_behalf, lh.signer_title]
        sizes = {r.font.size.pt for p in doc.paragraphs for r in p.runs if r.font.size}
        assert sizes <= {13.0, 14.0, 15.0}


def test_state_body_uses_decree_30_header() -> None:
    from tuyengiao.plans.drafting import Letterhead

    lh = Letterhead(
        kind="state",
        superior="UBND TỈNH BÌNH AN",
        issuer="SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        name="Sở Thông tin và Truyền thông",
        code="STTTT",
        place="Bình An",
        superior_name="Ủy ban nhân dân tỉnh Bình An",
        on_behalf="KT. GIÁM ĐỐC",
        signer_title="PHÓ GIÁM ĐỐC",
    )
    doc = DocxDocument(io.BytesIO(build_implementing_plan(lh, PROVINCE_PLAN, date(2024, 4, 1))))
    left, right = (cell.text.split("\n") for cell in doc.tables[0].rows[0].cells)
    blank = "\u00a0" * 8
    assert left == [
        "UBND TỈNH BÌNH AN",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "",
        f"Số: {blank}/KH-STTTT",
    ]
    assert right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    # NĐ 30/2020 (reported): months 3-12 without a leading zero; the day left for signing
    assert right[-1] == f"Bình An, ngày {chr(0xA0) * 6} tháng 4 năm 2024"
    sign = doc.tables[-1].rows[0].cells[1].text.split("\n")
    assert sign[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]


@pytest.mark.django_db
def test_drafts_read_back_with_vanban(tree: Any, tmp_path: Path) -> None:
    vanban = pytest.importorskip("vanban")
    if not (hasattr(vanban, "read") and hasattr(vanban, "parse")):
        pytest.skip("vanban.read / vanban.parse not available yet")
    for unit, parent, path in cascade(tree, tmp_path):
        parsed = vanban.parse(vanban.read(str(path))).to_dict()
        assert parsed["implements"] == [parent.number]
        suffix = f"-KH/{unit.short_name}"
        assert (parsed["number"] or "").replace(" ", "").endswith(suffix), parsed["number"]
        assert parsed["doc_type"] == "Kế hoạch"
        assert [s["label"] for s in parsed["sections"]] == ["I", "II", "III"]
        assert [i["title"] for i in parsed["items"] if i["section"] == "II"] == [
            t.title for t in parent.tasks
        ]


def _first_page_runs(pdf: Path) -> list[tuple[str, float, float]]:
    from pypdf import PdfReader

    runs: list[tuple[str, float, float]] = []
    page = PdfReader(str(pdf)).pages[0]
    page.extract_text(
        visitor_text=lambda t, cm, tm, fd, fs: (
            runs.append((t.strip(), tm[4], tm[5])) if t.strip() else None
        )
    )
    return runs


@pytest.mark.django_db
def test_drafts_convert_to_pdf_with_the_header_laid_out(tree: Any, tmp_path: Path) -> None:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: cannot convert drafts to PDF")
    from pypdf import PdfReader

    drafts = cascade(tree, tmp_path)
    convert_to_pdf(*(path for _, _, path in drafts), outdir=tmp_path)
    for unit, parent, path in drafts:
        pdf = path.with_suffix(".pdf")
        assert pdf.exists(), f"no PDF for {path.name}"
        reader = PdfReader(str(pdf))
        text = " ".join(reader.pages[0].extract_text().split())
        lh = letterhead_for(unit)
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
        assert lh.issuer in text  # the issuing body (its committee), not the đảng bộ
        assert f"-KH/{lh.code}" in text
        assert f"Thực hiện Kế hoạch số {parent.number}" in text
        runs = _first_page_runs(pdf)
        width = float(reader.pages[0].mediabox.width)
        party = next(r for r in runs if r[0] == "ĐẢNG CỘNG SẢN VIỆT NAM")
        superior = next(r for r in runs if lh.superior.startswith(r[0]))
        # "Số", the blank left for the number, then "-KH/<code>" on the same line: the blank is
        # wide enough to write the number in (at least 6 mm besides the word "Số")
        number = next(r for r in runs if r[0].startswith("-KH/"))
        lead = next(r for r in runs if r[0] == "Số" and abs(r[2] - number[2]) < 2)
        assert number[1] - lead[1] >= 35
        title = next(r for r in runs if r[0] == "KẾ HOẠCH")
        # Two columns: the party line on the right half, the superior body on the left, on the
        # same top line; the symbol under the unit on the left; the type line below both.
        assert party[1] > width / 2 > superior[1]
        assert abs(party[2] - superior[2]) < 5
        assert number[1] < width / 2 and number[2] < superior[2]
        assert title[2] < number[2]
