"""``tuyengiao db_worker``: django-tasks-db's worker command, running our ``ResilientWorker``.

Same options as django-tasks-db's; this app is listed before django_tasks_db in INSTALLED_APPS
so that this command is the one ``db_worker`` names.
"""

from __future__ import annotations

from typing import Any

from django_tasks_db.management.commands import db_worker

from tuyengiao.ops.worker import ResilientWorker


class Command(db_worker.Command):
    help = (
        "Chạy máy chạy nền (tác vụ nhập, xuất, thư): tự kết nối lại khi cơ sở dữ liệu gián "
        "đoạn, giữ nhịp tim, chạy lại hoặc đánh dấu lỗi các việc bị bỏ dở."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        original = db_worker.Worker
        db_worker.Worker = ResilientWorker  # type: ignore[misc]
        try:
            super().handle(*args, **options)
        finally:
            db_worker.Worker = original  # type: ignore[misc]
