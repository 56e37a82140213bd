"""``tuyengiao import_documents DIR [--unit CODE]``: import every document file under DIR."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tuyengiao.orgs.models import Unit

from ...services import import_directory


class Command(BaseCommand):
    help = "Nhập mọi văn bản trong thư mục vào thư viện (bỏ qua tệp trùng; chạy lại không nhập hai lần)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory")
        parser.add_argument("--unit", help="mã đơn vị lưu văn bản (mặc định: đơn vị gốc đầu tiên)")
        parser.add_argument("--no-progress", action="store_true", help="không vẽ thanh tiến độ")

    def handle(self, *args: Any, **options: Any) -> None:
        directory = Path(options["directory"])
        if not directory.is_dir():
            raise CommandError(f"Không có thư mục {directory}")
        if options["unit"]:
            unit = Unit.objects.filter(code=options["unit"]).first()
            if unit is None:
                raise CommandError(f"Không có đơn vị mã “{options['unit']}”.")
        else:
            unit = Unit.objects.filter(depth=1).order_by("path").first()
            if unit is None:
                raise CommandError(
                    "Chưa có đơn vị nào; tạo cây tổ chức trước (hoặc chạy `tuyengiao demo`)."
                )
        show = not options["no_progress"]

        def progress(done: int, total: int, name: str) -> None:
            if not show:
                return
            width = 30
            filled = int(width * done / total) if total else width
            sys.stderr.write(
                f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:<40}"
            )
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()

        summary = import_directory(unit, None, directory, progress=progress)
        self.stdout.write(
            f"Đã nhập: {len(summary.imported)} · trùng, bỏ qua: {len(summary.duplicates)} · lỗi: {len(summary.failures)} "
            f"(đơn vị {unit.name})"
        )
        for name, why in summary.failures:
            self.stdout.write(f"  LỖI {name}: {why}")
