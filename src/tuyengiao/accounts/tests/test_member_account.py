"""A unit administrator creates a party member's own account, tied to the member's person."""

from __future__ import annotations

from typing import Any

import pytest

from tuyengiao.accounts.models import Role, User
from tuyengiao.orgs.models import Person

pytestmark = pytest.mark.django_db


def _form(unit: Any, **extra: Any) -> dict[str, Any]:
    return {
        "username": "dangvien-moi",
        "first_name": "Mới",
        "last_name": "Nguyễn Thị",
        "email": "",
        "unit": unit.pk,
        "role": Role.MEMBER,
        "is_active": "on",
        "password": "mat-khau-rat-dai-123",
        **extra,
    }


def test_member_account_needs_a_person_in_reach(tree: Any, client_as: Any) -> None:
    khoi = client_as("khoi")
    mine = Person.objects.create(unit=tree.cell1, full_name="Nguyễn Thị Mới")
    outside = Person.objects.create(unit=tree.department, full_name="Người Sở")
    missing = khoi.post("/tai-khoan/them/", _form(tree.cell1)).content.decode()
    assert "phải gắn với hồ sơ" in missing and 'value="dangvien-moi"' in missing
    far = khoi.post("/tai-khoan/them/", _form(tree.cell1, person_number=outside.pk))
    assert "Không có hồ sơ này trong phạm vi" in far.content.decode()
    other_unit = khoi.post("/tai-khoan/them/", _form(tree.cell2, person_number=mine.pk))
    assert "không thuộc đơn vị của tài khoản" in other_unit.content.decode()
    done = khoi.post("/tai-khoan/them/", _form(tree.cell1, person_number=mine.pk))
    assert done.status_code == 302
    user = User.objects.get(username="dangvien-moi")
    assert user.role == Role.MEMBER and user.person == mine
