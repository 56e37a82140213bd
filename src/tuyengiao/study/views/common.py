"""Lookups every study view shares: the round or session the user may reach, the drill-down unit."""

from __future__ import annotations

from django.db.models import F, QuerySet

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.permissions import drilldown_unit, own_records
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


def taker_round(request: AuthenticatedHttpRequest, round_pk: int) -> StudyRound:
    """The round a member takes part in (their own person is on its list), else the round the
    user reaches through its unit: members take tests and submit essays here."""
    own = (
        own_records(StudyRound, request.user, "eligibilities__person")
        .select_related("unit")
        .filter(pk=round_pk)
        .first()
    )
    return own if own is not None else user_round(request, round_pk)


def own_sessions(request: AuthenticatedHttpRequest) -> QuerySet[StudySession]:
    """Sessions held for the member: of a round they are listed in, by their list entry's unit or
    a unit above it (the sessions whose members include them)."""
    return own_records(
        StudySession,
        request.user,
        "round__eligibilities__person",
        round__eligibilities__unit__path__startswith=F("unit__path"),
    )


def checkin_session(request: AuthenticatedHttpRequest, session_pk: int) -> StudySession:
    """The session a member may check in to: one of a round the member is listed in, held by a
    unit above the member's list entry; else the session the user reaches through its unit."""
    own = (
        own_sessions(request)
        .select_related("round", "round__unit", "unit", "presenter")
        .filter(pk=session_pk)
        .first()
    )
    return own if own is not None else user_session(request, session_pk)
