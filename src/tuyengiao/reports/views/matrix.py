"""The superior's status matrix (units × report types of one period, filtered, paginated,
exported) and its reminder to the units that have not submitted."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, can, require
from tuyengiao.core.listing import PER_PAGE, export_requested, page_context
from tuyengiao.core.spreadsheets import XLSX_MIME
from tuyengiao.orgs.models import Unit

from .. import matrix as matrix_rows
from ..forms import MatrixFilterForm, RemindForm
from ..models import Period, Recipient
from ..services.recipients import recipient_count
from ..services.statuses import Cell, remind_missing, status_counts
from ..tasks import start_matrix_export
from .common import file_response, user_unit

# The filters a reminder carries back to the matrix it was sent from.
FILTER_FIELDS = ("period", "status", "kind", "q")


def _default_key(by_key: dict[str, list[Period]], choices: list[tuple[str, str]]) -> str:
    """The newest period already begun (else the first offered)."""
    today = timezone.localdate()
    return next(
        (k for k, ps in by_key.items() if ps[0].start <= today), choices[0][0] if choices else ""
    )


@login_required
@require_GET
def matrix(request: AuthenticatedHttpRequest) -> HttpResponse:
    choices, by_key = matrix_rows.period_choices(request.user)
    today = timezone.localdate()
    default_key = _default_key(by_key, choices)
    params = request.GET.copy()
    params.setdefault("period", default_key)
    form = MatrixFilterForm(params, periods=choices)
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    key = cleaned.get("period") or default_key
    periods = sorted(by_key.get(key, []), key=lambda p: p.report_type.title)
    filters = matrix_rows.Filters(
        kind=cleaned.get("kind") or "", q=cleaned.get("q") or "", status=cleaned.get("status") or ""
    )
    units = matrix_rows.units(request.user, periods, filters, today)

    ctx = _paginate_units(request, units, periods, unfiltered=not filters.any)
    if export_requested(request):
        filename = f"tinh-hinh-nop-bao-cao-{key}.xlsx"
        total = ctx["page_obj"].paginator.count
        if total > matrix_rows.EXPORT_IN_REQUEST_MAX:
            job = start_matrix_export(request.user, key, filters, filename, total)
            return redirect("reports:export_job", export_job_pk=job.pk)
        content = matrix_rows.export_workbook(periods, units, today)
        return file_response(content, XLSX_MIME, filename)

    rows = matrix_rows.page_rows(periods, ctx["object_list"], today)
    counts = status_counts(periods, today) if periods else {}
    ctx.update(
        {
            "form": form,
            "periods": periods,
            "rows": rows,
            "summary": [(p, counts[p.pk]) for p in periods],
            "labels": Cell.LABELS,
            "can_remind": any(can(request.user, Action.CHANGE, p.report_type) for p in periods),
            "remind_fields": [
                (name, key if name == "period" else cleaned.get(name) or "")
                for name in FILTER_FIELDS
            ],
        }
    )
    return render(request, "reports/matrix.html", ctx)


@login_required
@require_POST
def remind(request: AuthenticatedHttpRequest) -> HttpResponse:
    """E-mail the officers of the units that have not submitted the period shown (a task)."""
    choices, by_key = matrix_rows.period_choices(request.user)
    form = RemindForm(request.POST, periods=choices)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("reports:matrix")
    periods = by_key[form.cleaned_data["period"]]
    for p in periods:
        require(request.user, Action.CHANGE, p.report_type)
    remind_missing(periods)
    today = timezone.localdate()
    counts = status_counts(periods, today)
    n = sum(counts[p.pk][s] for p in periods for s in (Cell.MISSING, Cell.PENDING))
    messages.success(request, f"Đã gửi thư nhắc tới các đơn vị chưa nộp ({n} báo cáo).")
    back = {name: form.cleaned_data[name] for name in FILTER_FIELDS if form.cleaned_data[name]}
    return redirect(f"{reverse('reports:matrix')}?{urlencode(back)}")


def _paginate_units(
    request: AuthenticatedHttpRequest,
    units: QuerySet[Unit],
    periods: Sequence[Period],
    unfiltered: bool,
) -> dict[str, Any]:
    """``core.listing.paginate`` for the matrix, counting recipients when nothing filters the
    units and the user sees every recipient (it is at or above each type's owner): then the
    units listed are exactly the recipients, and one type's count is its ``RecipientCount``."""
    paginator: Paginator[Any] = Paginator(matrix_rows.page_units(units, periods), PER_PAGE)
    own = user_unit(request)
    sees_all = request.user.is_system_admin or (
        own is not None and all(own.contains(p.report_type.unit) for p in periods)
    )
    if unfiltered and sees_all:
        count = (
            recipient_count(periods[0].report_type)
            if len(periods) == 1
            else Recipient.objects.filter(report_type_id__in=[p.report_type_id for p in periods])
            .values("unit_id")
            .distinct()
            .count()
        )
    else:
        count = units.count()  # the units alone, without page_units' joins
    paginator.__dict__["count"] = count  # Paginator.count is a cached_property
    return page_context(request, paginator.get_page(request.GET.get("page")))
