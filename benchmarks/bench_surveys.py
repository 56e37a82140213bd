"""Survey results at size, on SQLite and on PostgreSQL: one survey answered by 100,000 members.

Own databases (kept between runs, seeded once): PostgreSQL ``tg_bench_surveys`` and a SQLite file
in the temp dir (``BENCH_SURVEYS_SQLITE``): a bloc with 200 base
organisations, the template survey "Mức độ nắm bắt Nghị quyết sau học tập" (single choice,
3-row matrix, scale 1–5, multiple choice, long text), 100,000 anonymous responses spread over the
base organisations and ≈710,000 answer rows, inserted server-side (INSERT … SELECT
generate_series on PostgreSQL, a recursive CTE on SQLite), then the survey's tallies built from
those rows as for a survey answered before tallies existed (``services.tallies.ensure``; time
logged). Figures: the results page (``/khao-sat/<id>/ket-qua/``, counts, shares, charts,
the unit breakdown with the k rule, the text answers) p95 as an officer of the bloc, against the
bare SQL GROUP BY of the same counts. Goal (issue 19): p95 < 300 ms.

Runs in a child process per database with its own Django settings (its DATABASE_URL).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
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

DB_NAME = "tg_bench_surveys"
DB_URL = os.environ.get(
    "BENCH_SURVEYS_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
)
SQLITE_PATH = Path(
    os.environ.get("BENCH_SURVEYS_SQLITE", Path(tempfile.gettempdir()) / "tg_bench_surveys.sqlite3")
)
SKIP_REASON = ""
RESPONSES, BASES = 100_000, 200
QUICK_RESPONSES = 5_000


def run(args: Any) -> list[Figure]:
    global SKIP_REASON
    quick = bool(getattr(args, "quick", False))
    figures: list[Figure] = []
    reasons = []
    targets = [("SQLite", f"sqlite:///{SQLITE_PATH}")]
    problem = ensure_postgres_database(DB_URL)
    if problem:
        reasons.append(problem)
    else:
        targets.append(("PostgreSQL", DB_URL))
    for label, url in targets:
        try:
            figures += run_in_child(
                "benchmarks.bench_surveys",
                url,
                label,
                quick=quick,
                extra_env={"CONN_MAX_AGE": "0"},
            )
        except ChildFailed as exc:
            reasons.append(f"{label}: {exc}")
    SKIP_REASON = "; ".join(reasons)
    if reasons:
        print("bench_surveys: " + SKIP_REASON, file=sys.stderr)
    return figures


def _log(message: str) -> None:
    print(f"[bench_surveys {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _seed(size: int) -> Any:
    from datetime import date, timedelta

    from django.db import connection

    from tuyengiao.accounts.models import Role, User
    from tuyengiao.orgs.models import Unit, UnitKind
    from tuyengiao.surveys.models import QuestionKind, Survey, SurveyStatus
    from tuyengiao.surveys.services import builder

    title = f"Bench {size}"
    survey = Survey.objects.filter(title=title).first()
    if survey is not None:
        return survey
    bloc = Unit.objects.filter(code="BENCH-KHOI").first()
    if bloc is None:
        bloc = Unit.objects.add_root(
            dict(kind=UnitKind.PARTY_COMMITTEE, code="BENCH-KHOI", name="Đảng ủy Khối (bench)")
        )
        for i in range(BASES):
            bloc = Unit.objects.get(pk=bloc.pk)
            Unit.objects.add_child(
                bloc,
                dict(
                    kind=UnitKind.BASE_ORGANISATION,
                    code=f"BENCH-CS-{i:03d}",
                    name=f"Đảng bộ cơ sở {i:03d}",
                ),
            )
        bloc = Unit.objects.get(pk=bloc.pk)
    if not User.objects.filter(username="bench-khoi").exists():
        User.objects.create_user(
            "bench-khoi", password="bench-pass-123456", unit=bloc, role=Role.OFFICER
        )
    survey = builder.create_survey(
        bloc,
        None,
        title=title,
        closes_on=date.today() + timedelta(days=30),
        template_key="nam-bat-nghi-quyet",
    )
    Survey.objects.filter(pk=survey.pk).update(status=SurveyStatus.CLOSED)
    paths = list(
        Unit.objects.filter(path__startswith=bloc.path, depth=bloc.depth + 1).values_list(
            "path", flat=True
        )
    )
    q = {
        kind: survey.questions.get(kind=kind).pk
        for kind in ("single", "matrix", "scale", "multiple", "long")
    }
    assert set(q) <= set(QuestionKind.values)
    monday = date.today() - timedelta(days=date.today().weekday())
    if connection.vendor == "postgresql":
        _insert_postgresql(survey.pk, monday, paths, size, q)
    else:
        _insert_sqlite(survey.pk, monday, paths, size, q)
    return survey


def _answer_inserts(rand: str) -> list[tuple[str, str, str, str, str]]:
    """(question kind, option, row, text, extra condition) of each answer INSERT."""
    return [
        ("single", rand.format(n=4), "NULL", "''", ""),
        *[("matrix", rand.format(n=4), str(row), "''", "") for row in range(3)],
        ("scale", rand.format(n=5), "NULL", "''", ""),
        ("multiple", "0", "NULL", "''", ""),
        ("multiple", "1 + " + rand.format(n=3), "NULL", "''", ""),
        ("long", "NULL", "NULL", "'Kiến nghị số ' || {short_id}", "AND {sample}"),
    ]


def _insert_postgresql(
    survey_id: int, monday: Any, paths: list[str], size: int, q: dict[str, int]
) -> None:
    from django.db import connection

    with connection.cursor() as c:
        c.execute(
            "INSERT INTO surveys_response (id, survey_id, week, unit_path) "
            "SELECT gen_random_uuid(), %s, %s, (%s::text[])[1 + (g %% %s)] FROM generate_series(1, %s) g",
            [survey_id, monday, paths, len(paths), size],
        )
        for kind, option, row, text, extra in _answer_inserts("floor(random() * {n})::int"):
            c.execute(
                "INSERT INTO surveys_answer (id, response_id, question_id, option, row, rank, text) "
                f"SELECT gen_random_uuid(), r.id, %s, {option}, {row}, NULL, "
                f"{text.format(short_id='left(r.id::text, 8)')} FROM surveys_response r "
                f"WHERE r.survey_id = %s {extra.format(sample='random() < 0.1')}",
                [q[kind], survey_id],
            )
        c.execute("ANALYZE surveys_response")
        c.execute("ANALYZE surveys_answer")


def _insert_sqlite(
    survey_id: int, monday: Any, paths: list[str], size: int, q: dict[str, int]
) -> None:
    from django.db import connection

    new_id = "lower(hex(randomblob(16)))"
    with connection.cursor() as c:
        c.execute("CREATE TEMP TABLE bench_paths (i integer primary key, path text)")
        c.executemany("INSERT INTO bench_paths VALUES (%s, %s)", list(enumerate(paths)))
        c.execute(
            "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < %s) "
            "INSERT INTO surveys_response (id, survey_id, week, unit_path) "
            f"SELECT {new_id}, %s, %s, (SELECT path FROM bench_paths WHERE i = g.n %% %s) FROM g",
            [size, survey_id, monday, len(paths)],
        )
        for kind, option, row, text, extra in _answer_inserts("(abs(random()) %% {n})"):
            c.execute(
                'INSERT INTO surveys_answer (id, response_id, question_id, option, "row", rank, '
                f"text) SELECT {new_id}, r.id, %s, {option}, {row}, NULL, "
                f"{text.format(short_id='substr(r.id, 1, 8)')} FROM surveys_response r "
                f"WHERE r.survey_id = %s {extra.format(sample='abs(random()) %% 10 = 0')}",
                [q[kind], survey_id],
            )
        c.execute("DROP TABLE bench_paths")
        c.execute("ANALYZE")


def measure(quick: bool, label: str = "PostgreSQL") -> list[Figure]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from tuyengiao.accounts.models import User

    t0 = time.perf_counter()
    call_command(
        "migrate", verbosity=0
    )  # surveys 0002 builds the tallies of surveys answered before
    _log(f"{label}: migrate in {time.perf_counter() - t0:.1f} s")
    size = QUICK_RESPONSES if quick else RESPONSES
    t0 = time.perf_counter()
    survey = _seed(size)
    _log(f"{label}: seeded in {time.perf_counter() - t0:.1f} s")
    from tuyengiao.surveys.services import tallies

    t0 = time.perf_counter()
    tallies.ensure(survey)  # the data migration or the first results page, for seeded rows
    _log(f"{label}: tallies ready in {time.perf_counter() - t0:.1f} s")
    as_web_worker()
    client = Client()
    client.force_login(User.objects.get(username="bench-khoi"))
    url = f"/khao-sat/{survey.pk}/ket-qua/"
    first = client.get(url)
    assert (
        first.status_code == 200
        and f"Tổng hợp từ <strong>{size}</strong>" in first.content.decode()
    ), first.status_code

    def page() -> None:
        client.get(url)

    def bare() -> None:
        with connection.cursor() as c:
            c.execute(
                "SELECT question_id, row, option, count(*) FROM surveys_answer "
                "WHERE question_id IN (SELECT id FROM surveys_question WHERE survey_id = %s) "
                "AND option IS NOT NULL GROUP BY 1, 2, 3",
                [survey.pk],
            )
            c.fetchall()

    return [
        p95_figure(
            f"surveys results page, {size:,} responses ({label})",
            timings_ms(page, 20),
            timings_ms(bare, 20),
            baseline="bare SQL GROUP BY of the choice counts",
            goal="p95 < 300 ms",
        )
    ]


if __name__ == "__main__":
    bench_main("benchmarks.bench_surveys")
