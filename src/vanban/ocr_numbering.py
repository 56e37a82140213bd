"""Heading and item numbers of OCR text mended by the count the format keeps.

Sections are numbered I, II, III … and the items under each 1, 2, 3 … in order (Nghị định
30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW and 05-HD/VPTW), so a numeral OCR misread can be told by
its place among those read right:

* **misread delimiters and numerals** — "1, Mục đích", "II: TỔ CHỨC", "7.. Xây dựng", "1V:",
  "L MỤC ĐÍCH", "HI. TỔ CHỨC" at the start of a heading or item line;
* **a stroke lost or read as another letter** — "II. TỔ CHỨC THỰC HIỆN" after "II. NỘI DUNG",
  "TII." for "III.", a first "1 MỤC ĐÍCH" before a "II";
* **sections by place** — numerals read as other strokes ("1L", "IL", "HE") or lost whole,
  numbered by their place where the headings read right pin the count;
* **items** — a number that lost its dot ("1 Đổi mới") or was read as a same-shaped letter
  ("Š." for 5) where the numbers before and after it in its section prove it;
* **a congress's or a term's numeral** with two strokes read as an H ("Đại hội XXH").

Split from :mod:`vanban.ocr_text`, which runs these in its pipeline; none of it runs on text
that did not come from OCR.
"""

from __future__ import annotations

import re

from vanban.lines import int_to_roman, roman_to_int
from vanban.patterns import CAPITALS

# A Roman section number misread at the start of a heading line ("L MỤC ĐÍCH", "IL. NHIỆM VỤ",
# "HI. TỔ CHỨC"): l, L and | stand for I, H for II; the rest of the line must be capitals.
# (A "1" is left alone: "1. KẾT QUẢ" is an item.)
# A "1" may stand for a stroke beside a letter ("1L. MỤC ĐÍCH"), never alone; and the dot may be
# glued to the title ("L.MỤC ĐÍCH") — then only the numeral the count expects is taken.
_ROMAN_MISREAD = re.compile(
    rf"^([IlL|H1]{{1,4}})(?:[.,]?[ \t]+|[.,](?=[{CAPITALS}]{{2}}))(\S[^\n]*)$", re.MULTILINE
)


# A heading number with a misread delimiter: "1, Mục đích", "10: Chú trọng", "II: TỔ CHỨC",
# "7.. Xây dựng", "1..Cấp ủy", "1V: TỔ CHỨC" (a "1" read for the "I" of a Roman numeral).
_NUMBER_DELIMITER = re.compile(
    r"^(\d{1,2}|[IVX1]{1,5})(?:[,:;]|\.[.,:]|,\.)[ \t]*(?=\S)", re.MULTILINE
)


# A Roman numeral of a congress or a term with two strokes read as an H ("Đại hội XXH", "khóa
# XHI"): H is no Roman letter; read as II (or as I, where II makes no numeral: "XIHI").
_ROMAN_WITH_H = re.compile(
    r"(?<![^\W\d_])((?:Đại hội|ĐẠI HỘI|[Kk]hóa|[Kk]hoá|KHÓA|KHOÁ|lần thứ|LẦN THỨ) )"
    r"([IVX]*H[IVX]*)(?![^\W\d_])"
)


def _roman_with_h(match: re.Match[str]) -> str:
    for strokes in ("II", "I"):
        numeral = match.group(2).replace("H", strokes)
        if roman_to_int(numeral) is not None:
            return match.group(1) + numeral
    return match.group()


def _roman(match: re.Match[str], expected: str | None = None) -> str:
    """The numeral its strokes read as; a last "L" with no delimiter after it is either a stroke
    with the dot at its foot ("L MỤC ĐÍCH" for "I.") or the dot alone glued to the last stroke
    ("IIL NỘI DUNG" for "II."): of the two, the one the count of sections expects next
    (``expected``), else the stroke."""
    read = match.group(1)
    if read.isdigit():
        return match.group()  # "1 Đổi mới", "11. Tăng cường": an item's number
    numeral = read.translate(_STROKES).replace("H", "II")
    rest = match.group(2)
    after = match.group(0)[len(read) :]
    if read.endswith("L") and len(read) > 1 and numeral != expected:
        without_dot = read[:-1].translate(_STROKES).replace("H", "II")
        # the L is the dot when no delimiter follows, or, for the first section (no section
        # II or later can open the text), when a dot follows as well ("1L. MỤC ĐÍCH": "I.")
        if without_dot == expected and (
            after[:1] in (" ", "\t") or (after[:1] == "." and expected == _ROMANS[0])
        ):
            numeral = without_dot
    if after[:1] in ".," and after[1:2].strip() and numeral != expected:
        return match.group()  # a dot glued to the title: only the numeral the count expects
    if numeral in ("I", "II", "III") and rest == rest.upper() and any(c.isalpha() for c in rest):
        return f"{numeral}. {rest}"
    return match.group()


_STROKES = str.maketrans("lL|1", "IIII")


def _numbering(match: re.Match[str]) -> str:
    """The number with a dot, when what follows starts with a capital (a heading or an item)."""
    label = match.group(1)
    after = match.string[match.end() : match.end() + 1]
    if not after[:1].isupper():
        return match.group()
    if not label.isdigit():
        roman = label.replace("1", "I")
        if roman_to_int(roman) is None:
            return match.group()
        label = roman
    return f"{label}. "


# A section heading: a Roman numeral, a delimiter, and a line in capitals ("II. NỘI DUNG").
_SECTION_HEADING = re.compile(
    r"^([IVXTLlH1|]{1,5})([.\-–:)][ \t]*|[ \t]+)(\S[^\n]*)$", re.MULTILINE
)
# the second section's heading, read right: what makes a first "1 MỤC ĐÍCH" a misread "I."
_SECOND_SECTION = re.compile(r"^II[.\-–:)]", re.MULTILINE)
# letters OCR reads for the upright stroke of an I in a numeral ("TII. TỔ CHỨC", "lV."), and
# the H it reads for two strokes joined by a speck ("HI- TỔ CHỨC" for "III-")
_STROKE_LOOKALIKES = str.maketrans({"T": "I", "L": "I", "l": "I", "1": "I", "|": "I", "H": "II"})
_ROMANS = tuple(int_to_roman(n) for n in range(1, 13))


def renumber_sections(text: str) -> str:
    """Section headings numbered in order where OCR dropped a stroke of the numeral: a heading
    that repeats the previous numeral, or reads as a numeral the expected one contains with a
    stroke less ("II" for "III", "I" for "II", "V" for "VI"), takes the expected number. A
    heading with any other numeral is left as read and the count goes on from it. A numeral with
    a letter OCR gives for a stroke ("TII", "lV") is read as the expected one when it matches it
    stroke for stroke; otherwise it is not a heading. A first heading whose "I." lost its dot
    and became "1" or "l" ("1 MỤC ĐÍCH, YÊU CẦU", "1- MỤC ĐÍCH") is "I" when a "II" heading
    follows."""
    expected = 0  # index into _ROMANS of the next heading's numeral
    second = _SECOND_SECTION.search(text)
    second_follows = second is not None
    first_as_item = _first_heading_read_as_item(text, second)

    def one(match: re.Match[str]) -> str:
        nonlocal expected
        numeral, delimiter, rest = match.groups()
        if rest != rest.upper() or not any(ch.isalpha() for ch in rest):
            return match.group()
        stripped = delimiter.strip()
        if expected == 0 and match.start() == first_as_item:
            expected = 1
            return f"I. {rest}"
        # a misread first numeral, without a delimiter or with one an item's "1." does not
        # take ("1 MỤC ĐÍCH, YÊU CẦU", "1- MỤC ĐÍCH"), before a "II" of its own: "I"
        if (
            stripped in ("", "-", "–", ")")
            and (not stripped or numeral not in _ROMANS)
            and expected == 0
            and second_follows
            and numeral.translate(_STROKE_LOOKALIKES) == "I"
        ):
            expected = 1
            return f"I{stripped or '.'} {rest}"
        if not stripped:
            return match.group()
        if numeral not in _ROMANS:
            # a lookalike for a stroke is read as the stroke only where the count expects it
            if 0 < expected < len(_ROMANS) and (
                numeral.translate(_STROKE_LOOKALIKES) == _ROMANS[expected]
            ):
                expected += 1
                return f"{_ROMANS[expected - 1]}{delimiter}{rest}"
            return match.group()
        found = _ROMANS.index(numeral)
        if expected < len(_ROMANS) and found != expected and expected > 0:
            wanted = _ROMANS[expected]
            if found == expected - 1 or _one_stroke_less(numeral, wanted):
                expected += 1
                return f"{wanted}{delimiter}{rest}"
        expected = found + 1
        return match.group()

    return _SECTION_HEADING.sub(one, text)


# An item's number before a title in capitals ("1. MỤC ĐÍCH, YÊU CẦU").
_CAPS_ITEM = re.compile(r"^(\d{1,2})\.[ \t]*(\S[^\n]*)$", re.MULTILINE)
_FIRST_ROMAN = re.compile(r"^I[.\-–:)]", re.MULTILINE)


def _first_heading_read_as_item(text: str, second: re.Match[str] | None) -> int | None:
    """Where the first section's heading stands when OCR read its "I." as the item number "1."
    ("1. MỤC ĐÍCH, YÊU CẦU" over "1. Mục đích" … "II. NHIỆM VỤ"): the first line "1." with a
    title in capitals before the text's first "II" heading, no "I" heading anywhere, and no
    "2." in capitals after it before that "II" — capitals items run on ("1. KẾT QUẢ" / "2. HẠN
    CHẾ"), a lone one does not."""
    if second is None or not second.group().endswith(".") or _FIRST_ROMAN.search(text):
        return None
    first: int | None = None
    for match in _CAPS_ITEM.finditer(text, 0, second.start()):
        if first is not None and not _is_caps_title(match.group(2)):
            # the count under it starts again at 1, or it counts on from it: an item
            return first if match.group(1) == "1" else None
        if not _is_caps_title(match.group(2)):
            continue
        if first is None:
            if match.group(1) != "1":
                return None
            first = match.start()
        else:
            return None  # another item in capitals: "1." is an item
    return first


# A line that may be a section heading whose numeral OCR misread: specks or a dash before it
# ("-IL NHIỆM VỤ"), a numeral of letters that stand for strokes ("1L", "IL", "HE", "TII"), a
# delimiter or none, and a title in capitals. A bare dash before the title is a numeral lost
# whole ("- TÌNH HÌNH VÀ NGUYÊN NHÂN" over "II- QUAN ĐIỂM …").
_HEADING_CANDIDATE = re.compile(
    r"^(?P<lead>[-~.'`,:]{0,2})[ \t]*(?:(?P<numeral>[IVXLTHEl1|!]{1,4})(?![^\W\d_]))?"
    r"(?P<delimiter>[.,:;\-–)]{0,2})[ \t]*(?P<title>[^\W\d_][^\n]*)$"
)
_ROMAN_HEADING = re.compile(
    r"^(?P<numeral>[IVX]{1,5})(?:(?P<delimiter>[.\-–:)])[ \t]*|[ \t]+)(?=\S)"
)
_LONGEST_HEADING = 120


def number_sections_in_order(text: str) -> str:
    """Section headings whose numerals OCR misread, numbered by their place in the run of
    headings, where the headings it read right stand at their own places. Sections are
    numbered I, II, III … in order (Nghị định 30/2020, Hướng dẫn 36-HD/VPTW), so in "1L MỤC
    ĐÍCH" / "-IL NHIỆM VỤ" / "III. TỔ CHỨC THỰC HIỆN" the first two are I and II: their
    numerals are only the strokes OCR saw ("1" and "L" for I, "H" for II, "E" for a stroke and
    a speck). A heading here is a line in capitals led by a numeral of stroke lookalikes (or a
    bare dash, for a numeral lost whole, as the first heading). Nothing changes unless the
    headings read right stand each at its own place (the second heading is II …) and pin the
    count — two of them, or one that is the third heading or later; a heading with any other
    numeral breaks the run, and the text is then left to :func:`renumber_sections`."""
    lines = text.split("\n")
    found: list[tuple[int, str | None]] = []  # line index, the numeral if read right
    style: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if len(stripped) > _LONGEST_HEADING:
            continue
        match = _HEADING_CANDIDATE.match(stripped)
        if match is None or not _is_caps_title(match.group("title")):
            continue
        numeral = match.group("numeral") or ""
        right = _ROMAN_HEADING.match(stripped)
        if right is not None and right.group("numeral") in _ROMANS and not match.group("lead"):
            found.append((index, right.group("numeral")))
            style.append(right.group("delimiter") or ".")
        elif (numeral and not numeral.isdigit()) or (
            not numeral and match.group("lead") in ("-", "~") and not found
        ):
            found.append((index, None))
    read_right = [(place, numeral) for place, (_i, numeral) in enumerate(found) if numeral]
    # two headings read right, or one that is the third or later, pin the count
    pinned = len(read_right) >= 2 or (read_right and read_right[0][0] >= 2)
    if not pinned or len(found) > len(_ROMANS) or len(read_right) == len(found):
        return text
    if any(_ROMANS.index(numeral) != place for place, numeral in read_right):
        return text
    delimiter = max(set(style), key=style.count)
    for place, (index, numeral) in enumerate(found):
        if numeral is None:
            title = _HEADING_CANDIDATE.match(lines[index].strip())
            assert title is not None
            lines[index] = f"{_ROMANS[place]}{delimiter} {title.group('title')}"
    return "\n".join(lines)


def _is_caps_title(title: str) -> bool:
    """Whether ``title`` is a heading's title: capitals, two words or more (a trailing speck
    aside)."""
    letters = [ch for ch in title if ch.isalpha()]
    capitals = sum(ch.isupper() for ch in letters)
    return len(title.split()) >= 2 and len(letters) >= 6 and capitals >= len(letters) - 1


# An item's number as the count of its section expects it: "1." … at the start of a line.
_ITEM_NUMBER = re.compile(r"(\d{1,2})[.)][ \t]")
# The same number misread: its dot lost ("1 Đổi mới"), or its one figure read as a letter of the
# same shape ("Š. Tập trung" for "5."); a capitalised word follows.
_ITEM_NUMBER_MISREAD = re.compile(rf"(\d{{1,2}}|[SŠIl])(\.?)[ \t]+(?=[{CAPITALS}])")
_FIGURE_LOOKALIKES = {"S": 5, "Š": 5, "I": 1, "l": 1}
# The same number behind specks or a dash ("- 9. Lãnh đạo", "- -_ 2! Yêu cầu"), its dot read
# right or as another mark.
_ITEM_NUMBER_SPECKED = re.compile(
    rf"[ \t]*[-~—_:;,'`.=](?:[-~—_:;,'`.= \t]{{0,5}})(\d{{1,2}})[.!,:;)][ \t]*(?=[{CAPITALS}])"
)
_HEADING = -1  # a section heading among the lines' item numbers


def mend_item_numbers(text: str) -> str:
    """Items' numbers mended where the count of their section proves the misread: a line that
    opens with the number the count expects next, its dot lost or its figure read as a letter
    of the same shape, before a line of the same section with the number after it ("4." /
    "Š. Tập trung" / "6." is 4, 5, 6; a first "1 Đổi mới" before a "2." is "1."). The count
    starts again at each section heading. A number the count does not expect, or without the
    next one, is left as read: a wrapped line may open with a figure ("… tổng số\n15 Khu …").
    The number the count expects behind specks or a dash ("- 9. Lãnh đạo", "- -_ 2! Yêu cầu"),
    before the next number, a heading or the end, is the item's."""
    lines = text.split("\n")
    numbers: list[int | None] = []
    for line in lines:
        heading = _SECTION_HEADING.match(line)
        item = _ITEM_NUMBER.match(line)
        if heading is not None and heading.group(1) in _ROMANS:
            numbers.append(_HEADING)
        else:
            numbers.append(int(item.group(1)) if item else None)
    last = 0
    for index, line in enumerate(lines):
        number = numbers[index]
        if number is not None:
            last = 0 if number == _HEADING else number
            continue
        specked = _ITEM_NUMBER_SPECKED.match(line)
        if specked is not None:
            # marks before the number the count expects, the next item or heading after it
            value = int(specked.group(1))
            following = next((n for n in numbers[index + 1 :] if n is not None), None)
            if value == last + 1 and following in (value + 1, _HEADING, None):
                lines[index] = f"{value}. {line[specked.end() :]}"
                numbers[index] = last = value
            continue
        misread = _ITEM_NUMBER_MISREAD.match(line)
        if misread is None:
            continue
        label, dot = misread.groups()
        value = int(label) if label.isdigit() else _FIGURE_LOOKALIKES[label]
        if value != last + 1 or (label.isdigit() and dot):
            continue
        following = next((n for n in numbers[index + 1 :] if n is not None), None)
        if following != value + 1:
            continue
        lines[index] = f"{value}. {line[misread.end() :]}"
        numbers[index] = last = value
    return "\n".join(lines)


def _one_stroke_less(numeral: str, wanted: str) -> bool:
    """Whether ``numeral`` is ``wanted`` with one letter left out."""
    return len(numeral) + 1 == len(wanted) and any(
        wanted[:i] + wanted[i + 1 :] == numeral for i in range(len(wanted))
    )


def mend_misread_numerals(text: str) -> str:
    """A heading's Roman numeral read as letters ("L MỤC ĐÍCH", "IL. NHIỆM VỤ") made I, II, III,
    the headings read before it keeping the count (sections are numbered in order)."""
    lines = text.split("\n")
    expected: str | None = _ROMANS[0]
    for index, line in enumerate(lines):
        misread = _ROMAN_MISREAD.match(line)
        if misread is not None:
            line = lines[index] = _roman(misread, expected)
        heading = _SECTION_HEADING.match(line)
        if heading is not None and heading.group(1) in _ROMANS and heading.group(2).strip():
            rest = heading.group(3)
            if rest == rest.upper() and any(ch.isalpha() for ch in rest):
                found = _ROMANS.index(heading.group(1)) + 1
                expected = _ROMANS[found] if found < len(_ROMANS) else None
    return "\n".join(lines)


def mend_number_delimiters(text: str) -> str:
    """A heading's or an item's number with a misread delimiter ("1, Mục đích") given its dot."""
    return _NUMBER_DELIMITER.sub(_numbering, text)


def mend_congress_numerals(text: str) -> str:
    """An H read for two strokes in a congress's or a term's numeral ("khóa XHI") made strokes."""
    return _ROMAN_WITH_H.sub(_roman_with_h, text)
