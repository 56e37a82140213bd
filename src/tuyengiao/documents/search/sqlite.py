"""SQLite backend: FTS5 over the folded words (table ``documents_fts``, see migration 0002).

The full-text match is materialised first and only then intersected with the user's scope:
written as one ``MATCH … AND rowid IN (scope)`` query, SQLite drives the FTS table by rowid and
re-runs the match for every row of the scope (minutes on 100,000 documents).
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL


def match_expression(words: list[str]) -> str:
    """Every word must occur (implicit AND); words are [a-z0-9]+ so quoting is safe."""
    return " ".join(f'"{w}"' for w in words)


def ranked_ids(
    qs: QuerySet[Any], words: list[str], exclude: list[int], limit: int
) -> tuple[list[tuple[int, float]], int]:
    """(id, rank) of the best ``limit`` matches inside ``qs`` (higher rank = better), and the count."""
    params: list[Any] = [match_expression(words)]
    if qs.query.where:
        # the scope, driven by the matches (primary-key lookups), not scanned whole
        scoped_matches = qs.order_by().filter(id__in=RawSQL("SELECT id FROM m", [])).values("id")
        sub_sql, sub_params = scoped_matches.query.sql_with_params()
        where = f"m.id IN ({sub_sql})"
        params += sub_params
    else:
        where = "1"
    if exclude:
        where += f" AND m.id NOT IN ({','.join('%s' for _ in exclude)})"
        params += exclude
    head = (
        "WITH m AS MATERIALIZED (SELECT rowid AS id, bm25(documents_fts) AS r "
        "FROM documents_fts WHERE documents_fts MATCH %s) "
    )
    with connection.cursor() as cursor:
        if not limit:
            cursor.execute(f"{head} SELECT count(*) FROM m WHERE {where}", params)
            return [], int(cursor.fetchone()[0])
        cursor.execute(
            f"{head} SELECT m.id, m.r, count(*) OVER () FROM m WHERE {where} ORDER BY m.r LIMIT %s",
            [*params, limit],
        )
        rows = cursor.fetchall()
    total = int(rows[0][2]) if rows else 0
    return [(int(pk), -float(rank)) for pk, rank, _ in rows], total
