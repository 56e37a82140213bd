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

CANDIDATES = 500
COUNT_CAP = 1000


def tsquery(words: list[str]) -> str:
    """Every word must occur; words are [a-z0-9]+ so the expression is safe."""
    return " & ".join(words)


def ranked_ids(
    qs: QuerySet[Any], words: list[str], exclude: list[int], limit: int
) -> tuple[list[tuple[int, float]], int]:
    """(id, rank) of the best ``limit`` matches inside ``qs`` (higher rank = better), and the count
    (at most ``COUNT_CAP + 1``: more than the cap)."""
    if qs.query.where:
        return _ranked_in_scope(qs, words, exclude, limit)
    # whole library: the match goes into the query itself, so the planner can walk the date
    # index for the newest candidates
    matches = qs.order_by().extra(
        where=["documents_document.search_vector @@ to_tsquery('simple', %s)"],
        params=[tsquery(words)],
    )
    if exclude:
        matches = matches.exclude(id__in=exclude)
    count_sql, count_params = matches.values("id")[: COUNT_CAP + 1].query.sql_with_params()
    cand_sql, cand_params = (
        matches.order_by("-date", "-id")
        .values("id")[: max(CANDIDATES, limit)]
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
    """A user's scope is computed first (materialised), then matched: a unit sees a small part of
    the library, and walking the whole library's matches to find its few would cost more."""
    scope_sql, scope_params = qs.order_by().values("id").query.sql_with_params()
    head = f"WITH s AS MATERIALIZED ({scope_sql}) "
    where = "d.search_vector @@ to_tsquery('simple', %s)"
    params: list[Any] = [*scope_params, tsquery(words)]
    if exclude:
        where += " AND NOT (d.id = ANY(%s))"
        params.append(list(exclude))
    body = f"FROM documents_document d JOIN s ON s.id = d.id WHERE {where}"
    with connection.cursor() as cursor:
        cursor.execute(
            f"{head} SELECT count(*) FROM (SELECT 1 {body} LIMIT %s) x", [*params, COUNT_CAP + 1]
        )
        total = int(cursor.fetchone()[0])
        if not limit or not total:
            return [], total
        cursor.execute(
            f"{head}, c AS (SELECT d.id, d.search_vector {body} "
            f"ORDER BY d.date DESC NULLS FIRST, d.id DESC LIMIT %s) "
            f"SELECT c.id, ts_rank(c.search_vector, to_tsquery('simple', %s)) AS r FROM c "
            f"ORDER BY r DESC, c.id DESC LIMIT %s",
            [*params, max(CANDIDATES, limit), tsquery(words), limit],
        )
        rows = [(int(pk), float(rank)) for pk, rank in cursor.fetchall()]
    return rows, total
