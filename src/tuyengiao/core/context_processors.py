from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .nav import footer_links, nav_items_for


def shell(request: HttpRequest) -> dict[str, Any]:
    path = request.path
    items = nav_items_for(request.user) if request.user.is_authenticated else ()
    current = max(
        (i for i in items if path.startswith(i.url)), key=lambda i: len(i.url), default=None
    )
    return {"nav_items": items, "nav_current": current, "footer_links": footer_links()}
