"""Admins (system and unit) must pass a second factor before they reach anything else."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

# Paths an admin may reach before the second factor: the 2FA pages themselves, logout, static.
_OPEN_NAMES = (
    "accounts:two_factor_setup",
    "accounts:two_factor_verify",
    "accounts:logout",
    "core:healthz",
)


class RequireTwoFactorForAdminsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._open_paths: tuple[str, ...] | None = None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and getattr(user, "must_use_two_factor", False)
            and not getattr(user, "is_verified", lambda: False)()  # set by django_otp's middleware
        ):
            if self._open_paths is None:
                from django.conf import settings

                static = (
                    settings.STATIC_URL
                    if settings.STATIC_URL.startswith("/")
                    else "/" + settings.STATIC_URL
                )
                self._open_paths = (*(reverse(n) for n in _OPEN_NAMES), static)
            if not request.path.startswith(self._open_paths):
                from django_otp import devices_for_user

                has_device = any(True for _ in devices_for_user(user, confirmed=True))
                target = "accounts:two_factor_verify" if has_device else "accounts:two_factor_setup"
                return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)
