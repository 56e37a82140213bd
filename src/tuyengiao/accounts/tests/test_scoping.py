from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tuyengiao.accounts.scoping import Action, can, get_for_user, require, scoped, visible_units
from tuyengiao.orgs.models import Person, Unit
from tuyengiao.testing import Tree, make_person

pytestmark = pytest.mark.django_db


def test_officer_sees_own_subtree_only(tree: Tree, users) -> None:  # type: ignore[no-untyped-def]
    seen = set(visible_units(users["coso1"]).values_list("code", flat=True))
    assert seen == {"DB-STTTT", "CB-STTTT-VP"}


def test_bloc_admin_sees_all_base_units(tree: Tree, users) -> None:  # type: ignore[no-untyped-def]
    seen = set(visible_units(users["khoi"]).values_list("code", flat=True))
    assert seen == {"DUK", "DB-STTTT", "DB-SYT", "CB-STTTT-VP", "CB-SYT-VP"}
    assert set(visible_units(users["admin"])) == set(Unit.objects.all())


def test_people_of_sibling_are_invisible(tree: Tree, users) -> None:  # type: ignore[no-untyped-def]
    mine = make_person(tree.cell1, "Trần Thị Bình")
    theirs = make_person(tree.cell2, "Lê Văn Cường")
    assert list(scoped(Person, users["coso1"])) == [mine]
    with pytest.raises(Http404):
        get_for_user(Person, users["coso1"], pk=theirs.pk)
    with pytest.raises(PermissionDenied):
        require(users["coso1"], Action.CHANGE, theirs)


def test_viewer_cannot_change(tree: Tree, users) -> None:  # type: ignore[no-untyped-def]
    person = make_person(tree.cell1)
    assert can(users["viewer1"], Action.VIEW, person)
    assert not can(users["viewer1"], Action.CHANGE, person)
    assert scoped(Person, users["viewer1"], Action.CHANGE).count() == 0


def test_officer_cannot_manage_users(tree: Tree, users) -> None:  # type: ignore[no-untyped-def]
    assert not can(users["coso1"], Action.MANAGE, tree.base1)
    assert can(users["khoi"], Action.MANAGE, tree.base1)
    assert not can(users["khoi"], Action.MANAGE, tree.province)
