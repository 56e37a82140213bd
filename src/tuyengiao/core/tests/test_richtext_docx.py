"""Rich text into .docx (core.richtext_docx): the HTML read into paragraphs of runs, and written
with bold/italic/underline runs, Word's bulleted and numbered lists (each numbered list from 1),
the small headings, quotations, line breaks and link addresses."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document as DocxDocument
from docx.oxml.ns import qn

from tuyengiao.core import richtext_docx
from tuyengiao.core.official_docx import Letterhead, start
from tuyengiao.core.richtext_docx import LINE_BREAK, Block, Run
from tuyengiao.orgs.letterhead import letterhead_for
from tuyengiao.testing import SOFFICE, Tree, convert_to_pdf

HTML = (
    "<h3>Nội dung chính</h3>"
    "<p>Chi bộ <strong>họp <em>đúng kỳ</em></strong>, <u>đủ</u> đảng viên<br>dòng hai "
    '<a href="https://tuyengiao.vn/bai">bài viết</a></p>'
    "<ul><li><p>Việc một</p><ul><li><p>Việc con</p></li></ul></li><li><p>Việc hai</p></li></ul>"
    "<ol><li><p>Bước một</p><p>giải thích thêm</p></li><li><p>Bước hai</p></li></ol>"
    "<ol><li><p>Lần hai, lại từ 1</p></li></ol>"
    "<blockquote><p>Trích nghị quyết</p></blockquote>"
    "<p><script>x()</script>hết</p>"
)


def test_the_html_is_read_into_paragraphs_of_runs() -> None:
    blocks = richtext_docx.blocks(HTML)
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        ("heading", 0, "Nội dung chính"),
        (
            "paragraph",
            0,
            "Chi bộ họp đúng kỳ, đủ đảng viên\ndòng hai bài viết (https://tuyengiao.vn/bai)",
        ),
        ("bullet", 0, "Việc một"),
        ("bullet", 1, "Việc con"),
        ("bullet", 0, "Việc hai"),
        ("number", 0, "Bước một"),
        ("paragraph", 0, "giải thích thêm"),
        ("number", 0, "Bước hai"),
        ("number", 0, "Lần hai, lại từ 1"),
        ("quote", 0, "Trích nghị quyết"),
        ("paragraph", 0, "hết"),  # the script went with the sanitiser
    ]
    assert blocks[1].runs[:6] == [
        Run("Chi bộ "),
        Run("họp ", bold=True),
        Run("đúng kỳ", bold=True, italic=True),
        Run(", "),
        Run("đủ", underline=True),
        Run(" đảng viên"),
    ]
    assert blocks[1].runs[6] == Run(LINE_BREAK)
    assert blocks[6].continued
    numbers = [b.list_id for b in blocks if b.kind == "number"]
    assert numbers[0] == numbers[1] != numbers[2]


def test_old_plain_text_is_read_as_paragraphs() -> None:
    assert richtext_docx.blocks("Một\ndòng\n\nHai") == [
        Block("paragraph", runs=[Run("Một"), Run(LINE_BREAK), Run("dòng")]),
        Block("paragraph", runs=[Run("Hai")]),
    ]


def test_the_docx_keeps_runs_lists_and_headings(tree: Tree) -> None:
    draft = start(letterhead_for(tree.bloc), "Hướng dẫn", "thử", date(2026, 12, 3))
    written = richtext_docx.write(draft, HTML)
    doc = DocxDocument(io.BytesIO(draft.finish(["Như trên"])))
    by_text = {p.text: p for p in doc.paragraphs}
    assert len(written) == 11

    heading = by_text["Nội dung chính"]
    assert all(r.bold for r in heading.runs) and heading.paragraph_format.keep_with_next
    first = next(p for p in doc.paragraphs if p.text.startswith("Chi bộ"))
    runs = [(r.text, bool(r.bold), bool(r.italic), bool(r.underline)) for r in first.runs]
    assert runs[:6] == [
        ("Chi bộ ", False, False, False),
        ("họp ", True, False, False),
        ("đúng kỳ", True, True, False),
        (", ", False, False, False),
        ("đủ", False, False, True),
        (" đảng viên", False, False, False),
    ]
    assert first.runs[6]._r.find(qn("w:br")) is not None  # the line break
    assert first.text.endswith("bài viết (https://tuyengiao.vn/bai)")
    assert all(r.font.name == "Times New Roman" for r in first.runs if r.text)

    def style(text: str) -> str:
        name = by_text[text].style.name  # type: ignore[union-attr]
        return str(name)

    assert style("Việc một") == style("Việc hai") == "List Bullet"
    assert style("Việc con") == "List Bullet 2"
    assert style("Bước một") == style("Bước hai") == style("Lần hai, lại từ 1") == "List Number"
    assert style("giải thích thêm") == "Normal"

    def num_id(text: str) -> str:
        return str(by_text[text]._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")[0])

    # one numbering per list, each starting again at 1
    assert num_id("Bước một") == num_id("Bước hai") != num_id("Lần hai, lại từ 1")
    numbering = doc.part.numbering_part.element
    for text in ("Bước một", "Lần hai, lại từ 1"):
        num = numbering.num_having_numId(int(num_id(text)))
        start_at = num.find(qn("w:lvlOverride")).find(qn("w:startOverride"))
        assert start_at.get(qn("w:val")) == "1"

    quote = by_text["Trích nghị quyết"]
    assert quote.runs[0].italic and quote.paragraph_format.left_indent is not None
    assert "hết" in by_text and "x()" not in "".join(by_text)


def test_the_pdf_made_by_libreoffice_shows_the_bold_run_and_the_numbers(tmp_path: Path) -> None:
    """The PDF of a bulletin is LibreOffice's rendering of the .docx: the bold run is set in the
    bold face, the numbered lists are numbered, the second from 1 again, the bullets marked."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: cannot lay the document out")
    from pypdf import PdfReader

    letterhead = Letterhead(
        kind="party",
        superior="ĐẢNG BỘ TỈNH BÌNH AN",
        issuer="ĐẢNG ỦY XÃ TÂN LẬP",
        name="Đảng ủy xã Tân Lập",
        code="ĐU",
        place="Tân Lập",
        on_behalf="T/M ĐẢNG ỦY",
        signer_title="BÍ THƯ",
    )
    draft = start(letterhead, "Hướng dẫn", "thử", date(2026, 12, 3))
    richtext_docx.write(draft, HTML)
    source = tmp_path / "rich.docx"
    source.write_bytes(draft.finish(["Như trên"]))
    convert_to_pdf(source)
    fonts: dict[str, set[str]] = {}

    def seen(text: str, _cm: Any, _tm: Any, font: Any, _size: Any) -> None:
        if text.strip() and font is not None:
            fonts.setdefault(text.strip(), set()).add(str(font.get("/BaseFont", "")))

    reader = PdfReader(str(tmp_path / "rich.pdf"))
    text = " ".join(p.extract_text(visitor_text=seen) for p in reader.pages)
    words = " ".join(text.split())
    assert "1. Bước một" in words and "2. Bước hai" in words
    assert "1. Lần hai, lại từ 1" in words
    # Word's bullet (the Symbol font's U+F0B7 in the default list style) before each item
    assert "\uf0b7 Việc một \uf0b7 Việc con \uf0b7 Việc hai" in words
    bold = {t for t, faces in fonts.items() if any("Bold" in f for f in faces)}
    assert any("họp" in t for t in bold), fonts
    assert not any(t.startswith("Chi bộ") and "họp" not in t for t in bold)
