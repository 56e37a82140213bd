"""SQLite backend: FTS5 over the folded words (table ``documents_fts``, see migration 0002)."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import QuerySet


def match_expression(words: list[str]) -> str:
    """Every word must occur (implicit AND); words are [a-z0-9]+ so quoting is safe."""
    return " ".join(f'"{w}"' for w in words)


def ranked_ids(
    qs: QuerySet[Any], words: list[str], exclude: list[int], limit: int
) -> tuple[list[tuple[int, float]], int]:
    """(id, rank) of the best ``limit`` matches inside ``qs`` (higher rank = better), and the count."""
    sub_sql, sub_params = qs.order_by().values("id").query.sql_with_params()
    where = f"documents_fts MATCH %s AND rowid IN ({sub_sql})"
    params: list[Any] = [match_expression(words), *sub_params]
    if exclude:
        where += f" AND rowid NOT IN ({','.join('%s' for _ in exclude)})"
        params += exclude
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM documents_fts WHERE {where}", params)
        total = int(cursor.fetchone()[0])
        if not limit or not total:
            return [], total
        cursor.execute(
            f"SELECT rowid, bm25(documents_fts) AS r FROM documents_fts WHERE {where} ORDER BY r LIMIT %s",
            [*params, limit],
        )
        rows = [(int(pk), -float(rank)) for pk, rank in cursor.fetchall()]
    return rows, total
