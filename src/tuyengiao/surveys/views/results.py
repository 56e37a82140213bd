"""Results of a survey for officers: aggregate only, with the k rule (``services.results``);
drill-down by unit where every cell holds ≥ k; .xlsx and .docx of the same aggregate; the
response rate per unit (counts, never names)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.permissions import drilldown_unit
from tuyengiao.core.listing import export_xlsx
from tuyengiao.core.spreadsheets import XLSX_MIME

from ..charts import bars
from ..exports import results_docx, results_xlsx
from ..models import Survey
from ..services.builder import close_if_due
from ..services.results import Breakdown, Results, breakdown, response_rates, results, texts
from .common import user_survey


def _results(
    request: AuthenticatedHttpRequest, survey_pk: int
) -> tuple[Survey, Results, Breakdown | None]:
    survey = user_survey(request, survey_pk)
    close_if_due(survey, timezone.localdate())
    requested = request.GET.get("don-vi")
    group = drilldown_unit(request.user, survey.unit, requested) if requested else None
    r = results(survey, group)
    level = group or survey.unit
    b = breakdown(survey, level) if r.shown else None
    return survey, r, b


@login_required
def survey_results(request: AuthenticatedHttpRequest, survey_pk: int) -> HttpResponse:
    survey, r, b = _results(request, survey_pk)
    charts = {
        qr.question.pk: bars(qr.options, qr.question.text) for qr in r.questions if qr.options
    }
    return render(
        request,
        "surveys/results.html",
        {"survey": survey, "r": r, "b": b, "charts": charts, "group": r.group},
    )


@login_required
def results_texts(request: AuthenticatedHttpRequest, survey_pk: int) -> HttpResponse:
    """All the text answers to one question of a shown group, in random order."""
    survey, r, _b = _results(request, survey_pk)
    qr = next((qr for qr in r.questions if str(qr.question.pk) == request.GET.get("cau")), None)
    if qr is None or not qr.question.is_text:
        raise Http404("Không có câu hỏi trả lời viết này, hoặc nhóm chưa đủ số phiếu.")
    return render(
        request,
        "surveys/results_texts.html",
        {
            "survey": survey,
            "group": r.group,
            "question": qr.question,
            "texts": texts(survey, r.group, qr.question),
            "rule": r.rule,
        },
    )


@login_required
def results_xlsx_view(request: AuthenticatedHttpRequest, survey_pk: int) -> HttpResponse:
    survey, r, b = _results(request, survey_pk)
    if not r.shown:
        raise Http404("Chưa đủ số phiếu để xuất kết quả.")
    response = HttpResponse(results_xlsx(r, b), content_type=XLSX_MIME)
    response["Content-Disposition"] = f'attachment; filename="ket-qua-khao-sat-{survey.pk}.xlsx"'
    return response


@login_required
def results_docx_view(request: AuthenticatedHttpRequest, survey_pk: int) -> HttpResponse:
    survey, r, b = _results(request, survey_pk)
    if not r.shown:
        raise Http404("Chưa đủ số phiếu để xuất kết quả.")
    response = HttpResponse(
        results_docx(r, b, timezone.localdate()),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="bao-cao-ket-qua-khao-sat-{survey.pk}.docx"'
    )
    return response


@login_required
def response_rate(request: AuthenticatedHttpRequest, survey_pk: int) -> HttpResponse:
    survey = user_survey(request, survey_pk)
    requested = request.GET.get("don-vi")
    within = drilldown_unit(request.user, survey.unit, requested) if requested else survey.unit
    total, rows = response_rates(survey, within)
    if request.GET.get("export") == "xlsx":
        return export_xlsx(
            f"ty-le-tra-loi-{survey.pk}.xlsx",
            [
                ("Đơn vị", lambda row: row.unit.name),
                ("Số người được hỏi", lambda row: row.asked),
                ("Số người đã trả lời", lambda row: row.answered),
                ("Tỷ lệ (%)", lambda row: row.rate),
            ],
            [*rows, total],
            title="Tỷ lệ trả lời",
        )
    return render(
        request,
        "surveys/response_rate.html",
        {"survey": survey, "total": total, "rows": rows, "within": within},
    )
