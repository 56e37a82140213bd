"""What the way a document reaches us does to its text, applied to labelled texts whose labels it
leaves true: a PDF's text re-wrapped at another width or with blanks lost, a symbol split over
two lines, paragraphs no longer parted by blank lines, the header's or the footer's two columns
read line by line, an e-signature's blank
number and day with its stamp, the whole text on one line, Windows line ends and invisible
characters. Each distortion is seeded, so a run gives the same texts every time.

Some distortions change what a label means; the fields they leave unscored are listed with them
(``items`` keep "the text up to the first line break", which a re-wrap or a flattening moves;
a blank number is no longer the labelled one)."""

from __future__ import annotations

import random
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

Distort = Callable[[str, random.Random], str]


@dataclass(frozen=True)
class Distortion:
    name: str
    apply: Distort
    unscored: frozenset[str] = frozenset()


def rewrap(text: str, rng: random.Random) -> str:
    """Body paragraphs (lines over 60 characters, not in capitals) wrapped at another width."""
    width = rng.choice([55, 70, 85, 100])
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) > 60 and not line.isupper():
            out.extend(textwrap.wrap(line, width) or [line])
        else:
            out.append(line)
    return "\n".join(out)


def blank_lost_at_line_ends(text: str, rng: random.Random) -> str:
    """The blank where a PDF's line ended is lost every 60–90 characters ("Chỉ thịsố")."""
    out: list[str] = []
    run = 0
    limit = rng.randint(60, 90)
    for word in text.split(" "):
        run += len(word) + 1
        if run > limit and "\n" not in word:
            out.append(word)
            run, limit = 0, rng.randint(60, 90)
        else:
            out.append(word + " ")
    joined = "".join(out)
    return joined[:-1] if joined.endswith(" ") else joined


def blank_lost_before_capitals(text: str, rng: random.Random) -> str:
    """A quarter of the blanks before a capital or a figure lost ("vụTỉnh", "BộCông")."""
    return re.sub(r" (?=[0-9A-ZĐÀ-Ỹ])", lambda m: "" if rng.random() < 0.25 else " ", text)


def symbol_split_over_lines(text: str, rng: random.Random) -> str:
    """A symbol broken after its first dash ("50-" / "TTr/BXDĐ")."""
    out = []
    for word in text.split(" "):
        if "-" in word and "/" in word and word[:1].isdigit() and rng.random() < 0.7:
            at = word.index("-") + 1
            word = word[:at] + "\n" + word[at:]
        out.append(word)
    return " ".join(out)


_RIGHT_COLUMN = re.compile(
    r"^(?:CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|Độc lập|ĐOÀN TNCS|[-_=*]{3,}$|.*, ngày .* năm \d{4})"
)
_TYPE_LINE = re.compile(
    r"^(?:QUYẾT ĐỊNH|KẾ HOẠCH|THÔNG BÁO|NGHỊ QUYẾT|CHỈ THỊ|KẾT LUẬN|QUY ĐỊNH|HƯỚNG DẪN|BÁO CÁO"
    r"|CHƯƠNG TRÌNH|TỜ TRÌNH|CÔNG VĂN|QUY CHẾ)\b|^V/v"
)


def _interleave(first: list[str], second: list[str]) -> list[str]:
    out: list[str] = []
    for index in range(max(len(first), len(second))):
        out.extend(first[index : index + 1] + second[index : index + 1])
    return out


def _header(lines: list[str]) -> tuple[int, list[str], list[str]] | None:
    """Where the header ends (the type word's line), its left column's and right column's lines."""
    end = next((i for i, ln in enumerate(lines) if _TYPE_LINE.match(ln.strip())), None)
    if not end:
        return None
    head = [ln for ln in lines[:end] if ln.strip()]
    right = [ln for ln in head if _RIGHT_COLUMN.match(ln.strip())]
    left = [ln for ln in head if not _RIGHT_COLUMN.match(ln.strip())]
    return end, left, right


def _footer(lines: list[str]) -> tuple[int, list[str], list[str]] | None:
    """The "Nơi nhận:" line's index, the recipients under it and the signature block's lines."""
    at = next((i for i, ln in enumerate(lines) if ln.strip() == "Nơi nhận:"), None)
    if at is None:
        return None
    index = at + 1
    recipients = []
    while index < len(lines) and lines[index].strip():
        recipients.append(lines[index])
        index += 1
    signature = [ln for ln in lines[index:] if ln.strip()]
    if not recipients or not signature:
        return None
    return at, recipients, signature


def header_columns(text: str, rng: random.Random) -> str:
    """The header's two columns read line by line, the left or the right one first."""
    lines = text.split("\n")
    header = _header(lines)
    if header is None:
        return text
    end, left, right = header
    columns = (right, left) if rng.random() < 0.5 else (left, right)
    return "\n".join([*_interleave(*columns), "", *lines[end:]])


def footer_columns(text: str, rng: random.Random) -> str:
    """The recipients and the signature column read line by line: "Nơi nhận:", then one line of
    the signature block, one recipient, and so on."""
    lines = text.split("\n")
    footer = _footer(lines)
    if footer is None:
        return text
    at, recipients, signature = footer
    return "\n".join([*lines[: at + 1], *_interleave(signature, recipients)])


_HEADER_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")


def esignature_stamp(text: str, rng: random.Random) -> str:
    """Number and day left blank for the signing system, its stamp (body, time) at the end."""
    text = re.sub(r"(Số:?\s*)\d+(?=[-/])", r"\1", text, count=1)
    date = _HEADER_DATE.search(text)
    if date is None:
        return text
    day, month, year = date.groups()
    text = f"{text[: date.start()]}ngày   tháng {month} năm {year}{text[date.end() :]}"
    return f"{text}\nĐẢNG UỶ XÃ AN BÌNH\n{int(day):02d}-{int(month):02d}-{year} 16:29:44 +07:00\n"


def one_line(text: str, rng: random.Random) -> str:
    """The whole text on one line, as copied from many web pages."""
    return " ".join(text.split())


def windows_and_invisible(text: str, rng: random.Random) -> str:
    """CRLF line ends, some blanks as no-break spaces, zero-width spaces inside some words."""
    text = re.sub(" ", lambda m: "\u00a0" if rng.random() < 0.2 else " ", text)
    text = re.sub(r"(?<=\w)(?=\w)", lambda m: "\u200b" if rng.random() < 0.01 else "", text)
    return text.replace("\n", "\r\n")


_LINE_BOUND = frozenset(["items", "assignments"])
DISTORTIONS = [
    Distortion("rewrap", rewrap, _LINE_BOUND),
    Distortion("blank_lost_at_line_ends", blank_lost_at_line_ends),
    Distortion("blank_lost_before_capitals", blank_lost_before_capitals),
    Distortion("symbol_split_over_lines", symbol_split_over_lines),
    Distortion("header_columns", header_columns),
    Distortion("footer_columns", footer_columns),
    Distortion("esignature_stamp", esignature_stamp, frozenset(["number"])),
    Distortion("one_line", one_line, _LINE_BOUND),
    Distortion("windows_and_invisible", windows_and_invisible),
]


def _side_by_side(
    left: list[str], right: list[str], rng: random.Random, *, centred: bool
) -> list[str]:
    width = max((len(line.strip()) for line in left), default=0) + rng.randint(4, 30)
    out = []
    for index in range(max(len(left), len(right))):
        a = left[index].strip() if index < len(left) else ""
        b = right[index].strip() if index < len(right) else ""
        out.append((a.center(width) if centred else a.ljust(width)) + b)
    return [line.rstrip() for line in out]


def columns_side_by_side(text: str, rng: random.Random) -> str:
    """The header's and the footer's columns on the same lines, far apart, as a PDF-to-text
    converter that keeps the layout prints them ("ĐẢNG BỘ TỈNH …      ĐẢNG CỘNG SẢN VIỆT NAM")."""
    lines = text.split("\n")
    header = _header(lines)
    if header is not None:
        end, left, right = header
        lines = [*_side_by_side(left, right, rng, centred=True), "", *lines[end:]]
    footer = _footer(lines)
    if footer is not None:
        at, recipients, signature = footer
        lines = lines[:at] + _side_by_side([lines[at], *recipients], signature, rng, centred=False)
    return "\n".join(lines)


DISTORTIONS.append(Distortion("columns_side_by_side", columns_side_by_side))


def paragraphs_without_blanks(text: str, rng: random.Random) -> str:
    """Body paragraphs re-wrapped and no blank line left between any two lines, as a PDF's text
    stream gives them: the title runs straight into the authority line or the first sentence."""
    return "\n".join(line for line in rewrap(text, rng).split("\n") if line.strip())


DISTORTIONS.append(Distortion("paragraphs_without_blanks", paragraphs_without_blanks, _LINE_BOUND))
