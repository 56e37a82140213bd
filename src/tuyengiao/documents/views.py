"""Views of the library. Every query goes through ``tuyengiao.accounts.scoping``."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import (
    Action,
    allowed_actions,
    can,
    get_for_user,
    require,
    scoped,
    visible_units,
)
from tuyengiao.core import jobs
from tuyengiao.core.listing import export_requested, export_xlsx, filter_rejected, paginate
from tuyengiao.core.views import job_page
from tuyengiao.orgs.models import Unit

from . import graph, services
from .forms import DocumentFieldsForm, FilterForm, UploadForm
from .models import FIELD_LABELS, Document, UploadDraft
from .review import format_check, highlighted_text
from .search import search
from .tasks import DOCUMENT_IMPORT, DOCUMENT_OCR, run_import, run_ocr


def _is_xhr(request: HttpRequest) -> bool:
    return request.headers.get("X-Requested-With") == "XMLHttpRequest"


def _writable_units(request: AuthenticatedHttpRequest) -> QuerySet[Unit]:
    return visible_units(request.user) if can_change(request) else Unit.objects.none()


def can_change(request: AuthenticatedHttpRequest) -> bool:
    return Action.CHANGE in allowed_actions(request.user)


def _filtered(request: AuthenticatedHttpRequest, form: FilterForm) -> QuerySet[Document]:
    qs = scoped(Document, request.user)
    if filter_rejected(form):
        return qs.none()
    if not form.is_valid():  # no filter asked
        return qs
    data = form.cleaned_data
    if data.get("doc_type"):
        qs = qs.filter(doc_type=data["doc_type"])
    if data.get("issuer"):
        qs = qs.filter(issuer__icontains=data["issuer"])
    if data.get("year"):
        qs = qs.filter(date__year=data["year"])
    if data.get("unit"):
        qs = qs.filter(unit__path__startswith=data["unit"].path)
    if data.get("signature"):
        qs = qs.filter(signature_status=data["signature"])
    return qs


EXPORT_COLUMNS = [
    ("Số ký hiệu", lambda d: d.number),
    ("Loại", lambda d: d.doc_type),
    ("Trích yếu", lambda d: d.title),
    ("Cơ quan ban hành", lambda d: d.issuer),
    ("Ngày ban hành", lambda d: d.date.strftime("%d/%m/%Y") if d.date else ""),
    ("Đơn vị lưu", lambda d: d.unit.name),
    ("Người ký", lambda d: d.signer_name),
    ("Tệp", lambda d: d.filename),
    ("Chữ ký số", lambda d: d.get_signature_status_display()),
]


@login_required
def document_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    types = list(
        scoped(Document, request.user)
        .exclude(doc_type="")
        .order_by("doc_type")
        .values_list("doc_type", flat=True)
        .distinct()[:100]
    )
    form = FilterForm(request.GET or None, units=visible_units(request.user), types=types)
    qs = _filtered(request, form)
    query = form.cleaned_data.get("q", "") if form.is_valid() else ""
    context: dict[str, Any] = {"form": form, "query": query}
    if query:
        page_no = (
            max(1, int(request.GET.get("page", "1") or 1))
            if str(request.GET.get("page", "1")).isdigit()
            else 1
        )
        per_page = 20
        if export_requested(request, form):
            results = search(qs, query, limit=2000, offset=0, user=request.user)
            return export_xlsx(
                "van-ban.xlsx", EXPORT_COLUMNS, [h.document for h in results.hits], title="Văn bản"
            )
        results = search(
            qs, query, limit=per_page, offset=(page_no - 1) * per_page, user=request.user
        )
        params = request.GET.copy()
        params.pop("page", None)
        context.update(
            results=results,
            page_no=page_no,
            has_next=results.total > page_no * per_page,
            querystring_without_page=params.urlencode(),
        )
    else:
        qs = qs.select_related("unit").order_by("-date", "-id")
        if export_requested(request, form):
            return export_xlsx("van-ban.xlsx", EXPORT_COLUMNS, qs[:20000], title="Văn bản")
        context.update(paginate(request, qs))
    context["drafts"] = scoped(UploadDraft, request.user).count() if can_change(request) else 0
    return render(request, "documents/document_list.html", context)


def _upload_form(request: AuthenticatedHttpRequest, refused: str) -> UploadForm | None:
    """The upload form over the units the user may add to; None, with ``refused`` shown, when
    there is none (the upload and the import pages alike)."""
    units = _writable_units(request)
    if not units.exists():
        messages.error(request, refused)
        return None
    return UploadForm(
        request.POST or None, request.FILES or None, units=units, initial_unit=request.user.unit
    )


@login_required
def upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = _upload_form(request, "Bạn không có quyền tải văn bản lên.")
    if form is None:
        return redirect("documents:document_list")
    errors: list[str] = []
    if request.method == "POST":
        if form.is_valid():
            unit = form.cleaned_data["unit"]
            require(request.user, Action.CHANGE, unit)
            drafts: list[UploadDraft] = []
            ocr_jobs: list[int] = []
            notes: list[str] = []
            for uploaded in form.cleaned_data["tep"]:
                data = uploaded.read(services.max_zip_total_bytes() + 1)
                try:
                    outcome = services.upload(unit, request.user, uploaded.name, data)
                except services.UploadError as exc:
                    errors.append(str(exc))
                    continue
                drafts += outcome.drafts
                ocr_jobs += [
                    _start_ocr(request, unit, name, content) for name, content in outcome.scans
                ]
                errors += [msg for _, msg in outcome.failures]
                notes += [
                    f"“{name}” đã có trong thư viện: {doc}" for name, doc in outcome.duplicates
                ]
            for note in notes:
                messages.info(request, note)
            if drafts or not _is_xhr(request):
                for error in errors:
                    messages.error(request, error)
            if drafts:
                target = (
                    reverse("documents:draft_review", kwargs={"uploaddraft_pk": drafts[0].pk})
                    if len(drafts) == 1
                    else reverse("documents:draft_list")
                )
                if len(drafts) > 1:
                    messages.success(
                        request,
                        f"Đã đọc {len(drafts)} văn bản; hãy xem lại và xác nhận từng văn bản.",
                    )
            elif ocr_jobs:
                target = reverse("documents:ocr_status", kwargs={"ocr_job_pk": ocr_jobs[0]})
            else:
                target = reverse("documents:upload")
            if ocr_jobs:
                messages.info(
                    request,
                    f"{len(ocr_jobs)} bản quét đang được nhận dạng chữ (OCR) trong nền; "
                    "khi xong, bản nháp sẽ có trong danh sách chờ duyệt.",
                )
            if _is_xhr(request):
                return JsonResponse(
                    {"redirect": target, "errors": errors},
                    status=200 if drafts or ocr_jobs or not errors else 400,
                )
            if drafts or ocr_jobs or not errors:
                return redirect(target)
        elif _is_xhr(request):
            return JsonResponse(
                {"errors": [e for errs in form.errors.values() for e in errs]}, status=400
            )
    status = 400 if request.method == "POST" else 200
    return render(
        request, "documents/upload.html", {"form": form, "upload_errors": errors}, status=status
    )


def _start_ocr(request: AuthenticatedHttpRequest, unit: Unit, name: str, data: bytes) -> int:
    """Save a scan to a work folder and start the background OCR job that makes its draft."""
    workdir = settings.VAR_DIR / "imports" / uuid.uuid4().hex
    workdir.mkdir(parents=True)
    safe = "".join(ch for ch in name if ch.isalnum() or ch in "._- ")[-120:] or "scan"
    (workdir / safe).write_bytes(data)
    job = jobs.start(
        DOCUMENT_OCR,
        request.user,
        options={"unit": unit.pk, "workdir": str(workdir)},
        filename=name,
        total=1,
    )
    run_ocr.enqueue(job.pk)
    return job.pk


@login_required
def ocr_status(request: AuthenticatedHttpRequest, ocr_job_pk: int) -> HttpResponse:
    """The OCR of a scan: pages read (polled by htmx), then a link to its draft's review."""
    job = jobs.job_for_user(request.user, ocr_job_pk, DOCUMENT_OCR)
    context = {
        "job": job,
        "poll_url": reverse("documents:ocr_status", kwargs={"ocr_job_pk": job.pk}),
        "outcome_template": "documents/_ocr_job_outcome.html",
        "form_url": reverse("documents:upload"),
        "checked_label": "Đã nhận dạng",
        "item_label": "trang",
    }
    return job_page(request, "documents/ocr_status.html", context)


@login_required
def draft_page_image(request: AuthenticatedHttpRequest, uploaddraft_pk: int) -> FileResponse:
    """A page image of a draft read by OCR (``?trang=N``), for the review screen."""
    draft = get_for_user(UploadDraft, request.user, Action.CHANGE, pk=uploaddraft_pk)
    pages = services.page_images(draft.parsed)
    number = request.GET.get("trang", "1")
    if not number.isdigit() or not 1 <= int(number) <= len(pages):
        raise Http404("Không có trang này.")
    try:
        handle = default_storage.open(pages[int(number) - 1], "rb")
    except OSError as exc:
        raise Http404("Không còn ảnh trang này.") from exc
    return FileResponse(handle, content_type="image/png")


@login_required
def draft_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    drafts = scoped(UploadDraft, request.user).select_related("unit", "uploaded_by")
    return render(request, "documents/draft_list.html", {"drafts": drafts})


def _initial_fields(parsed: dict[str, Any], unit: Unit) -> dict[str, Any]:
    initial: dict[str, Any] = {name: parsed.get(name) or "" for name in FIELD_LABELS}
    initial["date"] = services.parse_iso_date(parsed.get("date"))
    initial["visible_to_all"] = bool(unit.publishes_to_all)
    initial["published_down"] = True
    return initial


@login_required
def draft_review(request: AuthenticatedHttpRequest, uploaddraft_pk: int) -> HttpResponse:
    draft = get_for_user(
        UploadDraft.objects.select_related("unit"), request.user, Action.CHANGE, pk=uploaddraft_pk
    )
    allow_all = services.may_be_visible_to_all(draft.unit)
    if request.method == "POST" and "discard" in request.POST:
        services.discard_draft(draft)
        messages.success(request, f"Đã bỏ tệp “{draft.filename}”.")
        return redirect("documents:draft_list")
    form = DocumentFieldsForm(
        request.POST or None,
        initial=_initial_fields(draft.parsed, draft.unit),
        allow_visible_to_all=allow_all,
    )
    if request.method == "POST" and form.is_valid():
        doc = services.confirm_draft(
            draft,
            request.user,
            form.field_values(),
            visible_to_all=form.cleaned_data.get("visible_to_all", False),
            published_down=form.cleaned_data.get("published_down", False),
        )
        messages.success(request, f"Đã lưu văn bản {doc.number or doc.filename} vào thư viện.")
        next_draft = scoped(UploadDraft, request.user, Action.CHANGE).first()
        if next_draft is not None and "save_next" in request.POST:
            return redirect("documents:draft_review", uploaddraft_pk=next_draft.pk)
        return redirect("documents:document_detail", document_pk=doc.pk)
    spans = (draft.parsed or {}).get("spans") or {}
    found = {name for name in FIELD_LABELS if spans.get(name)}
    ocr = (draft.parsed or {}).get("ocr")
    page_urls = [
        reverse("documents:draft_page_image", kwargs={"uploaddraft_pk": draft.pk}) + f"?trang={n}"
        for n in range(1, len(services.page_images(draft.parsed)) + 1)
    ]
    return render(
        request,
        "documents/draft_review.html",
        {
            "draft": draft,
            "form": form,
            "text_html": highlighted_text(draft.text, spans),
            "found": found,
            # fields read from a scan need a look: OCR may have misread letters or digits
            "ocr": ocr,
            "to_check": found if ocr else set(),
            # fields the parser inferred (a "KT." signer's title): not printed, so a person checks
            "inferred": set((draft.parsed or {}).get("inferred") or []),
            "page_urls": page_urls,
            "signatures": (draft.parsed or {}).get("signatures") or [],
            "parsed": draft.parsed,
            "check": format_check(draft.parsed),
        },
        status=400 if request.method == "POST" else 200,
    )


def _doc(
    request: AuthenticatedHttpRequest, document_pk: int, action: Action = Action.VIEW
) -> Document:
    return get_for_user(
        Document.objects.select_related("unit", "uploaded_by"), request.user, action, pk=document_pk
    )


@login_required
def document_detail(request: AuthenticatedHttpRequest, document_pk: int) -> HttpResponse:
    doc = _doc(request, document_pk)
    visible = scoped(Document, request.user)
    corrections = list(doc.corrections.select_related("by"))
    corrected = {c.field: c for c in corrections}
    metadata = []
    for name, label in FIELD_LABELS.items():
        value = getattr(doc, name)
        metadata.append(
            {
                "name": name,
                "label": label,
                "value": value,
                "correction": corrected.get(name),
                "parsed": services.field_text(name, doc.parsed_value(name)),
            }
        )
    parsed = doc.parsed or {}
    items_by_section: dict[str, list[dict[str, Any]]] = {}
    for item in parsed.get("items") or []:
        items_by_section.setdefault(item.get("section") or "", []).append(item)
    outline = [
        {
            "label": s.get("label"),
            "title": s.get("title"),
            "items": items_by_section.get(s.get("label") or "", []),
        }
        for s in parsed.get("sections") or []
    ]
    tree = graph.implementation_tree(doc, visible)
    return render(
        request,
        "documents/document_detail.html",
        {
            "doc": doc,
            "metadata": metadata,
            "corrections": corrections,
            "outline": outline,
            "links": graph.links(doc, visible),
            "tree": tree,
            "can_edit": can(request.user, Action.CHANGE, doc),
            "assignments": parsed.get("assignments") or [],
            "recipients": parsed.get("recipients") or [],
            "check": format_check(parsed),
            "signatures": parsed.get("signatures") or [],
            "ocr": parsed.get("ocr"),
        },
    )


@login_required
def document_tree(request: AuthenticatedHttpRequest, document_pk: int) -> HttpResponse:
    doc = _doc(request, document_pk)
    tree = graph.implementation_tree(doc, scoped(Document, request.user))
    prefix = reverse("documents:document_detail", kwargs={"document_pk": 0})[:-2]
    rows_html = graph.render_rows(graph.flatten(tree), prefix)
    return render(
        request, "documents/document_tree.html", {"doc": doc, "tree": tree, "rows_html": rows_html}
    )


@login_required
def document_edit(request: AuthenticatedHttpRequest, document_pk: int) -> HttpResponse:
    doc = _doc(request, document_pk, Action.CHANGE)
    initial = {name: getattr(doc, name) for name in FIELD_LABELS}
    initial.update(visible_to_all=doc.visible_to_all, published_down=doc.published_down)
    allow_all = services.may_be_visible_to_all(doc.unit)
    form = DocumentFieldsForm(request.POST or None, initial=initial, allow_visible_to_all=allow_all)
    if request.method == "POST" and form.is_valid():
        flags = {"published_down": form.cleaned_data.get("published_down", False)}
        if allow_all:
            flags["visible_to_all"] = form.cleaned_data.get("visible_to_all", False)
        services.update_fields(doc, request.user, form.field_values(), **flags)
        messages.success(
            request, "Đã lưu chỉnh sửa; giá trị đọc được ban đầu vẫn giữ trong lịch sử."
        )
        return redirect("documents:document_detail", document_pk=doc.pk)
    return render(
        request,
        "documents/document_edit.html",
        {"doc": doc, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def document_download(request: AuthenticatedHttpRequest, document_pk: int) -> FileResponse:
    doc = _doc(request, document_pk)
    if not doc.file:
        raise Http404("Văn bản này không có tệp gốc.")
    try:
        handle = doc.file.open("rb")
    except OSError as exc:
        raise Http404("Không tìm thấy tệp gốc.") from exc
    return FileResponse(
        handle,
        as_attachment=True,
        filename=doc.filename or "van-ban",
        content_type=doc.mime or None,
    )


@login_required
def import_start(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Many files at once without review: saved to a work folder, imported by a background task."""
    form = _upload_form(request, "Bạn không có quyền nhập văn bản.")
    if form is None:
        return redirect("documents:document_list")
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["unit"]
        require(request.user, Action.CHANGE, unit)
        workdir = settings.VAR_DIR / "imports" / uuid.uuid4().hex
        workdir.mkdir(parents=True)
        uploads = form.cleaned_data["tep"]
        for index, uploaded in enumerate(uploads):
            name = (
                f"{index:05d}-"
                + "".join(ch for ch in uploaded.name if ch.isalnum() or ch in "._- ")[-120:]
            )
            with (workdir / name).open("wb") as out:
                for chunk in uploaded.chunks():
                    out.write(chunk)
        label = uploads[0].name + (f" và {len(uploads) - 1} tệp khác" if len(uploads) > 1 else "")
        job = jobs.start(
            DOCUMENT_IMPORT,
            request.user,
            options={"unit": unit.pk, "workdir": str(workdir)},
            filename=label,
            total=len(uploads),
        )
        run_import.enqueue(job.pk)
        return redirect("documents:import_status", document_job_pk=job.pk)
    return render(
        request,
        "documents/import_start.html",
        {"form": form, "recent_jobs": jobs.recent_jobs(request.user, DOCUMENT_IMPORT)},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def import_status(request: AuthenticatedHttpRequest, document_job_pk: int) -> HttpResponse:
    """The import's progress (files done, polled by htmx), then its outcome; shown to the
    officer who started it only."""
    job = jobs.job_for_user(request.user, document_job_pk, DOCUMENT_IMPORT)
    context = {
        "job": job,
        "poll_url": reverse("documents:import_status", kwargs={"document_job_pk": job.pk}),
        "outcome_template": "documents/_import_job_outcome.html",
        "form_url": reverse("documents:import_start"),
        "checked_label": "Đã xử lý",
        "item_label": "tệp",
    }
    return job_page(request, "documents/import_status.html", context)


@login_required
@require_POST
def document_reparse(request: AuthenticatedHttpRequest, document_pk: int) -> HttpResponse:
    doc = _doc(request, document_pk, Action.CHANGE)
    try:
        changed = services.reparse(doc)
    except services.UploadError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, "Đã đọc lại tệp gốc." + ("" if changed else " Không có gì thay đổi.")
        )
    return redirect("documents:document_detail", document_pk=doc.pk)
