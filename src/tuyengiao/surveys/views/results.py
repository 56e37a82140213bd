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
from tuyengiao.core.spreadsheets import XLSX_MIME, xlsx_response

from ..charts import bars
from ..exports import results_docx, results_xlsx
from ..models import Survey
from ..services.builder import close_if_due
from ..services.crosstab import BY_KINDS, CROSSTAB_RULE, crosstab, crosstab_rows
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
def results_crosstab(request: AuthenticatedHttpRequest, survey_pk: int) -> HttpResponse:
    """The results broken down by the answer to a question of the survey, with the k rule."""
    survey = user_survey(request, survey_pk)
    close_if_due(survey, timezone.localdate())
    requested = request.GET.get("don-vi")
    group = drilldown_unit(request.user, survey.unit, requested) if requested else None
    choices = [q for q in survey.questions.order_by("order", "id") if q.kind in BY_KINDS]
    asked = request.GET.get("cau")
    by = next((q for q in choices if str(q.pk) == asked), None)
    table = crosstab(survey, by, group) if by is not None else None
    error = ""
    if asked and by is None:
        error = "Hãy chọn một câu hỏi chọn một, thang điểm 1–5 hoặc có/không của khảo sát này."
    elif by is not None and table is None:
        error = (
            f"Chưa hiển thị: nhóm này không đủ {survey.k} phiếu, hoặc hiển thị riêng nhóm này sẽ "
            f"làm lộ một nhóm nhỏ hơn {survey.k} người."
        )
    if table is not None and table.columns and request.GET.get("export") == "xlsx":
        headers, rows = crosstab_rows(table)
        return xlsx_response(
            f"ket-qua-theo-cau-{survey.pk}-{by.pk if by else 0}.xlsx",
            headers,
            rows,
            title="Theo câu trả lời",
        )
    return render(
        request,
        "surveys/results_crosstab.html",
        {
            "survey": survey,
            "group": group,
            "choices": choices,
            "by": by,
            "table": table,
            "error": error,
            "rule": CROSSTAB_RULE.format(k=survey.k),
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
