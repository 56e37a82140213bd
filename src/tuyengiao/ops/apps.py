from __future__ import annotations

from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations: backup and restore, a worker that stays up, health and the status page."""

    name = "tuyengiao.ops"
    label = "ops"
    verbose_name = "Vận hành"
    url_prefix = "van-hanh/"
    nav_items = [("Vận hành", "ops:status", 90)]

    def nav_allowed(self, user: object, url_name: str) -> bool:
        from tuyengiao.accounts.scoping import is_system_admin

        return is_system_admin(user)  # type: ignore[arg-type]
