"""``{% load activities %}{% task_activities assignment %}``: a plan task's page shows the
activities recorded for it (plans only includes the tag; the rule stays here)."""

from __future__ import annotations

from typing import Any

from django import template

from tuyengiao.accounts.scoping import Action, can

from ..services.records import for_assignment

register = template.Library()


@register.inclusion_tag("activities/_task_activities.html", takes_context=True)
def task_activities(context: dict[str, Any], assignment: Any) -> dict[str, Any]:
    user = context["request"].user
    activities, reached = for_assignment(assignment, user)
    own_unit = getattr(user, "unit_id", None) == assignment.unit_id
    return {
        "activities": activities,
        "reached": reached,
        "assignment": assignment,
        "may_record": own_unit and can(user, Action.CHANGE, assignment.unit),
    }
