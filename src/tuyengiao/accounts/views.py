from __future__ import annotations

from auditlog.models import LogEntry
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy

from tuyengiao.core.listing import export_requested, export_xlsx, paginate

from . import audit_text
from .forms import AuditFilterForm, LoginForm, UserForm
from .models import User
from .permissions import may_reset_second_factor
from .scoping import Action, allowed_actions, get_for_user, require, scoped, visible_units
from .throttle import client_ip, failed_logins, reset_mail_allowed
from .two_factor import users_with_devices


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        if not reset_mail_allowed(form.cleaned_data["email"], client_ip(self.request)):
            # Over the hourly limit: no mail, but the same answer as when one is sent, so that the
            # page tells nobody whether the address exists or was throttled.
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


def _require_manager(request: HttpRequest) -> None:
    """Accounts and the audit log are for unit admins and system admins."""
    if Action.MANAGE not in allowed_actions(request.user):
        raise PermissionDenied("Chỉ quản trị đơn vị được xem trang này.")


@login_required
def user_list(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    users = (
        scoped(User, request.user, Action.MANAGE)
        .select_related("unit")
        .order_by("unit__path", "username")
    )
    if q := request.GET.get("q", "").strip():
        users = users.filter(
            Q(username__icontains=q) | Q(first_name__icontains=q) | Q(last_name__icontains=q)
        )
    if role := request.GET.get("role"):
        users = users.filter(role=role)
    if export_requested(request):
        return export_xlsx(
            "tai-khoan.xlsx",
            [
                ("Tên đăng nhập", lambda u: u.username),
                ("Họ tên", lambda u: u.get_full_name()),
                ("Đơn vị", lambda u: str(u.unit or "")),
                ("Vai trò", lambda u: u.get_role_display()),
                ("Hoạt động", lambda u: "Có" if u.is_active else "Không"),
            ],
            users,
        )
    context = paginate(request, users)
    context["roles"] = User._meta.get_field("role").choices
    page_users = list(context["object_list"])
    failures = failed_logins([u.username for u in page_users])
    may_reset = may_reset_second_factor(request.user)
    with_devices = users_with_devices([u.pk for u in page_users]) if may_reset else set()
    context["rows"] = [
        (u, failures.get(u.username, 0), may_reset and u.pk in with_devices) for u in page_users
    ]
    return render(request, "accounts/user_list.html", context)


@login_required
def user_edit(request: HttpRequest, user_pk: int | None = None) -> HttpResponse:
    _require_manager(request)
    manager = request.user
    assert isinstance(manager, User)
    instance = get_for_user(User, manager, Action.MANAGE, pk=user_pk) if user_pk else None
    units = visible_units(manager)
    form = UserForm(request.POST or None, instance=instance, manager=manager, units=units)
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["unit"]
        require(manager, Action.MANAGE, unit)
        user = form.save()
        messages.success(request, f"Đã lưu tài khoản {user.username}.")
        return redirect("accounts:user_list")
    return render(request, "accounts/user_form.html", {"form": form, "instance": instance})


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    """Who changed what and when, for the manager's subtree (entries carry the unit's path)."""
    _require_manager(request)
    user = request.user
    entries = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp")
    if not getattr(user, "is_system_admin", False):
        unit = getattr(user, "unit", None)
        if unit is None or Action.MANAGE not in allowed_actions(user):
            entries = entries.none()
        else:
            entries = entries.filter(additional_data__unit_path__startswith=unit.path)
    form = AuditFilterForm(request.GET or None)
    form.fields["unit"].queryset = visible_units(user)  # type: ignore[attr-defined]
    entries = form.filter(entries)
    if export_requested(request, form):
        return export_xlsx(
            "nhat-ky.xlsx",
            [
                ("Thời điểm", audit_text.entry_time),
                ("Người thực hiện", lambda e: str(e.actor or "hệ thống")),
                ("Thao tác", audit_text.action_text),
                ("Loại", lambda e: str(e.content_type.name)),
                ("Đối tượng", lambda e: e.object_repr),
                ("Thay đổi", audit_text.changes_text),
            ],
            entries[:50_000],
        )
    context = paginate(request, entries)
    context["form"] = form
    context["rows"] = [
        (e, audit_text.action_text(e), audit_text.changes_text(e)) for e in context["object_list"]
    ]
    return render(request, "accounts/audit_log.html", context)
