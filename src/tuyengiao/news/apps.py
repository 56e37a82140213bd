"""news: a unit's public news page (trang tin của đơn vị) — its own news items, drafted by
officers and published by the unit's administrator, and its issued bulletins; opt-in per unit,
with RSS/Atom feeds and Open Graph tags."""

from __future__ import annotations

from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "tuyengiao.news"
    label = "news"
    verbose_name = "Trang tin của đơn vị"
    url_prefix: str | None = "tin/"
    nav_items: list[tuple[str, str, int]] = [("Trang tin đơn vị", "news:item_list", 67)]

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.NewsPage)
        auditlog.register(models.NewsItem)
