"""``tuyengiao reports_resync_paths``: after moving units in the tree, refresh the roll-up table."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from tuyengiao.orgs import path_copies
from tuyengiao.reports.models import IndicatorValue


class Command(BaseCommand):
    help = "Cập nhật đường dẫn đơn vị trong bảng số liệu tổng hợp báo cáo sau khi di chuyển đơn vị trong cây."

    def handle(self, *args: Any, **options: Any) -> None:
        n = path_copies.refresh(IndicatorValue)
        self.stdout.write(self.style.SUCCESS(f"Đã cập nhật {n} dòng số liệu."))
