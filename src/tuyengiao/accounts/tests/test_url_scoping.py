"""The project-wide scoping proof: every URL pattern of every app, visited as users of another branch.

For each pattern with URL kwargs, objects are created OWNED BY coso2's base organisation through
the kwarg factories each app ships in ``<app>/testing.py`` (``url_kwarg_factories()``); coso1 (an
officer of the sibling base organisation), viewer1 (a viewer there) and sotttt (an officer on the
state side) must get 403 or 404 for GET and for POST. Patterns without kwargs (lists, dashboards)
must answer them without ever showing ``SECRET_MARK``, which every factory puts in its objects —
neither in the page nor in its .xlsx export. A new app joins by existing: its URLs are discovered
from the resolver, its factories from its ``testing`` module.
"""

from __future__ import annotations

import importlib
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tuyengiao.accounts.models import User
from tuyengiao.orgs.models import Unit
from tuyengiao.testing import SECRET_MARK, Tree, logged_in_client

# Django's admin is staff-only (checked separately below); the rest is public by nature.
SKIPPED_NAMESPACES = {"admin"}
ALWAYS_PUBLIC = {"core:healthz", "set_language"}
OUTSIDERS = ("coso1", "viewer1", "sotttt")
DENIED = {403, 404}


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


ROUTES = all_routes()
PUBLIC = public_names()
WITH_KWARGS = [r for r in ROUTES if r.kwargs and r.name not in PUBLIC]
WITHOUT_KWARGS = [r for r in ROUTES if not r.kwargs and r.name not in PUBLIC]


def _clients(users: dict[str, User]) -> dict[str, Client]:
    return {name: logged_in_client(users[name]) for name in OUTSIDERS}


def _xlsx_text(content: bytes) -> str:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content), read_only=True)
    return "\n".join(
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value
    )


def _body_text(response: Any) -> str:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        try:
            return _xlsx_text(content)
        except Exception:  # a .docx or broken file: scan the raw bytes below
            pass
    return content.decode("utf-8", errors="replace")


def test_the_walk_found_the_project() -> None:
    names = {r.name for r in ROUTES}
    assert {
        "orgs:unit_detail",
        "orgs:person_detail",
        "accounts:user_edit",
        "core:dashboard",
    } <= names
    assert any(r.kwargs for r in WITH_KWARGS)


@pytest.mark.parametrize("route", WITH_KWARGS, ids=lambda r: r.name)
def test_objects_of_another_branch_are_out_of_reach(
    route: Route, tree: Tree, users: dict[str, User]
) -> None:
    factories = kwarg_factories()
    missing = [k for k in route.kwargs if k not in factories]
    assert not missing, (
        f"Ứng dụng «{route.app}»: URL {route.name} ({route.route}) có tham số {missing} nhưng không có factory. "
        f"Add them to url_kwarg_factories() in the app's testing.py (or list the URL in PUBLIC_URL_NAMES)."
    )
    values = {k: factories[k](tree.base2) for k in route.kwargs}
    url = reverse(route.name, kwargs=values)
    for username, client in _clients(users).items():
        statuses = {}
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            statuses[method] = response.status_code
            # 405 (method not allowed) is decided before any object is looked up: it reveals nothing.
            assert response.status_code in DENIED | {405}, (
                f"{username} {method.upper()} {url} ({route.name}, app «{route.app}») → {response.status_code}; "
                f"objects of another branch must answer 403 or 404."
            )
            assert SECRET_MARK not in _body_text(response)
        assert DENIED & set(statuses.values()), (
            f"{username} {url} ({route.name}): {statuses}, never 403/404"
        )


@pytest.mark.parametrize("route", WITHOUT_KWARGS, ids=lambda r: r.name)
def test_pages_never_show_another_branchs_objects(
    route: Route, tree: Tree, users: dict[str, User]
) -> None:
    factories = kwarg_factories()
    for unit in (tree.base2, tree.cell2):
        for factory in factories.values():
            factory(unit)
    url = reverse(route.name)
    for username, client in _clients(users).items():
        # A search for part of the mark (the form echoes the query; the results must not show it).
        for query in ("", "?export=xlsx", "?q=" + SECRET_MARK[4:-1].lower()):
            response = client.get(url + query)
            assert response.status_code < 500, (
                f"{username} GET {url}{query} → {response.status_code}"
            )
            body = _body_text(response)
            assert SECRET_MARK not in body, (
                f"{username} GET {url}{query} ({route.name}, app «{route.app}») shows an object of another branch: "
                + re.sub(
                    r"\s+",
                    " ",
                    body[max(0, body.find(SECRET_MARK) - 120) : body.find(SECRET_MARK) + 40],
                )
            )


def test_django_admin_is_staff_only(tree: Tree, users: dict[str, User]) -> None:
    for username in (*OUTSIDERS, "coso2", "khoi"):
        response = logged_in_client(users[username]).get("/quan-tri/")
        assert response.status_code == 302 and "/quan-tri/login/" in response["Location"], username
    assert logged_in_client(users["admin"]).get("/quan-tri/").status_code == 200


def test_sibling_owner_does_see_its_own_objects(tree: Tree, users: dict[str, User]) -> None:
    """The walk is not vacuous: coso2 itself reaches the objects created for it."""
    factories = kwarg_factories()
    client = logged_in_client(users["coso2"])
    for name in ("orgs:unit_detail", "orgs:person_detail"):
        route = next(r for r in ROUTES if r.name == name)
        url = reverse(name, kwargs={k: factories[k](tree.base2) for k in route.kwargs})
        response = client.get(url)
        assert response.status_code == 200 and SECRET_MARK in response.content.decode()
