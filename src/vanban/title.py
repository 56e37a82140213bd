"""The title: the subject lines under the type word, and where they end.

A title runs from the line under the type word ("KẾ HOẠCH", "QUYẾT ĐỊNH") to the first line that
cannot be one: a blank line (unless the title wraps across it), a separator, the authority line
of a decision ("ỦY BAN NHÂN DÂN TỈNH …", "BỘ TRƯỞNG BỘ NỘI VỤ" over "Căn cứ …"), the first
paragraph of the body, a section, an article or the signature. A letter without a type word has
its subject under the number ("V/v …", or in sentence case without the mark).

Split from :mod:`vanban.header`, whose parser reads the title with these steps.
"""

from __future__ import annotations

from vanban.lines import Line, is_caps
from vanban.normalize import continues, fold_aligned
from vanban.patterns import (
    ARTICLE_RE,
    AUTHORITY_OFFICE_RE,
    BODY_START_RE,
    BULLET_RE,
    GROUNDS_RE,
    HEADER_DATE_RE,
    HEADER_TYPES,
    ITEM_LINES,
    KINH_GUI_RE,
    MEETING_START_RE,
    MOTTO_RE,
    NOI_NHAN_LINES,
    NUMBER_LEAD_RE,
    ON_BEHALF_RE,
    SECTION_LINES,
    SENTENCE_BREAK_RE,
    SEPARATOR_LINE_RE,
    VV_RE,
)
from vanban.state import ParserState


class TitleParser(ParserState):
    """The title's steps of :class:`vanban.header.HeaderParser`."""

    def _unmarked_subject(self, zone: list[Line]) -> list[Line]:
        """A letter's subject under its number without the "V/v" mark (ND30 appendix I, item
        5b: the subject sits under the number and symbol): the lines in sentence case right
        below the "Số:" line, in a letter (a "Kính gửi" line follows), up to a blank line."""
        if self.number_span is None or not any(KINH_GUI_RE.match(ln.folded) for ln in zone):
            return []
        at = next(
            (i for i, ln in enumerate(zone) if ln.cstart <= self.number_span[0] < ln.cend + 1), None
        )
        if at is None or not NUMBER_LEAD_RE.match(zone[at].text.lstrip()):
            return []
        subject: list[Line] = []
        for line in zone[at + 1 :]:
            value = line.text.strip()
            if (
                not value
                or is_caps(value)
                or not (value[0].isupper() or (subject and value[0].islower()))
                or MOTTO_RE.search(value)
                or KINH_GUI_RE.match(line.folded)
                or self._is_place_date_line(line)
            ):
                break
            subject.append(line)
        return subject

    def _type_qualifier(self, rest: str, lines: list[Line], index: int) -> bool:
        """A word in capitals after the type word that qualifies it ("BÁO CÁO NHANH", "BÁO CÁO
        TÓM TẮT") when the title follows on the next line; a type word there ("THÔNG BÁO KẾT
        LUẬN") begins the title."""
        words = rest.split()
        if not 1 <= len(words) <= 2 or not is_caps(rest):
            return False
        if any(fold_aligned(rest).lower().startswith(word) for word in HEADER_TYPES):
            return False
        following = next((ln for ln in lines[index + 1 : index + 3] if ln.text), None)
        if following is not None and fold_aligned(following.text).lower().startswith("cua "):
            # "BÁO CÁO KIỂM ĐIỂM" / "CỦA BAN CHẤP HÀNH …": a "của" needs the noun it follows,
            # so the words after the type word open the title
            return False
        return following is not None and not SECTION_LINES[0].match(following.text)

    def _is_authority_line(self, line: Line) -> bool:
        """The decision's authority line under its title: the header's body named again
        ("ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG", "CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG"), or the body an old
        heading names after "CỦA"."""
        names = [n for n in (self.heading_body, self.header_issuer and self.header_issuer[0]) if n]
        # (a length test first: the line and the name differ at most by their blanks)
        if not any(abs(len(line.text) - len(n)) <= 3 for n in names) or not is_caps(line.text):
            return False
        words = line.folded.lower().split()
        return any(words == fold_aligned(n).lower().split() for n in names)

    def _authority_wrapped(self, lines: list[Line], index: int) -> bool:
        """The authority line wrapped after its first word or words, as a library's table cell
        prints it ("ỦY" / "BAN THƯỜNG VỤ QUỐC HỘI"): the line and the next one together name
        the header's body or the body of an old heading's "CỦA"."""
        line = lines[index]
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        if nxt is None or not line.text or not nxt.text or not is_caps(line.text):
            return False
        names = [n for n in (self.heading_body, self.header_issuer and self.header_issuer[0]) if n]
        joined = len(line.text) + 1 + len(nxt.text)
        if not any(abs(joined - len(n)) <= 3 for n in names) or not is_caps(nxt.text):
            return False
        words = (line.folded + " " + nxt.folded).lower().split()
        return any(words == fold_aligned(n).lower().split() for n in names)

    def _authority_over_grounds(self, lines: list[Line], index: int) -> bool:
        """The caps line at ``index`` opens a decision's authority line — an office ("BỘ
        TRƯỞNG BỘ NỘI VỤ", "CHỦ TỊCH ỦY BAN NHÂN DÂN" / "TỈNH TIỀN GIANG") right over the
        grounds ("Căn cứ …", "Xét …", "Sau khi …") — when no blank line parts it from the title
        (a PDF's text, a flattened copy)."""
        line = lines[index]
        if not is_caps(line.text) or not AUTHORITY_OFFICE_RE.match(line.folded):
            return False
        ahead = [ln for ln in lines[index + 1 : index + 5] if ln.text][:2]
        if not ahead:
            return False
        if _opens_grounds(ahead[0]):
            return True
        # the office wrapped: its second line names no office and the grounds follow
        return (
            len(ahead) == 2
            and is_caps(ahead[0].text)
            and not AUTHORITY_OFFICE_RE.match(ahead[0].folded)
            and _opens_grounds(ahead[1])
        )

    def _caps_title_goes_on(self, lines: list[Line], index: int, out: list[Line]) -> int | None:
        """A subject in capitals printed over lines parted by blank lines, down to the line
        that closes it: an old decision's authority line, or the short rule a party document
        prints under its title (36-HD/VPTW: "KẾT LUẬN" / "CỦA ĐỒNG CHÍ …" / "" / "TẠI HỘI
        NGHỊ …" / "" / "-----"). The index of that line, or None when the title ends here."""
        if not out or not all(is_caps(p.text) for p in out):
            return None
        caps_lines = 0
        for ahead in range(index, min(len(lines), index + 8)):
            line = lines[ahead]
            if not line.text:
                continue
            if self._is_authority_line(line):
                return ahead
            if SEPARATOR_LINE_RE.match(line.text) and any(c in line.text for c in "-–—_"):
                return ahead if caps_lines else None
            if (
                not is_caps(line.text)
                or len(line.text) > 160
                or SECTION_LINES[0].match(line.text)
                or ITEM_LINES[0].match(line.text)
            ):
                return None
            caps_lines += 1
        return None

    def _caps_phrase_goes_on(self, out: list[Line], lines: list[Line], index: int) -> bool:
        """A subject in capitals that OCR parted by blank lines (each printed line a paragraph
        of its own): its last line ends on a comma or a word that joins ("CỦA BỘ CHÍNH TRỊ,",
        "… TRUNG ƯƠNG VỀ"), or the next line opens on one ("TẠI HỘI NGHỊ …", "VỀ TÌNH HÌNH …"),
        and the next line is in capitals too, short, and no authority line, heading or item. A
        phrase does not end on a joining word, nor start on one."""
        nxt = lines[index] if index < len(lines) else None
        if (
            nxt is None
            or not nxt.text
            or not all(is_caps(p.text) for p in out)
            or not is_caps(nxt.text)
            or len(nxt.text) > 160
            or self._is_authority_line(nxt)
            or SECTION_LINES[0].match(nxt.text)
            or ITEM_LINES[0].match(nxt.text)
        ):
            return False
        last = out[-1].folded.lower().rstrip()
        first = nxt.folded.lower().split(maxsplit=1)[0]
        return (
            last.endswith(",")
            or last.rsplit(maxsplit=1)[-1] in _JOINING_WORDS
            or first in _OPENING_JOINS
        )

    def _title_lines(self, lines: list[Line], index: int, have: bool) -> list[Line]:
        out: list[Line] = []
        blanks = 0
        until: int | None = None
        while index < len(lines) and len(out) < 6:
            line = lines[index]
            index += 1
            if until is not None:
                if index - 1 >= until:
                    break
                if line.text:
                    out.append(line)
                continue
            if self._is_authority_line(line) or (out and self._authority_wrapped(lines, index - 1)):
                break
            if (
                out
                and all(is_caps(p.text) for p in out)
                and self._authority_over_grounds(lines, index - 1)
            ):
                break
            if line.text.startswith(("CỦA ", "CUẢ ")) and is_caps(line.text):
                # "CỦA ỦY BAN THƯỜNG VỤ QUỐC HỘI VỀ VIỆC …": the body, up to the subject
                self.heading_body = line.folded.lower()[4:].split(" ve viec")[0].strip()
                self.heading_body = " ".join(self.heading_body.split())
            if not line.text:
                if out and (until := self._caps_title_goes_on(lines, index, out)) is not None:
                    continue
                if out and _title_goes_on_past_blank(out[-1], lines, index):
                    continue  # "… Đoàn Luật sư Lâm Đồng" / "" / "lần thứ I nhiệm kỳ 2026-2031"
                if out and self._caps_phrase_goes_on(out, lines, index):
                    continue  # "CỦA BỘ CHÍNH TRỊ," / "" / "BAN BÍ THƯ" / "" / "VỀ …"
                if out or have or blanks >= 2:
                    break
                if self.doc.doc_type == "Giấy mời":
                    break  # an invitation's subject stands right under "GIẤY MỜI", or none does
                blanks += 1
                continue
            if (
                SEPARATOR_LINE_RE.match(line.text)
                or SECTION_LINES[0].match(line.text)
                or ARTICLE_RE.match(line.folded)
            ):
                break  # (an article, "Điều 1. …", follows the operative "QUYẾT ĐỊNH:")
            if (
                NOI_NHAN_LINES[0].match(line.folded)
                or ON_BEHALF_RE.match(line.text)
                or BULLET_RE.match(line.text)
            ):
                break
            starts_body = BODY_START_RE.match(line.folded) or (
                MEETING_START_RE.match(line.folded) and not is_caps(line.text)
            )
            if len(line.text) > 260 and (
                out
                or have
                or starts_body
                or len(line.text) > _LONGEST_TITLE_LINE
                or SENTENCE_BREAK_RE.search(line.text.rstrip(" .:;"))
            ):
                # A long line is a paragraph of the body, unless it comes first under the type
                # word and reads as one phrase: a PDF's text layer gives a bold subject of four
                # or five printed lines as one line ("Tổng kết thực hiện Quyết định số … về
                # việc …").
                break
            if (out or have) and starts_body and line.text[:1].isupper():
                break
            if out and is_caps(line.text, 4) and not all(is_caps(p.text, 1) for p in out):
                break
            if (out or have) and (
                (len(line.text) > 160 and not _wrapped_remainder(out, lines, index))
                or ITEM_LINES[0].match(line.text)
                or SENTENCE_BREAK_RE.search(line.text.rstrip(" .:;"))
            ):
                break
            if out and out[-1].text.endswith((":", ".", ";")):
                break
            out.append(line)
        return out

    def _is_place_date_line(self, line: Line) -> bool:
        """A line that ends with the header's date after a place: "Đồng Phú, ngày 20 tháng 8
        năm 2024"."""
        date = HEADER_DATE_RE.search(self.text, line.cstart, line.cend)
        return (
            date is not None
            and date.end() == line.cend
            and date.start() > line.cstart
            and line.text[:1].isupper()
        )


def _opens_grounds(line: Line) -> bool:
    """A decision's grounds or a resolution's preamble: "Căn cứ …", "- Xét …", "Sau khi …"."""
    return bool(GROUNDS_RE.match(line.folded) or line.folded.startswith("sau khi "))


def unpaired_quote_dropped(title: str) -> str:
    """A title opened by a quotation mark that nothing closes: the mark is a scan's speck read by
    OCR ("„Phê chuẩn kết quả …"), not the title's; a quoted title ("“Tiếp tục …”") keeps it."""
    if title[:1] in '„“"' and not any(mark in title[1:] for mark in '”“"'):
        return title[1:].lstrip()
    return title


def subject_quotes_dropped(title: str) -> str:
    """A letter's subject printed whole in quotation marks ("“V/v giới thiệu … giúp việc”"):
    the marks enclose the subject, they are not part of it."""
    if (
        title[:1] in '“"'
        and title[-1:] in '”"'
        and VV_RE.match(title[1:].lstrip())
        and not any(mark in title[1:-1] for mark in '”“"')
    ):
        return title[1:-1].strip()
    return title


# Words (folded) that join a phrase's parts and never end a subject: "của", "về", "và", "tại",
# "với", "cho", "trong", "trên", "giữa".
_JOINING_WORDS = frozenset(["cua", "ve", "va", "tai", "voi", "cho", "trong", "tren", "giua"])
# Of them, those that open no sentence of a body in capitals either ("TRONG NHỮNG NĂM QUA, …"
# may open one): a line opening on one goes on the subject above it.
_OPENING_JOINS = frozenset(["cua", "ve", "va", "tai", "voi"])

# The longest subject a text layer gives as one line: five printed lines of a bold title.
_LONGEST_TITLE_LINE = 500


def _wrapped_remainder(out: list[Line], lines: list[Line], index: int) -> bool:
    """The long line ``lines[index - 1]`` is the rest of a title whose first line ``out``
    broke off mid-phrase, joined into one line by OCR's paragraph mending (a line opening on a
    capital, "… của Ban Chấp hành" / "Trung ương Đảng …", is left apart; the lines in small
    letters after it are joined to it): the title's last line ends in no closing mark and goes on
    into this one (:func:`continues`), and this line closes no sentence either and stands last
    in its paragraph, before a blank line or the rule under the title. A body's first paragraph
    ends with its sentence's full stop or its "như sau:"."""
    line, nxt = lines[index - 1], lines[index] if index < len(lines) else None
    return (
        len(out) == 1
        and not out[0].text.endswith((".", ":", ";", ","))
        and continues(out[0].text, line.text)
        and line.text[-1:].isalnum()
        and (nxt is None or not nxt.text or SEPARATOR_LINE_RE.match(nxt.text) is not None)
    )


def _title_goes_on_past_blank(last: Line, lines: list[Line], index: int) -> bool:
    """A title's line wrapped across a blank line, as a PDF's line spacing prints it: the next
    line starts with a small letter (a title's next line, never a body's first) and goes on
    with the last one (:func:`continues`), and it is short (a title's line, not a paragraph)."""
    nxt = lines[index] if index < len(lines) else None
    return (
        nxt is not None
        and bool(nxt.text)
        and nxt.text[:1].islower()
        and len(nxt.text) <= 160
        and continues(last.text, nxt.text)
    )
