"""The navigation: each AppConfig lists ``nav_items = [(label, url_name, order), …]``.

Apps plug in by declaring the attribute; the shell never names them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    order: int
    url: str


@cache
def nav_items() -> tuple[NavItem, ...]:
    items = []
    for config in apps.get_app_configs():
        for label, url_name, order in getattr(config, "nav_items", []):
            try:
                url = reverse(url_name)
            except NoReverseMatch:
                continue
            items.append(NavItem(label, url_name, order, url))
    return tuple(sorted(items, key=lambda item: item.order))
