"""reports: periodic reports from units, their deadlines, roll-ups over the tree, compiled reports."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig

if TYPE_CHECKING:
    from tuyengiao.core.dashboard import Section


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

    def dashboard_sections(self, user: Any, today: date) -> list[Section]:
        from .dashboard import sections

        return sections(user, today)
