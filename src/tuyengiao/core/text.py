"""Folding Vietnamese text for accent-insensitive matching (names, unit names).

The document parser ``vanban`` has the full folding rules for documents; this is the small part
the organisation tree needs, kept here so that ``orgs`` does not depend on the parser.
"""

import unicodedata


def fold(text: str) -> str:
    """Lower-case, strip tone and vowel marks, đ→d, collapse spaces: "Nguyễn Văn Đức" → "nguyen van duc"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())
