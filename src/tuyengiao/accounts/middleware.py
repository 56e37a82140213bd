"""Sessions that expire when idle; admins (system and unit) must pass a second factor before they
reach anything else."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import quote

from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

# Paths an admin may reach before the second factor: the verify page, logout, static files.
_OPEN_NAMES = (
    "accounts:two_factor_verify",
    "accounts:logout",
    "core:healthz",
)
# Enrolment pages: open before the second factor only to a user with no confirmed device yet
# (otherwise a password alone could add a device and so pass the second factor).
_FIRST_ENROLMENT_NAMES = (
    "accounts:two_factor_setup",
    "accounts:two_factor_confirm",
)


# When the session's expiry was last pushed forward (seconds since the epoch), kept in the session.
IDLE_REFRESHED_KEY = "_idle_refreshed_at"


class IdleSessionMiddleware(SessionMiddleware):
    """Django's session middleware, with an idle expiry that does not write on every request.

    A session expires ``SESSION_COOKIE_AGE`` seconds after it was last saved. Saving it on every
    request (``SESSION_SAVE_EVERY_REQUEST``) costs an UPDATE and a commit per request; here the
    expiry is pushed forward only when the last push is ``SESSION_REFRESH_SECONDS`` old or older
    (and whenever the session is saved anyway). An idle session therefore ends between
    ``SESSION_COOKIE_AGE - SESSION_REFRESH_SECONDS`` and ``SESSION_COOKIE_AGE`` seconds after the
    user's last request: never later than the configured idle timeout.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        session = getattr(request, "session", None)
        # is_empty(): no session key and nothing stored (an anonymous visitor, or just logged out)
        if session is not None and not session.is_empty():
            now = int(time.time())
            # reading loads the session: one gone from the store (expired) is empty from here on
            refreshed = session.get(IDLE_REFRESHED_KEY)
            if not session.is_empty() and (
                session.modified
                or not isinstance(refreshed, int)
                or now - refreshed >= settings.SESSION_REFRESH_SECONDS
            ):
                session[IDLE_REFRESHED_KEY] = now  # modified: saved, cookie set, expiry pushed
        return super().process_response(request, response)


def session_refreshed_at_login(sender: object, request: HttpRequest, **kwargs: object) -> None:
    """``user_logged_in`` receiver: a login saves the session, so its expiry starts then and the
    next push is due ``SESSION_REFRESH_SECONDS`` later (not on the request right after)."""
    session = getattr(request, "session", None)
    if session is not None:
        session[IDLE_REFRESHED_KEY] = int(time.time())


class RequireTwoFactorForAdminsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._paths: tuple[frozenset[str], frozenset[str], str] | None = None

    def _open_and_enrolment_paths(self) -> tuple[frozenset[str], frozenset[str], str]:
        if self._paths is None:
            static = (
                settings.STATIC_URL
                if settings.STATIC_URL.startswith("/")
                else "/" + settings.STATIC_URL
            )
            # Whole paths, not prefixes: the verify page's path is a prefix of the enrolment pages'.
            self._paths = (
                frozenset(reverse(n) for n in _OPEN_NAMES),
                frozenset(reverse(n) for n in _FIRST_ENROLMENT_NAMES),
                static,
            )
        return self._paths

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and getattr(user, "must_use_two_factor", False)
            and not getattr(user, "is_verified", lambda: False)()  # set by django_otp's middleware
        ):
            open_paths, enrolment_paths, static = self._open_and_enrolment_paths()
            path = request.path
            if path not in open_paths and not path.startswith(static):
                from django_otp import devices_for_user

                has_device = any(True for _ in devices_for_user(user, confirmed=True))
                if has_device or path not in enrolment_paths:
                    target = (
                        "accounts:two_factor_verify" if has_device else "accounts:two_factor_setup"
                    )
                    return redirect(f"{reverse(target)}?next={quote(request.get_full_path())}")
        return self.get_response(request)


class MemberAreaMiddleware:
    """A member's account (``Role.MEMBER``) opens the member pages only: any other named page is
    refused (403) here, whatever its menu shows — the officers' pages never render for a member.
    The home page sends a member to the first item of the member menu."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: object, view_args: object, view_kwargs: object
    ) -> HttpResponse | None:
        from django.core.exceptions import PermissionDenied

        from tuyengiao.core.nav import nav_items_for

        from .permissions import is_member, member_may_open

        match = request.resolver_match
        if match is None or not is_member(request.user):
            return None
        name = match.view_name
        if name == "core:dashboard":
            items = nav_items_for(request.user)
            if items:
                return redirect(items[0].url)
        if name.startswith("admin:") or not member_may_open(request.user, name):
            raise PermissionDenied(
                "Tài khoản đảng viên chỉ mở được các trang của đảng viên (menu bên trái)."
            )
        return None
