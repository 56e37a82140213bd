"""Who may: the role questions every app asks, answered once.

``scoping`` decides *which rows* a user reaches; this module answers the questions apps asked
each with its own copy of a role list: is this user an officer of that unit, which users are the
officers to notify, and which unit a drill-down (``?don-vi=`` / ``?unit=``) may focus on.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import QuerySet
from django.http import Http404

from tuyengiao.orgs.models import Unit

from .models import ADMIN_ROLES, Role, User
from .scoping import Action, can, is_system_admin, visible_units

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

# Roles that carry out the work of a unit (draft, submit, grade); viewers only read.
OFFICER_ROLES: frozenset[str] = frozenset({Role.OFFICER, *ADMIN_ROLES})
# Roles that receive a unit's work mail (reminders, notices): its officers and its administrator.
NOTIFIED_ROLES: frozenset[str] = frozenset({Role.OFFICER, Role.UNIT_ADMIN})


def is_officer(user: User | AnonymousUser) -> bool:
    """Signed in with a role that does the work (not read-only)."""
    return bool(user.is_authenticated and getattr(user, "role", "") in OFFICER_ROLES)


def is_unit_officer(user: User | AnonymousUser, unit: Unit) -> bool:
    """An officer (or administrator) acting for ``unit`` itself, not merely above it."""
    return is_officer(user) and getattr(user, "unit_id", None) == unit.pk


def officers_to_notify(unit_ids: Iterable[int]) -> QuerySet[User]:
    """The active officers and unit administrators of these units that have an e-mail address."""
    return User.objects.filter(
        unit_id__in=list(unit_ids), is_active=True, role__in=sorted(NOTIFIED_ROLES)
    ).exclude(email="")


def drilldown_unit(user: User | AnonymousUser, within: Unit, requested: str | None) -> Unit:
    """The unit a roll-up or rate table focuses on, inside ``within``'s subtree.

    ``requested`` is the raw ``?don-vi=``/``?unit=`` value: a unit the user sees inside the
    subtree, else 404 with a message (an out-of-reach filter is never silently ignored).
    Without one: the user's own unit when it lies inside, else ``within`` itself when the user
    may see it, else the user's own unit.
    """
    if requested:
        unit = (
            visible_units(user).filter(pk=int(requested), path__startswith=within.path).first()
            if requested.isdigit()
            else None
        )
        if unit is None:
            raise Http404("Đơn vị được chọn không thuộc phạm vi bạn được xem.")
        return unit
    own: Unit | None = getattr(user, "unit", None)
    if own is not None and within.contains(own):
        return own
    if is_system_admin(user) or can(user, Action.VIEW, within):
        return within
    if own is None:
        raise Http404("Không tìm thấy đơn vị.")
    return own


def may_reset_second_factor(user: User | AnonymousUser) -> bool:
    """Deleting another user's second factor opens that account to its password alone until it
    enrols again: a system administrator's decision, not a unit administrator's."""
    return is_system_admin(user)


# --- members' own accounts -----------------------------------------------------------------------
# A member account (``Role.MEMBER``) reaches no unit's rows through ``scoping``; it opens only the
# pages the apps declare for members (``member_url_names`` on the AppConfig) and reads only the
# records of its own person (``own_records``). ``MemberAreaMiddleware`` refuses every other page.

# Pages every signed-in user may open whatever the role (sign-out, language, health).
_ALWAYS_OPEN = frozenset({"accounts:logout", "set_language", "core:healthz"})


def is_member(user: User | AnonymousUser) -> bool:
    """A party member's own account (not an officer, viewer or administrator)."""
    return bool(user.is_authenticated and getattr(user, "role", "") == Role.MEMBER)


def member_url_names() -> frozenset[str]:
    """Every URL name some app opens to members (``AppConfig.member_url_names``)."""
    from django.apps import apps

    names: set[str] = set(_ALWAYS_OPEN)
    for config in apps.get_app_configs():
        names |= set(getattr(config, "member_url_names", ()))
    return frozenset(names)


def member_may_open(user: User | AnonymousUser, url_name: str) -> bool:
    """May ``user`` open the page named ``url_name``? Everyone but members may (their role and
    ``scoping`` decide the rest); a member only the member pages."""
    return not is_member(user) or url_name in member_url_names()


def own_records[M: models.Model](
    model_or_qs: type[M] | QuerySet[M],
    user: User | AnonymousUser,
    person_path: str = "person",
    **same_row: Any,
) -> QuerySet[M]:
    """The rows of ``model_or_qs`` that belong to the signed-in user's own person (``User.person``),
    reached through ``person_path`` (``"person"``, ``"round__eligibilities__person"`` …); none for
    a user without a person. How a member's pages read: never by unit, only by themself.
    ``same_row`` lookups join the same related row as ``person_path`` (one ``filter()`` call)."""
    qs = model_or_qs._default_manager.all() if isinstance(model_or_qs, type) else model_or_qs
    person_id = getattr(user, "person_id", None) if user.is_authenticated else None
    if person_id is None:
        return qs.none()
    return qs.filter(**{person_path: person_id}, **same_row).distinct()
