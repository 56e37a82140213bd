"""A news page's headline and date line among its first lines: a page carries no type word
nor number, and the site's chrome (skip links, breadcrumbs, the section's name, a print view's
tools) stands around the headline (moved out of :mod:`vanban.header`, whose header of a
document it is not)."""

from __future__ import annotations

import re

from vanban.lines import Line
from vanban.normalize import WRAPPED_MIN, continues
from vanban.patterns import LETTER_WORD_RE, NUMERIC_DATE_RE


def is_date_line(line: Line) -> bool:
    """A news page's date line: a date in figures with at most a time, a weekday and a label
    ("Ngày đăng 08/07/2014 | 00:00", "Cập nhật, 05:22, Thứ Sáu, 21/04/2017 (GMT+7)")."""
    if len(line.text) > 80 or not NUMERIC_DATE_RE.search(line.text):
        return False
    return len(LETTER_WORD_RE.findall(line.text)) <= 6


def headline_continues(last: str, content: str) -> bool:
    """A wrapped line of a news page's first lines: one starting with a small letter, or a short
    rest of a long headline ("… của Thành ủy Hà" / "Nội"). A long line or one holding a colon
    after a headline is the lead paragraph or the page's chrome ("Lượt xem: 6783")."""
    return continues(last, content) and (
        content[0].islower() or (len(content) < WRAPPED_MIN and ":" not in content)
    )


def _is_paragraph(line: Line) -> bool:
    """A line of a news page's body: long, or a sentence ended by its punctuation."""
    text = line.text
    return len(text) > 160 or (len(text) > 60 and text.endswith((".", ":", ";")))


def headline(filled: list[Line]) -> tuple[Line | None, Line | None]:
    """A news page's headline and date line among its first lines (before the body's first
    paragraph). The date line sits right under the headline, or right above it (with the site's
    shorter chrome on its other side); without one, the site's chrome above the headline (skip
    link, breadcrumb, section name, the site's name) is shorter than the headline, so the headline
    is the line of the most words."""
    head: list[Line] = []
    for index, line in enumerate(filled):
        if _is_paragraph(line) or (index > 0 and _DAY_LEAD_RE.match(line.text) is not None):
            # (a line opening on the day told, "Ngày 24-10, UBND tỉnh …", is the lead's first,
            # wrapped short of a paragraph's length by a scan or a narrow page: the head is above)
            break
        head.append(line)
    if not head:
        if (
            len(filled) > 1
            and len(filled[0].text) <= 160
            and _ends_a_sentence(filled[0].text)
            and _DAY_LEAD_RE.match(filled[0].text) is None
            and _SENTENCE_BREAK_RE.search(filled[0].text.rstrip()[:-1]) is None
            and _DAY_LEAD_RE.match(filled[1].text) is not None
        ):
            # one short sentence right above the lead that opens on the day told ("Ngày
            # 03/02/2025, …"): the headline, printed with a full stop by the site
            return filled[0], None
        if filled and (
            _ends_a_sentence(filled[0].text) or _DAY_LEAD_RE.match(filled[0].text) is not None
        ):
            # the page opens with its lead paragraph (a store or a print view that left the
            # headline out): a headline is a phrase, never a sentence closed by its full stop
            # nor one that opens on the day of the event told ("Ngày 11/9/2025, …")
            return None, None
        return (filled[0] if filled else None), None
    for index, line in enumerate(head):
        if is_date_line(line):
            # between two lines, the headline is the longer: the other is the site's chrome
            # ("Văn phòng UBND tỉnh" / "Thứ ba 22/10/2019" / the headline); a tie keeps the one above
            near = [
                ln
                for ln in (_phrase_beside(head, index, -1), _phrase_beside(head, index, 1))
                if ln is not None
            ]
            if not near:
                near = [ln for ln in (head[index - 1 : index] + head[index + 1 : index + 2]) if ln]
            if near:
                return max(near, key=lambda ln: len(ln.text.split())), line
            return (filled[1] if len(filled) > 1 else None), line
    return max(head, key=lambda ln: len(ln.text.split())), None


# A news lead's opening adverbial of time: the day in figures and a comma ("Ngày 11/9/2025,",
# "Sáng 12/8,").
_DAY_LEAD_RE = re.compile(
    r"(?:Ngày|Sáng|Trưa|Chiều|Tối)[ \t]+\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?[ \t]*,"
)


# A sentence closed inside a line, another opening after it.
_SENTENCE_BREAK_RE = re.compile(r"[.!?][ \t]+[A-ZĐÂĂÊÔƠƯ]")


def _ends_a_sentence(text: str) -> bool:
    """Whether a line closes as a sentence: a full stop that is not an ellipsis."""
    text = text.rstrip()
    return text.endswith(".") and not text.endswith("..")


def _phrase_beside(head: list[Line], index: int, step: int) -> Line | None:
    """The nearest line of three words or more beside the date line ``head[index]``, on the side
    ``step`` gives: a line of one or two words between them is the page's tool or label ("in
    trang" of a print view, "Chia sẻ"), not a headline."""
    at = index + step
    while 0 <= at < len(head) and len(head[at].text.split()) <= 2:
        at += step
    return head[at] if 0 <= at < len(head) else None
