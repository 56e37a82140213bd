"""The access log: reads and exports of personal data and bulk imports, for the unit's
administrators over their subtree (filterable, exportable)."""

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from tuyengiao.accounts.audit_text import entry_time
from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, allowed_actions, is_system_admin, visible_units
from tuyengiao.core.listing import export_requested, export_xlsx, paginate

from ..access_log import label
from ..forms import AccessLogFilterForm


@login_required
def access_log(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    if Action.MANAGE not in allowed_actions(user):
        raise PermissionDenied("Chỉ quản trị đơn vị xem được nhật ký truy cập.")
    entries = (
        LogEntry.objects.filter(additional_data__has_key="access")
        .select_related("actor", "content_type")
        .order_by("-timestamp")
    )
    if not is_system_admin(user):
        assert user.unit is not None  # MANAGE needs a unit
        entries = entries.filter(additional_data__unit_path__startswith=user.unit.path)
    form = AccessLogFilterForm(request.GET or None)
    form.fields["unit"].queryset = visible_units(user)  # type: ignore[attr-defined]
    entries = form.filter(entries)
    if export_requested(request, form):
        return export_xlsx(
            "nhat-ky-truy-cap-du-lieu.xlsx",
            [
                ("Thời điểm", entry_time),
                ("Người thực hiện", lambda e: str(e.actor or "hệ thống")),
                ("Loại", label),
                ("Nội dung", lambda e: e.object_repr),
                ("Số người", lambda e: (e.additional_data or {}).get("people", "")),
            ],
            entries[:50_000],
        )
    context: dict[str, Any] = paginate(request, entries)
    context["form"] = form
    context["rows"] = [
        (e, label(e), (e.additional_data or {}).get("people", "")) for e in context["object_list"]
    ]
    return render(request, "privacy/access_log.html", context)
