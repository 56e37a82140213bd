"""``tuyengiao import_units FILE [--valid-only]``: import the unit tree from .xlsx or .csv."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tuyengiao.core.spreadsheets import TableError
from tuyengiao.orgs.imports import UNIT_HEADERS, import_units


class Command(BaseCommand):
    help = "Nhập cây đơn vị từ tệp .xlsx/.csv (cột: " + ", ".join(UNIT_HEADERS) + ")."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--valid-only", action="store_true", help="chỉ nhập các dòng hợp lệ, bỏ qua dòng lỗi"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.exists():
            raise CommandError(f"Không tìm thấy tệp {path}")
        try:
            with path.open("rb") as handle:
                result = import_units(
                    handle, path.name, user=None, valid_only=options["valid_only"]
                )
        except TableError as exc:
            raise CommandError(str(exc)) from exc
        for error in result.errors:
            self.stderr.write(str(error))
        if not result.applied:
            raise CommandError(
                f"{len(result.errors)} dòng có lỗi — chưa nhập dòng nào. Sửa các dòng trên, hoặc dùng --valid-only."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nhập: thêm mới {result.created}, cập nhật {result.updated}, bỏ qua {result.skipped} dòng."
            )
        )
