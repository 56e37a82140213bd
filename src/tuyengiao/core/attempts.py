"""Counting attempts per key in a fixed window, in Django's cache: the one counter behind every
rate limit that is not a login (password-reset mails, check-in codes, public survey answers and
suggestions).

The window starts with the first attempt and is not extended by later ones (``add`` sets the
expiry once, ``incr`` keeps it). The default local-memory cache counts per server process; a
shared cache (Redis, Memcached) makes a limit hold across all of them. Logins have their own,
richer counter (django-axes, see ``accounts.throttle``).
"""

from __future__ import annotations

from django.core.cache import cache


def attempts(key: str) -> int:
    """How many attempts were counted under ``key`` in its current window."""
    return int(cache.get(key, 0))


def count_attempt(key: str, window_seconds: int) -> int:
    """Count one attempt under ``key`` and return the count, the first opening the window."""
    if cache.add(key, 1, window_seconds):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # the window ended between add() and incr()
        cache.set(key, 1, window_seconds)
        return 1
