"""``manage.py rebuild_activity_tallies``: recompute the register's monthly counters from the
activities (after a bulk load or a restore; the writes of the register keep them otherwise)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from tuyengiao.activities.services.tallies import rebuild


class Command(BaseCommand):
    help = "Tính lại bộ đếm hoạt động theo tháng của từng đơn vị từ sổ hoạt động."

    def handle(self, *args: Any, **options: Any) -> None:
        rows = rebuild()
        self.stdout.write(f"Đã tính lại bộ đếm: {rows} dòng theo đơn vị, tháng, loại, chủ đề.")
