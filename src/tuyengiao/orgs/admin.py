"""Django admin (/quan-tri/, staff only) for the tree, people and roles: a fallback for system admins."""

from __future__ import annotations

from django.contrib import admin
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from .models import CommRole, Person, PersonTransfer, Unit


@admin.register(Unit)
class UnitAdmin(TreeAdmin):  # type: ignore[misc]
    form = movenodeform_factory(Unit, exclude=["name_folded"])
    list_display = ["name", "code", "short_name", "kind", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "code", "short_name"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin[Person]):
    list_display = ["full_name", "unit", "position", "is_party_member", "active"]
    list_filter = ["is_party_member", "active", "roles"]
    search_fields = ["full_name", "email"]
    raw_id_fields = ["unit"]
    filter_horizontal = ["roles"]


@admin.register(PersonTransfer)
class PersonTransferAdmin(admin.ModelAdmin[PersonTransfer]):
    list_display = ["person", "from_unit", "to_unit", "date"]
    raw_id_fields = ["person", "from_unit", "to_unit", "created_by"]


@admin.register(CommRole)
class CommRoleAdmin(admin.ModelAdmin[CommRole]):
    list_display = ["name", "code", "order"]
