"""Discovery shared by the project-wide URL walks (``test_url_scoping`` for GET, ``test_post_walk``
for state-changing requests): every named URL pattern from the resolver, and the kwarg factories
and public names each app ships in ``<app>/testing.py``. A new app or URL joins both walks by
existing."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from tuyengiao.orgs.models import Unit

# Django's admin is staff-only (checked separately); the rest is public by nature.
SKIPPED_NAMESPACES = {"admin"}
ALWAYS_PUBLIC = {"core:healthz", "set_language"}


@dataclass(frozen=True)
class Route:
    name: str  # "app:url_name"
    app: str  # the namespace, to name the app in failure messages
    kwargs: tuple[str, ...]
    route: str


def _walk(
    patterns: list[Any], prefix: str = "", namespace: str = "", kwargs: tuple[str, ...] = ()
) -> Iterator[Route]:
    for entry in patterns:
        names = tuple(entry.pattern.regex.groupindex)
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            full_ns = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from _walk(
                entry.url_patterns, prefix + str(entry.pattern), full_ns, kwargs + names
            )
        elif isinstance(entry, URLPattern) and entry.name:
            full = f"{namespace}:{entry.name}" if namespace else entry.name
            yield Route(
                full,
                namespace.split(":")[0] or "(racine)",
                kwargs + names,
                prefix + str(entry.pattern),
            )


def all_routes() -> list[Route]:
    seen: dict[str, Route] = {}
    for route in _walk(get_resolver().url_patterns):
        if route.app in SKIPPED_NAMESPACES:
            continue
        # Several patterns may share a name (e.g. create and edit); keep the one with most kwargs.
        if route.name not in seen or len(route.kwargs) > len(seen[route.name].kwargs):
            seen[route.name] = route
    return sorted(seen.values(), key=lambda r: r.name)


def app_testing_modules() -> dict[str, Any]:
    modules = {}
    for config in apps.get_app_configs():
        try:
            modules[config.label] = importlib.import_module(f"{config.name}.testing")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.testing":
                raise
    return modules


def kwarg_factories() -> dict[str, Callable[[Unit], object]]:
    factories: dict[str, Callable[[Unit], object]] = {}
    for module in app_testing_modules().values():
        if hasattr(module, "url_kwarg_factories"):
            factories.update(module.url_kwarg_factories())
    return factories


def public_names() -> set[str]:
    names = set(ALWAYS_PUBLIC)
    for module in app_testing_modules().values():
        names |= set(getattr(module, "PUBLIC_URL_NAMES", set()))
    return names


def missing_factories_message(route: Route, factories: dict[str, Any]) -> str | None:
    """Why ``route`` cannot be walked (a URL kwarg without a factory), or None."""
    missing = [k for k in route.kwargs if k not in factories]
    if not missing:
        return None
    return (
        f"Ứng dụng «{route.app}»: URL {route.name} ({route.route}) có tham số {missing} nhưng không có factory. "
        f"Add them to url_kwarg_factories() in the app's testing.py (or list the URL in PUBLIC_URL_NAMES)."
    )


def member_client(unit: Unit) -> Any:
    """A client signed in as a party member's own account (``Role.MEMBER``) listed in ``unit``:
    the walks check that a member of the sibling branch reaches nothing either."""
    from tuyengiao.accounts.models import Role
    from tuyengiao.orgs.models import Person
    from tuyengiao.testing import logged_in_client, make_user

    person = Person.objects.create(unit=unit, full_name="Đảng viên của nhánh bên cạnh")
    user = make_user(f"dangvien-walk-{person.pk}", unit, Role.MEMBER)
    user.person = person
    user.save()
    return logged_in_client(user)
