"""Interim and final reviews (sơ kết, tổng kết): a superior opens a review of a resolution or plan
over a span with an outline; each unit below gets a report pre-filled with its figures for the
span, writes the narrative sections and proposes commendations; the level's report is compiled."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from tuyengiao.accounts.models import User
from tuyengiao.exemplars.services import count_recognised
from tuyengiao.orgs.models import Unit
from tuyengiao.plans.models import Plan, TaskAssignment
from tuyengiao.reports.models import Status as ReportStatus
from tuyengiao.reports.models import Submission
from tuyengiao.study.models import RoundUnitTally

from .models import Review, ReviewReport, Visit
from .services import InspectionError

FIGURE_LABELS = {
    "tasks_total": "Nhiệm vụ có hạn trong kỳ",
    "tasks_done": "Nhiệm vụ đã hoàn thành",
    "reports_due": "Báo cáo phải nộp",
    "reports_submitted": "Báo cáo đã nộp",
    "study_expected": "Lượt đảng viên phải học tập",
    "study_attended": "Lượt đảng viên đã học tập",
    "inspections": "Cuộc kiểm tra, giám sát",
    "recommendations_closed": "Kiến nghị đã khắc phục",
    "exemplars_recognised": "Mô hình, điển hình được công nhận",
}


@dataclass(frozen=True)
class Span:
    start: date
    end: date
    plan: Plan | None = None


def unit_figures(unit: Unit, span: Span) -> dict[str, int]:
    """The unit's own counts over the span, from the product's tables."""
    tasks = TaskAssignment.objects.filter(unit=unit)
    if span.plan is not None:
        tasks = tasks.filter(task__plan__chain__startswith=span.plan.chain)
    tasks = tasks.filter(task__end_date__range=(span.start, span.end))
    reports = Submission.objects.filter(unit=unit, period__due_date__range=(span.start, span.end))
    tallies = RoundUnitTally.objects.filter(
        unit_path__startswith=unit.path,
        round__starts_on__lte=span.end,
        round__ends_on__gte=span.start,
    ).aggregate(eligible=Sum("eligible"), exempted=Sum("exempted"), attended=Sum("attended"))
    visits = Visit.objects.filter(unit=unit, inspection__planned_on__range=(span.start, span.end))
    return {
        "tasks_total": tasks.count(),
        "tasks_done": tasks.filter(progress__gte=100).count(),
        "reports_due": reports.count(),
        "reports_submitted": reports.filter(
            status__in=[ReportStatus.SUBMITTED, ReportStatus.ACCEPTED]
        ).count(),
        "study_expected": int(tallies["eligible"] or 0) - int(tallies["exempted"] or 0),
        "study_attended": int(tallies["attended"] or 0),
        "inspections": visits.count(),
        "recommendations_closed": visits.filter(recommendations__accepted_on__isnull=False).count(),
        "exemplars_recognised": count_recognised(unit, span.start, span.end),
    }


def span_of(review: Review) -> Span:
    return Span(review.span_start, review.span_end, review.plan)


@transaction.atomic
def open_review(
    *,
    unit: Unit,
    user: User | None,
    kind: str,
    title: str,
    plan: Plan | None,
    span_start: date,
    span_end: date,
    due_date: date,
    outline: str,
    units: Iterable[Unit],
) -> Review:
    targets = list(units)
    if not targets:
        raise InspectionError("Hãy chọn ít nhất một đơn vị báo cáo.")
    for target in targets:
        if target.pk == unit.pk or not target.path.startswith(unit.path):
            raise InspectionError(f"{target.name} không phải đơn vị cấp dưới của {unit.name}.")
    if span_end < span_start:
        raise InspectionError("Ngày cuối kỳ sơ kết, tổng kết phải sau ngày đầu.")
    if not [line for line in outline.splitlines() if line.strip()]:
        raise InspectionError("Hãy nhập đề cương (mỗi dòng một phần).")
    review = Review.objects.create(
        unit=unit,
        kind=kind,
        title=title,
        plan=plan,
        span_start=span_start,
        span_end=span_end,
        due_date=due_date,
        outline=outline,
        created_by=user,
    )
    span = span_of(review)
    ReviewReport.objects.bulk_create(
        [ReviewReport(review=review, unit=t, figures=unit_figures(t, span)) for t in targets]
    )
    return review


def refresh_figures(report: ReviewReport) -> ReviewReport:
    """Figures follow the data until the unit sends its report."""
    if report.submitted_on is None:
        report.figures = unit_figures(report.unit, span_of(report.review))
        report.save(update_fields=["figures"])
    return report


def save_report(
    report: ReviewReport,
    user: User | None,
    sections: dict[str, str],
    commendations: str,
    today: date | None = None,
) -> ReviewReport:
    """The unit sends (or corrects) its report; the figures are frozen on the first sending."""
    today = today or timezone.localdate()
    report.figures = unit_figures(report.unit, span_of(report.review))
    report.sections = {k: v.strip() for k, v in sections.items()}
    report.commendations = commendations.strip()
    report.submitted_on = report.submitted_on or today
    report.updated_by = user
    report.save()
    return report


def rate(figures: dict[str, Any]) -> float | None:
    expected = int(figures.get("study_expected") or 0)
    return 100.0 * int(figures.get("study_attended") or 0) / expected if expected else None


def coverage(review: Review) -> tuple[int, int]:
    reports = review.reports.all()
    return reports.filter(submitted_on__isnull=False).count(), reports.count()
