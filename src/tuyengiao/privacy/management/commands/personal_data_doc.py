"""``tuyengiao personal_data_doc``: print the registry's table for docs/du-lieu-ca-nhan.md
(paste it between the markers; a test keeps the page equal to the registry)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from tuyengiao.privacy.doc_table import render_table


class Command(BaseCommand):
    help = "In bảng khai báo dữ liệu cá nhân cho docs/du-lieu-ca-nhan.md."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(render_table())
