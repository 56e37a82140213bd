"""The project-wide proof for state-changing requests: every URL pattern of every app, POSTed to by
people who must not change what it names, leaves the database exactly as it was.

For each pattern with URL kwargs, objects are created owned by coso2's base organisation (the
factories of ``<app>/testing.py``, as in the GET walk of ``test_url_scoping``). coso1 (an officer of
the sibling base organisation), viewer1 (a read-only user there), sotttt (an officer on the state
side) and an anonymous visitor POST to it: an empty body, a generic filled one (common field names,
a small file) and the forms the owner's own page offers, filled in, once per submit button. Each
answer must be 403, 404 or 405 — anonymous visitors may instead be sent to the login page — and
afterwards every table has the same rows (count and a hash of all rows ordered by pk).

Patterns without kwargs (lists, "create" pages) act on the user's own unit, so an officer may
legitimately create there; the read-only viewer1 and anonymous visitors may not change anything.

Nothing is listed here: URLs are discovered from the resolver, so a new URL with a POST handler
joins by existing, and one whose kwargs have no factory fails the walk.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
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

# Tables left out of the comparison, each for a reason that is not a change of the project's data:
EXCLUDED_TABLES = {
    # Each signed-in request may push its own session's idle expiry forward
    # (accounts.middleware.IdleSessionMiddleware): the visitor's session, not what the URL names.
    "django_session",
}

# Pages where a signed-in user acts on their own account (whatever their role): there, rows of the
# poster's own (a read-only user's new, unconfirmed TOTP device) may change, no one else's.
SELF_SERVICE = {"accounts:two_factor_setup", "accounts:two_factor_verify"}

ROUTES = all_routes()
# Login, logout, password reset, the language switch, the health check, the .ics feed: public by
# nature (a visitor may post to them); their own tests cover what they do.
PUBLIC = public_names()
WITH_KWARGS = [r for r in ROUTES if r.kwargs and r.name not in PUBLIC]
WITHOUT_KWARGS = [r for r in ROUTES if not r.kwargs and r.name not in PUBLIC]
OUTSIDERS = ("coso1", "viewer1", "sotttt")
DENIED = {403, 404, 405}
# Not the mark: a form shown again with its errors echoes what was posted.
FILL = "POST-WALK-FILL"
MAX_PAYLOADS = 12


# --- the database before and after -----------------------------------------------------------


def _tables() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.db_table not in EXCLUDED_TABLES
    ]


def _owned_by(model: type[models.Model], user: User) -> models.Q:
    """The rows of ``model`` that belong to ``user`` (a ``user`` foreign key), if it has them."""
    field = next((f for f in model._meta.fields if f.name == "user" and f.is_relation), None)
    return models.Q(user=user) if field is not None and field.related_model is User else models.Q()


def snapshot(own_rows_of: User | None = None) -> dict[str, tuple[int, str]]:
    """Every table: its row count and a hash of all its rows ordered by pk (without the rows of
    ``own_rows_of``, where given)."""
    state = {}
    for model in _tables():
        rows_qs = model._base_manager.order_by("pk")
        if own_rows_of is not None and (own := _owned_by(model, own_rows_of)):
            rows_qs = rows_qs.exclude(own)
        rows = list(rows_qs.values_list())
        state[model._meta.db_table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return state


def _changes(before: dict[str, tuple[int, str]], after: dict[str, tuple[int, str]]) -> list[str]:
    return [
        f"{table}: {before.get(table, (0, ''))[0]} → {after.get(table, (0, ''))[0]} rows"
        + ("" if before.get(table, (0, ""))[0] != after.get(table, (0, ""))[0] else " (contents)")
        for table in sorted(set(before) | set(after))
        if before.get(table) != after.get(table)
    ]


# --- payloads ----------------------------------------------------------------------------------


def generic_payload(tree: Tree) -> dict[str, Any]:
    """Common field names of the project's forms, filled in; a small file for the upload fields."""
    other = str(tree.base2.pk)
    payload: dict[str, Any] = {
        name: FILL
        for name in (
            "title", "name", "full_name", "short_name", "code", "number", "note", "comment",
            "message", "text", "content", "body", "reason", "position", "label", "answer",
            "username", "first_name", "last_name", "document_title", "issuer", "signer_name",
        )
    }  # fmt: skip
    payload.update(
        {
            "email": "mat-post@example.vn",
            "progress": "100",
            "order": "1",
            "year": "2030",
            "due_date": "01/01/2030",
            "date": "01/01/2030",
            "starts_on": "01/01/2030",
            "ends_on": "02/01/2030",
            "unit": other,
            "units": other,
            "to_unit": other,
            "parent": other,
            "role": "officer",
            "kind": "plan",
            "status": "submitted",
            "action": "submit",
            "confirm": "1",
            "delete": "1",
            "save": "1",
            "submit": "1",
            "accept": "1",
            "valid_only": "1",
            "visible_to_all": "on",
            "published_down": "on",
            "is_active": "on",
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "0",
        }
    )
    for name in ("file", "files", "evidence", "attachment"):
        payload[name] = SimpleUploadedFile("post-walk.txt", FILL.encode(), "text/plain")
    return payload


class _PostForms(HTMLParser):
    """The POST forms of a page: their fields with the values the page gives them, and their
    named submit buttons."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[dict[str, str], list[tuple[str, str]]]] = []
        self._fields: dict[str, str] | None = None
        self._buttons: list[tuple[str, str]] = []
        self._select: str | None = None

    def handle_starttag(self, tag: str, attr_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: v or "" for k, v in attr_list}
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self._fields, self._buttons = {}, []
            return
        if self._fields is None:
            return
        name = attrs.get("name", "")
        kind = attrs.get("type", "text" if tag == "input" else "submit").lower()
        if tag in {"input", "button"} and kind == "submit":
            if name:
                self._buttons.append((name, attrs.get("value", "")))
        elif tag == "input" and name and kind != "file" and name not in self._fields:
            default = {"number": "1", "date": "2030-01-01", "checkbox": "on", "radio": "on"}
            self._fields[name] = attrs.get("value") or default.get(kind, FILL)
        elif tag == "textarea" and name:
            self._fields.setdefault(name, FILL)
        elif tag == "select":
            self._select = name or None
        elif (
            tag == "option"
            and self._select
            and attrs.get("value")
            and ("selected" in attrs or self._select not in self._fields)
        ):
            self._fields[self._select] = attrs["value"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "form" and self._fields is not None:
            self.forms.append((self._fields, self._buttons))
            self._fields = None


def page_payloads(client: Client, url: str) -> list[dict[str, Any]]:
    """The page's own POST forms as its owner sees them, filled in, once per submit button."""
    response = client.get(url)
    if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
        return []
    parser = _PostForms()
    parser.feed(response.content.decode("utf-8", errors="replace"))
    payloads = []
    for fields, buttons in parser.forms:
        if "csrfmiddlewaretoken" not in fields or fields.keys() == {"csrfmiddlewaretoken"}:
            continue  # the logout button of every page, or a form of no fields
        payloads.append(fields)
        payloads.extend({**fields, name: value} for name, value in buttons)
    return payloads


def payloads(tree: Tree, owner: Client, url: str) -> Iterator[Callable[[], dict[str, Any]]]:
    """Fresh payloads for each request (an uploaded file is read once)."""
    yield dict
    yield lambda: generic_payload(tree)
    for payload in page_payloads(owner, url)[: MAX_PAYLOADS - 2]:
        yield lambda p=payload: {**generic_payload(tree), **p}  # type: ignore[misc]


# --- the walk ----------------------------------------------------------------------------------


def _denied(response: Any) -> bool:
    return response.status_code in DENIED


def _denied_or_login(response: Any) -> bool:
    """Denied, or (an anonymous visitor) sent to the login page."""
    return response.status_code in DENIED or _is_login_redirect(response)


def _is_login_redirect(response: Any) -> bool:
    return response.status_code == 302 and response["Location"].startswith(
        reverse("accounts:login")
    )


def _post_only(
    client: Client,
    who: str,
    url: str,
    route: Route,
    makers: list[Callable[[], dict[str, Any]]],
    allowed: Callable[[Any], bool],
) -> None:
    """POST every payload; each answer must be ``allowed`` and must not show the secret mark."""
    for make in makers:
        payload = make()
        response = client.post(url, payload)
        assert allowed(response), (
            f"{who} POST {url} ({route.name}, app «{route.app}») with {sorted(payload)[:12]} → "
            f"{response.status_code} {response.get('Location', '')}"
        )
        assert SECRET_MARK.encode() not in response.content or response.status_code == 405


def _post_all(
    client: Client,
    who: str,
    url: str,
    route: Route,
    makers: list[Callable[[], dict[str, Any]]],
    allowed: Callable[[Any], bool],
    own_rows_of: User | None = None,
) -> None:
    before = snapshot(own_rows_of)
    _post_only(client, who, url, route, makers, allowed)
    changed = _changes(before, snapshot(own_rows_of))
    assert not changed, f"{who} POST {url} ({route.name}, app «{route.app}») changed: {changed}"


def test_the_post_walk_found_the_project() -> None:
    names = {r.name for r in WITH_KWARGS}
    assert {"plans:plan_send", "orgs:unit_edit", "accounts:user_edit"} <= names, names
    assert "django_session" not in {m._meta.db_table for m in _tables()}
    assert {"orgs_unit", "plans_plan", "auditlog_logentry"} <= {m._meta.db_table for m in _tables()}


@pytest.mark.parametrize("route", WITH_KWARGS, ids=lambda r: r.name)
def test_posts_to_another_branchs_objects_change_nothing(
    route: Route, tree: Tree, users: dict[str, User]
) -> None:
    factories = kwarg_factories()
    problem = missing_factories_message(route, factories)
    assert problem is None, problem
    url = reverse(route.name, kwargs={k: factories[k](tree.base2) for k in route.kwargs})
    makers = list(payloads(tree, logged_in_client(users["coso2"]), url))
    base1 = users["coso1"].unit
    assert base1 is not None
    posters = [(who, logged_in_client(users[who])) for who in OUTSIDERS]
    posters += [("member1", member_client(base1)), ("anonymous", Client())]
    # One picture of the database before all five and one after: a snapshot reads every table,
    # and it is most of this walk's time. Nobody may change anything, so the five together must
    # leave it as it was; a failure names the tables, and the posters in the order they posted.
    before = snapshot()
    for who, client in posters:
        allowed = _denied_or_login if who == "anonymous" else _denied
        _post_only(client, who, url, route, makers, allowed)
    changed = _changes(before, snapshot())
    assert not changed, (
        f"POST {url} ({route.name}, app «{route.app}») by {', '.join(w for w, _ in posters)} "
        f"changed: {changed}"
    )


@pytest.mark.parametrize("route", WITHOUT_KWARGS, ids=lambda r: r.name)
def test_read_only_and_anonymous_posts_change_nothing(
    route: Route, tree: Tree, users: dict[str, User]
) -> None:
    url = reverse(route.name)
    # The forms an officer of viewer1's own unit is offered there.
    makers = list(payloads(tree, logged_in_client(users["coso1"]), url))
    # A page that ignores POST may answer it like a GET; what counts is that nothing changed.
    viewer = users["viewer1"]
    _post_all(
        logged_in_client(viewer),
        "viewer1",
        url,
        route,
        makers,
        lambda r: r.status_code < 500,
        own_rows_of=viewer if route.name in SELF_SERVICE else None,
    )
    _post_all(
        Client(),
        "anonymous",
        url,
        route,
        makers,
        lambda r: r.status_code in DENIED or _is_login_redirect(r),
    )
