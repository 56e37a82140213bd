"""Views of the plans app. Every object is reached through ``tuyengiao.accounts.scoping``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import (
    Action,
    can,
    get_for_user,
    is_system_admin,
    require,
    scoped,
)
from tuyengiao.core.listing import export_requested, export_xlsx, paginate
from tuyengiao.documents.reading import UploadError
from tuyengiao.documents.review import format_check

from . import services
from .drafting import DRAFTS, DraftTask, ParentPlan, draft_filename, draft_kinds, letterhead_for
from .forms import (
    BaseTaskFormSet,
    BoardFilterForm,
    PlanForm,
    SendDownForm,
    TaskFormSet,
    UploadSignedPlanForm,
)
from .gantt import build_gantt
from .models import CascadeRecipient, CascadeState, Plan, TaskAssignment
from .uploads import create_plan_from_document, create_plan_from_upload

TASKS_PER_PAGE = 10


def own_plans(request: AuthenticatedHttpRequest, action: Action = Action.VIEW) -> QuerySet[Plan]:
    """Plans of the user's unit and the units below it (not those published from above)."""
    qs = scoped(Plan, request.user, action)
    unit = request.user.unit
    if unit is not None and not is_system_admin(request.user):
        qs = qs.filter(unit__path__startswith=unit.path)
    return qs


# --- plans ----------------------------------------------------------------------------------------


@login_required
def plan_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    qs = scoped(Plan, request.user).select_related("unit").order_by("-issued_on", "-id")
    q = request.GET.get("q", "").strip()
    if q:
        from tuyengiao.core.text import fold

        for word in fold(q).split():
            qs = (
                qs.filter(unit__name_folded__contains=word)
                | qs.filter(title__icontains=word)
                | qs.filter(number__icontains=word)
            )
    if export_requested(request):
        return export_xlsx(
            "ke-hoach.xlsx",
            [
                ("Số ký hiệu", lambda p: p.number),
                ("Trích yếu", lambda p: p.title),
                ("Đơn vị", lambda p: p.unit.name),
                ("Ngày ban hành", lambda p: p.issued_on),
            ],
            qs,
        )
    return render(
        request,
        "plans/plan_list.html",
        {"q": q, "library_plans": library_plans_without_tasks(request), **paginate(request, qs)},
    )


@login_required
def plan_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = request.user.unit
    if unit is None:
        messages.error(request, "Tài khoản chưa gắn với đơn vị nên không thể tạo kế hoạch.")
        return redirect("plans:plan_list")
    require(request.user, Action.CHANGE, unit)
    form = PlanForm(request.POST, request.FILES) if request.method == "POST" else PlanForm()
    if request.method == "POST" and form.is_valid():
        try:
            plan = create_plan_from_upload(
                unit=unit,
                user=request.user,
                upload=form.cleaned_data.get("file"),
                text=form.cleaned_data.get("text") or "",
                overrides={
                    k: form.cleaned_data.get(k)
                    for k in (
                        "kind",
                        "number",
                        "title",
                        "issued_on",
                        "issuer_name",
                        "published_down",
                    )
                },
            )
        except UploadError as exc:
            form.add_error("file", str(exc))
        else:
            n = plan.tasks.count()
            messages.success(
                request,
                f"Đã lưu kế hoạch và đề xuất {n} nhiệm vụ. Hãy rà soát, chỉnh sửa trước khi gửi xuống.",
            )
            return redirect("plans:plan_tasks", plan_pk=plan.pk)
    return render(request, "plans/plan_form.html", {"form": form})


PLAN_DOC_TYPES = [
    "Kế hoạch",
    "Chương trình hành động",
    "Chương trình",
    "Đề án",
    "Nghị quyết",
    "Kết luận",
    "Chỉ thị",
]


def library_plans_without_tasks(request: AuthenticatedHttpRequest) -> list[Any]:
    """Plan documents of the user's unit in the library that are not yet plans here."""
    from tuyengiao.documents.models import Document

    unit = request.user.unit
    if unit is None or not can(request.user, Action.CHANGE, unit):
        return []
    candidates = (
        scoped(Document, request.user, Action.CHANGE)
        .filter(unit=unit, doc_type__in=[*PLAN_DOC_TYPES, "Tin bài"], plan__isnull=True)
        .order_by("-date", "-id")[:40]
    )
    # A news page counts when it publishes a directive (a conclusion as a web article).
    return [d for d in candidates if services.kind_for_document(d.doc_type, d.text) is not None][
        :10
    ]


@login_required
def plan_from_document(request: AuthenticatedHttpRequest, document_pk: int) -> HttpResponse:
    """ "Lập danh sách nhiệm vụ" for a plan already in the library."""
    from tuyengiao.documents.models import Document

    document = get_for_user(Document, request.user, Action.CHANGE, pk=document_pk)
    existing = Plan.objects.filter(document=document).first()
    if existing is not None:
        return redirect("plans:plan_detail", plan_pk=existing.pk)
    if services.kind_for_document(document.doc_type, document.text) is None:
        messages.error(
            request,
            f"Văn bản “{document}” không phải kế hoạch, chương trình, đề án, nghị quyết, "
            "kết luận hay chỉ thị.",
        )
        return redirect("plans:plan_list")
    if request.method == "POST":
        plan = create_plan_from_document(document, request.user)
        messages.success(
            request,
            f"Đã đề xuất {plan.tasks.count()} nhiệm vụ từ văn bản. Hãy rà soát trước khi gửi xuống.",
        )
        return redirect("plans:plan_tasks", plan_pk=plan.pk)
    return render(request, "plans/plan_from_document.html", {"document": document})


@login_required
def plan_detail(request: AuthenticatedHttpRequest, plan_pk: int) -> HttpResponse:
    plan = get_for_user(
        Plan.objects.select_related("unit", "parent", "parent__unit", "document", "document__unit"),
        request.user,
        pk=plan_pk,
    )
    today = timezone.localdate()
    can_change = can(request.user, Action.CHANGE, plan)
    tasks = services.tasks_with_progress(plan, request.user, today)
    summary = services.board_summary(plan, today) if can_change else None
    context = {
        "plan": plan,
        "tasks": tasks,
        "gantt": build_gantt(tasks, today),
        "can_change": can_change,
        "summary": summary,
        "dispatches": plan.dispatches.select_related("sender").order_by("-created_at")
        if can_change
        else [],
        "parent_visible": plan.parent is not None and can(request.user, Action.VIEW, plan.parent),
        "document_visible": plan.document is not None
        and can(request.user, Action.VIEW, plan.document),
    }
    return render(request, "plans/plan_detail.html", context)


@login_required
def plan_tasks(request: AuthenticatedHttpRequest, plan_pk: int) -> HttpResponse:
    """Review and edit the tasks proposed from the parsed plan (a formset)."""
    plan = get_for_user(
        Plan.objects.select_related("unit"), request.user, Action.CHANGE, pk=plan_pk
    )
    # Ten tasks a page (a plan with its sub-tasks easily has fifty): the page stays light.
    ids = list(plan.tasks.order_by("order", "id").values_list("pk", flat=True))
    page = Paginator(ids, TASKS_PER_PAGE).get_page(request.GET.get("trang"))
    # Only the units each task names: the units it reached collectively are not edited here.
    queryset = (
        plan.tasks.filter(pk__in=list(page.object_list))
        .prefetch_related(
            Prefetch("assignments", queryset=TaskAssignment.objects.filter(collective=False))
        )
        .order_by("order", "id")
    )
    formset = TaskFormSet(
        request.POST if request.method == "POST" else None,
        queryset=queryset,
        user=request.user,
        prefix="t",
    )
    if request.method == "POST" and formset.is_valid():
        with transaction.atomic():
            for form in formset.forms:
                if not form.has_changed() and not form.instance.pk:
                    continue
                if formset.can_delete and form.cleaned_data.get("DELETE"):
                    if form.instance.pk:
                        form.instance.delete()
                    continue
                task = form.save(commit=False)
                task.plan = plan
                if not task.order:
                    task.order = plan.tasks.count() + 1
                task.save()
                services.set_assignments(
                    task,
                    form.cleaned_data.get("leads") or [],
                    form.cleaned_data.get("coordinating") or [],
                )
            services.hand_out_collective_tasks(plan)
        if page.has_next():
            messages.success(
                request, f"Đã lưu trang {page.number}/{page.paginator.num_pages} của danh sách."
            )
            return redirect(
                f"{reverse('plans:plan_tasks', kwargs={'plan_pk': plan.pk})}"
                f"?trang={page.next_page_number()}"
            )
        messages.success(request, "Đã lưu danh sách nhiệm vụ.")
        return redirect("plans:plan_detail", plan_pk=plan.pk)
    assert isinstance(formset, BaseTaskFormSet)
    formset.prime_pickers()
    return render(
        request, "plans/plan_tasks.html", {"plan": plan, "formset": formset, "page": page}
    )


@login_required
def plan_send(request: AuthenticatedHttpRequest, plan_pk: int) -> HttpResponse:
    """Send the plan down: units chosen from a subtree, filtered by kind, with a due date."""
    plan = get_for_user(
        Plan.objects.select_related("unit", "document"), request.user, Action.CHANGE, pk=plan_pk
    )
    already = list(
        CascadeRecipient.objects.filter(dispatch__plan=plan)
        .select_related("unit")
        .order_by("unit__path")
    )
    form = SendDownForm(
        request.POST if request.method == "POST" else None, user=request.user, within=plan.unit
    )
    if request.method == "POST" and form.is_valid():
        try:
            dispatch = services.send_down(
                plan,
                plan.unit,
                form.cleaned_data["units"],
                form.cleaned_data["due_date"],
                form.cleaned_data["message"],
                request.user,
            )
        except services.CascadeError as exc:
            form.add_error("units", str(exc))
        else:
            messages.success(
                request, f"Đã gửi kế hoạch xuống {dispatch.recipients.count()} đơn vị."
            )
            return redirect("plans:plan_board", plan_pk=plan.pk)
    return render(
        request,
        "plans/plan_send.html",
        {
            "plan": plan,
            "check": format_check(plan.document.parsed) if plan.document else None,
            "form": form,
            "already": already,
        },
    )


@login_required
def plan_board(request: AuthenticatedHttpRequest, plan_pk: int) -> HttpResponse:
    """The cascade board: every unit the plan reached, at every level, and what it has done."""
    plan = get_for_user(own_plans(request).select_related("unit"), request.user, pk=plan_pk)
    today = timezone.localdate()
    form = BoardFilterForm(request.GET or None)
    filters = (
        services.BoardFilters(**form.cleaned_data) if form.is_valid() else services.BoardFilters()
    )
    qs = services.board_queryset(plan, filters, today)
    if request.method == "POST":
        require(request.user, Action.CHANGE, plan)
        pending = qs.filter(implementing_plan__isnull=True)
        if ids := request.POST.getlist("recipient"):
            pending = pending.filter(pk__in=[i for i in ids if i.isdigit()])
        n = services.remind_pending(plan, pending)
        messages.success(
            request,
            f"Đã gửi thư nhắc tới cán bộ của {n} đơn vị chưa ban hành kế hoạch."
            if n
            else "Không có đơn vị nào cần nhắc.",
        )
        return redirect(request.get_full_path())
    values = qs.values_list(*services.BOARD_COLUMNS)
    if export_requested(request):
        return export_xlsx(
            "bang-theo-doi-trien-khai.xlsx",
            [
                ("Cấp", lambda r: r.level),
                ("Đơn vị", lambda r: r.unit_name),
                ("Nhận từ", lambda r: r.sender_name),
                ("Kế hoạch được gửi", lambda r: r.sent_number),
                ("Hạn", lambda r: r.due_date),
                ("Trạng thái", lambda r: r.state_label),
                ("Kế hoạch thực hiện", lambda r: r.implementing_number),
                ("Ngày ban hành", lambda r: r.issued_on),
                ("Số ngày", lambda r: r.days_taken),
                ("Tiến độ nhiệm vụ (%)", lambda r: r.progress),
                ("Nhiệm vụ đã xong", lambda r: f"{r.tasks_done}/{r.tasks_total}"),
            ],
            services.board_rows(values, plan, today),
            title="Triển khai",
        )
    page = paginate(request, values, per_page=100)
    rows = services.board_rows(page["object_list"], plan, today)
    return render(
        request,
        "plans/plan_board.html",
        {
            "plan": plan,
            "form": form,
            "rows": rows,
            "summary": services.board_summary(plan, today),
            "can_change": can(request.user, Action.CHANGE, plan),
            "States": CascadeState,
            **page,
        },
    )


# --- the receiving side ---------------------------------------------------------------------------


@login_required
def inbox(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Plans sent down to the user's unit, each with its draft and upload actions."""
    qs = scoped(CascadeRecipient, request.user).select_related(
        "unit", "dispatch__plan", "dispatch__sender", "implementing_plan"
    )
    unit = request.user.unit
    if unit is not None:
        qs = qs.filter(unit=unit)
    qs = qs.order_by("implementing_plan", "dispatch__due_date", "-id")
    today = timezone.localdate()
    page = paginate(request, qs)
    kinds: dict[int, list[tuple[str, str]]] = {}
    rows = []
    for r in page["object_list"]:
        if r.unit_id not in kinds:
            kinds[r.unit_id] = draft_kinds(letterhead_for(r.unit), today)
        rows.append({"r": r, "state": r.state(today), "drafts": kinds[r.unit_id]})
    return render(request, "plans/inbox.html", {"rows": rows, "States": CascadeState, **page})


def parent_plan_for_draft(plan: Plan) -> ParentPlan:
    tasks = []
    for task in plan.tasks.prefetch_related("assignments__unit").order_by("order", "id"):
        names = [a.unit.name for a in task.assignments.all() if a.role == "lead"] or [
            u.get("name", "") for u in task.unit_names if u.get("role") == "lead"
        ]
        tasks.append(
            DraftTask(
                title=task.title,
                description=task.description if task.description != task.title else "",
                units=("Chủ trì: " + ", ".join(names)) if names else "",
                timeframe=task.timeframe_text,
            )
        )
    return ParentPlan(
        number=plan.number or "…",
        issuer=plan.issuer_name or plan.unit.name,
        title=plan.title,
        date=plan.issued_on,
        doc_type=plan.get_kind_display() if plan.kind != "nghi_quyet" else "Nghị quyết",
        tasks=tasks,
    )


@login_required
def recipient_draft(request: AuthenticatedHttpRequest, recipient_pk: int) -> HttpResponse:
    """ "Soạn kế hoạch thực hiện" / "Soạn công văn triển khai": the receiving unit's document as a
    .docx draft (``?loai=ke-hoach`` or ``cong-van``), only of a type the unit may issue."""
    recipient = get_for_user(
        CascadeRecipient.objects.select_related("unit", "dispatch__plan__unit"),
        request.user,
        pk=recipient_pk,
    )
    letterhead = letterhead_for(recipient.unit)
    today = timezone.localdate()
    slug = request.GET.get("loai", "ke-hoach")
    if slug not in dict(draft_kinds(letterhead, today)):
        raise Http404("Đơn vị không ban hành loại văn bản này.")
    parent = parent_plan_for_draft(recipient.dispatch.plan)
    content = DRAFTS[slug][1](letterhead, parent, today)
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    name = draft_filename(letterhead, parent, slug)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def recipient_upload(request: AuthenticatedHttpRequest, recipient_pk: int) -> HttpResponse:
    """ "Tải lên kế hoạch đã ký": store it in the library, parse it, link it to the parent plan."""
    recipient = get_for_user(
        CascadeRecipient.objects.select_related("unit", "dispatch__plan", "implementing_plan"),
        request.user,
        Action.CHANGE,
        pk=recipient_pk,
    )
    form = (
        UploadSignedPlanForm(request.POST, request.FILES)
        if request.method == "POST"
        else UploadSignedPlanForm()
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan = create_plan_from_upload(
                unit=recipient.unit,
                user=request.user,
                upload=form.cleaned_data["file"],
                text="",
                overrides={},
            )
        except UploadError as exc:
            form.add_error("file", str(exc))
        else:
            recipient.refresh_from_db()
            check = format_check(plan.document.parsed) if plan.document else None
            if check and check["findings"]:
                messages.warning(
                    request,
                    f"Kiểm tra thể thức theo {check['rule_set']}: {len(check['findings'])} điểm "
                    "cần xem lại (xem mục “Kiểm tra thể thức” trên trang văn bản). Đây chỉ là "
                    "cảnh báo.",
                )
            if recipient.implementing_plan_id == plan.pk:
                messages.success(
                    request,
                    f"Đã lưu kế hoạch {plan.display_number} và ghi nhận là kế hoạch thực hiện "
                    f"{recipient.dispatch.plan.display_number}.",
                )
            else:
                messages.warning(
                    request,
                    f"Đã lưu kế hoạch {plan.display_number}, nhưng văn bản không ghi “Thực hiện Kế hoạch số "
                    f"{recipient.dispatch.plan.display_number}” nên chưa được ghi nhận. Hãy kiểm tra lại câu mở đầu.",
                )
            return redirect("plans:plan_detail", plan_pk=plan.pk)
    return render(request, "plans/recipient_upload.html", {"recipient": recipient, "form": form})


@login_required
@require_POST
def plan_delete(request: AuthenticatedHttpRequest, plan_pk: int) -> HttpResponse:
    plan = get_for_user(Plan, request.user, Action.MANAGE, pk=plan_pk)
    if plan.dispatches.exists():
        raise PermissionDenied("Kế hoạch đã gửi xuống đơn vị cấp dưới, không thể xóa.")
    plan.delete()
    messages.success(request, "Đã xóa kế hoạch.")
    return redirect(reverse("plans:plan_list"))
