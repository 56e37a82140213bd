"""Text from OCR made like every reader's text, and OCR's misreads mended by the format's grammar.

Tesseract reads a clean line well and a noisy one almost well: a speck becomes a full stop
("CỘNG HÒA XÃ HỘI CHỦ NGHĨA. VIỆT NAM"), the dot after a heading number a comma or a colon
("1, Mục đích", "II: TỔ CHỨC THỰC HIỆN", "7.. Xây dựng"), "IV" becomes "1V", "V/v" loses a letter,
"Số:" becomes "Sõ:". Each of these breaks the parser where it matters most (header, title,
sections), and each sits where the format (Nghị định 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW and
05-HD/VPTW) allows only a few fixed forms. So the repairs here are the format's own rules applied
to OCR's output, not a list of words:

* **fixed lines** — the national name, the motto and the party's name are compared letter by
  letter (accents kept, case and punctuation ignored) with a small edit distance, and replaced
  by their canonical form when they are a near miss;
* **numbering** — at the start of a line, a number or Roman numeral followed by a misread
  delimiter and a capitalised word is a heading or an item ("1, Mục đích" → "1. Mục đích");
* **section numbers** — sections are numbered I, II, III … in order; a heading whose numeral
  lost a stroke ("II. TỔ CHỨC THỰC HIỆN" after "II. NỘI DUNG") takes the next number;
* **leads** — "V/v" and "Số:" at the start of a line, as OCR garbles them.

Everything else of OCR (words misread inside a sentence) is left as read: guessing words would
change what the document says. None of this runs on text that did not come from OCR.
"""

from __future__ import annotations

import re
import unicodedata

from vanban.lines import int_to_roman, roman_to_int
from vanban.normalize import join_broken_lines, join_hard_breaks, normalize_text

# A word hyphenated at a line end ("toàn-\ndiện").
_HYPHEN_END = re.compile(r"(?<=[a-zà-ỹđ])-\n(?=[a-zà-ỹđ])")
# A dash bullet read as a tilde or a long dash at the start of a line ("~ Chi bộ trực thuộc").
_TILDE_BULLET = re.compile(r"^[~—_]\s+(?=\S)", re.MULTILINE)
# A Roman section number misread at the start of a heading line ("L MỤC ĐÍCH", "IL. NHIỆM VỤ",
# "HI. TỔ CHỨC"): l, L and | stand for I, H for II; the rest of the line must be capitals.
# (A "1" is left alone: "1. KẾT QUẢ" is an item.)
_ROMAN_MISREAD = re.compile(r"^([IlL|H]{1,4})[.,]?[ \t]+(\S[^\n]*)$", re.MULTILINE)
# A heading number with a misread delimiter: "1, Mục đích", "10: Chú trọng", "II: TỔ CHỨC",
# "7.. Xây dựng", "1V: TỔ CHỨC" (a "1" read for the "I" of a Roman numeral).
_NUMBER_DELIMITER = re.compile(
    r"^(\d{1,2}|[IVX1]{1,5})(?:[,:;]|\.[.,:]|,\.)[ \t]+(?=\S)", re.MULTILINE
)
# "V/v" as OCR may give it at the start of the summary line: "-V/ chương trình", "V/V.", "Vlv".
_VV_LEAD = re.compile(r"^[-–—.~]?[ \t]*V[ \t]?[/lI|][ \t]?[vV]?[.,:]?[ \t]+(?=[^\W\d_])", re.M)
# "Số:" before the number, misread: "Sõ: 367", "S6: 12", "Sô 45".
_NUMBER_LEAD = re.compile(r"(?<![^\s])S[ốõôóòỏọổỗộơ6][ \t]*[:.;]?[ \t]*(?=\d)")
# The fixed lines of a header, canonical: the national name and motto (state documents), the
# party's name (party documents).
FIXED_LINES = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
)
# Only the header carries them: the first lines of each page are enough.
_HEADER_LINES = 14


def normalize_ocr_text(raw: str) -> str:
    """Text from OCR made like every reader's text: NFC, page feeds → blank lines, OCR's
    misreads of the format's fixed parts mended, words hyphenated at a line end rejoined,
    paragraphs cut by a column or page break and lines wrapped inside a paragraph joined, then
    :func:`vanban.normalize_text`."""
    text = unicodedata.normalize("NFC", raw).replace("\f", "\n")
    text = _HYPHEN_END.sub("", text)
    text = _TILDE_BULLET.sub("- ", text)
    text = _ROMAN_MISREAD.sub(_roman, text)
    text = _NUMBER_DELIMITER.sub(_numbering, text)
    text = _VV_LEAD.sub("V/v ", text)
    text = _NUMBER_LEAD.sub("Số: ", text)
    text = mend_fixed_lines(text)
    text = renumber_sections(text)
    return normalize_text(join_hard_breaks(join_broken_lines(text)))


def _roman(match: re.Match[str]) -> str:
    numeral = match.group(1).translate(str.maketrans("lL|", "III")).replace("H", "II")
    rest = match.group(2)
    if numeral in ("I", "II", "III") and rest == rest.upper() and any(c.isalpha() for c in rest):
        return f"{numeral}. {rest}"
    return match.group()


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


def _letters(text: str) -> str:
    """The letters of ``text``, case folded, accents kept (OCR's errors are mostly in the marks,
    which the edit distance then counts)."""
    return "".join(ch for ch in text.casefold() if ch.isalpha())


def _distance(a: str, b: str, limit: int) -> int:
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


_FIXED = tuple((line, _letters(line), len(line.split())) for line in FIXED_LINES)


def mend_fixed_lines(text: str) -> str:
    """The header's national name, motto and party name in their canonical form where OCR gave
    a near miss of them: within two letters' edit distance (three for the long national name),
    case and punctuation aside. A line may hold two columns ("ỦY BAN NHÂN DÂN CỘNG HÒA …"):
    the fixed line is looked for as a run of words anywhere in it."""
    lines = text.split("\n")
    seen = 0
    for index, line in enumerate(lines):
        if seen >= _HEADER_LINES:
            # a new page starts again after a form feed (a blank run), but the header is only on
            # the first: stop at the first lines of text
            break
        if not line.strip():
            continue
        seen += 1
        lines[index] = _mend_line(line)
    return "\n".join(lines)


def _mend_line(line: str) -> str:
    words = line.split()
    for canonical, letters, size in _FIXED:
        limit = 3 if len(letters) > 24 else 2
        # the fixed line may have gained or lost a word boundary: try a word more and a word less
        for width in (size, size - 1, size + 1):
            for start in range(0, len(words) - width + 1):
                window = words[start : start + width]
                found = _letters(" ".join(window))
                if found == letters and _same_but_case(" ".join(window), canonical):
                    return line
                if _distance(found, letters, limit) <= limit:
                    return _replace_words(line, window, canonical)
    return line


def _same_but_case(found: str, canonical: str) -> bool:
    """Whether only case and dash forms differ (the motto is written "Độc Lập - Tự Do - …")."""
    fold = str.maketrans({"–": "-", "—": "-"})
    return " ".join(found.translate(fold).split()).casefold() == canonical.casefold()


def _replace_words(line: str, window: list[str], canonical: str) -> str:
    """``line`` with the run of words ``window`` replaced by ``canonical``, spacing kept."""
    pattern = r"[ \t]+".join(re.escape(word) for word in window)
    return re.sub(pattern, lambda _m: canonical, line, count=1)


# A section heading: a Roman numeral, a delimiter, and a line in capitals ("II. NỘI DUNG").
_SECTION_HEADING = re.compile(r"^([IVX]{1,5})([.\-–:)][ \t]*)(\S[^\n]*)$", re.MULTILINE)
_ROMANS = tuple(int_to_roman(n) for n in range(1, 13))


def renumber_sections(text: str) -> str:
    """Section headings numbered in order where OCR dropped a stroke of the numeral: a heading
    that repeats the previous numeral, or reads as a numeral the expected one contains with a
    stroke less ("II" for "III", "I" for "II", "V" for "VI"), takes the expected number. A
    heading with any other numeral is left as read and the count goes on from it."""
    expected = 0  # index into _ROMANS of the next heading's numeral

    def one(match: re.Match[str]) -> str:
        nonlocal expected
        numeral, delimiter, rest = match.groups()
        if rest != rest.upper() or not any(ch.isalpha() for ch in rest):
            return match.group()
        if numeral not in _ROMANS:
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


def _one_stroke_less(numeral: str, wanted: str) -> bool:
    """Whether ``numeral`` is ``wanted`` with one letter left out."""
    return len(numeral) + 1 == len(wanted) and any(
        wanted[:i] + wanted[i + 1 :] == numeral for i in range(len(wanted))
    )
