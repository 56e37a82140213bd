"""Links between documents: what a document cites, what cites it, and the implementation tree.

The implementation tree of a document goes down level by level through the documents that
"implement" it (their opening "Thực hiện …" names it), each with its unit and date, and lists
under each the units directly below the implementing unit that have not yet issued theirs.
Queries: two per level (the implementing documents of the whole level; the child units of the
whole level by path prefix and depth), never one per node.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from html import escape as html_escape
from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString, mark_safe

from tuyengiao.orgs.models import Unit

from .models import Document, Reference, RefKind

MAX_LEVELS = 8


@dataclass
class TreeNode:
    id: int
    number: str
    title: str
    date: date | None
    unit_id: int
    unit_name: str
    unit_path: str
    children: list[TreeNode] = field(default_factory=list)
    missing_units: list[tuple[int, str]] = field(default_factory=list)  # (unit id, name)

    @property
    def count(self) -> int:
        return 1 + sum(child.count for child in self.children)


@dataclass
class ImplementationTree:
    root: TreeNode
    levels: int  # levels of implementing documents below the root
    total: int  # implementing documents (root excluded)
    missing: int  # units below an implementing unit without their own implementing document


_VALUES = ("id", "number", "title", "date", "unit_id", "unit__name", "unit__path")


def implementation_tree(doc: Document, visible: QuerySet[Document]) -> ImplementationTree:
    """The tree below ``doc`` within ``visible`` (the user's scoped documents)."""
    root = TreeNode(
        doc.pk, doc.number, doc.title, doc.date, doc.unit_id, doc.unit.name, doc.unit.path
    )
    level = [root]
    seen = {doc.pk}
    total = missing = depth = rounds = 0
    steplen = Unit.steplen
    targets: Any = [doc.pk]
    while level and rounds < MAX_LEVELS:
        by_id = {node.id: node for node in level}
        # 1) documents implementing any document of this level (one query)
        # the level's ids as a subquery (not thousands of parameters): the database walks the
        # levels above again through the (target, kind) index, which is cheaper than binding
        level_qs = visible.filter(
            references__kind=RefKind.IMPLEMENTS, references__target_id__in=targets
        )
        rows = level_qs.order_by().values_list(*_VALUES, "references__target_id")
        # sorted here (by unit path, date, id), not by the database: a collation-aware ORDER BY
        # over thousands of paths costs more than the query itself on PostgreSQL
        next_level: list[TreeNode] = []
        for pk, number, title, day, unit_id, unit_name, unit_path, target in sorted(
            rows, key=lambda r: (r[6], r[3] or date.min, r[0])
        ):
            if pk in seen:
                continue
            seen.add(pk)
            parent = by_id.get(target)
            if parent is None:  # implements a document already placed higher in the tree
                continue
            node = TreeNode(pk, number, title, day, unit_id, unit_name, unit_path)
            parent.children.append(node)
            next_level.append(node)
        # 2) units directly below each implementing unit of this level (one query, by path prefix)
        parents = {node.unit_path for node in level}
        depths = {len(path) // steplen + 1 for path in parents}
        # one prefix (the deepest common ancestor of the level's units) + the depths wanted
        common = os.path.commonprefix(sorted(parents))  # noqa: RUF071 - character-wise is what we want (paths) if parents else ""
        common = common[: len(common) // steplen * steplen]
        children_of: dict[str, list[tuple[int, str, str]]] = {}
        for uid, name, path in (
            Unit.objects.filter(path__startswith=common, depth__in=depths, active=True)
            .order_by()
            .values_list("id", "name", "path")
        ):
            parent_path = path[:-steplen]
            if parent_path in parents:
                children_of.setdefault(parent_path, []).append((uid, name, path))
        for node in level:
            # a unit has "issued one" when it, or a unit below it, implements this node
            covered: set[str] = set()
            start = len(node.unit_path) + steplen
            for child in node.children:
                covered.update(
                    [child.unit_path[:k] for k in range(start, len(child.unit_path) + 1, steplen)]
                )
            for uid, name, path in sorted(children_of.get(node.unit_path, []), key=lambda u: u[2]):
                if path not in covered:
                    node.missing_units.append((uid, name))
            missing += len(node.missing_units)
        total += len(next_level)
        level = next_level
        targets = _level_ids(level_qs, next_level)
        depth += 1 if next_level else 0
        rounds += 1
    return ImplementationTree(root, depth, total, missing)


def _level_ids(level_qs: QuerySet[Document], level: list[TreeNode]) -> Any:
    """The next level's targets. PostgreSQL gets the ids themselves, sent as one array (thousands
    of bound parameters cost more to bind than the query): as a nested subquery its planner cannot
    estimate how many rows each level above yields and picks a plan that reads every reference.
    SQLite gets the subquery: it limits bound parameters, and its planner walks the (target, kind)
    index down the levels either way."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [[node.id for node in level]])
    return level_qs.order_by().values("id")


def links(doc: Document, visible: QuerySet[Document]) -> dict[str, Any]:
    """ "cites" (in the library and visible), "cited, not in the library", and "cited by"."""
    refs = list(doc.references.select_related("target__unit").order_by("kind", "id"))
    visible_ids = set(
        visible.filter(pk__in=[r.target_id for r in refs if r.target_id]).values_list(
            "id", flat=True
        )
    )
    cites = [r for r in refs if r.target_id in visible_ids]
    outside = [r for r in refs if r.target_id is None or r.target_id not in visible_ids]
    cited_by = list(
        visible.filter(references__target=doc)
        .select_related("unit")
        .distinct()
        .order_by("-date", "-id")[:500]
    )
    kinds = dict(
        Reference.objects.filter(target=doc, citing__in=[d.pk for d in cited_by]).values_list(
            "citing_id", "kind"
        )
    )
    for other in cited_by:
        other.link_kind = kinds.get(other.pk, RefKind.CITES)  # type: ignore[attr-defined]
    return {"cites": cites, "not_in_library": outside, "cited_by": cited_by}


def flatten(tree: ImplementationTree, with_missing: bool = True) -> list[dict[str, Any]]:
    """Rows for the page (depth-first, with indentation depth), no recursion in the template."""
    rows: list[dict[str, Any]] = []
    stack: list[tuple[TreeNode, int]] = [(tree.root, 0)]
    while stack:
        node, depth = stack.pop()
        rows.append({"depth": depth, "node": node, "indent": depth * 1.5})
        if with_missing and node.missing_units:
            rows.append(
                {"depth": depth + 1, "missing": node.missing_units, "indent": (depth + 1) * 1.5}
            )
        if node.children:
            stack.extend([(child, depth + 1) for child in reversed(node.children)])
    return rows


def render_rows(rows: list[dict[str, Any]], detail_prefix: str) -> SafeString:
    """The tree as <li> rows, built here rather than in a template loop: a page may carry
    thousands of plans and the template engine would dominate its time. (``html.escape`` is what
    Django's ``escape`` calls, without its lazy-string wrapper, which cost more than the escaping
    over 5,000 rows.)"""
    out: list[str] = []
    for row in rows:
        indent = f'style="margin-left:{row["indent"]:.1f}rem"'
        node = row.get("node")
        if node is not None:
            day = node.date
            when = f", {day.day:02d}/{day.month:02d}/{day.year}" if day else ""
            out.append(
                f'<li {indent}><a href="{detail_prefix}{node.id}/">{html_escape(node.number or "(không số)")}</a>'
                f" — {html_escape(node.unit_name)}{when}</li>"
            )
        else:
            names = "; ".join(html_escape(name) for _, name in row["missing"])
            out.append(
                f'<li class="missing" {indent}><span class="badge bad">chưa ban hành</span> {names}</li>'
            )
    return mark_safe("\n".join(out))
