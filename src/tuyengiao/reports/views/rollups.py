"""Roll-ups of a period over a subtree (with drill-down and charts), the compiled report and the
raw data as files, and the import of paper units' figures from a filled-in workbook."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.permissions import drilldown_unit
from tuyengiao.accounts.scoping import Action, can, require
from tuyengiao.core.spreadsheets import XLSX_MIME, TableError
from tuyengiao.orgs.models import Unit

from ..charts import bar_chart, line_chart
from ..compile import compiled_docx, compiled_xlsx, import_values, raw_xlsx, template_xlsx
from ..forms import ImportForm
from ..models import IndicatorKind, Period
from ..services.plan_tasks import TASK_STATUS_CHOICES, task_summary
from ..services.rollups import rollup as rollup_of
from ..services.rollups import spread, trend
from .common import DOCX_MIME, file_response, period_for


def _rollup_unit(request: AuthenticatedHttpRequest, period: Period) -> Unit:
    """The unit whose subtree is rolled up: ?unit= (drill-down) within the type's owner subtree."""
    return drilldown_unit(request.user, period.report_type.unit, request.GET.get("unit"))


@login_required
def rollup(request: AuthenticatedHttpRequest, period_pk: int) -> HttpResponse:
    period = period_for(request, period_pk)
    unit = _rollup_unit(request, period)
    r = rollup_of(period, unit)
    rt = period.report_type
    numeric = [i for i in r.indicators if i.kind != IndicatorKind.TEXT]
    chosen = next(
        (i for i in numeric if str(i.pk) == request.GET.get("ind")), numeric[0] if numeric else None
    )
    periods, series = trend(rt, unit, known={period.pk: r.sums})
    trend_svg = line_chart(
        [p.label for p in periods], [(chosen.label, series.get(chosen.pk, []))] if chosen else []
    )
    spread_svg = (
        bar_chart(
            spread(period, unit, chosen),
            suffix="%"
            if chosen and chosen.kind in (IndicatorKind.RATE, IndicatorKind.PERCENT)
            else "",
        )
        if chosen
        else ""
    )
    ancestors = [a for a in unit.ancestors(include_self=False) if a.path.startswith(rt.unit.path)]
    return render(
        request,
        "reports/rollup.html",
        {
            "period": period,
            "rt": rt,
            "unit": unit,
            "r": r,
            "numeric": numeric,
            "chosen": chosen,
            "trend_svg": trend_svg,
            "spread_svg": spread_svg,
            "ancestors": ancestors,
            "tasks": task_summary(period, unit),
            "task_labels": dict(TASK_STATUS_CHOICES),
            "can_import": can(request.user, Action.CHANGE, rt),
        },
    )


@login_required
def compiled(request: AuthenticatedHttpRequest, period_pk: int, fmt: str) -> HttpResponse:
    period = period_for(request, period_pk)
    unit = _rollup_unit(request, period)
    name = f"bao-cao-tong-hop-{period.key}"
    if fmt == "docx":
        content, _r = compiled_docx(period, unit)
        return file_response(content, DOCX_MIME, f"{name}.docx")
    if fmt == "xlsx":
        return file_response(compiled_xlsx(period, unit), XLSX_MIME, f"{name}.xlsx")
    return file_response(raw_xlsx(period, unit), XLSX_MIME, f"bao-cao-cac-don-vi-{period.key}.xlsx")


def _paper_units(period: Period) -> list[Unit]:
    return list(
        Unit.objects.filter(report_recipients__report_type=period.report_type).order_by("path")
    )


@login_required
def paper_import(request: AuthenticatedHttpRequest, period_pk: int) -> HttpResponse:
    period = period_for(request, period_pk, Action.CHANGE)
    require(request.user, Action.CHANGE, period.report_type)
    units = [u for u in _paper_units(period) if can(request.user, Action.CHANGE, u)]
    if request.GET.get("template"):
        return file_response(template_xlsx(period, units), XLSX_MIME, f"mau-nhap-{period.key}.xlsx")
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = import_values(
                period,
                upload,
                upload.name,
                units,
                request.user,
                valid_only=form.cleaned_data["valid_only"],
            )
        except TableError as exc:
            form.add_error("file", str(exc))
    return render(
        request, "reports/import.html", {"period": period, "form": form, "result": result}
    )
