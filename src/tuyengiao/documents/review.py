"""The review screen: the document text with every field the parser found marked in place."""

from __future__ import annotations

from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import FIELD_LABELS

LIST_LABELS = {
    "recipients": "Nơi nhận",
    "references": "Văn bản được trích dẫn",
    "implements": "Thực hiện văn bản",
    "sections": "Mục",
    "items": "Nhiệm vụ",
}


def _pairs(spans: dict[str, Any]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for name in FIELD_LABELS:
        span = spans.get(name)
        if (
            isinstance(span, (list, tuple))
            and len(span) == 2
            and all(isinstance(v, int) for v in span)
        ):
            out.append((span[0], span[1], name))
    for name in LIST_LABELS:
        for span in spans.get(name) or []:
            if (
                isinstance(span, (list, tuple))
                and len(span) == 2
                and all(isinstance(v, int) for v in span)
            ):
                out.append((span[0], span[1], name))
    return out


def highlighted_text(text: str, spans: dict[str, Any]) -> SafeString:
    """``text`` escaped, with ``<mark data-field=…>`` around each extracted field (overlaps:
    the first, or the scalar field, wins)."""
    pairs = sorted(
        _pairs(spans or {}), key=lambda p: (p[0], p[2] not in FIELD_LABELS, -(p[1] - p[0]))
    )
    parts: list[str] = []
    pos = 0
    for start, end, name in pairs:
        if start < pos or end <= start or end > len(text):
            continue
        label = FIELD_LABELS.get(name) or LIST_LABELS.get(name, name)
        parts.append(escape(text[pos:start]))
        parts.append(
            f'<mark data-field="{escape(name)}" title="{escape(label)}">{escape(text[start:end])}</mark>'
        )
        pos = end
    parts.append(escape(text[pos:]))
    return mark_safe("".join(parts))


def found_fields(spans: dict[str, Any]) -> set[str]:
    return {name for _, _, name in _pairs(spans or {})}


def format_check(parsed: dict[str, Any] | None) -> dict[str, Any] | None:
    """What the review and document pages show of ``vanban``'s format check (kiểm tra thể
    thức): the rule set applied, its documents, and each finding (message, rule id, source,
    whether that provision's text was read, line and excerpt). None when no rule set applies
    (an undated document, a web article, a document older than the rule sets held)."""
    from vanban.rules import rule_set_named

    name = (parsed or {}).get("rule_set")
    rules = rule_set_named(name) if isinstance(name, str) else None
    if rules is None:
        return None
    findings = [f for f in (parsed or {}).get("format_findings") or [] if isinstance(f, dict)]
    return {
        "rule_set": rules.name,
        "documents": ", ".join(rules.documents),
        "findings": findings,
        "unverified": sum(1 for f in findings if not f.get("source_read")),
    }
