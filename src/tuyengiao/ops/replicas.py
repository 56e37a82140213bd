"""Read replicas for the read-heavy pages: a Django database router, no distribution layer of ours.

Configured by ``DATABASE_REPLICA_URLS`` (comma-separated PostgreSQL URLs of streaming replicas);
without it there is one database and nothing here does anything.

Reads go to a replica only inside ``read_replica()`` — a decorator or context manager that the
read-heavy views put around themselves (report matrix and roll-up, library search, plan tree).
Everything else reads the primary, so a page never shows less than its user just wrote: a
replica lags the primary by a fraction of a second, and only pages that show data written by
many people (never "what I just saved") are marked. Writes always go to the primary; a write
inside a marked block turns the rest of the block back to the primary.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from django.conf import settings
from django.db import models

P = ParamSpec("P")
R = TypeVar("R")

_reads_may_lag: ContextVar[bool] = ContextVar("reads_may_lag", default=False)

REPLICA_PREFIX = "replica"


def replica_aliases() -> list[str]:
    return sorted(alias for alias in settings.DATABASES if alias.startswith(REPLICA_PREFIX))


@contextmanager
def _marked() -> Iterator[None]:
    token = _reads_may_lag.set(True)
    try:
        yield
    finally:
        _reads_may_lag.reset(token)


def read_replica[**P, R](view: Callable[P, R]) -> Callable[P, R]:
    """Mark a view whose reads may be served by a replica (see the module docstring)."""

    @wraps(view)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with _marked():
            return view(*args, **kwargs)

    return wrapper


class ReplicaRouter:
    """``DATABASE_ROUTERS = ["tuyengiao.ops.replicas.ReplicaRouter"]`` (set by settings when
    replicas are configured)."""

    def db_for_read(self, model: type[models.Model], **hints: Any) -> str | None:
        replicas = replica_aliases()
        if replicas and _reads_may_lag.get():
            return random.choice(replicas)
        return "default"

    def db_for_write(self, model: type[models.Model], **hints: Any) -> str | None:
        _reads_may_lag.set(False)  # read your own writes for the rest of the block
        return "default"

    def allow_relation(self, obj1: models.Model, obj2: models.Model, **hints: Any) -> bool | None:
        return True  # every alias holds the same data

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return db == "default"  # replicas follow the primary by streaming replication
