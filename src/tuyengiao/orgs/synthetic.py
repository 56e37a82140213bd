"""A synthetic organisation tree of any size, for benchmarks and query-count tests.

Rows are written in bulk with their treebeard paths computed here (no per-node ``add_child``):
on PostgreSQL with ``COPY … FROM STDIN`` (psycopg's ``cursor.copy``), elsewhere with batched
``INSERT``s. Shape, as of today (two-level local government since 1/7/2025): one root → 34
provinces → 3,321 commune party committees directly under them, and two party committees of
agencies per province → base organisations → cells; members are spread over the leaves. Every
size is a parameter (``build_synthetic_tree``, ``tuyengiao seed_synthetic``). Codes are zero-padded so that sibling order by code equals path order
(``Unit.node_order_by``), and later ``add_child`` calls keep working on the generated tree.
"""

from __future__ import annotations

import datetime as dt
import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from tuyengiao.core.text import fold

from .models import Person, Unit, UnitKind

SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
]
MIDDLE = ["Văn", "Thị", "Hữu", "Ngọc", "Minh", "Thanh", "Đức", "Thu", "Quang", "Kim"]
GIVEN = [
    "An",
    "Bình",
    "Chi",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hùng",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Ngân",
    "Phong",
    "Quân",
    "Sơn",
    "Thảo",
    "Trang",
    "Tuấn",
    "Vân",
    "Việt",
    "Yến",
]
POSITIONS = [
    "",
    "Chuyên viên",
    "Bí thư chi bộ",
    "Phó Bí thư chi bộ",
    "Chi ủy viên",
    "Trưởng phòng",
    "Giảng viên",
]

UNIT_COLUMNS = [
    "id",
    "path",
    "depth",
    "numchild",
    "kind",
    "code",
    "name",
    "name_folded",
    "short_name",
    "parent_body_name",
    "publishes_to_all",
    "active",
    "created_at",
    "updated_at",
]
PERSON_COLUMNS = [
    "id",
    "unit_id",
    "full_name",
    "name_folded",
    "position",
    "is_party_member",
    "birth_year",
    "party_admission_date",
    "email",
    "phone",
    "active",
    "created_at",
    "updated_at",
]
BATCH = 5_000


@dataclass
class SyntheticStats:
    root: Unit
    units: int
    base_units: int
    members: int
    seconds: float


def child_path(parent_path: str, position: int) -> str:
    """The path of the ``position``-th child (1-based) of ``parent_path``."""
    key: str = Unit._int2str(position)
    pad: str = Unit.alphabet[0]
    return parent_path + pad * (Unit.steplen - len(key)) + key


def _split(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


class _Writer:
    """COPY on PostgreSQL, batched INSERT elsewhere; values adapted for the backend."""

    def __init__(self, progress: Callable[[str], None] | None) -> None:
        self.postgres = connection.vendor == "postgresql"
        self.progress = progress
        self.ops = connection.ops

    def _adapt(self, value: Any) -> Any:
        if self.postgres:
            return value
        if isinstance(value, dt.datetime):
            return self.ops.adapt_datetimefield_value(value)
        if isinstance(value, dt.date):
            return self.ops.adapt_datefield_value(value)
        return value

    def write(
        self,
        table: str,
        columns: Sequence[str],
        rows: Iterable[Sequence[Any]],
        label: str,
        total: int,
    ) -> int:
        count = 0
        started = time.monotonic()
        quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
        with connection.cursor() as cursor:
            if self.postgres:
                raw = cursor.cursor  # the psycopg cursor under Django's wrapper
                with raw.copy(
                    f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN"
                ) as copy:
                    for row in rows:
                        copy.write_row(row)
                        count += 1
                        if count % 200_000 == 0:
                            self._report(label, count, total, started)
            else:
                sql = f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES ({', '.join(['%s'] * len(columns))})"
                for batch in _batches(rows, BATCH):
                    cursor.executemany(sql, [[self._adapt(v) for v in row] for row in batch])
                    count += len(batch)
                    if count % 100_000 < BATCH:
                        self._report(label, count, total, started)
        self._report(label, count, total, started)
        return count

    def _report(self, label: str, count: int, total: int, started: float) -> None:
        if self.progress is not None:
            elapsed = time.monotonic() - started
            self.progress(f"{label}: {count:,}/{total:,} ({elapsed:.0f} s)")

    def reset_sequence(self, model: type[Any]) -> None:
        if self.postgres:
            table = model._meta.db_table
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence(%s, 'id'), (SELECT COALESCE(MAX(id), 1) FROM {table}))",
                    [table],
                )


def _batches(rows: Iterable[Sequence[Any]], size: int) -> Iterator[list[Sequence[Any]]]:
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


# The national shape as of today: 34 provinces and cities (Nghị quyết 202/2025/QH15), 3,321
# commune-level units (xã, phường, đặc khu) directly under them, no district level (Hướng dẫn
# 31-HD/BTCTW: commune party committees directly under the provincial committee).
PROVINCES = 34
COMMUNES = 3_321
COMMITTEES_PER_PROVINCE = 2  # Đảng ủy các cơ quan Đảng, Đảng ủy Ủy ban nhân dân
BASE_UNITS = 52_000


def build_synthetic_tree(
    *,
    provinces: int = PROVINCES,
    communes: int = COMMUNES,
    committees_per_province: int = COMMITTEES_PER_PROVINCE,
    base_units: int = BASE_UNITS,
    cells_per_base: int = 2,
    members: int = 5_500_000,
    code_prefix: str = "SYN",
    progress: Callable[[str], None] | None = None,
    districts_per_province: int | None = None,
) -> SyntheticStats:
    """Build root → provinces → (``communes`` commune party committees, spread over the
    provinces, and ``committees_per_province`` party committees of agencies in each) → the
    ``base_units`` base organisations under those committees → cells under bases and communes,
    and ``members`` people over the leaves, as a new root after the existing ones.

    ``districts_per_province`` is the former name of ``committees_per_province`` (the level that
    holds the base organisations), kept for callers of the old shape; there is no district level."""
    if districts_per_province is not None:
        committees_per_province = districts_per_province
    started = time.monotonic()
    now = timezone.now()
    writer = _Writer(progress)
    last_root = Unit.objects.get_last_root_node()
    root_position = (Unit._str2int(last_root.path[: Unit.steplen]) + 1) if last_root else 1
    next_id = (Unit.objects.aggregate(m=Max("id"))["m"] or 0) + 1
    n_committees = provinces * committees_per_province
    base_split = _split(base_units, n_committees) if n_committees else []
    commune_split = _split(communes, provinces)
    leaves: list[int] = []

    def unit_row(
        path: str, numchild: int, kind: str, code: str, name: str, short: str, header: str
    ) -> list[Any]:
        nonlocal next_id
        row = [
            next_id,
            path,
            len(path) // Unit.steplen,
            numchild,
            kind,
            code,
            name,
            fold(f"{name} {short} {code}")[:255],
            short,
            header,
            False,
            True,
            now,
            now,
        ]
        next_id += 1
        return row

    root_path = child_path("", root_position)
    root_code = f"{code_prefix}"
    total_units = (
        1
        + provinces
        + n_committees
        + communes * (1 + cells_per_base)
        + base_units * (1 + cells_per_base)
    )

    def with_cells(
        path: str, code: str, name: str, short: str, header: str, label: str
    ) -> Iterator[list[Any]]:
        row = unit_row(path, cells_per_base, UnitKind.BASE_ORGANISATION, code, name, short, header)
        yield row
        if not cells_per_base:
            leaves.append(row[0])
        for c in range(1, cells_per_base + 1):
            c_row = unit_row(
                child_path(path, c),
                0,
                UnitKind.CELL,
                f"{code}-C{c}",
                f"Chi bộ {c} - {label}",
                "CB",
                "",
            )
            leaves.append(c_row[0])
            yield c_row

    def units() -> Iterator[list[Any]]:
        yield unit_row(
            root_path,
            provinces,
            UnitKind.PARTY_COMMITTEE,
            root_code,
            "Trung ương (dữ liệu tổng hợp)",
            "TW",
            "",
        )
        committee_index = 0
        for p in range(1, provinces + 1):
            p_path, p_code = child_path(root_path, p), f"{code_prefix}-P{p:02d}"
            p_name = f"Tỉnh ủy tổng hợp số {p:02d}"
            n_communes = commune_split[p - 1]
            yield unit_row(
                p_path,
                committees_per_province + n_communes,
                UnitKind.PARTY_COMMITTEE,
                p_code,
                p_name,
                "TU",
                "",
            )
            # children in code order = path order: the committees (-K..) before the communes (-X..)
            for k in range(1, committees_per_province + 1):
                k_path, k_code = child_path(p_path, k), f"{p_code}-K{k:02d}"
                n_bases = base_split[committee_index]
                committee_index += 1
                k_name = f"Đảng ủy cơ quan {k:02d} của tỉnh {p:02d}"
                yield unit_row(
                    k_path, n_bases, UnitKind.PARTY_COMMITTEE, k_code, k_name, "ĐU", p_name.upper()
                )
                for b in range(1, n_bases + 1):
                    yield from with_cells(
                        child_path(k_path, b),
                        f"{k_code}-B{b:04d}",
                        f"Đảng bộ cơ sở {b:04d} ({p:02d}.{k:02d})",
                        "ĐU",
                        k_name.upper(),
                        f"cơ sở {b:04d} ({p:02d}.{k:02d})",
                    )
            for x in range(1, n_communes + 1):
                yield from with_cells(
                    child_path(p_path, committees_per_province + x),
                    f"{p_code}-X{x:04d}",
                    f"Đảng bộ xã, phường {x:04d} (tỉnh {p:02d})",
                    "ĐU",
                    p_name.upper(),
                    f"xã, phường {x:04d} ({p:02d})",
                )

    with transaction.atomic():
        if last_root is not None and Unit.objects.filter(code=root_code).exists():
            raise ValueError(f"Đã có cây tổng hợp với mã {root_code}.")
        n_units = writer.write(Unit._meta.db_table, UNIT_COLUMNS, units(), "đơn vị", total_units)
        writer.reset_sequence(Unit)
        first_person_id = (
            Person.objects.aggregate(m=Max("id"))["m"] or 0
        ) + 1  # before COPY starts
        people = _people(leaves, members, now, first_person_id)
        n_members = writer.write(Person._meta.db_table, PERSON_COLUMNS, people, "người", members)
        writer.reset_sequence(Person)
    if writer.postgres:
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {Unit._meta.db_table}")
            cursor.execute(f"ANALYZE {Person._meta.db_table}")
    root = Unit.objects.get(path=root_path)
    return SyntheticStats(
        root, n_units, base_units + communes, n_members, time.monotonic() - started
    )


def _people(leaves: list[int], members: int, now: dt.datetime, next_id: int) -> Iterator[list[Any]]:
    """Rows of people; pure computation (no query: it runs while COPY holds the connection)."""
    if not leaves or not members:
        return
    names = [f"{s} {m} {g}" for s in SURNAMES for m in MIDDLE for g in GIVEN]
    folded = [fold(n) for n in names]
    per_leaf = _split(members, len(leaves))
    i = 0
    for unit_id, count in zip(leaves, per_leaf, strict=True):
        for _ in range(count):
            k = (i * 7919) % len(names)
            year = 1960 + (i % 45)
            admission = dt.date(year + 22, 1 + i % 12, 1 + i % 28) if i % 10 else None
            yield [
                next_id + i,
                unit_id,
                names[k],
                folded[k],
                POSITIONS[i % len(POSITIONS)],
                admission is not None,
                year,
                admission,
                "",
                "",
                True,
                now,
                now,
            ]
            i += 1
