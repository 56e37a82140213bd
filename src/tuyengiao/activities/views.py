"""Pages of the activity register: thin views over ``services`` (reads through accounts.scoping)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, can, get_for_user, is_system_admin, require, scoped
from tuyengiao.core.listing import export_requested, export_xlsx, filter_rejected, paginate
from tuyengiao.orgs.models import Unit

from . import charts
from .forms import ActivityForm, EvidenceForm, FilterForm, KindForm
from .models import Activity, ActivityKind, Evidence
from .services import records, rollups

EXPORT_COLUMNS: list[tuple[str, Any]] = [
    ("Ngày thực hiện", lambda a: a.held_on),
    ("Đơn vị", lambda a: a.unit.name),
    ("Loại hoạt động", lambda a: a.kind.name),
    ("Nội dung, chủ đề", lambda a: a.topic),
    ("Địa điểm", lambda a: a.place),
    ("Xã/phường", lambda a: a.commune),
    ("Huyện/quận", lambda a: a.district),
    ("Đối tượng", lambda a: a.audience),
    ("Số người được tuyên truyền", lambda a: a.reached),
    ("Số người thực hiện", lambda a: a.people_count),
    ("Đường dẫn tin bài", lambda a: a.link),
    ("Nhiệm vụ", lambda a: a.assignment.task.title if a.assignment else ""),
    ("Văn bản", lambda a: str(a.document) if a.document else ""),
    ("Số minh chứng", lambda a: a.evidence_count),
]


def _filters(request: AuthenticatedHttpRequest) -> FilterForm:
    form = FilterForm(request.GET or None)
    form.fields["unit"].for_user(request.user)  # type: ignore[attr-defined]
    return form


def _user_unit(request: AuthenticatedHttpRequest) -> Unit:
    unit = request.user.unit
    if unit is None:
        messages.error(request, "Tài khoản chưa gắn với đơn vị nên không ghi được hoạt động.")
        raise PermissionDenied("Tài khoản chưa gắn với đơn vị.")
    require(request.user, Action.CHANGE, unit)
    return unit


@login_required
def activity_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    from django.db.models import Count

    form = _filters(request)
    qs = scoped(Activity, request.user).select_related("unit", "kind")
    if form.is_valid():
        data = form.cleaned_data
        if data["unit"]:
            qs = qs.filter(unit_path__startswith=data["unit"].path)
        if data["kind"]:
            qs = qs.filter(kind=data["kind"])
        if data["topic"]:
            qs = qs.filter(topic__icontains=data["topic"])
        if data["start"]:
            qs = qs.filter(held_on__gte=data["start"])
        if data["end"]:
            qs = qs.filter(held_on__lte=data["end"])
    elif filter_rejected(form):
        qs = qs.none()
    qs = qs.order_by("-held_on", "-id")
    if export_requested(request, form):
        return export_xlsx(
            "hoat-dong-tuyen-truyen.xlsx",
            EXPORT_COLUMNS,
            qs.select_related("assignment__task", "document").annotate(
                people_count=Count("people", distinct=True),
                evidence_count=Count("evidence", distinct=True),
            ),
            title="Hoạt động",
        )
    unit = request.user.unit
    context = paginate(request, qs)
    context.update(
        {
            "form": form,
            "can_record": unit is not None and can(request.user, Action.CHANGE, unit),
        }
    )
    return render(request, "activities/activity_list.html", context)


@login_required
def activity_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = _user_unit(request)
    initial: dict[str, Any] = {}
    task = request.GET.get("nhiem-vu", "")
    if task.isdigit():
        initial["assignment"] = int(task)
    campaign = request.GET.get("dot", "")
    if campaign.isdigit():  # from a campaign's page; the form offers only campaigns in scope
        initial["campaign"] = int(campaign)
    form = ActivityForm(
        request.POST or None,
        request.FILES or None,
        unit=unit,
        user=request.user,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        evidence = data.pop("evidence", None)
        try:
            activity = records.record(
                unit,
                request.user,
                data,
                people=data.pop("people", []),
                files=[evidence] if evidence else [],
            )
        except records.ActivityError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Đã ghi hoạt động vào sổ.")
            return redirect("activities:activity_detail", activity_pk=activity.pk)
    return render(
        request,
        "activities/activity_form.html",
        {"form": form, "unit": unit, "topics": records.recent_topics(unit), "creating": True},
    )


def _activity(request: AuthenticatedHttpRequest, pk: int, action: Action = Action.VIEW) -> Activity:
    return get_for_user(
        Activity.objects.select_related(
            "unit", "kind", "assignment__task__plan", "document", "created_by"
        ),
        request.user,
        action,
        pk=pk,
    )


@login_required
def activity_detail(request: AuthenticatedHttpRequest, activity_pk: int) -> HttpResponse:
    activity = _activity(request, activity_pk)
    assignment = activity.assignment
    return render(
        request,
        "activities/activity_detail.html",
        {
            "a": activity,
            "people": activity.people.select_related("unit"),
            "evidence": activity.evidence.all(),
            "can_change": can(request.user, Action.CHANGE, activity),
            "evidence_form": EvidenceForm(),
            "assignment_visible": assignment is not None
            and can(request.user, Action.VIEW, assignment),
            "document_visible": activity.document is not None
            and can(request.user, Action.VIEW, activity.document),
        },
    )


@login_required
def activity_edit(request: AuthenticatedHttpRequest, activity_pk: int) -> HttpResponse:
    activity = _activity(request, activity_pk, Action.CHANGE)
    form = ActivityForm(
        request.POST or None, instance=activity, unit=activity.unit, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            records.change(activity, data, people=data.pop("people", []))
        except records.ActivityError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Đã lưu thay đổi.")
            return redirect("activities:activity_detail", activity_pk=activity.pk)
    return render(
        request,
        "activities/activity_form.html",
        {
            "form": form,
            "unit": activity.unit,
            "a": activity,
            "topics": records.recent_topics(activity.unit),
            "creating": False,
        },
    )


@login_required
@require_POST
def activity_delete(request: AuthenticatedHttpRequest, activity_pk: int) -> HttpResponse:
    activity = _activity(request, activity_pk, Action.CHANGE)
    records.delete(activity)
    messages.success(request, "Đã xóa hoạt động khỏi sổ.")
    return redirect("activities:activity_list")


@login_required
@require_POST
def evidence_add(request: AuthenticatedHttpRequest, activity_pk: int) -> HttpResponse:
    activity = _activity(request, activity_pk, Action.CHANGE)
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        records.add_evidence(activity, form.cleaned_data["file"])
        messages.success(request, "Đã thêm minh chứng.")
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    return redirect("activities:activity_detail", activity_pk=activity.pk)


@login_required
def evidence_download(request: AuthenticatedHttpRequest, evidence_pk: int) -> FileResponse:
    evidence = get_for_user(
        Evidence.objects.select_related("activity__unit"), request.user, pk=evidence_pk
    )
    if not evidence.file:
        raise Http404("Không có tệp minh chứng.")
    inline = evidence.is_image and request.GET.get("xem") == "1"
    return FileResponse(evidence.file.open("rb"), as_attachment=not inline, filename=evidence.name)


@login_required
@require_POST
def evidence_delete(request: AuthenticatedHttpRequest, evidence_pk: int) -> HttpResponse:
    evidence = get_for_user(
        Evidence.objects.select_related("activity__unit"),
        request.user,
        Action.CHANGE,
        pk=evidence_pk,
    )
    activity_pk = evidence.activity_id
    records.remove_evidence(evidence)
    messages.success(request, "Đã xóa minh chứng.")
    return redirect("activities:activity_detail", activity_pk=activity_pk)


def _rollup_unit(request: AuthenticatedHttpRequest, form: FilterForm) -> Unit | None:
    if form.is_valid() and form.cleaned_data.get("unit"):
        unit: Unit = form.cleaned_data["unit"]
        return unit
    own: Unit | None = request.user.unit
    if own is not None:
        return own
    if is_system_admin(request.user):
        root: Unit | None = Unit.objects.filter(depth=1).order_by("path").first()
        return root
    return None


@login_required
def rollup(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The roll-up over a subtree: by child unit, kind, month, topic and place, with charts."""
    form = _filters(request)
    unit = _rollup_unit(request, form)
    today = timezone.localdate()
    data = form.cleaned_data if form.is_valid() else {}
    start: date = data.get("start") or date(today.year, 1, 1)
    end: date = data.get("end") or today
    result = None
    if unit is not None and not filter_rejected(form):
        window = rollups.Window(
            unit, start, end, kind=data.get("kind"), topic=data.get("topic") or ""
        )
        result = rollups.rollup(window)
        if export_requested(request, form):
            return export_xlsx(
                f"tong-hop-hoat-dong-{start:%d%m%Y}-{end:%d%m%Y}.xlsx",
                [
                    ("Đơn vị", lambda r: r.label),
                    ("Số hoạt động", lambda r: r.count),
                    ("Số người được tuyên truyền", lambda r: r.reached),
                ],
                result.by_child,
                title="Tổng hợp",
            )
    parent = None
    if unit is not None and unit.depth > 1:
        parent = Unit.objects.filter(path=unit.path[: -Unit.steplen]).first()
        if parent is not None and not can(request.user, Action.VIEW, parent):
            parent = None
    params = request.GET.copy()
    params.pop("unit", None)
    params.pop("export", None)
    return render(
        request,
        "activities/rollup.html",
        {
            "form": form,
            "unit": unit,
            "parent": parent,
            "start": start,
            "end": end,
            "r": result,
            "querystring_without_unit": params.urlencode(),
            "child_chart": charts.bar_chart(result.by_child, "Số hoạt động theo đơn vị")
            if result
            else "",
            "kind_chart": charts.bar_chart(result.by_kind, "Số hoạt động theo loại")
            if result
            else "",
            "reached_chart": charts.bar_chart(
                result.by_kind, "Số người được tuyên truyền theo loại", reached=True
            )
            if result
            else "",
            "month_chart": charts.column_chart(result.by_month, "Số hoạt động theo tháng")
            if result
            else "",
            "place_chart": charts.bar_chart(result.by_place, "Số hoạt động theo xã/phường")
            if result
            else "",
        },
    )


@login_required
def kind_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The list of kinds; a system administrator adds one here (POST)."""
    manage = is_system_admin(request.user)
    form = KindForm(request.POST or None) if manage else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("Chỉ quản trị hệ thống sửa danh sách loại hoạt động.")
        if form.is_valid():
            form.save()
            messages.success(request, "Đã thêm loại hoạt động.")
            return redirect("activities:kind_list")
    from django.db.models import Count

    kinds = ActivityKind.objects.annotate(n=Count("activities"))
    return render(
        request, "activities/kind_list.html", {"kinds": kinds, "form": form, "manage": manage}
    )


@login_required
def kind_edit(request: AuthenticatedHttpRequest, kind_pk: int) -> HttpResponse:
    if not is_system_admin(request.user):
        raise PermissionDenied("Chỉ quản trị hệ thống sửa danh sách loại hoạt động.")
    kind = ActivityKind.objects.filter(pk=kind_pk).first()
    if kind is None:
        raise Http404("Không có loại hoạt động này.")
    form = KindForm(request.POST or None, instance=kind)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Đã lưu loại hoạt động.")
        return redirect("activities:kind_list")
    return render(request, "activities/kind_form.html", {"form": form, "kind": kind})
