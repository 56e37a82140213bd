"""Subtree, ancestors and "units below with their member counts" in a constant number of queries,
on a 50,000-unit tree built with ``build_synthetic_tree`` (the service behind ``seed_synthetic``)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from tuyengiao.accounts.models import Role
from tuyengiao.accounts.scoping import scoped, visible_units
from tuyengiao.orgs.models import Person, Unit, UnitKind
from tuyengiao.orgs.synthetic import SyntheticStats, build_synthetic_tree
from tuyengiao.testing import make_user


@pytest.fixture(scope="module")
def big_tree(django_db_setup: Any, django_db_blocker: Any) -> Any:
    """1 root → 20 provinces → 200 committees → 10,000 base organisations → 40,000 cells; 30,000 people."""
    with django_db_blocker.unblock():
        stats = build_synthetic_tree(
            provinces=20,
            communes=0,
            committees_per_province=10,
            base_units=10_000,
            cells_per_base=4,
            members=30_000,
            code_prefix="BIG",
        )
        yield stats
        # Raw deletes: no per-object signals (audit log) for 80,000 synthetic rows.
        people = Person.objects.filter(unit__path__startswith=stats.root.path)
        people._raw_delete(people.db)
        units = Unit.objects.filter(path__startswith=stats.root.path)
        units._raw_delete(units.db)


@pytest.mark.slow
@pytest.mark.django_db
def test_constant_queries_on_a_50000_unit_tree(
    big_tree: SyntheticStats, django_assert_num_queries: Any
) -> None:
    root = big_tree.root
    assert big_tree.units == 1 + 20 + 200 + 10_000 + 40_000 > 50_000
    assert Unit.objects.filter(path__startswith=root.path).count() == big_tree.units
    province = Unit.objects.get(code="BIG-P07")
    district = Unit.objects.get(code="BIG-P07-K03")
    base = Unit.objects.get(code="BIG-P07-K03-B0042")
    cell = Unit.objects.get(code="BIG-P07-K03-B0042-C4")
    assert cell.depth == 5 and base.contains(cell) and root.contains(cell)
    assert Unit.objects.get_parent(cell) == base and Unit.objects.get_children_count(base) == 4

    for unit in (root, province, district, base):
        with django_assert_num_queries(1):
            n = len(list(unit.subtree()))
        assert n == Unit.objects.filter(path__startswith=unit.path).count()
    for unit in (province, cell):
        with django_assert_num_queries(1):
            ancestors = list(unit.ancestors())
        assert [a.depth for a in ancestors] == list(range(1, unit.depth))
    with django_assert_num_queries(1):
        in_province = Person.objects.in_subtree(province).count()
    assert in_province == sum(
        1 for p in Person.objects.select_related("unit") if province.contains(p.unit)
    )

    for unit in (root, province, district, base):
        with django_assert_num_queries(3):
            rows = unit.children_with_member_counts()
        assert [c.pk for c, _, _ in rows] == list(
            Unit.objects.filter(path__startswith=unit.path, depth=unit.depth + 1).values_list(
                "pk", flat=True
            )
        )
    rows = root.children_with_member_counts()
    assert sum(m for _, _, m in rows) == 30_000
    assert sum(n for _, n, _ in rows) == big_tree.units - 1 - 20
    # One child's figures match a direct count.
    child, n_units, n_members = rows[6]
    assert (
        n_members
        == Person.objects.filter(unit__path__startswith=child.path, active=True)
        .exclude(unit=child)
        .count()
    )
    assert n_units == Unit.objects.filter(path__startswith=child.path).exclude(pk=child.pk).count()


@pytest.mark.slow
@pytest.mark.django_db
def test_scoping_is_constant_too(big_tree: SyntheticStats, django_assert_num_queries: Any) -> None:
    province = Unit.objects.get(code="BIG-P03")
    user = make_user("tinh3", province, Role.UNIT_ADMIN)
    user = type(user).objects.select_related("unit").get(pk=user.pk)
    with django_assert_num_queries(1):
        n_people = scoped(Person, user).count()
    assert n_people == Person.objects.filter(unit__code__startswith="BIG-P03-").count() > 0
    with django_assert_num_queries(1):
        assert visible_units(user).count() == 1 + 10 + 500 + 2000


@pytest.mark.django_db
def test_generated_tree_accepts_add_child_and_seed_command() -> None:
    stats = build_synthetic_tree(
        provinces=2,
        communes=5,
        committees_per_province=2,
        base_units=7,
        cells_per_base=1,
        members=50,
        code_prefix="T",
    )
    assert stats.units == 1 + 2 + 4 + 7 + 7 + 5 + 5 and stats.members == 50
    # communes directly under their province: no district level
    communes = Unit.objects.filter(code__regex=r"^T-P[0-9]+-X[0-9]+$")
    assert communes.count() == 5 and set(communes.values_list("depth", flat=True)) == {3}
    district = Unit.objects.get(code="T-P01-K01")
    new = Unit.objects.add_child(
        district, dict(kind=UnitKind.BASE_ORGANISATION, code="T-P01-K01-B9999", name="Thêm")
    )
    assert district.contains(new) and Unit.objects.get_parent(new) == district
    generated = Unit.objects.filter(path__startswith=stats.root.path)
    assert len({u.path for u in generated}) == generated.count()
    assert all(
        u.numchild == generated.filter(path__startswith=u.path, depth=u.depth + 1).count()
        for u in generated
    )
    out = io.StringIO()
    call_command(
        "seed_synthetic",
        "--units",
        "30",
        "--members",
        "300",
        "--provinces",
        "3",
        "--communes",
        "12",
        "--committees",
        "2",
        "--prefix",
        "S2",
        stdout=out,
    )
    assert (
        "42 cơ sở" in out.getvalue()
        and Person.objects.filter(unit__code__startswith="S2-").count() == 300
    )
    with pytest.raises(CommandError):
        call_command(
            "seed_synthetic", "--units", "30", "--members", "300", "--prefix", "S2", stdout=out
        )
