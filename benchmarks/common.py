"""Shared helpers for the benchmark modules: timing, percentiles and the JSON record."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

BENCH_DIR = Path("var/bench")


@dataclass
class Figure:
    """One measured figure with the baseline it is compared to (both from the same run)."""

    name: str
    metric: str
    value: float
    unit: str
    baseline: str
    baseline_value: float
    ratio: float
    goal: str = ""

    def line(self) -> str:
        goal = f"  goal: {self.goal}" if self.goal else ""
        return (
            f"{self.name}: {self.metric} = {self.value:.3f} {self.unit}; "
            f"{self.baseline} = {self.baseline_value:.3f}; ratio {self.ratio:.2f}{goal}"
        )


def write(file_stem: str, figures: list[Figure]) -> Path:
    """Write the figures of one benchmark to var/bench/<file_stem>.json (one object if single)."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    path = BENCH_DIR / f"{file_stem}.json"
    payload: object = asdict(figures[0]) if len(figures) == 1 else [asdict(f) for f in figures]
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def timings_ms(fn: Callable[[], object], repeat: int, warmup: int = 2) -> list[float]:
    """Run ``fn`` ``warmup + repeat`` times; return the last ``repeat`` wall times in ms."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def p95(values: list[float]) -> float:
    """95th percentile (inclusive method); the single value when there is one."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def ensure_postgres_database(url: str) -> str | None:
    """Create the PostgreSQL database named by ``url`` when it is missing (kept between runs, so a
    benchmark seeds it once); return None, or why it cannot be reached."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    base, name = url.rsplit("/", 1)
    admin_url = base + "/postgres"
    try:
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=3) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
    except Exception as exc:
        return f"PostgreSQL not reachable at {admin_url}: {exc}"
    return None


def as_web_worker() -> None:
    """Set the measuring process up as a deployed web server's worker is: static files collected
    (pages are rendered with DEBUG off, whose hashed static files need their manifest — a fresh
    machine has none) and ``tuyengiao.wsgi`` loaded, the entry point gunicorn and runserver load,
    which freezes the startup heap (``core.startup``). Called after seeding, before any figure is
    timed."""
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    import tuyengiao.wsgi  # noqa: F401


def p95_figure(
    name: str,
    measured: list[float],
    baseline_measured: list[float],
    *,
    baseline: str,
    goal: str = "",
    metric: str = "p95 latency",
) -> Figure:
    """A p95 latency in ms against the p95 of its baseline, measured in the same run."""
    value, base = p95(measured), p95(baseline_measured)
    return Figure(
        name=name,
        metric=metric,
        value=value,
        unit="ms",
        baseline=baseline,
        baseline_value=base,
        ratio=value / max(base, 1e-9),
        goal=goal,
    )


# --- benchmarks measured in a child process ---------------------------------------------------
# Each database benchmark measures in a child process, so that its Django settings (its own
# database) do not depend on what other benchmarks of ``make bench`` configured. The parent and the
# child speak through the child's last line of output: its figures as JSON.


class ChildFailed(RuntimeError):
    """The measuring child exited with an error; the message ends with its stderr."""


def run_in_child(
    module: str,
    database_url: str,
    *child_args: str,
    quick: bool = False,
    timeout: int = 3600,
    extra_env: dict[str, str] | None = None,
) -> list[Figure]:
    """Run ``python -m <module> --child [child_args] [--quick]`` with production-like settings on
    ``database_url`` (DEBUG off, tasks run at once) and return the figures it printed."""
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="tuyengiao.settings",
        DATABASE_URL=database_url,
        DEBUG="0",
        SECRET_KEY=os.environ.get("SECRET_KEY", "bench-not-a-secret-0123456789abcdefghijklmnopqrs"),
        ALLOWED_HOSTS="testserver,localhost",
        SECURE_SSL_REDIRECT="0",
        TASKS_IMMEDIATE="1",
        **(extra_env or {}),
    )
    cmd = [sys.executable, "-m", module, "--child", *child_args] + (["--quick"] if quick else [])
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise ChildFailed(f"child failed: {proc.stderr.strip()[-1500:]}")
    if proc.stderr.strip():
        print(proc.stderr.strip(), file=sys.stderr)
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    return [Figure(**f) for f in data]


def run_on_postgres(
    module: str,
    database_url: str,
    args: Any,
    *,
    timeout: int = 3600,
    extra_env: dict[str, str] | None = None,
    check: Callable[[], str | None] | None = None,
) -> tuple[list[Figure], str]:
    """The usual ``run`` of a PostgreSQL benchmark: make sure its database exists (or, with
    ``check``, that it was seeded), measure in a child; return (figures, why nothing was measured)."""
    problem = check() if check else ensure_postgres_database(database_url)
    if problem:
        return [], problem
    try:
        figures = run_in_child(
            module,
            database_url,
            quick=bool(getattr(args, "quick", False)),
            timeout=timeout,
            extra_env=extra_env,
        )
    except ChildFailed as exc:
        return [], str(exc)
    return figures, ""


def bench_main(module: str) -> None:
    """``python -m benchmarks.bench_<name>``: run that benchmark alone and print its figures, or,
    with ``--child [label]``, be the measuring child (``measure(quick, *labels)``) and print them
    as the JSON line ``run_in_child`` reads."""
    bench = importlib.import_module(module)
    argv = sys.argv[1:]
    quick = "--quick" in argv
    if "--child" in argv:
        labels = [a for a in argv if a not in ("--child", "--quick")]
        figures = bench.measure(quick, *labels)
        print(json.dumps([asdict(f) for f in figures], ensure_ascii=False))
        return
    for figure in bench.run(argparse.Namespace(quick=quick)):
        print(figure.line())
    if getattr(bench, "SKIP_REASON", ""):
        print("skipped:", bench.SKIP_REASON)


def bulk_levels(
    root: Any, fanouts: Sequence[int], kinds: Sequence[str], batch_size: int = 5000
) -> list[list[Any]]:
    """A regular tree below ``root`` written with bulk inserts (treebeard's ``add_child`` one by one
    would take minutes at these sizes): level ``i`` gives every unit of level ``i - 1``
    ``fanouts[i]`` children of kind ``kinds[i]``, coded ``<parent code>-<n>`` and named
    "Đơn vị <code>". Returns the units of each level, the root's level first."""
    from tuyengiao.core.text import fold
    from tuyengiao.orgs.models import Unit
    from tuyengiao.orgs.synthetic import child_path

    levels: list[list[Any]] = [[root]]
    for level, fanout in enumerate(fanouts):
        below = fanouts[level + 1] if level + 1 < len(fanouts) else 0
        new = []
        for parent in levels[-1]:
            for i in range(1, fanout + 1):
                code = f"{parent.code}-{i}"
                name = f"Đơn vị {code}"
                new.append(
                    Unit(
                        kind=kinds[level],
                        code=code,
                        name=name,
                        short_name="ĐU",
                        name_folded=fold(name),
                        path=child_path(parent.path, i),
                        depth=parent.depth + 1,
                        numchild=below,
                    )
                )
        Unit.objects.bulk_create(new, batch_size=batch_size)
        levels.append(
            list(Unit.objects.filter(depth=root.depth + level + 1, path__startswith=root.path))
        )
    Unit.objects.filter(pk=root.pk).update(numchild=fanouts[0])
    return levels
