"""The navigation: each AppConfig lists ``nav_items = [(label, url_name, order), …]``.

Apps plug in by declaring the attribute; the shell never names them. An app may also define
``nav_allowed(self, user, url_name) -> bool`` to hide items from users who cannot use them.
A member's own account (``accounts.permissions.is_member``) sees the ``member_nav_items`` of the
apps instead, and nothing else (an app may hide some with ``member_nav_allowed(user, url_name)``).
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
    app_label: str = ""


@cache
def nav_items(attribute: str = "nav_items") -> tuple[NavItem, ...]:
    items = []
    for config in apps.get_app_configs():
        for label, url_name, order in getattr(config, attribute, []):
            try:
                url = reverse(url_name)
            except NoReverseMatch:
                continue
            items.append(NavItem(label, url_name, order, url, config.label))
    return tuple(sorted(items, key=lambda item: item.order))


def nav_items_for(user: object) -> tuple[NavItem, ...]:
    """The items ``user`` may use: an AppConfig may hide some with ``nav_allowed(user, url_name)``.
    A member's account gets the member menu only, filtered by ``member_nav_allowed``."""
    from tuyengiao.accounts.permissions import is_member

    member = is_member(user)  # type: ignore[arg-type]
    visible = []
    for item in nav_items("member_nav_items" if member else "nav_items"):
        config = apps.get_app_config(item.app_label)
        allowed = getattr(config, "member_nav_allowed" if member else "nav_allowed", None)
        if allowed is None or allowed(user, item.url_name):
            visible.append(item)
    return tuple(visible)


@cache
def footer_links() -> tuple[NavItem, ...]:
    """Links every page shows in its footer (and the login page under its form), from the
    AppConfigs' ``footer_items = [(label, url_name, order), …]``: the privacy notice."""
    return nav_items("footer_items")


@cache
def header_templates() -> tuple[str, ...]:
    """Templates an app shows in the header of every signed-in page (AppConfig
    ``header_templates = [...]``, e.g. the notifications bell)."""
    return tuple(t for c in apps.get_app_configs() for t in getattr(c, "header_templates", []))
