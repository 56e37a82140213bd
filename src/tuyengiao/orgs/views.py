from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import (
    Action,
    allowed_actions,
    can,
    get_for_user,
    is_system_admin,
    require,
    scoped,
    visible_units,
)
from tuyengiao.core import jobs
from tuyengiao.core.listing import export_requested, export_xlsx, paginate
from tuyengiao.core.spreadsheets import csv_response, xlsx_response
from tuyengiao.core.text import fold
from tuyengiao.core.views import job_page

from . import imports, picker, tasks
from .forms import (
    AsOfForm,
    ImportForm,
    PersonFilterForm,
    PersonForm,
    TransferForm,
    UnitForm,
    UnitSearchForm,
)
from .history import children_on
from .models import Person, Unit, current_q
from .services import transfer_person

TREE_SEARCH_LIMIT = 200


def _root_units(request: AuthenticatedHttpRequest) -> list[Unit]:
    """The top of what the user sees: its own unit, or the roots for a system admin."""
    if is_system_admin(request.user):
        return list(Unit.objects.get_root_nodes())
    unit = request.user.unit
    return [unit] if unit is not None else []


@login_required
def unit_tree(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = UnitSearchForm(request.GET or None)
    results = None
    history = form.is_valid() and form.cleaned_data["history"]
    if form.is_valid() and (form.cleaned_data["q"] or form.cleaned_data["kind"]):
        units = visible_units(request.user)
        if not history:
            units = units.filter(current_q())
        if q := form.cleaned_data["q"]:
            for word in fold(q).split():
                units = units.filter(name_folded__contains=word)
        if kind := form.cleaned_data["kind"]:
            units = units.filter(kind=kind)
        results = list(units.order_by("path")[:TREE_SEARCH_LIMIT])
    export = request.GET.get("export")
    if export in {"xlsx", "csv"}:
        rows = imports.unit_export_rows(visible_units(request.user).order_by("path"))
        if export == "csv":
            return csv_response("don-vi.csv", imports.UNIT_HEADERS, rows)
        return xlsx_response("don-vi.xlsx", imports.UNIT_HEADERS, rows, title="Đơn vị")
    roots = _root_units(request)
    return render(
        request,
        "orgs/unit_tree.html",
        {
            "form": form,
            "results": results,
            "limit": TREE_SEARCH_LIMIT,
            "roots": roots,
            "history": history,
            "can_import": Action.MANAGE in allowed_actions(request.user),
        },
    )


def _may_import_units(request: AuthenticatedHttpRequest) -> None:
    if Action.MANAGE not in allowed_actions(request.user):
        raise PermissionDenied("Chỉ quản trị đơn vị được nhập cây đơn vị.")


def _may_import_people(request: AuthenticatedHttpRequest) -> None:
    if Action.CHANGE not in allowed_actions(request.user):
        raise PermissionDenied("Bạn không có quyền nhập nhân sự.")


@dataclass(frozen=True)
class _ImportPage:
    """What differs between the unit import and the people import pages."""

    kind: str
    task: Any
    template: str
    headers: list[str]
    job_url: str
    valid_only_url: str
    form_url: str
    job_kwarg: str

    def job_path(self, job_pk: int) -> str:
        return reverse(self.job_url, kwargs={self.job_kwarg: job_pk})


UNIT_IMPORT_PAGE = _ImportPage(
    kind=tasks.UNIT_IMPORT,
    task=tasks.import_units_task,
    template="orgs/unit_import.html",
    headers=imports.UNIT_HEADERS,
    job_url="orgs:unit_import_job",
    valid_only_url="orgs:unit_import_valid_only",
    form_url="orgs:unit_import",
    job_kwarg="unit_job_pk",
)
PERSON_IMPORT_PAGE = _ImportPage(
    kind=tasks.PERSON_IMPORT,
    task=tasks.import_people_task,
    template="orgs/person_import.html",
    headers=imports.PERSON_HEADERS,
    job_url="orgs:person_import_job",
    valid_only_url="orgs:person_import_valid_only",
    form_url="orgs:person_import",
    job_kwarg="person_job_pk",
)


def _import_form(request: AuthenticatedHttpRequest, page: _ImportPage) -> HttpResponse:
    """The upload form: the file is stored and checked, then written, by a background job."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = jobs.start(
            page.kind,
            request.user,
            form.cleaned_data["file"],
            options={"valid_only": form.cleaned_data["valid_only"]},
        )
        page.task.enqueue(job.pk)
        return redirect(page.job_path(job.pk))
    return render(
        request,
        page.template,
        {
            "form": form,
            "headers": page.headers,
            "recent_jobs": jobs.recent_jobs(request.user, page.kind),
            "job_url": page.job_url,
        },
        status=400 if request.method == "POST" else 200,
    )


def _import_job(request: AuthenticatedHttpRequest, page: _ImportPage, job_pk: int) -> HttpResponse:
    """The job's progress (polled by htmx), then its outcome."""
    job = jobs.job_for_user(request.user, job_pk, page.kind)
    context = {
        "job": job,
        "poll_url": page.job_path(job.pk),
        "outcome_template": "core/_import_job_outcome.html",
        "valid_only_url": reverse(page.valid_only_url, kwargs={page.job_kwarg: job.pk}),
        "form_url": reverse(page.form_url),
    }
    return job_page(request, page.template, context, lambda: {"headers": page.headers})


def _import_valid_only(
    request: AuthenticatedHttpRequest, page: _ImportPage, job_pk: int
) -> HttpResponse:
    """Run the same stored file again, writing the valid rows only."""
    job = jobs.job_for_user(request.user, job_pk, page.kind)
    try:
        new = jobs.restart(job, request.user, valid_only=True)
    except jobs.JobError as exc:
        messages.error(request, str(exc))
        return redirect(page.form_url)
    page.task.enqueue(new.pk)
    return redirect(page.job_path(new.pk))


@login_required
def unit_import(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Upload a unit sheet: every row checked first; nothing half-imported."""
    _may_import_units(request)
    return _import_form(request, UNIT_IMPORT_PAGE)


@login_required
def unit_import_job(request: AuthenticatedHttpRequest, unit_job_pk: int) -> HttpResponse:
    _may_import_units(request)
    return _import_job(request, UNIT_IMPORT_PAGE, unit_job_pk)


@login_required
@require_POST
def unit_import_valid_only(request: AuthenticatedHttpRequest, unit_job_pk: int) -> HttpResponse:
    _may_import_units(request)
    return _import_valid_only(request, UNIT_IMPORT_PAGE, unit_job_pk)


@login_required
def unit_children(request: AuthenticatedHttpRequest, unit_pk: int) -> HttpResponse:
    """htmx fragment: the units directly below one unit, each with its counts (two queries)."""
    unit = get_for_user(Unit, request.user, pk=unit_pk)
    history = request.GET.get("history") == "on"
    rows = unit.children_with_member_counts(history=history)
    return render(request, "orgs/_unit_children.html", {"rows": rows, "history": history})


@login_required
def unit_detail(request: AuthenticatedHttpRequest, unit_pk: int) -> HttpResponse:
    unit = get_for_user(Unit, request.user, pk=unit_pk)
    ancestors = list(
        visible_units(request.user).filter(path__in=unit.ancestor_paths()).order_by("depth")
    )
    people = Person.objects.filter(unit=unit, active=True).prefetch_related("roles")[:500]
    history = request.GET.get("lich-su") == "1"
    as_of_form = AsOfForm(request.GET if "ngay" in request.GET else None)
    on = as_of_form.cleaned_data["ngay"] if as_of_form.is_valid() else None
    return render(
        request,
        "orgs/unit_detail.html",
        {
            "unit": unit,
            "ancestors": ancestors,
            "history": history,
            "as_of_form": as_of_form,
            "on": on,
            "then": unit.as_of(on) if on else None,
            "then_rows": children_on(unit, on) if on else [],
            "states": unit.states.select_related("parent", "reorganisation"),
            "predecessors": unit.predecessor_links.select_related("predecessor", "reorganisation"),
            "successors": unit.successor_links.select_related("successor", "reorganisation"),
            "rows": unit.children_with_member_counts(history=history),
            "people": people,
            "can_change": can(request.user, Action.MANAGE, unit),
        },
    )


@login_required
def unit_edit(request: AuthenticatedHttpRequest, unit_pk: int) -> HttpResponse:
    unit = get_for_user(Unit, request.user, Action.MANAGE, pk=unit_pk)
    form = UnitForm(request.POST or None, instance=unit)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Đã lưu đơn vị.")
        return redirect("orgs:unit_detail", unit_pk=unit.pk)
    return render(request, "orgs/unit_form.html", {"form": form, "unit": unit, "parent": None})


@login_required
def unit_add_child(request: AuthenticatedHttpRequest, unit_pk: int) -> HttpResponse:
    parent = get_for_user(Unit, request.user, Action.MANAGE, pk=unit_pk)
    form = UnitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        child = Unit.objects.add_child(parent, instance=form.save(commit=False))
        messages.success(request, f"Đã thêm đơn vị {child.name}.")
        return redirect("orgs:unit_detail", unit_pk=child.pk)
    return render(request, "orgs/unit_form.html", {"form": form, "unit": None, "parent": parent})


PERSON_EXPORT_COLUMNS = [
    ("Họ và tên", lambda p: p.full_name),
    ("Đơn vị", lambda p: p.unit.name),
    ("Mã đơn vị", lambda p: p.unit.code),
    ("Chức vụ", lambda p: p.position),
    ("Vai trò", lambda p: ", ".join(r.name for r in p.roles.all())),
    ("Đảng viên", lambda p: "Có" if p.is_party_member else "Không"),
    ("Năm sinh", lambda p: p.birth_year or ""),
    (
        "Ngày vào Đảng",
        lambda p: p.party_admission_date.strftime("%d/%m/%Y") if p.party_admission_date else "",
    ),
    ("Email", lambda p: p.email),
    ("Điện thoại", lambda p: p.phone),
]


@login_required
def person_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = PersonFilterForm(request.GET or {"active": "1"})
    form.fields["unit"].for_user(request.user)  # type: ignore[attr-defined]
    people = scoped(Person, request.user).select_related("unit")
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            people = people.filter(name_folded__contains=fold(data["q"]))
        if data["unit"]:
            people = people.filter(unit__path__startswith=data["unit"].path)
        if data["role"]:
            people = people.filter(roles=data["role"])
        if data["party"] in {"0", "1"}:
            people = people.filter(is_party_member=data["party"] == "1")
        if data["active"] in {"0", "1"}:
            people = people.filter(active=data["active"] == "1")
    else:
        people = people.none()
    if export_requested(request, form):
        _log_people_export(request, form, people)
        return export_xlsx(
            "nhan-su.xlsx",
            PERSON_EXPORT_COLUMNS,
            people.prefetch_related("roles").iterator(chunk_size=2000),
            title="Nhân sự",
        )
    context = paginate(request, people.prefetch_related("roles"))
    context["form"] = form
    return render(request, "orgs/person_list.html", context)


def _log_people_export(request: AuthenticatedHttpRequest, form: Any, people: Any) -> None:
    """An export of people is an access to their personal data: who, when, how many."""
    from tuyengiao.privacy.access_log import AccessKind, log_access

    unit = (form.cleaned_data.get("unit") if form.is_valid() else None) or request.user.unit
    if unit is None:  # a system administrator without a unit: the whole tree
        unit = Unit.objects.filter(depth=1).first()
    if unit is None:
        return
    log_access(
        request.user,
        AccessKind.EXPORT,
        about=unit,
        unit_path=unit.path,
        people=people.count(),
        description=f"Xuất danh sách nhân sự (.xlsx) — {unit.name}",
    )


@login_required
def person_import(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Upload people (.xlsx/.csv) into the units the user may change; every row checked first."""
    _may_import_people(request)
    return _import_form(request, PERSON_IMPORT_PAGE)


@login_required
def person_import_job(request: AuthenticatedHttpRequest, person_job_pk: int) -> HttpResponse:
    _may_import_people(request)
    return _import_job(request, PERSON_IMPORT_PAGE, person_job_pk)


@login_required
@require_POST
def person_import_valid_only(request: AuthenticatedHttpRequest, person_job_pk: int) -> HttpResponse:
    _may_import_people(request)
    return _import_valid_only(request, PERSON_IMPORT_PAGE, person_job_pk)


@login_required
def person_detail(request: AuthenticatedHttpRequest, person_pk: int) -> HttpResponse:
    person = get_for_user(Person.objects.select_related("unit"), request.user, pk=person_pk)
    return render(
        request,
        "orgs/person_detail.html",
        {
            "person": person,
            "transfers": person.transfers.select_related("from_unit", "to_unit"),
            "can_change": can(request.user, Action.CHANGE, person),
            "can_manage": can(request.user, Action.MANAGE, person),
        },
    )


@login_required
def person_edit(request: AuthenticatedHttpRequest, person_pk: int | None = None) -> HttpResponse:
    person = get_for_user(Person, request.user, Action.CHANGE, pk=person_pk) if person_pk else None
    units = scoped(Unit, request.user, Action.CHANGE)
    form = PersonForm(request.POST or None, instance=person, units=units, user=request.user)
    if request.method == "POST" and form.is_valid():
        if person is not None and form.cleaned_data["unit"].pk != person.unit_id:
            form.add_error(
                "unit", "Để chuyển đơn vị, hãy dùng chức năng “Chuyển sinh hoạt” để giữ lịch sử."
            )
        else:
            require(request.user, Action.CHANGE, form.cleaned_data["unit"])
            saved = form.save()
            messages.success(request, f"Đã lưu {saved.full_name}.")
            return redirect("orgs:person_detail", person_pk=saved.pk)
    return render(request, "orgs/person_form.html", {"form": form, "person": person})


@login_required
def person_transfer(request: AuthenticatedHttpRequest, person_pk: int) -> HttpResponse:
    person = get_for_user(
        Person.objects.select_related("unit"), request.user, Action.CHANGE, pk=person_pk
    )
    form = TransferForm(request.POST or None)
    form.fields["to_unit"].for_user(  # type: ignore[attr-defined]
        request.user,
        queryset=picker.offered_units(scoped(Unit, request.user, Action.CHANGE)),
    )
    if request.method == "POST" and form.is_valid():
        try:
            transfer_person(
                person,
                form.cleaned_data["to_unit"],
                form.cleaned_data["date"],
                by=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            form.add_error("to_unit", exc)
        else:
            messages.success(
                request, f"Đã chuyển {person.full_name} sang {form.cleaned_data['to_unit']}."
            )
            return redirect("orgs:person_detail", person_pk=person.pk)
    return render(request, "orgs/person_transfer.html", {"form": form, "person": person})


@login_required
def unit_picker(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The picker's results (htmx): the search, the tree one level at a time, the user's recent
    choices, or the chips of a whole subtree ("cả cây con"). Only ever units the user may pick:
    ``picker.scoped_units`` starts from ``visible_units``; the signed scope only narrows it."""
    scope = picker.read_scope(request.GET.get("s", ""))
    # The field's name and the widget's id go back into attributes: plain identifiers only.
    name = request.GET.get("ten", "")
    name = name if _IDENTIFIER.fullmatch(name) else "units"
    widget_id = request.GET.get("o", "")
    widget_id = widget_id if _IDENTIFIER.fullmatch(widget_id) else f"id_{name}"
    kind_scope = request.GET.get("pham-vi", "")
    dissolved = request.GET.get("giai-the") == "1"
    base = picker.scoped_units(request.user, scope)
    offered = picker.offered_units(base, scope=kind_scope, dissolved=dissolved)
    chosen = {int(v) for v in request.GET.getlist(name) if v.isdigit()}
    multiple = bool(scope.get("m", True))

    subtree_of = request.GET.get("cay-con", "")
    if subtree_of.isdigit():
        top = base.filter(pk=int(subtree_of)).first()
        if top is None:
            return HttpResponse("")
        units = [
            u
            for u in offered.filter(path__startswith=top.path).order_by("path")[:2000]
            if u.pk not in chosen
        ]
        return HttpResponse(picker.render_chips(units, name, multiple, picker.unit_labels(units)))

    q = request.GET.get("q", "").strip()
    opened = request.GET.get("mo", "")
    heading = ""
    recent: list[Unit] = []
    if q:
        units = list(picker.search(offered, q).order_by("path")[: picker.SEARCH_LIMIT + 1])
        heading = f"Kết quả cho “{q}”"
    elif opened.isdigit() and (parent := base.filter(pk=int(opened)).first()) is not None:
        units = list(
            picker.offered_units(base, dissolved=dissolved)
            .filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("path")[: picker.SEARCH_LIMIT + 1]
        )
        heading = f"Cấp dưới của {parent.name}"
    elif kind_scope:
        units = list(offered.order_by("path")[: picker.SEARCH_LIMIT + 1])
        heading = picker.SCOPES.get(kind_scope, "")
    else:
        top_depth = base.order_by("depth").values_list("depth", flat=True).first()
        units = (
            list(offered.filter(depth=top_depth).order_by("path")[: picker.SEARCH_LIMIT + 1])
            if top_depth is not None
            else []
        )
        recent = picker.recent_units(request.user, offered)
        heading = "Cây đơn vị"
    more = len(units) > picker.SEARCH_LIMIT
    units = units[: picker.SEARCH_LIMIT]
    shown = units + recent
    labels = picker.unit_labels(shown)
    parents = _parents_among(base, shown)
    for u in shown:
        u.picker_path = labels.get(u.pk, "")
        u.has_below = u.path in parents
    return render(
        request,
        "orgs/picker/results.html",
        {
            "units": units,
            "recent": recent,
            "heading": heading,
            "more": more,
            "chosen": chosen,
            "multiple": multiple,
            "url": reverse("orgs:unit_picker"),
            "scope": request.GET.get("s", ""),
            "name": name,
            "o": widget_id,
        },
    )


_IDENTIFIER = re.compile(r"[\w-]{1,120}")


def _parents_among(base: Any, units: list[Unit]) -> set[str]:
    """Paths of those ``units`` that have children in ``base`` (one query)."""
    from django.db.models import Q

    if not units:
        return set()
    condition = Q()
    for u in units:
        condition |= Q(path__startswith=u.path, depth=u.depth + 1)
    step = Unit.steplen
    return {p[:-step] for p in base.filter(condition).values_list("path", flat=True)}
