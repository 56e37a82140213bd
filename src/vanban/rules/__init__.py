"""Format rules (thể thức) of party and state documents, as data, each citing its source.

>>> import datetime as dt
>>> rule_set_for(dt.date(2021, 3, 1), "party").name
'36-HD/VPTW'
>>> rule_set_for(dt.date(2026, 6, 1), "party").name
'05-HD/VPTW'
>>> rule_set_for(dt.date(2024, 1, 5), "state").name
'NĐ 30/2020'
"""

from __future__ import annotations

import datetime as dt

from vanban.rules import party_2018, party_2026, state_2020
from vanban.rules.base import (
    Authority,
    Component,
    DocType,
    Kind,
    Layout,
    Presentation,
    Range,
    Rule,
    RuleSet,
)

RULE_SETS: tuple[RuleSet, ...] = (
    party_2018.RULE_SET,
    party_2026.RULE_SET,
    state_2020.RULE_SET,
)


def rule_set_for(date: dt.date, kind: Kind) -> RuleSet | None:
    """The rules a document of ``kind`` dated ``date`` is judged by; None before the earliest
    rule set held here (36-HD/VPTW from 03/4/2018, NĐ 30/2020 from 05/3/2020)."""
    for rule_set in RULE_SETS:
        if rule_set.kind == kind and rule_set.in_force_on(date):
            return rule_set
    return None


def rule_set_named(name: str) -> RuleSet | None:
    """The rule set called ``name`` ("05-HD/VPTW"), as ``to_dict()["rule_set"]`` gives it."""
    for rule_set in RULE_SETS:
        if rule_set.name == name:
            return rule_set
    return None


__all__ = [
    "RULE_SETS",
    "Authority",
    "Component",
    "DocType",
    "Kind",
    "Layout",
    "Presentation",
    "Range",
    "Rule",
    "RuleSet",
    "rule_set_for",
    "rule_set_named",
]
