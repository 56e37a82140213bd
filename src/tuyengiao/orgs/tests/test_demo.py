"""The foundation's demo data: the province, the bloc with its ~40 base organisations, members, accounts."""

from __future__ import annotations

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
    assert province.publishes_to_all and province.depth == 1
    assert bloc.short_name == "ĐUK" and province.contains(bloc)
    assert 38 <= len(bases) <= 45
    assert all(
        b.kind == UnitKind.BASE_ORGANISATION and Unit.objects.get_parent(b) == bloc for b in bases
    )
    for base in bases:
        assert 2 <= base.get_children_count() <= 5
    members = Person.objects.in_subtree(bloc).count()
    assert 1300 <= members <= 1700
    assert Person.objects.filter(roles__code="phong-vien").exists()
    assert Unit.objects.filter(kind=UnitKind.STATE_BODY, depth=2).count() >= 3

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
