"""Giờ cao điểm: the deadline rush, under load over HTTP (gunicorn + locust), on PostgreSQL.

Data: the national report data of ``bench_reports`` (``seed_national``: 51,975 base
organisations, one quarterly report type sent to all of them, the 4 quarters of 2025 filled in)
in its own database ``tg_bench_rush``, plus the rush layer made here once and kept: the quarters
of the current year, an empty draft for every recipient in the quarter that contains today (the
open period), two narrative sections on the type, 600 officer accounts (role "officer", one per
base organisation spread evenly over the tree) and 5 superiors: officers of the root, the
type's owner (the matrix and roll-up of a type are its owner's; officers need no second
factor, unit admins would). One password hash, computed once with the project's
hasher (the settings do not allow a faster one), is copied to every account, so a sign-in costs
what it costs in production. Each run first puts the open period back to all-drafts (its
submissions, versions and values; sessions, axes and audit rows).

The run: gunicorn serving ``tuyengiao.wsgi`` on 127.0.0.1 (4 sync workers, DEBUG off, the
deployment's options), then two locust runs over HTTP (``benchmarks/rush_locustfile.py``):

* alone — one user goes through the steps one request at a time (a warm-up pass, then
  ``iterations`` passes: an officer's steps with a fresh account each pass, then a superior's
  matrix pages and roll-up), no think time: what each step costs on a quiet server;
* rush — 500 users spawned at 1 a second over 10 minutes, 95 % officers (sign in, inbox, report
  form, 3 autosaves 2–5 s apart, submit, then leave: each officer submits once) and 5 %
  superiors (matrix pages 1–5 of the open period, then its roll-up, 2–5 s apart, until the end).

Figures: p95 under the rush against p95 alone per step group (submit, autosave, pages = inbox +
form + matrix, the whole-tree roll-up, sign-in), the failed requests, the throughput. The table
printed to stderr has every step (count, failures, p50/p95/p99 under the rush and p95 alone) and
what the server spent on it (gunicorn hooks in ``benchmarks/rush_gunicorn.py``: median wall, CPU
and SQL time and SQL statements per request), and how often a statement waited for a lock
(``pg_stat_activity`` sampled), to read what limits throughput.

``--quick``: 30 users over 60 s and 3 passes alone (same code path). Environment overrides:
RUSH_USERS, RUSH_SPAWN_RATE, RUSH_SECONDS, RUSH_WORKERS, RUSH_CONN_MAX_AGE, and
BENCH_RUSH_DATABASE_URL.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.common import BENCH_DIR, Figure, ensure_postgres_database, p95, p95_figure

DB_NAME = "tg_bench_rush"
DB_URL = os.environ.get("BENCH_RUSH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DB_NAME}")
SKIP_REASON = ""
HERE = Path(__file__).resolve().parent
LOCUSTFILE = HERE / "rush_locustfile.py"
GUNICORN_CONF = HERE / "rush_gunicorn.py"
OFFICER_ACCOUNTS = 600  # enough for the full run's officers and the passes alone
SUPERIORS = 5  # officers of the root unit, the type's owner (only it sees its matrix)
PASSWORD = "Rush-bench-2026-not-secret"
SECRET_KEY = "bench-rush-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz"
PAGE_STEPS = ("inbox", "form", "matrix")  # the roll-up, a whole-tree aggregate, on its own
WRITE_STEPS = ("autosave", "submit")
STEPS = ("login form", "login", "inbox", "form", "autosave", "submit", "matrix", "rollup")


@dataclass
class Params:
    users: int
    spawn_rate: float
    seconds: int
    workers: int
    iterations: int  # passes alone (after one warm-up pass)
    matrix_pages: int = 5
    think: tuple[float, float] = (2.0, 5.0)
    superior_loops: int = 200  # a superior stops after this many rounds (time stops it first)
    conn_max_age: int = 60

    @classmethod
    def for_run(cls, quick: bool) -> Params:
        p = (
            cls(users=30, spawn_rate=0.6, seconds=60, workers=4, iterations=3)
            if quick
            else cls(users=500, spawn_rate=1.0, seconds=600, workers=4, iterations=10)
        )
        p.users = int(os.environ.get("RUSH_USERS", p.users))
        p.spawn_rate = float(os.environ.get("RUSH_SPAWN_RATE", p.spawn_rate))
        p.seconds = int(os.environ.get("RUSH_SECONDS", p.seconds))
        p.workers = int(os.environ.get("RUSH_WORKERS", p.workers))
        p.conn_max_age = int(os.environ.get("RUSH_CONN_MAX_AGE", p.conn_max_age))
        return p


def _server_env(params: Params) -> dict[str, str]:
    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="tuyengiao.settings",
        DATABASE_URL=DB_URL,
        DEBUG="0",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        TASKS_IMMEDIATE="0",
        CONN_MAX_AGE=str(params.conn_max_age),
        LOG_LEVEL="ERROR",
    )


def _bin(name: str) -> Path:
    return Path(sys.executable).parent / name


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(args: Any) -> list[Figure]:
    global SKIP_REASON
    quick = bool(getattr(args, "quick", False))
    params = Params.for_run(quick)
    for tool in ("gunicorn", "locust"):
        if not _bin(tool).exists():
            SKIP_REASON = f"{tool} is not installed (pip install -e '.[dev]')"
            return []
    problem = ensure_postgres_database(DB_URL)
    if problem:
        SKIP_REASON = problem
        return []
    env = _server_env(params)
    needed = params.users + params.iterations + 1
    prep = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_rush", "--prepare", str(needed)],
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if prep.returncode != 0:
        SKIP_REASON = f"preparing the database failed: {prep.stderr.strip()[-800:]}"
        return []
    if prep.stderr.strip():
        print(prep.stderr.strip(), file=sys.stderr)
    plan = json.loads(prep.stdout.strip().splitlines()[-1])
    # The server serves hashed static files (WhiteNoise's manifest): a fresh checkout has none yet,
    # and every page would answer 500.
    collected = subprocess.run(
        [sys.executable, "-m", "tuyengiao", "collectstatic", "--noinput"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if collected.returncode != 0:
        SKIP_REASON = f"collectstatic failed: {collected.stderr.strip()[-800:]}"
        return []

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="rush-", dir=BENCH_DIR)).resolve()
    port = _free_port()
    host = f"http://127.0.0.1:{port}"
    plan.update(
        host=host,
        matrix_pages=params.matrix_pages,
        think=list(params.think),
        iterations=params.iterations,
        superior_loops=params.superior_loops,
        # the officers of the rush and those of the passes alone never share an account
        alone_officers=plan["officers"][-(params.iterations + 1) :],
        officers=plan["officers"][: -(params.iterations + 1)],
    )
    plan_file = work / "plan.json"
    plan_file.write_text(json.dumps(plan), encoding="utf-8")
    server_log = work / "server"
    server_log.mkdir()
    server_out = open(work / "gunicorn.out", "wb")  # noqa: SIM115 - closed when it stops
    gunicorn = subprocess.Popen(
        [
            str(_bin("gunicorn")),
            "tuyengiao.wsgi",
            "--config",
            str(GUNICORN_CONF),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(params.workers),
            "--timeout",
            "120",
            "--max-requests",
            "2000",
            "--max-requests-jitter",
            "200",
        ],
        env=dict(env, RUSH_SERVER_LOG=str(server_log)),
        stdout=server_out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        _wait_healthy(host, gunicorn, timeout=120)
        locust_env = dict(os.environ, RUSH_PLAN=str(plan_file))
        alone_csv = work / "alone"
        _locust(["AloneUser"], 1, 1, 60 + params.iterations * 60, alone_csv, host, locust_env, work)
        failed = int(_locust_stats(alone_csv).get("Aggregated", {}).get("Failure Count", 0))
        if failed:
            # A server that fails one user alone would only fail 500 of them for ten minutes.
            raise RuntimeError(
                f"{failed} requests failed with one user alone; see {work / 'gunicorn.out'}"
            )
        rush_csv = work / "rush"
        started = time.monotonic()
        sampler = LockSampler(DB_URL)
        sampler.start()
        try:
            _locust(
                ["OfficerUser", "SuperiorUser"],
                params.users,
                params.spawn_rate,
                params.seconds,
                rush_csv,
                host,
                locust_env,
                work,
            )
        finally:
            sampler.stop()
        rush_seconds = time.monotonic() - started
    finally:
        _stop(gunicorn)
        server_out.close()
    check = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_rush", "--verify"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    verified = json.loads(check.stdout.strip().splitlines()[-1]) if check.returncode == 0 else {}
    return _report(plan, params, work, alone_csv, rush_csv, rush_seconds, verified, sampler)


def _wait_healthy(host: str, proc: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {proc.returncode} before it was healthy")
        try:
            with urllib.request.urlopen(f"{host}/healthz", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"gunicorn not healthy at {host}/healthz after {timeout:.0f} s")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop gunicorn and its workers (its own process group): TERM, then KILL after 20 s."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    except ProcessLookupError:
        pass


def _locust(
    classes: list[str],
    users: int,
    rate: float,
    seconds: int,
    csv_prefix: Path,
    host: str,
    env: dict[str, str],
    work: Path,
) -> None:
    """One bounded headless locust run (users, spawn rate and time all given; it stops itself)."""
    cmd = [
        str(_bin("locust")),
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--only-summary",
        "-u",
        str(users),
        "-r",
        str(rate),
        "-t",
        f"{seconds}s",
        "--stop-timeout",
        "30",
        "--host",
        host,
        "--csv",
        str(csv_prefix),
        "--loglevel",
        "WARNING",
        *classes,
    ]
    env = dict(env, RUSH_SAMPLES=str(csv_prefix) + "_samples.tsv")
    with open(work / f"{csv_prefix.name}.log", "wb") as log:
        proc = subprocess.run(
            cmd, env=env, stdout=log, stderr=subprocess.STDOUT, timeout=seconds + 180
        )
    if not Path(str(csv_prefix) + "_stats.csv").exists():
        raise RuntimeError(f"locust failed ({proc.returncode}); see {work}/{csv_prefix.name}.log")


class LockSampler(threading.Thread):
    """Polls ``pg_stat_activity`` of the bench database every half second during the rush: how
    often a backend waited for a lock, and on which statements (evidence of a hot row)."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.halt = threading.Event()
        self.polls = 0
        self.polls_waiting = 0
        self.waiting: dict[str, int] = {}
        self.active: list[int] = []

    def run(self) -> None:
        import psycopg

        name = self.url.rsplit("/", 1)[1]
        with psycopg.connect(self.url, autocommit=True, connect_timeout=3) as conn:
            while not self.halt.wait(0.5):
                rows = conn.execute(
                    "SELECT wait_event_type, left(regexp_replace(query, '\\s+', ' ', 'g'), 70)"
                    " FROM pg_stat_activity WHERE datname = %s AND state = 'active'"
                    " AND pid <> pg_backend_pid()",
                    [name],
                ).fetchall()
                self.polls += 1
                self.active.append(len(rows))
                locked = [q for kind, q in rows if kind == "Lock"]
                if locked:
                    self.polls_waiting += 1
                for q in locked:
                    self.waiting[q] = self.waiting.get(q, 0) + 1

    def stop(self) -> None:
        self.halt.set()
        self.join(timeout=5)

    def summary(self) -> str:
        if not self.polls:
            return "database: not sampled"
        top = sorted(self.waiting.items(), key=lambda kv: -kv[1])[:3]
        return (
            f"database (pg_stat_activity every 0.5 s, {self.polls} polls): "
            f"{statistics.mean(self.active):.2f} active statements on average, max "
            f"{max(self.active)}; a lock wait in {self.polls_waiting} polls"
            + (f": {'; '.join(f'{n}× {q}' for q, n in top)}" if top else "")
        )


# --- reading the runs ---------------------------------------------------------------------------


def _samples(path: Path) -> dict[str, list[float]]:
    """The response times (ms) per step written by the locustfile (successful requests only)."""
    out: dict[str, list[float]] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        name, ms, ok = line.split("\t")
        if ok == "1" and not name.startswith("warm-up"):
            out.setdefault(name, []).append(float(ms))
    return out


def _locust_stats(prefix: Path) -> dict[str, dict[str, str]]:
    with open(str(prefix) + "_stats.csv", encoding="utf-8", newline="") as f:
        return {row["Name"]: row for row in csv.DictReader(f)}


def _server_stats(folder: Path) -> dict[tuple[str, str], dict[str, float]]:
    """Medians per (phase, step) of what the gunicorn workers recorded for each request."""
    rows: dict[tuple[str, str], list[list[float]]] = {}
    for path in folder.glob("*.tsv"):
        for line in path.read_text(encoding="utf-8").splitlines():
            phase, step, _status, wall, cpu, sql_n, sql_ms = line.split("\t")
            rows.setdefault((phase, step), []).append(
                [float(wall), float(cpu), float(sql_n), float(sql_ms)]
            )
    out = {}
    for key, values in rows.items():
        cols = list(zip(*values, strict=True))
        out[key] = {
            "n": len(values),
            "wall": statistics.median(cols[0]),
            "cpu": statistics.median(cols[1]),
            "sql_n": statistics.median(cols[2]),
            "sql_ms": statistics.median(cols[3]),
            "cpu_total_s": sum(cols[1]) / 1000,
        }
    return out


def _pct(values: list[float], q: int) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def _report(
    plan: dict[str, Any],
    params: Params,
    work: Path,
    alone_csv: Path,
    rush_csv: Path,
    rush_seconds: float,
    verified: dict[str, Any],
    sampler: LockSampler,
) -> list[Figure]:
    alone = _samples(Path(str(alone_csv) + "_samples.tsv"))
    rush = _samples(Path(str(rush_csv) + "_samples.tsv"))
    stats = _locust_stats(rush_csv)
    alone_stats = _locust_stats(alone_csv)
    server = _server_stats(work / "server")

    def failures(st: dict[str, dict[str, str]]) -> tuple[int, int]:
        agg = st.get("Aggregated", {})
        return int(agg.get("Failure Count", 0)), int(agg.get("Request Count", 0))

    rush_fail, rush_total = failures(stats)
    alone_fail, alone_total = failures(alone_stats)
    rps = float(stats.get("Aggregated", {}).get("Requests/s", 0.0))

    out = sys.stderr
    print(
        f"rush: {params.users} users ({plan['units']:,} base organisations), spawn "
        f"{params.spawn_rate}/s, {params.seconds} s, gunicorn {params.workers} workers; "
        f"files in {work}",
        file=out,
    )
    nan = float("nan")
    print(
        "client side, ms (rush p50/p95/p99, alone p95, ratio) | server side, medians per request "
        "(worker wall ms, CPU ms, SQL ms, statements; the same alone), CPU s in all under the "
        "rush, and 'outside' = client p50 - worker wall (waiting for a free worker, network)",
        file=out,
    )
    print(
        f"{'step':<11}{'n':>5}{'fail':>5}{'p50':>7}{'p95':>7}{'p99':>7}{'alone':>7}{'ratio':>7}"
        f" |{'wall':>6}{'cpu':>5}{'sql':>5}{'#sql':>5} |{'alone: wall':>12}{'cpu':>5}{'sql':>5}"
        f" |{'cpu s':>7}{'outside':>8}",
        file=out,
    )
    for step in STEPS:
        row = stats.get(step, {})
        got = rush.get(step, [])
        base = alone.get(step, [])
        s = server.get(("rush", step), {})
        a = server.get(("alone", step), {})
        ratio = (p95(got) / p95(base)) if got and base else nan
        print(
            f"{step:<11}{int(row.get('Request Count', 0)):>5}{int(row.get('Failure Count', 0)):>5}"
            f"{_pct(got, 50):>7.0f}{_pct(got, 95):>7.0f}{_pct(got, 99):>7.0f}"
            f"{(p95(base) if base else nan):>7.0f}{ratio:>7.2f}"
            f" |{s.get('wall', nan):>6.0f}{s.get('cpu', nan):>5.0f}{s.get('sql_ms', nan):>5.0f}"
            f"{s.get('sql_n', nan):>5.0f} |{a.get('wall', nan):>12.0f}{a.get('cpu', nan):>5.0f}"
            f"{a.get('sql_ms', nan):>5.0f} |{s.get('cpu_total_s', 0.0):>7.1f}"
            f"{_pct(got, 50) - s.get('wall', nan):>8.0f}",
            file=out,
        )
    print(
        f"rush: {rush_total} requests, {rush_fail} failed, {rps:.1f} requests/s (locust); "
        f"{rush_seconds:.0f} s wall; submissions stored: {verified or 'not verified'}",
        file=out,
    )

    print(sampler.summary(), file=out)

    def group(samples: dict[str, list[float]], names: tuple[str, ...]) -> list[float]:
        return [v for n in names for v in samples.get(n, [])]

    size = (
        f"{params.users} users: 95% officers (sign in, inbox, form, 3 autosaves, submit), "
        f"5% superiors (matrix pages, roll-up), spawned at {params.spawn_rate}/s over "
        f"{params.seconds} s; {plan['units']:,} base organisations; gunicorn "
        f"{params.workers} workers; PostgreSQL"
    )
    figures = []
    for name, steps, goal in (
        ("rush_submit", ("submit",), "submit p95 < 500 ms"),
        ("rush_autosave", ("autosave",), "autosave p95 < 500 ms"),
        ("rush_pages", PAGE_STEPS, "page p95 < 300 ms"),
        ("rush_rollup", ("rollup",), "page p95 < 300 ms"),
        ("rush_login", ("login",), ""),
    ):
        got, base = group(rush, steps), group(alone, steps)
        if not got or not base:
            continue
        figures.append(
            p95_figure(
                f"{name} ({' + '.join(steps)}; {size})",
                got,
                base,
                baseline="p95 of the same requests one at a time (one user, no think time)",
                goal=goal,
                metric="p95 latency under the rush",
            )
        )
    figures.append(
        Figure(
            name=f"rush_errors ({size})",
            metric="failed requests under the rush",
            value=float(rush_fail),
            unit="requests",
            baseline=f"requests made (alone: {alone_fail} failed of {alone_total})",
            baseline_value=float(rush_total),
            ratio=rush_fail / max(rush_total, 1),
            goal="0 errors",
        )
    )
    alone_time = sum(sum(v) for v in alone.values()) / 1000
    alone_n = sum(len(v) for v in alone.values())
    figures.append(
        Figure(
            name=f"rush_throughput ({size})",
            metric="requests per second served under the rush",
            value=rps,
            unit="requests/s",
            baseline="requests per second one at a time (one user, no think time)",
            baseline_value=alone_n / max(alone_time, 1e-9),
            ratio=rps / max(alone_n / max(alone_time, 1e-9), 1e-9),
        )
    )
    return figures


# --- the child processes (Django set up on the bench database) ----------------------------------


def _prepare(needed: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from benchmarks.bench_reports import seed_national

    call_command("migrate", verbosity=0)
    seed_national()
    plan = _rush_layer(max(needed, OFFICER_ACCOUNTS))
    _reset(plan["period_pk"])
    with connection.cursor() as cur:
        cur.execute("VACUUM ANALYZE reports_submission")
    print(json.dumps(plan))


def _rush_layer(officers: int) -> dict[str, Any]:
    """The open period with a draft for every recipient, the sections and the accounts (made
    once, kept); the plan the locustfile follows."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.urls import reverse
    from django.utils import timezone

    from tuyengiao.accounts.models import Role, User
    from tuyengiao.orgs.models import Unit, UnitKind
    from tuyengiao.reports.calendar import generate_year
    from tuyengiao.reports.models import Period, ReportType, Section, Submission
    from tuyengiao.reports.services import ensure_submissions

    began = time.process_time()
    hashed = make_password(PASSWORD)  # once: every account gets this hash
    print(
        f"the password hasher ({hashed.split('$')[0]}, {hashed.split('$')[1]} iterations): "
        f"{(time.process_time() - began) * 1000:.0f} ms CPU a hash (what a sign-in costs)",
        file=sys.stderr,
    )
    today = timezone.localdate()
    rt = ReportType.objects.get(title="BENCH báo cáo quý")
    root = rt.unit
    with transaction.atomic():
        if not Period.objects.filter(report_type=rt, start__lte=today, end__gte=today).exists():
            print(f"rush layer: the periods of {today.year} …", file=sys.stderr)
            generate_year(rt, today.year)
        period = Period.objects.get(report_type=rt, start__lte=today, end__gte=today)
        if not Submission.objects.filter(period=period).exists():
            print(f"rush layer: drafts of {period.label} …", file=sys.stderr)
            ensure_submissions(rt, [period])
        if not rt.sections.exists():
            for order, title in enumerate(("Đánh giá chung", "Phương hướng quý tới"), start=1):
                Section.objects.create(report_type=rt, order=order, title=title)
        have = set(
            User.objects.filter(username__startswith="rush-o").values_list("unit_id", flat=True)
        )
        missing = officers - len(have)
        base_ids = list(
            Unit.objects.filter(kind=UnitKind.BASE_ORGANISATION, path__startswith=root.path)
            .order_by("path")
            .values_list("id", flat=True)
        )
        if missing > 0:
            print(f"rush layer: {missing} officer accounts …", file=sys.stderr)
            step = max(1, len(base_ids) // officers)
            free = [u for u in base_ids[::step] + base_ids if u not in have]
            picked = list(dict.fromkeys(free))[:missing]
            start = len(have)
            User.objects.bulk_create(
                [
                    User(
                        username=f"rush-o{start + i:05d}",
                        password=hashed,
                        unit_id=unit_id,
                        role=Role.OFFICER,
                    )
                    for i, unit_id in enumerate(picked)
                ]
            )
        for i in range(SUPERIORS):
            User.objects.update_or_create(
                username=f"rush-s{i}",
                defaults={"unit": root, "role": Role.OFFICER},
                create_defaults={"unit": root, "role": Role.OFFICER, "password": hashed},
            )
    accounts = list(
        User.objects.filter(username__startswith="rush-o")
        .order_by("username")
        .values_list("username", "unit_id")[:officers]
    )
    sub_of = dict(
        Submission.objects.filter(period=period, unit_id__in=[u for _, u in accounts]).values_list(
            "unit_id", "pk"
        )
    )
    sentinel = 987654321

    def pattern(name: str, **kwargs: int) -> str:
        return reverse(name, kwargs={k: sentinel for k in kwargs}).replace(str(sentinel), "{pk}")

    return {
        "units": len(base_ids),
        "period_pk": period.pk,
        "period_key": period.key,
        "period_label": period.label,
        "password": PASSWORD,
        "officers": [[name, sub_of[unit_id]] for name, unit_id in accounts],
        "superiors": [f"rush-s{i}" for i in range(SUPERIORS)],
        "paths": {
            "login": reverse("accounts:login"),
            "inbox": reverse("reports:inbox"),
            "submission": pattern("reports:submission", submission_pk=1),
            "autosave": pattern("reports:autosave", submission_pk=1),
            "submit": pattern("reports:submit", submission_pk=1),
            "matrix": reverse("reports:matrix"),
            "rollup": pattern("reports:rollup", period_pk=1),
        },
    }


def _reset(period_pk: int) -> None:
    """Put the open period back as the seed left it: every submission an untouched draft."""
    from auditlog.models import LogEntry
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.sessions.models import Session
    from django.db import transaction

    from tuyengiao.reports.models import IndicatorValue, ReportVersion, Status, Submission

    with transaction.atomic():
        ReportVersion.objects.filter(submission__period_id=period_pk).delete()
        IndicatorValue.objects.filter(period_id=period_pk).delete()
        Submission.objects.filter(period_id=period_pk).exclude(
            status=Status.DRAFT, version=1
        ).update(
            status=Status.DRAFT,
            version=1,
            data={},
            first_submitted_on=None,
            is_late=False,
            submitted_at=None,
            decided_at=None,
            comment="",
            updated_by=None,
            last_token="",
        )
        Session.objects.all().delete()
        for model in (AccessAttempt, AccessFailureLog, AccessLog, LogEntry):
            model.objects.all().delete()


def _verify() -> None:
    """What the rush stored: the open period's submissions submitted, and their versions."""
    import django

    django.setup()
    from django.utils import timezone

    from tuyengiao.reports.models import Period, ReportVersion, Status, Submission

    today = timezone.localdate()
    period = Period.objects.get(
        report_type__title="BENCH báo cáo quý", start__lte=today, end__gte=today
    )
    subs = Submission.objects.filter(period=period)
    print(
        json.dumps(
            {
                "submitted": subs.filter(status=Status.SUBMITTED).count(),
                "drafts saved": subs.filter(status=Status.DRAFT, version__gt=1).count(),
                "submit versions": ReportVersion.objects.filter(
                    submission__period=period, action="submit"
                ).count(),
            }
        )
    )


if __name__ == "__main__":
    if "--prepare" in sys.argv:
        _prepare(int(sys.argv[sys.argv.index("--prepare") + 1]))
    elif "--verify" in sys.argv:
        _verify()
    else:
        import argparse

        parsed = argparse.Namespace(quick="--quick" in sys.argv)
        for fig in run(parsed):
            print(fig.line())
        if SKIP_REASON:
            print("skipped:", SKIP_REASON)
