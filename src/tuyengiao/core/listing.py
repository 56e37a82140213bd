"""What every list page does: filter from the query string, page, and export the same rows to .xlsx.

A filter the user may not apply (a unit outside their scope, a year that is no number) is answered,
never dropped: the form shows why, the list shows nothing rather than rows that only look filtered,
and no export is made (:class:`UnitFilterField`, ``filter_rejected``, ``export_requested(…, form)``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse

from .spreadsheets import xlsx_response

PER_PAGE = 50

OUT_OF_SCOPE_UNIT = (
    "Đơn vị được chọn không thuộc phạm vi bạn được xem, nên danh sách không được lọc theo đơn vị "
    "này. Hãy chọn một đơn vị trong danh sách."
)


class UnitFilterField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A list filter's unit, chosen among the user's visible units (the view sets the queryset):
    any other pk — a unit of another branch, a stale link — is an error with this message."""

    default_error_messages = {"invalid_choice": OUT_OF_SCOPE_UNIT}


def filter_rejected(form: forms.Form) -> bool:
    """The filter form was submitted (any query string) but some value cannot be applied."""
    return form.is_bound and not form.is_valid()


def paginate(
    request: HttpRequest, items: QuerySet[Any] | Sequence[Any], per_page: int = PER_PAGE
) -> dict[str, Any]:
    """Context for ``core/_pagination.html``: the page and the query string without ``page``."""
    return page_context(request, Paginator(items, per_page).get_page(request.GET.get("page")))


def page_context(request: HttpRequest, page_obj: Page[Any]) -> dict[str, Any]:
    """The pagination context of a page already cut (for views that count their own way)."""
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("export", None)
    return {
        "page_obj": page_obj,
        "object_list": page_obj.object_list,
        "querystring_without_page": params.urlencode(),
    }


def export_requested(request: HttpRequest, form: forms.Form | None = None) -> bool:
    """``?export=xlsx``, unless the filters ``form`` was rejected: the page then shows its errors
    instead of a file of rows the filter did not select."""
    if form is not None and filter_rejected(form):
        return False
    return request.GET.get("export") == "xlsx"


def export_xlsx(
    filename: str,
    columns: Sequence[tuple[str, Callable[[Any], Any]]],
    items: Iterable[Model] | Iterable[Any],
    title: str = "Dữ liệu",
) -> HttpResponse:
    """Export ``items`` with ``columns`` = [(header, getter)], the same rows the list shows."""
    headers = [header for header, _ in columns]
    rows = ([getter(item) for _, getter in columns] for item in items)
    return xlsx_response(filename, headers, rows, title=title)
