"""Province names that OCR misread, mended against the list of Vietnam's provinces.

A header names its province ("TỈNH ỦY LÂM ĐỒNG", "HỘI LHPN TỈNH LÂM ĐỒNG") and the date line
starts with it ("Lâm Đồng, ngày …"); Tesseract misreads their marks as it does everywhere
("LÂM ĐÔNG", "LAM ĐÓNG", "Lâm Đông"), and a misread place or body name is a wrong field. The
names are a closed list — the 34 provinces and cities since 1 July 2025 and the 63 before them,
whose names older documents and the merged provinces' seals still carry — so a run of words
after "tỉnh" (or "thành phố", "tỉnh ủy") or before ", ngày" is given the name of the list it
is a near miss of: the same letters once the marks are folded, or, after a unit word, one
letter off (a date line's place may be a district's: "Mai Châu" is one letter off "Lai
Châu", so there only misread marks are mended). Only a name that no other on the list is as
near to is given; a run that matches a name exactly, or none, is left as read. Only OCR's
text is mended (``normalize_ocr_text``): a typed text writes its names as its writer did.
(No maintained package lists the provinces after the 2025 merger with their old names; the
list is short and fixed by law, so it is kept here.)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from vanban.ocr_distance import letters_only

# Provinces and centrally-run cities since 1 July 2025 (Nghị quyết 202/2025/QH15) ...
PROVINCES_2025 = (
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa",
    "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ",
    "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi",
    "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh",
    "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
)  # fmt: skip
# ... and the ones merged into them, which documents before that date name.
PROVINCES_BEFORE_2025 = (
    "Hà Giang", "Yên Bái", "Bắc Kạn", "Bắc Giang", "Vĩnh Phúc", "Hòa Bình", "Hải Dương",
    "Thái Bình", "Nam Định", "Hà Nam", "Quảng Bình", "Thừa Thiên Huế", "Quảng Nam", "Kon Tum",
    "Bình Định", "Phú Yên", "Ninh Thuận", "Đắk Nông", "Bình Phước", "Bình Dương",
    "Bà Rịa - Vũng Tàu", "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh", "Sóc Trăng",
    "Hậu Giang", "Bạc Liêu", "Kiên Giang", "Bình Thuận",
)  # fmt: skip
# The same names in the other spelling of their tone ("Hoà", "Hoá") are written too, and kept.
_OTHER_SPELLINGS = {"Khánh Hoà": "Khánh Hòa", "Thanh Hoá": "Thanh Hóa", "Hoà Bình": "Hòa Bình"}

# The unit before a province's name (a body's line "TỈNH ỦY …", "HỘI … TỈNH …", "thành phố …"),
# then the name's words; a date line's place before ", ngày".
_AFTER_UNIT = re.compile(
    r"(?<![^\W\d_])(?:tỉnh(?:[ \t]+[uủ][yỷ])?|TỈNH(?:[ \t]+[UỦ][YỶ])?|Tỉnh(?:[ \t]+[uủ][yỷ])?"
    r"|thành[ \t]+phố|THÀNH[ \t]+PHỐ|Thành[ \t]+phố)[ \t]+"
    r"((?:[^\W\d_]+[ \t]+){0,2}[^\W\d_]+)"
)
# (the date line may share its line with the number: "Số: 52 - CV/HNDT Lâm Đông, ngày …")
_DATE_PLACE = re.compile(r"(?<![^\W\d_])((?:[^\W\d_]+[ \t]+){0,2}[^\W\d_]+)(?=[ \t]*,[ \t]*ngày)")


def _folded(letters: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFD", letters.replace("đ", "d")) if ch.isascii()
    )


_NAMES = tuple(
    (_OTHER_SPELLINGS.get(name, name), letters_only(name), _folded(letters_only(name)))
    for name in (*PROVINCES_2025, *PROVINCES_BEFORE_2025, *_OTHER_SPELLINGS)
)
_KNOWN = frozenset(letters for _, letters, _ in _NAMES)


def _off_by_one(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one substitution, insertion or deletion apart."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


@lru_cache(maxsize=4096)
def province_near(words: str, one_letter_off: bool = True) -> str | None:
    """The province whose name ``words`` is a near miss of (marks folded alike, or, if
    ``one_letter_off``, one letter off), when exactly one is; None when ``words`` is a name as
    written, or no name."""
    letters = letters_only(words)
    if len(letters) < 5 or letters in _KNOWN:
        return None
    folded = _folded(letters)
    near = {name for name, known, known_folded in _NAMES if known_folded == folded}
    if not near and one_letter_off:
        near = {name for name, known, _ in _NAMES if _off_by_one(letters, known)}
    if len(near) != 1:
        return None
    return near.pop()


def _in_case_of(name: str, found: str) -> str:
    return name.upper() if found.isupper() else name


def _mend_run(run: str) -> tuple[str, int] | None:
    """The mended name for the shortest leading run of ``run``'s words that is a near miss of a
    province's name, and how many characters of ``run`` it replaces."""
    words = list(re.finditer(r"\S+", run))
    # the shortest run first: a name written right ends the look ("Gia Lai" before "Gia Lai
    # x", which is one letter off it)
    # (one word: the name glued by OCR, "LÂMĐÒNG")
    for count in range(1, len(words) + 1):
        end = words[count - 1].end()
        if letters_only(run[:end]) in _KNOWN:
            return None  # a name as written: nothing to mend
        name = province_near(run[:end])
        if name is not None:
            return _in_case_of(name, run[:end]), end
    return None


def _mend_place(run: str) -> tuple[str, int] | None:
    """The mended name for the shortest trailing run of ``run``'s words (the words before ",
    ngày", a speck perhaps before them) that is a near miss of a province's name, and where in
    ``run`` it starts."""
    words = list(re.finditer(r"\S+", run))
    for count in range(1, len(words) + 1):
        start = words[-count].start()
        if letters_only(run[start:]) in _KNOWN:
            return None
        # (a date line's place is often a district's or a commune's, one letter off a
        # province's: "Mai Châu", "Lai Châu"; only marks misread are mended there)
        name = province_near(run[start:], one_letter_off=False)
        if name is not None:
            return _in_case_of(name, run[start:]), start
    return None


def mend_province_names(text: str) -> str:
    """``text`` with the provinces' names OCR misread after a unit word and in the date line's
    place given as the list writes them (see the module's docstring)."""

    def after_unit(match: re.Match[str]) -> str:
        found = _mend_run(match.group(1))
        if found is None:
            return match.group()
        name, end = found
        start = match.start(1) - match.start()
        whole = match.group()
        return whole[:start] + name + whole[start + end :]

    def place(match: re.Match[str]) -> str:
        found = _mend_place(match.group(1))
        if found is None:
            return match.group()
        name, start = found
        cut = match.start(1) - match.start() + start
        return match.group()[:cut] + name

    return _DATE_PLACE.sub(place, _AFTER_UNIT.sub(after_unit, text))
