"""The foundation's demo data: the province, the bloc with its ~40 base organisations, members, accounts."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.db import transaction
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice

from tuyengiao.accounts import demo as accounts_demo
from tuyengiao.accounts.models import Role
from tuyengiao.core.demo_context import DemoContext
from tuyengiao.orgs import demo as orgs_demo
from tuyengiao.orgs.models import Person, Unit, UnitKind


@pytest.mark.django_db
def test_demo_province_bloc_and_accounts() -> None:
    ctx = DemoContext(password="mat-khau-demo-1", stdout=io.StringIO())
    orgs_demo.load(ctx)
    accounts_demo.load(ctx)

    province, bloc, bases = ctx.objects["province"], ctx.objects["bloc"], ctx.objects["base_units"]
    agencies = ctx.objects["party_agencies"]
    assert province.publishes_to_all and province.depth == 1
    # two-level shape: the board, two committees of agencies, communes and wards, all under the
    # Tỉnh ủy; the seeds' bloc is the committee of the People's Committee, renamed on 1/7/2025
    children = {u.code: u for u in Unit.objects.get_children(province)}
    assert {"BTGDVTU", "DUK", "DUCQD"} <= set(children)
    assert children["BTGDVTU"].name == "Ban Tuyên giáo và Dân vận Tỉnh ủy"
    assert len(ctx.objects["communes"]) >= 6
    assert all(Unit.objects.get_parent(c) == province for c in ctx.objects["communes"])
    assert bloc.name == "Đảng ủy Ủy ban nhân dân tỉnh" and province.contains(bloc)
    then = bloc.as_of(dt.date(2025, 6, 30))
    assert then is not None and then.name == "Đảng ủy Khối các cơ quan tỉnh"
    assert agencies.started_on == dt.date(2025, 7, 1)
    assert len(bases) >= 20 and Unit.objects.get_children(agencies).count() >= 10
    assert all(
        b.kind == UnitKind.BASE_ORGANISATION and Unit.objects.get_parent(b) == bloc for b in bases
    )
    for base in bases:
        assert 2 <= Unit.objects.get_children_count(base) <= 5
    # every base of the old bloc is in one of its two successors
    moved = Unit.objects.get_children(agencies).count()
    assert 38 <= len(bases) + moved <= 45
    members = Person.objects.in_subtree(bloc).count() + Person.objects.in_subtree(agencies).count()
    assert 1300 <= members <= 1700
    # the reorganisation is on record; in the tree of 30/6/2025 the bloc held every base
    from tuyengiao.orgs.history import tree_as_of
    from tuyengiao.orgs.models import Reorganisation

    assert Reorganisation.objects.filter(applied_at__isnull=False).count() == 1 + moved
    before = tree_as_of(Unit.objects.get(pk=bloc.pk), dt.date(2025, 6, 30))
    assert (
        Unit.objects.filter(before.q("path"), kind=UnitKind.BASE_ORGANISATION).count()
        == len(bases) + moved
    )

    users = ctx.objects["users"]
    assert users["khoi"].unit == bloc and users["khoi"].role == Role.UNIT_ADMIN
    assert users["coso1"].unit == bases[0] and users["coso2"].unit == bases[1]
    assert users["admin"].is_system_admin
    for username in ("admin", "khoi"):
        device = StaticDevice.objects.get(user=users[username])
        assert device.token_set.count() == 5
    assert "mã dự phòng của khoi" in DemoContext.backup_codes_note()

    assert users["coso1"].check_password("mat-khau-demo-1")
    client = Client()
    client.force_login(users["coso1"])
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_demo_is_deterministic() -> None:
    def build() -> list[tuple[str, str]]:
        orgs_demo.load(DemoContext(password="x"))
        return list(
            Person.objects.order_by("unit__code", "full_name").values_list(
                "full_name", "unit__code"
            )
        )

    class Rollback(Exception):
        pass

    with pytest.raises(Rollback), transaction.atomic():
        first = build()
        raise Rollback
    assert not Unit.objects.exists()
    assert build() == first
