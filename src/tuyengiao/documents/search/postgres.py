"""PostgreSQL backend: ``search_vector`` (generated from the folded words, GIN-indexed).

Broad queries (tens of thousands of matches) are bounded so that a search stays fast: ranking
(``ts_rank``, which must read every matching vector) is done over the newest ``CANDIDATES``
matches inside the user's scope, and the count stops at ``COUNT_CAP`` (shown as "more than").
Documents whose own number the query names are found separately and always come first.
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import QuerySet

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
    # the whole library or a wide scope: the match goes into the query itself, so the planner
    # can walk the date index for the newest candidates (checking the scope of each)
    matches = qs.order_by().extra(
        where=["documents_document.search_vector @@ to_tsquery('simple', %s)"],
        params=[tsquery(words)],
    )
    if exclude:
        matches = matches.exclude(id__in=exclude)
    count_sql, count_params = matches.values("id")[: bounds.COUNT_CAP + 1].query.sql_with_params()
    cand_sql, cand_params = (
        matches.order_by("-date", "-id")
        .values("id")[: max(bounds.CANDIDATES, limit)]
        .query.sql_with_params()
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({count_sql}) s", count_params)
        total = int(cursor.fetchone()[0])
        if not limit or not total:
            return [], total
        cursor.execute(
            f"SELECT d.id, ts_rank(d.search_vector, to_tsquery('simple', %s)) AS r "
            f"FROM documents_document d WHERE d.id IN ({cand_sql}) ORDER BY r DESC, d.id DESC LIMIT %s",
            [tsquery(words), *cand_params, limit],
        )
        rows = [(int(pk), float(rank)) for pk, rank in cursor.fetchall()]
    return rows, total


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
