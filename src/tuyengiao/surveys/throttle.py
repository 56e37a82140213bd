"""Rate limits of the public pages (a survey's public link, a unit's public suggestion box):
``LIMIT`` submissions per client address per hour, counted in Django's cache (per process with
the local-memory cache, across servers with a shared one). Nothing is stored in the database:
the address is never kept with an answer or a suggestion."""

from __future__ import annotations

from axes.helpers import get_client_ip_address
from django.http import HttpRequest

from tuyengiao.core.attempts import attempts, count_attempt

WINDOW_SECONDS = 60 * 60
LIMIT = 10
REFUSED = "Đã gửi quá nhiều lần từ địa chỉ này trong một giờ. Hãy thử lại sau."


def _key(request: HttpRequest, scope: str) -> str:
    return f"surveys:public:{scope}:{get_client_ip_address(request) or 'unknown'}"


def is_refused(request: HttpRequest, scope: str) -> bool:
    return attempts(_key(request, scope)) >= LIMIT


def count(request: HttpRequest, scope: str) -> None:
    count_attempt(_key(request, scope), WINDOW_SECONDS)
