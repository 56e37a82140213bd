"""``tuyengiao purge_personal_data``: remove the personal data past its declared retention (the
apps' ``personal_data.py``) and print what was removed. Run nightly by
deploy/tuyengiao-purge.timer."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from tuyengiao.privacy.erasure import purge_expired


class Command(BaseCommand):
    help = "Xóa dữ liệu cá nhân đã hết thời hạn lưu (theo khai báo của từng ứng dụng)."

    def handle(self, *args: Any, **options: Any) -> None:
        report = purge_expired()
        if not report.lines:
            self.stdout.write("Không có dữ liệu nào hết hạn lưu.")
            return
        for line in report.lines:
            self.stdout.write(f"{line.title} ({line.model}): {line.action} {line.count}")
        self.stdout.write(f"Tệp đã xóa: {report.files}")
