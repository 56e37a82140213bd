"""The notice of an opened survey, for the officers of the units whose members are asked.

It names the survey and its closing date, never who has answered: officers may remind their
unit as a whole, and the response rate page shows only counts per unit.
"""

from __future__ import annotations

from django.urls import reverse

from tuyengiao.notifications.services import Notice

from ..models import Participation, Survey


def opened_notices(survey_pk: int) -> list[Notice]:
    survey = Survey.objects.select_related("unit").get(pk=survey_pk)
    units = Participation.objects.filter(survey=survey).values_list("unit_id", flat=True)
    title = (
        f"Khảo sát “{survey.title}” của {survey.unit.name} đã mở cho đảng viên của đơn vị, "
        f"hạn trả lời {survey.closes_on:%d/%m/%Y}"
    )
    url = reverse("surveys:my_surveys")
    return [
        Notice(unit_id=unit_id, event_key=f"survey-{survey.pk}", title=title, url=url)
        for unit_id in sorted(set(units))
    ]
