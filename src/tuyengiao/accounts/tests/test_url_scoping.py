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

import io
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tuyengiao.accounts.models import User
from tuyengiao.testing import SECRET_MARK, Tree, logged_in_client

from .url_walk import (
    Route,
    all_routes,
    kwarg_factories,
    member_client,
    missing_factories_message,
    public_names,
)

OUTSIDERS = ("coso1", "viewer1", "sotttt")
DENIED = {403, 404}


ROUTES = all_routes()
PUBLIC = public_names()
WITH_KWARGS = [r for r in ROUTES if r.kwargs and r.name not in PUBLIC]
WITHOUT_KWARGS = [r for r in ROUTES if not r.kwargs and r.name not in PUBLIC]


def _clients(users: dict[str, User]) -> dict[str, Client]:
    clients = {name: logged_in_client(users[name]) for name in OUTSIDERS}
    base1 = users["coso1"].unit
    assert base1 is not None
    clients["member1"] = member_client(base1)  # a member's own account of the sibling branch
    return clients


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
    problem = missing_factories_message(route, factories)
    assert problem is None, problem
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
