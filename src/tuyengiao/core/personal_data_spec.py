"""How an app declares the personal data it holds (collected by the ``privacy`` app).

Each app ships ``<app>/personal_data.py`` with ``DECLARATIONS: list[Declaration]``: one entry per
model that holds personal data — which fields, why (purpose), on which legal basis, how long it is
kept, and what erasure does to it (erase the rows, blank some fields, or keep the rows as a fact of
the party's records, with the reason shown). ``privacy.registry`` collects them; a test fails when a
model with a foreign key to ``orgs.Person`` or to ``accounts.User`` is not declared, so a new model
cannot be forgotten. The legal texts cited are in ``privacy/legal.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Erasure(StrEnum):
    """What erasure (Luật BVDLCN 91/2025/QH15 Điều 4: quyền yêu cầu xóa) does to the rows."""

    ERASE = "erase"  # the rows are deleted, with their files
    ANONYMISE = "anonymise"  # the fields in ``anonymise`` are overwritten; the rows stay
    KEEP = "keep"  # a party-record or work-record fact: kept, ``keep_reason`` shown


@dataclass(frozen=True)
class Declaration:
    """The personal data one model holds.

    ``person_paths`` are the lookups from the model to the ``orgs.Person`` a row is about
    (``"person"``, ``"attempt__person"``, ``"started_by__person"`` for a row linked to the
    person's user account): exported with the person's data and treated by ``erasure``.
    ``actor_paths`` reach the person when they acted as an officer (``"created_by__person"``,
    ``"graded_by__person"``): exported too, never erased (the unit's record of its work).
    ``retention_days`` counted from the date field ``retention_from``
    says when the purge removes a row (or, with ``purge_fields``, only blanks those fields /
    deletes those files); ``None`` keeps it as long as the record it belongs to.
    """

    model: str  # "app_label.ModelName"
    person_paths: tuple[str, ...]
    fields: tuple[str, ...]
    purpose: str
    legal_basis: str
    retention: str  # in words, for the notice and docs/du-lieu-ca-nhan.md
    erasure: Erasure
    keep_reason: str = ""
    anonymise: Mapping[str, Any] = field(default_factory=dict)
    sensitive: bool = False  # Nghị định 356/2025/NĐ-CP Điều 4 (e.g. party membership, health)
    files: tuple[str, ...] = ()  # file fields: exported with the person's data, purged with rows
    retention_days: int | None = None
    retention_from: str = ""
    purge_fields: tuple[str, ...] = ()  # purge blanks these (files deleted) instead of the row
    purge_filter: Mapping[str, Any] = field(default_factory=dict)  # only rows matching this
    actor_paths: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.erasure == Erasure.KEEP and not self.keep_reason:
            raise ValueError(f"{self.model}: a kept record must say why (keep_reason).")
        if self.erasure == Erasure.ANONYMISE and not self.anonymise:
            raise ValueError(f"{self.model}: anonymising needs the fields to overwrite.")
        if self.retention_days is not None and not self.retention_from:
            raise ValueError(f"{self.model}: a retention period needs its start (retention_from).")
