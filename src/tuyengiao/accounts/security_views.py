"""Sign-in security pages: the second factor (verify, enrol, backup codes), and what an
administrator does for others (reset their second factor, lift a login lockout).

One POST action per view; the rules are in ``two_factor`` and ``throttle``.
"""

from __future__ import annotations

import base64
import io

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import throttle, two_factor
from .forms import AppTokenForm, PasswordAgainForm, TokenForm
from .http import AuthenticatedHttpRequest
from .models import User
from .permissions import may_reset_second_factor
from .scoping import Action, get_for_user

# The unconfirmed TOTP device this session is enrolling (its QR code is shown to this session only).
PENDING_DEVICE_KEY = "_tg_pending_totp"


def _next_url(request: HttpRequest, default: str = "/") -> str:
    target = request.GET.get("next") or request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


def _to(url_name: str, request: HttpRequest, next_url: str | None = None) -> HttpResponse:
    """Redirect to another step of the flow, carrying where the user was going."""
    target = next_url if next_url is not None else _next_url(request)
    return redirect(f"{reverse(url_name)}?{urlencode({'next': target})}")


def _posted(request: HttpRequest) -> QueryDict | None:
    """The POST data (even empty: an empty submission gets its "required" messages)."""
    return request.POST if request.method == "POST" else None


def _verified(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "is_verified", lambda: False)())


def _warn_if_codes_low(request: AuthenticatedHttpRequest) -> None:
    state = two_factor.status(request.user)
    if not state.backup_codes_low:
        return
    if state.backup_codes_left == 0 and state.authenticator_apps == 0:
        messages.warning(
            request,
            "Bạn vừa dùng mã dự phòng cuối cùng và chưa có ứng dụng xác thực: lần đăng nhập sau "
            "sẽ không vào được. Hãy tạo mã dự phòng mới hoặc thêm ứng dụng xác thực ngay "
            "(mục Bảo mật).",
        )
    else:
        messages.warning(
            request,
            f"Chỉ còn {state.backup_codes_left} mã dự phòng. Hãy tạo bộ mã mới ở mục Bảo mật.",
        )


@login_required
def two_factor_verify(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The second step of signing in: a code from the app or one backup code."""
    user = request.user
    if not two_factor.has_confirmed_device(user) and user.must_use_two_factor:
        return _to("accounts:two_factor_setup", request)
    form = TokenForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                _warn_if_codes_low(request)
            return redirect(_next_url(request))
        form.add_error("token", "Mã không đúng hoặc đã hết hạn (mỗi mã dự phòng dùng một lần).")
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "state": two_factor.status(user)},
    )


def _require_enrolment_allowed(request: AuthenticatedHttpRequest) -> HttpResponse | None:
    if two_factor.may_enrol(request.user, _verified(request)):
        return None
    if not request.user.must_use_two_factor:
        raise PermissionDenied("Xác thực hai lớp chỉ dành cho tài khoản quản trị.")
    messages.error(
        request,
        "Tài khoản đã có xác thực hai lớp: hãy xác thực bằng thiết bị hiện có trước khi thêm "
        "thiết bị mới.",
    )
    return _to("accounts:two_factor_verify", request)


@login_required
def two_factor_setup(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Start adding an authenticator app: the password again, then a fresh secret."""
    if (refused := _require_enrolment_allowed(request)) is not None:
        return refused
    form = PasswordAgainForm(_posted(request), request=request, user=request.user)
    if request.method == "POST" and form.is_valid():
        device = two_factor.pending_totp_device(request.user)
        request.session[PENDING_DEVICE_KEY] = device.pk
        return _to("accounts:two_factor_confirm", request)
    return render(
        request,
        "accounts/two_factor_setup.html",
        {"form": form, "first": not two_factor.has_confirmed_device(request.user)},
    )


def _qr_svg(device: TOTPDevice) -> str:
    buffer = io.BytesIO()
    segno.make(device.config_url, error="m").save(
        buffer, kind="svg", scale=5, xmldecl=False, svgns=True
    )
    return buffer.getvalue().decode()


@login_required
def two_factor_confirm(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Scan the QR code of the pending app and confirm it with its first code."""
    if (refused := _require_enrolment_allowed(request)) is not None:
        return refused
    device = TOTPDevice.objects.filter(
        user=request.user, confirmed=False, pk=request.session.get(PENDING_DEVICE_KEY)
    ).first()
    if device is None:
        messages.info(request, "Hãy nhập lại mật khẩu để bắt đầu thêm ứng dụng xác thực.")
        return _to("accounts:two_factor_setup", request)
    form = AppTokenForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_totp_device(device, form.cleaned_data["token"])
        if codes is not None:
            request.session.pop(PENDING_DEVICE_KEY, None)
            otp_login(request, device)
            messages.success(request, "Đã bật ứng dụng xác thực.")
            if codes:
                return _show_codes(request, codes)
            return redirect(_next_url(request, default=reverse("accounts:security")))
        form.add_error("token", "Mã không đúng hoặc đã hết hạn. Hãy nhập mã mới trong ứng dụng.")
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return render(
        request,
        "accounts/two_factor_confirm.html",
        {"form": form, "qr_svg": _qr_svg(device), "secret": secret},
    )


def _show_codes(request: AuthenticatedHttpRequest, codes: list[str]) -> HttpResponse:
    # Rendered in the POST's own response, never stored: the codes are shown exactly once.
    return render(
        request,
        "accounts/backup_codes_new.html",
        {"codes": codes, "next": _next_url(request, default=reverse("accounts:security"))},
    )


@login_required
def security(request: AuthenticatedHttpRequest) -> HttpResponse:
    """My security: authenticator apps, backup codes left, and the ways to renew them."""
    user = request.user
    return render(
        request,
        "accounts/security.html",
        {
            "state": two_factor.status(user),
            "apps": TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk"),
            "low_limit": two_factor.LOW_BACKUP_CODES,
            "verified": _verified(request),
        },
    )


@login_required
def backup_codes(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Replace all backup codes (verified sessions only, the password asked again)."""
    user = request.user
    if not user.must_use_two_factor:
        raise PermissionDenied("Mã dự phòng chỉ dành cho tài khoản quản trị.")
    if not _verified(request):
        messages.error(request, "Hãy xác thực hai lớp trước khi tạo mã dự phòng mới.")
        return _to("accounts:two_factor_verify", request, next_url=request.path)
    form = PasswordAgainForm(_posted(request), request=request, user=user)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.issue_backup_codes(user)
        messages.success(request, "Đã tạo bộ mã dự phòng mới; các mã cũ không còn dùng được.")
        return _show_codes(request, codes)
    return render(
        request,
        "accounts/backup_codes.html",
        {"form": form, "state": two_factor.status(user)},
    )


@login_required
@require_POST
def user_second_factor_reset(request: AuthenticatedHttpRequest, user_pk: int) -> HttpResponse:
    """A system administrator deletes another user's devices (a lost phone and no codes left)."""
    target = get_for_user(User, request.user, Action.MANAGE, pk=user_pk)
    if not may_reset_second_factor(request.user):
        raise PermissionDenied("Chỉ quản trị hệ thống được đặt lại xác thực hai lớp.")
    count = two_factor.reset_second_factor(target, actor=request.user)
    messages.success(
        request,
        f"Đã đặt lại xác thực hai lớp của {target.username} (xóa {count} thiết bị). "
        "Lần đăng nhập sau, người dùng sẽ cài đặt lại từ đầu.",
    )
    return redirect("accounts:user_list")


@login_required
@require_POST
def user_unlock(request: AuthenticatedHttpRequest, user_pk: int) -> HttpResponse:
    """Lift a login lockout of a user in the administrator's subtree."""
    target = get_for_user(User, request.user, Action.MANAGE, pk=user_pk)
    throttle.unlock(target, actor=request.user)
    messages.success(request, f"Đã mở khóa đăng nhập cho {target.username}.")
    return redirect("accounts:user_list")
