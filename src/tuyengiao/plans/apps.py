"""plans: plans and their tasks, the cascade of implementing plans down the tree, task tracking."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig

if TYPE_CHECKING:
    from tuyengiao.core.dashboard import Section


class PlansConfig(AppConfig):
    name = "tuyengiao.plans"
    label = "plans"
    verbose_name = "Kế hoạch"
    url_prefix: str | None = "ke-hoach/"
    nav_items: list[tuple[str, str, int]] = [
        ("Kế hoạch", "plans:plan_list", 40),
        ("Cần triển khai", "plans:inbox", 41),
        ("Nhiệm vụ của đơn vị", "plans:my_tasks", 42),
    ]

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models, signals

        signals.connect()

        from tuyengiao.orgs import handover as orgs_handover

        from . import handover

        orgs_handover.register("plans", handover.TITLE, handover.pending, handover.transfer)

        auditlog.register(models.Plan)
        auditlog.register(models.Task)
        auditlog.register(models.TaskAssignment)
        auditlog.register(models.CascadeDispatch)

    def dashboard_sections(self, user: Any, today: date) -> list[Section]:
        from .dashboard import sections

        return sections(user, today)
