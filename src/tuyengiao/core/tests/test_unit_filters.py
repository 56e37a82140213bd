"""A list filtered by a unit outside the user's scope says so: the page shows the Vietnamese message,
lists nothing rather than rows that only look filtered, and exports nothing; an in-scope unit
filters as before."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from tuyengiao.accounts.models import Role, User
from tuyengiao.core.listing import OUT_OF_SCOPE_UNIT
from tuyengiao.documents.testing import make_document
from tuyengiao.testing import Tree, logged_in_client, make_person, make_user

OWN_MARK = "RIENG-CUA-COSO1"


@dataclass(frozen=True)
class Case:
    name: str
    param: str
    # builds the page's URL and an object of the user's own unit that the list shows unfiltered;
    # returns the URL and the text by which the list shows that object
    setup: Callable[[Tree], tuple[str, str]]
    username: str = "coso1"
    inside: str = "base1"  # an in-scope unit for the filter, an attribute of Tree


def _documents(tree: Tree) -> tuple[str, str]:
    make_document(tree.base1, number="1-KH/RIENG", title=f"Kế hoạch {OWN_MARK}")
    return reverse("documents:document_list"), OWN_MARK


def _people(tree: Tree) -> tuple[str, str]:
    make_person(tree.base1, name=f"Người {OWN_MARK}")
    return reverse("orgs:person_list"), OWN_MARK


def _audit(tree: Tree) -> tuple[str, str]:
    make_user("qt-coso1", tree.base1, Role.UNIT_ADMIN)
    return reverse("accounts:audit_log"), ""


CASES = [
    Case("documents", "unit", _documents),
    Case("people", "unit", _people),
    Case("audit", "unit", _audit, username="qt-coso1"),
]


def _client(users: dict[str, User], username: str) -> Client:
    user = users.get(username) or User.objects.get(username=username)
    return logged_in_client(user)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_out_of_scope_unit_filter_is_answered_with_a_message(
    case: Case, tree: Tree, users: dict[str, User]
) -> None:
    url, shown = case.setup(tree)
    client = _client(users, case.username)
    if shown:  # (the log page lists entries, not a marked object)
        assert shown in client.get(url).content.decode()  # unfiltered: the own object shows

    response = client.get(f"{url}?{case.param}={tree.base2.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert escape(OUT_OF_SCOPE_UNIT) in html
    assert not shown or shown not in html, "the list pretends the filter applied"

    exported = client.get(f"{url}?{case.param}={tree.base2.pk}&export=xlsx")
    assert exported["Content-Type"].startswith("text/html")
    assert escape(OUT_OF_SCOPE_UNIT) in exported.content.decode()


@pytest.mark.parametrize("case", CASES[:2], ids=lambda c: c.name)
def test_in_scope_unit_filter_still_filters(case: Case, tree: Tree, users: dict[str, User]) -> None:
    url, shown = case.setup(tree)
    client = _client(users, case.username)
    unit = getattr(tree, case.inside)
    html = client.get(f"{url}?{case.param}={unit.pk}").content.decode()
    assert escape(OUT_OF_SCOPE_UNIT) not in html
    assert shown in html
