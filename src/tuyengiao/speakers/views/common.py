"""Lookups the speakers views share."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, require
from tuyengiao.orgs.models import Unit


def own_unit(request: AuthenticatedHttpRequest, action: Action = Action.CHANGE) -> Unit:
    """The user's unit, on which they act (a roster, a course, a briefing are kept by it)."""
    unit = request.user.unit
    if unit is None:
        raise PermissionDenied("Tài khoản chưa gắn với đơn vị.")
    require(request.user, action, unit)
    return unit
