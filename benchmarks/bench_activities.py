"""The activity register at national size, on PostgreSQL.

Tree: the reports benchmark's own national tree (``bench_reports._own_tree``): Trung ương → 63
provinces → 11 district-level committees each (693) → 75 base organisations each (51,975 base
organisations). Activities: 5,000,000 over one year (2025), spread evenly over the base
organisations (≈ 96 each), 12 kinds, 20 topics, 8 communes, inserted server-side
(INSERT … SELECT generate_series) with the stored path copy ``unit_path``.

Figures (one run, database ``tg_bench_activities``):
* the roll-up page's figures for a province (≈ 825 base organisations, ≈ 80,000 activities):
  ``activities.services.rollups.rollup`` (totals, by child, kind, month, topic, place) — p95,
  against the same six aggregates as hand-written SQL;
* ``rollups.totals`` of a province for a quarter (what a bound report indicator reads) — p95;
* the same ``rollup`` over the whole tree (5 million rows) — p95, against its hand-written SQL.

Runs in a child process with its own Django settings (DATABASE_URL of ``tg_bench_activities``).
"""

from __future__ import annotations

import os
import sys
from datetime import date
from typing import Any

from benchmarks.common import (
    Figure,
    as_web_worker,
    bench_main,
    p95_figure,
    run_on_postgres,
    timings_ms,
)

DB_NAME = "tg_bench_activities"
DB_URL = os.environ.get(
    "BENCH_ACTIVITIES_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
)
SKIP_REASON = ""
ACTIVITIES = 5_000_000
QUICK_ACTIVITIES = 200_000
YEAR = 2025


def run(args: Any) -> list[Figure]:
    global SKIP_REASON
    figures, SKIP_REASON = run_on_postgres(
        "benchmarks.bench_activities", DB_URL, args, timeout=5400
    )
    return figures


def _seed(total: int) -> Any:
    from django.db import connection, transaction

    from benchmarks.bench_reports import LEVELS, _own_tree
    from tuyengiao.activities.kinds import seed_kinds
    from tuyengiao.activities.models import Activity, ActivityKind
    from tuyengiao.orgs.models import Unit

    root = Unit.objects.filter(code="BENCH-TW").first()
    if root is not None and Activity.objects.filter(unit_path__startswith=root.path).exists():
        return root
    print(f"seeding {connection.settings_dict['NAME']} …", file=sys.stderr)
    with transaction.atomic():
        if root is None:
            root = _own_tree()
        seed_kinds()
        kinds = list(ActivityKind.objects.order_by("id").values_list("id", flat=True))
        with connection.cursor() as cur:
            cur.execute(
                """
                WITH b AS (
                    SELECT id, path, (row_number() OVER (ORDER BY path)) - 1 AS n
                    FROM orgs_unit WHERE depth = %(depth)s AND path LIKE %(prefix)s
                ), nb AS (SELECT count(*) AS c FROM b)
                INSERT INTO activities_activity
                    (unit_id, unit_path, kind_id, topic, held_on, place, commune, district,
                     audience, reached, link, campaign_key, note, created_at, updated_at)
                SELECT b.id, b.path, (%(kinds)s::int[])[1 + (g %% %(nkinds)s)],
                       'Chủ đề ' || (g %% 20), %(start)s::date + (g %% 365), '',
                       'xã ' || (g %% 8), '', '', g %% 300, '', '', '', now(), now()
                FROM generate_series(0, %(last)s) AS g, nb
                JOIN b ON true
                WHERE b.n = g %% nb.c
                """,
                {
                    "depth": root.depth + len(LEVELS),
                    "prefix": root.path + "%",
                    "kinds": kinds,
                    "nkinds": len(kinds),
                    "start": date(YEAR, 1, 1),
                    "last": total - 1,
                },
            )
    with connection.cursor() as cur:
        cur.execute("VACUUM ANALYZE activities_activity")
    return root


def measure(quick: bool) -> list[Figure]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from tuyengiao.activities.models import Activity
    from tuyengiao.activities.services import rollups
    from tuyengiao.orgs.models import Unit

    call_command("migrate", verbosity=0)
    root = _seed(QUICK_ACTIVITIES if quick else ACTIVITIES)
    as_web_worker()
    province = Unit.objects.filter(path__startswith=root.path, depth=root.depth + 1).order_by(
        "path"
    )[0]
    total = Activity.objects.count()
    repeat = 10 if quick else 30
    start, end = date(YEAR, 1, 1), date(YEAR, 12, 31)

    def roll(unit: Unit) -> None:
        r = rollups.rollup(rollups.Window(unit, start, end))
        assert r.totals.count > 0

    def bare(unit: Unit) -> None:
        prefix_len = (unit.depth + 1) * Unit.steplen
        where = "unit_path LIKE %s AND held_on BETWEEN %s AND %s"
        args = [unit.path + "%", start, end]
        with connection.cursor() as cur:
            for sql in (
                f"SELECT count(*), sum(reached) FROM activities_activity WHERE {where}",
                f"SELECT substr(unit_path, 1, {prefix_len}), count(*), sum(reached) FROM activities_activity WHERE {where} GROUP BY 1",
                f"SELECT kind_id, count(*), sum(reached) FROM activities_activity WHERE {where} GROUP BY 1",
                f"SELECT date_trunc('month', held_on), count(*), sum(reached) FROM activities_activity WHERE {where} GROUP BY 1",
                f"SELECT topic, count(*), sum(reached) FROM activities_activity WHERE {where} GROUP BY 1 ORDER BY 2 DESC LIMIT 20",
                f"SELECT district, commune, count(*), sum(reached) FROM activities_activity WHERE {where} AND NOT (commune = '' AND district = '') GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 50",
            ):
                cur.execute(sql, args)
                cur.fetchall()

    def quarter() -> None:
        rollups.totals(province, date(YEAR, 7, 1), date(YEAR, 9, 30))

    def bare_quarter() -> None:
        with connection.cursor() as cur:
            cur.execute(
                "SELECT count(*), sum(reached) FROM activities_activity WHERE unit_path LIKE %s AND held_on BETWEEN %s AND %s",
                [province.path + "%", date(YEAR, 7, 1), date(YEAR, 9, 30)],
            )
            cur.fetchall()

    in_province = Activity.objects.filter(unit_path__startswith=province.path).count()
    figures = [
        p95_figure(
            f"activities: roll-up page figures of a province ({in_province:,} activities of {total:,}; PostgreSQL)",
            timings_ms(lambda: roll(province), repeat),
            timings_ms(lambda: bare(province), repeat),
            baseline="the same six aggregates as hand-written SQL",
            goal="< 300 ms",
        ),
        p95_figure(
            f"activities: totals of a province for a quarter (bound report indicator; {total:,} activities)",
            timings_ms(quarter, repeat),
            timings_ms(bare_quarter, repeat),
            baseline="one hand-written SQL count/sum",
            goal="< 300 ms",
        ),
        p95_figure(
            f"activities: roll-up page figures of the whole tree ({total:,} activities, 51,975 base organisations; PostgreSQL)",
            timings_ms(lambda: roll(root), 3 if quick else 5, warmup=1),
            timings_ms(lambda: bare(root), 3 if quick else 5, warmup=1),
            baseline="the same six aggregates as hand-written SQL",
            goal="< 300 ms",
        ),
    ]
    return figures


if __name__ == "__main__":
    bench_main("benchmarks.bench_activities")
