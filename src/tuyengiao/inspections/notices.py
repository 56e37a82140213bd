"""The notice of a planned inspection or supervision, for the officers of each inspected unit:
what, by whom, when and over which period, so that the unit prepares its records."""

from __future__ import annotations

from django.urls import reverse

from tuyengiao.notifications.services import Notice

from .models import Inspection


def planned_notices(inspection_pk: int) -> list[Notice]:
    inspection = Inspection.objects.select_related("unit").get(pk=inspection_pk)
    title = (
        f"{inspection.get_kind_display()}: {inspection.title} — {inspection.unit.name}, "
        f"ngày {inspection.planned_on:%d/%m/%Y}, kỳ {inspection.period_start:%d/%m/%Y}"
        f"–{inspection.period_end:%d/%m/%Y}"
    )
    url = reverse("inspections:my_inspections")
    units = inspection.visits.values_list("unit_id", flat=True)
    return [
        Notice(unit_id=unit_id, event_key=f"inspection-{inspection.pk}", title=title, url=url)
        for unit_id in sorted(set(units))
    ]
