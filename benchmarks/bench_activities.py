"""The activity register at national size, on SQLite and on PostgreSQL.

Tree: the reports benchmark's own national tree (``bench_reports._own_tree``): Trung ương → 63
provinces → 11 district-level committees each (693) → 75 base organisations each (51,975 base
organisations). Activities: 5,000,000 over one year (2025), spread evenly over the base
organisations (≈ 96 each), 12 kinds, 20 topics, 8 communes, inserted server-side (PostgreSQL:
INSERT … SELECT generate_series; SQLite: a recursive CTE), then the monthly counters built by
``activities.services.tallies.rebuild``.

Figures (one run per database: ``tg_bench_activities`` on PostgreSQL, a file in the temporary
directory for SQLite):
* the roll-up page's figures for a province over a year (≈ 825 base organisations, ≈ 80,000
  activities): ``activities.services.rollups.rollup`` (totals, by child, kind, month, topic,
  place; read from the counters) — p95, against the same six aggregates as hand-written SQL on
  the activities (what the page did before the counters);
* ``rollups.totals`` of a province for a quarter (what a bound report indicator reads) — p95;
* the same ``rollup`` over the whole tree (5 million activities) — p95, the issue's goal;
* recording one activity through ``records.record`` (its counters on 5 levels in the same
  transaction) against the INSERT of the activity alone.

Runs in child processes with their own Django settings (DATABASE_URL of each database).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.common import (
    ChildFailed,
    Figure,
    as_web_worker,
    bench_main,
    ensure_postgres_database,
    p95_figure,
    run_in_child,
    timings_ms,
)

DB_NAME = "tg_bench_activities"
SQLITE_PATH = Path(
    os.environ.get(
        "BENCH_ACTIVITIES_SQLITE", Path(tempfile.gettempdir()) / "tg_bench_activities.sqlite3"
    )
)
DB_URL = os.environ.get(
    "BENCH_ACTIVITIES_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
)
SKIP_REASON = ""
ACTIVITIES = 5_000_000
QUICK_ACTIVITIES = 200_000
YEAR = 2025


def run(args: Any) -> list[Figure]:
    global SKIP_REASON
    quick = bool(getattr(args, "quick", False))
    figures: list[Figure] = []
    reasons = []
    try:
        figures += run_in_child(
            "benchmarks.bench_activities", f"sqlite:///{SQLITE_PATH}", "SQLite", quick=quick,
            timeout=7200,
        )  # fmt: skip
    except ChildFailed as exc:
        reasons.append(f"SQLite: {exc}")
    problem = ensure_postgres_database(DB_URL)
    if problem:
        reasons.append(problem)
    else:
        try:
            figures += run_in_child(
                "benchmarks.bench_activities", DB_URL, "PostgreSQL", quick=quick, timeout=5400
            )
        except ChildFailed as exc:
            reasons.append(f"PostgreSQL: {exc}")
    SKIP_REASON = "; ".join(reasons)
    return figures


_PG_INSERT = """
    WITH b AS (
        SELECT id, path, (row_number() OVER (ORDER BY path)) - 1 AS n
        FROM orgs_unit WHERE depth = %(depth)s AND path LIKE %(prefix)s
    ), nb AS (SELECT count(*) AS c FROM b)
    INSERT INTO activities_activity
        (unit_id, unit_path, kind_id, topic, held_on, place, commune, district,
         audience, reached, link, note, created_at, updated_at)
    SELECT b.id, b.path, (%(kinds)s::int[])[1 + (g %% %(nkinds)s)],
           'Chủ đề ' || (g %% 20), %(start)s::date + (g %% 365), '',
           'xã ' || (g %% 8), '', '', g %% 300, '', '', now(), now()
    FROM generate_series(0, %(last)s) AS g, nb
    JOIN b ON true
    WHERE b.n = g %% nb.c
"""

# SQLite: the base organisations and kinds numbered in temporary tables keyed by their number
# (a join on a window function's output would not use an index), the rows from a recursive CTE.
_SQLITE_INSERT = [
    "DROP TABLE IF EXISTS temp.bench_b",
    "DROP TABLE IF EXISTS temp.bench_k",
    """CREATE TEMP TABLE bench_b AS SELECT (row_number() OVER (ORDER BY path)) - 1 AS n, id, path
       FROM orgs_unit WHERE depth = %(depth)s AND path LIKE %(prefix)s""",
    "CREATE UNIQUE INDEX temp.bench_b_n ON bench_b (n)",
    """CREATE TEMP TABLE bench_k AS SELECT (row_number() OVER (ORDER BY id)) - 1 AS n, id
       FROM activities_activitykind""",
    "CREATE UNIQUE INDEX temp.bench_k_n ON bench_k (n)",
    """
    WITH RECURSIVE s(g) AS (SELECT 0 UNION ALL SELECT g + 1 FROM s WHERE g < %(last)s)
    INSERT INTO activities_activity
        (unit_id, unit_path, kind_id, topic, held_on, place, commune, district,
         audience, reached, link, note, created_at, updated_at)
    SELECT b.id, b.path, k.id, 'Chủ đề ' || (g %% 20), date(%(start)s, '+' || (g %% 365) || ' days'),
           '', 'xã ' || (g %% 8), '', '', g %% 300, '', '', datetime('now'), datetime('now')
    FROM s
    JOIN bench_b b ON b.n = s.g %% (SELECT count(*) FROM bench_b)
    JOIN bench_k k ON k.n = s.g %% (SELECT count(*) FROM bench_k)
    """,
]


def _seed(total: int) -> Any:
    from django.db import connection, transaction

    from benchmarks.bench_reports import LEVELS, _own_tree
    from tuyengiao.activities.kinds import seed_kinds
    from tuyengiao.activities.models import Activity, ActivityKind, ActivityTally
    from tuyengiao.activities.services.tallies import rebuild
    from tuyengiao.orgs.models import Unit

    root = Unit.objects.filter(code="BENCH-TW").first()
    if root is None or not Activity.objects.filter(unit_path__startswith=root.path).exists():
        print(f"seeding {connection.settings_dict['NAME']} …", file=sys.stderr)
        with transaction.atomic():
            if root is None:
                root = _own_tree()
            seed_kinds()
            kinds = list(ActivityKind.objects.order_by("id").values_list("id", flat=True))
            params = {
                "depth": root.depth + len(LEVELS),
                "prefix": root.path + "%",
                "kinds": kinds,
                "nkinds": len(kinds),
                "start": date(YEAR, 1, 1),
                "last": total - 1,
            }
            with connection.cursor() as cur:
                if connection.vendor == "postgresql":
                    cur.execute(_PG_INSERT, params)
                else:
                    for sql in _SQLITE_INSERT:
                        cur.execute(sql, params)
    if not ActivityTally.objects.exists():  # a database seeded before the counters existed
        print("building the monthly counters …", file=sys.stderr)
        rebuild()
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            for table in ("activities_activity", "activities_activitykindtally",
                          "activities_activitytally", "activities_activityplacetally"):  # fmt: skip
                cur.execute(f"VACUUM ANALYZE {table}")
        else:
            cur.execute("ANALYZE")
    assert root is not None
    return root


def measure(quick: bool, label: str = "PostgreSQL") -> list[Figure]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from tuyengiao.activities.models import Activity, ActivityKind
    from tuyengiao.activities.services import records, rollups
    from tuyengiao.orgs.models import Unit

    call_command("migrate", verbosity=0)
    root = _seed(QUICK_ACTIVITIES if quick else ACTIVITIES)
    as_web_worker()
    province = Unit.objects.filter(path__startswith=root.path, depth=root.depth + 1).order_by(
        "path"
    )[0]
    base = Unit.objects.filter(path__startswith=province.path).order_by("-depth", "path")[0]
    total = Activity.objects.count()
    repeat = 10 if quick else 30
    start, end = date(YEAR, 1, 1), date(YEAR, 12, 31)
    month = (
        "date_trunc('month', held_on)"
        if connection.vendor == "postgresql"
        else "strftime('%%Y-%%m', held_on)"
    )

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
                f"SELECT {month}, count(*), sum(reached) FROM activities_activity WHERE {where} GROUP BY 1",
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

    kind = ActivityKind.objects.order_by("id")[0]
    written: list[Activity] = []
    plain: list[Activity] = []

    def write() -> None:  # one activity through the service: the counters of 5 units follow
        data = {"kind": kind, "topic": "Chủ đề 1", "held_on": date(YEAR, 6, 1), "reached": 40}
        written.append(records.record(base, None, {**data, "commune": "xã 1"}))

    def bare_write() -> None:
        plain.append(
            Activity.objects.create(
                unit=base, kind=kind, topic="Chủ đề 1", held_on=date(YEAR, 6, 1), reached=40
            )
        )

    in_province = Activity.objects.filter(unit_path__startswith=province.path).count()
    figures = [
        p95_figure(
            f"activities: roll-up page figures of a province, a year ({in_province:,} activities of {total:,}; {label})",
            timings_ms(lambda: roll(province), repeat),
            timings_ms(lambda: bare(province), 3 if quick else 5, warmup=1),
            baseline="the same six aggregates as hand-written SQL on the activities",
            goal="< 300 ms",
        ),
        p95_figure(
            f"activities: totals of a province for a quarter (bound report indicator; {total:,} activities; {label})",
            timings_ms(quarter, repeat),
            timings_ms(bare_quarter, repeat),
            baseline="one hand-written SQL count/sum on the activities",
            goal="< 300 ms",
        ),
        p95_figure(
            f"activities: roll-up page figures of the whole tree, a year ({total:,} activities, 51,975 base organisations; {label})",
            timings_ms(lambda: roll(root), repeat),
            timings_ms(lambda: bare(root), 2 if quick else 3, warmup=0),
            baseline="the same six aggregates as hand-written SQL on the activities",
            goal="< 300 ms",
        ),
        p95_figure(
            f"activities: recording one activity with its counters (5 levels; {label})",
            timings_ms(write, repeat),
            timings_ms(bare_write, repeat),
            baseline="the INSERT of the activity alone",
        ),
    ]
    for activity in written:  # the database stays as seeded for the next run
        records.delete(activity)
    Activity.objects.filter(pk__in=[a.pk for a in plain]).delete()
    return figures


if __name__ == "__main__":
    bench_main("benchmarks.bench_activities")
