"""The documents the text cites, the ones its opening "Thực hiện ..." sentence carries out, and
the issuing body that sentence names."""

from __future__ import annotations

import re
from itertools import islice

from vanban.body_names import BODY_HEADS, comma_in_name
from vanban.citations import Citation, parse_citation
from vanban.lines import Line, field_value, is_caps, join_wrapped
from vanban.model import Reference
from vanban.normalize import continues, fold, fold_aligned, normalize_symbol
from vanban.patterns import (
    CAPITALS,
    DIGIT_RE,
    GROUNDS_RE,
    IMPLEMENTS_AFTER_SUBJECT_RE,
    IMPLEMENTS_FIRST_GAP_RE,
    IMPLEMENTS_NEXT_GAP_RE,
    ISSUER_VERB_RE,
    KINH_GUI_RE,
    MOTTO_RE,
    NOT_AN_ISSUER_RE,
    OPENING_LEAD_RE,
    PERSON_TITLE_RE,
    SENTENCE_END_RE,
    SEPARATOR_LINE_RE,
    TYPE_ALT,
)
from vanban.state import MAX_CITATIONS, ParserState
from vanban.symbols import OLD_SYMBOL_RE, iter_symbols

# The types that print an authority line between the title and the grounds (Nghị định
# 30/2020/NĐ-CP, appendix I; 36-HD/VPTW): decisions, resolutions, rules.
_AUTHORITY_TYPES = frozenset(["Quyết định", "Nghị quyết", "Quy định", "Quy chế"])
# A rule's enacting sentence (folded, lower case): group 1 the body before "quy định".
_ENACTING_RE = re.compile(
    r"([^,.;:()]+?)[ \t]+quy[ \t]+dinh(?:[ \t]+(?:ve|nhu[ \t]+sau)\b|[ \t]*:)"
)


def _names_a_body(words: str) -> bool:
    """Whether ``words`` (between two commas) are a body's short name: "Bộ Chính trị", "Ban
    Bí thư", "Đảng ủy Chính phủ" — a body's head word, capitalised, two to six words."""
    split = words.split()
    return (
        2 <= len(split) <= 6
        and split[0] in BODY_HEADS
        and all(w[:1].isupper() or w[:1].isdigit() for w in split[1:2])
        and not DIGIT_RE.search(words)
    )


# "Mẫu số" right before a number: the number of a form (biểu mẫu) annexed to a document, which
# the form's own document is cited for; the form itself is no document (folded text).
_FORM_BEFORE = re.compile(r"\bmau(?:[ \t]+so)?[ \t]*$", re.IGNORECASE)
# The operative word ending the line that names the deciding body (folded, lower case).
_OPERATIVE_END = re.compile(r"[ \t]+quyet[ \t]+(?:dinh|nghi)$")


class OpeningParser(ParserState):
    """Reads citations anywhere, the opening in the paragraphs before the first section."""

    def _references(self) -> None:
        # Every occurrence before the first section is read in full (the opening "Thực hiện"
        # sentence is there); later ones only when they cite a document not seen yet.
        opening_end = self.doc.sections[0].span[0] if self.doc.sections else self.body_end
        seen: set[str] = set()
        self.citations = []
        text = self.text if self.doc_end == len(self.text) else self.text[: self.doc_end]
        own = normalize_symbol(self.doc.number) if self.doc.number else None
        number, date = self.doc.number, self.doc.date
        # old-form symbols ("130-CP", "76/HĐBT") are looked for in a document of their time: its
        # own number of that form, or a date before 2000, or neither number nor date (a later
        # one cites them rarely, and the scan for "số" would cost every document)
        if number is not None:
            old_forms = OLD_SYMBOL_RE.fullmatch(number) is not None or (date or "2") < "2000"
        else:
            old_forms = date is None or date < "2000"
        for match in iter_symbols(text, old_forms):
            if self.number_span and match.start() == self.number_span[0]:
                continue
            key = normalize_symbol(match.group())
            if key == own:
                continue  # the document's own number, repeated ("Kế hoạch này (số …)")
            if _FORM_BEFORE.search(self.folded[max(0, match.start() - 12) : match.start()]):
                continue  # a form's number ("theo Mẫu số 01/BCĐBHĐND-MT"): a form, no document
            first = key not in seen
            if not first and match.start() >= opening_end:
                continue
            cite = parse_citation(self.text, self.folded, match)
            self.citations.append(cite)
            if len(self.citations) >= MAX_CITATIONS:
                break
            if not first:
                continue
            seen.add(key)
            self.doc.references.append(
                Reference(
                    cite.number,
                    cite.date,
                    cite.issuer,
                    cite.term,
                    cite.doc_type,
                    (cite.start, cite.end),
                )
            )

    def _opening(self) -> None:
        doc = self.doc
        paragraphs = self._implements()
        for paragraph in paragraphs:
            if self._issuer_from(paragraph):
                break
        header = self.header_issuer
        if doc.issuer is not None and header is not None:
            # the sentence's short form of the header's body ("Ủy ban nhân dân huyện" for
            # "ỦY BAN NHÂN DÂN HUYỆN ĐỒNG PHÚ"): the full name is kept
            short, full = " ".join(fold(doc.issuer).split()), " ".join(fold(header[0]).split())
            if len(full) > len(short) and full.startswith(short + " "):
                doc.issuer = None
        if doc.issuer is None and doc.doc_type in _AUTHORITY_TYPES:
            authority = self._authority_line()
            if authority is not None and (
                header is None or not PERSON_TITLE_RE.match(authority.folded.lower())
            ):
                # a decision's authority line ("BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN …", "THỦ TƯỚNG
                # CHÍNH PHỦ" without a header) names the body that decides; an office holder's
                # title ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") defers to the body in the header
                doc.issuer = _capitals_tail(field_value(authority.text)).rstrip(" -–")
                self.spans["issuer"] = (authority.cstart, authority.cstart + len(doc.issuer))
        if doc.issuer is None and doc.doc_type in _AUTHORITY_TYPES:
            operative = self._operative_line()
            if operative is None and doc.doc_type == "Quy định":
                operative = self._enacting_sentence()
            if operative is not None:
                doc.issuer, self.spans["issuer"] = operative
        if doc.issuer is None and doc.title:
            self._issuer_from_title()
        if doc.issuer is None and header is not None:
            doc.issuer = header[0]
            self.spans["issuer"] = header[1]

    def _issuer_from_title(self) -> None:
        """The body a party document's title names after "của" (36-HD/VPTW: the issuing body
        when it is not the header's — "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ VỀ …" under "BAN CHẤP HÀNH
        TRUNG ƯƠNG", "CHƯƠNG TRÌNH HÀNH ĐỘNG / CỦA BỘ CHÍNH TRỊ / thực hiện …")."""
        title = self.doc.title or ""
        found = _TITLE_OF_RE.match(fold_aligned(title).lower())
        if found is None:
            return
        name = field_value(title[found.start(1) : found.end(1)]).rstrip(" ,")
        if not 2 <= len(name.split()) <= 10 or not name[:1].isupper():
            return
        if PERSON_TITLE_RE.match(fold_aligned(name).lower()):
            # "KẾT LUẬN / CỦA ĐỒNG CHÍ CHÁNH VĂN PHÒNG …": an office holder's words, which the
            # header's body issues; "đồng chí" names a person, never a body
            return
        self.doc.issuer = name
        span = self.spans.get("title")
        if isinstance(span, tuple) and len(span) == 2:
            at = self.text.find(name, span[0], span[1] + 1)
            if at >= 0:
                self.spans["issuer"] = (at, at + len(name))

    def _operative_line(self) -> tuple[str, tuple[int, int]] | None:
        """The body that decides, named in capitals before the operative word after a party
        decision's grounds (36-HD/VPTW): "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ QUYẾT ĐỊNH", "ĐẢNG ỦY
        PHƯỜNG QUYẾT NGHỊ:"."""
        for line in islice(self.lines.iter(self.body_start, self.body_end, 60), 60):
            text = line.text.rstrip(" :")
            # (the operative word in capitals ends the line: looked for before the costlier
            # capitals test of the whole line)
            if not text.endswith(("ĐỊNH", "NGHỊ")) or not is_caps(text):
                continue
            found = _OPERATIVE_END.search(line.folded.rstrip(" :").lower())
            if found is None:
                continue
            body = field_value(text[: found.start()]).rstrip(" ,-–")
            if len(body.split()) < 2 or PERSON_TITLE_RE.match(fold_aligned(body.lower())):
                return None
            return body, (line.cstart, line.cstart + len(body))
        return None

    def _enacting_sentence(self) -> tuple[str, tuple[int, int]] | None:
        """The body that rules, named before "quy định" in the sentence that follows a party
        rule's grounds (36-HD/VPTW): "- Xét đề nghị của …," / "Ban Bí thư quy định về … như
        sau:"."""
        grounds = False
        previous = ""
        # (a paragraph wrapped over lines is read whole: a ground runs across line breaks)
        lines = join_wrapped(self.text, self.lines.iter(self.body_start, self.body_end, 80))
        for line in islice(lines, 40):
            if not line.text or SEPARATOR_LINE_RE.match(line.text):
                continue
            ended, previous = previous.rstrip().endswith((",", ";", ".", ":")), line.text
            if GROUNDS_RE.match(line.folded.lower()):
                grounds = True
                continue
            if not grounds or not line.text[:1].isupper() or not ended:
                # (what a ground's wrapped date left on its own line, "23/10/2024 của …", or
                # a ground's line that a copy broke: the sentence after the grounds opens
                # after a ground's closing comma or semicolon)
                continue
            found = _ENACTING_RE.match(line.folded.lower())
            if found is None:
                return None
            body = field_value(line.text[: found.end(1)])
            words = body.split()
            if not 2 <= len(words) <= 10 or not body[:1].isupper() or DIGIT_RE.search(body):
                return None
            fbody = fold_aligned(body.lower())
            if NOT_AN_ISSUER_RE.match(fbody) or PERSON_TITLE_RE.match(fbody):
                return None
            start = line.cstart + len(line.text) - len(line.text.lstrip())
            return body, (start, start + len(body))
        return None

    def _authority_line(self) -> Line | None:
        """The line in capitals between a decision's title and its grounds ("Căn cứ …"), the
        authority of Nghị định 30/2020/NĐ-CP (appendix I, item 5) and 36-HD/VPTW."""
        # (the rule printed under the title, "--------", belongs to the title block)
        lines = [
            ln
            for ln in islice(self.lines.iter(self.body_start, self.body_end, 10), 6)
            if ln.text and not SEPARATOR_LINE_RE.match(ln.text)
        ]
        if len(lines) < 2 or not is_caps(lines[0].text) or len(lines[0].text.split()) > 15:
            return None
        grounds = lines[1]
        if len(lines) > 2 and is_caps(grounds.text) and grounds.folded.lower().startswith("nuoc "):
            # the old formula names the state on a line of its own: "ỦY BAN THƯỜNG VỤ QUỐC HỘI" /
            # "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Căn cứ …"
            grounds = lines[2]
        if not GROUNDS_RE.match(grounds.folded.lower()):
            return None
        return lines[0]

    def _implements(self) -> list[Line]:
        """The documents the opening "Thực hiện …" sentence carries out (a news item's body
        opens the same way); returns the first paragraphs, where the issuer is named."""
        doc = self.doc
        first_section = doc.sections[0].span[0] if doc.sections else self.body_end
        stop = min(first_section, self.body_start + 6000, self.body_end)
        # a paragraph wrapped over lines (as a PDF gives it) is read whole: the opening
        # sentence, its documents and the body it names run across the line breaks
        paragraphs = list(
            islice(
                (
                    p
                    for p in join_wrapped(
                        self.text, self.lines.iter(self.body_start, stop, 40), joins=_opening_joins
                    )
                    if not self._displaced_header(p)
                ),
                6,
            )
        )
        opening: Line | None = None
        lead: re.Match[str] | None = None
        for paragraph in paragraphs:
            lead = OPENING_LEAD_RE.match(paragraph.folded)
            if lead:
                opening = paragraph
                break
        inner = opening is None
        if inner:
            opening = _inner_opening(paragraphs)
            lead = OPENING_LEAD_RE.match(opening.folded) if opening is not None else None
        if opening is not None and lead is not None:
            sentence_end = self._sentence_end(opening)
            if not inner:
                sentence_end = self._list_goes_on(paragraphs, opening, sentence_end)
            chosen: list[Citation] = []
            clauses = self._openings_in_turn(paragraphs, opening, lead, sentence_end, inner)
            for clause, clause_lead, clause_end in clauses:
                self._carried_out(clause, clause_lead, clause_end, chosen)
            for cite in chosen:
                if cite.number not in doc.implements:
                    doc.implements.append(cite.number)
            if chosen or not inner:  # (a sentence inside a paragraph that cites nothing: no mark)
                self.spans["implements"] = [(c.start, c.end) for c in chosen]
        return paragraphs

    def _openings_in_turn(
        self, paragraphs: list[Line], opening: Line, lead: re.Match[str], end: int, inner: bool
    ) -> list[tuple[Line, re.Match[str], int]]:
        """The opening "Thực hiện …;" and the paragraphs that follow it in the same form: a
        preamble may carry out its documents one paragraph each ("Thực hiện Kế hoạch số A …;" /
        "Thực hiện Kế hoạch số B …, <body> ban hành …"), each a clause of the one sentence."""
        found = [(opening, lead, end)]
        if inner or opening not in paragraphs:
            return found
        at = paragraphs.index(opening)
        while at + 1 < len(paragraphs) and paragraphs[at].text.rstrip().endswith(";"):
            at += 1
            nxt = OPENING_LEAD_RE.match(paragraphs[at].folded)
            if nxt is None or paragraphs[at].cstart < found[-1][2]:
                break
            found.append((paragraphs[at], nxt, self._sentence_end(paragraphs[at])))
        return found

    def _carried_out(
        self, opening: Line, lead: re.Match[str], sentence_end: int, chosen: list[Citation]
    ) -> None:
        """The documents one opening clause carries out, added to ``chosen``."""
        first = len(chosen)
        prev_end = opening.cstart + lead.end()
        for cite in self.citations:
            if cite.begin < opening.cstart or cite.begin >= sentence_end:
                continue
            gap = self.folded[prev_end : cite.begin].replace("\n", " ").strip(" \t,;")
            more = len(chosen) > first
            ok = not more and bool(
                IMPLEMENTS_FIRST_GAP_RE.fullmatch(
                    gap,
                )
            )
            ok = ok or bool(more and IMPLEMENTS_NEXT_GAP_RE.fullmatch(gap))
            # "... số A ... của X về <subject> và Kế hoạch số B": the subject of A ends
            # with "và", "," or ";" before B (but "về thực hiện Nghị quyết số B" is A's
            # subject, not a second document carried out)
            if not ok and more:
                raw = self.folded[prev_end : cite.begin].replace("\n", " ").strip(" \t")
                ok = bool(IMPLEMENTS_AFTER_SUBJECT_RE.fullmatch(raw.lstrip(",; \t")))
            if ok:
                chosen.append(cite)
                prev_end = max(cite.tail_end, cite.end)

    def _displaced_header(self, line: Line) -> bool:
        """A header's line that a PDF's text layer, reading the two header columns in turn,
        puts after the left column's subject and "Kính gửi:" (Nghị định 30/2020/NĐ-CP, appendix
        I: the motto and the place and date stand in the right column): the national motto, the
        header's date line, the salutation. None of them opens the body, and they must not use up
        the paragraphs where its opening "Thực hiện …" sentence is looked for."""
        # (each is skipped only when the paragraph is that line alone: a text flattened onto one
        # line opens its body there too)
        date = self.spans.get("date_raw")
        if isinstance(date, tuple) and len(date) == 2 and date[0] <= line.cstart < date[1]:
            return bool(line.cend <= date[1] + 1)
        if KINH_GUI_RE.match(line.folded.lower()):
            return _SENTENCE_INSIDE_RE.search(line.text) is None
        motto = MOTTO_RE.match(line.text)
        return motto is not None and not line.text[motto.end() :].strip(" \t-–—_")

    def _list_goes_on(self, paragraphs: list[Line], opening: Line, sentence_end: int) -> int:
        """The end of an opening sentence whose list of documents a line break cut after a
        ";": the next line names the next document by its type and number ("… giai đoạn 2026 -
        2030;" / "Công văn số 336/BNV-CCHC … và Công văn số 376/…, trong thời gian vừa qua, …"),
        which no new paragraph opens with (a preamble's next entry opens on "Căn cứ" or a dash)."""
        at = paragraphs.index(opening)
        while (
            sentence_end == opening.cend
            and opening.text.rstrip().endswith(";")
            and at + 1 < len(paragraphs)
            and _CITED_FIRST_RE.match(paragraphs[at + 1].folded.lower())
        ):
            at += 1
            opening = paragraphs[at]
            sentence_end = self._sentence_end(opening)
        return sentence_end

    def _sentence_end(self, line: Line) -> int:
        found = SENTENCE_END_RE.search(line.text)
        return line.cstart + (found.start() if found else len(line.text))

    def _issuer_from(self, line: Line) -> bool:
        if line.text.lstrip().startswith(("“", '"', "«")):
            return False  # a passage quoted from another document speaks for its own author
        if _POINT_LABEL_RE.match(line.text):
            return False  # a numbered point of the body ("1. Góp ý dự thảo các Quyết định:")
        for verb in ISSUER_VERB_RE.finditer(line.folded):
            if _NUMBERED_AFTER_RE.match(line.folded, verb.end()):
                continue  # "… ban hành Công văn số 2775/…": a document told, not this one
            before = line.text[: verb.start()]
            cut = max(before.rfind(c) for c in ",.;:")
            while cut > 0 and before[cut] == "," and comma_in_name(before, cut):
                cut = max(before.rfind(c, 0, cut) for c in ",.;:")
            while cut > 0 and before[cut] == ",":
                # bodies that act together, listed with commas: "Bộ Chính trị, Ban Bí thư kết
                # luận như sau" (a joint document, 36-HD/VPTW)
                prev = max(before.rfind(c, 0, cut) for c in ",.;:()")
                if not _names_a_body(before[prev + 1 : cut]):
                    break
                cut = prev
            candidate_start = cut + 1
            candidate = _without_courtesy(before[candidate_start:])
            value = field_value(candidate)
            words = value.split()
            if not words or len(words) > 15 or not value[0].isupper() or DIGIT_RE.search(value):
                continue
            fvalue = fold_aligned(value.lower())
            if NOT_AN_ISSUER_RE.match(fvalue) or PERSON_TITLE_RE.match(fvalue):
                continue
            if fvalue.endswith(" da"):
                continue  # "Sở Nội vụ đã ban hành …": an act told in the past, not this document
            lead = len(candidate) - len(candidate.lstrip())
            start = line.cstart + candidate_start + lead
            self.doc.issuer = value
            self.spans["issuer"] = (start, start + len(candidate.strip()))
            return True
        return False


# A sentence closed inside a line and another opening after it (original text): the addressee
# line "Kính gửi: Sở Tư pháp" holds none, a text flattened onto one line many.
_SENTENCE_INSIDE_RE = re.compile(r"[.;](?=[ \t]+[" + CAPITALS + r"])")

# The label of a numbered or lettered point opening a paragraph (original text): "1. ", "2) ",
# "a) ".
_POINT_LABEL_RE = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[a-zđ]\))[ \t]")

# A paragraph that opens on a document cited by its type and number (folded, lower case):
# "công văn số 336/…", "kế hoạch số 12-KH/TU".
_CITED_FIRST_RE = re.compile(r"(?:" + TYPE_ALT + r")[ \t]+so[ \t]*:?[ \t]*\d")

# The courtesy word a letter puts before its verb ("… Văn phòng UBND tỉnh kính đề nghị …",
# "kính báo cáo", "kính trình"): it belongs to the verb, not to the body's name (folded).
_COURTESY_RE = re.compile(r"[ \t]+kinh[ \t]*$")


def _without_courtesy(candidate: str) -> str:
    """``candidate`` (the words before the issuing verb) without a closing "kính"."""
    found = _COURTESY_RE.search(fold_aligned(candidate.lower()))
    return candidate[: found.start()] if found else candidate


# A title that opens on the issuing body (folded): "của bộ chính trị về …", "của ban thường vụ
# tỉnh ủy thực hiện …", or an old heading's "số 203 nq/ubtvqh9 ngày 04-5-1994 của ủy ban …";
# group 1 the body, up to the subject's first word or the end.
_TITLE_OF_RE = re.compile(
    r"(?:so[ \t]+\d[^ \t]*(?:[ \t]+[^ \t\d][^ \t]*)?[ \t]+ngay[ \t]+\d[\d./-]*[ \t]+)?"
    r"cua[ \t]+([^,;:()\d]+?)(?=[ \t]+(?:ve|thuc[ \t]+hien|so|tai|nhiem[ \t]+ky|khoa)\b|[ \t]*$)"
)
# A document number right after the issuing verb's document word (folded): " số 2775/".
_NUMBERED_AFTER_RE = re.compile(r"[ \t]+so[ \t]+\d")


def _capitals_tail(value: str) -> str:
    """The authority line's words in capitals: what a scan's OCR read into the line before them
    (a reception stamp "ĐẾN qua, /41312021....", a stray mark "`") is not the body's name."""
    words = value.split()
    keep = len(words)
    while keep > 0:
        word = words[keep - 1].strip(",.;:")
        if not (word in ("-", "–", "&") or (word.isalpha() and word.isupper())):
            break
        keep -= 1
    tail = words[keep:]
    if 2 <= len(tail) < len(words):
        return " ".join(tail)
    return value.lstrip("`'\"^ˆ~*-–_ ")


def _opening_joins(last: str, content: str) -> bool:
    """Whether ``content`` goes on with the line ``last`` above it (:func:`continues`), or
    ``last`` is an opening's words alone ("Để tiếp tục thực hiện nghiêm" / "Chỉ thị số 05/…"):
    a verb of carrying out takes the documents it carries out as its object, so the line that
    names them is the same sentence, whatever letter it opens with."""
    if continues(last, content):
        return True
    folded = fold(last).strip(" \t*_")
    lead = OPENING_LEAD_RE.match(folded)
    return lead is not None and lead.end() >= len(folded.rstrip())


# A sentence opening on "Thực hiện" inside a paragraph (folded): after the full stop or the colon
# that ends the sentence before it.
_INNER_LEAD_RE = re.compile(r"[.:][ \t]+(?=thuc[ \t]+hien\b)")


def _inner_opening(paragraphs: list[Line]) -> Line | None:
    """The opening "Thực hiện …" sentence when no paragraph opens with it: a letter may set the
    scene in a sentence first and carry its documents out in the next one, in the same paragraph
    ("Đại hội … đã thành công tốt đẹp. Thực hiện Công văn số …, Đảng ủy … đề nghị …"), as a news
    page restating the letter prints it. Returns that sentence to the paragraph's end."""
    for paragraph in paragraphs:
        for found in _INNER_LEAD_RE.finditer(paragraph.folded):
            at = found.end()
            if paragraph.text[at : at + 1] == "T":  # (a sentence starts on a capital)
                return Line(
                    paragraph.cstart + at,
                    paragraph.end,
                    paragraph.text[at:],
                    paragraph.cstart + at,
                    paragraph.cend,
                )
    return None
