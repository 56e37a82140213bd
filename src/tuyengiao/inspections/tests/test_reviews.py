"""Interim and final reviews: a 1-year review pre-fills each unit's counts for the span, equal to
counts taken independently from the tables; the compiled .docx converts to PDF with LibreOffice
and its table of units reads back with python-docx."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from docx import Document

from tuyengiao.inspections import reviews, services
from tuyengiao.inspections.models import Finding, Review, ReviewReport
from tuyengiao.inspections.review_docx import TABLE_HEADERS, build_review_report
from tuyengiao.plans.models import TaskAssignment
from tuyengiao.reports.models import Period, ReportType, Submission
from tuyengiao.reports.models import Status as ReportStatus
from tuyengiao.study.models import RoundUnitTally, StudyRound
from tuyengiao.testing import SOFFICE, Tree, convert_to_pdf

from .conftest import BlocPlan

pytestmark = pytest.mark.django_db


def _data(tree: Tree, bloc_plan: BlocPlan) -> None:
    """Reports, a study round and a concluded inspection in the span, beside the plan's tasks."""
    today = timezone.localdate()
    rt = ReportType.objects.create(unit=tree.bloc, title="Báo cáo tháng")
    for index, (unit, status) in enumerate(
        [
            (tree.base1, ReportStatus.SUBMITTED),
            (tree.base1, ReportStatus.DRAFT),
            (tree.base1, ReportStatus.ACCEPTED),
            (tree.base2, ReportStatus.ACCEPTED),
        ],
        start=1,
    ):
        due = today - timedelta(days=10 * index)
        period = Period.objects.create(
            report_type=rt,
            kind="month",
            year=due.year,
            index=index,
            start=due,
            end=due,
            due_date=due,
        )
        Submission.objects.create(period=period, unit=unit, status=status)
    study_round = StudyRound.objects.create(
        unit=tree.bloc,
        title="Học tập Nghị quyết",
        starts_on=today - timedelta(days=60),
        ends_on=today - timedelta(days=50),
    )
    for unit, counts in [
        (tree.base1, (10, 1, 8)),
        (tree.cell1, (5, 0, 5)),
        (tree.base2, (7, 0, 2)),
    ]:
        RoundUnitTally.objects.create(
            round=study_round,
            unit=unit,
            unit_path=unit.path,
            eligible=counts[0],
            exempted=counts[1],
            attended=counts[2],
        )
    inspection = services.create_inspection(
        unit=tree.bloc,
        user=None,
        kind="kiem_tra",
        title="Kiểm tra",
        plan=bloc_plan.plan,
        period_start=today - timedelta(days=300),
        period_end=today,
        planned_on=today - timedelta(days=5),
        units=[tree.base1],
        head=None,
    )
    visit = inspection.visits.get()
    for line in visit.lines.all():
        services.record_finding(line, None, Finding.DONE, "")
    services.conclude(visit, None, "Tốt.", [])


def _open(tree: Tree) -> Review:
    today = timezone.localdate()
    return reviews.open_review(
        unit=tree.bloc,
        user=None,
        kind="so_ket_1n",
        title="một năm thực hiện Kế hoạch tuyên truyền",
        plan=None,
        span_start=today - timedelta(days=365),
        span_end=today + timedelta(days=60),
        due_date=today + timedelta(days=10),
        outline="Công tác lãnh đạo, chỉ đạo\nKết quả thực hiện",
        units=[tree.base1, tree.base2],
    )


def test_one_year_review_prefills_counts_equal_to_the_tables(
    tree: Tree, bloc_plan: BlocPlan
) -> None:
    _data(tree, bloc_plan)
    review = _open(tree)
    start, end = review.span_start, review.span_end
    for unit in (tree.base1, tree.base2):
        figures = ReviewReport.objects.get(review=review, unit=unit).figures
        # independently, row by row from the tables
        tasks = [
            a
            for a in TaskAssignment.objects.filter(unit=unit).select_related("task")
            if a.task.end_date and start <= a.task.end_date <= end
        ]
        subs = [
            s
            for s in Submission.objects.filter(unit=unit).select_related("period")
            if start <= s.period.due_date <= end
        ]
        tallies = [t for t in RoundUnitTally.objects.all() if t.unit_path.startswith(unit.path)]
        assert figures["tasks_total"] == len(tasks)
        assert figures["tasks_done"] == sum(1 for a in tasks if a.progress >= 100)
        assert figures["reports_due"] == len(subs)
        assert figures["reports_submitted"] == sum(
            1 for s in subs if s.status in ("submitted", "accepted")
        )
        assert figures["study_expected"] == sum(t.eligible - t.exempted for t in tallies)
        assert figures["study_attended"] == sum(t.attended for t in tallies)
    base1 = ReviewReport.objects.get(review=review, unit=tree.base1).figures
    assert (base1["tasks_total"], base1["tasks_done"]) == (3, 1)
    assert (base1["reports_due"], base1["reports_submitted"]) == (3, 2)
    assert (base1["study_expected"], base1["study_attended"]) == (14, 13)
    assert (base1["inspections"], base1["recommendations_closed"]) == (1, 0)


def test_compiled_report_converts_to_pdf_and_its_table_reads_back(
    tree: Tree, bloc_plan: BlocPlan, tmp_path: Path
) -> None:
    _data(tree, bloc_plan)
    review = _open(tree)
    report = ReviewReport.objects.get(review=review, unit=tree.base1)
    reviews.save_report(
        report,
        None,
        {"0": "Đã ban hành kế hoạch.", "1": "Hoàn thành 1/3 nhiệm vụ."},
        "Chi bộ Văn phòng Sở TTTT — giấy khen",
    )
    data = build_review_report(review, timezone.localdate())
    doc = Document(io.BytesIO(data))
    table = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == TABLE_HEADERS)
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert rows[0][1] == tree.base1.name
    assert rows[0][2:4] == ["1/3", "2/3"]
    assert rows[0][4] == "92,86 %"
    assert rows[1][1] == f"{tree.base2.name} (chưa báo cáo)"
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "1/2 đơn vị đã báo cáo." in text
    assert f"- {tree.base1.name}: Hoàn thành 1/3 nhiệm vụ." in text
    proposals = next(t for t in doc.tables if t.rows[0].cells[1].text == "Đơn vị đề nghị")
    assert proposals.rows[1].cells[2].text == "Chi bộ Văn phòng Sở TTTT — giấy khen"

    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) chưa được cài")
    source = tmp_path / "so-ket.docx"
    source.write_bytes(data)
    convert_to_pdf(source, timeout=240)
    pdf = (tmp_path / "so-ket.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000


def test_unit_fills_its_report_and_the_superior_compiles(
    tree: Tree, bloc_plan: BlocPlan, client_as: Callable[[str], Client]
) -> None:
    review = _open(tree)
    report = ReviewReport.objects.get(review=review, unit=tree.base1)
    coso1 = client_as("coso1")
    url = reverse("inspections:review_report", kwargs={"review_report_pk": report.pk})
    page = coso1.get(url).content.decode()
    assert "Nhiệm vụ có hạn trong kỳ" in page and "Công tác lãnh đạo, chỉ đạo" in page
    response = coso1.post(
        url, {"section_0": "Đã quán triệt.", "section_1": "", "commendations": "Chi bộ A"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.sections == {"0": "Đã quán triệt.", "1": ""}
    assert report.submitted_on == timezone.localdate()
    # the sibling cannot read or write it
    assert client_as("coso2").post(url, {"section_0": "x"}).status_code == 404
    khoi = client_as("khoi")
    detail = khoi.get(reverse("inspections:review_detail", kwargs={"review_pk": review.pk}))
    assert "1/2 đơn vị đã báo cáo" in detail.content.decode()
    docx = khoi.get(reverse("inspections:review_docx", kwargs={"review_pk": review.pk}))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    created = khoi.post(
        reverse("inspections:review_create"),
        {
            "kind": "tong_ket_5n",
            "title": "5 năm thực hiện Chỉ thị",
            "units": [tree.base1.pk],
            "span_start": "2021-01-01",
            "span_end": "2025-12-31",
            "due_date": "2026-12-31",
            "outline": "Kết quả\nBài học",
        },
    )
    assert created.status_code == 302
    assert Review.objects.filter(kind="tong_ket_5n").exists()
