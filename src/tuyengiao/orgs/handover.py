"""What a unit's work becomes when a reorganisation ends the unit: the hand-over to its successor.

The organisation app does not know the other apps' tables; an app whose records carry on after
a unit ends (open tasks, report obligations, study rounds still running) declares a hand-over in
its ``ready()`` with :func:`register`. A reorganisation's dry run lists, for each unit that ends,
what every hand-over would pass on (``pending``), and its confirmation passes it (``transfer``),
in the order the apps registered. Closed work (a submitted report, a finished task, a round
over) stays with the old unit, readable under its name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Unit


@dataclass(frozen=True)
class Handover:
    key: str
    title: str  # the heading of its lines in the dry run, in Vietnamese
    # (old unit, effective date) -> one line per item that would pass, in Vietnamese
    pending: Callable[[Unit, dt.date], list[str]]
    # (old unit, successor, effective date) -> how many items passed
    transfer: Callable[[Unit, Unit, dt.date], int]


_HANDOVERS: dict[str, Handover] = {}


def register(
    key: str,
    title: str,
    pending: Callable[[Unit, dt.date], list[str]],
    transfer: Callable[[Unit, Unit, dt.date], int],
) -> None:
    _HANDOVERS[key] = Handover(key, title, pending, transfer)


def handovers() -> list[Handover]:
    return list(_HANDOVERS.values())
