"""events: the calendar of anniversaries and propaganda campaigns, units' own events, and the
deadlines the other apps know, in month, week and list views and a private .ics feed per user."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig

if TYPE_CHECKING:
    from tuyengiao.core.dashboard import Section


class EventsConfig(AppConfig):
    name = "tuyengiao.events"
    label = "events"
    verbose_name = "Lịch kỷ niệm và tuyên truyền"
    url_prefix: str | None = "lich/"
    nav_items: list[tuple[str, str, int]] = [
        ("Lịch tuyên truyền", "events:month", 45),
        ("Thông tin sinh hoạt chi bộ", "events:bulletin_list", 47),
    ]

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.Anniversary)
        auditlog.register(models.Campaign, m2m_fields={"documents"})
        auditlog.register(models.UnitEvent)
        auditlog.register(models.Bulletin)
        auditlog.register(models.BulletinItem)

    def dashboard_sections(self, user: Any, today: date) -> list[Section]:
        from .dashboard import sections

        return sections(user, today)
