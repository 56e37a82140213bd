"""``tuyengiao backup PATH [--keep N]``: the database and every stored file in one archive."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from tuyengiao.ops.backup import BackupError, backup, prune


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu và mọi tệp đã lưu vào một tệp .tar. PATH là tên tệp, hoặc một "
        "thư mục (tệp tuyengiao-YYYYmmdd-HHMMSS.tar được tạo trong đó)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="tệp .tar hoặc thư mục chứa bản sao lưu")
        parser.add_argument(
            "--keep",
            type=int,
            default=0,
            help="khi PATH là thư mục: chỉ giữ N bản mới nhất (0: giữ tất cả)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        directory = path if path.is_dir() or options["path"].endswith("/") else None
        if directory is not None:
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
            path = directory / f"tuyengiao-{stamp}.tar"
        started = datetime.now()
        try:
            manifest = backup(path, progress=lambda m: self.stdout.write(m))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        seconds = (datetime.now() - started).total_seconds()
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã sao lưu vào {path}: {len(manifest.tables)} bảng, "
                f"{sum(manifest.tables.values()):,} dòng, {len(manifest.files) - 1} tệp "
                f"({path.stat().st_size / 1e6:.1f} MB, {seconds:.1f} s)."
            )
        )
        if directory is not None and options["keep"] > 0:
            for old in prune(directory, options["keep"]):
                self.stdout.write(f"Đã xóa bản sao lưu cũ {old.name}.")
