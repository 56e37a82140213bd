"""Rich text (``core.richtext``) written into a .docx document, formatting kept: paragraphs with
bold, italic and underlined runs, line breaks, bulleted and numbered lists (Word's own list
styles, each numbered list starting again at 1, nested lists one style level deeper), the two
small headings, quotations, and links with their address written after the text (a printed page
cannot be clicked).

:func:`blocks` reads the HTML — always sanitised first, with the standard library's parser —
into :class:`Block`\\ s of :class:`Run`\\ s; :func:`write` adds them to an ``OfficialDocument``
(``core/official_docx.py``) in its body font and size. The PDF made by LibreOffice from the .docx
shows the same formatting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from .official_docx import OfficialDocument, set_run
from .richtext import to_html

LINE_BREAK = "\n"


@dataclass(frozen=True)
class Run:
    text: str  # LINE_BREAK for a line break
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass
class Block:
    """One paragraph of the document. ``kind``: "paragraph", "heading" (h3), "subheading" (h4),
    "quote", "bullet" or "number"; ``level``: how deep in lists (0 outside or in a top list);
    ``list_id``: which list a "number" item belongs to (numbering starts again with each list);
    ``continued``: a further paragraph of a list item, indented, with no mark of its own."""

    kind: str
    level: int = 0
    list_id: int = 0
    continued: bool = False
    runs: list[Run] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


_MARKS = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic", "u": "underline"}


@dataclass
class _ListState:
    kind: str  # "bullet" | "number"
    list_id: int
    item_started: bool = False  # the current <li> has its first paragraph already


class _BlockReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.current: Block | None = None
        self.marks = {"bold": 0, "italic": 0, "underline": 0}
        self.lists: list[_ListState] = []
        self.quote = 0
        self.links: list[tuple[str, int]] = []  # (href, length of the text when the link opened)
        self.list_count = 0

    # blocks -------------------------------------------------------------------------------------

    def _open(self, kind: str | None = None) -> Block:
        self._close()
        if kind is None:
            if self.lists and not self.lists[-1].item_started:
                state = self.lists[-1]
                state.item_started = True
                kind = state.kind
                block = Block(kind, level=len(self.lists) - 1, list_id=state.list_id)
            elif self.lists:
                block = Block("paragraph", level=len(self.lists) - 1, continued=True)
            else:
                block = Block("quote" if self.quote else "paragraph")
        else:
            block = Block(kind)
        self.current = block
        return block

    def _close(self) -> None:
        if self.current is not None:
            runs = self.current.runs
            while runs and runs[-1].text == LINE_BREAK:  # a trailing break prints nothing
                runs.pop()
            if runs and runs[-1].text != runs[-1].text.rstrip():
                last = runs.pop()
                runs.append(Run(last.text.rstrip(), last.bold, last.italic, last.underline))
            if self.current.text.strip():
                self.blocks.append(self.current)
            elif self.current.kind in {"bullet", "number"} and self.lists:
                self.lists[-1].item_started = False  # an empty first paragraph: not the item's
            self.current = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _MARKS:
            self.marks[_MARKS[tag]] += 1
        elif tag == "p":
            self._open()
        elif tag in {"h3", "h4"}:
            self._open("heading" if tag == "h3" else "subheading")
        elif tag in {"ul", "ol"}:
            self._close()
            self.list_count += 1
            self.lists.append(_ListState("bullet" if tag == "ul" else "number", self.list_count))
        elif tag == "li":
            self._close()
            if self.lists:
                self.lists[-1].item_started = False
        elif tag == "blockquote":
            self._close()
            self.quote += 1
        elif tag == "br":
            self._add(LINE_BREAK)
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.links.append((href, len(self.current.text) if self.current else 0))

    def handle_endtag(self, tag: str) -> None:
        if tag in _MARKS:
            self.marks[_MARKS[tag]] = max(0, self.marks[_MARKS[tag]] - 1)
        elif tag in {"p", "h3", "h4", "li"}:
            self._close()
        elif tag in {"ul", "ol"}:
            self._close()
            if self.lists:
                self.lists.pop()
        elif tag == "blockquote":
            self._close()
            self.quote = max(0, self.quote - 1)
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            shown = self.current.text[start:] if self.current else ""
            address = href.removeprefix("mailto:")
            if href and self.current is not None and address.strip() != shown.strip():
                self.current.runs.append(Run(f" ({address})"))

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if data[:1].isspace() and text:
            text = " " + text
        if data[-1:].isspace() and text:
            text += " "
        if not text.strip() and self.current is None:
            return  # spaces between blocks
        self._add(text)

    def _add(self, text: str) -> None:
        block = self.current or self._open()
        starts_line = not block.runs or block.runs[-1].text == LINE_BREAK
        if text != LINE_BREAK and starts_line:
            text = text.lstrip()
        if not text:
            return
        run = Run(
            text,
            bold=self.marks["bold"] > 0 or block.kind in {"heading", "subheading"},
            italic=self.marks["italic"] > 0 or block.kind in {"subheading", "quote"},
            underline=self.marks["underline"] > 0,
        )
        block.runs.append(run)

    def close(self) -> None:
        super().close()
        self._close()


def blocks(value: str) -> list[Block]:
    """The paragraphs of a stored rich text (sanitised first; old plain text as paragraphs)."""
    reader = _BlockReader()
    reader.feed(str(to_html(value)))
    reader.close()
    return reader.blocks


# --- writing ----------------------------------------------------------------------------------

_LIST_STYLES = {
    "bullet": ("List Bullet", "List Bullet 2", "List Bullet 3"),
    "number": ("List Number", "List Number 2", "List Number 3"),
}


def _restart_numbering(styles: Any, style_name: str, numbering: Any) -> int:
    """A numbering instance of the style's list definition starting at 1 (Word continues a
    style's numbering through the whole document otherwise); its id."""
    style_num_id = styles[style_name].element.pPr.numPr.numId.val
    abstract_id = numbering.num_having_numId(style_num_id).abstractNumId.val
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(num.numId)


def _set_numbering(paragraph: Paragraph, num_id: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def write(draft: OfficialDocument, value: str) -> list[Paragraph]:
    """Add the rich text ``value`` to ``draft``'s body; the paragraphs written."""
    doc = draft.doc
    size = draft.body_size
    numbering = doc.part.numbering_part.element
    numbered: dict[int, int] = {}  # our list id → the docx numbering instance
    written: list[Paragraph] = []
    for block in blocks(value):
        if block.kind in _LIST_STYLES:
            style = _LIST_STYLES[block.kind][min(block.level, 2)]
            paragraph = doc.add_paragraph(style=style)
            if block.kind == "number":
                if block.list_id not in numbered:
                    numbered[block.list_id] = _restart_numbering(doc.styles, style, numbering)
                _set_numbering(paragraph, numbered[block.list_id])
        else:
            paragraph = doc.add_paragraph()
            fmt = paragraph.paragraph_format
            if block.kind == "quote":
                fmt.left_indent = Mm(12.7)
            elif block.continued:
                fmt.left_indent = Mm(12.7 * (block.level + 1))
            else:
                fmt.first_line_indent = Mm(12.7)
            if block.kind in {"heading", "subheading"}:
                fmt.keep_with_next = True
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.space_after = Pt(6)
        paragraph.paragraph_format.space_before = Pt(0)
        for run in block.runs:
            if run.text == LINE_BREAK:
                set_run(paragraph.add_run(), size).add_break()
                continue
            set_run(
                paragraph.add_run(run.text),
                size,
                bold=run.bold,
                italic=run.italic,
                underline=run.underline,
            )
        written.append(paragraph)
    return written
