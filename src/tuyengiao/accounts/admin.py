"""Django admin (/quan-tri/, staff only) for users; day-to-day account work is in /tai-khoan/."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "get_full_name", "unit", "role", "is_active", "is_staff"]
    list_filter = ["role", "is_active", "is_staff"]
    raw_id_fields = ["unit", "person"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        ("Đơn vị và vai trò", {"fields": ("unit", "role", "person")}),
    )  # type: ignore[misc]
