"""Who is assigned the work: the units after "Phân công thực hiện" in an item and the period
after "Thời gian thực hiện", or the units the items (or paragraphs) of the "Tổ chức thực hiện"
section name."""

from __future__ import annotations

import re

from vanban.body_names import comma_in_name
from vanban.lines import Line, blank_out, field_value, join_wrapped
from vanban.model import Assignment, Item, ParsedDocument, Span
from vanban.normalize import fold_aligned
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
                    units = self._units_from_heading(item.title_span[0], item.title_span[1])
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
        lines = list(join_wrapped(text, self.lines.lines(item.span[0], item.span[1], 5000)[1:]))
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
                if value:
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
        if not units and period is None:
            return None
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
        """Units listed in a "Phân công" line: split at commas, semicolons and "phối hợp với"."""
        text = self.text
        out: list[tuple[str, Span]] = []
        pieces: list[tuple[int, int]] = []
        pos = start
        for sep in UNIT_SEPARATOR_RE.finditer(
            self.folded[start:end],
        ):
            at = start + sep.start()
            if text[at] == "," and (
                comma_in_name(text, at) or self._continues_name(start + sep.end(), end)
            ):
                continue
            pieces.append((pos, start + sep.start()))
            pos = start + sep.end()
        pieces.append((pos, end))
        for a, b in pieces:
            value = text[a:b]
            value = UNIT_ROLE_TAIL_RE.sub("", value)
            value = field_value(value).strip(" .;,:*")
            value = LEADING_AND_RE.sub("", value)
            if value and len(value.split()) <= 20:
                lead = len(text[a:b]) - len(text[a:b].lstrip(" \t*"))
                out.append((value, (a + lead, a + lead + len(value))))
        return out

    def _continues_name(self, pos: int, end: int) -> bool:
        """After a comma: a lower-case word that does not start a unit ("Phòng Phổ biến, giáo
        dục pháp luật") continues the name; "các đoàn thể", "phòng X" start a new one."""
        while pos < end and self.text[pos] in " \t":
            pos += 1
        if pos >= end or not self.text[pos].islower():
            return False
        return not UNIT_START_RE.match(self.folded[pos : min(end, pos + 20)].lower())

    def _units_from_heading(
        self, start: int, end: int, *, sentence: bool = False
    ) -> list[tuple[str, Span]]:
        """Units an item of "Tổ chức thực hiện" names: "Văn phòng Sở", "Các phòng, đơn vị thuộc
        Sở: Theo dõi ...", "Ban X phối hợp với Ban Y tham mưu ...", "Đề nghị A, B: ..."."""
        text = self.text
        end = min(end, start + 400)  # the units come first; a long task text adds nothing
        raw = text[start:end]
        head = raw.replace("*", " ")  # markdown markers blanked, offsets kept
        # Lower-casing and folding an NFC text map each character on its own, and in either
        # order, except "İ" (two characters in lower case) and "Σ" (its lower case depends on
        # the next letter). Without them, the folds of parts of ``head`` are slices of one.
        # (Folding first leaves mostly ASCII, which lower-cases faster.)
        per_char = "İ" not in head and "Σ" not in head
        fhead = fold_aligned(head).lower()
        offset = 0
        prefix = ASSIGNEE_PREFIX_RE.match(fhead)
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
        if apposition:
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
        for sep in LIST_SEPARATOR_RE.finditer(part):
            comma = part.find(",", sep.start(), sep.end())
            if part[sep.end()].isupper() and not (comma >= 0 and comma_in_name(part, comma)):
                pieces.append((pos, sep.start()))
                pos = sep.end()
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
