"""reports: periodic reports from units, their deadlines, roll-ups over the tree, compiled reports."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "tuyengiao.reports"
    label = "reports"
    verbose_name = "Báo cáo"
    url_prefix: str | None = "bao-cao/"
    nav_items: list[tuple[str, str, int]] = [
        ("Báo cáo cần nộp", "reports:inbox", 50),
        ("Tình hình nộp báo cáo", "reports:matrix", 51),
        ("Loại báo cáo", "reports:type_list", 52),
    ]

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from tuyengiao.orgs import path_copies

        from . import models

        path_copies.register(models.IndicatorValue, "submission__unit__path")

        from tuyengiao.orgs import handover as orgs_handover

        from .services import handover

        orgs_handover.register("reports", handover.TITLE, handover.pending, handover.transfer)
        # the recipient tally is the database's, not an edit (and reading it is a query)
        auditlog.register(models.ReportType, exclude_fields=["recipient_tally"])
        auditlog.register(
            models.Submission,
            # autosaves change these every few seconds; the kept versions record the content
            exclude_fields=["data", "updated_at", "version", "last_token", "updated_by"],
        )

    def dashboard_cards(self, user: Any) -> list[dict[str, Any]]:
        from django.urls import reverse
        from django.utils import timezone

        from tuyengiao.accounts.scoping import scoped

        from .models import Status, Submission

        unit = getattr(user, "unit", None)
        if unit is None:
            return []
        open_ = scoped(Submission, user).filter(
            unit=unit, period__report_type__sent=True, status__in=[Status.DRAFT, Status.RETURNED]
        )
        return [
            {"label": "Báo cáo cần nộp", "value": open_.count(), "url": reverse("reports:inbox")},
            {
                "label": "Báo cáo quá hạn",
                "value": open_.filter(period__due_date__lt=timezone.localdate()).count(),
                "url": reverse("reports:inbox"),
            },
        ]
