"""Survey results at size on PostgreSQL: one survey answered by 100,000 members.

Own database ``tg_bench_surveys`` (kept between runs, seeded once): a bloc with 200 base
organisations, the template survey "Mức độ nắm bắt Nghị quyết sau học tập" (single choice,
3-row matrix, scale 1–5, multiple choice, long text), 100,000 anonymous responses spread over the
base organisations and ≈710,000 answer rows, inserted server-side (INSERT … SELECT
generate_series). Figures: the results page (``/khao-sat/<id>/ket-qua/``, counts, shares, charts,
the unit breakdown with the k rule, the text answers) p95 as an officer of the bloc, against the
bare SQL GROUP BY of the same counts. Goal (issue 19): p95 < 300 ms.

Runs in a child process with its own Django settings (DATABASE_URL of ``tg_bench_surveys``).
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from benchmarks.common import (
    Figure,
    as_web_worker,
    bench_main,
    p95_figure,
    run_on_postgres,
    timings_ms,
)

DB_NAME = "tg_bench_surveys"
DB_URL = os.environ.get(
    "BENCH_SURVEYS_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
)
SKIP_REASON = ""
RESPONSES, BASES = 100_000, 200
QUICK_RESPONSES = 5_000


def run(args: Any) -> list[Figure]:
    global SKIP_REASON
    figures, SKIP_REASON = run_on_postgres(
        "benchmarks.bench_surveys", DB_URL, args, extra_env={"CONN_MAX_AGE": "0"}
    )
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
    with connection.cursor() as c:
        c.execute(
            "INSERT INTO surveys_response (id, survey_id, week, unit_path) "
            "SELECT gen_random_uuid(), %s, %s, (%s::text[])[1 + (g %% %s)] FROM generate_series(1, %s) g",
            [survey.pk, monday, paths, len(paths), size],
        )
        insert = (
            "INSERT INTO surveys_answer (id, response_id, question_id, option, row, rank, text) "
            "SELECT gen_random_uuid(), r.id, %s, {option}, {row}, NULL, {text} FROM surveys_response r "
            "WHERE r.survey_id = %s {extra}"
        )
        rand = "floor(random() * {n})::int"
        c.execute(
            insert.format(option=rand.format(n=4), row="NULL", text="''", extra=""),
            [q["single"], survey.pk],
        )
        for row in range(3):
            c.execute(
                insert.format(option=rand.format(n=4), row=str(row), text="''", extra=""),
                [q["matrix"], survey.pk],
            )
        c.execute(
            insert.format(option=rand.format(n=5), row="NULL", text="''", extra=""),
            [q["scale"], survey.pk],
        )
        c.execute(
            insert.format(option="0", row="NULL", text="''", extra=""),
            [q["multiple"], survey.pk],
        )
        c.execute(
            insert.format(option="1 + " + rand.format(n=3), row="NULL", text="''", extra=""),
            [q["multiple"], survey.pk],
        )
        c.execute(
            insert.format(
                option="NULL",
                row="NULL",
                text="'Kiến nghị số ' || left(r.id::text, 8)",
                extra="AND random() < 0.1",
            ),
            [q["long"], survey.pk],
        )
        c.execute("ANALYZE surveys_response")
        c.execute("ANALYZE surveys_answer")
    return survey


def measure(quick: bool) -> list[Figure]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from tuyengiao.accounts.models import User

    call_command("migrate", verbosity=0)
    size = QUICK_RESPONSES if quick else RESPONSES
    t0 = time.perf_counter()
    survey = _seed(size)
    _log(f"seeded in {time.perf_counter() - t0:.1f} s")
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
            f"surveys results page, {size:,} responses",
            timings_ms(page, 20),
            timings_ms(bare, 20),
            baseline="bare SQL GROUP BY of the choice counts",
            goal="p95 < 300 ms",
        )
    ]


if __name__ == "__main__":
    bench_main("benchmarks.bench_surveys")
