"""``tuyengiao rebuild_survey_tallies [SURVEY_ID ...]``: recompute surveys' tallies from their
answer rows (every survey with responses when no id is given) — a repair, or surveys answered
before tallies existed (the results page also builds missing tallies by itself)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tuyengiao.surveys.models import Response
from tuyengiao.surveys.services.tallies import rebuild


class Command(BaseCommand):
    help = "Tính lại số đếm tổng hợp (tallies) của các cuộc khảo sát từ các câu trả lời đã ghi."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "survey_ids", nargs="*", type=int, help="mã khảo sát (mặc định: tất cả)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        ids = options["survey_ids"] or sorted(
            set(Response.objects.values_list("survey_id", flat=True).distinct())
        )
        for survey_id in ids:
            rows = rebuild(survey_id)
            self.stdout.write(f"Khảo sát {survey_id}: {rows} dòng số đếm.")
