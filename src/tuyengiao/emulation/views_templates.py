"""Certificate templates: the list, the upload (system administrators) and switching a template
off or on (one POST each)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import is_system_admin

from .certificate_template import PLACEHOLDERS
from .forms_templates import TemplateUploadForm
from .models import CertificateTemplate

ADMIN_ONLY = "Chỉ quản trị hệ thống quản lý mẫu giấy chứng nhận."


@login_required
def template_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    manage = is_system_admin(request.user)
    if request.method == "POST" and not manage:
        raise PermissionDenied(ADMIN_ONLY)
    form = TemplateUploadForm(request.POST or None, request.FILES or None) if manage else None
    if request.method == "POST" and form is not None and form.is_valid():
        template = CertificateTemplate.objects.create(
            name=form.cleaned_data["name"],
            form=form.cleaned_data["form"],
            file=form.cleaned_data["file"],
            placeholders=form.placeholders,
            uploaded_by=request.user,
        )
        messages.success(request, f"Đã tải lên mẫu “{template.name}” và dùng cho giấy chứng nhận.")
        return redirect("emulation:template_list")
    return render(
        request,
        "emulation/template_list.html",
        {
            "templates": CertificateTemplate.objects.select_related("form"),
            "form": form,
            "manage": manage,
            "placeholders": PLACEHOLDERS,
        },
    )


@login_required
@require_POST
def template_toggle(request: AuthenticatedHttpRequest, template_pk: int) -> HttpResponse:
    if not is_system_admin(request.user):
        raise PermissionDenied(ADMIN_ONLY)
    template = get_object_or_404(CertificateTemplate, pk=template_pk)
    template.active = not template.active
    template.save(update_fields=["active"])
    messages.success(
        request,
        f"Đã {'dùng lại' if template.active else 'ngừng dùng'} mẫu “{template.name}”.",
    )
    return redirect("emulation:template_list")
