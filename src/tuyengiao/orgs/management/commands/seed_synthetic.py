"""``tuyengiao seed_synthetic --units N --members M``: a synthetic national tree for benchmarks."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from tuyengiao.orgs.synthetic import (
    COMMITTEES_PER_PROVINCE,
    COMMUNES,
    PROVINCES,
    build_synthetic_tree,
)

SQLITE_LIMIT = 200_000


class Command(BaseCommand):
    help = (
        "Tạo cây tổ chức tổng hợp quy mô toàn quốc (để đo hiệu năng), theo mô hình hai cấp: mặc định "
        "34 tỉnh, 3.321 đảng bộ xã/phường trực thuộc tỉnh, 2 đảng ủy cơ quan mỗi tỉnh với 52.000 cơ sở, "
        "5,5 triệu người."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--units", type=int, default=52_000, help="số tổ chức cơ sở đảng (mặc định 52.000)"
        )
        parser.add_argument(
            "--members", type=int, default=5_500_000, help="số người (mặc định 5.500.000)"
        )
        parser.add_argument("--provinces", type=int, default=PROVINCES)
        parser.add_argument(
            "--communes",
            type=int,
            default=COMMUNES,
            help="số đảng bộ xã, phường, đặc khu trực thuộc tỉnh (mặc định 3.321)",
        )
        parser.add_argument(
            "--committees",
            "--districts",
            dest="committees",
            type=int,
            default=COMMITTEES_PER_PROVINCE,
            help="số đảng ủy cơ quan mỗi tỉnh, nơi các tổ chức cơ sở trực thuộc (mặc định 2)",
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
        if options["units"] < 1 or options["provinces"] < 1 or options["committees"] < 1:
            raise CommandError("--units, --provinces và --committees phải lớn hơn 0.")
        if options["communes"] < 0:
            raise CommandError("--communes không được âm.")
        try:
            stats = build_synthetic_tree(
                provinces=options["provinces"],
                communes=options["communes"],
                committees_per_province=options["committees"],
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
