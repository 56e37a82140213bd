"""The replica router, with two databases configured (the replica mirrors the test database)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connections, router
from django.test import override_settings

from tuyengiao.ops.replicas import ReplicaRouter, read_replica
from tuyengiao.orgs.models import Unit


@pytest.fixture
def two_databases(settings: Any) -> Any:
    default = settings.DATABASES["default"]
    databases = {"default": default, "replica1": {**default, "TEST": {"MIRROR": "default"}}}
    with override_settings(DATABASES=databases, DATABASE_ROUTERS=[ReplicaRouter()]):
        yield


def test_reads_go_to_the_primary_unless_the_view_is_marked(two_databases: Any) -> None:
    assert router.db_for_read(Unit) == "default"

    @read_replica
    def marked_view() -> tuple[str | None, str | None, str | None]:
        before = router.db_for_read(Unit)
        written = router.db_for_write(Unit)
        after = router.db_for_read(Unit)  # read your own write: back to the primary
        return before, written, after

    assert marked_view() == ("replica1", "default", "default")
    assert router.db_for_read(Unit) == "default"  # the mark ends with the view


def test_one_database_means_no_routing() -> None:
    @read_replica
    def marked_view() -> str | None:
        return ReplicaRouter().db_for_read(Unit)

    assert "replica1" not in connections.settings
    assert marked_view() == "default"


def test_migrations_run_on_the_primary_only() -> None:
    assert ReplicaRouter().allow_migrate("default", "orgs")
    assert not ReplicaRouter().allow_migrate("replica1", "orgs")


@pytest.mark.django_db(databases=["default"])
def test_settings_read_replica_urls(monkeypatch: Any) -> None:
    import importlib

    import tuyengiao.settings as project_settings

    monkeypatch.setenv(
        "DATABASE_REPLICA_URLS",
        "postgres://r@replica-a.example/tg, postgres://r@replica-b.example/tg",
    )
    reloaded = importlib.reload(project_settings)
    try:
        assert sorted(reloaded.DATABASES) == ["default", "replica1", "replica2"]
        assert reloaded.DATABASES["replica2"]["HOST"] == "replica-b.example"
        assert reloaded.DATABASES["replica1"]["TEST"] == {"MIRROR": "default"}
        assert reloaded.DATABASE_ROUTERS == ["tuyengiao.ops.replicas.ReplicaRouter"]
    finally:
        monkeypatch.delenv("DATABASE_REPLICA_URLS")
        importlib.reload(project_settings)
