"""SQLite backend: FTS5 over the folded words (table ``documents_fts``, see migration 0002).

Three shapes, by the scope ``qs`` describes:

* the whole library: every match ranked (``bm25``), the best ``limit`` kept;
* a narrow scope (``narrow_scope``: a few thousand documents at most, found by index lookups, see
  ``accounts.scoping.view_keys``): the scope is materialised first and the match walks the FTS
  table with the scope as the inner side of the join, so ``bm25`` — most of the cost of a broad
  query — is computed only for the matches inside the scope;
* a wide scope: the match is materialised first and each match looked up in the scope by its
  primary key (materialising a wide scope reads and joins most of the table).

Never ``MATCH … AND rowid IN (scope)``: SQLite then drives the FTS table by rowid and re-runs the
match for every row of the scope (seconds on 100,000 documents).
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
    qs: QuerySet[Any],
    words: list[str],
    exclude: list[int],
    limit: int,
    narrow_scope: bool = False,
) -> tuple[list[tuple[int, float]], int]:
    """(id, rank) of the best ``limit`` matches inside ``qs`` (higher rank = better), and the count."""
    params: list[Any] = []
    where = "1"
    if qs.query.where and narrow_scope:
        scope_sql, scope_params = qs.order_by().values("id").query.sql_with_params()
        # CROSS JOIN keeps the FTS table outside: one pass of the match, the scope looked up
        head = (
            f"WITH s AS MATERIALIZED ({scope_sql}), "
            "m AS MATERIALIZED (SELECT documents_fts.rowid AS id, bm25(documents_fts) AS r "
            "FROM documents_fts CROSS JOIN s ON s.id = documents_fts.rowid "
            "WHERE documents_fts MATCH %s) "
        )
        params += [*scope_params, match_expression(words)]
    else:
        head = (
            "WITH m AS MATERIALIZED (SELECT rowid AS id, bm25(documents_fts) AS r "
            "FROM documents_fts WHERE documents_fts MATCH %s) "
        )
        params.append(match_expression(words))
        if qs.query.where:
            # the scope, driven by the matches (primary-key lookups), not scanned whole
            scoped_matches = (
                qs.order_by().filter(id__in=RawSQL("SELECT id FROM m", [])).values("id")
            )
            sub_sql, sub_params = scoped_matches.query.sql_with_params()
            where = f"m.id IN ({sub_sql})"
            params += sub_params
    if exclude:
        where += f" AND m.id NOT IN ({','.join('%s' for _ in exclude)})"
        params += exclude
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
