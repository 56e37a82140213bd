"""gunicorn settings file of ``bench_rush``: each worker records what every request cost it.

For a request that carries ``X-Bench-Step: <phase>/<step>`` (the locustfile sets it), the worker
appends one line to ``$RUSH_SERVER_LOG/<pid>.tsv``: phase, step, HTTP status, wall ms (from the
parsed request to the last byte written), CPU ms of the worker process, SQL statements and SQL
ms (a Django execute wrapper installed on each new database connection). Only hooks are defined
here; the server's options (bind, workers, timeout …) are on the command line.
"""

from __future__ import annotations

import os
import time
from typing import Any

_LOG_DIR = os.environ.get("RUSH_SERVER_LOG", "")
_sql = {"n": 0, "ms": 0.0}
_start = {"wall": 0.0, "cpu": 0.0}


def _timer(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
    began = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        _sql["n"] += 1
        _sql["ms"] += (time.perf_counter() - began) * 1000


def _on_connection(sender: Any, connection: Any, **kwargs: Any) -> None:
    if _timer not in connection.execute_wrappers:
        connection.execute_wrappers.append(_timer)


def post_worker_init(worker: Any) -> None:
    """After the worker loaded ``tuyengiao.wsgi`` (Django is set up)."""
    if not _LOG_DIR:
        return
    from django.db import connections
    from django.db.backends.signals import connection_created

    connection_created.connect(_on_connection, weak=False)
    for connection in connections.all(initialized_only=True):
        _on_connection(None, connection)


def pre_request(worker: Any, req: Any) -> None:
    _start["wall"] = time.perf_counter()
    _start["cpu"] = time.process_time()
    _sql["n"] = 0
    _sql["ms"] = 0.0


def post_request(worker: Any, req: Any, environ: Any, resp: Any) -> None:
    if not _LOG_DIR:
        return
    step = next((v for k, v in req.headers if k == "X-BENCH-STEP"), "")
    if "/" not in step:
        return
    phase, name = step.split("/", 1)
    wall = (time.perf_counter() - _start["wall"]) * 1000
    cpu = (time.process_time() - _start["cpu"]) * 1000
    status = str(getattr(resp, "status_code", "") or getattr(resp, "status", ""))
    line = f"{phase}\t{name}\t{status}\t{wall:.2f}\t{cpu:.2f}\t{_sql['n']}\t{_sql['ms']:.2f}\n"
    with open(os.path.join(_LOG_DIR, f"{os.getpid()}.tsv"), "a", encoding="utf-8") as f:
        f.write(line)
