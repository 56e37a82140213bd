"""``orgs.signals.unit_paths_changed``: sent when existing units' paths change, with the prefixes
under which copies of paths may be stale; not sent when nothing was renumbered."""

from __future__ import annotations

from typing import Any

import pytest

from tuyengiao.orgs.models import Unit, UnitKind
from tuyengiao.orgs.signals import unit_paths_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent() -> Any:
    calls: list[list[str]] = []

    def receiver(prefixes: list[str], **kwargs: object) -> None:
        calls.append(prefixes)

    unit_paths_changed.connect(receiver, dispatch_uid="test-path-signals")
    yield calls
    unit_paths_changed.disconnect(dispatch_uid="test-path-signals")


def _add(parent: Unit, code: str) -> Unit:
    child: Unit = Unit.objects.add_child(
        parent, dict(kind=UnitKind.CELL, code=code, name=f"Chi bộ {code}", short_name="CB")
    )
    return child


def test_adding_after_the_last_sibling_renumbers_nothing(
    tree: Any, sent: list[list[str]], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _add(Unit.objects.get(pk=tree.base1.pk), "ZZ-LAST")
    assert sent == []


def test_inserting_before_siblings_names_their_parent(
    tree: Any, sent: list[list[str]], django_capture_on_commit_callbacks: Any
) -> None:
    base1 = Unit.objects.get(pk=tree.base1.pk)
    first_child = Unit.objects.get_children(base1).first()
    old_path = first_child.path
    with django_capture_on_commit_callbacks(execute=True):
        _add(base1, "AA-FIRST")  # sorts before every existing code
    first_child.refresh_from_db()
    assert first_child.path != old_path  # treebeard renumbered it
    assert sent == [[base1.path]]


def test_moving_names_the_old_and_new_parents(
    tree: Any, sent: list[list[str]], django_capture_on_commit_callbacks: Any
) -> None:
    cell = Unit.objects.get(pk=tree.cell1.pk)
    old_parent = cell.path[: -Unit.steplen]
    base2 = Unit.objects.get(pk=tree.base2.pk)
    with django_capture_on_commit_callbacks(execute=True):
        Unit.objects.move(cell, base2, pos="sorted-child")
    assert sent == [sorted({old_parent, base2.path[: -Unit.steplen]})]
    assert Unit.objects.get(pk=cell.pk).path.startswith(base2.path)
