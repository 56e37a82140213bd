"""What the parts of the parser share: the text, the document being filled, what each part
found for the next ones, and the limits that keep the work linear in the length of the text."""

from __future__ import annotations

import re

from vanban.citations import Citation
from vanban.lines import LineMatch, LineTable
from vanban.model import ParsedDocument, Section, Span
from vanban.normalize import FoldedView
from vanban.patterns import TREN_DAY_LA_RE

MAX_SECTIONS = 100
MAX_ITEMS = 2000
MAX_FOOTNOTES = 500
MAX_CITATIONS = 5000
HEADER_LINES = 60
HEADER_FIRST_LINES = 20
HEADER_CHARS = 20_000
TAIL_LINES = 90
BODY_END_TAIL = 3000  # characters from the end where "Nơi nhận" is looked for first


class ParserState:
    """The text, its folded view and the document. Each part of the parser (a subclass in
    :mod:`vanban.header`, :mod:`vanban.structure`, :mod:`vanban.opening`,
    :mod:`vanban.assignments`, :mod:`vanban.signature`) reads here what an earlier part found;
    :class:`vanban.parser._Parser` combines the parts and runs them in order."""

    def __init__(self, text: str, doc: ParsedDocument) -> None:
        self.text = text
        self.folded = FoldedView(text)
        self.lines = LineTable(text)  # every part reads its lines from here
        self.doc = doc
        self.spans: dict[str, object] = {}
        self.page_start = 0  # where the document begins below a page's own matter
        self.body_start = 0
        self.body_end = len(text)
        self.doc_end = len(text)  # where the attachments after the signature begin
        self.title_end = 0
        self.footnote_starts: set[int] = set()
        self.number_span: Span | None = None
        self.header_issuer: tuple[str, Span] | None = None
        # the signing time of an e-signature stamp printed above the header
        self.leading_stamp: re.Match[str] | None = None
        # the body an old heading names after "CỦA" ("NGHỊ QUYẾT SỐ … / CỦA ỦY BAN …")
        self.heading_body: str | None = None
        self.is_article = False
        self.noi_nhan: LineMatch | None = None
        self.section_bounds: list[tuple[Section, int, int]] = []
        self.citations: list[Citation] = []
        # a signer's name the flattened two-column footer left at a recipient line's end
        self.name_beside_recipients: tuple[str, Span] | None = None
        # the signer's title the flattened footer left on the "Nơi nhận:" line ("Nơi nhận: CHỦ
        # TỊCH"), after OCR's debris of the seal if any
        self.title_beside_recipients: tuple[str, Span] | None = None

    def _is_footnote(self, line_start: int) -> bool:
        return line_start in self.footnote_starts

    def _cut_end(self, start: int, stop: int) -> int:
        """End of an item: before "Trên đây là ..." and before the signature."""
        found = TREN_DAY_LA_RE.search(self.text, start, stop)
        if found:
            stop = found.start()
        while stop > start and self.text[stop - 1] in " \t\n":
            stop -= 1
        return stop
