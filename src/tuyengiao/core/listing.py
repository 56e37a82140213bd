"""What every list page does: filter from the query string, page, and export the same rows to .xlsx."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse

from .spreadsheets import xlsx_response

PER_PAGE = 50


def paginate(
    request: HttpRequest, items: QuerySet[Any] | Sequence[Any], per_page: int = PER_PAGE
) -> dict[str, Any]:
    """Context for ``core/_pagination.html``: the page and the query string without ``page``."""
    page_obj: Page[Any] = Paginator(items, per_page).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("export", None)
    return {
        "page_obj": page_obj,
        "object_list": page_obj.object_list,
        "querystring_without_page": params.urlencode(),
    }


def export_requested(request: HttpRequest) -> bool:
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
