"""``tuyengiao seed_synthetic --units N --members M``: a synthetic national tree for benchmarks."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from tuyengiao.orgs.synthetic import build_synthetic_tree

SQLITE_LIMIT = 200_000


class Command(BaseCommand):
    help = "Tạo cây tổ chức tổng hợp quy mô toàn quốc (để đo hiệu năng): mặc định 52.000 cơ sở, 5,5 triệu người."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--units", type=int, default=52_000, help="số tổ chức cơ sở đảng (mặc định 52.000)"
        )
        parser.add_argument(
            "--members", type=int, default=5_500_000, help="số người (mặc định 5.500.000)"
        )
        parser.add_argument("--provinces", type=int, default=63)
        parser.add_argument(
            "--districts", type=int, default=11, help="số đảng bộ khối/huyện mỗi tỉnh"
        )
        parser.add_argument("--cells", type=int, default=2, help="số chi bộ trực thuộc mỗi cơ sở")
        parser.add_argument("--prefix", default="SYN", help="tiền tố mã đơn vị (mặc định SYN)")

    def _progress(self, line: str) -> None:
        self.stdout.write("  " + line)
        self.stdout.flush()

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql" and options["members"] > SQLITE_LIMIT:
            raise CommandError(
                f"Trên SQLite chỉ tạo tối đa {SQLITE_LIMIT:,} người; dùng PostgreSQL (DATABASE_URL) cho quy mô toàn quốc, "
                "hoặc giảm --members."
            )
        if options["units"] < 1 or options["provinces"] < 1 or options["districts"] < 1:
            raise CommandError("--units, --provinces và --districts phải lớn hơn 0.")
        try:
            stats = build_synthetic_tree(
                provinces=options["provinces"],
                districts_per_province=options["districts"],
                base_units=options["units"],
                cells_per_base=options["cells"],
                members=options["members"],
                code_prefix=options["prefix"],
                progress=self._progress,
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Xong: {stats.units:,} đơn vị ({stats.base_units:,} cơ sở), {stats.members:,} người "
                f"trong {stats.seconds:.1f} s. Gốc: {stats.root.code} (id {stats.root.pk})."
            )
        )
