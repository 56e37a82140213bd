"""``tuyengiao notify_scan``: the daily notices (run by deploy/tuyengiao-notify.timer).

Records the due-date notices of the day (tasks due in 3 days or fallen overdue, reports due in 3
days, study sessions tomorrow), e-mails those who chose e-mail at once, then sends the daily
digests and removes notifications past their retention. Safe to run more than once a day: an
event already recorded for a person is never recorded or e-mailed again.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tuyengiao.notifications import notices, services


class Command(BaseCommand):
    help = "Ghi và gửi các thông báo theo hạn (nhiệm vụ, báo cáo, buổi học tập) và thư tổng hợp hằng ngày."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", dest="day", help="Ngày quét (yyyy-mm-dd), mặc định hôm nay.")
        parser.add_argument(
            "--no-digest",
            dest="no_digest",
            action="store_true",
            help="Không gửi thư tổng hợp lần này.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        day = date.fromisoformat(options["day"]) if options.get("day") else None
        sent = notices.scan_due(day)
        for kind, n in sent.items():
            self.stdout.write(f"{kind}: {n} thư")
        if not options.get("no_digest"):
            self.stdout.write(f"thư tổng hợp: {services.send_digests()}")
        self.stdout.write(f"đã xoá {services.purge_old()} thông báo quá hạn lưu giữ")
