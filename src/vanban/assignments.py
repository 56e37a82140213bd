"""Who is assigned the work: the units after "Phân công thực hiện" in an item and the period
after "Thời gian thực hiện", or the units the items (or paragraphs) of the "Tổ chức thực hiện"
section name."""

from __future__ import annotations

import re

from vanban.body_names import BODY_HEADS, comma_in_name
from vanban.lines import Line, blank_out, field_value, join_wrapped
from vanban.model import Assignment, Item, ParsedDocument, Span
from vanban.normalize import _LIST_START, continues, fold_aligned, vi_regex
from vanban.patterns import (
    ASSIGNEE_PREFIX_RE,
    ASSIGNMENT_HINT_RE,
    BULLET_RE,
    COOPERATE_WITH_RE,
    IMPLEMENTATION_SECTION_RE,
    LEADING_AND_RE,
    LETTERED_POINT_RE,
    LIST_SEPARATOR_RE,
    PARENTHESIS_RE,
    PERIOD_LINE_RE,
    PHAN_CONG_LINE_RE,
    QUALIFIER_RE,
    ROLE_APPOSITION_RE,
    TASK_VERB_RE,
    TO_CHUC_NOUN_RE,
    TOPIC_HEADING_RE,
    TOPIC_NOUN_RE,
    UNIT_ROLE_LINE_RE,
    UNIT_ROLE_TAIL_RE,
    UNIT_SEPARATOR_RE,
    UNIT_START_RE,
)
from vanban.state import ParserState


class AssignmentParser(ParserState):
    """Reads the items found by :class:`vanban.structure.StructureParser`."""

    def _assignments(self) -> None:
        doc = self.doc
        tcth = [
            s
            for s, _, _ in self.section_bounds
            if IMPLEMENTATION_SECTION_RE.search(fold_aligned(s.title.lower()))
        ]
        tcth_labels = {s.label for s in tcth}
        for item in doc.items:
            if item.section in tcth_labels:
                continue
            found = self._phan_cong(item)
            if found is not None:
                doc.assignments.append(found)
        for section, _start, end in self.section_bounds:
            if section.label not in tcth_labels:
                continue
            items = [i for i in doc.items if i.section == section.label]
            if items:
                for item in items:
                    units = self._units_from_heading(item.title_span[0], self._heading_end(item))
                    if not units and TOPIC_HEADING_RE.fullmatch(
                        fold_aligned(item.title.lower()).strip()
                    ):
                        units = self._units_of_points(item)
                    if units:
                        doc.assignments.append(
                            Assignment(
                                section.label,
                                item.label,
                                [u for u, _ in units],
                                None,
                                [s for _, s in units],
                            )
                        )
                continue
            for line in self.lines.lines(
                section.span[1] + 1,
                self._cut_end(section.span[1], end),
                200,
            ):
                if not line.text or self._is_footnote(line.start):
                    continue
                bullet = BULLET_RE.match(line.text)
                start_at = line.cstart
                if bullet and bullet.group(3):
                    start_at = line.cstart + bullet.start(3)
                units = self._units_from_heading(start_at, line.cend, sentence=True)
                if units:
                    doc.assignments.append(
                        Assignment(
                            section.label, None, [u for u, _ in units], None, [s for _, s in units]
                        )
                    )

    def _heading_end(self, item: Item) -> int:
        """Where an item's opening sentence may end: its title, or, when the title stops at a
        line break inside a sentence ("2. Các tỉnh ủy, thành ủy, đảng ủy trực thuộc" /
        "Trung ương cụ thể hóa …"), the end of its paragraph (the units come before the verb,
        wherever the source broke the line)."""
        start, end = item.title_span
        title = self.text[start:end].rstrip(" \t*")
        # (a title in capitals is read as it is: the case of its words, which tells a unit's
        # name from the verb after it, is lost)
        if not title or title[-1] in ".:;!?…" or title.isupper():
            return end
        # the lines the paragraph wraps onto, up to a blank line, a list entry or a sentence
        # that opens on its verb ("Văn phòng Sở" / "Tham mưu …")
        for line in self.lines.lines(end + 1, item.span[1], 12):
            if not line.text or _LIST_START.match(line.text) or line.text.isupper():
                break
            if TASK_VERB_RE.match(fold_aligned(line.text.lstrip(" \t*").lower())):
                break
            end = line.cend
        return end

    def _units_of_points(self, item: Item) -> list[tuple[str, Span]]:
        """The units that head an item's lettered sub-points ("a) Bộ Nội vụ, cơ quan chủ trì …:",
        "b) Các bộ, các tỉnh:"), for an item whose heading names only its topic."""
        units: list[tuple[str, Span]] = []
        for line in self.lines.lines(item.title_span[1] + 1, item.span[1], 200):
            point = LETTERED_POINT_RE.match(line.text)
            if point is None or ":" not in line.text:
                continue
            units.extend(
                self._units_from_heading(line.cstart + point.end(), line.cend, sentence=True)
            )
        return units

    def _phan_cong(self, item: Item) -> Assignment | None:
        text = self.text
        # Units and a period come only from a line (after the first) that PHAN_CONG_LINE_RE, PERIOD_LINE_RE
        # or UNIT_ROLE_LINE_RE matches; one scan for such line starts settles most items, and on the
        # other lines those three patterns are not tried.
        hinted = {
            m.start() + 1 for m in ASSIGNMENT_HINT_RE.finditer(text, item.span[0], item.span[1])
        }
        if not hinted:
            return None
        # (a unit or period line the source wrapped is read whole: "- Cơ quan thực hiện: Sở Khoa"
        # / "học và Công nghệ; Sở Tư pháp; …")
        lines = list(
            join_wrapped(
                text, self.lines.lines(item.span[0], item.span[1], 5000)[1:], joins=_field_goes_on
            )
        )
        if self.footnote_starts:
            lines = [ln for ln in lines if not self._is_footnote(ln.start)]
        units: list[tuple[str, Span]] = []
        period: tuple[str, Span] | None = None
        active = False
        plus_block: list[Line] = []
        last_unit_line = False
        for line in lines:
            if not line.text:
                continue
            hint = line.start in hinted
            colon = hint and ":" in line.text  # PERIOD_LINE_RE and UNIT_ROLE_LINE_RE need one
            if hint and PHAN_CONG_LINE_RE.match(line.text):
                active = True
                rest = line.text.partition(":")[2]
                if rest.strip():
                    offset = line.cstart + line.text.index(":") + 1
                    units.extend(self._split_units(offset, line.cend))
                last_unit_line = False
                continue
            found_period = PERIOD_LINE_RE.match(line.text) if colon else None
            if found_period:
                value = field_value(line.text[found_period.end() :]).rstrip(" .;,")
                # the item's own period comes first; later ones are its sub-points'
                if value and period is None:
                    period = (value, (line.cstart + found_period.end(), line.cend))
                if not active and plus_block:
                    for unit_line in plus_block:
                        units.extend(self._unit_line(unit_line))
                active = False
                plus_block = []
                last_unit_line = False
                continue
            # the bullet matters only in a "Phân công" block, and outside one only when its
            # marker is "+" (a "+" block before a period line)
            bullet = BULLET_RE.match(line.text) if active or "+" in line.text else None
            marker = (bullet.group(2) or bullet.group(1)) if bullet else None
            if colon and UNIT_ROLE_LINE_RE.match(line.text):
                if COOPERATING_LINE_RE.match(line.text):
                    # "Cơ quan phối hợp:", a field of the plan's form beside "Cơ quan chủ trì:" /
                    # "Cơ quan thực hiện:": the units that help, not those the work is assigned
                    # to (a "Phân công" block's "+ Phối hợp:" shares the work out: still read)
                    last_unit_line = False
                    plus_block = []
                    continue
                units.extend(self._unit_line(line))
                last_unit_line = True
                continue
            if active and bullet:
                body = bullet.group(3) or ""
                if (
                    last_unit_line
                    and units
                    and marker == "-"
                    and ":" not in body
                    and len(body.split()) <= 3
                    and body[:1].isupper()
                ):
                    # a unit name cut by a page break: "Phòng Thông tin - Báo chí" / "- Xuất bản."
                    name, span = units[-1]
                    units[-1] = (
                        name + " - " + field_value(body).rstrip(" .;,"),
                        (span[0], line.cend),
                    )
                    continue
                units.extend(self._unit_line(line))
                last_unit_line = True
                continue
            if active and not bullet:
                active = False
            last_unit_line = False
            plus_block = [*plus_block, line] if marker == "+" else []
        if not units:
            return None  # a period alone ("Thời gian: Duy trì thường xuyên …") assigns no one
        names: list[str] = []
        spans: list[Span] = []
        for name, span in units:
            if name not in names:
                names.append(name)
                spans.append(span)
        return Assignment(
            item.section,
            item.label,
            names,
            period[0] if period else None,
            spans,
            period[1] if period else None,
        )

    def _unit_line(self, line: Line) -> list[tuple[str, Span]]:
        body_start = line.cstart
        bullet = BULLET_RE.match(line.text)
        if bullet and bullet.group(3):
            body_start = line.cstart + bullet.start(3)
        colon = self.text.find(":", body_start, line.cend)
        if colon >= 0:
            body_start = colon + 1
        return self._split_units(body_start, line.cend)

    def _split_units(self, start: int, end: int) -> list[tuple[str, Span]]:
        """Units listed in a "Phân công" or "Cơ quan thực hiện" line: split at commas,
        semicolons, "phối hợp với" and a "và" before a new body's name. They end where the
        sentence's task starts (a task verb: "Sở Nội vụ chủ trì tham mưu …", "… chủ động tổ
        chức …") or a limiting phrase ("theo chức năng …", "trong phạm vi …"); the next clause
        after a ";" names its own subjects ("…; Sở Tư pháp và … chủ động tổ chức …")."""
        text = self.text
        out: list[tuple[str, Span]] = []
        pieces: list[tuple[int, int, bool]] = []  # (start, end, a ";" or the end follows)
        pos = start
        seps = [
            (start + m.start(), start + m.end())
            for m in UNIT_SEPARATOR_RE.finditer(self.folded[start:end])
        ]
        seps.extend((m.start(), m.end()) for m in _AND_BODY_RE.finditer(text, start, end))
        seps.sort()
        for at, after in seps:
            if at < pos:
                continue
            if text[at] == "," and (
                comma_in_name(text, at)
                or self._continues_name(after, end)
                or self._kinds_go_on(pos, at, after, end)
            ):
                continue
            pieces.append((pos, at, text[at] == ";"))
            pos = after
        pieces.append((pos, end, True))
        ended = False  # the clause's task has started: its units are read
        for a, b, clause_end in pieces:
            if ended:
                ended = not clause_end
                continue
            cut = self._units_end(a, b)
            if cut is not None:
                b = cut
                ended = not clause_end
            value = text[a:b]
            value = UNIT_ROLE_TAIL_RE.sub("", value)
            value = field_value(value).strip(" .;,:*")
            value = LEADING_AND_RE.sub("", value)
            if value and len(value.split()) <= 20:
                lead = len(text[a:b]) - len(text[a:b].lstrip(" \t\n*"))
                out.append((value, (a + lead, a + lead + len(value))))
        return out

    def _units_end(self, start: int, end: int) -> int | None:
        """Where a unit list's piece stops naming a unit: a task verb in small letters after
        the name ("Sở Nội vụ tiến hành rà soát …") or a limiting phrase ("Các sở, ngành có
        liên quan theo chức năng …")."""
        raw = self.text[start:end]
        folded = self.folded[start:end].lower()
        lead = len(raw) - len(raw.lstrip(" \t\n*+-•"))
        opening = self._first_verb(folded, lead, raw.lower())
        if opening is not None and opening[0] == lead:
            return start  # a task that opens the piece ("Hướng dẫn người xin vào Đảng …")
        verb = self._first_verb(folded, 0, raw)
        limit = _UNIT_LIMIT_RE.search(raw)
        cuts = [
            c
            for c in (verb[0] if verb else None, limit.start() if limit else None)
            if c is not None
        ]
        return start + min(cuts) if cuts else None

    def _kinds_go_on(self, pos: int, at: int, after: int, end: int) -> bool:
        """After a comma: "các sở, ban, ngành", "các cơ quan, đơn vị" — the kinds of bodies
        one plural names, in small letters, are one unit ("các" starts the next)."""
        piece = self.text[pos:at].strip(" \t\n*")
        nxt = self.text[after : min(end, after + 12)].lstrip(" \t\n")
        return (
            bool(_PLURAL_KINDS_RE.fullmatch(piece))
            and nxt[:1].islower()
            and not (_PLURAL_RE.match(nxt))
        )

    def _continues_name(self, pos: int, end: int) -> bool:
        """After a comma: a lower-case word that does not start a unit ("Phòng Phổ biến, giáo
        dục pháp luật") continues the name; "các đoàn thể", "phòng X" start a new one."""
        while pos < end and self.text[pos] in " \t":
            pos += 1
        if pos >= end or not self.text[pos].islower():
            return False
        folded = self.folded[pos : min(end, pos + 20)].lower()
        return not (UNIT_START_RE.match(folded) or _KIND_START_RE.match(folded))

    def _units_from_heading(
        self, start: int, end: int, *, sentence: bool = False
    ) -> list[tuple[str, Span]]:
        """Units an item of "Tổ chức thực hiện" names: "Văn phòng Sở", "Các phòng, đơn vị thuộc
        Sở: Theo dõi ...", "Ban X phối hợp với Ban Y tham mưu ...", "Đề nghị A, B: ..."."""
        text = self.text
        end = min(end, start + 400)  # the units come first; a long task text adds nothing
        raw = text[start:end]
        head = raw.replace("*", " ").replace("\n", " ")  # markers blanked, offsets kept
        # Lower-casing and folding an NFC text map each character on its own, and in either
        # order, except "İ" (two characters in lower case) and "Σ" (its lower case depends on
        # the next letter). Without them, the folds of parts of ``head`` are slices of one.
        # (Folding first leaves mostly ASCII, which lower-cases faster.)
        per_char = "İ" not in head and "Σ" not in head
        fhead = fold_aligned(head).lower()
        offset = 0
        prefix = ASSIGNEE_PREFIX_RE.match(fhead)
        if prefix is None and not sentence:
            # a leading adverbial before the subject: "Căn cứ nội dung Kế hoạch …, các sở, ngành
            # và Ủy ban nhân dân các xã … có trách nhiệm …" (the subject a unit's name)
            lead = _LEADING_ADVERBIAL_RE.match(fhead)
            if lead and UNIT_START_RE.match(fhead, lead.end()):
                prefix = lead
        if prefix:
            against = prefix.group().strip().startswith("doi")
            offset = prefix.end()
            if against:
                value = PARENTHESIS_RE.sub("", head[offset:])
                value = field_value(value).rstrip(" .:;,")
                return [(value, (start + offset, end))] if value else []
        # an unnumbered paragraph: only when it starts with a unit's name
        if sentence and not prefix and not UNIT_START_RE.match(fhead):
            return []
        colon = head.find(":", offset)
        if 0 <= colon <= offset + 150:
            part = head[offset:colon]
            fpart = fhead[offset:colon] if per_char else fold_aligned(part.lower())
            if not self._first_verb(fpart, 0, part) and len(part.split()) <= 25:
                return self._capital_split(start + offset, part)
        masked = PARENTHESIS_RE.sub(blank_out, head)
        if not per_char:
            fmasked = fold_aligned(masked.lower())
        elif masked is head:  # (``sub`` returns its argument when nothing matched)
            fmasked = fhead
        else:  # "(", ")" and "\n" fold to themselves: the same spans match in ``fhead``
            fmasked = PARENTHESIS_RE.sub(blank_out, fhead)
        verb = self._first_verb(fmasked, offset, masked)
        if verb is None:
            if len(masked[offset:].split()) <= 12 and not sentence:
                return self._capital_split(start + offset, masked[offset:].rstrip(" .:;"))
            return []
        subject = masked[offset : verb[0]]
        if _ONLY_VERBS_RE.fullmatch(fmasked[offset : verb[0]].strip(" \t*")):
            return []  # the item opens on its task ("Kịp thời tổ chức …"): it names no unit
        if TOPIC_NOUN_RE.fullmatch(fmasked[offset : verb[0]].strip(" \t*")):
            return []  # "Trách nhiệm thực hiện", "Kinh phí thực hiện": a topic, not a unit
        # "Bộ Nội vụ, cơ quan chủ trì …": the role after the comma is no second unit
        apposition = ROLE_APPOSITION_RE.search(subject)
        # ("Các cơ quan, đơn vị được giao …": the kinds one plural names, no apposition)
        if apposition and not _PLURAL_KINDS_RE.fullmatch(subject.strip(" \t*")):
            subject = subject[: apposition.start()]
        # "Các đồng chí chi ủy viên theo lĩnh vực được ...": the units end before "theo"
        qualifier = QUALIFIER_RE.search(subject)
        if qualifier:
            subject = subject[: qualifier.start()]
        units = self._capital_split(start + offset, subject)
        if not units or len(subject.split()) > 20:
            return []
        # "A phối hợp với B ...": B's units join A's ("A phối hợp" ending the text names none)
        with_at = COOPERATE_WITH_RE.match(fmasked, verb[0])
        if with_at:
            obj_start = with_at.end()
            nxt = self._first_verb(fmasked, obj_start, masked)
            obj_end = nxt[0] if nxt else len(masked)
            obj = masked[obj_start:obj_end]
            if obj.strip() and len(obj.split()) <= 15:
                units.extend(self._capital_split(start + obj_start, obj))
        return units

    @staticmethod
    def _first_verb(
        fhead: str, pos: int = 0, original: str | None = None
    ) -> tuple[int, int] | None:
        """First task verb in lower case ("Ủy ban Kiểm tra" is a name, "kiểm tra" a verb)."""
        for match in TASK_VERB_RE.finditer(fhead, pos):
            if original is not None and original[match.start()].isupper():
                continue
            if (
                original is not None
                and match.group() in _FOLDED_AMBIGUOUS
                and original[match.start() : match.end()].lower()
                != _FOLDED_AMBIGUOUS[match.group()]
            ):
                continue  # "cán sự", "cán bộ" fold to the "cần" of a task
            if (
                original is not None
                and match.group() not in _PREDICATES
                and _head_before(original, match.start())
            ):
                continue  # the task a body is named by: "Trưởng Ban xây dựng Đảng"
            if match.group() == "to chuc":
                before = fhead[max(0, match.start() - 5) : match.start()]
                if TO_CHUC_NOUN_RE.match(fhead, match.end()) or before.endswith(
                    ("cac ", "va ", ", ")
                ):
                    continue
            if match.group() == "phoi hop" and match.start() == pos:
                return match.start(), match.end()
            return match.start(), match.end()
        return None

    def _capital_split(self, start: int, part: str) -> list[tuple[str, Span]]:
        """Split a list of units at commas or semicolons followed by a capital letter (a new
        name), keeping "Các phòng, đơn vị thuộc Sở" whole."""
        out: list[tuple[str, Span]] = []
        pieces: list[tuple[int, int]] = []
        pos = 0
        seps = [
            (sep.start(), sep.end())
            for sep in LIST_SEPARATOR_RE.finditer(part)
            if part[sep.end()].isupper()
            and not (
                (comma := part.find(",", sep.start(), sep.end())) >= 0
                and comma_in_name(part, comma)
            )
        ]
        # "và" before a new body's capitalised name: "Thủ trưởng các sở, ban, ngành và Ủy ban
        # nhân dân …" (before "các" it may join what one complement qualifies: "Văn phòng và các
        # ban của Đảng ủy Khối", "Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội")
        seps.extend(
            (m.start(), m.end())
            for m in _AND_BODY_RE.finditer(part)
            if part[m.end() : m.end() + 1].isupper()
        )
        for sep_start, sep_end in sorted(seps):
            if sep_start >= pos:
                pieces.append((pos, sep_start))
                pos = sep_end
        pieces.append((pos, len(part)))
        for a, b in pieces:
            chunk = part[a:b]
            value = field_value(chunk).strip(" .:;,")
            value = LEADING_AND_RE.sub("", value)
            if value and value[0].isalpha():
                lead = len(chunk) - len(chunk.lstrip(" \t*"))
                out.append((value, (start + a + lead, start + a + lead + len(value))))
        return out


# Task verbs whose folded form is also another word's: the verb only as written so ("cần",
# not the "cán" of "Ban cán sự đảng").
_FOLDED_AMBIGUOUS = {"can": "cần"}
# A "và" before a new body's name (original text): "Sở Tư pháp và các sở …", "… báo chí và Ủy
# ban nhân dân …"; not before the second part of one name ("Đài Phát thanh và Truyền hình",
# "Sở Khoa học và Công nghệ": a head word that is also a common noun's first syllable, "Công",
# "Xã", is no new body here), nor "và các đơn vị liên quan" (a tail, UNIT_ROLE_TAIL_RE).
_AND_BODY_RE = re.compile(
    r"[ \t\n]+và[ \t\n]+(?=(?:các|những|cơ[ \t]+quan|Ủy[ \t]+ban|Uỷ[ \t]+ban|UBND|HĐND|Hội[ \t]+đồng|Sở|Ban"
    r"|Bộ|Phòng|Đài|Báo|Văn[ \t]+phòng|Trung[ \t]+tâm|Đảng[ \t]+[uủ]y|Đảng[ \t]+uỷ|Mặt[ \t]+trận|Công[ \t]+an"
    r"|Thường[ \t]+trực|Chi[ \t]+bộ|Đoàn|Viện|Cục|Tòa|Toà|Bảo[ \t]+hiểm|Ngân[ \t]+hàng)(?!\w))"
    r"(?!các[ \t]+đơn[ \t]+vị[ \t]+liên[ \t]+quan)"
)
# What limits the units a list names and ends it (original text): "theo chức năng …", "được
# giao …", "trong phạm vi …" (as QUALIFIER_RE ends a sentence's subject).
_UNIT_LIMIT_RE = re.compile(
    r"(?<!\w)(?:theo|được|đã|sẽ|trong[ \t\n]+phạm[ \t\n]+vi)(?!\w)", re.IGNORECASE
)
# "các" or "những" and the kinds of bodies after it in small letters: "các sở, ban", "các cơ
# quan, đơn vị".
_PLURAL_KINDS_RE = re.compile(r"(?:và[ \t]+)?(?:[cC]ác|[nN]hững)(?:,?[ \t\n]+[^\W\d_A-ZĐÂĂÊÔƠƯ]+)+")
_PLURAL_RE = re.compile(r"(?:các|những)(?!\w)")
# Kinds of bodies in small letters that start a unit after a comma (folded): "cơ quan thông tấn
# báo chí" after "Đài Phát thanh và Truyền hình Thành phố, ".
_KIND_START_RE = re.compile(r"(?:co[ \t]+quan|don[ \t]+vi|dia[ \t]+phuong)\b")
# A field line naming the units that help (original text): "- Cơ quan phối hợp:", "Phối hợp:".
COOPERATING_LINE_RE = vi_regex(r"^[-+•*\s]*(?:don[ \t]+vi|co[ \t]+quan)[ \t]+phoi[ \t]+hop[ \t]*:")


def _field_goes_on(last: str, content: str) -> bool:
    """Whether ``content`` goes on with ``last`` in an item's lines: as a paragraph does
    (:func:`vanban.normalize.continues`), or when ``last`` is a field line ("- Cơ quan chủ trì:
    Sở Nội vụ, Sở" / "Giáo dục và Đào tạo, …", "- Thời gian thực hiện: Quý" / "IV năm 2025 …")
    whose value does not end there and ``content`` is no list entry: a plan's field runs on to
    the next field, wherever the source broke its line."""
    if continues(last, content):
        return True
    if last[-1] in ".:;!?…" or _LIST_START.match(content) or ":" not in last:
        return False
    if not last.partition(":")[2].strip(" *"):
        return False
    return bool(
        PHAN_CONG_LINE_RE.match(last) or UNIT_ROLE_LINE_RE.match(last) or PERIOD_LINE_RE.match(last)
    )


# Verbs a body's head word may take as its own predicate ("Ban chủ trì, phối hợp …"), not as
# the task in its name (folded).
_PREDICATES = frozenset(
    ["chu tri", "phoi hop", "thuc hien", "co trach nhiem", "chiu trach nhiem", "can", "phai"]
)


_POST_TITLES = frozenset(["Trưởng", "Phó", "trưởng", "phó"])  # "Trưởng ban", "Phó ban"


def _head_before(original: str, pos: int) -> bool:
    """Whether the words before ``pos`` are a post's title and a body's head word ("Trưởng Ban",
    "Phó Trưởng ban" before "xây dựng Đảng"): the office-holder of a body named by its task,
    so the verb right after is that name's ("Văn phòng Sở theo dõi …" is a body and its task)."""
    before = original[max(0, pos - 30) : pos]
    if not before.endswith((" ", "\t")):
        return False
    words = before.split()
    return len(words) >= 2 and words[-1].capitalize() in BODY_HEADS and words[-2] in _POST_TITLES


# An adverbial that may open a sentence before its subject, up to its comma (folded):
# "Căn cứ nội dung Kế hoạch và tình hình thực tiễn, ", "Trên cơ sở …, ".
_LEADING_ADVERBIAL_RE = re.compile(
    r"(?:[cC]an[ \t]+cu|[tT]ren[ \t]+co[ \t]+so)[^,.;:]{1,120},[ \t]+"
)


# Words of a task only (folded): what stands before the first verb when no unit is named.
_ONLY_VERBS_RE = re.compile(rf"(?:{TASK_VERB_RE.pattern}[ \t,]*)+")


def units_named(sentence: str) -> list[str]:
    """The units a sentence starts with, read as an item of "Tổ chức thực hiện" is read: "Ban
    Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Văn phòng … theo dõi" → the two units; "Giao Ban Tổ
    chức Tỉnh ủy theo dõi …" → Ban Tổ chức Tỉnh ủy; a sentence that starts with no unit → []."""
    from vanban.normalize import normalize_text

    text = normalize_text(sentence.split("\n", 1)[0])
    if not text.strip():
        return []
    parser = AssignmentParser(text, ParsedDocument(text=text))
    return [name for name, _ in parser._units_from_heading(0, len(text), sentence=True)]
