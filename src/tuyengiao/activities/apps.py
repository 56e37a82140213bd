"""activities: the register of communication activities of units (hội nghị, nói chuyện chuyên
đề, triển lãm, panô, tin bài, phát thanh …), their lists, roll-ups over the tree and the figures
report indicators and plan tasks read from it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig

if TYPE_CHECKING:
    from tuyengiao.core.dashboard import Section


class ActivitiesConfig(AppConfig):
    name = "tuyengiao.activities"
    label = "activities"
    verbose_name = "Hoạt động tuyên truyền"
    url_prefix: str | None = "hoat-dong/"
    nav_items: list[tuple[str, str, int]] = [
        ("Hoạt động tuyên truyền", "activities:activity_list", 65),
    ]

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from tuyengiao.orgs import path_copies
        from tuyengiao.orgs.signals import unit_paths_changed

        from . import models
        from .services import tallies

        path_copies.register(models.Activity, "unit__path")
        path_copies.register(models.ActivityKindTally, "unit__path")
        path_copies.register(models.ActivityTally, "unit__path")
        path_copies.register(models.ActivityPlaceTally, "unit__path")
        unit_paths_changed.connect(tallies.on_unit_paths_changed, dispatch_uid="activities.tallies")
        auditlog.register(models.Activity, m2m_fields={"people"})
        auditlog.register(models.Evidence)
        auditlog.register(models.ActivityKind)

    def dashboard_sections(self, user: Any, today: date) -> list[Section]:
        from .dashboard import sections

        return sections(user, today)
