"""Parse the text of a Vietnamese administrative document into a :class:`ParsedDocument`.

The parser follows the layout both official formats prescribe (Hướng dẫn 36-HD/VPTW for party
documents, Nghị định 30/2020/NĐ-CP for state documents)::

    <superior body>                 <national motto / "ĐẢNG CỘNG SẢN VIỆT NAM">
    <issuing body>                  <place>, ngày .. tháng .. năm ....
    Số: <symbol>
    <TYPE WORD>
    <trích yếu (title)>
    <opening: "Thực hiện <citation>, <issuer> xây dựng kế hoạch ...">
    I. <SECTION>  1. <item>  - <bullet>  + <bullet>
    Nơi nhận:  - <recipient>          T/M <BODY> / <TITLE> / <name>

Texts met in practice bend it: the two header columns interleaved on one line (pasted from PDF),
markdown bold markers, missing header, page breaks inside paragraphs, web articles. Matching is
done on a folded copy of the text (lower case, no diacritics, same offsets), so that case and tone
placement ("hòa"/"hoà") never matter; values are cut from the original text.

The parser is split by topic: :mod:`vanban.header` (type, number, date, bodies, title),
:mod:`vanban.structure` (footnotes, sections, items, the end of the body), :mod:`vanban.opening`
(citations, what the document carries out, its issuer), :mod:`vanban.assignments` and
:mod:`vanban.signature` (recipients and signature block), each a class over the shared
:mod:`vanban.state`; the regular expressions are named in :mod:`vanban.patterns`, the line
helpers are in :mod:`vanban.lines`.

Work is linear in the length of the text: the header and the signature block are looked for in a
bounded number of lines, the structure is found with precompiled line patterns, and every list
the parser builds is capped.
"""

from __future__ import annotations

from vanban.assignments import AssignmentParser
from vanban.header import HeaderParser
from vanban.lines import roman_to_int
from vanban.markup import read_markup
from vanban.model import ParsedDocument
from vanban.normalize import normalize_text
from vanban.opening import OpeningParser
from vanban.page import blank_before, document_start
from vanban.signature import SignatureParser
from vanban.structure import StructureParser


class _Parser(HeaderParser, StructureParser, OpeningParser, AssignmentParser, SignatureParser):
    """All the parts, run in the order in which each needs what the others found."""

    def run(self) -> None:
        self._footnotes()
        self._header()
        self._body_end()
        self._attachments()
        self._structure()
        self._references()
        if not self.is_article:
            self._opening()
            self._assignments()
            self._tail()
        else:
            self._implements()
        self.doc.spans = self.spans


def parse(text: str, source: str | None = None) -> ParsedDocument:
    """Parse the text of a document. Never raises on any input string."""
    text = read_markup(normalize_text(text))
    # a page's own matter above the document (a library's banner and table) is blanked, its
    # line breaks kept, so that every offset found holds for the text as given
    start = document_start(text)
    read = blank_before(text, start) if start else text
    doc = ParsedDocument(text=read, source=source)
    parser = _Parser(read, doc)
    parser.page_start = start
    parser.run()
    doc.text = text
    return doc


__all__ = ["parse", "roman_to_int"]
