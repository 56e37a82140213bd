"""Accent-insensitive, symbol-aware full-text search over the library.

One interface, :func:`search`, two backends chosen by the database vendor:

* SQLite: an FTS5 external-content table ``documents_fts`` over ``Document.search_folded``, kept
  in step by triggers (created in migration 0002, SQLite only);
* PostgreSQL: a stored generated column ``search_vector = to_tsvector('simple', search_folded)``
  with a GIN index (migration 0002, PostgreSQL only). ``unaccent`` is created too, but the column
  is already folded by our own :func:`fold_words`, so folding is exactly the same on both
  backends (đ→d and old/new tone placement included), which ``unaccent`` alone does not give.

Symbols: the document's own number is indexed as words ("35 nq tw") plus one compact token
("so35nqtw"), and a query that looks like a symbol ("35-NQ/TW", "35/NQ-TW", "NQ 35",
"nghị quyết 35") puts documents whose own number matches first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from vanban import fold, normalize_symbol
from vanban.normalize import fold_aligned

from . import bounds

WORD = re.compile(r"[a-z0-9]+")

# A user's scope of at most this many documents is materialised before the full-text match.
NARROW_SCOPE = 5000

# Type words and their symbol abbreviations (folded).
TYPE_ABBREVIATIONS: dict[str, str] = {
    "nghi quyet": "nq",
    "chi thi": "ct",
    "ket luan": "kl",
    "quy dinh": "qd",
    "quyet dinh": "qd",
    "ke hoach": "kh",
    "chuong trinh hanh dong": "ctr",
    "chuong trinh": "ctr",
    "huong dan": "hd",
    "cong van": "cv",
    "thong bao": "tb",
    "de an": "da",
    "nghi dinh": "nd",
    "thong tu": "tt",
    "bao cao": "bc",
    "to trinh": "tr",
}
ABBREVIATIONS = set(TYPE_ABBREVIATIONS.values()) | {
    "qdi",
    "ctr",
    "hd",
    "tb",
    "qc",
    "bc",
    "ub",
    "nd",
}


def fold_words(text: str) -> list[str]:
    """Folded words: "Nghị quyết số 35-NQ/TW" -> ["nghi", "quyet", "so", "35", "nq", "tw"]."""
    return WORD.findall(fold(text or ""))


def symbol_token(number_key: str) -> str:
    """One token for a whole symbol key: "35/nq/tw" -> "so35nqtw"."""
    return "so" + "".join(WORD.findall(number_key)) if number_key else ""


def search_document_text(doc: Any) -> str:
    """What ``Document.search_folded`` holds for ``doc``: metadata first, then the text."""
    key = normalize_symbol(doc.number) if doc.number else ""
    head = " ".join(
        part
        for part in (
            doc.number,
            symbol_token(key),
            doc.doc_type,
            doc.issuer,
            doc.parent_issuer,
            doc.title,
            doc.signer_name,
            doc.filename,
        )
        if part
    )
    return " ".join(fold_words(head + "\n" + (doc.text or "")))


@dataclass
class QueryPlan:
    words: list[str]
    symbol_keys: list[str] = field(default_factory=list)  # full keys ("35/nq/tw")
    symbol_prefixes: list[str] = field(default_factory=list)  # "35/nq" (type + number only)


_SYMBOL_LIKE = re.compile(r"\d+\s*[-/]\s*[^\W\d_]")


def plan_query(query: str) -> QueryPlan:
    """Words to match, and the document numbers the query names, if any."""
    words = fold_words(query)
    plan = QueryPlan(words=words)
    text = query.strip()
    if _SYMBOL_LIKE.search(text) and len(words) <= 6:
        key = normalize_symbol(text)
        if key:
            plan.symbol_keys.append(key)
            parts = key.split("/")
            if len(parts) >= 2:
                plan.symbol_prefixes.append("/".join(parts[:2]))
    joined = " ".join(words)
    # "NQ 35", "35 NQ", "nghi quyet 35", "nghi quyet so 35"
    for phrase, abbr in sorted(TYPE_ABBREVIATIONS.items(), key=lambda kv: -len(kv[0])):
        joined = re.sub(rf"\b{phrase}\b", abbr, joined)
    tokens = [t for t in joined.split() if t != "so"]
    if len(tokens) <= 6:
        abbrs = [t for t in tokens if t in ABBREVIATIONS]
        for token in tokens:
            if token.isdigit():
                for abbr in abbrs:
                    prefix = f"{token.lstrip('0') or '0'}/{abbr}"
                    if prefix not in plan.symbol_prefixes:
                        plan.symbol_prefixes.append(prefix)
    return plan


@dataclass
class Hit:
    document: Any
    rank: float
    snippet: str  # HTML, escaped, matches in <mark>
    exact_number: bool = False


@dataclass
class Results:
    hits: list[Hit]
    total: int
    plan: QueryPlan
    capped: bool = False  # the backend stopped counting: "more than ``total``"


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def highlight(text: str, words: list[str], width: int = 240) -> str:
    """An HTML snippet of ``text`` around the first match of ``words`` with every match in <mark>.
    Matching is on folded text with the same offsets (``fold_aligned``), so the original keeps its
    accents."""
    if not text:
        return ""
    folded = fold_aligned(text)
    if len(folded) != len(text):  # pragma: no cover - NFC text keeps its length
        folded = text.lower()
    spans: list[tuple[int, int]] = []
    for word in set(words):
        if len(word) < 2 and not word.isdigit():
            continue
        for m in re.finditer(rf"(?<![0-9a-z]){re.escape(word)}(?![0-9a-z])", folded):
            spans.append((m.start(), m.end()))
            if len(spans) > 200:
                break
    spans.sort()
    # Centre on the window holding the most distinct query words ("35", "nq", "tw" together).
    first, best = (spans[0][0] if spans else 0), -1
    for i, (s0, _) in enumerate(spans):
        seen = {folded[s:e] for s, e in spans[i:] if s - s0 < width // 2}
        if len(seen) > best:
            first, best = s0, len(seen)
    start = max(0, first - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    out: list[str] = ["…" if start else ""]
    pos = start
    for s, e in spans:
        if s < pos or e > end:
            continue
        out.append(_escape(text[pos:s]))
        out.append("<mark>" + _escape(text[s:e]) + "</mark>")
        pos = e
    out.append(_escape(text[pos:end]))
    if end < len(text):
        out.append("…")
    return " ".join("".join(out).split())


def _exact_ids(qs: QuerySet[Any], plan: QueryPlan) -> list[int]:
    from django.db.models import Q

    cond = Q()
    for key in plan.symbol_keys:
        cond |= Q(number_key=key)
    for prefix in plan.symbol_prefixes:
        # number_key in [prefix + "/", prefix + "0"): "/" (0x2F) is followed by "0" (0x30), so
        # this is "starts with prefix/" as a range both databases answer from the index.
        cond |= Q(number_key=prefix) | Q(number_key__gte=prefix + "/", number_key__lt=prefix + "0")
    if not cond:
        return []
    return list(qs.filter(cond).order_by("-date", "-id").values_list("id", flat=True)[:50])


def _heading_first(
    model: Any, ranked: list[tuple[int, float]], words: list[str]
) -> list[tuple[int, float]]:
    """``ranked`` (best first) with its ``HEADING_CANDIDATES`` best reordered so that documents
    whose type and title (trích yếu, the subject line) hold more of the query's words come first;
    the full-text rank orders each group. Officials look for "the resolution on X": a news item
    that mentions X ten times in its text should not come before it."""
    if len(ranked) < 2:
        return ranked
    # the best-ranked only: reading a title means reading past the text on SQLite (row order)
    best = ranked[: bounds.HEADING_CANDIDATES]
    wanted = set(words)
    headings = model._default_manager.filter(pk__in=[pk for pk, _ in best]).values_list(
        "id", "doc_type", "title"
    )
    in_heading = {
        pk: len(wanted.intersection(fold_words(f"{doc_type} {title}")))
        for pk, doc_type, title in headings
    }
    # stable sorts: rank orders each group, and the candidates after the best stay after them
    reordered = sorted(best, key=lambda hit: -in_heading.get(hit[0], 0))
    return reordered + [hit for hit in ranked if hit[0] not in in_heading]


def search(
    qs_scoped: QuerySet[Any],
    query: str,
    limit: int = 20,
    offset: int = 0,
    user: Any = None,
) -> Results:
    """Documents of ``qs_scoped`` matching ``query``: documents whose own number the query names
    first, then by full-text rank; each with an HTML snippet of its text.

    ``user``: the user ``qs_scoped`` was scoped for. The full-text match is then intersected with
    the user's scope materialised from index lookups (``accounts.scoping.view_keys``) rather than
    from ``qs_scoped``'s condition alone, which no index serves (every document read and joined
    to its unit)."""
    from tuyengiao.accounts.scoping import view_keys

    plan = plan_query(query)
    if not plan.words:
        return Results([], 0, plan)
    exact = _exact_ids(qs_scoped, plan)
    if connection.vendor == "postgresql":
        from . import postgres as backend
    else:
        from . import sqlite as backend  # type: ignore[no-redef]
    keys = view_keys(qs_scoped.model, user) if user is not None else None
    # a narrow scope (a base organisation's) is materialised from its keys and then matched; a
    # wide one (a province's: most of the library) is matched first, like the whole library
    narrow = keys is not None and keys[: NARROW_SCOPE + 1].count() <= NARROW_SCOPE
    in_scope = qs_scoped.filter(pk__in=keys) if narrow else qs_scoped
    wanted = max(0, limit + offset - len(exact))
    # every candidate's rank, so that those naming the query in their type and title come first
    ranked, total = backend.ranked_ids(
        in_scope,
        plan.words,
        exact,
        max(wanted, bounds.CANDIDATES) if wanted else 0,
        narrow_scope=narrow,
    )
    ranked = _heading_first(qs_scoped.model, ranked, plan.words)[:wanted]
    ordered: list[tuple[int, float, bool]] = [(pk, 1000.0, True) for pk in exact]
    ordered += [(pk, rank, False) for pk, rank in ranked]
    page = ordered[offset : offset + limit]
    # search_folded (a second copy of the text) is not shown: not read
    docs = (
        qs_scoped.model._default_manager.select_related("unit")
        .defer("search_folded")
        .in_bulk([pk for pk, _, _ in page])
    )
    hits = []
    for pk, rank, is_exact in page:
        doc = docs.get(pk)
        if doc is None:
            continue
        snippet = highlight(doc.text, plan.words) if doc.text else _escape(doc.title)
        hits.append(Hit(doc, rank, snippet, is_exact))
    capped = total > bounds.COUNT_CAP
    if capped:
        total = bounds.COUNT_CAP
    return Results(hits, total + len(exact), plan, capped)
