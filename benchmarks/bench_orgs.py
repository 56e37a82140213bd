"""The organisation tree at national size, on PostgreSQL (database ``tg_bench_seed``).

Seed it once (about 2 minutes; see README "Nền tảng / Foundation"):

    createdb -h 127.0.0.1 -U postgres tg_bench_seed
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tg_bench_seed tuyengiao migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tg_bench_seed tuyengiao seed_synthetic

(the two-level shape since 1/7/2025: 34 provinces → 3,321 commune party committees directly under
them and 68 party committees of agencies → 52,000 base organisations; two cells under every base
and commune, 110,642 cells; 5.5 million members.) Figures, one run, same database, p95 of repeated calls:

* subtree count of a province (``Unit.objects.filter(path__startswith=…).count()``, ORM) against
  the bare SQL ``SELECT count(*) … WHERE path LIKE 'prefix%'`` on a raw cursor;
* members in a province's subtree (ORM join) against the bare SQL join;
* ``children_with_member_counts()`` of a province (its ~100 communes and 2 committees of agencies
  with their unit and member counts: three queries) against the same three statements as bare SQL;
* the same for the national root (34 provinces over all 5.5 million members).

Skipped (SKIP_REASON) when the seeded database is absent. Runs in a child process so that its
Django settings do not depend on the other benchmarks of ``make bench``.
"""

from __future__ import annotations

import os
from typing import Any

from benchmarks.common import Figure, bench_main, p95, run_on_postgres, timings_ms

DB_NAME = "tg_bench_seed"
DB_URL = os.environ.get("BENCH_ORGS_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DB_NAME}")
SKIP_REASON = ""


def _check_database() -> str | None:
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    try:
        with psycopg.connect(DB_URL, connect_timeout=3) as conn:
            row = conn.execute("SELECT count(*) FROM orgs_unit WHERE code = 'SYN'").fetchone()
            if not row or not row[0]:
                return f"{DB_NAME} has no synthetic tree: run `tuyengiao seed_synthetic` on it (see README)"
    except Exception as exc:
        return (
            f"seeded database {DB_NAME} not reachable ({type(exc).__name__}); see README to seed it"
        )
    return None


def run(args: Any) -> list[Figure]:
    global SKIP_REASON
    figures, SKIP_REASON = run_on_postgres(
        "benchmarks.bench_orgs", DB_URL, args, check=_check_database
    )
    return figures


def _figure(name: str, metric: str, orm: list[float], bare: list[float], goal: str = "") -> Figure:
    value, base = p95(orm), p95(bare)
    return Figure(
        name, metric, value, "ms", "bare SQL p95", base, value / base if base else 0.0, goal
    )


def measure(quick: bool) -> list[Figure]:
    import django

    django.setup()
    from django.db import connection

    from tuyengiao.orgs.models import Person, Unit

    repeat = 5 if quick else 30
    root = Unit.objects.get(code="SYN")
    province = Unit.objects.get(code="SYN-P31")
    figures = []

    def bare(sql: str, params: list[Any]) -> Any:
        def go() -> object:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()

        return go

    like = province.path + "%"
    orm = timings_ms(lambda: Unit.objects.filter(path__startswith=province.path).count(), repeat)
    raw = timings_ms(bare("SELECT count(*) FROM orgs_unit WHERE path LIKE %s", [like]), repeat)
    figures.append(
        _figure(
            "orgs subtree count (province, ~4,900 units)", "ORM p95", orm, raw, "≤ 1.5× bare SQL"
        )
    )

    orm = timings_ms(lambda: Person.objects.in_subtree(province).count(), repeat)
    raw = timings_ms(
        bare(
            "SELECT count(*) FROM orgs_person p JOIN orgs_unit u ON u.id = p.unit_id WHERE u.path LIKE %s",
            [like],
        ),
        repeat,
    )
    figures.append(
        _figure(
            "orgs members in a province's subtree (~87,000)", "ORM p95", orm, raw, "≤ 1.5× bare SQL"
        )
    )

    def bare_children(unit: Unit) -> Any:
        prefix_len = (unit.depth + 1) * unit.steplen
        pattern = unit.path + "%"
        queries = [
            (
                "SELECT * FROM orgs_unit WHERE path LIKE %s AND depth = %s ORDER BY path",
                [pattern, unit.depth + 1],
            ),
            (
                "SELECT substr(u.path, 1, %s), count(p.id) FROM orgs_person p JOIN orgs_unit u ON u.id = p.unit_id "
                "WHERE u.path LIKE %s AND p.active AND u.depth > %s GROUP BY 1",
                [prefix_len, pattern, unit.depth],
            ),
            (
                "SELECT substr(path, 1, %s), count(id) FROM orgs_unit WHERE path LIKE %s AND depth > %s GROUP BY 1",
                [prefix_len, pattern, unit.depth + 1],
            ),
        ]

        def go() -> object:
            with connection.cursor() as cursor:
                out = []
                for sql, params in queries:
                    cursor.execute(sql, params)
                    out.append(cursor.fetchall())
                return out

        return go

    orm = timings_ms(lambda: province.children_with_member_counts(), repeat)
    raw = timings_ms(bare_children(province), repeat)
    figures.append(
        _figure("orgs children_with_member_counts (province)", "p95", orm, raw, "≤ 1.5× bare SQL")
    )
    few = 3 if quick else 5
    orm = timings_ms(lambda: root.children_with_member_counts(), few, warmup=1)
    raw = timings_ms(bare_children(root), few, warmup=1)
    figures.append(
        _figure("orgs children_with_member_counts (national root, 5.5M members)", "p95", orm, raw)
    )
    return figures


if __name__ == "__main__":
    bench_main("benchmarks.bench_orgs")
