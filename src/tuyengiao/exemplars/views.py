"""Views of the exemplars app. Every object is reached through ``tuyengiao.accounts.scoping``;
a unit proposes and corrects (CHANGE on the model), the reviewing unit recognises or returns it
(``services.may_review``: CHANGE on the reviewer, never the proposing unit itself)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, can, get_for_user, is_system_admin, require, scoped
from tuyengiao.core.listing import export_requested, export_xlsx, filter_rejected, paginate
from tuyengiao.core.text import fold
from tuyengiao.orgs.models import Unit

from . import charts, services
from .forms import (
    AttachmentForm,
    ExemplarForm,
    LibraryFilterForm,
    ReturnForm,
    ReviewForm,
    SectorForm,
)
from .models import Attachment, Exemplar, Sector, Status

EXPORT_COLUMNS: list[tuple[str, Any]] = [
    ("Tên mô hình, điển hình", lambda e: e.title),
    ("Lĩnh vực", lambda e: e.sector.name),
    ("Đơn vị", lambda e: e.unit.name),
    ("Nơi thực hiện", lambda e: e.place),
    ("Kết quả", lambda e: e.results),
    ("Số liệu", lambda e: "; ".join(f"{a}: {b}" for a, b in e.figures or [])),
    ("Ngày công nhận", lambda e: e.recognised_on),
    ("Cấp công nhận", lambda e: e.reviewer.name),
]


def _own_unit(request: AuthenticatedHttpRequest) -> Unit:
    unit = request.user.unit
    if unit is None:
        raise PermissionDenied("Tài khoản chưa thuộc đơn vị nào.")
    require(request.user, Action.CHANGE, unit)
    return unit


def _related(qs: QuerySet[Exemplar]) -> QuerySet[Exemplar]:
    return qs.select_related("unit", "reviewer", "sector")


def _library_rows(
    request: AuthenticatedHttpRequest,
) -> tuple[LibraryFilterForm, QuerySet[Exemplar]]:
    """The recognised models in scope, filtered by the query string (nothing when a filter is
    rejected)."""
    form = LibraryFilterForm(request.GET or None, user=request.user)
    qs = _related(scoped(Exemplar, request.user).filter(recognised=True)).order_by(
        "-recognised_on", "-id"
    )
    if filter_rejected(form):
        return form, qs.none()
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            qs = services.search(qs, data["q"])
        if data["sector"]:
            qs = qs.filter(sector=data["sector"])
        if data["unit"]:
            qs = qs.filter(unit__path__startswith=data["unit"].path)
        if data["place"]:
            qs = qs.filter(place_folded__contains=fold(data["place"]))
        if data["year"]:
            qs = qs.filter(recognised_on__year=data["year"])
    return form, qs


@login_required
def library(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The library of recognised models: search without accents, filters, .xlsx."""
    form, qs = _library_rows(request)
    if export_requested(request, form):
        return export_xlsx(
            "mo-hinh-dien-hinh.xlsx", EXPORT_COLUMNS, qs[:5000], title="Mô hình, điển hình"
        )
    return render(
        request,
        "exemplars/library.html",
        {"form": form, "total": qs.count(), **paginate(request, qs)},
    )


@login_required
def statistics(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Recognised models by field and by unit, with the library's filters."""
    form, qs = _library_rows(request)
    items = list(qs[:20000])
    sectors, units = services.by_sector(items), services.by_unit(items)
    return render(
        request,
        "exemplars/statistics.html",
        {
            "form": form,
            "total": len(items),
            "sectors": sectors,
            "units": units,
            "sector_chart": charts.bar_chart(sectors, "Mô hình được công nhận theo lĩnh vực"),
            "unit_chart": charts.bar_chart(units, "Mô hình được công nhận theo đơn vị"),
        },
    )


@login_required
def proposals(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Models not yet recognised: the unit's own, and those waiting for the user's review."""
    rows = list(_related(scoped(Exemplar, request.user).exclude(status=Status.RECOGNISED))[:500])
    unit = request.user.unit
    own = [e for e in rows if unit is not None and e.unit_id == unit.pk]
    to_review = [e for e in rows if e not in own and services.may_review(request.user, e)]
    others = [e for e in rows if e not in own and e not in to_review]
    return render(
        request,
        "exemplars/proposals.html",
        {
            "own": own,
            "to_review": to_review,
            "others": others,
            "can_propose": unit is not None and can(request.user, Action.CHANGE, unit),
        },
    )


@login_required
def create(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = _own_unit(request)
    form = ExemplarForm(request.POST or None, request.FILES or None, user=request.user, unit=unit)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        exemplar = services.propose(
            unit=unit,
            user=request.user,
            title=data["title"],
            sector=data["sector"],
            place=data["place"],
            description=data["description"],
            results=data["results"],
            figures=data["figures"],
            entry=data["entry"],
        )
        if data.get("attachment"):
            services.add_attachment(exemplar, data["attachment"])
        messages.success(request, f"Đã gửi đề xuất lên {exemplar.reviewer.name} xét công nhận.")
        return redirect("exemplars:detail", exemplar_pk=exemplar.pk)
    return render(request, "exemplars/form.html", {"form": form, "exemplar": None})


def _get(request: AuthenticatedHttpRequest, pk: int, action: Action = Action.VIEW) -> Exemplar:
    return get_for_user(
        _related(Exemplar.objects.select_related("entry__movement")),
        request.user,
        action,
        pk=pk,
    )


@login_required
def detail(request: AuthenticatedHttpRequest, exemplar_pk: int) -> HttpResponse:
    exemplar = _get(request, exemplar_pk)
    can_edit = exemplar.editable and can(request.user, Action.CHANGE, exemplar)
    reviewing = exemplar.status == Status.PROPOSED and services.may_review(request.user, exemplar)
    return render(
        request,
        "exemplars/detail.html",
        {
            "e": exemplar,
            "attachments": exemplar.attachments.all(),
            "can_edit": can_edit,
            "reviewing": reviewing,
            "attachment_form": AttachmentForm() if can_edit else None,
            "review_form": ReviewForm() if reviewing else None,
            "return_form": ReturnForm() if reviewing else None,
            "entry_visible": exemplar.entry is not None
            and can(request.user, Action.VIEW, exemplar.entry),
        },
    )


@login_required
def edit(request: AuthenticatedHttpRequest, exemplar_pk: int) -> HttpResponse:
    exemplar = _get(request, exemplar_pk, Action.CHANGE)
    if not exemplar.editable:
        messages.error(request, "Mô hình đã được công nhận, không sửa được nữa.")
        return redirect("exemplars:detail", exemplar_pk=exemplar.pk)
    initial = {
        "title": exemplar.title,
        "sector": exemplar.sector_id,
        "place": exemplar.place,
        "description": exemplar.description,
        "results": exemplar.results,
        "figures": services.figures_text(exemplar.figures or []),
        "entry": exemplar.entry_id,
    }
    form = ExemplarForm(
        request.POST or None,
        user=request.user,
        unit=exemplar.unit,
        initial=initial,
        with_file=False,
    )
    if request.method == "POST" and form.is_valid():
        was_returned = exemplar.status == Status.RETURNED
        try:
            services.update(exemplar, **form.cleaned_data)
        except services.ExemplarError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                "Đã lưu và gửi lại để xét công nhận." if was_returned else "Đã lưu thay đổi.",
            )
            return redirect("exemplars:detail", exemplar_pk=exemplar.pk)
    return render(request, "exemplars/form.html", {"form": form, "exemplar": exemplar})


@login_required
@require_POST
def attachment_add(request: AuthenticatedHttpRequest, exemplar_pk: int) -> HttpResponse:
    exemplar = _get(request, exemplar_pk, Action.CHANGE)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(str(m) for m in form.errors.get("attachment", [])))
        return redirect("exemplars:detail", exemplar_pk=exemplar.pk)
    try:
        attachment = services.add_attachment(exemplar, form.cleaned_data["attachment"])
    except services.ExemplarError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã thêm tệp “{attachment.name}”.")
    return redirect("exemplars:detail", exemplar_pk=exemplar.pk)


@login_required
def attachment_download(request: AuthenticatedHttpRequest, attachment_pk: int) -> FileResponse:
    attachment = get_for_user(
        Attachment.objects.select_related("exemplar__unit"), request.user, pk=attachment_pk
    )
    if not attachment.file:
        raise Http404("Không có tệp.")
    inline = attachment.is_image and request.GET.get("xem") == "1"
    return FileResponse(
        attachment.file.open("rb"), as_attachment=not inline, filename=attachment.name
    )


def _reviewable(request: AuthenticatedHttpRequest, pk: int) -> Exemplar:
    exemplar = _get(request, pk)
    if not services.may_review(request.user, exemplar):
        raise PermissionDenied("Chỉ cấp xét công nhận được công nhận hoặc trả lại mô hình này.")
    return exemplar


@login_required
@require_POST
def recognise(request: AuthenticatedHttpRequest, exemplar_pk: int) -> HttpResponse:
    exemplar = _reviewable(request, exemplar_pk)
    form = ReviewForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.recognise(exemplar, request.user, note)
    except services.ExemplarError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã công nhận mô hình “{exemplar.title}”.")
    return redirect("exemplars:detail", exemplar_pk=exemplar.pk)


@login_required
@require_POST
def send_back(request: AuthenticatedHttpRequest, exemplar_pk: int) -> HttpResponse:
    exemplar = _reviewable(request, exemplar_pk)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Hãy ghi rõ nội dung cần bổ sung khi trả lại.")
        return redirect("exemplars:detail", exemplar_pk=exemplar.pk)
    try:
        services.return_for_changes(exemplar, request.user, form.cleaned_data["note"])
    except services.ExemplarError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã trả lại cho {exemplar.unit.name} để bổ sung.")
    return redirect("exemplars:detail", exemplar_pk=exemplar.pk)


@login_required
def sector_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The list of fields; a system administrator adds one here (POST)."""
    manage = is_system_admin(request.user)
    form = SectorForm(request.POST or None) if manage else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("Chỉ quản trị hệ thống sửa danh sách lĩnh vực.")
        if form.is_valid():
            form.save()
            messages.success(request, "Đã thêm lĩnh vực.")
            return redirect("exemplars:sector_list")
    return render(
        request,
        "exemplars/sector_list.html",
        {"sectors": Sector.objects.all(), "form": form, "manage": manage},
    )


@login_required
def sector_edit(request: AuthenticatedHttpRequest, sector_pk: int) -> HttpResponse:
    if not is_system_admin(request.user):
        raise PermissionDenied("Chỉ quản trị hệ thống sửa danh sách lĩnh vực.")
    sector = Sector.objects.filter(pk=sector_pk).first()
    if sector is None:
        raise Http404("Không có lĩnh vực này.")
    form = SectorForm(request.POST or None, instance=sector)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Đã lưu lĩnh vực.")
        return redirect("exemplars:sector_list")
    return render(request, "exemplars/sector_form.html", {"form": form, "sector": sector})
