from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from tuyengiao.accounts.permissions import is_member

from .nav import footer_links, header_templates, nav_items_for


def _fully_signed_in(request: HttpRequest) -> bool:
    user = request.user
    if not user.is_authenticated:
        return False
    if getattr(user, "must_use_two_factor", False):
        return bool(getattr(user, "is_verified", lambda: False)())
    return True


def shell(request: HttpRequest) -> dict[str, Any]:
    path = request.path
    items = nav_items_for(request.user) if request.user.is_authenticated else ()
    current = max(
        (i for i in items if path.startswith(i.url)), key=lambda i: len(i.url), default=None
    )
    return {
        "nav_items": items,
        "nav_current": current,
        "footer_links": footer_links(),
        # Not on the second-factor pages: an administrator not yet verified reaches nothing else,
        # and a widget polling from there would only be sent back to them. Not for a member's
        # own account either: it opens only the member pages, so the header's widgets (the
        # notifications bell) would poll a page refused to it every minute.
        "header_templates": (
            header_templates() if _fully_signed_in(request) and not is_member(request.user) else ()
        ),
    }
