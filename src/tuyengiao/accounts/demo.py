"""Demo accounts: admin (system admin), khoi (admin of the bloc), coso1 and coso2 (officers of two
sibling base organisations), plus a viewer and an officer of a state department.

Admins must use two-factor authentication: each gets backup codes (a static device), which
``tuyengiao demo`` prints so that a visitor can log in; an authenticator app can be added from the
security page once signed in.
"""

from __future__ import annotations

from tuyengiao.core.demo_context import DemoContext

from .models import Role, User
from .two_factor import issue_backup_codes

BACKUP_CODES = 5


def _user(username: str, password: str, first: str, last: str, **fields: object) -> User:
    user = User(
        username=username,
        first_name=first,
        last_name=last,
        email=f"{username}@binhan.example.vn",
        **fields,
    )
    user.set_password(password)
    user.save()
    return user


def load(ctx: DemoContext) -> None:
    bloc = ctx.objects["bloc"]
    base_units = ctx.objects["base_units"]
    departments = ctx.objects.get("departments") or []
    users = {
        "admin": _user(
            "admin",
            ctx.password,
            "Hệ thống",
            "Quản trị",
            role=Role.SYSTEM_ADMIN,
            is_staff=True,
            is_superuser=True,
        ),
        "khoi": _user("khoi", ctx.password, "Khối", "Quản trị", unit=bloc, role=Role.UNIT_ADMIN),
        "coso1": _user(
            "coso1", ctx.password, "Thị Hạnh", "Trần", unit=base_units[0], role=Role.OFFICER
        ),
        "coso2": _user(
            "coso2", ctx.password, "Văn Sơn", "Lê", unit=base_units[1], role=Role.OFFICER
        ),
        "xem1": _user(
            "xem1", ctx.password, "Minh Thu", "Phạm", unit=base_units[0], role=Role.VIEWER
        ),
    }
    if departments:
        users["so1"] = _user(
            "so1", ctx.password, "Quang Huy", "Võ", unit=departments[0], role=Role.OFFICER
        )
    for username in ("admin", "khoi"):
        issue_backup_codes(users[username], count=BACKUP_CODES)
    ctx.objects["users"] = users
    ctx.log(f"{len(users)} tài khoản: " + ", ".join(users))
