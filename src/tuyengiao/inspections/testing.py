"""Scoping factories for the project-wide URL walk: an inspection by ``unit``'s superior of
``unit`` (the visit, its lines and recommendations are owned by the inspected unit), and an
inspection planned by ``unit`` itself."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from tuyengiao.orgs.models import Unit
from tuyengiao.testing import SECRET_MARK

from .models import (
    ChecklistLine,
    Finding,
    Inspection,
    Recommendation,
    Review,
    ReviewReport,
    Source,
    Visit,
    VisitState,
)


def make_inspection(unit: Unit) -> Inspection:
    today = timezone.localdate()
    return Inspection.objects.create(
        unit=unit,
        title=f"Kiểm tra {SECRET_MARK}",
        period_start=today - timedelta(days=90),
        period_end=today,
        planned_on=today,
    )


def make_visit(unit: Unit) -> Visit:
    inspector = unit.superior() or unit
    return Visit.objects.create(inspection=make_inspection(inspector), unit=unit)


def _inspection_pk(unit: Unit) -> int:
    return make_inspection(unit).pk


def _visit_pk(unit: Unit) -> int:
    return make_visit(unit).pk


def _line_pk(unit: Unit) -> int:
    line = ChecklistLine.objects.create(
        visit=make_visit(unit),
        order=1,
        source=Source.OTHER,
        requirement=f"Nội dung {SECRET_MARK}",
        finding=Finding.DONE,
        note=SECRET_MARK,
    )
    line.evidence.save("minh-chung.txt", ContentFile(SECRET_MARK.encode()))
    return line.pk


def _recommendation_pk(unit: Unit) -> int:
    visit = make_visit(unit)
    visit.state = VisitState.CONCLUDED
    visit.concluded_on = timezone.localdate()
    visit.conclusion = SECRET_MARK
    visit.save()
    return Recommendation.objects.create(
        visit=visit,
        order=1,
        text=f"Kiến nghị {SECRET_MARK}",
        due_date=timezone.localdate() + timedelta(days=30),
    ).pk


def make_review(unit: Unit) -> Review:
    today = timezone.localdate()
    return Review.objects.create(
        unit=unit,
        kind="so_ket_1n",
        title=f"Nghị quyết {SECRET_MARK}",
        span_start=today - timedelta(days=365),
        span_end=today,
        due_date=today + timedelta(days=10),
        outline=f"Kết quả {SECRET_MARK}",
    )


def _review_pk(unit: Unit) -> int:
    return make_review(unit).pk


def _review_report_pk(unit: Unit) -> int:
    review = make_review(unit.superior() or unit)
    return ReviewReport.objects.create(
        review=review, unit=unit, sections={"0": SECRET_MARK}, commendations=SECRET_MARK
    ).pk


def url_kwarg_factories() -> dict[str, Callable[[Unit], object]]:
    return {
        "inspection_pk": _inspection_pk,
        "visit_pk": _visit_pk,
        "line_pk": _line_pk,
        "recommendation_pk": _recommendation_pk,
        "review_pk": _review_pk,
        "review_report_pk": _review_report_pk,
    }


PUBLIC_URL_NAMES: set[str] = set()
