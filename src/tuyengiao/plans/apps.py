"""plans: plans and their tasks, the cascade of implementing plans down the tree, task tracking."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig


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

    def dashboard_cards(self, user: Any) -> list[dict[str, Any]]:
        from django.urls import reverse
        from django.utils import timezone

        from tuyengiao.accounts.scoping import scoped

        from .models import CascadeRecipient

        unit = getattr(user, "unit", None)
        if unit is None:
            return []
        pending = scoped(CascadeRecipient, user).filter(unit=unit, implementing_plan__isnull=True)
        overdue = pending.filter(dispatch__due_date__lt=timezone.localdate()).count()
        return [
            {
                "label": "Kế hoạch cần triển khai",
                "value": pending.count(),
                "url": reverse("plans:inbox"),
            },
            {
                "label": "Kế hoạch quá hạn triển khai",
                "value": overdue,
                "url": reverse("plans:inbox"),
            },
        ]
