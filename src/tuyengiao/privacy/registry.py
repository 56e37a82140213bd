"""The personal-data registry: every app's ``personal_data.DECLARATIONS``, collected.

``declarations()`` imports ``<app>.personal_data`` of every installed app (project apps declare
the third-party models they bring, e.g. accounts declares the audit log and the second factors).
``undeclared_links()`` lists the foreign keys to ``orgs.Person`` / ``accounts.User`` that no
declaration covers: the test of the registry fails on any, so a new model cannot be forgotten.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.db import models

from tuyengiao.core.personal_data_spec import Declaration, Erasure

__all__ = ["Declaration", "Erasure", "declarations", "model_of", "person_links", "undeclared_links"]


@cache
def declarations() -> tuple[Declaration, ...]:
    found: list[Declaration] = []
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.personal_data")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.personal_data":
                raise
            continue
        found.extend(getattr(module, "DECLARATIONS", ()))
    labels = [d.model for d in found]
    doubles = {label for label in labels if labels.count(label) > 1}
    if doubles:
        raise ValueError(f"Declared twice: {sorted(doubles)}")
    return tuple(found)


def by_model() -> dict[str, Declaration]:
    return {d.model: d for d in declarations()}


def model_of(declaration: Declaration) -> type[models.Model]:
    return apps.get_model(declaration.model)


@dataclass(frozen=True)
class Link:
    """A foreign key (or one-to-one, or many-to-many) from a model to Person or User."""

    model: str
    field: str
    target: str  # "orgs.Person" or "accounts.User"

    @property
    def path(self) -> str:
        """The lookup from the model to the person."""
        return self.field if self.target == "orgs.Person" else f"{self.field}__person"


def person_links() -> list[Link]:
    """Every concrete relation to orgs.Person or accounts.User in every installed model (the
    through tables Django makes for a many-to-many are represented by the field that owns them)."""
    targets = {"orgs.Person", "accounts.User"}
    links = []
    for model in apps.get_models():
        for f in model._meta.get_fields():
            related = getattr(f, "related_model", None)
            if related is None or not getattr(f, "concrete", False) or f.auto_created:
                continue
            if not (f.many_to_one or f.one_to_one or f.many_to_many):
                continue
            if related._meta.label in targets:
                links.append(Link(model._meta.label, f.name, related._meta.label))
    return links


def undeclared_links() -> list[str]:
    """Relations to a person no declaration covers, as "app.Model.field" (empty when complete)."""
    declared = by_model()
    missing = []
    for link in person_links():
        declaration = declared.get(link.model)
        paths = () if declaration is None else declaration.person_paths + declaration.actor_paths
        if link.path not in paths:
            missing.append(f"{link.model}.{link.field}")
    return missing
