"""``tuyengiao reparse``: read stored originals again with the current vanban (corrections kept)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ...models import Document
from ...services import UploadError, reparse


class Command(BaseCommand):
    help = "Đọc lại tệp gốc của các văn bản bằng phiên bản vanban hiện tại; không ghi đè các trường đã sửa tay."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "ids", nargs="*", type=int, help="chỉ các văn bản này (mặc định: tất cả)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        qs = Document.objects.order_by("id")
        if options["ids"]:
            qs = qs.filter(pk__in=options["ids"])
        changed = failed = total = 0
        for doc in qs.iterator(chunk_size=200):
            total += 1
            try:
                changed += reparse(doc)
            except UploadError as exc:
                failed += 1
                self.stderr.write(f"#{doc.pk} {doc.filename}: {exc}")
        self.stdout.write(f"Đã đọc lại {total} văn bản: {changed} thay đổi, {failed} lỗi.")
