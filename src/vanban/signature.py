"""The end of a document: the recipients after "Nơi nhận", and the signature block (the
authority line "T/M ...", "KT. ...", the signer's title and name)."""

from __future__ import annotations

import re

from vanban.body_names import BODY_HEADS
from vanban.citations import make_date
from vanban.footer_columns import (
    column_gutter,
    columns_read_in_turn,
    in_right_column,
    left_of_gap,
)
from vanban.lines import (
    Line,
    LineMatch,
    caps_tail,
    field_value,
    is_caps,
    trim,
)
from vanban.model import Attachment, Span
from vanban.normalize import ALIGNED_TABLE, fold_aligned
from vanban.patterns import (
    APPENDIX_START_RE,
    ATTACHMENT_START_RE,
    BULLET_RE,
    CAPS_AT_END_RE,
    DEPUTY_RE,
    FORMAT_SIGNER_TITLES,
    GROUNDS_RE,
    HEAD_TITLE_RE,
    NAME_AFTER_RECIPIENT_RE,
    NOI_NHAN_LINES,
    ON_BEHALF_RE,
    PERSON_NAME_RE,
    PERSON_TITLE_RE,
    RECIPIENT_SEPARATOR_RE,
    SEPARATOR_LINE_RE,
    SIGNED_MARK_RE,
    SIGNER_TITLE_WORD_RE,
    STAMP_TIME_RE,
    TERM_LINE_RE,
    TITLE_AT_END_RE,
)
from vanban.state import TAIL_LINES, ParserState

_PCDB = frozenset("pcdb")  # the first letters of ATTACHMENT_START_RE's words, folded
_STAMP_LINES = 5  # the last lines an e-signature's stamp text may take


def _without_stamp(tail: list[Line]) -> list[Line]:
    """The footer's lines without an e-signature stamp's text at their end: the signing time
    ("28-11-2025 16:29:44 +07:00") and the signing body's name right above it ("ĐẢNG UỶ XÃ …"),
    which is no signer's name (the stamp is read by ``_stamp``)."""
    filled = [index for index, line in enumerate(tail) if line.text.strip()]
    if not filled or not STAMP_TIME_RE.match(tail[filled[-1]].text):
        return tail
    cut = filled[-1]
    if len(filled) > 1:
        above = tail[filled[-2]]
        value = field_value(above.text)
        words = value.split()
        if (
            words
            and len(value) <= 80
            and is_caps(value)
            and words[0].capitalize() in BODY_HEADS
            # (not the signer's title the stamp follows when no name is printed: "TỔNG BÍ THƯ")
            and not PERSON_TITLE_RE.match(above.folded.lower())
            and not above.folded.lower().startswith("tong bi thu")
        ):
            cut = filled[-2]
    return tail[:cut]


class SignatureParser(ParserState):
    """Reads a bounded number of lines at the end of the text."""

    def _tail(self) -> None:
        text, doc = self.text, self.doc
        last_heading = max((s.span[1] for s in doc.sections), default=self.body_start)
        if doc.items:
            last_heading = max(last_heading, doc.items[-1].span[0])
        # max(the line after the TAIL_LINES-th "\n" from the end, the last heading's line); the
        # first is later only when TAIL_LINES line breaks follow the heading's line start
        end = self.doc_end
        start = text.rfind("\n", 0, last_heading) + 1
        # (a short letter's body may start above its date line, "V/v" and "Kính gửi" printed
        # before the motto: the footer starts below the header's number and date lines, whose
        # gaps — "ngày    tháng 11" left blank for the signing system — are no footer's columns)
        header_end = max(
            (
                span[1]
                for f in ("number", "date_raw")
                if isinstance(span := self.spans.get(f), tuple)
            ),
            default=0,
        )
        if header_end > start and (self.noi_nhan is None or header_end < self.noi_nhan.start()):
            line_end = text.find("\n", header_end)
            if 0 <= line_end < end:
                start = line_end + 1
        if text.count("\n", start, end) >= TAIL_LINES:
            cut = len(text[:end].rsplit("\n", TAIL_LINES)[0]) + 1
            if (
                self.page_start
                and self.noi_nhan is not None
                and start <= self.noi_nhan.start() < cut
            ):
                # a page that carries the document below matter of its own (vanban.page) goes
                # on after it too: the signature stands beside or under "Nơi nhận", above the
                # page's last lines
                cut = text.rfind("\n", 0, self.noi_nhan.start()) + 1
            start = cut
        tail = self.lines.lines(start, end, TAIL_LINES + 1)
        if self.footnote_starts:
            tail = [ln for ln in tail if not self._is_footnote(ln.start)]
        if self.noi_nhan is not None:
            self._recipients(self.noi_nhan)
        self._signature(columns_read_in_turn(self.text, _without_stamp(tail)))
        self._stamp(start)

    def _attachments(self) -> None:
        self.doc_end = self._attachment_start()

    def _attachment_start(self) -> int:
        """Where the document ends: at the first attachment after the signature block (a line
        in capitals that opens an appendix, a programme, a list or a second header, or a
        "(Kèm theo …)" line), else at the end of the text. Attachments are kept apart."""
        text = self.text
        if self.noi_nhan is None:
            return len(text)
        seen_name = False
        for line in self.lines.iter(self.noi_nhan.end() + 1, len(text), 200):
            if not line.text:
                continue
            value = field_value(line.text)
            if PERSON_NAME_RE.match(value) and not value.isupper():
                seen_name = True  # the signer's name closes the signature block
                continue
            # ATTACHMENT_START_RE needs, after blanks and stars, "(" or a letter folding to p, c,
            # d or b: the line's first other character tells, without folding the line
            first = line.text.lstrip(" \t*")[:1]
            if first != "(" and ALIGNED_TABLE.get(ord(first or " "), first).lower() not in _PCDB:
                continue
            folded = line.folded.lower()
            if seen_name:
                opens = ATTACHMENT_START_RE.match(folded) is not None and (
                    is_caps(line.text) or folded.lstrip(" *").startswith("(")
                )
            else:
                # a signature block without its name (lost under the seal by OCR, or drawn as
                # an image) still ends where an appendix opens: no line of a signature block
                # reads "Phụ lục 1" or "(Kèm theo …)"
                opens = APPENDIX_START_RE.match(folded) is not None
            if opens:
                self.doc.attachments.append(
                    Attachment(field_value(line.text), (line.cstart, len(text)))
                )
                return line.start
        return len(text)

    def _stamp(self, start: int) -> None:
        """An e-signature stamp ends the text: the signing body's name and the signing time
        ("ĐẢNG UỶ XÃ …" / "28-11-2025 16:29:44 +07:00"). The signing system fills in the day
        (and the number) the text left blank ("ngày   tháng 11 năm 2025", "Số -TB/ĐU"), so a
        document without a full date takes the stamp's, when the month and year it prints, if
        any, agree. The fields so taken are listed in ``from_signature``."""
        doc = self.doc
        if doc.date is not None or doc.doc_type == "Tin bài":
            return
        # the stamp ends the text: its time on one of the last lines ("28-11-2025 16:29:44
        # +07:00", "Thời gian ký: 28.11.2025 …"), the signer's name, agency or e-mail around it
        end = len(self.text.rstrip())
        found = None
        for _ in range(_STAMP_LINES):
            line_start = max(start, self.text.rfind("\n", 0, end) + 1)
            found = STAMP_TIME_RE.match(self.text, line_start, end)
            if found is not None or line_start <= start:
                break
            end = line_start - 1
        if found is None:
            # some signing systems print the stamp above the header instead (the header part
            # found it: "BỘ CHÍNH TRỊ" / "28-07-2026 09:58:36 +07:00" / "BAN CHẤP HÀNH …")
            found = self.leading_stamp
        if found is None:
            return
        date = make_date(*found.groups())
        if date is None:
            return
        raw = fold_aligned((doc.date_raw or "").lower())
        month = re.search(r"thang[ \t]+(\d{1,2})", raw)
        year = re.search(r"nam[ \t]+(\d{4})", raw)
        if (month and int(month.group(1)) != int(date[5:7])) or (
            year and year.group(1) != date[:4]
        ):
            return
        doc.date = date
        doc.from_signature.append("date")
        self.spans["date"] = (found.start(1), found.end(3))

    def _recipients(self, match: LineMatch) -> None:
        text = self.text
        rec: list[tuple[str, Span]] = []
        inline_start = match.start(1)
        lines = self.lines.iter(match.end() + 1, len(text), 60 if match.end() < len(text) else 0)
        inline = text[inline_start : match.end()]
        title_at = self._title_beside_recipients(inline_start, match.end())
        if title_at is not None:
            inline = ""  # the signature column's first line, after debris at most
        if inline.strip():
            for a, b in self._recipient_parts(inline_start, match.end()):
                value = self._cut_signature(a, b)
                if value:
                    rec.append(value)
        bulleted = False
        after_name = False  # the signature column's name met among the recipients
        last_open = False  # the last recipient's line left its item open
        gutter = None
        if text.find("    ", match.end()) >= 0 or text.find("\t", match.end()) >= 0:
            # (a gutter needs four blanks or a tab: most footers have neither)
            gutter = column_gutter(self.text, self.lines.lines(match.end() + 1, len(text), 40))
        for line in lines:
            if not line.text:
                continue
            if self._is_footnote(line.start) or STAMP_TIME_RE.match(line.text):
                break  # (an e-signature stamp's time ends the text: no recipient wraps into it)
            if gutter is not None:
                if in_right_column(self.text, line, gutter):
                    continue  # the signature column alone on its line, far to the right
                line = left_of_gap(self.text, line)
            bullet = BULLET_RE.match(line.text)
            lowered = line.folded
            if bullet and bullet.group(3):
                start = line.cstart + bullet.start(3)
                bulleted = True
            elif after_name:
                break  # only dash-led items go on after the signer's name
            elif bulleted and rec and self._is_signature_name(line):
                # the two-column footer flattened line by line: the signer's name (or the
                # "(đã ký)" mark) between two items of the list, which goes on below it
                after_name = True
                continue
            elif bulleted and rec and self._continues(line, last_open):
                # the items start with a dash: a line without one is the previous item wrapped
                # ("- VPCP: BTCN, PCN Mai Thị Thu Vân," / "Trợ lý TTg, TGĐ cổng TTĐT;")
                value = self._cut_signature(line.cstart, line.cend)
                if value:
                    a, b = rec[-1][1][0], value[1][1]
                    rec[-1] = (field_value(text[a:b]), (a, b))
                last_open = _leaves_item_open(line)
                continue
            elif (line.text.endswith((";", ",")) or lowered.startswith("luu")) and not is_caps(
                line.text
            ):
                start = line.cstart
            elif is_caps(line.text) and len(line.text.split()) <= 8:
                # the two-column footer flattened: "T/M BAN THƯỜNG VỤ" or "PHÓ BÍ THƯ" of the
                # signature column between "Nơi nhận:" and the recipients, or among them
                continue
            elif _PAGE_NUMBER_RE.match(line.text):
                continue  # the page turned inside the footer
            else:
                break
            value = None
            for a, b in self._recipient_parts(start, line.cend):
                value = self._cut_signature(a, b)
                if value:
                    rec.append(value)
            last_open = _leaves_item_open(line)
            if (
                lowered.lstrip("-+• ").startswith("luu")
                and value
                and not line.text.endswith((",", ";"))
            ):
                break
        self.doc.recipients = [v for v, _ in rec]
        self.spans["recipients"] = [s for _, s in rec]

    def _is_signature_name(self, line: Line) -> bool:
        value = field_value(line.text)
        if SIGNED_MARK_RE.match(line.folded.strip()):
            return True
        return bool(PERSON_NAME_RE.match(value)) and not value.isupper()

    def _continues(self, line: Line, last_open: bool = False) -> bool:
        """A line that wraps the previous recipient: not a signature fragment (capitals, a
        name, "(đã ký)") nor the archive line, which starts an item of its own. A bracket opens
        such a fragment unless the previous item is still open (no ";" closed its line): then
        it is that item's bracketed end, wrapped ("- Các đơn vị thuộc, trực thuộc Bộ Nội vụ" /
        "(để cập nhật số liệu);")."""
        value = field_value(line.text)
        return not (
            is_caps(value)
            or (value.startswith("(") and not last_open)
            or line.folded.startswith("luu")
            or PERSON_NAME_RE.match(value)
            or len(value) > 160
        )

    def _recipient_parts(self, start: int, end: int) -> list[tuple[int, int]]:
        """Recipients run together on one line: "- Như trên; - Lưu: VT." """
        parts: list[tuple[int, int]] = []
        for sep in RECIPIENT_SEPARATOR_RE.finditer(self.text, start, end):
            parts.append((start, sep.start()))
            start = sep.end()
        parts.append((start, end))
        return parts

    def _title_beside_recipients(self, start: int, end: int) -> int | None:
        """Where a signer's title in capitals stands on the "Nơi nhận:" line, the two-column
        footer flattened ("Nơi nhận: CHỦ TỊCH", "Nơi nhận: /Q/ CHỦ TỊCH" with a seal's debris
        read by OCR), when nothing else on the line is a recipient (no word in small letters)
        and no mandate stands there (read as such by the signature's rules); it is kept for
        the signature and the line gives no recipient."""
        segment = self.text[start:end]
        if not segment.strip() or ON_BEHALF_RE.search(segment):
            return None
        words = segment.split()
        count = 0
        while count < min(len(words), 6) and words[-1 - count].isalpha():
            if not words[-1 - count].isupper():
                break
            count += 1
        if count == 0 or any(
            any(ch.islower() for ch in word) and sum(ch.isalpha() for ch in word) >= 2
            for word in words[: len(words) - count]
        ):
            return None
        title = " ".join(words[len(words) - count :])
        if not SIGNER_TITLE_WORD_RE.search(fold_aligned(title.lower())):
            return None
        at = start + segment.rindex(words[len(words) - count])
        self.title_beside_recipients = (title, (at, at + len(title)))
        return at

    def _cut_signature(self, start: int, end: int) -> tuple[str, Span] | None:
        """A recipient without a signature fragment pasted on the same line."""
        segment = self.text[start:end]
        cut = ON_BEHALF_RE.search(segment)
        bar = segment.find(" | ")
        if bar >= 0 and (cut is None or bar < cut.start()):
            # a table's cells joined with " | ", as some copies print the two-column footer:
            # "- Lưu Văn phòng Trung ương Đảng. | T/M BỘ CHÍNH TRỊ"
            end = start + bar
        elif cut:
            end = start + cut.start()
        else:
            caps = caps_tail(segment)
            if caps and SIGNER_TITLE_WORD_RE.search(fold_aligned(caps.group(1).lower())):
                end = start + caps.start()
                if self.title_beside_recipients is None:
                    # the signature column's title flattened onto a recipient's line ("- Như
                    # kính gửi, PHÓ TRƯỞNG BAN"): kept for the signature if it finds none
                    title = caps.group(1).strip()
                    at = start + caps.start(1)
                    self.title_beside_recipients = (title, (at, at + len(title)))
            name = NAME_AFTER_RECIPIENT_RE.search(segment)
            if (
                name
                and (name.group(1) == ";" or fold_aligned(segment.lower()).startswith("luu"))
                and not name.group(2).isupper()
                and name.group(2).split()[0] not in BODY_HEADS
            ):
                # the signature column flattened onto the line: "Kiểm toán Nhà nước; Phạm Minh
                # Chính" (after an item's ";", or after a code of the archive line)
                end = start + name.start()
                if self.name_beside_recipients is None:
                    span = (start + name.start(2), start + name.end(2))
                    self.name_beside_recipients = (name.group(2), span)
        cs, ce = trim(self.text, start, end)
        value = field_value(self.text[cs:ce]).lstrip("-+•– ").rstrip(" ,;.")
        if not value:
            return None
        return value, (cs, cs + len(value))

    def _signature(self, tail: list[Line]) -> None:
        doc = self.doc
        title_index = None
        first = ON_BEHALF_RE.search(self.text, tail[0].start) if tail else None
        first_start = first.start() if first is not None else len(self.text) + 1
        for index, line in enumerate(tail):
            nxt = tail[index + 1] if index + 1 < len(tail) else None
            if (
                nxt is not None
                and 0 < len(line.text) <= 4
                and _MARK_ALONE_RE.fullmatch(line.text)
                and is_caps(nxt.text)
                and not ON_BEHALF_RE.match(nxt.text)
            ):
                # the mark alone on its line, the body on the next (a table cell wrapped):
                # "TM." / "ỦY BAN NHÂN DÂN TỈNH" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"
                doc.on_behalf = field_value(line.text + " " + nxt.text)
                self.spans["on_behalf"] = (line.cstart, nxt.cend)
                found_title = self._signer_title(tail, index + 2)
                title_index = index + 1 if found_title is None else found_title
                break
            if line.end < first_start:
                continue
            found = ON_BEHALF_RE.search(line.text)
            if not found:
                continue
            if BULLET_RE.match(line.text) and not line.text[: found.start()].endswith(
                ("  ", "\t", "| ")
            ):
                # a recipient line ("- Lưu: VT, KT TH, QHQT;"): an authority mark on it counts
                # only in the signature column beside it, after a column gap
                continue
            words = []
            for word in found.group(2).split():
                if not is_caps(word, 1) and word not in ("-", "&"):
                    break
                words.append(word)
            if not words:
                continue
            body = " ".join(words)
            # "T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ" on one line: split the title off
            title_inline = None
            fbody = fold_aligned(body.lower())
            split = TITLE_AT_END_RE.search(fbody)
            mark = found.group(1).upper()
            if split and split.start() > 0 and not mark.startswith(("K", "Q")):
                title_inline = body[split.start() :].strip()
                body = body[: split.start()].strip()
            elif mark.startswith("K"):
                # KT. signs for the head: the signer is a deputy, "KT THỦ TƯỚNG PHÓ THỦ TƯỚNG"
                deputy = DEPUTY_RE.search(fbody)
                if deputy and deputy.start() > 0:
                    title_inline = body[deputy.start() :].strip()
                    body = body[: deputy.start()].strip()
            first_index = index
            if title_inline is None:
                body, index = self._wrapped_authority(tail, index, body)
            # the mark and its body as printed: "KT. GIÁM ĐỐC", or "KT.GIÁM ĐỐC" without a blank
            blank = " " if found.end(1) < found.start(2) else ""
            doc.on_behalf = field_value(found.group(1) + blank + body)
            begin = line.cstart + found.start()
            if index != first_index:
                self.spans["on_behalf"] = (begin, tail[index].cend)
            else:
                self.spans["on_behalf"] = (
                    begin,
                    begin + len(found.group(1)) + len(blank) + len(body),
                )
            if title_inline:
                doc.signer_title = title_inline
                title_index = index
            else:
                found_title = self._signer_title(tail, index + 1)
                title_index = index if found_title is None else found_title
            break
        if doc.on_behalf is None:
            grounds = self._grounds_start(tail)
            for index in range(len(tail) - 1, -1, -1):
                line = tail[index]
                value = line.text
                if line.start < grounds:
                    break  # a decision's authority line, above its grounds, is no signature
                if not value or len(value) > 80:
                    continue
                if _is_plain_title(line) or (
                    not BULLET_RE.match(value)
                    and is_caps(value)
                    and len(value.split()) <= 8
                    and SIGNER_TITLE_WORD_RE.search(line.folded.lower())
                ):
                    # (a title ends on a letter: the quote, dash or caret OCR reads after it
                    # is the signature's stroke or the seal's rim, "HIỆU TRƯỞNG”—")
                    value = _STROKE_AFTER_TITLE_RE.sub("", value) or value
                    doc.signer_title = field_value(value)
                    self.spans["signer_title"] = (line.cstart, line.cstart + len(value))
                    title_index = index
                    break
        beside = self.title_beside_recipients
        if (
            doc.signer_title is None
            and beside is not None
            # (not the rest of a mandate read below it, "KT. THỦ TƯỚNG": OCR lost the "KT.")
            and not (doc.on_behalf or "").upper().endswith(beside[0].upper())
        ):
            doc.signer_title, self.spans["signer_title"] = beside
        if doc.signer_title is None:
            self._deputy_title()
        elif "signer_title" not in doc.inferred:
            self._mend_title_read()
        if title_index is not None:
            self._signer_name(tail, title_index + 1)
        if doc.signer_name is None:
            self._name_by_signed_mark(tail)
        if doc.signer_name is None and self.name_beside_recipients is not None:
            doc.signer_name, self.spans["signer_name"] = self.name_beside_recipients
        if doc.signer_name is None and doc.doc_type != "Tin bài":
            self._name_closing_the_footer(tail)

    def _mend_title_read(self) -> None:
        """The signer's title in capitals as OCR gives it, mended (its span narrowed): the specks
        of the seal or the stroke before it (".. PHÓ TRƯỞNG BAN") and after it ("TỔNG BÍ THƯ s.",
        "CHỦ TỊCH '..." — a title in capitals has no word in small letters at its end), and a
        title of the format (Nghị định 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW) read with a mark
        lost or misread at its head ("PHO BÍ THƯ", "TỐNG BÍ THƯ": the letters are the title's)."""
        value = self.doc.signer_title or ""
        lead = _SPECKS_BEFORE_TITLE_RE.match(value)
        start = lead.end() if lead else 0
        words = value[start:].split(" ")
        while len(words) > 2 and not any(c.isupper() for c in words[-1]):
            words.pop()
        title = " ".join(words).rstrip(" ,;.:'\"…")
        if not title or not is_caps(title):
            return
        title = _known_title_head(title)
        if title == value:
            return
        self.doc.signer_title = title
        span = self.spans.get("signer_title")
        if isinstance(span, tuple):
            # (a mended word keeps its length: the title's letters stay where they were read)
            self.spans["signer_title"] = (span[0] + start, span[0] + start + len(title))

    def _deputy_title(self) -> None:
        """The signer's title when no line gives it and the authority is "KT. <head>": a deputy
        signs for the head (Nghị định 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW), so the title is the
        head's deputy — "PHÓ THỦ TƯỚNG" under "KT. THỦ TƯỚNG", "THỨ TRƯỞNG" under "KT. BỘ
        TRƯỞNG". A scan's seal often hides that line. The value is not printed in the text: it has
        no span and is listed in ``inferred`` so that a reader checks it."""
        doc = self.doc
        mark = ON_BEHALF_RE.match(doc.on_behalf or "")
        if mark is None or not mark.group(1).upper().startswith("K"):
            return
        head = mark.group(2).strip()
        folded = fold_aligned(head.lower())
        if not HEAD_TITLE_RE.fullmatch(folded):
            return
        doc.signer_title = "THỨ TRƯỞNG" if folded == "bo truong" else f"PHÓ {head.upper()}"
        doc.inferred.append("signer_title")

    def _name_closing_the_footer(self, tail: list[Line]) -> None:
        """A person's name alone among the footer's last lines, no title or mark read above it
        (a scan whose seal hid them): the signer's — the signature column ends with the name."""
        lines = [ln for ln in tail if ln.text.strip()]
        for index in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            line = lines[index]
            value = field_value(line.text)
            if BULLET_RE.match(line.text) or not PERSON_NAME_RE.match(value):
                continue
            if _is_caps_title(value) or len(value.split()) < 2:
                continue
            start = line.cstart
            above = lines[index - 1] if index > 0 else None
            word = above.text.strip() if above is not None else ""
            if above is not None and value.isupper() and word.isalpha() and word.isupper():
                # a table cell wrapped the name: "NÔNG" / "ĐỨC MẠNH"
                value, start = f"{word} {value}", above.cstart
            self.doc.signer_name = value
            self.spans["signer_name"] = (start, line.cend)
            return

    def _name_by_signed_mark(self, tail: list[Line]) -> None:
        """A signature with no title line, as the legal libraries print the old decisions:
        "Tố Hữu" / "(Đã ký)". The "(Đã ký)" mark stands for the signature, and a person's name
        next to it, below or else above, is the signer's."""
        marks = [
            i
            for i, ln in enumerate(tail)
            # (the mark has "ký" or "signed": a substring test turns other lines down unfolded)
            if ("ký" in ln.text or "Ký" in ln.text or "KÝ" in ln.text or "signed" in ln.text)
            and SIGNED_MARK_RE.match(ln.folded.strip())
        ]
        if not marks:
            return
        mark = marks[-1]
        below = next((ln for ln in tail[mark + 1 :] if ln.text.strip()), None)
        above = next((ln for ln in reversed(tail[:mark]) if ln.text.strip()), None)
        for line in (below, above):
            if line is None:
                continue
            value = field_value(line.text)
            if PERSON_NAME_RE.match(value) and not _is_caps_title(value):
                self.doc.signer_name = value
                self.spans["signer_name"] = (line.cstart, line.cend)
                return

    def _grounds_start(self, tail: list[Line]) -> int:
        """Where a decision's grounds ("Căn cứ …", "Xét …", "Theo đề nghị …") begin among the
        last lines, 0 when they are not there: the signature block is below them."""
        for line in tail:
            if line.start >= self.body_start and GROUNDS_RE.match(line.folded):
                return line.start
        return 0

    def _wrapped_authority(self, tail: list[Line], index: int, body: str) -> tuple[str, int]:
        """An authority line wrapped over two lines, "TL. CHỦ TỊCH ỦY" / "BAN NHÂN DÂN TỈNH":
        the next capitals line names no office and a title line follows it, so it continues the
        body's name (a title line always names an office: "CHÁNH VĂN PHÒNG", "PHÓ CHỦ TỊCH")."""
        following = [i for i in range(index + 1, min(len(tail), index + 8)) if tail[i].text]
        if following and TERM_LINE_RE.match(tail[following[0]].folded.lower()):
            # the body's term on its own line ("TM.BCH HIỆP HỘI …" / "Nhiệm kỳ 2019 - 2025",
            # "T/M BAN CHẤP HÀNH" / "KHÓA XV") is part of its name, not the signer's title
            return body + " " + field_value(tail[following[0]].text), following[0]
        if len(following) < 2:
            return body, index
        nxt, after = tail[following[0]], tail[following[1]]
        after_title = _title_and_name(after.text)[0] or after.text
        if (
            is_caps(nxt.text)
            and len(nxt.text.split()) <= 6
            and not ON_BEHALF_RE.match(nxt.text)
            and not SIGNER_TITLE_WORD_RE.search(nxt.folded.lower())
            and is_caps(after_title)
            and SIGNER_TITLE_WORD_RE.search(fold_aligned(after_title.lower()))
        ):
            return body + " " + field_value(nxt.text), following[0]
        return body, index

    def _signer_title(self, tail: list[Line], index: int) -> int | None:
        cut = False  # an authority line that ends on "," goes on in the next line
        joined: int | None = None  # the line that ended such a line, the last one read
        for line in tail[index : index + 4]:
            if not line.text:
                continue
            value = line.text
            specks = _SPECKS_BEFORE_TITLE_RE.match(value)
            if specks and ON_BEHALF_RE.match(value, specks.end()):
                # the nested mark behind the seal's specks: "TM. ỦY BAN NHÂN DÂN" / "' KT. CHỦ TỊCH"
                value = value[specks.end() :]
            if cut and is_caps(value) and not ON_BEHALF_RE.match(value):
                # the body's name of a nested mark, cut after a comma ("KT. TRƯỞNG BAN BAN
                # CHÍNH SÁCH," / "THUẾ QUỐC TẾ"): a name does not end on a comma
                self.doc.on_behalf = field_value(f"{self.doc.on_behalf} {value}")
                span = self.spans.get("on_behalf")
                if isinstance(span, tuple):
                    self.spans["on_behalf"] = (span[0], line.cend)
                cut = False
                joined = tail.index(line)
                continue
            cut = False
            title, name = _title_and_name(value)
            if name:
                # "CHÁNH VĂN PHÒNG Thái Hữu Phép": the title and the name share the line
                self.doc.signer_title = title
                self.spans["signer_title"] = (line.cstart, line.cstart + len(title))
                self.doc.signer_name = name
                self.spans["signer_name"] = (line.cend - len(name), line.cend)
                return tail.index(line)
            if ON_BEHALF_RE.match(value):
                # a second authority line, the inner mark of a nested form (ND30 appendix I):
                # "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH", "TL. CHỦ TỊCH" / "KT. CHÁNH VĂN PHÒNG"
                self.doc.on_behalf = field_value(f"{self.doc.on_behalf} {value}")
                span = self.spans.get("on_behalf")
                if isinstance(span, tuple):
                    self.spans["on_behalf"] = (span[0], line.cend)
                cut = value.rstrip(" *_").endswith(",")
                continue
            bullet = BULLET_RE.match(value)
            if bullet:
                caps = CAPS_AT_END_RE.search(value)
                if not caps:
                    continue
                value = caps.group(1)
            if (
                len(value) <= 80
                and len(value.split()) <= 8
                and (is_caps(value) or _is_plain_title(line))
                and not NOI_NHAN_LINES[0].match(line.folded)
            ):
                self.doc.signer_title = field_value(value)
                start = line.cstart + line.text.rfind(value)
                self.spans["signer_title"] = (start, start + len(value))
                return self._title_unit(tail, tail.index(line))
            return joined
        return joined

    def _title_unit(self, tail: list[Line], index: int) -> int:
        """The unit a title names on its own line, signing for the head of the body (ND30:
        "TL. BỘ TRƯỞNG" / "VỤ TRƯỞNG" / "VỤ TỔ CHỨC PHI CHÍNH PHỦ" / name): a capitals line
        opening with a unit's word, then a name in ordinary case, continues the title."""
        following = [i for i in range(index + 1, min(len(tail), index + 6)) if tail[i].text]
        if len(following) < 2:
            return index
        unit, name = tail[following[0]], tail[following[1]]
        value = field_value(unit.text)
        if (
            is_caps(value)
            and len(value.split()) <= 8
            and _UNIT_LINE_RE.match(unit.folded.lower())
            and PERSON_NAME_RE.match(field_value(name.text))
            and not is_caps(name.text)
        ):
            self.doc.signer_title = f"{self.doc.signer_title} {value}"
            span = self.spans.get("signer_title")
            start = span[0] if isinstance(span, tuple) else unit.cstart
            self.spans["signer_title"] = (start, unit.cend)
            return following[0]
        return index

    def _signer_name(self, tail: list[Line], index: int) -> None:
        if self.doc.signer_name is not None:
            return
        # blank lines (the space left for the signature and seal) do not count
        seen = 0
        for line in tail[index:]:
            if not line.text.strip():
                continue
            seen += 1
            if seen > 10:
                return
            if SIGNED_MARK_RE.match(line.folded.strip()) or SEPARATOR_LINE_RE.match(line.text):
                continue
            if BULLET_RE.match(line.text) or NOI_NHAN_LINES[0].match(line.folded):
                continue
            if _PAGE_NUMBER_RE.match(line.text):
                continue  # the page turned between the signature and the name
            value = field_value(line.text)
            start = line.cstart
            glyph = _STRAY_GLYPH_RE.match(value)
            if (
                glyph is not None
                and glyph.group(1).islower()
                and PERSON_NAME_RE.match(value[glyph.end() :])
            ):
                # a lone small letter before the name: a stroke of the drawn signature that the
                # text layer gives as a letter ("ơ Nguyễn Đức Vũ"); no name starts in small case
                start = line.cstart + line.text.find(value) + glyph.end()
                value = value[glyph.end() :]
            if PERSON_NAME_RE.match(value) and not _is_caps_title(value):
                self.doc.signer_name = value
                self.spans["signer_name"] = (start, line.cend)
            elif seen == 1 and is_caps(value) and _is_caps_title(value) and len(value.split()) <= 8:
                # the signer's own post printed over the name, under the title he signs with
                # (a council's chairman: "CHỦ TỊCH" / "GIÁM ĐỐC SỞ NỘI VỤ" / "Đỗ Văn Chung")
                continue
            return


def _leaves_item_open(line: Line) -> bool:
    """Whether a recipient's line ends without the ";" (or "," ".") that closes an item."""
    return not line.text.rstrip().endswith((";", ",", "."))


# One small letter alone before a name on the name's line (original text): "ơ " in
# "ơ Nguyễn Đức Vũ".
# Marks OCR reads after a signer's title in capitals, out of the stroke of the signature or the
# rim of the seal drawn over its end: closing quotes, dashes, a caret (a title ends on a letter).
_STROKE_AFTER_TITLE_RE = re.compile(r"(?<=[^\W\d_])[ \t]*[”“\"'^—–_~]+[-—–_~]*[ \t]*$")

# Specks before a signer's title (a title opens on a letter): ". THỨ TRƯỞNG", "\"BỘ TRƯỞNG".
_SPECKS_BEFORE_TITLE_RE = re.compile(r"[^\w(]+(?=\w)")
# The signers' titles of the format (ND30 appendix I, HD 36-HD/VPTW), their letters folded:
# a title in capitals whose first words fold to one of them is that title.
_FORMAT_TITLES = tuple(
    sorted(
        (*FORMAT_SIGNER_TITLES, "BÍ THƯ THƯỜNG TRỰC", "PHÓ BÍ THƯ THƯỜNG TRỰC"),
        key=lambda form: -len(form.split()),
    )
)


def _known_title_head(title: str) -> str:
    """``title`` (in capitals) with its first words made the format's title they fold to."""
    words = title.split()
    for form in _FORMAT_TITLES:
        size = len(form.split())
        head = " ".join(words[:size])
        if len(words) >= size and fold_aligned(head.lower()) == fold_aligned(form.lower()):
            return " ".join([form, *words[size:]])
    return title


_STRAY_GLYPH_RE = re.compile(r"^([^\W\d_])[ \t]+")
# A page number alone on its line: "33", "- 33 -", "Trang 3".
_PAGE_NUMBER_RE = re.compile(r"^[ \t]*(?:[-–][ \t]*)?(?:Trang[ \t]+)?\d{1,4}(?:[ \t]*[-–])?[ \t]*$")


# A line naming a unit of a body (folded): "VỤ TỔ CHỨC CÁN BỘ", "CỤC …", "PHÒNG …", "VĂN PHÒNG …".
_UNIT_LINE_RE = re.compile(
    r"(?:vu|cuc|tong cuc|chi cuc|ban|phong|van phong|trung tam|vien|thanh tra|so)\s"
)


# The first letters of the titles of PERSON_TITLE_RE in sentence case ("Phó", "Chủ", "Giám",
# "Bí", "Trưởng", "Bộ", "Đồng", "Viện"): other lines are turned down before they are folded.
_TITLE_FIRST_LETTERS = frozenset("PCGBTĐV")
# An authority mark alone on its line (original text): "TM.", "T/M", "KT.".
_MARK_ALONE_RE = re.compile(r"(?:T/M|TM\.?|KT\.?|K/T|TL\.?|T/L|TUQ\.?)")


def _is_caps_title(value: str) -> bool:
    """A title in capitals opening the line, which :data:`PERSON_NAME_RE` takes for a name
    ("CHÁNH VĂN PHÒNG").
    A name in mixed case is never one, whatever its syllables fold to ("Trường Chinh",
    "Nguyễn Văn Phòng" hold "truong", "van phong")."""
    caps = []
    for word in value.split():
        if not is_caps(word):
            break
        caps.append(word)
    # (the words in capitals that open the line: "CHÁNH VĂN PHÒNG" of "CHÁNH VĂN PHÒNG Thái
    # Hữu Phép", where a title and a name share the line)
    return (
        bool(caps) and SIGNER_TITLE_WORD_RE.search(fold_aligned(" ".join(caps).lower())) is not None
    )


def _is_plain_title(line: Line) -> bool:
    """A signer's title alone on its line in sentence case, as the legal libraries print it:
    "Chủ tịch", "Phó Chủ tịch" (the form prints it in capitals)."""
    text = line.text
    return (
        len(text) <= 30
        and text[:1] in _TITLE_FIRST_LETTERS
        and PERSON_TITLE_RE.fullmatch(line.folded.lower().strip()) is not None
    )


def _title_and_name(value: str) -> tuple[str, str | None]:
    """A signer's title in capitals and the name after it on one line ("CHÁNH VĂN PHÒNG Thái
    Hữu Phép"): (title, name), or (value, None) when the line is not of that shape."""
    words = value.split()
    cut = len(words)
    while cut > 0 and words[cut - 1][:1].isupper() and not words[cut - 1].isupper():
        cut -= 1
    if not 2 <= len(words) - cut <= 5 or cut == 0:
        return value, None
    title = " ".join(words[:cut])
    if not is_caps(title) or not SIGNER_TITLE_WORD_RE.search(fold_aligned(title.lower())):
        return value, None
    return title, " ".join(words[cut:])
