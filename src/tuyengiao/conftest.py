"""Fixtures shared by every app's tests (see tuyengiao.testing for the builders)."""

from __future__ import annotations

import pytest
from django.test import Client

from tuyengiao.accounts.models import Role, User
from tuyengiao.testing import Tree, logged_in_client, make_tree, make_user


@pytest.fixture
def tree(db: None) -> Tree:
    return make_tree()


@pytest.fixture
def users(tree: Tree) -> dict[str, User]:
    return {
        "admin": make_user("admin", None, Role.SYSTEM_ADMIN, is_staff=True, is_superuser=True),
        "khoi": make_user("khoi", tree.bloc, Role.UNIT_ADMIN),
        "coso1": make_user("coso1", tree.base1, Role.OFFICER),
        "coso2": make_user("coso2", tree.base2, Role.OFFICER),
        "viewer1": make_user("viewer1", tree.base1, Role.VIEWER),
        "sotttt": make_user("sotttt", tree.department, Role.OFFICER),
    }


@pytest.fixture
def client_as(users: dict[str, User]):  # type: ignore[no-untyped-def]
    """``client_as("coso1")`` → a Client logged in as that user."""

    def make(username: str) -> Client:
        return logged_in_client(users[username])

    return make
