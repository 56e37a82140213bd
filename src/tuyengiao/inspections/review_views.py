"""Views of interim and final reviews (sơ kết, tổng kết)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, can, get_for_user, require, scoped
from tuyengiao.core.listing import export_requested, export_xlsx

from . import reviews
from .forms import ReviewForm, ReviewReportForm
from .models import Review, ReviewReport
from .review_docx import build_review_report, review_filename
from .services import InspectionError


@login_required
def review_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    items = list(scoped(Review, request.user).select_related("unit")[:500])
    if export_requested(request):
        return export_xlsx(
            "so-ket-tong-ket.xlsx",
            [
                ("Loại", lambda r: r.get_kind_display()),
                ("Nội dung", lambda r: r.title),
                ("Đơn vị tổ chức", lambda r: r.unit.name),
                ("Từ ngày", lambda r: r.span_start),
                ("Đến ngày", lambda r: r.span_end),
                ("Hạn gửi báo cáo", lambda r: r.due_date),
            ],
            items,
        )
    own = scoped(ReviewReport, request.user).select_related("review__unit")
    if request.user.unit is not None:
        own = own.filter(unit=request.user.unit)
    return render(
        request,
        "inspections/review_list.html",
        {"reviews": items, "own": own[:200]},
    )


@login_required
def review_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = request.user.unit
    if unit is None:
        raise PermissionDenied("Tài khoản chưa thuộc đơn vị nào.")
    require(request.user, Action.CHANGE, unit)
    form = ReviewForm(request.POST or None, user=request.user, unit=unit)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            review = reviews.open_review(
                unit=unit,
                user=request.user,
                kind=data["kind"],
                title=data["title"],
                plan=data["plan"],
                span_start=data["span_start"],
                span_end=data["span_end"],
                due_date=data["due_date"],
                outline=data["outline"],
                units=data["units"],
            )
        except InspectionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                f"Đã mở đợt {review.get_kind_display().lower()} cho {review.reports.count()} đơn vị.",
            )
            return redirect("inspections:review_detail", review_pk=review.pk)
    return render(request, "inspections/review_form.html", {"form": form})


def _figure(key: str) -> Callable[[ReviewReport], Any]:
    return lambda report: report.figures.get(key, 0)


@login_required
def review_detail(request: AuthenticatedHttpRequest, review_pk: int) -> HttpResponse:
    review = get_for_user(Review.objects.select_related("unit"), request.user, pk=review_pk)
    reports = list(review.reports.select_related("unit"))
    for report in reports:
        reviews.refresh_figures(report)
    if export_requested(request):
        columns: list[tuple[str, Callable[[ReviewReport], Any]]] = [
            ("Đơn vị", lambda r: r.unit.name),
            ("Ngày gửi", lambda r: r.submitted_on),
        ]
        columns += [(label, _figure(key)) for key, label in reviews.FIGURE_LABELS.items()]
        return export_xlsx(f"so-ket-{review.pk}.xlsx", columns, reports)
    done, total = reviews.coverage(review)
    return render(
        request,
        "inspections/review_detail.html",
        {
            "review": review,
            "reports": reports,
            "labels": reviews.FIGURE_LABELS,
            "coverage": f"{done}/{total} đơn vị đã báo cáo",
        },
    )


@login_required
def review_docx(request: AuthenticatedHttpRequest, review_pk: int) -> HttpResponse:
    review = get_for_user(Review.objects.select_related("unit"), request.user, pk=review_pk)
    response = HttpResponse(
        build_review_report(review),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{review_filename(review)}"'
    return response


@login_required
def review_report(request: AuthenticatedHttpRequest, review_report_pk: int) -> HttpResponse:
    """A unit's report: its figures pre-filled from the data, the outline's sections to write."""
    report = get_for_user(
        ReviewReport.objects.select_related("review__unit", "unit"),
        request.user,
        pk=review_report_pk,
    )
    if request.method == "POST":
        require(request.user, Action.CHANGE, report)
    else:
        reviews.refresh_figures(report)
    form = ReviewReportForm(
        request.POST or None,
        sections=report.review.sections,
        values=report.sections or {},
        initial={"commendations": report.commendations},
    )
    if request.method == "POST" and form.is_valid():
        reviews.save_report(
            report, request.user, form.section_values(), form.cleaned_data["commendations"]
        )
        messages.success(request, "Đã gửi báo cáo; số liệu được chốt theo ngày gửi.")
        return redirect("inspections:review_report", review_report_pk=report.pk)
    figures = [(label, report.figures.get(key, 0)) for key, label in reviews.FIGURE_LABELS.items()]
    return render(
        request,
        "inspections/review_report.html",
        {
            "report": report,
            "review": report.review,
            "form": form,
            "figures": figures,
            "rate": reviews.rate(report.figures),
            "can_edit": can(request.user, Action.CHANGE, report),
            "nominations": report.nominations.select_related(
                "form", "person", "subject_unit", "commendation"
            ),
        },
    )
