"""Links between documents: what a document cites, what cites it, and the implementation tree.

The implementation tree of a document goes down level by level through the documents that
"implement" it (their opening "Thực hiện …" names it), each with its unit and date, and lists
under each the units directly below the implementing unit that have not yet issued theirs.
Queries: two per level (the implementing documents of the whole level; the child units of the
whole level by path prefix and depth), never one per node.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

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
    levels: int
    total: int  # implementing documents (root excluded)
    missing: int  # units below an implementing unit without their own implementing document


_VALUES = ("id", "number", "title", "date", "unit_id", "unit__name", "unit__path")


def _node(row: dict[str, Any]) -> TreeNode:
    return TreeNode(
        id=row["id"],
        number=row["number"],
        title=row["title"],
        date=row["date"],
        unit_id=row["unit_id"],
        unit_name=row["unit__name"],
        unit_path=row["unit__path"],
    )


def implementation_tree(doc: Document, visible: QuerySet[Document]) -> ImplementationTree:
    """The tree below ``doc`` within ``visible`` (the user's scoped documents)."""
    root = TreeNode(doc.pk, doc.number, doc.title, doc.date, doc.unit_id, doc.unit.name, doc.unit.path)
    level = [root]
    seen = {doc.pk}
    total = missing = depth = 0
    steplen = Unit.steplen
    while level and depth < MAX_LEVELS:
        by_id = {node.id: node for node in level}
        # 1) documents implementing any document of this level (one query)
        rows = (
            visible.filter(
                references__kind=RefKind.IMPLEMENTS, references__target_id__in=list(by_id)
            )
            .order_by("unit__path", "date", "id")
            .values(*_VALUES, "references__target_id")
        )
        next_level: list[TreeNode] = []
        for row in rows:
            if row["id"] in seen:
                continue
            seen.add(row["id"])
            node = _node(row)
            by_id[row["references__target_id"]].children.append(node)
            next_level.append(node)
        # 2) units directly below each implementing unit of this level (one query, by path prefix)
        parents = {node.unit_path for node in level}
        depths = {len(path) // steplen + 1 for path in parents}
        prefix_q = Q()
        for prefix in _common_prefixes(parents):
            prefix_q |= Q(path__startswith=prefix)
        children_of: dict[str, list[tuple[int, str, str]]] = {}
        for uid, name, path in (
            Unit.objects.filter(prefix_q, depth__in=depths, active=True)
            .order_by("path")
            .values_list("id", "name", "path")
        ):
            parent_path = path[:-steplen]
            if parent_path in parents:
                children_of.setdefault(parent_path, []).append((uid, name, path))
        for node in level:
            # a unit has "issued one" when it, or a unit below it, implements this node
            covered = set()
            start = len(node.unit_path) + steplen
            for child in node.children:
                covered.update(child.unit_path[:k] for k in range(start, len(child.unit_path) + 1, steplen))
            for uid, name, path in children_of.get(node.unit_path, []):
                if path not in covered:
                    node.missing_units.append((uid, name))
            missing += len(node.missing_units)
        total += len(next_level)
        level = next_level
        depth += 1
    return ImplementationTree(root, depth, total, missing)


def _common_prefixes(paths: set[str]) -> list[str]:
    """Few prefixes covering every path (the shortest ones; a path under another is dropped)."""
    out: list[str] = []
    for path in sorted(paths):
        if not out or not path.startswith(out[-1]):
            out.append(path)
    return out


def links(doc: Document, visible: QuerySet[Document]) -> dict[str, Any]:
    """"cites" (in the library and visible), "cited, not in the library", and "cited by"."""
    refs = list(doc.references.select_related("target__unit").order_by("kind", "id"))
    visible_ids = set(visible.filter(pk__in=[r.target_id for r in refs if r.target_id]).values_list("id", flat=True))
    cites = [r for r in refs if r.target_id in visible_ids]
    outside = [r for r in refs if r.target_id is None or r.target_id not in visible_ids]
    cited_by = list(
        visible.filter(references__target=doc)
        .select_related("unit")
        .distinct()
        .order_by("-date", "-id")[:500]
    )
    kinds = dict(
        Reference.objects.filter(target=doc, citing__in=[d.pk for d in cited_by]).values_list("citing_id", "kind")
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
            rows.append({"depth": depth + 1, "missing": node.missing_units, "indent": (depth + 1) * 1.5})
        stack.extend((child, depth + 1) for child in reversed(node.children))
    return rows
