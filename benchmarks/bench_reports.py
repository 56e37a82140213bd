"""Periodic reports at national size, on PostgreSQL.

Tree: the foundation's national tree builder (``tuyengiao.orgs.synthetic``, as ``tuyengiao
seed_synthetic`` uses it; without people and cells) when it is installed, else an equivalent tree
bulk-inserted here: Trung ương → 63 provinces → 11 district-level committees each (693) → 75
base organisations each (51,975 base organisations). One quarterly report type of the
root with 5 indicators, sent to every base organisation, over the 4 quarters of a year:
207,900 submissions (about 88% submitted or accepted, 4% late, the rest missing/returned), and
one narrow row per (submission, indicator) for the roll-ups (≈ 915,000 rows).

Figures (one run, same database, database ``tg_bench_reports``):
* the status matrix page for the whole tree (GET as an officer of the root: status counts of all
  51,975 units, the filtered unit count, first page of 50 rows with their cells, rendered) — p95,
  against the bare SQL of the same figures (page rows + counts, raw cursor, no ORM, no template).
  The page reads its status counts and unit count from the tallies the database keeps
  (``reports/migrations/0004_tallies``: triggers); the baseline counts the rows themselves;
* the roll-up of the 5 indicators over the whole tree with the drill-down rows of the 63
  provinces (``services.rollup``: indicators, children, one GROUP BY on the path prefix, the
  submission counts) — p95, against the same aggregate as one hand-written SQL query.

The measurement runs in a child process so its Django settings do not depend on other benchmarks.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from benchmarks.common import (
    Figure,
    as_web_worker,
    bench_main,
    bulk_levels,
    p95,
    p95_figure,
    run_on_postgres,
    timings_ms,
)

DB_NAME = "tg_bench_reports"
DB_URL = os.environ.get(
    "BENCH_REPORTS_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
)
SKIP_REASON = ""
LEVELS = (63, 11, 75)
YEAR = 2025


def run(args: Any) -> list[Figure]:
    global SKIP_REASON
    figures, SKIP_REASON = run_on_postgres("benchmarks.bench_reports", DB_URL, args)
    return figures


# --- the child process --------------------------------------------------------------------------


def seed_national() -> None:
    """The national report data described in the module docstring, once per database (the
    database of Django's default connection). Shared: ``bench_rush`` builds on it."""
    from django.db import connection, transaction

    from tuyengiao.accounts.models import Role, User
    from tuyengiao.orgs.models import UnitKind
    from tuyengiao.reports.calendar import generate_year
    from tuyengiao.reports.models import Indicator, IndicatorKind, ReportType

    if ReportType.objects.filter(title="BENCH báo cáo quý").exists():
        return
    print(f"seeding {connection.settings_dict['NAME']} …", file=sys.stderr)
    root = _synthetic_tree()
    with transaction.atomic():
        if root is None:
            root = _own_tree()
        User.objects.create_user(
            "bench-tw", password="x-bench-reports-1", unit=root, role=Role.OFFICER
        )

        rt = ReportType.objects.create(unit=root, title="BENCH báo cáo quý", due_day=15, sent=True)
        codes = [
            ("dv-tong", "Tổng số đảng viên", IndicatorKind.NUMBER),
            ("dv-hoc", "Đảng viên tham gia học tập", IndicatorKind.NUMBER),
            ("buoi", "Số buổi sinh hoạt chuyên đề", IndicatorKind.NUMBER),
            ("tin-bai", "Số tin, bài", IndicatorKind.NUMBER),
            ("hai-long", "Tỷ lệ hài lòng", IndicatorKind.PERCENT),
        ]
        for order, (code, label, kind) in enumerate(codes, start=1):
            Indicator.objects.create(
                report_type=rt,
                order=order,
                code=code,
                label=label,
                kind=kind,
                integer=kind == IndicatorKind.NUMBER,
            )
        generate_year(rt, YEAR)
        with connection.cursor() as cur:
            cur.execute(
                "INSERT INTO reports_recipient (report_type_id, unit_id) SELECT %s, id FROM orgs_unit WHERE kind = %s AND path LIKE %s",
                [rt.pk, UnitKind.BASE_ORGANISATION.value, root.path + "%"],
            )
            # statuses spread by a hash of (unit, period): 5% draft (missing), 1% returned, 4% late, rest on time (half accepted)
            cur.execute(
                """
                INSERT INTO reports_submission (period_id, unit_id, status, version, data, first_submitted_on, is_late,
                    submitted_at, decided_at, comment, entered_by_superior, updated_at, last_token)
                SELECT p.id, r.unit_id,
                    CASE WHEN h < 5 THEN 'draft' WHEN h < 6 THEN 'returned' WHEN h < 53 THEN 'submitted' ELSE 'accepted' END,
                    2, '{}'::jsonb,
                    CASE WHEN h < 5 THEN NULL WHEN h BETWEEN 6 AND 9 THEN p.due_date + 3 ELSE p.due_date - 2 END,
                    h BETWEEN 6 AND 9,
                    CASE WHEN h < 5 THEN NULL ELSE now() END, NULL, '', false, now(), ''
                FROM reports_recipient r
                JOIN reports_period p ON p.report_type_id = r.report_type_id
                CROSS JOIN LATERAL (SELECT ((r.unit_id * 7919 + p.id * 104729) %% 100) AS h) hh
                WHERE r.report_type_id = %s
                """,
                [rt.pk],
            )
            cur.execute(
                """
                INSERT INTO reports_indicatorvalue (submission_id, period_id, indicator_id, unit_path, value, text)
                SELECT s.id, s.period_id, i.id, u.path,
                    CASE i.code WHEN 'dv-tong' THEN 20 + (u.id %% 150) WHEN 'dv-hoc' THEN 15 + (u.id %% 140)
                                WHEN 'buoi' THEN 1 + (u.id %% 6) WHEN 'tin-bai' THEN (u.id * 3) %% 40 ELSE 70 + (u.id %% 30) END,
                    ''
                FROM reports_submission s
                JOIN orgs_unit u ON u.id = s.unit_id
                JOIN reports_period p ON p.id = s.period_id
                JOIN reports_indicator i ON i.report_type_id = p.report_type_id
                WHERE p.report_type_id = %s AND s.status IN ('submitted', 'accepted')
                """,
                [rt.pk],
            )
        with connection.cursor() as cur:
            cur.execute("ANALYZE")
    print("seeded", file=sys.stderr)


def _interleaved(fn: Any, baseline: Any, repeat: int) -> tuple[list[float], list[float]]:
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeat):
        a += timings_ms(fn, 1, warmup=0 if a else 2)
        b += timings_ms(baseline, 1, warmup=0 if b else 2)
    return a, b


def _synthetic_tree() -> Any:
    """The foundation's national tree (``tuyengiao seed_synthetic``) without people, when present."""
    try:
        from tuyengiao.orgs.synthetic import build_synthetic_tree
    except ImportError:
        return None
    try:
        stats = build_synthetic_tree(
            provinces=LEVELS[0],
            communes=0,  # this benchmark's own three-level shape (LEVELS)
            committees_per_province=LEVELS[1],
            base_units=LEVELS[0] * LEVELS[1] * LEVELS[2],
            cells_per_base=0,
            members=0,
            code_prefix="BENCHRP",
        )
    except TypeError:  # another signature: fall back on our own tree
        return None
    print("tree from tuyengiao.orgs.synthetic", file=sys.stderr)
    return stats.root


def _own_tree() -> Any:
    from tuyengiao.orgs.models import Unit, UnitKind

    kinds = [UnitKind.PARTY_COMMITTEE, UnitKind.PARTY_COMMITTEE, UnitKind.BASE_ORGANISATION]
    root = Unit.objects.add_root(
        dict(
            kind=UnitKind.PARTY_COMMITTEE,
            code="BENCH-TW",
            name="Trung ương (thử nghiệm)",
            short_name="TW",
        )
    )
    bulk_levels(root, LEVELS, kinds)
    return root


def measure(quick: bool) -> list[Figure]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from tuyengiao.accounts.models import User
    from tuyengiao.orgs.models import Unit
    from tuyengiao.reports.models import IndicatorValue, Period, ReportType, Submission
    from tuyengiao.reports.services.rollups import rollup

    call_command("migrate", verbosity=0)
    seed_national()
    with connection.cursor() as cur:  # visibility map set: the roll-up can be an index-only scan
        cur.execute("VACUUM ANALYZE reports_indicatorvalue")
        cur.execute("VACUUM ANALYZE reports_submission")
    as_web_worker()
    user = User.objects.get(username="bench-tw")
    root = user.unit
    assert root is not None
    rt = ReportType.objects.get(title="BENCH báo cáo quý")
    period = Period.objects.get(report_type=rt, index=4)
    base_units = Unit.objects.filter(
        depth=root.depth + len(LEVELS), path__startswith=root.path
    ).count()
    values = IndicatorValue.objects.filter(period__report_type=rt).count()
    subs = Submission.objects.filter(period__report_type=rt).count()
    client = Client()
    client.force_login(user)
    url = reverse("reports:matrix") + f"?period={period.key}"
    repeat = 10 if quick else 40

    def page() -> None:
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        assert response.content.count(b"<tr data-unit=") == 50

    def bare_page() -> None:
        with connection.cursor() as cur:
            cur.execute(
                """SELECT u.id, u.code, u.name, s.id, s.status, s.is_late FROM orgs_unit u
                   JOIN reports_submission s ON s.unit_id = u.id AND s.period_id = %s
                   WHERE u.path LIKE %s ORDER BY u.path LIMIT 50""",
                [period.pk, root.path + "%"],
            )
            cur.fetchall()
            cur.execute(
                "SELECT status, is_late, count(*) FROM reports_submission WHERE period_id = %s GROUP BY 1, 2",
                [period.pk],
            )
            cur.fetchall()
            cur.execute("SELECT count(*) FROM reports_recipient WHERE report_type_id = %s", [rt.pk])
            cur.fetchall()

    def roll() -> None:
        r = rollup(period, root)
        assert len(r.children) == LEVELS[0] and r.total[0].value

    prefix_len = (root.depth + 1) * Unit.steplen

    def bare_roll() -> None:
        with connection.cursor() as cur:
            cur.execute(
                """SELECT substr(unit_path, 1, %s), indicator_id, sum(value), count(value)
                   FROM reports_indicatorvalue WHERE period_id = %s AND unit_path LIKE %s GROUP BY 1, 2""",
                [prefix_len, period.pk, root.path + "%"],
            )
            assert len(cur.fetchall()) == LEVELS[0] * 5

    # Measured interleaved (one of each in turn) so that load from other processes on the machine
    # falls on the figure and its baseline alike.
    page_ms, bare_page_ms = _interleaved(page, bare_page, repeat)

    # For reading the page's ratio: what any page costs here before doing anything (same client:
    # middleware, session read and write, user and unit, base template) — a GET of a missing URL.
    import logging

    logging.getLogger("django.request").setLevel(logging.ERROR)

    def floor() -> None:
        assert client.get("/bao-cao/khong-co-trang-nay/").status_code == 404

    floor_ms, _ = _interleaved(floor, bare_page, repeat)
    print(
        f"framework floor (GET of a missing URL, same client): p95 {p95(floor_ms):.1f} ms",
        file=sys.stderr,
    )
    roll_ms, bare_roll_ms = _interleaved(roll, bare_roll, repeat)
    import statistics

    print(
        f"medians: matrix page {statistics.median(page_ms):.1f} ms, its bare SQL "
        f"{statistics.median(bare_page_ms):.1f} ms; roll-up {statistics.median(roll_ms):.1f} ms, "
        f"its bare SQL {statistics.median(bare_roll_ms):.1f} ms",
        file=sys.stderr,
    )
    size = f"{base_units:,} base organisations, {subs:,} submissions, {values:,} values"
    figures = [
        p95_figure(
            f"reports: status matrix page of the whole tree, paged 50 ({size}; PostgreSQL)",
            page_ms,
            bare_page_ms,
            baseline="bare SQL of the page (rows + status counts + recipient count)",
            goal="< 300 ms; ratio <= 1.5",
        ),
        p95_figure(
            f"reports: roll-up of 5 indicators over the whole tree with 63 drill-down rows ({size}; PostgreSQL)",
            roll_ms,
            bare_roll_ms,
            baseline="the same aggregate as one hand-written SQL query",
            goal="< 300 ms; ratio <= 1.5",
        ),
    ]
    return figures


if __name__ == "__main__":
    bench_main("benchmarks.bench_reports")
