"""PostgreSQL backend: ``search_vector`` (generated from the folded words, GIN-indexed).

Broad queries (tens of thousands of matches) are bounded so that a search stays fast: ranking
(``ts_rank``, which must read every matching vector) is done over the newest ``CANDIDATES``
matches inside the user's scope, and the count stops at ``COUNT_CAP`` (shown as "more than").
Documents whose own number the query names are found separately and always come first.
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet

from . import bounds


def tsquery(words: list[str]) -> str:
    """Every word must occur; words are [a-z0-9]+ so the expression is safe."""
    return " & ".join(words)


def ranked_ids(
    qs: QuerySet[Any],
    words: list[str],
    exclude: list[int],
    limit: int,
    narrow_scope: bool = False,
) -> tuple[list[tuple[int, float]], int]:
    """(id, rank) of the best ``limit`` matches inside ``qs`` (higher rank = better), and the count
    (at most ``COUNT_CAP + 1``: more than the cap). ``narrow_scope``: ``qs`` is a scope of a few
    thousand documents found by index lookups (``accounts.scoping.view_keys``)."""
    if qs.query.where and narrow_scope:
        return _ranked_in_scope(qs, words, exclude, limit)
    # the whole library or a wide scope: the match goes into the query itself
    matches = qs.order_by().extra(
        where=["documents_document.search_vector @@ to_tsquery('simple', %s)"],
        params=[tsquery(words)],
    )
    if exclude:
        matches = matches.exclude(id__in=exclude)
    wanted = max(bounds.CANDIDATES, limit)
    with connection.cursor() as cursor:
        found = _newest_in_recent_window(cursor, matches, wanted)
        if found is not None:
            candidates, total = found
        else:
            candidates, total = _newest_anywhere(cursor, matches, wanted)
        if not limit or not candidates:
            return [], total
        cursor.execute(
            "SELECT d.id, ts_rank(d.search_vector, to_tsquery('simple', %s)) AS r "
            "FROM documents_document d WHERE d.id = ANY(%s) ORDER BY r DESC, d.id DESC LIMIT %s",
            [tsquery(words), candidates, limit],
        )
        rows = [(int(pk), float(rank)) for pk, rank in cursor.fetchall()]
    return rows, total


def _newest_in_recent_window(
    cursor: Any, matches: QuerySet[Any], wanted: int
) -> tuple[list[int], int] | None:
    """The newest ``wanted`` matches and the capped count, looked for among the newest
    ``RECENT_WINDOW`` documents only; None when fewer than ``wanted`` match there.

    Why: a broad query matches a large share of the library, and finding its newest matches
    means reading the date of every match from the (wide) table rows — tens of thousands of
    them. Intersected with the date index, the match reads only the recent rows. The answer is
    exact for any window: every match outside it is older than every match inside. And when the
    window alone holds more than ``COUNT_CAP`` matches, the capped count needs no second scan."""
    cursor.execute(
        "SELECT date FROM documents_document WHERE date IS NOT NULL "
        "ORDER BY date DESC OFFSET %s LIMIT 1",
        [bounds.RECENT_WINDOW],
    )
    row = cursor.fetchone()
    if row is None:  # a library smaller than the window: nothing to gain
        return None
    recent = matches.filter(Q(date__gte=row[0]) | Q(date__isnull=True)).order_by("-date", "-id")
    ids = list(recent.values_list("id", flat=True)[: max(wanted, bounds.COUNT_CAP + 1)])
    if len(ids) < wanted:
        return None
    if len(ids) > bounds.COUNT_CAP:
        return ids[:wanted], bounds.COUNT_CAP + 1
    return ids[:wanted], _capped_count(cursor, matches)


def _newest_anywhere(cursor: Any, matches: QuerySet[Any], wanted: int) -> tuple[list[int], int]:
    total = _capped_count(cursor, matches)
    if not total:
        return [], 0
    ids = list(matches.order_by("-date", "-id").values_list("id", flat=True)[:wanted])
    return ids, total


def _capped_count(cursor: Any, matches: QuerySet[Any]) -> int:
    """The number of matches, counted up to ``COUNT_CAP + 1`` (more than the cap)."""
    sql, params = matches.values("id")[: bounds.COUNT_CAP + 1].query.sql_with_params()
    cursor.execute(f"SELECT count(*) FROM ({sql}) s", params)
    return int(cursor.fetchone()[0])


def _ranked_in_scope(
    qs: QuerySet[Any], words: list[str], exclude: list[int], limit: int
) -> tuple[list[tuple[int, float]], int]:
    """A narrow scope is computed first (materialised), then matched, counted and ranked in one
    statement: a unit sees a small part of the library, and walking the whole library's matches
    to find its few would cost more."""
    scope_sql, scope_params = qs.order_by().values("id").query.sql_with_params()
    where = "d.search_vector @@ to_tsquery('simple', %s)"
    params: list[Any] = [*scope_params, tsquery(words)]
    if exclude:
        where += " AND NOT (d.id = ANY(%s))"
        params.append(list(exclude))
    head = (
        f"WITH s AS MATERIALIZED ({scope_sql}), "
        "m AS MATERIALIZED (SELECT d.id, d.date, d.search_vector FROM documents_document d "
        f"JOIN s ON s.id = d.id WHERE {where}) "
    )
    count = "(SELECT count(*) FROM (SELECT 1 FROM m LIMIT %s) x)"
    with connection.cursor() as cursor:
        if not limit:
            cursor.execute(f"{head} SELECT {count}", [*params, bounds.COUNT_CAP + 1])
            return [], int(cursor.fetchone()[0])
        cursor.execute(
            f"{head}, c AS (SELECT m.id, m.search_vector FROM m "
            f"ORDER BY m.date DESC NULLS FIRST, m.id DESC LIMIT %s) "
            f"SELECT c.id, ts_rank(c.search_vector, to_tsquery('simple', %s)) AS r, {count} "
            f"FROM c ORDER BY r DESC, c.id DESC LIMIT %s",
            [*params, max(bounds.CANDIDATES, limit), tsquery(words), bounds.COUNT_CAP + 1, limit],
        )
        fetched = cursor.fetchall()
    total = int(fetched[0][2]) if fetched else 0
    return [(int(pk), float(rank)) for pk, rank, _ in fetched], total
