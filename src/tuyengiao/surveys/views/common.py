from __future__ import annotations

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, get_for_user

from ..models import Survey


def user_survey(
    request: AuthenticatedHttpRequest, survey_pk: int, action: Action = Action.VIEW
) -> Survey:
    return get_for_user(Survey.objects.select_related("unit"), request.user, action, pk=survey_pk)
