"""The scoping walks: ops has no URL with kwargs; its status page answers 403 to anyone but a
system administrator (checked by the walk as for every list page)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def url_kwarg_factories() -> dict[str, Callable[..., dict[str, Any]]]:
    return {}
