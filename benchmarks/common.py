"""Shared helpers for the benchmark modules: timing, percentiles and the JSON record."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

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
    """Set the measuring process up as a web server's worker is: load ``tuyengiao.wsgi``, the
    entry point gunicorn and runserver load, which freezes the startup heap (``core.startup``).
    Called after seeding, before any figure is timed."""
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
