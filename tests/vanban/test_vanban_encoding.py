"""Bytes -> text: BOMs, UTF-16, Windows-1258, TCVN3 and VNI, on mixed samples."""

from __future__ import annotations

import unicodedata

import pytest

from vanban.encoding import decode_bytes
from vanban.legacy import tcvn3_encode, vni_encode
from vanban.letters import SPLIT, TONE_MARKS

MIXED = (
    "ĐẢNG BỘ TỈNH BÌNH ĐỊNH\nSố 30-KH/ĐUK\nKẾ HOẠCH\nĐổi mới công tác tư tưởng năm 2023 (COVID-19, "
    "e-mail, Zalo) theo Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị; thủy lợi, hòa bình."
)


def cp1258(text: str) -> bytes:
    """Windows-1258 the way Word writes it: base letter + combining tone mark."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, tone = SPLIT[ch]
            out += base.encode("cp1258") + TONE_MARKS[tone].encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize(
    ("data", "expected_encoding"),
    [
        (MIXED.encode("utf-8"), "utf-8"),
        (MIXED.encode("utf-8-sig"), "utf-8-sig"),
        (MIXED.encode("utf-16"), "utf-16"),
        (MIXED.encode("utf-16-le"), "utf-16"),
        (MIXED.encode("utf-16-be"), "utf-16"),
        (MIXED.encode("utf-32"), "utf-32"),
        (cp1258(MIXED), "windows-1258"),
        (tcvn3_encode(MIXED).encode("latin-1"), "tcvn3"),
        (vni_encode(MIXED).encode("cp1252"), "vni"),
        (tcvn3_encode(MIXED).encode("utf-8"), "tcvn3 (in utf-8)"),
        (vni_encode(MIXED).encode("utf-8"), "vni (in utf-8)"),
    ],
)
def test_decode_mixed_sample(data: bytes, expected_encoding: str) -> None:
    text, encoding = decode_bytes(data)
    assert encoding == expected_encoding
    assert text == MIXED


def test_nfd_utf8_becomes_nfc() -> None:
    text, _ = decode_bytes(unicodedata.normalize("NFD", MIXED).encode("utf-8"))
    assert text == MIXED


def test_garbage_never_raises() -> None:
    for data in (b"", b"\xff", bytes(range(256)), b"\x00\x00\x00", b"\xfe\xff\xd8"):
        text, encoding = decode_bytes(data)
        assert isinstance(text, str) and encoding
