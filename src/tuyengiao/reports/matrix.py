"""The status matrix (units × report types for one period), shared by its page and by the
background job that exports a large matrix to .xlsx.

Every query starts from ``tuyengiao.accounts.scoping`` with the user who asked (the page's user,
or the job's starter): the export job recomputes the same rows as the page from the filters it
stored, with the rights its starter has when it runs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import TYPE_CHECKING, Any, NamedTuple

from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models import Exists, FilteredRelation, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from tuyengiao.accounts.scoping import Action, scoped, visible_units
from tuyengiao.core.spreadsheets import workbook_bytes
from tuyengiao.core.text import fold
from tuyengiao.orgs.models import Unit, current_q

from .models import Period, Recipient, ReportType, Submission
from .services.statuses import Cell, cell_status, status_condition

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User

# A matrix of more rows than this is exported by a background job (progress shown, file kept for
# download) instead of inside the request: 52,000 rows take several seconds to write.
EXPORT_IN_REQUEST_MAX = 5000
EXPORT_CHUNK = 2000  # units read (and their cells) per query while exporting
EXPORT_TITLE = "Tình hình nộp báo cáo"


def _owned[M: models.Model](qs: QuerySet[M], user: User | AnonymousUser, owner: str) -> QuerySet[M]:
    """``qs`` narrowed to rows whose ``owner`` unit is the user's unit or below it (a system
    administrator owns every unit's): what the user's own report types are, not those received."""
    unit = getattr(user, "unit", None)
    if unit is not None and not getattr(user, "is_system_admin", False):
        qs = qs.filter(**{f"{owner}__path__startswith": unit.path})
    return qs


def own_types(user: User | AnonymousUser, action: Action = Action.VIEW) -> QuerySet[ReportType]:
    """Report types defined by the user's unit or units below it (not those received)."""
    return _owned(scoped(ReportType, user, action), user, "unit").select_related("unit")


def sent_periods(user: User | AnonymousUser) -> QuerySet[Period]:
    """The periods of the sent types the user owns (``own_types``), read with their type, its
    owner and its recipient tally. The ownership test is on the joined type rather than an
    ``IN (own_types)`` subquery: PostgreSQL took longer to plan that subquery (0.85 ms) than to
    run the whole query."""
    qs = _owned(scoped(Period, user).filter(report_type__sent=True), user, "report_type__unit")
    return qs.select_related("report_type__unit", "report_type__recipient_tally")


def period_choices(
    user: User | AnonymousUser,
) -> tuple[list[tuple[str, str]], dict[str, list[Period]]]:
    """The period keys of ``sent_periods(user)`` (newest first) and the periods of each key."""
    by_key: dict[str, list[Period]] = {}
    for p in sent_periods(user).order_by("-start", "kind"):
        by_key.setdefault(p.key, []).append(p)
    choices = [(k, ps[0].label) for k, ps in by_key.items()]
    return choices, by_key


def periods_of(user: User | AnonymousUser, key: str) -> list[Period]:
    """The periods of key ``key`` of the sent types the user owns, by type title."""
    _, by_key = period_choices(user)
    return sorted(by_key.get(key, []), key=lambda p: p.report_type.title)


@dataclass(frozen=True)
class Filters:
    """What the matrix's filter form narrows the units to."""

    kind: str = ""
    q: str = ""
    status: str = ""

    @property
    def any(self) -> bool:
        return bool(self.kind or self.q or self.status)

    def as_options(self) -> dict[str, str]:
        return {"kind": self.kind, "q": self.q, "status": self.status}


def units(
    user: User | AnonymousUser, periods: Sequence[Period], filters: Filters, today: date
) -> QuerySet[Unit]:
    """The units listed: recipients of the periods' types the user can see, filtered, by path —
    those that existed at the periods' end (``Unit.objects.current``): after a merge, a past
    quarter lists the old units and the current one their successor."""
    qs = visible_units(user)
    if periods:
        qs = qs.filter(current_q(max(p.end for p in periods)))
    qs = qs.filter(
        Exists(
            Recipient.objects.filter(
                unit=OuterRef("pk"), report_type__in=[p.report_type_id for p in periods]
            )
        )
    )
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.q:
        qs = qs.filter(name_folded__contains=fold(filters.q))
    if filters.status:
        cond = Q(pk__in=[])
        for p in periods:
            cond |= status_condition(p, filters.status, today)
        qs = qs.filter(cond)
    return qs.order_by("path")


class PageUnit(NamedTuple):
    """A unit listed on a page of the matrix: what its row prints."""

    pk: int
    code: str
    name: str


PAGE_UNIT_FIELDS = ("pk", "code", "name")
# Up to this many periods (report types) in the matrix, a page's cells are joined to its units
# (one query); beyond, they are read by a second query (SQLite joins at most 64 tables).
PAGE_JOIN_MAX = 8


def page_units(unit_qs: QuerySet[Unit], periods: Sequence[Period]) -> QuerySet[Any]:
    """``unit_qs`` as plain rows for a page of the matrix: ``PAGE_UNIT_FIELDS``, then, when there
    are at most ``PAGE_JOIN_MAX`` periods, for each period the (pk, status, is_late) of the
    unit's submission or Nones — a LEFT JOIN a period on the unique submission of (unit, period).
    Count with ``unit_qs``, not this."""
    fields = list(PAGE_UNIT_FIELDS)
    if len(periods) <= PAGE_JOIN_MAX:
        for i, p in enumerate(periods):
            alias = f"sub_{i}"
            unit_qs = unit_qs.annotate(
                **{
                    alias: FilteredRelation(
                        "report_submissions", condition=Q(report_submissions__period=p.pk)
                    )
                }
            )
            fields += [f"{alias}__pk", f"{alias}__status", f"{alias}__is_late"]
    return unit_qs.values_list(*fields)


def page_rows(
    periods: Sequence[Period], units: Sequence[Sequence[Any]], today: date
) -> list[dict[str, Any]]:
    """The rows of a page of the matrix: ``{"unit": PageUnit, "cells": [(period, status,
    submission pk or None, label, link, accepted-but-late), …], "html": the row's <tr>}``, one
    cell a period. ``units`` are rows of ``page_units(…, periods)``; the submissions not joined
    there are read here, in one query."""
    n = len(PAGE_UNIT_FIELDS)
    units = list(units)
    subs: list[list[tuple[Any, Any, Any]]]
    if not periods or (units and len(units[0]) > n):  # joined by page_units
        subs = [[tuple(u[n + 3 * i : n + 3 * i + 3]) for i in range(len(periods))] for u in units]
    else:
        found = {
            (unit_id, period_id): (pk, status, is_late)
            for pk, unit_id, period_id, status, is_late in Submission.objects.filter(
                period__in=list(periods), unit_id__in=[u[0] for u in units]
            ).values_list("pk", "unit_id", "period_id", "status", "is_late")
        }
        subs = [[found.get((u[0], p.pk), (None, None, None)) for p in periods] for u in units]
    labels = {k: v[0] for k, v in Cell.LABELS.items()}
    # the link to a submission, reversed once
    sentinel = 987654321
    link_head, link_tail = reverse("reports:submission", args=[sentinel]).split(str(sentinel))
    rows = []
    for u, unit_subs in zip(units, subs, strict=True):
        unit = PageUnit(*u[:n])
        cells = []
        for p, (sub, status, is_late) in zip(periods, unit_subs, strict=True):
            st = Cell.NONE if sub is None else cell_status(status, is_late, p.due_date, today)
            link = f"{link_head}{sub}{link_tail}" if sub is not None else ""
            cells.append((p, st, sub, labels[st], link, st == Cell.ACCEPTED and bool(is_late)))
        rows.append({"unit": unit, "cells": cells, "html": row_html(unit, cells)})
    return rows


def row_html(unit: PageUnit, cells: Sequence[tuple[Any, ...]]) -> SafeString:
    """One row of the matrix table, written here rather than in the template: the page prints
    50 rows of several cells, and the template engine's cost per tag (a few µs each, a dozen
    tags a row) was a third of the page's rendering. Every value is escaped (``html.escape``,
    what the template's autoescaping applies)."""
    parts = [f'<tr data-unit="{escape(unit.code)}"><td>{escape(unit.name)}</td>\n']
    for _period, status, _sub, label, link, late in cells:
        badge = f'<span class="badge {escape(status)}">{escape(label)}</span>'
        if link:
            badge = f'<a href="{escape(link)}">{badge}</a>'
        warn = ' <span class="badge warn">muộn</span>' if late else ""
        parts.append(f'<td class="cell-{escape(status)}">{badge}{warn}</td>')
    parts.append("</tr>\n")
    return mark_safe("".join(parts))  # every value above is escaped


def export_headers(periods: Sequence[Period]) -> list[str]:
    return ["Mã đơn vị", "Đơn vị", *(p.report_type.title for p in periods)]


def statuses_in_range(
    periods: Sequence[Period], after_path: str, last_path: str, today: date
) -> dict[int, dict[int, str]]:
    """unit id → period id → cell status of the units whose path is in (after_path, last_path]:
    a range join on the unit path (no list of thousands of ids to send), plain tuples (no model
    instances: the export reads every unit of the matrix)."""
    due = {p.pk: p.due_date for p in periods}
    out: dict[int, dict[int, str]] = {}
    for unit_id, period_id, status, is_late in Submission.objects.filter(
        period__in=periods, unit__path__gt=after_path, unit__path__lte=last_path
    ).values_list("unit_id", "period_id", "status", "is_late"):
        out.setdefault(unit_id, {})[period_id] = cell_status(status, is_late, due[period_id], today)
    return out


def export_rows(
    periods: Sequence[Period],
    unit_qs: QuerySet[Unit],
    today: date,
    progress: Any = None,
    total: int = 0,
) -> Iterator[list[str]]:
    """The .xlsx rows (code, name, one status label a period), read ``EXPORT_CHUNK`` units at a
    time in path order; ``progress.writing(done, total)`` is called after each chunk when given."""
    labels = {k: v[0] for k, v in Cell.LABELS.items()}
    none = labels[Cell.NONE]
    last_path = ""
    done = 0
    while True:
        chunk = list(
            unit_qs.filter(path__gt=last_path).values_list("pk", "code", "name", "path")[
                :EXPORT_CHUNK
            ]
        )
        if not chunk:
            return
        # the units listed are a subset of that range (filters): the others are not looked up
        statuses = statuses_in_range(periods, last_path, chunk[-1][3], today)
        for pk, code, name, _path in chunk:
            by_period = statuses.get(pk, {})
            yield [
                code,
                name,
                *(labels[by_period[p.pk]] if p.pk in by_period else none for p in periods),
            ]
        done += len(chunk)
        last_path = chunk[-1][3]
        if progress is not None:
            progress.writing(done, max(total, done))


def export_workbook(
    periods: Sequence[Period],
    unit_qs: QuerySet[Unit],
    today: date,
    progress: Any = None,
    total: int = 0,
) -> bytes:
    rows = export_rows(periods, unit_qs, today, progress, total)
    return workbook_bytes([(EXPORT_TITLE, export_headers(periods), rows)])
