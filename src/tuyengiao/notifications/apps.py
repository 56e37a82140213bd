"""notifications: notices to officers — in the app (a bell with the unread count), by e-mail at
once or in a daily digest — for plans sent down, task and report deadlines, returned and
accepted reports and tomorrow's study sessions."""

from __future__ import annotations

from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "tuyengiao.notifications"
    label = "notifications"
    verbose_name = "Thông báo"
    url_prefix: str | None = "thong-bao/"
    nav_items: list[tuple[str, str, int]] = []
    # Shown in the header of every signed-in page (core's base.html includes these).
    header_templates: list[str] = ["notifications/_bell_slot.html"]

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.Preference)
