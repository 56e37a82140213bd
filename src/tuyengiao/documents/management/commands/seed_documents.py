"""``tuyengiao seed_documents N``: N realistic synthetic documents (for load tests)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...seeding import seed


class Command(BaseCommand):
    help = "Tạo N văn bản giả lập (thử tải, đo hiệu năng)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("count", type=int)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            made = seed(options["count"], seed_value=options["seed"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Đã tạo {made} văn bản giả lập.")
