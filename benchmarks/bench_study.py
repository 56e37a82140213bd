"""Study rounds at national size on PostgreSQL: ≈5.5 million members, one round.

Tree (own data, bulk SQL into ``tg_bench_study``; the foundation's ``seed_synthetic`` did not
exist when this was written): Trung ương → 63 provinces → 15 district committees each (30 for the
first province) → 40 base organisations each → 3 cells each: ≈154,000 units, members in the cells
(30–65 each, ≈5.5 million). One round covers the whole tree; its member list (one row per member)
and attendance (≈95 %, one row per attending member; cells with id % 7 = 0 at ≈89 %; the first
province has none, it is the target of the import) are inserted server-side
(INSERT … SELECT generate_series), then the per-unit tallies are recounted by the service itself.

Figures (one run, same database):
* rate roll-up for the whole tree: ``study.services.rates.round_rates(round, root)`` (rows for the 63
  provinces, each aggregated over its subtree) — p95, against the bare SQL of the same GROUP BY over
  the tallies (raw cursor), and the same figures computed by a bare SQL aggregate straight over the
  5.5 million member/attendance rows (what the tallies save);
* importing an .xlsx sign-in sheet of 100,000 names (a session of the first province) through
  ``study.services.attendance.import_signin_sheet`` — wall time, against openpyxl merely reading the file.

Runs in a child process with its own Django settings (DATABASE_URL of ``tg_bench_study``).
"""

from __future__ import annotations

import io
import os
import sys
import time
from typing import Any

from benchmarks.common import Figure, as_web_worker, bench_main, p95, run_on_postgres, timings_ms

DB_NAME = "tg_bench_study"
DB_URL = os.environ.get("BENCH_STUDY_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DB_NAME}")
SKIP_REASON = ""
PROVINCES, DISTRICTS, FIRST_DISTRICTS, BASES, CELLS = 63, 15, 30, 40, 3
IMPORT_ROWS = 100_000


def run(args: Any) -> list[Figure]:
    global SKIP_REASON
    figures, SKIP_REASON = run_on_postgres(
        "benchmarks.bench_study", DB_URL, args, timeout=5400, extra_env={"CONN_MAX_AGE": "0"}
    )
    return figures


# --- the child process --------------------------------------------------------------------------


def _log(message: str) -> None:
    print(f"[bench_study {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _seg(i: int) -> str:
    """The path step of the ``i``-th child (treebeard's encoding)."""
    from tuyengiao.orgs.synthetic import child_path

    return child_path("", i)


def _seed() -> None:
    from datetime import date, timedelta

    from django.db import connection, transaction
    from django.utils import timezone

    from tuyengiao.orgs.models import Unit, UnitKind
    from tuyengiao.study.models import StudyRound, StudySession

    if StudyRound.objects.filter(number="BENCH-STUDY").exists():
        return
    _log("seeding units …")
    now = timezone.now()
    root_path = "Z" + _seg(1)[1:]  # a root path no other data uses
    rows: list[tuple[Any, ...]] = []

    def unit(path: str, kind: str, code: str, name: str, numchild: int) -> None:
        rows.append(
            (
                path,
                len(path) // 4,
                numchild,
                kind,
                code,
                name,
                name.lower(),
                "",
                "",
                False,
                True,
                now,
                now,
            )
        )

    unit(root_path, UnitKind.PARTY_COMMITTEE, "BS-TW", "Ban Chấp hành Trung ương (thử)", PROVINCES)
    for p in range(PROVINCES):
        pp = root_path + _seg(p + 1)
        districts = FIRST_DISTRICTS if p == 0 else DISTRICTS
        unit(pp, UnitKind.PARTY_COMMITTEE, f"BS-P{p}", f"Tỉnh ủy thử {p}", districts)
        for d in range(districts):
            dp = pp + _seg(d + 1)
            unit(dp, UnitKind.PARTY_COMMITTEE, f"BS-P{p}-D{d}", f"Huyện ủy thử {p}.{d}", BASES)
            for b in range(BASES):
                bp = dp + _seg(b + 1)
                unit(
                    bp,
                    UnitKind.BASE_ORGANISATION,
                    f"BS-P{p}-D{d}-B{b}",
                    f"Đảng bộ thử {p}.{d}.{b}",
                    CELLS,
                )
                for c in range(CELLS):
                    unit(
                        bp + _seg(c + 1),
                        UnitKind.CELL,
                        f"BS-P{p}-D{d}-B{b}-C{c}",
                        f"Chi bộ thử {p}.{d}.{b}.{c}",
                        0,
                    )
    if Unit.objects.filter(code="BS-TW").exists():
        rows = []  # units and members are there from an interrupted run
    with transaction.atomic(), connection.cursor() as cursor:
        # Bulk load of generated, consistent data: skip the per-row deferred FK triggers
        # (5.5 million rows × several foreign keys would dominate the seeding time).
        cursor.execute("SET LOCAL session_replication_role = replica")
        raw = cursor.cursor
        with raw.copy(
            "COPY orgs_unit (path, depth, numchild, kind, code, name, name_folded, short_name, parent_body_name,"
            " publishes_to_all, active, created_at, updated_at) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row(row)
        _log(f"{len(rows):,} units; members …")
        if rows:
            cursor.execute(
                """
                INSERT INTO orgs_person (unit_id, full_name, name_folded, position, is_party_member, birth_year,
                                         email, phone, active, created_at, updated_at)
                SELECT c.id, 'Đảng viên ' || substr(c.code, 4) || '-' || g, 'dang vien ' || lower(substr(c.code, 4)) || '-' || g,
                       '', true, 1950 + (c.id + g) %% 50, '', '', true, now(), now()
                FROM orgs_unit c CROSS JOIN LATERAL generate_series(1, 30 + (c.id * 7919) %% 36) g
                WHERE c.path LIKE %s AND c.kind = 'cell'
                """,
                [root_path + "%"],
            )
        _log(f"{cursor.rowcount:,} members")
    root = Unit.objects.get(path=root_path)
    first_province = Unit.objects.get(path=root_path + _seg(1))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        today = date.today()
        study_round = StudyRound.objects.create(
            unit=root,
            title="Học tập, quán triệt Nghị quyết Đại hội XIII (thử nghiệm tải)",
            number="BENCH-STUDY",
            starts_on=today,
            ends_on=today + timedelta(days=60),
        )
        study_round.covered_units.set([root])
        national = StudySession.objects.create(
            round=study_round,
            unit=root,
            starts_at=now,
            ends_at=now + timedelta(hours=3),
            title="Hội nghị trực tuyến",
        )
        StudySession.objects.create(
            round=study_round,
            unit=first_province,
            starts_at=now,
            ends_at=now + timedelta(hours=3),
            title="Import",
        )
        _log("member list …")
        cursor.execute(
            """
            INSERT INTO study_eligibility (round_id, person_id, unit_id, exemption)
            SELECT %s, p.id, p.unit_id, CASE WHEN p.id %% 100 = 0 THEN 'illness' ELSE '' END
            FROM orgs_person p JOIN orgs_unit u ON u.id = p.unit_id
            WHERE u.path LIKE %s AND p.active AND p.is_party_member
            """,
            [study_round.pk, root_path + "%"],
        )
        _log(f"{cursor.rowcount:,} on the list; attendance …")
        cursor.execute(
            """
            INSERT INTO study_attendance (round_id, session_id, person_id, unit_id, method, checked_in_at)
            SELECT e.round_id, %s, e.person_id, e.unit_id, 'list', now()
            FROM study_eligibility e JOIN orgs_unit u ON u.id = e.unit_id
            WHERE e.round_id = %s AND e.exemption = '' AND u.path NOT LIKE %s
              AND (e.person_id * 13) %% 100 < CASE WHEN u.id %% 7 = 0 THEN 90 ELSE 96 END
            """,
            [national.pk, study_round.pk, first_province.path + "%"],
        )
        _log(f"{cursor.rowcount:,} attended")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def measure(quick: bool) -> list[Figure]:
    """The study figures (one size: ``quick`` changes nothing, the figures need the national tree)."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from tuyengiao.core.spreadsheets import workbook_bytes
    from tuyengiao.orgs.models import Unit
    from tuyengiao.study.models import Attendance, StudyRound, StudySession
    from tuyengiao.study.services import attendance, rates, rounds

    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    _seed()
    seed_s = time.perf_counter() - t0
    as_web_worker()
    study_round = StudyRound.objects.get(number="BENCH-STUDY")
    root = study_round.unit
    import_session = StudySession.objects.get(round=study_round, title="Import")
    # Undo a previous run's import, then recount every tally with the service (timed, informative).
    Attendance.objects.filter(session=import_session).delete()
    t0 = time.perf_counter()
    rates.refresh_tallies(study_round)
    recount_s = time.perf_counter() - t0
    members = study_round.eligibilities.count()
    units = Unit.objects.filter(path__startswith=root.path).count()
    _log(
        f"seed {seed_s:.0f} s; {members:,} members on the list, {units:,} units; full recount {recount_s:.1f} s"
    )

    rows = rates.round_rates(study_round, root)
    assert len(rows) == PROVINCES, len(rows)
    prefix_len = (root.depth + 1) * Unit.steplen

    def rollup() -> None:
        rates.round_rates(study_round, root)

    tally_sql = (
        "SELECT substr(unit_path, 1, %s), sum(eligible), sum(exempted), sum(attended), "
        "count(*) FILTER (WHERE length(unit_path) > %s) FROM study_roundunittally "
        "WHERE round_id = %s AND unit_path LIKE %s GROUP BY 1"
    )
    raw_sql = """
        SELECT substr(u.path, 1, %s), count(*),
               count(*) FILTER (WHERE e.exemption <> '' AND a.id IS NULL), count(a.id)
        FROM study_eligibility e JOIN orgs_unit u ON u.id = e.unit_id
        LEFT JOIN study_attendance a ON a.round_id = e.round_id AND a.person_id = e.person_id
        WHERE e.round_id = %s AND u.path LIKE %s GROUP BY 1
    """

    def bare_tally() -> None:
        with connection.cursor() as cursor:
            cursor.execute(tally_sql, [prefix_len, prefix_len, study_round.pk, root.path + "%"])
            cursor.fetchall()

    def bare_raw() -> None:
        with connection.cursor() as cursor:
            cursor.execute(raw_sql, [prefix_len, study_round.pk, root.path + "%"])
            cursor.fetchall()

    # The raw aggregate must agree with the service.
    with connection.cursor() as cursor:
        cursor.execute(raw_sql, [prefix_len, study_round.pk, root.path + "%"])
        raw = {r[0]: (r[1], r[2], r[3]) for r in cursor.fetchall()}
    for row in rows:
        assert raw[row.unit.path] == (row.eligible, row.exempted, row.attended), row.unit.path

    rollup_ms = timings_ms(rollup, repeat=30)
    tally_ms = timings_ms(bare_tally, repeat=30)
    raw_ms = timings_ms(bare_raw, repeat=3, warmup=1)
    _log(
        f"roll-up p95 {p95(rollup_ms):.1f} ms; bare tally SQL {p95(tally_ms):.1f} ms; raw rows {p95(raw_ms):.0f} ms"
    )

    # Import 100,000 names of the first province from an .xlsx sign-in sheet.
    names = list(
        rounds.session_members(import_session)
        .order_by("person_id")
        .values_list("person__full_name", flat=True)[:IMPORT_ROWS]
    )
    assert len(names) == IMPORT_ROWS, len(names)
    data = workbook_bytes(
        [("Ký tên", ["STT", "Họ và tên", "Ký tên"], ([i, n, "x"] for i, n in enumerate(names, 1)))]
    )
    from openpyxl import load_workbook

    t0 = time.perf_counter()
    sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    read_rows = sum(1 for _ in sheet.iter_rows(values_only=True))
    read_s = time.perf_counter() - t0
    assert read_rows == IMPORT_ROWS + 1
    t0 = time.perf_counter()
    result = attendance.import_signin_sheet(import_session, io.BytesIO(data), "ky-ten.xlsx")
    import_s = time.perf_counter() - t0
    assert result.applied and result.created == IMPORT_ROWS and not result.errors, (
        result.created,
        result.errors[:3],
    )
    after = rates.rate_for_unit(study_round, import_session.unit)
    assert after["attended"] == IMPORT_ROWS, after
    _log(f"import {import_s:.1f} s ({result.created:,} created); openpyxl read {read_s:.1f} s")

    size = f"{members / 1e6:.2f}M members, {units:,} units"
    return [
        Figure(
            name="study_rollup_national",
            metric=f"round_rates(round, root) p95 ({size}, 63 province rows)",
            value=p95(rollup_ms),
            unit="ms",
            baseline="bare SQL GROUP BY over the per-unit tallies p95",
            baseline_value=p95(tally_ms),
            ratio=p95(rollup_ms) / p95(tally_ms),
            goal="p95 < 300 ms",
        ),
        Figure(
            name="study_rollup_vs_member_rows",
            metric="round_rates(round, root) p95",
            value=p95(rollup_ms),
            unit="ms",
            baseline=f"bare SQL aggregate over the {members / 1e6:.1f}M member and attendance rows p95",
            baseline_value=p95(raw_ms),
            ratio=p95(rollup_ms) / p95(raw_ms),
        ),
        Figure(
            name="study_import_xlsx_100k",
            metric="import_signin_sheet of 100,000 names (.xlsx)",
            value=import_s,
            unit="s",
            baseline="openpyxl reading the same file",
            baseline_value=read_s,
            ratio=import_s / read_s,
            goal="< 60 s",
        ),
    ]


if __name__ == "__main__":
    bench_main("benchmarks.bench_study")
