"""``tuyengiao stale_drafts [--days N] [--delete]``: uploads left unreviewed, for cleanup."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db.models import QuerySet
from django.utils import timezone

from tuyengiao.documents.models import UploadDraft
from tuyengiao.documents.services import discard_draft

DEFAULT_DAYS = 14


def stale_drafts(days: int = DEFAULT_DAYS) -> QuerySet[UploadDraft]:
    """Drafts uploaded more than ``days`` ago and never confirmed nor discarded."""
    cutoff = timezone.now() - timedelta(days=days)
    return UploadDraft.objects.filter(created_at__lt=cutoff).select_related("unit", "uploaded_by")


class Command(BaseCommand):
    help = (
        "Liệt kê các tệp đã tải lên thư viện mà chưa ai xác nhận sau N ngày "
        "(mặc định 14); --delete xóa chúng cùng tệp gốc không còn dùng."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=DEFAULT_DAYS)
        parser.add_argument("--delete", action="store_true", help="xóa các bản nháp được liệt kê")

    def handle(self, *args: Any, **options: Any) -> None:
        drafts = list(stale_drafts(options["days"]))
        for draft in drafts:
            self.stdout.write(
                f"{draft.created_at:%d/%m/%Y}  {draft.unit}  {draft.filename}  "
                f"({draft.uploaded_by or 'không rõ người tải'})"
            )
            if options["delete"]:
                discard_draft(draft)
        verb = "Đã xóa" if options["delete"] else "Còn"
        self.stdout.write(f"{verb} {len(drafts)} bản nháp chờ xác nhận quá {options['days']} ngày.")
