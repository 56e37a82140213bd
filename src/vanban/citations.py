"""The citation grammar: document symbols, dates, issuers and terms of cited documents.

A citation reads, in party (Hướng dẫn 36-HD/VPTW) or state (Nghị định 30/2020/NĐ-CP) style::

    <type word> [số] <symbol> [,] [ngày <date>] [của <issuer>] [(khóa <term>)]

* type words: Nghị quyết, Chỉ thị, Kết luận, Quy định, Quyết định, Kế hoạch, Chương trình hành
  động, Hướng dẫn, Công văn, Thông báo, Đề án, Luật, Nghị định, Thông tư, ...
* party symbols "35-NQ/TW", "11-KH/BTGĐUK", "08-QĐi/TW"; state symbols "289/KH-UBND",
  "30/2020/NĐ-CP", "15/2012/QH13"; stray spaces and dash variants are tolerated ("01- KL/TW")
  — their patterns, where they stand and the type word before them are :mod:`vanban.symbols`.
* dates "ngày 22/10/2018", "22-10-2018", "22.10.2018", "ngày 22 tháng 10 năm 2018".
* the issuer is the body named after "của", up to the first word that is not part of a name
  (:mod:`vanban.body_names`).

Every pattern has bounded repetitions, so scanning is linear in the length of the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from vanban.body_names import BODY_HEADS, TERM, read_issuer
from vanban.normalize import (
    ALIGNED_TABLE,
    FoldedView,
    clean_symbol,
    fold_aligned,
    paragraph_start,
    vi_regex,
)
from vanban.patterns import TYPE_WORDS
from vanban.symbols import SYMBOL_RE, iter_symbols, type_before

# (a year mistyped with three figures, "ngày 07/11/205", is still the date's place: it makes no
# date, but what follows it, "của X", belongs to the citation; a footnote's mark, set after the
# word it notes (Nghị định 30/2020/NĐ-CP), is glued to a year by a PDF's text: "15/5/20261")
_DATE_NUMERIC = vi_regex(
    r"(\d{1,2})[ \t]?[/.\-][ \t]?(\d{1,2})[ \t]?[/.\-][ \t]?(\d{4}|\d{3})"
    r"(?:(?<=\d{4})\d{1,2}(?=[ \t]))?(?!\d)"
)
_DATE_WORDS = vi_regex(
    r"ngay[ \t]{1,5}(\d{1,2})[ \t,]{1,5}thang[ \t]{1,5}(\d{1,2})[ \t,]{1,5}nam[ \t]{1,5}(\d{4})(?!\d)"
)


_NGAY = vi_regex(r"ngay[ \t]{0,3}")
# The characters ``fold_aligned`` maps to "n" (the first letter of "ngay").
_FOLDS_TO_N = frozenset(
    ["n"] + [chr(code) for code, folded in ALIGNED_TABLE.items() if folded == "n"]
)


@lru_cache(maxsize=4096)
def make_date(day: str, month: str, year: str) -> str | None:
    """ISO date, or None when the parts do not make a date. Memoised: a document repeats its
    dates, and a cache look-up costs a tenth of building a ``datetime.date``."""
    try:
        value = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    if not 1900 <= value.year <= 2100:
        return None
    return value.isoformat()


def find_date(
    folded: str, pos: int = 0, *, anchored: bool = True
) -> tuple[str | None, int, int] | None:
    """A date at ``pos`` of a folded string ("ngay 22/10/2018", "22-10-2018", "ngay 22 thang 10
    nam 2018"): (ISO date or None if invalid, start, end)."""
    if anchored:
        # every pattern tried here starts with a digit or with a letter that folds to "n"
        first = folded[pos : pos + 1]
        if not first.isdecimal() and first not in _FOLDS_TO_N:
            return None
    for pattern in (_DATE_WORDS, _DATE_NUMERIC):
        match = pattern.match(folded, pos) if anchored else pattern.search(folded, pos)
        if match:
            return make_date(*match.groups()), match.start(), match.end()
    if anchored:
        match = _NGAY.match(folded, pos)
        if match:
            numeric = _DATE_NUMERIC.match(folded, match.end())
            if numeric:
                return make_date(*numeric.groups()), match.start(), numeric.end()
    return None


_TYPE_OF_WORDS: dict[str, str | None] = {}


def _type_of_words(words: str) -> str | None:
    """The type a type word as printed names ("Nghị  quyết" -> "Nghị quyết"); memoised, the
    printed forms are few."""
    found = _TYPE_OF_WORDS.get(words, _MISSING)
    if found is _MISSING:
        found = TYPE_WORDS.get(" ".join(fold_aligned(words).lower().split()))
        if len(_TYPE_OF_WORDS) >= 4096:
            _TYPE_OF_WORDS.clear()
        _TYPE_OF_WORDS[words] = found
    return found  # type: ignore[return-value]


_MISSING = object()


@dataclass(slots=True)
class Citation:
    """One occurrence of a document symbol in the text."""

    number: str
    start: int
    end: int
    doc_type: str | None = None
    type_start: int | None = None
    date: str | None = None
    date_span: tuple[int, int] | None = None
    issuer: str | None = None
    issuer_span: tuple[int, int] | None = None
    term: str | None = None
    tail_end: int = 0

    @property
    def begin(self) -> int:
        """Start of the citation including its type word."""
        return self.type_start if self.type_start is not None else self.start


_TAIL_SEP = re.compile(r"[ \t]*,?[ \t]*")
# ``_TAIL_SEP.match`` then ``find_date`` at its end, in one match: group 1 is the date; its
# three forms, tried in find_date's order, are groups 2-4, 5-7 and 8-10. The atomic groups
# commit to each part's first match, as the separate calls do.
_TAIL_DATE = re.compile(
    rf"(?>{_TAIL_SEP.pattern})((?>{_DATE_WORDS.pattern})|(?>{_DATE_NUMERIC.pattern})"
    rf"|(?>{_NGAY.pattern}){_DATE_NUMERIC.pattern})?"
)
assert _DATE_WORDS.groups == _DATE_NUMERIC.groups == 3 and _NGAY.groups == 0


def _tail_date(window: str) -> tuple[int, tuple[str | None, int, int] | None]:
    """Where the date after a symbol would start, and ``find_date`` there."""
    found = _TAIL_DATE.match(window)
    assert found is not None  # every part is optional
    groups = found.groups()
    if groups[0] is None:
        return found.end(), None
    if groups[1] is not None:
        parts = groups[1:4]
    elif groups[4] is not None:
        parts = groups[4:7]
    else:
        parts = groups[7:10]
    start = found.start(1)
    return start, (make_date(*parts), start, found.end())


_CUA = vi_regex(r"[ \t,]*(?:cua)[ \t]+")
# The body that issued a cited document, named before it as the sentence's subject:
# "Ngày 05/9/2023, Ban Thường vụ Tỉnh ủy ban hành Kết luận số ...", "UBND tỉnh vừa ban hành văn
# bản số ...", "Ngày 25/4/2020 Văn phòng Trung ương Đảng đã có Công văn số ...", "UBND tỉnh
# đã có chỉ đạo tại Công văn số ..." (what it directed, in the letter). The subject
# starts after the date or after a clause break; group 4 is the name.
_BEFORE = vi_regex(
    r"(?:ngay[ \t]{0,3}(\d{1,2})[ \t]?[/.\-][ \t]?(\d{1,2})[ \t]?[/.\-][ \t]?(\d{4})[ \t]*,?[ \t]*"
    r"|(?:^|[,;:(][ \t]*))"
    # a topic said before the subject: "(về nội dung này Trung tâm đã có Công văn số …)"
    r"(?:ve[ \t]+(?:[a-z]+[ \t]+){0,3}?nay[ \t]+)?"
    # (a subject ending "được" is what a passive with no agent tells of: "Kế hoạch đã được ban
    # hành …" names no issuer)
    r"([^\n,;.:\d()]{3,120}?)(?<![ \t]da)(?<![ \t]vua)(?<![ \t]duoc)[ \t]+"
    # "đã" or "vừa", and another act before "và" ("Sở Nội vụ đã xây dựng dự thảo … và ban hành")
    r"(?:(?:da|vua)[ \t]+(?:[^\n;:]{0,160}?[ \t]+va[ \t]+)?)?"
    r"(?:(?:ky[ \t]+)?ban[ \t]+hanh|co(?:[ \t]+(?:chi[ \t]+dao|y[ \t]+kien)[ \t]+tai)?)[ \t]+$"
)
# A subject qualified "(cũ)" or "(mới)" before the verb (folded), which ``_BEFORE`` (no brackets,
# no commas in its subject) leaves: "Đoàn Luật sư tỉnh A, B, C (cũ) có Tờ trình số …"; group 1
# ends the subject.
_QUALIFIED_BEFORE = vi_regex(
    r"\((?:cu|moi)\)()[ \t]+(?:(?:da|vua)[ \t]+)?"
    r"(?:(?:ky[ \t]+)?ban[ \t]+hanh|co(?:[ \t]+(?:chi[ \t]+dao|y[ \t]+kien)[ \t]+tai)?)[ \t]+$"
)
# Where a clause, and so a sentence's subject, may start (folded): the lead's start (after a
# footnote's mark, "1 Đoàn Luật sư …"), a punctuation mark.
_CLAUSE_START = re.compile(r"^(?:\d{1,3}[ \t]*)?|[,;:.(][ \t]*")


def _subject_through_commas(
    text: str, lead: str, lead_start: int, before: int, subject_end: int
) -> int | None:
    """Where a subject that ends at ``lead[subject_end]`` starts when it is one body's name
    holding commas (or its former places, "(cũ)"), read from an earlier clause start than
    ``before``: "Sở Văn hóa, Thể thao và Du lịch ban hành …", "Đoàn Luật sư tỉnh Lâm Đồng, Bình
    Thuận, Đắk Nông (cũ) có …". The name must run from that start to the verb; the first start
    from which it does is taken."""
    for start in _CLAUSE_START.finditer(lead, 0, before):
        pos = start.end()
        if pos >= before:
            break
        if not lead[pos : pos + 1].isalpha():
            continue
        issuer, i_start, i_end = read_issuer(text, lead_start + pos)
        if (
            issuer
            and i_start == lead_start + pos
            and i_end == lead_start + subject_end
            # a body's name opens on its head word or an abbreviation ("Sở …", "UBND …"), not
            # on a place of a list cut at its comma
            and ((head := issuer.split(maxsplit=1)[0]) in BODY_HEADS or head.isupper())
        ):
            return pos
    return None


# The agent of a passive before "có" or "ban hành" (folded): "Báo cáo … đã được Sở Nội vụ có
# Công văn số … lấy ý kiến" — what "được" follows is the thing done, the body after it (after the
# last "được") has the cited document; group 1 is the name.
_PASSIVE = vi_regex(
    r"(?<![a-z])duoc[ \t]+(?!.*[ \t]duoc[ \t])([^\n,;.:\d()]{3,120}?)[ \t]+"
    r"(?:(?:ky[ \t]+)?ban[ \t]+hanh|co)[ \t]+$"
)
# The verb of advising inside the subject before "ban hành" (folded): "… đã tham mưu " — the
# body named after it is the one that issues.
_ADVISED = re.compile(r"(?:^|[ \t])tham[ \t]+muu[ \t]+(?!.*[ \t]tham[ \t]+muu[ \t])")
# A sentence's date at its start (folded): "Ngày 23/11/2018, …"; groups 1-3 day, month, year.
_SENTENCE_DATE = vi_regex(
    r"(?:^|[.;:][ \t]*)ngay[ \t]{0,3}(\d{1,2})[ \t]?[/.\-][ \t]?(\d{1,2})[ \t]?[/.\-][ \t]?"
    r"(\d{4})[ \t]*,"
)
# A clause that says the subject signs for a body (the spelt-out TL., TM., KT., TUQ.).
_SIGNS_FOR = vi_regex(
    r"(?<![a-z])(?:thua[ \t]+lenh|thay[ \t]+mat|ky[ \t]+thay|thua[ \t]+uy[ \t]+quyen)[ \t]"
)
# The body a citation in brackets or after "tại" belongs to: "Xét đề nghị của Bộ X (Tờ trình số
# ...)", "Xét báo cáo của X (công văn số ...)", "đề nghị của Bộ X tại văn bản số ...".
# (a name qualified "(cũ)" or "(mới)", as the bodies a merger of provinces joins are named, keeps
# its brackets: "của Đoàn Luật sư tỉnh A (cũ), Đoàn Luật sư tỉnh B (cũ) tại Đơn đề nghị số …")
_OF_BEFORE = vi_regex(
    r"cua[ \t]+((?:[^\n;:()]|\((?:cu|moi)\)){3,150}?)[ \t]*(?:\([ \t]*|tai[ \t]+(?:cac[ \t]+)?)$"
)
# The next body of a list sharing one "của": "của A tại văn bản số …, B tại văn bản số …", "… và B
# tại Tờ trình số …" (folded); group 1 the body's name.
_NEXT_OF_BEFORE = re.compile(
    r"(?:,|;|[ \t]va)[ \t]+((?:(?![ \t]va[ \t])[^\n;:(),]){3,150}?)[ \t]*tai[ \t]+(?:cac[ \t]+)?$"
)


# After a citation's date: "và" and the next citation's type word and "số" (folded); it ends
# where the next symbol starts.
_AND_NEXT = re.compile(r"[ \t]*,?[ \t]*va[ \t]+(?:[^\W\d_]+[ \t]+){1,4}so[ \t]+")


# After a citation's date: "," or ";" and the next citation's type word, "số" optional (folded);
# it ends where the next symbol starts.
_SAME_NEXT = re.compile(r"[ \t]*[,;][ \t]*((?:[^\W\d_]+[ \t]+){1,3}?)(?:so[ \t]+)?(?=\d)")


def _window(text: str, start: int, size: int) -> str:
    """``text[start:start+size]`` with single line breaks read as spaces, cut at a blank line
    (but not where the sentence goes on: no stop before it and a lower-case word after it, as a
    PDF spaced with blank lines between wrapped lines gives "ngày 13/5/2025\n\ncủa Văn phòng …")."""
    chunk = text[start : start + size]
    cut = chunk.find("\n\n")
    while cut >= 0:
        # the first character after the blank line and the last one before it, found where
        # they stand (stripping copies of the two sides would copy the whole window)
        after = _NON_BLANK.search(chunk, cut)
        last = cut - 1
        while last >= 0 and chunk[last].isspace():
            last -= 1
        before = chunk[last] if last >= 0 else ""
        goes_on = (
            after is not None
            and after.group().islower()
            and before not in (".", ":", ";", "!", "?")
        )
        if not goes_on and not _last_word_goes_on(chunk, last):
            chunk = chunk[:cut]
            break
        cut = chunk.find("\n\n", cut + 2)
    return chunk.replace("\n", " ")


_NON_BLANK = re.compile(r"\S")  # (``\s`` is what ``str.isspace`` and ``str.strip`` take)
# The last word of a line whose sentence goes on past a blank line (folded): "… ngày" / "08
# tháng 10 năm 2018 …", "… của" / "UBND tỉnh Bình Thuận …".
_GOES_ON = frozenset(["ngay", "cua", "so", "thang", "nam", "va", "ve", "tai"])


def _last_word_goes_on(chunk: str, last: int) -> bool:
    """Whether the word ending at ``chunk[last]`` is one no sentence ends with."""
    if last < 0 or not chunk[last].isalpha():
        return False
    start = last
    while start > 0 and chunk[start - 1].isalpha() and last - start < 6:
        start -= 1
    return fold_aligned(chunk[start : last + 1]).lower() in _GOES_ON


def parse_citation(
    text: str, folded: str | FoldedView, match: re.Match[str], depth: int = 0
) -> Citation:
    """Type word, date, issuer and term around one symbol match."""
    cite = Citation(number=clean_symbol(match.group()), start=match.start(), end=match.end())
    type_match = type_before(text, match.start())
    if type_match is not None:
        cite.type_start, words = type_match
        cite.doc_type = _type_of_words(words)
    base = match.end()
    window = _window(text, base, 500)
    fwindow = window  # the tail patterns are diacritic-insensitive
    pos, date = _tail_date(fwindow)
    end = 0
    if date is not None:
        cite.date = date[0]
        cite.date_span = (base + date[1], base + date[2])
        pos = end = date[2]
    cua = _CUA.match(fwindow, pos)
    if (
        not cua
        and depth < 2
        and window[pos : pos + 8].lstrip(" \t,").startswith("và")
        and (joined := _AND_NEXT.match(fold_aligned(window), pos))
    ):
        # "Quyết định số A ngày … và Quyết định số B ngày … của Thủ tướng Chính phủ": two
        # citations joined by "và" share the "của" that ends the second
        following = SYMBOL_RE.match(text, base + joined.end())
        if following is not None:
            second = parse_citation(text, folded, following, depth + 1)
            if second.issuer is not None and second.issuer_span is not None:
                cite.issuer, cite.issuer_span = second.issuer, second.issuer_span
    elif (
        not cua
        and depth < 3
        and cite.doc_type is not None
        and window[pos : pos + 3].lstrip(" \t")[:1] in (",", ";")
        and (listed := _SAME_NEXT.match(fold_aligned(window), pos))
        and _type_of_words(listed.group(1)) == cite.doc_type
    ):
        # "Kết luận 174-KL/TW ngày …, Kết luận 177-KL/TW ngày …; Kết luận 178-KL/TW ngày … của
        # Bộ Chính trị": documents of one type listed with "," or ";" share the last "của"
        following = SYMBOL_RE.match(text, base + listed.end())
        if following is not None:
            second = parse_citation(text, folded, following, depth + 1)
            if second.issuer is not None and second.issuer_span is not None:
                cite.issuer, cite.issuer_span = second.issuer, second.issuer_span
    if cua:
        issuer, i_start, i_end = read_issuer(window, cua.end())
        if issuer:
            cite.issuer = issuer
            cite.issuer_span = (base + i_start, base + i_end)
            end = i_end
            term = TERM.match(window, i_end)
            if term:
                cite.term = term.group(1)
                end = term.end()
    if cite.issuer is None and cite.type_start is not None:
        # "Ngày 05/9/2023, Ban Thường vụ Tỉnh ủy ban hành Kết luận số 88-KL/TU"
        # the sentence may start on a line above, wrapped there ("… của Phòng Thương mại" /
        # "(công văn số …)"); its line breaks are read as spaces
        line_start = paragraph_start(text, cite.type_start)
        lead_start = max(line_start, cite.type_start - 200)
        # (blanks a justified line spread are one: "Sở  Nội  vụ  đã  ban  hành  Công  văn")
        # The lead's last 40 characters decide whether it is read at all: they are folded
        # alone first (most citations have neither "ban hành" nor "(" or "tại" before them).
        near = folded[max(lead_start, cite.type_start - 40) : cite.type_start]
        tail = " ".join(near.replace("\n", " ").split())
        # (a date after the cited number leaves the subject before it to name the issuer)
        # ("UBND tỉnh đã có chỉ đạo tại Công văn số …": what the subject said in the letter)
        after_verb = tail.endswith(("ban hanh", " co", " co chi dao tai", " co y kien tai"))
        after_of = tail.endswith(("(", " tai", " tai cac"))
        lead = (
            folded[lead_start : cite.type_start].replace("\n", " ")
            if after_verb or after_of
            else ""
        )
        found = _BEFORE.search(lead) if after_verb else None
        passive = _PASSIVE.search(lead) if after_verb else None
        subject: tuple[int, int, re.Match[str] | None] | None = None
        if found is not None:
            subject = (found.start(4), found.end(4), found if found.group(1) is not None else None)
        elif after_verb and (qualified := _QUALIFIED_BEFORE.search(lead)) is not None:
            wide = _subject_through_commas(
                text, lead, lead_start, qualified.start(), qualified.end(1)
            )
            if wide is not None:
                subject = (wide, qualified.end(1), None)
        if passive is not None and (found is None or found.start(4) < passive.start()):
            i_start = lead_start + passive.start(1)
            name = text[i_start : lead_start + passive.end(1)].strip()
            if name[:1].isupper():
                cite.issuer = " ".join(name.split())
                cite.issuer_span = (i_start, i_start + len(name))
        elif subject is not None:
            subject_start, subject_end, dated = subject
            if dated is None:
                # the sentence's date before a clause that parts it from the subject: "Ngày
                # 23/11/2018, thừa lệnh Chủ tịch UBND tỉnh, Phó Chánh Văn phòng … đã ký ban
                # hành văn bản số …" (no other figure between: no other document's date)
                dated = _SENTENCE_DATE.search(lead, 0, subject_start)
                if dated is not None and any(
                    ch.isdigit() for ch in lead[dated.end() : subject_start]
                ):
                    dated = None
            if dated is not None and cite.date is None:
                cite.date = make_date(*dated.groups()[:3])
                cite.date_span = (lead_start + dated.start(1), lead_start + dated.end(3))
            advised = _ADVISED.search(lead, subject_start, subject_end)
            if advised is not None:
                # "Sở Nội vụ đã tham mưu UBND tỉnh ban hành Kế hoạch số …": the body advised
                # issues the document, not the one that advised it
                subject_start = advised.end()
            elif found and lead[:subject_start].rstrip(" \t").endswith(","):
                # the subject is cut at a comma; the comma may be inside one body's name ("Sở
                # Văn hóa, Thể thao và Du lịch ban hành …")
                wide = _subject_through_commas(text, lead, lead_start, subject_start, subject_end)
                if wide is not None:
                    subject_start = wide
            i_start = lead_start + subject_start
            name = text[i_start : lead_start + subject_end].strip()
            # one who signs for the body ("thừa lệnh …", "thay mặt …") is a person, no issuer
            sentence = lead.rfind(". ", 0, subject_start) + 1
            if name[:1].isupper() and not _SIGNS_FOR.search(lead, sentence, subject_start):
                cite.issuer = " ".join(name.split())
                cite.issuer_span = (i_start, i_start + len(name))
        elif after_of and (
            (at := lead.rfind("cua")) >= 0 or "cua" in folded[line_start:lead_start]
        ):
            # (the "của" a long list of bodies shares may stand before the window)
            firsts = (_OF_BEFORE.match(lead, at),) if at >= 0 else ()
            for of in (*firsts, _NEXT_OF_BEFORE.search(lead, max(at, 0))):
                if of is None:
                    continue
                i_pos = lead_start + of.start(1)
                issuer, i_start, i_end = read_issuer(text, i_pos)
                # the name must reach the bracket or "tại": nothing but blanks between
                if issuer and not text[i_end : lead_start + of.end(1)].strip():
                    cite.issuer = issuer
                    cite.issuer_span = (i_start, i_end)
                    break
    if cite.issuer is None and cite.type_start is not None and depth == 0:
        _share_subject(text, folded, cite)
    cite.tail_end = base + end
    return cite


# "và" before a citation's type word (folded), the end of the text before it.
_AND_BEFORE = re.compile(r"(?<![^\W_])va[ \t\n]+$")
# A clause's or a sentence's end between two citations (folded).
_CLAUSE_END = re.compile(r"[.;:][ \t\n]|\n[ \t]*\n")


# The verb between a subject and the document it issued (folded): "… ban hành", "… đã có".
_BEFORE_VERB = re.compile(r"(?:ban[ \t\n]+hanh|(?<![^\W_])co)[ \t\n]+$")


def _share_subject(text: str, folded: str | FoldedView, cite: Citation) -> None:
    """The issuer of a citation joined by "và" to one the sentence's subject issued: "Sở Tư pháp
    ban hành Công văn số 1128/STP-BTTP V/v … và Công văn số 1468/STP-BTTP ngày …" — the two
    documents are objects of one verb, so one subject issued both. Only a citation of the same
    type, the one just before it in the same clause, passes its subject on (a document the first
    one's subject cites, "Kế hoạch số … thực hiện Nghị quyết … và Chỉ thị số …", is another
    type or none)."""
    assert cite.type_start is not None
    if _AND_BEFORE.search(folded[max(0, cite.type_start - 12) : cite.type_start]) is None:
        return
    start = max(paragraph_start(text, cite.type_start), cite.type_start - 400)
    previous = None
    for symbol in SYMBOL_RE.finditer(text, start, cite.type_start):
        previous = symbol
    if previous is None or _CLAUSE_END.search(folded[previous.end() : cite.type_start]):
        return
    first = parse_citation(text, folded, previous, 1)
    if (
        first.doc_type == cite.doc_type
        and first.issuer is not None
        and first.issuer_span is not None
        and first.issuer_span[1] <= first.begin  # named before it: the subject
        # of a verb ("ban hành", "có"), not a body that "tại" or a bracket refers to ("đề nghị
        # của Sở Tài chính tại Công văn số … và Công văn số …" names it for the first only)
        and _BEFORE_VERB.search(folded[first.issuer_span[1] : first.begin]) is not None
    ):
        cite.issuer, cite.issuer_span = first.issuer, first.issuer_span


def find_citations(
    text: str, folded: str | FoldedView | None = None, limit: int = 5000
) -> list[Citation]:
    """Every symbol in ``text`` with what its citation says (at most ``limit``)."""
    folded = FoldedView(text) if folded is None else folded
    out: list[Citation] = []
    for match in iter_symbols(text):
        out.append(parse_citation(text, folded, match))
        if len(out) >= limit:
            break
    return out
