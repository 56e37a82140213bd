"""How near a stretch of OCR's text is to a known form (the header's fixed lines, the signature
block's offices and titles, the provinces' names): its letters, and the edit distance between
two such keys. One place for the OCR repairs (:mod:`vanban.ocr_text`, :mod:`vanban.ocr_places`,
:mod:`vanban.ocr_footer`), which import each other's work otherwise in a cycle."""

from __future__ import annotations


def letters_only(text: str) -> str:
    """The letters of ``text``, case folded, accents kept (OCR's errors are mostly in the marks,
    which the edit distance then counts)."""
    return "".join(ch for ch in text.casefold() if ch.isalpha())


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it is certainly above."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
