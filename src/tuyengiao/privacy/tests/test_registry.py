"""The personal-data registry covers every model that points at a person: a new model with a
foreign key to orgs.Person or accounts.User (directly, or through a many-to-many) fails here
until its app declares it in ``<app>/personal_data.py``."""

from __future__ import annotations

import pytest
from django.apps import apps

from tuyengiao.orgs.models import Person
from tuyengiao.privacy.registry import (
    Erasure,
    declarations,
    model_of,
    person_links,
    undeclared_links,
)


def test_every_relation_to_a_person_is_declared() -> None:
    links = person_links()
    # the scan sees the project's models and the third-party ones (audit log, second factors)
    labels = {link.model for link in links}
    assert {"study.Essay", "orgs.PersonTransfer", "auditlog.LogEntry", "core.Job"} <= labels
    assert undeclared_links() == [], (
        "Models holding personal data without a declaration: add them to the app's "
        "personal_data.py (see core/personal_data_spec.py)."
    )


def test_a_model_added_without_declaration_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    from tuyengiao.privacy import registry

    kept = [d for d in declarations() if d.model != "study.Essay"]
    monkeypatch.setattr(registry, "declarations", lambda: tuple(kept))
    missing = registry.undeclared_links()
    assert "study.Essay.person" in missing and "study.Essay.graded_by" in missing


@pytest.mark.django_db
def test_declarations_name_real_fields_and_paths() -> None:
    for d in declarations():
        model = model_of(d)
        names = {f.name for f in model._meta.get_fields()}
        assert set(d.fields) <= names, (d.model, set(d.fields) - names)
        assert set(d.files) <= set(d.fields), d.model
        assert set(d.anonymise) <= names, d.model
        for path in d.person_paths + d.actor_paths:  # each path reaches a person: the query runs
            list(model._default_manager.filter(**{path: 0})[:1])
        if d.retention_from:
            list(model._default_manager.order_by(d.retention_from)[:1])
        if d.erasure == Erasure.KEEP:
            assert d.keep_reason
        assert d.purpose and d.legal_basis and d.retention


def test_every_installed_project_app_can_declare() -> None:
    project = [c for c in apps.get_app_configs() if c.name.startswith("tuyengiao.")]
    declared_apps = {d.model.split(".")[0] for d in declarations()}
    holding = {link.model.split(".")[0] for link in person_links()}
    assert holding <= declared_apps
    assert "privacy" in {c.label for c in project}
    assert model_of(next(d for d in declarations() if d.model == "orgs.Person")) is Person


def test_the_docs_page_shows_the_registry() -> None:
    from pathlib import Path

    from tuyengiao.privacy.doc_table import BEGIN, END, render_table

    page = (Path(__file__).resolve().parents[4] / "docs" / "du-lieu-ca-nhan.md").read_text()
    start, end = page.index(BEGIN), page.index(END) + len(END)
    assert page[start:end] == render_table(), (
        "docs/du-lieu-ca-nhan.md is out of date: paste the output of "
        "`tuyengiao personal_data_doc` between its markers."
    )
