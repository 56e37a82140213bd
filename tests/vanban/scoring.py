"""The corpus scorer's logic (``../shared/corpus/score.py``), for tests that score labelled sets.

Scalars are right when equal after NFC, whitespace collapsing, case folding and stripping trailing
`` .,;:`` (numbers also drop spaces); list fields are scored by micro-averaged precision, recall
and F1 of exact matches; the cited documents the parser found also score their date and issuer.
The overall score is the mean of every field's accuracy or F1.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

SCALARS = [
    "number",
    "doc_type",
    "issuer",
    "parent_issuer",
    "place",
    "date",
    "title",
    "signer_name",
    "signer_title",
    "on_behalf",
]
LISTS = ["recipients", "references", "implements", "sections", "items", "assignments"]


def norm(value: Any) -> str:
    text = unicodedata.normalize("NFC", "" if value is None else str(value))
    return re.sub(r"\s+", " ", text).strip().casefold().rstrip(" .,;:")


def norm_number(value: Any) -> str:
    return re.sub(r"\s+", "", norm(value).upper())


def _keys(field: str, values: Iterable[Any] | None) -> list[Any]:
    out: list[Any] = []
    for v in values or []:
        if field == "recipients":
            out.append(norm(v).lstrip("-+• ").strip())
        elif field == "implements":
            out.append(norm_number(v))
        elif field == "references":
            out.append(norm_number(v.get("number") if isinstance(v, dict) else v))
        elif field == "sections":
            out.append((norm(v.get("label")), norm(v.get("title"))))
        elif field == "items":
            out.append((norm(v.get("section")), norm(v.get("label")), norm(v.get("title"))))
        elif field == "assignments":
            units = tuple(sorted(norm(u) for u in v.get("units") or []))
            out.append((norm(v.get("section")), norm(v.get("item")), units, norm(v.get("period"))))
    return out


def _overlap(a: list[Any], b: list[Any]) -> int:
    remaining = list(b)
    hits = 0
    for x in a:
        if x in remaining:
            remaining.remove(x)
            hits += 1
    return hits


def score(
    gold_dir: Path, parse: Callable[[Path], dict[str, Any]]
) -> tuple[dict[str, float], float, list[str]]:
    """Score ``parse`` over ``gold_dir``: (per-field scores, overall, wrong fields for messages)."""
    texts = sorted(p for p in gold_dir.glob("*.txt") if p.with_suffix(".json").exists())
    hits: dict[str, list[int]] = {f: [0, 0] for f in SCALARS}
    detail = {"reference_dates": [0, 0], "reference_issuers": [0, 0]}
    counts = {f: [0, 0, 0] for f in LISTS}
    errors: list[str] = []
    for path in texts:
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        pred = parse(path)
        for f in SCALARS:
            g = norm_number(gold[f]) if f == "number" else norm(gold[f])
            p = norm_number(pred.get(f)) if f == "number" else norm(pred.get(f))
            hits[f][1] += 1
            if g == p:
                hits[f][0] += 1
            else:
                errors.append(f"{path.name}: {f}: want {gold[f]!r} got {pred.get(f)!r}")
        found = {norm_number(r.get("number")): r for r in pred.get("references") or []}
        for ref in gold["references"]:
            got = found.get(norm_number(ref.get("number")))
            if got is None:
                continue
            for f, key in (("reference_dates", "date"), ("reference_issuers", "issuer")):
                detail[f][1] += 1
                if norm(ref.get(key)) == norm(got.get(key)):
                    detail[f][0] += 1
                else:
                    errors.append(f"{path.name}: {f}: want {ref.get(key)!r} got {got.get(key)!r}")
        for f in LISTS:
            g_keys, p_keys = _keys(f, gold[f]), _keys(f, pred.get(f))
            n = _overlap(p_keys, g_keys)
            counts[f][0] += n
            counts[f][1] += len(p_keys)
            counts[f][2] += len(g_keys)
            if n < max(len(p_keys), len(g_keys)):
                missing = [x for x in g_keys if x not in p_keys]
                extra = [x for x in p_keys if x not in g_keys]
                errors.append(f"{path.name}: {f}: missing {missing[:5]} extra {extra[:5]}")
    scores: dict[str, float] = {}
    for f, (right, total) in {**hits, **detail}.items():
        if total:
            scores[f] = right / total
    for f, (n, npred, ngold) in counts.items():
        if ngold or npred:
            prec = n / npred if npred else 0.0
            rec = n / ngold if ngold else 0.0
            scores[f] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    overall = sum(scores.values()) / len(scores) if scores else 0.0
    return scores, overall, errors


def kept_as_ocr_text(path: Path) -> bool:
    """A labelled text that is a copy's OCR of a scan, kept without the scan (its notes open
    with "OCR text"): its line breaks and misreads are OCR's, not the document's."""
    labels = path.with_suffix(".json")
    if not labels.exists():
        return False
    return str(json.loads(labels.read_text(encoding="utf-8"))["notes"]).startswith("OCR text")
