"""Throttling that knows its client: login failures (django-axes) and password-reset mails.

The client address is ``REMOTE_ADDR`` unless ``TRUSTED_PROXY_COUNT`` reverse proxies stand in
front of the site; then it is the address the outermost trusted proxy saw, the Nth entry from the
right of ``X-Forwarded-For`` (entries further left are written by the client and can be forged).

Login failures are counted per (username, address), and separately per address over all
usernames with a higher limit. Nothing is counted per username alone: failures from one address
never lock a user out of another. Each lockout of the same (username, address) within a day
doubles the cool-off, up to ``LOGIN_COOLOFF_MAX_MINUTES``; an attempt expires on its own clock
(``AXES_USE_ATTEMPT_EXPIRATION``), so a short cool-off elsewhere never cuts a long one short.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
from datetime import timedelta
from typing import Any

from auditlog.models import LogEntry
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt, AccessFailureLog
from axes.utils import reset as axes_reset
from django.conf import settings
from django.db.models import QuerySet, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tuyengiao.core.attempts import count_attempt

from .models import User

_STRIKE_MEMORY = timedelta(days=1)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address as seen by the outermost trusted proxy (``AXES_CLIENT_IP_CALLABLE``)."""
    remote = request.META.get("REMOTE_ADDR") or None
    count: int = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if not forwarded:  # reached us without passing the proxy
        return remote
    candidate = forwarded[max(len(forwarded) - count, 0)]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def _request_address(request: HttpRequest) -> str | None:
    return getattr(request, "axes_ip_address", None) or client_ip(request)


def _strikes(username: str | None, address: str | None) -> int:
    """Lockouts of this (username, address) in the last day (axes logs each with locked_out)."""
    return AccessFailureLog.objects.filter(
        username=username,
        ip_address=address,
        locked_out=True,
        attempt_time__gte=timezone.now() - _STRIKE_MEMORY,
    ).count()


def cool_off(request: HttpRequest | None) -> timedelta:
    """``AXES_COOLOFF_TIME``: the base cool-off, doubled for each earlier lockout of the day."""
    base = timedelta(minutes=settings.LOGIN_COOLOFF_MINUTES)
    longest = timedelta(minutes=settings.LOGIN_COOLOFF_MAX_MINUTES)
    if request is None:
        return base
    strikes = _strikes(get_client_username(request), _request_address(request))
    return min(base * 2 ** min(strikes, 16), longest)


def _live_attempts() -> QuerySet[AccessAttempt]:
    return AccessAttempt.objects.filter(expiration__expires_at__gt=timezone.now())


def _failures(attempts: QuerySet[AccessAttempt]) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class EscalatingAxesHandler(AxesDatabaseHandler):
    """axes' database handler with two limits and per-attempt expiry (``AXES_HANDLER``)."""

    def get_user_attempts(
        self, request: HttpRequest, credentials: dict[str, Any] | None = None
    ) -> list[QuerySet[AccessAttempt]]:
        # Attempts count until their own expiry, set from the cool-off in force when they failed.
        now = timezone.now()
        return [
            attempts.filter(expiration__expires_at__gt=now)
            for attempts in self.filter_user_attempts(request, credentials)
        ]

    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        """axes compares one number with ``AXES_FAILURE_LIMIT``: the per-address count is scaled
        so that it reaches that limit exactly when it reaches ``AXES_ADDRESS_FAILURE_LIMIT``."""
        address = _request_address(request)
        from_address = _live_attempts().filter(ip_address=address)
        pair = _failures(from_address.filter(username=get_client_username(request, credentials)))
        limit: int = settings.AXES_FAILURE_LIMIT
        scaled = _failures(from_address) * limit // settings.AXES_ADDRESS_FAILURE_LIMIT
        return max(pair, scaled)

    def reset_user_attempts(
        self, request: HttpRequest, credentials: dict[str, Any] | None = None
    ) -> int:
        # A success clears its own (username, address) only: signing in to one's own account must
        # not wipe the per-address count of failures against other accounts.
        count, _ = AccessAttempt.objects.filter(
            username=get_client_username(request, credentials),
            ip_address=_request_address(request),
        ).delete()
        return count


def lockout_response(
    request: HttpRequest, original_response: object = None, credentials: object = None
) -> HttpResponse:
    """``AXES_LOCKOUT_CALLABLE``: the lockout page, with the minutes actually left."""
    expiry = (
        _live_attempts()
        .filter(ip_address=_request_address(request), username=get_client_username(request))
        .order_by("-expiration__expires_at")
        .values_list("expiration__expires_at", flat=True)
        .first()
    )
    minutes = max(1, math.ceil((expiry - timezone.now()).total_seconds() / 60)) if expiry else None
    return render(
        request,
        "accounts/lockout.html",
        {"minutes": minutes, "longest": settings.LOGIN_COOLOFF_MAX_MINUTES},
        status=getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429),  # axes.conf fills it in
    )


def failed_logins(usernames: list[str]) -> dict[str, int]:
    """Unexpired login failures per username (any address), for the user list."""
    rows = (
        _live_attempts()
        .filter(username__in=usernames)
        .values("username")
        .annotate(total=Sum("failures_since_start"))
    )
    return {row["username"]: row["total"] for row in rows}


def unlock(target: User, actor: User) -> int:
    """Forget ``target``'s login failures from every address (audit-logged); returns how many
    attempt records went."""
    count = axes_reset(username=target.get_username())
    LogEntry.objects.log_create(
        target,
        action=LogEntry.Action.UPDATE,
        changes={"đăng nhập sai": [f"{count} bản ghi", "đã mở khóa"]},
        actor=actor,
        additional_data={**target.get_additional_data(), "event": "login_unlock"},
    )
    return count


def _spend(key: str, limit: int) -> bool:
    """Count one use of ``key`` in its hour; False once more than ``limit`` were counted."""
    return count_attempt(key, 3600) <= limit


def reset_mail_allowed(email: str, address: str | None) -> bool:
    """May one more password-reset mail go out for ``email`` requested from ``address``?"""
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    # Both counters move on every request, so that hammering one does not spare the other.
    by_email = _spend(f"password-reset:email:{digest}", settings.PASSWORD_RESET_MAILS_PER_EMAIL)
    by_address = _spend(
        f"password-reset:address:{address or '-'}", settings.PASSWORD_RESET_MAILS_PER_ADDRESS
    )
    return by_email and by_address
