"""TCVN3 and VNI: every letter and tone round-trips; detection picks the right encoding."""

from __future__ import annotations

import pytest

from vanban.legacy import (
    TCVN3_DECODE,
    VNI_DECODE,
    detect_legacy,
    tcvn3_decode,
    tcvn3_encode,
    vietnamese_score,
    vni_decode,
    vni_encode,
)
from vanban.letters import LOWER_LETTERS, TONE_MARKS, VIETNAMESE_LETTERS, VOWEL_BASES


def test_alphabet_has_134_letters() -> None:
    assert len(VIETNAMESE_LETTERS) == 134
    assert len(LOWER_LETTERS) == 67
    assert len(VOWEL_BASES) * (len(TONE_MARKS) + 1) - 6 + 1 == 67  # minus plain a e i o u y, plus đ


@pytest.mark.parametrize("letter", LOWER_LETTERS)
def test_tcvn3_round_trip_lowercase(letter: str) -> None:
    encoded = tcvn3_encode(letter)
    assert len(encoded) == 1 and 0xA1 <= ord(encoded) <= 0xFE
    assert tcvn3_decode(encoded) == letter


@pytest.mark.parametrize("letter", [c for c in VIETNAMESE_LETTERS if c.isupper()])
def test_tcvn3_round_trip_uppercase_in_caps_words(letter: str) -> None:
    # Uppercase toned letters are typed with the .VnTimeH font over the lowercase codes; in an
    # all-caps word the decoder restores the case.
    word = f"X{letter}Y"
    assert tcvn3_decode(tcvn3_encode(word)) == word
    assert tcvn3_decode(tcvn3_encode(f"KẾ HOẠCH {letter}X")) == f"KẾ HOẠCH {letter}X"


@pytest.mark.parametrize("letter", VIETNAMESE_LETTERS)
def test_vni_round_trip_every_letter(letter: str) -> None:
    assert vni_decode(vni_encode(letter)) == letter
    assert vni_decode(vni_encode(f"ng{letter}n")) == f"ng{letter}n"


def test_tables_are_one_to_one() -> None:
    assert len(set(TCVN3_DECODE.values())) == len(TCVN3_DECODE) == 74
    assert len(set(VNI_DECODE.values())) >= 134 - 4  # "i"+mark spellings decode as well


def test_known_tcvn3_strings() -> None:
    assert tcvn3_decode("Hµ Néi") == "Hà Nội"
    assert tcvn3_decode("§¶ng Céng s¶n ViÖt Nam") == "Đảng Cộng sản Việt Nam"
    assert tcvn3_decode("KÕ HO¹CH") == "KẾ HOẠCH"
    assert tcvn3_decode("KÕ ho¹ch") == "Kế hoạch"


def test_known_vni_strings() -> None:
    assert vni_decode("Vieät Nam") == "Việt Nam"
    assert vni_decode("Ñaûng Coäng saûn") == "Đảng Cộng sản"
    assert vni_decode("ngöôøi") == "người"
    assert vni_decode("KEÁ HOAÏCH") == "KẾ HOẠCH"


SAMPLE = (
    "Thực hiện Kế hoạch số 59-KH/ĐUK ngày 22/3/2022 của Đảng ủy Khối, Đảng ủy Sở xây dựng "
    "kế hoạch triển khai với các nội dung cụ thể như sau: nâng cao chất lượng học tập nghị quyết."
)


def test_detect_each_encoding() -> None:
    assert detect_legacy(tcvn3_encode(SAMPLE)) == "tcvn3"
    assert detect_legacy(vni_encode(SAMPLE)) == "vni"
    assert detect_legacy(SAMPLE) is None
    assert detect_legacy("Plain ASCII text, 2023.") is None


def test_detection_leaves_latin1_words_alone() -> None:
    # French or Latin-1 accented words in a Unicode Vietnamese text are not legacy encodings.
    text = SAMPLE + " Café, résumé, naïve, à la carte."
    assert detect_legacy(text) is None


def test_score_prefers_real_vietnamese() -> None:
    assert vietnamese_score(SAMPLE) > vietnamese_score(tcvn3_encode(SAMPLE))
    assert vietnamese_score(SAMPLE) > vietnamese_score(vni_encode(SAMPLE))
