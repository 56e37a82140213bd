"""Lookups every study view shares: the round or session the user may reach, the drill-down unit."""

from __future__ import annotations

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.permissions import drilldown_unit
from tuyengiao.accounts.scoping import Action, get_for_user
from tuyengiao.orgs.models import Unit

from ..models import StudyRound, StudySession


def user_round(
    request: AuthenticatedHttpRequest, round_pk: int, action: Action = Action.VIEW
) -> StudyRound:
    return get_for_user(
        StudyRound.objects.select_related("unit"), request.user, action, pk=round_pk
    )


def user_session(
    request: AuthenticatedHttpRequest, session_pk: int, action: Action = Action.VIEW
) -> StudySession:
    return get_for_user(
        StudySession.objects.select_related("round", "round__unit", "unit", "presenter"),
        request.user,
        action,
        pk=session_pk,
    )


def focus_unit(request: AuthenticatedHttpRequest, study_round: StudyRound) -> Unit:
    """The unit whose children the rate table shows: ?don-vi=<pk> within the round and the user's reach."""
    return drilldown_unit(request.user, study_round.unit, request.GET.get("don-vi"))
