"""The header: the type word and the title, the number, the place and date, the superior and
issuing bodies; without a type word, a letter's "V/v" subject or a web article's first line.
Where the title's lines end is :mod:`vanban.title`."""

from __future__ import annotations

import re

from vanban.body_names import BODY_HEADS
from vanban.citations import make_date
from vanban.headline import headline, headline_continues, is_date_line
from vanban.lines import Line, field_value, is_caps, join_wrapped
from vanban.normalize import clean_symbol, fold_aligned, vi_regex
from vanban.patterns import (
    DATE_AT_END_RE,
    HEADER_DATE_PARTIAL_RE,
    HEADER_DATE_RE,
    HEADER_PIECE_RE,
    HEADER_TYPES,
    KINH_GUI_RE,
    MOTTO_RE,
    NOT_IN_BODY_NAME_RE,
    NUMBER_AFTER_TYPE_RE,
    NUMBER_LEAD_RE,
    NUMERIC_DATE_RE,
    PERSON_TITLE_RE,
    PLACE_ABBREVIATION_RE,
    SECTION_LINES,
    SEPARATOR_LINE_RE,
    STAMP_TIME_RE,
    TYPE_LINE_RE,
    UNBLANKED_RUN_RE,
    VV_RE,
    WORD_RE,
)
from vanban.state import HEADER_CHARS, HEADER_FIRST_LINES, HEADER_LINES
from vanban.symbols import (
    BLANK_SYMBOL_RE,
    LEAD_SYMBOL_RE,
    OLD_SYMBOL_RE,
    SYMBOL_RE,
    type_of_symbol,
)
from vanban.title import TitleParser, subject_quotes_dropped, unpaired_quote_dropped

_AREAS = frozenset(["TỈNH", "HUYỆN", "QUẬN", "XÃ", "PHƯỜNG", "THÀNH", "THỊ", "TP.", "TP"])
_AREA_BODIES = frozenset(["ỦY", "UỶ", "ĐOÀN", "ĐỘI", "HỘI"])


# A body's kind printed alone on a header line, the rest of its name on the next (folded).
_KIND_ALONE = frozenset(
    ("hiep hoi", "lien hiep hoi", "lien doan", "hoi dong", "uy ban", "ban chi dao", "trung tam")
)


def _is_area_line(words: list[str]) -> bool:
    """A header line that only names the area of the body above it: "ỦY BAN NHÂN DÂN" /
    "TỈNH BÌNH PHƯỚC" is one body whose name wraps (but "TỈNH ỦY", "HUYỆN ĐOÀN" are bodies);
    likewise the central level alone: "BAN CHẤP HÀNH" / "TRUNG ƯƠNG"."""
    if words == ["TRUNG", "ƯƠNG"]:
        return True
    if len(words) < 2 or words[0] not in _AREAS or words[1] in _AREA_BODIES:
        return False  # not an area, or "TỈNH ỦY", "THÀNH ỦY", "HUYỆN ĐOÀN"
    if words[:2] in (["THÀNH", "PHỐ"], ["THỊ", "XÃ"], ["THỊ", "TRẤN"]):
        return len(words) > 2 and words[2] not in _AREA_BODIES
    return words[0] not in ("THÀNH", "THỊ")


class HeaderParser(TitleParser):
    """Reads the first lines of the text; sets ``body_start`` where the body begins."""

    def _header(self) -> None:
        text, doc = self.text, self.doc
        # where the body starts at the latest: a long paragraph or a section heading. Nothing
        # below reads past that line (nor past line 12), so the first lines usually suffice.
        header_end = min(len(text), self.page_start + HEADER_CHARS)
        lines = self.lines.lines(self.page_start, header_end, HEADER_FIRST_LINES)
        checked = 0
        while True:
            limit = len(lines)
            for index in range(checked, len(lines)):
                line = lines[index]
                if (len(line.text) > 260 and not _is_teaser(line.text)) or (
                    SECTION_LINES[0].match(line.text) and index > 0
                ):
                    limit = index
                    break
            if limit < len(lines) or len(lines) < HEADER_FIRST_LINES or checked:
                break
            # the next lines, up to HEADER_LINES in all (what split_lines(..., HEADER_LINES) gives)
            checked = len(lines)
            lines += self.lines.lines(lines[-1].end + 1, header_end, HEADER_LINES - checked)
        type_index = None
        for index, line in enumerate(lines[: min(limit, 45)]):
            match = TYPE_LINE_RE.match(line.text)
            if not match:
                continue
            word_end = match.end(1)
            rest = match.group(2)
            if not is_caps(line.text[:word_end], 2) and rest[:3].lower() != "v/v":
                # (a type word in sentence case is the type line only before a letter's
                # "V/v" subject: "Công văn V/v tổ chức …", as portals print a letter's heading;
                # "Thông báo về việc …" is a news page's headline)
                continue
            frest = fold_aligned(rest).lower()
            heading = False
            if rest and (frest.startswith("so ") or NUMBER_AFTER_TYPE_RE.match(frest)):
                if any(ln.text for ln in lines[:index]) or not is_caps(line.text):
                    continue  # a citation: "KẾ HOẠCH số 12-KH/TU"
                # the first line of a text printed without its header, as an archive or a
                # gazette prints it: "NGHỊ QUYẾT SỐ 412 NQ/UBTVQH9 NGÀY 12-6-1997"
                heading = True
            type_index = index
            doc.doc_type = HEADER_TYPES[" ".join(fold_aligned(match.group(1)).lower().split())]
            self.spans["doc_type"] = (line.cstart, line.cstart + word_end)
            break
        zone, stamp = _after_leading_stamp(
            lines[: type_index if type_index is not None else min(limit, 15)]
        )
        if stamp is not None:
            self.leading_stamp = STAMP_TIME_RE.match(text, stamp.start, stamp.end)
        vv_lines = self._header_zone(zone)
        title_parts: list[Line] = []
        body_start = zone[-1].end + 1 if zone else self.page_start
        if type_index is not None:
            line = lines[type_index]
            match = TYPE_LINE_RE.match(line.text)
            assert match is not None
            if match.group(2).strip() and not self._type_qualifier(
                match.group(2), lines, type_index
            ):
                start = line.cstart + match.start(2)
                title_parts.append(
                    Line(
                        start,
                        line.cend,
                        text[start : line.cend],
                        start,
                        line.cend,
                    )
                )
            title_parts.extend(self._title_lines(lines, type_index + 1, bool(title_parts)))
            body_start = (title_parts[-1].end if title_parts else line.end) + 1
            if heading:
                self._heading_number_and_date(title_parts)
        elif vv_lines:
            title_parts = vv_lines
            doc.doc_type = "Công văn"
            body_start = vv_lines[-1].end + 1
        elif doc.number:
            doc.doc_type = type_of_symbol(doc.number) or "Văn bản"
            subject = self._unmarked_subject(zone)
            if subject:
                title_parts = subject
                body_start = subject[-1].end + 1
        elif (kinh_gui := self._letter_without_number(zone, lines)) is not None:
            # a letter whose number and subject lines are unreadable (a scan's OCR): its
            # header and its "Kính gửi" still make it a letter, not a news page; its body
            # opens at "Kính gửi"
            doc.doc_type = "Công văn"
            body_start = kinh_gui.start
        else:
            self.is_article = True
            doc.doc_type = "Tin bài"
            # a headline or a paragraph wrapped over lines is read whole; a date line stands apart
            filled = list(
                join_wrapped(text, lines[:12], apart=is_date_line, joins=headline_continues)
            )
            first, date_line = headline(filled)
            # a date and place read in the first lines belong to the body's sentences (the event
            # told, a cited letter), not to the page: only a date line dates it
            doc.date = doc.date_raw = doc.place = None
            for field in ("date", "date_raw", "place"):
                self.spans.pop(field, None)
            if first is not None:
                title_parts = [first]
                glued = DATE_AT_END_RE.search(first.text)
                if glued and glued.start() > 0:
                    # a date glued to the headline: "Tên bài03/03/2023 17:11"
                    cut = first.cstart + glued.start()
                    title_parts = [
                        Line(first.start, cut, text[first.cstart : cut], first.cstart, cut)
                    ]
                    date_line = first
                body_start = max(first.end, date_line.end if date_line else 0) + 1
                if date_line is not None:
                    self._article_date(date_line)
        if title_parts:
            doc.title = unpaired_quote_dropped(
                subject_quotes_dropped(field_value(" ".join(p.text for p in title_parts)))
            )
            self.spans["title"] = (title_parts[0].cstart, title_parts[-1].cend)
        self.body_start = min(len(text), body_start)
        self.title_end = self.body_start

    @staticmethod
    def _letter_without_number(zone: list[Line], lines: list[Line]) -> Line | None:
        """The "Kính gửi" line near the top under a formal header (the national name and
        motto, or the party's name), if any: a page of news prints neither."""
        if not any(MOTTO_RE.search(line.text) for line in zone[:8]):
            return None
        for line in lines[:30]:
            if KINH_GUI_RE.match(line.folded.lstrip(" \t-*")):
                return line
        return None

    def _heading_number_and_date(self, parts: list[Line]) -> None:
        """Number and date of a heading that carries them ("… SỐ 412 NQ/UBTVQH9 / NGÀY
        04-5-1994"), when no header gave them."""
        text, doc = self.text, self.doc
        for part in parts:
            for lead in NUMBER_LEAD_RE.finditer(text, part.cstart, part.cend):
                symbol = SYMBOL_RE.match(text, lead.end(), part.cend)
                if doc.number is None and symbol is not None:
                    doc.number = clean_symbol(symbol.group())
                    self.number_span = (symbol.start(), symbol.end())
                    self.spans["number"] = self.number_span
            date = HEADER_DATE_RE.search(text, part.cstart, part.cend)
            if doc.date_raw is None and date is not None and date.group(4):
                doc.date = make_date(date.group(4), date.group(5), date.group(6))
                doc.date_raw = field_value(date.group())
                self.spans["date_raw"] = self.spans["date"] = (date.start(), date.end())

    def _header_zone(self, zone: list[Line]) -> list[Line]:
        """Number, place and date, superior and issuing bodies; returns the "V/v" lines."""
        text, doc = self.text, self.doc
        orgs: list[tuple[str, int, int, bool]] = []
        vv: list[Line] = []
        in_vv = False
        zone = _cells_rejoined(text, zone)
        for zone_index, line in enumerate(zone):
            if not line.text:
                in_vv = False
                continue
            if vv and not in_vv and VV_RE.match(line.text):
                # one subject per letter: a later "V/v" line is a cited letter's subject that a
                # PDF's wrap put at a line's start ("… của UBND tỉnh Quảng Ninh" / "V/v …")
                continue
            if in_vv:
                if (
                    is_caps(line.text)
                    or KINH_GUI_RE.match(line.folded)
                    or self._is_place_date_line(line)
                ):
                    # (the place and date under the subject, as a flattened text is put back)
                    in_vv = False
                else:
                    vv.append(line)
                    continue
            if VV_RE.match(line.text) or (
                line.text[:1] in '“"'
                and VV_RE.match(line.text[1:].lstrip())
                and self.number_span is not None
                and zone_index > 0
                and zone[zone_index - 1].cstart <= self.number_span[0] <= zone[zone_index - 1].cend
            ):
                # (a subject may be printed in quotation marks right under the number: "Số: 156
                # -CV/…" / "“V/v giới thiệu …”"; elsewhere it is a cited letter's subject)
                vv.append(line)
                in_vv = True
                continue
            blank: list[tuple[int, int]] = []  # absolute ranges consumed by other fields
            for motto in MOTTO_RE.finditer(line.text):
                blank.append((line.cstart + motto.start(), line.cstart + motto.end()))
            if doc.number is None:
                for lead in NUMBER_LEAD_RE.finditer(text, line.cstart, line.cend):
                    at, end = lead.end(), line.cend
                    if at == end and zone_index + 1 < len(zone):
                        # "Số:" ending its line: a table cell wrapped, the symbol opens the next
                        at, end = zone[zone_index + 1].cstart, zone[zone_index + 1].cend
                    symbol = (
                        SYMBOL_RE.match(text, at, end)
                        or BLANK_SYMBOL_RE.match(text, at, end)
                        or OLD_SYMBOL_RE.match(text, at, end)
                        or LEAD_SYMBOL_RE.match(text, at, end)
                        or _padded_symbol(text, at, end)
                    )
                    if symbol:
                        doc.number = clean_symbol(symbol.group())
                        self.number_span = (symbol.start(), symbol.end())
                        self.spans["number"] = self.number_span
                        blank.append((lead.start(), symbol.end()))
                        break
            if (
                doc.number is None
                and line.text[:1].isdigit()
                and "/" in line.text
                and SYMBOL_RE.fullmatch(line.text)
            ):
                # a symbol alone on a header line, without "Số:" (a portal's heading)
                doc.number = clean_symbol(line.text)
                self.number_span = (line.cstart, line.cend)
                self.spans["number"] = self.number_span
                blank.append((line.cstart, line.cend))
            if doc.date_raw is None:
                date = HEADER_DATE_RE.search(text, line.cstart, line.cend) or _wrapped_date(
                    text, line
                )
                if date:
                    place_start = self._place(line.cstart, date.start(), blank)
                    if date.group(3):
                        day, month, year = date.group(1), date.group(2), date.group(3)
                    else:
                        day, month, year = date.group(4), date.group(5), date.group(6)
                    doc.date = make_date(day, month, year) if day and month else None
                    raw_start = place_start if place_start is not None else date.start()
                    doc.date_raw = field_value(text[raw_start : date.end()])
                    self.spans["date_raw"] = (raw_start, date.end())
                    self.spans["date"] = (date.start(), date.end())
                    blank.append((raw_start, date.end()))
                else:
                    self._partial_date(line, blank)
            # what is left of the line: parts of the body names
            rest = line.text
            for a, b in blank:
                low, high = max(a, line.cstart) - line.cstart, min(b, line.cend) - line.cstart
                if low < high:
                    rest = rest[:low] + "\x00" * (high - low) + rest[high:]
            for part in UNBLANKED_RUN_RE.finditer(rest):
                seg_start = line.cstart + part.start()
                for piece in HEADER_PIECE_RE.finditer(part.group()):
                    value = piece.group().strip(" *-–_=,")
                    if not is_caps(value, 3) or SEPARATOR_LINE_RE.match(value):
                        continue
                    if len(value.split()) < 2 or NOT_IN_BODY_NAME_RE.search(value):
                        continue  # a body's name has two words or more, and no such marks
                    start = seg_start + piece.start()
                    # a name whose line ends with a comma goes on below: "HỘI ĐỒNG THẨM ĐỊNH," /
                    # "ĐÁNH GIÁ CHỈ SỐ CCHC"
                    comma = piece.group().rstrip(" *-–_=").endswith(",")
                    orgs.append((field_value(value), start, start + len(piece.group()), comma))
        merged: list[tuple[str, int, int]] = []
        open_name = False
        for value, start, end, comma in orgs:
            words = value.split()
            first = words[0] if words else ""
            if merged and open_name:
                prev = merged.pop()
                merged.append((prev[0] + ", " + value, prev[1], end))
            elif merged and (
                first in ("VÀ", "CỦA", "THUỘC", "TẠI")
                # a body's kind alone names no body: "HIỆP HỘI" / "CÔNG CHỨNG VIÊN VIỆT NAM"
                or fold_aligned(merged[-1][0].lower()) in _KIND_ALONE
                or merged[-1][0].split()[-1] in ("VÀ", "CÁC", "CỦA")
                or _is_area_line(words)
                # an office holder's title alone is the start of a name, never a superior
                # body: "THỦ TƯỚNG" / "CHÍNH PHỦ" is "THỦ TƯỚNG CHÍNH PHỦ"
                or PERSON_TITLE_RE.fullmatch(fold_aligned(merged[-1][0].lower()))
            ):
                prev = merged.pop()
                merged.append((prev[0] + " " + value, prev[1], end))
            elif merged and value == merged[-1][0]:
                # the same name again (the authority line "THỦ TƯỚNG CHÍNH PHỦ" over the
                # preamble, reached when the type line was lost): a body is not its own superior
                continue
            else:
                merged.append((value, start, end))
            open_name = comma
        # A header names at most two bodies, the superior and the issuer (Nghị định 30/2020,
        # Phụ lục I): a third line that opens with no body's head word is the issuer's name
        # wrapped ("UBND TỈNH LÂM ĐỒNG" / "TRUNG TÂM XÚC TIẾN ĐẦU TƯ" / "THƯƠNG MẠI VÀ DU LỊCH").
        while (
            len(merged) > 2
            and not _opens_a_body(merged[-1][0])
            and _next_line(text, merged[-2][2], merged[-1][1])
        ):
            last, prev = merged.pop(), merged.pop()
            merged.append((prev[0] + " " + last[0], prev[1], last[2]))
        # the party's or the national name wrapped over two lines in its narrow column ("ĐẢNG
        # CỘNG SẢN" / "VIỆT NAM", joined above as a wrapped name) is the right column's, never
        # a body
        merged = [m for m in merged if not MOTTO_RE.fullmatch(m[0])]
        if merged:
            self.header_issuer = (merged[-1][0], (merged[-1][1], merged[-1][2]))
            if len(merged) >= 2:
                doc.parent_issuer = merged[-2][0]
                self.spans["parent_issuer"] = (merged[-2][1], merged[-2][2])
        return vv

    def _partial_date(self, line: Line, blank: list[tuple[int, int]]) -> None:
        """A date line the text gives in part ("Hà Nội, ngày 07 tháng 10 năm", "Lâm Đồng, ngày
        (9 tháng 9 năm 2025"): its place, a partial date (null). Only after a place, so that a
        sentence's "ngày … năm" is not taken."""
        date = HEADER_DATE_PARTIAL_RE.search(self.text, line.cstart, line.cend)
        if date is None:
            return
        place_start = self._place(line.cstart, date.start(), blank)
        if place_start is None:
            return
        self.doc.date = None
        self.doc.date_raw = field_value(self.text[place_start : date.end()])
        self.spans["date_raw"] = (place_start, date.end())
        blank.append((place_start, date.end()))

    def _place(self, line_start: int, date_start: int, blank: list[tuple[int, int]]) -> int | None:
        """Start of the place name written before ", ngày"; None when there is none."""
        text = self.text
        end = date_start
        segment = text[line_start:end]
        stripped = segment.rstrip(" \t,")
        if not stripped.endswith(_SMALL_LETTERS) and not stripped[-1:].isalpha():
            return None
        words = list(WORD_RE.finditer(stripped))
        taken: list[re.Match[str]] = []
        for word in reversed(words):
            token = word.group()
            absolute = line_start + word.start()
            if any(a <= absolute < b for a, b in blank):
                break
            core = token.strip("*_,")
            if not core or "/" in core or any(ch.isdigit() for ch in core):
                break  # (a place has no figures nor "/": "Số:/4444/QĐ-TTg" before it is not one)
            if core in ("phố", "xã", "thị", "trấn") or PLACE_ABBREVIATION_RE.fullmatch(core):
                taken.append(word)
                continue
            if core[0].isupper() and not (len(core) > 1 and core.isupper()):
                taken.append(word)
                if len(taken) >= 6:
                    break
                continue
            break
        if not taken:
            return None
        start = line_start + taken[-1].start()
        while text[start] in "*_":
            start += 1
        self.doc.place = field_value(text[start : line_start + len(stripped)])
        self.spans["place"] = (start, line_start + len(stripped))
        return start

    def _article_date(self, line: Line) -> None:
        """A news page's date is its date line's; a date in the body dates what it tells."""
        match = NUMERIC_DATE_RE.search(line.text)
        if match:
            self.doc.date = make_date(*match.groups())
            self.doc.date_raw = line.text
            self.spans["date_raw"] = (line.cstart, line.cend)


# The small letters a place name may end with (built once: ``_place`` runs for each date line).
_SMALL_LETTERS = tuple("abcdefghijklmnopqrstuvwxyz") + tuple(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
)


def _opens_a_body(name: str) -> bool:
    """Whether a header line's first word is the head word of a body's name ("SỞ", "BAN",
    "TRUNG", "UBND" …), an initialism ("BCH": no Vietnamese syllable lacks a vowel) or an office
    holder's title ("THỦ TƯỚNG")."""
    words = name.split()
    if not words:
        return False
    first = words[0]
    folded = fold_aligned(first.lower())
    return (
        first in BODY_HEADS
        or first.capitalize() in BODY_HEADS
        or not any(vowel in folded for vowel in "aeiouy")
        or PERSON_TITLE_RE.match(fold_aligned(name.lower())) is not None
    )


# A header's date line wrapped in its narrow column (original text, the marks a copy leaves
# around it allowed): "Hà Nội, ngày 19" / "tháng 11 năm 2025", "Hà Nội, ngày" / "26 tháng 11
# năm 2025"; the groups as HEADER_DATE_RE's first three.
_GAP = r"(?:[ \t]+|[ \t*_]*\n[ \t*_]*)"
_WRAPPED_DATE_RE = vi_regex(
    rf"ngay{_GAP}(\d{{1,2}}){_GAP}thang{_GAP}(\d{{1,2}}){_GAP}nam{_GAP}(\d{{4}})(?!\d)"
)


def _wrapped_date(text: str, line: Line) -> re.Match[str] | None:
    """The date of a header line that its narrow column wrapped onto the next line."""
    if "ngày" not in line.text.lower() and "ngay" not in line.folded.lower():
        return None
    after = text.find("\n", line.cend)
    if after < 0:
        return None
    stop = text.find("\n", after + 1)
    found = _WRAPPED_DATE_RE.search(text, line.cstart, len(text) if stop < 0 else stop)
    if found is None or found.start() >= line.cend or "\n" not in found.group():
        return None
    return found


def _next_line(text: str, end: int, start: int) -> bool:
    """Whether ``start`` opens the line right after the one ``end`` closes (blanks around one
    line break between them)."""
    between = text[end:start]
    return between.count("\n") == 1 and not between.strip()


def _is_teaser(text: str) -> bool:
    """A web page's teaser of the letter it carries, above the letter: its opening run into one
    line ("… *** Số: 08 /ĐT V/v … Kính gửi: … Ban Thường vụ Trung ương Đoàn TNCS…") and cut by
    the site with an ellipsis. It is not the letter's body: the header is read on from it."""
    return text.endswith(("…", "...")) and NUMBER_LEAD_RE.search(text) is not None


def _cells_rejoined(text: str, zone: list[Line]) -> list[Line]:
    """The header's lines with a one-word line joined to the line right below it: a library
    page prints the header's table with each cell's words wrapped ("ỦY" / "BAN NHÂN DÂN",
    "CỘNG" / "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Mỹ" / "Tho, ngày 24 tháng 12 năm 2009"). The
    joined line keeps the offsets of the text (its line break read as a blank)."""
    if not any(map(str.isalpha, [line.text for line in zone])):
        return zone  # (most headers: no one-word line, nothing to join)
    out: list[Line] = []
    index = 0
    while index < len(zone):
        line = zone[index]
        index += 1
        nxt = zone[index] if index < len(zone) else None
        if (
            nxt is not None
            and nxt.text
            and nxt.start == line.end + 1
            and line.text.isalpha()
            and nxt.text[0].isalpha()
            # (not the end of a symbol split after its dash, "Số: 1025/UBND-" / "VX", nor
            # before a letter's subject)
            and not (out and out[-1].text.endswith(("-", "/")))
            and not VV_RE.match(nxt.text)
        ):
            joined = text[line.cstart : nxt.cend].replace("\n", " ")
            out.append(Line(line.start, nxt.end, joined, line.cstart, nxt.cend))
            index += 1
            continue
        out.append(line)
    return out


def _after_leading_stamp(zone: list[Line]) -> tuple[list[Line], Line | None]:
    """The header's lines without an e-signature stamp printed above them, and the stamp's time
    line if there is one: the signing body's name (once or twice) and the signing time ("BỘ
    CHÍNH TRỊ" / "BỘ CHÍNH TRỊ" / "28-07-2026 09:58:36 +07:00"), which some signing systems put
    at the top of the first page."""
    texts = [ln for ln in zone[:8] if ln.text.strip()]
    for index, line in enumerate(texts[:6]):
        if STAMP_TIME_RE.match(line.text):
            # (the signing body's name right above the time; a note or a page marker a copy
            # put before the page may come first)
            if index and is_caps(texts[index - 1].text) and len(texts[index - 1].text) <= 80:
                return zone[zone.index(line) + 1 :], line
            break
    return zone, None


# The figures of a number typed into the blank the form leaves before the symbol's "/": "Số:  779
# /QĐ-UBND" — the padding stays between them (at most one blank is a symbol's own spacing).
_PADDED_NUMBER_RE = re.compile(r"\d{1,5}([ \t]{2,20})(?=/[ \t]?[A-ZĐ])")


class _Padded:
    """A symbol read across the blank padding of the header's number: ``group()`` gives it
    without the padding, ``start()`` and ``end()`` where it stands in the text."""

    def __init__(self, value: str, start: int, end: int) -> None:
        self.value, self.at, self.to = value, start, end

    def group(self) -> str:
        return self.value

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.to


def _padded_symbol(text: str, at: int, end: int) -> _Padded | None:
    """The header's symbol after "Số:" whose figures stand apart from their "/" by a typist's
    padding (a signed PDF of 2022: "Số:  779    /QĐ-UBND")."""
    padded = _PADDED_NUMBER_RE.match(text, at, end)
    if padded is None:
        return None
    figures = text[at : padded.start(1)]
    tail = SYMBOL_RE.match(figures + text[padded.end(1) : end])
    if tail is None:
        return None
    stop = padded.end(1) + tail.end() - len(figures)
    return _Padded(figures + text[padded.end(1) : stop], at, stop)
