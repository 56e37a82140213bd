"""The structure of the body: footnotes, where the body ends ("Nơi nhận"), the Roman-numbered
sections, the Arabic-numbered items under them and the bullets of each item."""

from __future__ import annotations

import bisect
import re

from vanban.lines import (
    LineMatch,
    field_value,
    is_caps,
    line_matches,
    line_value,
    roman_to_int,
    trim,
)
from vanban.model import Bullet, Footnote, Item, Section
from vanban.normalize import WRAPPED_MIN, continues
from vanban.patterns import (
    BULLET_LINES,
    CAPITALS,
    FOOTNOTE_LINES,
    ITEM_LINES,
    NOI_NHAN_LINES,
    SECTION_LINES,
)
from vanban.state import BODY_END_TAIL, MAX_FOOTNOTES, MAX_ITEMS, MAX_SECTIONS, ParserState

_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
# A part's heading, over its own Roman-numbered sections: "PHẦN THỨ HAI", "Phần II", "A. CÔNG
# TÁC …" (the second form after a line break, to find them all in one pass).
_PART_LINE = rf"[ \t*#_]*(?:(?:PHẦN|Phần)[ \t]+(?:THỨ|thứ|[IVX]+\b|[A-Z]\b|\d)|[A-E]\.[ \t]+[{CAPITALS}]{{2}})"
_PART_LINE_RE = re.compile(_PART_LINE)
_PART_LINES_PLAIN_RE = re.compile("(?<=\n)" + _PART_LINE)
# (the same led by its line break, which the regex engine finds at C speed: the look-behind
# form is tried at every position of the body; a match starts one character further)
_PART_LINES_RE = re.compile("\n" + _PART_LINE)
# A heading line this long (characters) may have been wrapped by the page.
_CAPS_WRAP_MIN = 40


# The national motto that opens a document's header, as typed (NFC): a second one in the body
# is the header of another document that follows.
_MOTTOS = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA")


def _motto_at(text: str, start: int, end: int) -> int:
    """Where the first national motto between ``start`` and ``end`` stands, or -1."""
    found = [at for at in (text.find(m, start, end) for m in _MOTTOS) if at >= 0]
    return min(found, default=-1)


class StructureParser(ParserState):
    """Finds the body's lines with the precompiled line patterns of :mod:`vanban.patterns`."""

    def _footnotes(self) -> None:
        for match in line_matches(FOOTNOTE_LINES, self.text, 0, len(self.text)):
            label = match.group(1).translate(_SUPERSCRIPT).strip("[]")
            body = match.group(2)
            self.doc.footnotes.append(
                Footnote(label, field_value(body), (match.start(2), match.end(2)))
            )
            self.footnote_starts.add(match.start())
            if len(self.doc.footnotes) >= MAX_FOOTNOTES:
                break

    def _body_end(self) -> None:
        """The body ends at the last "Nơi nhận" line. It is looked for in the last lines first
        (a line pattern's matches after a line break are the same whether the scan starts
        there or before: no match crosses a line break), and in the whole body only when
        those lines have none."""
        text = self.text
        last: LineMatch | None = None
        cut = text.rfind("\n", self.body_start, max(self.body_start, len(text) - BODY_END_TAIL))
        if cut > 0:
            for found in NOI_NHAN_LINES[1].finditer(text, cut, len(text)):
                last = LineMatch(found, 1)  # the pattern starts with "\n"
        if last is None:
            for match in line_matches(NOI_NHAN_LINES, text, self.body_start, len(text)):
                last = match
        if last is not None:
            last = self._before_a_second_document(last)
        self.noi_nhan = last
        if last is not None:
            self.body_end = last.start()

    def _before_a_second_document(self, last: LineMatch) -> LineMatch:
        """The document's own "Nơi nhận" when a second document follows it: a letter that
        sends a form and a draft decision ends at its signature, and the national motto of the
        next one ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") stands before the last "Nơi nhận" of
        the text, the draft's. The body then ends at the last "Nơi nhận" before that motto."""
        text = self.text
        first = _motto_at(text, 0, last.start())  # the document's own, in its header
        motto = _motto_at(text, first + 1, last.start()) if first >= 0 else -1
        if motto < 0:
            return last
        own: LineMatch | None = None
        for match in line_matches(NOI_NHAN_LINES, text, self.body_start, motto):
            own = match
        return own if own is not None else last

    def _structure(self) -> None:
        text, doc = self.text, self.doc
        heads: list[tuple[int, Section]] = []
        expected = 1
        parts: list[int] | None = None  # where parts' headings stand, found once when needed
        for match in line_matches(SECTION_LINES, text, self.body_start, self.body_end):
            number = roman_to_int(match.group(1))
            if number == 1 and heads and parts is None:
                parts = _part_starts(text, self.body_start, self.body_end)
            if number != expected and not (
                # the numbering starts again in each part ("PHẦN THỨ HAI", "A. CÔNG TÁC …")
                (
                    number == 1
                    and parts
                    and heads
                    and _any_between(parts, heads[-1][0], match.start())
                )
                # a number the page skipped, under a heading in capitals ("III." then "V."), or
                # the first heading's numeral lost ("` 1L. MỤC ĐÍCH" read by OCR) before "II."
                or (number == expected + 1 and is_caps(match.group(2)))
            ):
                continue
            ts, te = trim(text, match.start(2), match.end(2))
            if ts >= te:
                nxt = self.lines.lines(min(match.end() + 1, len(text)), self.body_end, 3)
                line = next((ln for ln in nxt if ln.text), None)
                if line is None:
                    continue
                ts, te = line.cstart, line.cend
            elif is_caps(text[ts:te]):
                te = _caps_heading_wrapped_on(text, match.start(), te, self.body_end)
            else:
                # a heading that runs into its content ("II. Địa điểm: Trực tiếp tại …") is a
                # paragraph: the lines a PDF wrapped it onto are read on, as an item's are
                te = _wrapped_on(text, ts, te, self.body_end)
            title = field_value(text[ts:te].replace("\n", " "))
            if not title or not (title[0].isupper() or title[0].isdigit() or title[0] in '“"('):
                continue
            section = Section(match.group(1), title, (match.start(), match.end()), (ts, te))
            heads.append((match.start(), section))
            expected = number + 1
            if len(heads) >= MAX_SECTIONS:
                break
        doc.sections = [s for _, s in heads]
        self.section_bounds = []
        for index, (start, section) in enumerate(heads):
            end = heads[index + 1][0] if index + 1 < len(heads) else self.body_end
            self.section_bounds.append((section, start, end))
        items: list[Item] = []
        for section, _start, end in self.section_bounds:
            found: list[Item] = []
            want = 1
            form: tuple[str, bool] | None = None  # the section's numbering: delimiter, blank after
            candidates = list(line_matches(ITEM_LINES, text, section.span[1], end))
            for index, line_match in enumerate(candidates):
                item_match = line_match.match  # groups 1 and 2 need no offset
                label = item_match.group(1)
                if int(label) != want:
                    continue
                this_form = _numbering_form(text, item_match)
                if (
                    form is not None
                    and this_form != form
                    and _later_in_form(text, candidates[index + 1 : index + 41], label, form)
                ):
                    continue  # "4.KLTW75.DOC" or "8)" before the section's own "4. …", "8. …"
                ts, te = trim(text, item_match.start(2), item_match.end(2))
                te = _wrapped_on(text, ts, te, end)
                title = line_value(text[ts:te].replace("\n", " "))
                if not title:
                    continue
                found.append(
                    Item(
                        section.label,
                        label,
                        title,
                        span=(line_match.start(), item_match.end()),
                        title_span=(ts, te),
                    )
                )
                want += 1
                form = form or this_form
                if len(items) + len(found) >= MAX_ITEMS:
                    break
            for index, item in enumerate(found):
                start = item.span[0]
                stop = found[index + 1].span[0] if index + 1 < len(found) else end
                stop = self._cut_end(start, stop)
                item.span = (start, stop)
                self._item_body(item)
            items.extend(found)
            if len(items) >= MAX_ITEMS:
                break
        doc.items = items

    def _item_body(self, item: Item) -> None:
        text = self.text
        start, end = item.span
        body = text[start:end]
        if self.footnote_starts and any(start <= f < end for f in self.footnote_starts):
            body = "\n".join(line for line in body.split("\n") if not FOOTNOTE_LINES[0].match(line))
        if "\n\n" in body:  # blank lines out (the ends are stripped just after)
            body = "\n".join(filter(None, body.split("\n")))
        body = body.strip()
        item.text = body.replace("*", "") if "*" in body else body
        first_nl = text.find("\n", start, end)
        if first_nl < 0:
            return
        footnote_starts = self.footnote_starts
        bullets = item.bullets
        for bullet in BULLET_LINES[1].finditer(text, first_nl, end):
            if footnote_starts and bullet.start() + 1 in footnote_starts:
                continue
            marker, plus, body = bullet.group(1, 2, 3)
            bullets.append(Bullet(plus or marker, line_value(body), bullet.span(3)))


def _numbering_form(text: str, match: re.Match[str]) -> tuple[str, bool]:
    """How an item's number is written: its delimiter, and whether a blank follows it."""
    between = text[match.end(1) : match.start(2)]
    return between.strip()[:1], between[-1:] in (" ", "\t")


def _later_in_form(text: str, later: list[LineMatch], label: str, form: tuple[str, bool]) -> bool:
    """Whether a later line numbers ``label`` the way the section numbers its items: then an
    earlier line with that number in another form is noise (a page's running head that OCR read
    as "4.KLTW75.DOC", a sub-point's "a)" read as "8)"), not the item. The caller passes the
    next 40 numbered lines only: the item follows its noise closely, and a text of many
    numbered lines in another form must not be read again for each."""
    return any(m.match.group(1) == label and _numbering_form(text, m.match) == form for m in later)


def _part_starts(text: str, start: int, end: int) -> list[int]:
    """Where the parts' headings start between ``start`` and ``end``: the starts of
    ``_PART_LINES_PLAIN_RE.finditer(text, start, end)``, found from the line break before each
    (a part's heading holds no line break, so the matches are the same lines)."""
    return [m.start() + 1 for m in _PART_LINES_RE.finditer(text, max(0, start - 1), end)]


def _any_between(positions: list[int], start: int, end: int) -> bool:
    """Whether a position of the sorted ``positions`` lies strictly between ``start`` and
    ``end``."""
    at = bisect.bisect_right(positions, start)
    return at < len(positions) and positions[at] < end


def _caps_heading_wrapped_on(text: str, line_start: int, end: int, stop: int) -> int:
    """The end of a section's heading in capitals, moved on over the one line a PDF wrapped it
    onto: "IV. CHUYỂN GIAO TỔ CHỨC ĐẢNG VÀ CHUYỂN SINH HOẠT" / "ĐẢNG TẬP THỂ CHO ĐẢNG VIÊN",
    a bracketed source after it in any case ("(Điều 9 Quy định số 02-QĐ/TU …)")."""
    whole = text[line_start:end].strip()
    if not text.startswith("\n", end) or len(whole) < _CAPS_WRAP_MIN or not is_caps(whole):
        return end
    nl = text.find("\n", end + 1)
    nxt = nl if 0 <= nl < stop else stop
    content = text[end + 1 : nxt].strip()
    head = content.split("(")[0].strip()
    if (
        not head
        or len(content) > 160
        or not is_caps(head)
        or SECTION_LINES[0].match(content)
        or ITEM_LINES[0].match(content)
        or BULLET_LINES[0].match(content)
        or _PART_LINE_RE.match(content)
    ):
        return end
    return end + 1 + len(text[end + 1 : nxt].rstrip())


# A point's label, even with no blank after it ("a)Thân thế …" when the blanks were lost).
_POINT_LABEL = re.compile(r"[a-zđ][.)]")


def _wrapped_on(text: str, start: int, end: int, stop: int) -> int:
    """The end of an item's first line, moved on over the lines a PDF wrapped it onto (a line
    that :func:`continues` a full line, even before a capital: "… về Văn phòng" / "Chính phủ
    trong ngày …"), up to ``stop``."""
    while end < stop and text.startswith("\n", end):
        line_start = text.rfind("\n", 0, end) + 1
        last = text[max(line_start, start) : end].strip()
        nl = text.find("\n", end + 1)
        nxt = nl if 0 <= nl < stop else stop
        content = text[end + 1 : nxt].strip()
        whole = text[line_start:end].strip()
        # (only a line the page filled was wrapped: a short first line is the item's title —
        # unless the next line opens on a small letter, which no title, item or sentence does:
        # the source broke the item's first line wherever its own line ended, after the label
        # it indented; a short line further down is the paragraph's last)
        if not last or not content or not continues(whole, content):
            break
        if len(whole) < WRAPPED_MIN and (
            line_start > start or not content[0].islower() or _POINT_LABEL.match(content)
        ):
            break
        if content[0].isupper() and _shorter_than_wrapped(text, whole, content, nxt, stop):
            break
        end = end + 1 + len(text[end + 1 : nxt].rstrip())
    return end


# A line this much shorter than a wrapped line of the same page stopped before the page's edge
# (a bold heading's wider letters fill a line with fewer of them: the margin allows for that).
_SHORT_OF_WRAPPED = 0.85


def _shorter_than_wrapped(text: str, whole: str, content: str, nxt: int, stop: int) -> bool:
    """Whether ``whole``, an item's line before the capital that opens ``content``, ends its
    heading: ``content`` is a line the page wrapped (the line under it goes on with it), so it
    shows the page's width, and ``whole`` falls well short of it ("1. Ông … – Chánh Văn phòng"
    over "Chánh Văn phòng lãnh đạo, quản lý, điều hành toàn bộ các hoạt động của" / "Văn phòng
    theo chức năng, …"). Lengths are counted with runs of blanks as one (justified lines)."""
    if nxt >= stop or not text.startswith("\n", nxt):
        return False
    after_end = text.find("\n", nxt + 1)
    after = text[nxt + 1 : after_end if 0 <= after_end < stop else stop].strip()
    if not after or not continues(content, after):
        return False
    width = len(" ".join(content.split()))
    return len(" ".join(whole.split())) < _SHORT_OF_WRAPPED * width
