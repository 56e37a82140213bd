"""What the reports views share: the user's unit, the types they own, a period, a file."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, get_for_user, scoped
from tuyengiao.orgs.models import Unit

from .. import matrix as matrix_rows
from ..models import Period, ReportType

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def user_unit(request: AuthenticatedHttpRequest) -> Unit | None:
    return request.user.unit


def own_types(
    request: AuthenticatedHttpRequest, action: Action = Action.VIEW
) -> QuerySet[ReportType]:
    """Report types defined by the user's unit or units below it (not those received)."""
    return matrix_rows.own_types(request.user, action)


def plans_for(request: AuthenticatedHttpRequest) -> QuerySet[Any]:
    from tuyengiao.plans.models import Plan

    return scoped(Plan, request.user).order_by("-id")


def period_for(
    request: AuthenticatedHttpRequest, period_pk: int, action: Action = Action.VIEW
) -> Period:
    return get_for_user(
        Period.objects.select_related("report_type__unit"), request.user, action, pk=period_pk
    )


def file_response(content: bytes, mime: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
