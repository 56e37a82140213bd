"""Users. A user acts for exactly one unit, with one role; what a role may do is in ``scoping``."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models

from tuyengiao.core.scoping_spec import Scoping


class Role(models.TextChoices):
    SYSTEM_ADMIN = "system_admin", "Quản trị hệ thống"
    UNIT_ADMIN = "unit_admin", "Quản trị đơn vị"
    OFFICER = "officer", "Cán bộ chuyên trách"
    VIEWER = "viewer", "Chỉ xem"
    # A party member's own account (User.person): their study sessions, check-in, tests, essays,
    # their personal data and requests — never the officers' pages (accounts.permissions).
    MEMBER = "member", "Đảng viên (tài khoản cá nhân)"


ADMIN_ROLES = {Role.SYSTEM_ADMIN, Role.UNIT_ADMIN}


class User(AbstractUser):
    scoping = Scoping(unit_field="unit")

    unit = models.ForeignKey(
        "orgs.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name="đơn vị",
    )
    role = models.CharField("vai trò", max_length=20, choices=Role.choices, default=Role.VIEWER)
    person = models.OneToOneField(
        "orgs.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="user",
        verbose_name="hồ sơ nhân sự",
    )

    class Meta:
        verbose_name = "tài khoản"
        verbose_name_plural = "tài khoản"

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_system_admin(self) -> bool:
        return self.role == Role.SYSTEM_ADMIN or self.is_superuser

    @property
    def must_use_two_factor(self) -> bool:
        return self.role in ADMIN_ROLES or self.is_superuser

    def get_additional_data(self) -> dict[str, Any]:
        return {"unit_path": self.unit.path if self.unit_id and self.unit else ""}
