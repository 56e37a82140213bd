"""The one way views reach data: every query and every permission check goes through here.

A user acts for one unit. It sees that unit's subtree, and from the units above it only what
they publish downward. What it may do there depends on its role:

    view    every role
    change  officer, unit admin, system admin
    manage  unit admin (users, unit structure, audit log of the subtree), system admin

Each scoped model declares how it hangs off the tree with a class attribute::

    class Document(models.Model):
        scoping = Scoping(unit_field="unit", published_field="published_down")

and views ask ``scoped(Document, request.user)`` for a queryset, ``get_for_user(...)`` for one
object (404 when out of scope), and ``require(user, "change", obj)`` before writing.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404

from tuyengiao.core.scoping_spec import Scoping
from tuyengiao.orgs.models import Unit

from .models import Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from .models import User

__all__ = [
    "Action",
    "Scoping",
    "can",
    "get_for_user",
    "require",
    "scope_queryset",
    "scoped",
    "view_keys",
    "visible_units",
]


class Action(StrEnum):
    VIEW = "view"
    CHANGE = "change"
    MANAGE = "manage"


ROLE_ACTIONS: dict[str, set[Action]] = {
    Role.SYSTEM_ADMIN: {Action.VIEW, Action.CHANGE, Action.MANAGE},
    Role.UNIT_ADMIN: {Action.VIEW, Action.CHANGE, Action.MANAGE},
    Role.OFFICER: {Action.VIEW, Action.CHANGE},
    Role.VIEWER: {Action.VIEW},
    # A member's account reaches no unit's rows: only its own person's records, through
    # ``permissions.own_records`` and the member pages (``permissions.member_may_open``).
    Role.MEMBER: set(),
}


def _user_unit(user: User | AnonymousUser) -> Unit | None:
    return getattr(user, "unit", None)


def is_system_admin(user: User | AnonymousUser) -> bool:
    return bool(user.is_authenticated and getattr(user, "is_system_admin", False))


def allowed_actions(user: User | AnonymousUser) -> set[Action]:
    if not user.is_authenticated or not user.is_active:
        return set()
    if is_system_admin(user):
        return ROLE_ACTIONS[Role.SYSTEM_ADMIN]
    if _user_unit(user) is None:
        return set()
    return ROLE_ACTIONS.get(getattr(user, "role", ""), set())


def model_scoping(model: type[models.Model]) -> Scoping:
    scoping = getattr(model, "scoping", None)
    if model is Unit:
        return Scoping(unit_field="")
    if not isinstance(scoping, Scoping):
        raise TypeError(
            f"{model.__name__} declares no `scoping = Scoping(...)`; it cannot be scoped."
        )
    return scoping


def visible_units(user: User | AnonymousUser) -> QuerySet[Unit]:
    """The units the user can see and act on: its unit's subtree (all units for a system admin)."""
    if is_system_admin(user):
        return Unit.objects.all()
    unit = _user_unit(user)
    if not allowed_actions(user) or unit is None:
        return Unit.objects.none()
    return Unit.objects.filter(path__startswith=unit.path)


def scope_queryset[M: models.Model](
    qs: QuerySet[M], user: User | AnonymousUser, action: Action | str = Action.VIEW
) -> QuerySet[M]:
    """Filter ``qs`` down to what ``user`` may do ``action`` on."""
    action = Action(action)
    if action not in allowed_actions(user):
        return qs.none()
    if is_system_admin(user):
        return qs
    unit = _user_unit(user)
    assert unit is not None  # allowed_actions() is empty without a unit
    scoping = model_scoping(qs.model)
    lookup = scoping.path_lookup()
    condition = Q(**{f"{lookup}__startswith": unit.path})
    if action == Action.VIEW:
        if scoping.published_field:
            ancestors = unit.ancestor_paths()
            if ancestors:
                condition |= Q(**{f"{lookup}__in": ancestors, scoping.published_field: True})
        if scoping.extra_visible is not None:
            condition |= scoping.extra_visible()
    return qs.filter(condition)


def view_keys(model: type[models.Model], user: User | AnonymousUser) -> QuerySet[Any] | None:
    """The primary keys of ``model`` that ``user`` may view, as a subquery made to be
    materialised: a UNION ALL of branches each served by an index of the model's own table —
    owned by a unit of the user's subtree; owned by an ancestor and published down;
    ``extra_visible`` (the owning units are found by subqueries on the unit tree). ``None`` when
    the user sees everything.

    Same rows as :func:`scoped` (a key found by two branches is harmless under ``IN``), but a
    different plan: the OR across the join to the unit's path that ``scoped`` writes lets a single
    object or the first page of a wide scope be read from the primary key or the date index, yet
    no index can serve it when the whole set of a narrow scope is needed (every row of the table
    is read and joined). Use it to materialise a scope (full-text search), always together with
    the ``scoped`` queryset: ``scoped(M, user).filter(pk__in=view_keys(M, user))``.
    """
    if is_system_admin(user):
        return None
    if Action.VIEW not in allowed_actions(user):
        return model._base_manager.none().values("pk")
    unit = _user_unit(user)
    assert unit is not None
    scoping = model_scoping(model)
    base = model._base_manager.order_by()
    owner = f"{scoping.unit_field}__in" if scoping.unit_field else "pk__in"
    subtree = Unit.objects.filter(path__startswith=unit.path).order_by().values("pk")
    branches = [base.filter(**{owner: subtree}).values("pk")]
    ancestors = unit.ancestor_paths()
    if scoping.published_field and ancestors:
        above = Unit.objects.filter(path__in=ancestors).order_by().values("pk")
        branches.append(base.filter(**{owner: above, scoping.published_field: True}).values("pk"))
    if scoping.extra_visible is not None:
        branches.append(base.filter(scoping.extra_visible()).values("pk"))
    if len(branches) == 1:
        return branches[0]
    return branches[0].union(*branches[1:], all=True).order_by()  # no Meta.ordering


def scoped[M: models.Model](
    model_or_qs: type[M] | QuerySet[M],
    user: User | AnonymousUser,
    action: Action | str = Action.VIEW,
) -> QuerySet[M]:
    """``scoped(Document, request.user)``: the only way a view should list data."""
    qs = model_or_qs._default_manager.all() if isinstance(model_or_qs, type) else model_or_qs
    return scope_queryset(qs, user, action)


def get_for_user[M: models.Model](
    model_or_qs: type[M] | QuerySet[M],
    user: User | AnonymousUser,
    action: Action | str = Action.VIEW,
    **lookup: Any,
) -> M:
    """One object the user may act on, else 404 (out of scope looks the same as missing)."""
    try:
        return scoped(model_or_qs, user, action).get(**lookup)
    except (models.ObjectDoesNotExist, ValueError) as exc:
        raise Http404("Không tìm thấy hoặc bạn không có quyền truy cập.") from exc


def unit_of(obj: models.Model) -> Unit:
    if isinstance(obj, Unit):
        return obj
    scoping = model_scoping(type(obj))
    target: Any = obj
    for part in scoping.unit_field.split("__"):
        target = getattr(target, part)
    if not isinstance(target, Unit):
        raise TypeError(f"{type(obj).__name__}.{scoping.unit_field} is not a Unit")
    return target


def can(user: User | AnonymousUser, action: Action | str, target: models.Model) -> bool:
    """May ``user`` do ``action`` on ``target`` (a Unit or a scoped object)? No query for units."""
    action = Action(action)
    if action not in allowed_actions(user):
        return False
    if is_system_admin(user):
        return True
    unit = _user_unit(user)
    assert unit is not None
    owner = unit_of(target)
    if owner.path.startswith(unit.path):
        return True
    if action == Action.VIEW and not isinstance(target, Unit):
        scoping = model_scoping(type(target))
        if (
            scoping.published_field
            and getattr(target, scoping.published_field)
            and unit.path.startswith(owner.path)
        ):
            return True
        if scoping.extra_visible is not None:
            return (
                type(target)._default_manager.filter(scoping.extra_visible(), pk=target.pk).exists()
            )
    return False


def require(user: User | AnonymousUser, action: Action | str, target: models.Model) -> None:
    """Raise 403 unless ``user`` may do ``action`` on ``target``."""
    if not can(user, action, target):
        raise PermissionDenied("Bạn không có quyền thực hiện thao tác này với đơn vị này.")
