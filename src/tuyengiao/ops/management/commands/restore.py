"""``tuyengiao restore PATH [--force]``: back to the state a ``tuyengiao backup`` archive holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tuyengiao.ops.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu vào cơ sở dữ liệu (DATABASE_URL) và thư mục tệp đang cấu "
        "hình. Đích phải trống, trừ khi dùng --force (xóa dữ liệu hiện có). Mọi tệp được đối "
        "chiếu mã băm trước; sau khi khôi phục, số dòng từng bảng và mã băm từng tệp được kiểm tra."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="tệp .tar do `tuyengiao backup` tạo")
        parser.add_argument(
            "--force",
            action="store_true",
            help="xóa dữ liệu và tệp hiện có của đích trước khi khôi phục",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"Không có tệp {path}.")
        try:
            report = restore(path, force=options["force"], progress=lambda m: self.stdout.write(m))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã khôi phục và đối chiếu: {report.tables} bảng, {report.rows:,} dòng, "
                f"{report.files} tệp khớp bản sao lưu."
            )
        )
