"""SQLite backend: FTS5 over the folded words (table ``documents_fts``, see migration 0002).

Three shapes, by the scope ``qs`` describes:

* the whole library: as on PostgreSQL, a broad query is bounded — ``bm25`` (most of the cost:
  100 ms for 43,000 matches) runs over the ``CANDIDATES`` most recently added matches only (a
  rowid range, which FTS5 walks cheaply), and the count stops at ``COUNT_CAP``;
* a narrow scope (``narrow_scope``: a few thousand documents at most, found by index lookups, see
  ``accounts.scoping.view_keys``): the scope is materialised first and the match walks the FTS
  table with the scope as the inner side of the join, so ``bm25`` — most of the cost of a broad
  query — is computed only for the matches inside the scope;
* a wide scope: the match is materialised first and each match looked up in the scope by its
  primary key (materialising a wide scope reads and joins most of the table); then bounded as
  for the whole library.

Never ``MATCH … AND rowid IN (scope)``: SQLite then drives the FTS table by rowid and re-runs the
match for every row of the scope (seconds on 100,000 documents).
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from . import bounds


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
    if qs.query.where and narrow_scope:
        return _ranked_in_scope(qs, words, exclude, limit)
    match = match_expression(words)
    # 1) the newest matches in scope, without ranking: the count (up to the cap) and the candidates
    if qs.query.where:
        # the scope, driven by the matches (primary-key lookups), not scanned whole
        scoped_matches = qs.order_by().filter(id__in=RawSQL("SELECT id FROM m", [])).values("id")
        sub_sql, sub_params = scoped_matches.query.sql_with_params()
        newest_sql = (
            "WITH m AS MATERIALIZED (SELECT rowid AS id FROM documents_fts "
            f"WHERE documents_fts MATCH %s) SELECT m.id FROM m WHERE m.id IN ({sub_sql})"
        )
        params: list[Any] = [match, *sub_params]
    else:
        newest_sql = "SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH %s"
        params = [match]
    if exclude:
        key = "m.id" if qs.query.where else "rowid"
        newest_sql += f" AND {key} NOT IN ({','.join('%s' for _ in exclude)})"
        params += exclude
    with connection.cursor() as cursor:
        cursor.execute(f"{newest_sql} ORDER BY id DESC LIMIT %s", [*params, bounds.COUNT_CAP + 1])
        newest = [int(row[0]) for row in cursor.fetchall()]
        if not limit or not newest:
            return [], len(newest)
        candidates = set(newest[: max(bounds.CANDIDATES, limit)])
        # 2) bm25 only from the oldest candidate on: FTS5 walks a rowid range cheaply
        cursor.execute(
            "SELECT rowid, bm25(documents_fts) FROM documents_fts "
            "WHERE documents_fts MATCH %s AND rowid >= %s",
            [match, min(candidates)],
        )
        ranked = sorted(
            ((int(pk), float(rank)) for pk, rank in cursor.fetchall() if pk in candidates),
            key=lambda hit: (hit[1], -hit[0]),
        )
    return [(pk, -rank) for pk, rank in ranked[:limit]], len(newest)


def _ranked_in_scope(
    qs: QuerySet[Any], words: list[str], exclude: list[int], limit: int
) -> tuple[list[tuple[int, float]], int]:
    """A narrow scope is materialised first and the match walks the FTS table with the scope as
    the inner side of the join, so ``bm25`` is computed only for the matches inside the scope."""
    scope_sql, scope_params = qs.order_by().values("id").query.sql_with_params()
    # CROSS JOIN keeps the FTS table outside: one pass of the match, the scope looked up
    head = (
        f"WITH s AS MATERIALIZED ({scope_sql}), "
        "m AS MATERIALIZED (SELECT documents_fts.rowid AS id, bm25(documents_fts) AS r "
        "FROM documents_fts CROSS JOIN s ON s.id = documents_fts.rowid "
        "WHERE documents_fts MATCH %s) "
    )
    params: list[Any] = [*scope_params, match_expression(words)]
    where = "1"
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
