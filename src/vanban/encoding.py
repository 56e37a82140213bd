"""Bytes -> Unicode text for plain-text documents, with encoding detection.

Handles the encodings met in Vietnamese offices: UTF-8 with or without BOM, UTF-16 (with or
without BOM), UTF-32 with BOM, Windows-1258 (tones as combining marks), and the legacy font
encodings TCVN3 and VNI (see :mod:`vanban.legacy`), including legacy text that was already
"converted" to UTF-8 character by character. The result is NFC.
"""

from __future__ import annotations

import codecs
import unicodedata

from vanban.legacy import decode_legacy, detect_legacy, vietnamese_score

_CP1252_HIGH = {
    b: bytes([b]).decode("cp1252")
    for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def _cp1252(data: bytes) -> str:
    """Windows-1252 with the five undefined bytes kept as their Latin-1 characters."""
    text = data.decode("latin-1")
    if any(0x80 <= b < 0xA0 for b in data):
        text = "".join(_CP1252_HIGH.get(ord(c), c) if "\x80" <= c < "\xa0" else c for c in text)
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:4000]
    if len(head) < 4 or len(head) % 2 or b"\x00" not in head:
        return None  # (without a zero byte neither half of the test below can pass)
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        encoding = "utf-16-le"
    elif even > 0.3 * half and odd < 0.05 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def decode_bytes(data: bytes, *, nfc: bool = True) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding name)``. Never raises on any input.

    ``nfc=False`` skips the NFC normalisation of a Unicode text (UTF-8, UTF-16, UTF-32 without
    legacy characters) for a caller that normalises it anyway (:func:`vanban.normalize_text`:
    checking a text for NFC costs about as much as reading it)."""
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _finish(data.decode(name), name, nfc)
            except UnicodeDecodeError:
                break
    text = _utf16_without_bom(data)
    if text is not None:
        return _finish(text, "utf-16", nfc)
    try:
        return _finish(data.decode("utf-8"), "utf-8", nfc)
    except UnicodeDecodeError:
        pass
    latin = _cp1252(data)
    candidates: dict[str, str] = {
        "windows-1258": unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")),
        "windows-1252": latin,
    }
    legacy = detect_legacy(latin)
    if legacy is not None:
        candidates[legacy] = decode_legacy(latin, legacy)
    sample = 50_000
    scores = {name: vietnamese_score(t[:sample]) for name, t in candidates.items()}
    order = [legacy, "windows-1258", "windows-1252"]
    best = max((n for n in order if n in candidates), key=lambda n: scores[n])
    return unicodedata.normalize("NFC", candidates[best]), best


def _finish(text: str, name: str, nfc: bool) -> tuple[str, str]:
    """Unicode text that may still carry a legacy encoding character by character."""
    legacy = detect_legacy(text)
    if legacy is not None:
        return unicodedata.normalize("NFC", decode_legacy(text, legacy)), f"{legacy} (in {name})"
    return (unicodedata.normalize("NFC", text) if nfc else text), name
