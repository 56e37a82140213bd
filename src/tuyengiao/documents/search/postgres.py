"""PostgreSQL backend: ``search_vector`` (generated from the folded words, GIN-indexed)."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import QuerySet


def tsquery(words: list[str]) -> str:
    """Every word must occur; words are [a-z0-9]+ so the expression is safe."""
    return " & ".join(words)


def ranked_ids(
    qs: QuerySet[Any], words: list[str], exclude: list[int], limit: int
) -> tuple[list[tuple[int, float]], int]:
    """(id, rank) of the best ``limit`` matches inside ``qs`` (higher rank = better), and the count."""
    sub_sql, sub_params = qs.order_by().values("id").query.sql_with_params()
    where = f"d.search_vector @@ to_tsquery('simple', %s) AND d.id IN ({sub_sql})"
    params: list[Any] = [tsquery(words), *sub_params]
    if exclude:
        where += " AND NOT (d.id = ANY(%s))"
        params.append(list(exclude))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM documents_document d WHERE {where}", params)
        total = int(cursor.fetchone()[0])
        if not limit or not total:
            return [], total
        cursor.execute(
            f"SELECT d.id, ts_rank(d.search_vector, to_tsquery('simple', %s)) AS r "
            f"FROM documents_document d WHERE {where} ORDER BY r DESC, d.id DESC LIMIT %s",
            [tsquery(words), *params, limit],
        )
        rows = [(int(pk), float(rank)) for pk, rank in cursor.fetchall()]
    return rows, total
