"""Readers: .txt, .docx, .odt, .pdf, .html, .doc, and the guards against hostile files."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

import vanban
from vanban import ReadError, read
from vanban.legacy import tcvn3_encode

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(path: Path, body: str, numbering: str = "", footnotes: str = "") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f"<w:document {W_NS}><w:body>{body}</w:body></w:document>")
        if numbering:
            z.writestr("word/numbering.xml", f"<w:numbering {W_NS}>{numbering}</w:numbering>")
        if footnotes:
            z.writestr("word/footnotes.xml", f"<w:footnotes {W_NS}>{footnotes}</w:footnotes>")
    return path


def _p(text: str, extra: str = "", props: str = "") -> str:
    return f'<w:p>{props}<w:r>{extra}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def test_txt_in_legacy_encoding(tmp_path: Path) -> None:
    path = tmp_path / "kh.txt"
    path.write_bytes(
        tcvn3_encode("Số 30-KH/ĐUK\n\nKẾ HOẠCH\nĐổi mới công tác tư tưởng\n").encode("latin-1")
    )
    assert read(path) == "Số 30-KH/ĐUK\n\nKẾ HOẠCH\nĐổi mới công tác tư tưởng\n"


def test_docx_paragraphs_tables_numbering_footnotes(tmp_path: Path) -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
        '<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%2."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )

    def numbered(text: str, level: int) -> str:
        return _p(
            text,
            props=f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>',
        )

    header = (
        "<w:tbl><w:tr><w:tc>"
        + _p("ĐẢNG BỘ TỈNH BÌNH ĐỊNH")
        + _p("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH")
        + _p("Số 30-KH/ĐUK")
        + "</w:tc>"
        "<w:tc>"
        + _p("ĐẢNG CỘNG SẢN VIỆT NAM")
        + _p("Quy Nhơn, ngày 15 tháng 3 năm 2022")
        + "</w:tc></w:tr></w:tbl>"
    )
    body = (
        header
        + _p("KẾ HOẠCH")
        + _p("Đổi mới công tác tư tưởng")
        + numbered("MỤC ĐÍCH, YÊU CẦU", 0)
        + numbered("Mục đích", 1)
        + numbered("Yêu cầu", 1)
        + numbered("NHIỆM VỤ", 0)
        + numbered("Học tập", 1)
        + '<w:p><w:r><w:t>Theo Quy định</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>'
    )
    footnotes = '<w:footnote w:id="2"><w:p><w:r><w:t>Quy định số 85-QĐ/TW, ngày 07/10/2022.</w:t></w:r></w:p></w:footnote>'
    path = _docx(tmp_path / "kh.docx", body, numbering, footnotes)
    text = read(path)
    assert "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n2. Yêu cầu\nII. NHIỆM VỤ\n1. Học tập" in text
    assert "Theo Quy định¹" in text and "¹ Quy định số 85-QĐ/TW, ngày 07/10/2022." in text
    doc = vanban.parse(text)
    assert (doc.number, doc.place, doc.date) == ("30-KH/ĐUK", "Quy Nhơn", "2022-03-15")
    assert (doc.parent_issuer, doc.issuer) == (
        "ĐẢNG BỘ TỈNH BÌNH ĐỊNH",
        "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH",
    )
    assert [(i.section, i.label, i.title) for i in doc.items] == [
        ("I", "1", "Mục đích"),
        ("I", "2", "Yêu cầu"),
        ("II", "1", "Học tập"),
    ]
    assert [r.number for r in doc.references] == ["85-QĐ/TW"]


def test_docx_legacy_fonts(tmp_path: Path) -> None:
    run_font = '<w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr>'
    caps_font = '<w:rPr><w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/></w:rPr>'
    body = _p(tcvn3_encode("kế hoạch"), extra=caps_font) + _p(
        tcvn3_encode("Đổi mới công tác tư tưởng"), extra=run_font
    )
    assert read(_docx(tmp_path / "legacy.docx", body)) == "KẾ HOẠCH\nĐổi mới công tác tư tưởng"


def test_docx_made_by_python_docx(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Tuyên truyền")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Nơi nhận:"
    table.cell(0, 1).text = "T/M BAN THƯỜNG VỤ"
    path = tmp_path / "pd.docx"
    document.save(str(path))
    text = read(path)
    assert text.splitlines()[:2] == ["KẾ HOẠCH", "Tuyên truyền"]
    assert "Nơi nhận:" in text and "T/M BAN THƯỜNG VỤ" in text


def test_odt(tmp_path: Path) -> None:
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        "<text:p>KẾ HOẠCH</text:p><text:h>Về<text:s/>việc A</text:h>"
        "<text:p>Theo Nghị quyết<text:note><text:note-citation>1</text:note-citation><text:note-body>"
        "<text:p>Nghị quyết số 35-NQ/TW.</text:p></text:note-body></text:note> của Đảng</text:p>"
        "</office:text></office:body></office:document-content>"
    )
    path = tmp_path / "a.odt"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
    assert (
        read(path) == "KẾ HOẠCH\nVề việc A\nTheo Nghị quyết¹ của Đảng\n\n¹ Nghị quyết số 35-NQ/TW."
    )


def test_html_drops_scripts_and_navigation(tmp_path: Path) -> None:
    page = (
        "<html><head><meta charset='utf-8'><title>x</title><style>p{}</style></head><body>"
        "<nav>Trang chủ</nav><h1>“Đổi mới công tác tuyên giáo”</h1><script>var a=1;</script>"
        "<p>Ngày 05/9/2023, Ban Thường vụ&nbsp;Tỉnh ủy ban hành Kết luận số 88-KL/TU.</p></body></html>"
    )
    path = tmp_path / "a.html"
    path.write_text(page, encoding="utf-8")
    text = read(path)
    assert (
        text
        == "“Đổi mới công tác tuyên giáo”\n\nNgày 05/9/2023, Ban Thường vụ Tỉnh ủy ban hành Kết luận số 88-KL/TU.\n"
    )


def _pdf(path: Path, lines: list[str], pages: int = 1) -> Path:
    pypdf = pytest.importorskip("pypdf")
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = pypdf.PdfWriter()
    for _ in range(pages):
        page = writer.add_blank_page(width=595, height=842)
        if not lines:
            continue
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
        )
        ops = ["BT /F1 12 Tf 50 800 Td 14 TL"] + [f"({line}) Tj T*" for line in lines] + ["ET"]
        stream = DecodedStreamObject()
        stream.set_data("\n".join(ops).encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_pdf_with_text_layer(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "a.pdf",
        ["So 30-KH/DUK", "KE HOACH", "Doi moi cong tac tu tuong", "trong tinh hinh moi"],
    )
    text = read(path)
    assert "So 30-KH/DUK" in text
    assert "Doi moi cong tac tu tuong trong tinh hinh moi" in text  # wrapped line rejoined


def test_scanned_pdf_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no text layer"):
        read(_pdf(tmp_path / "scan.pdf", [], pages=2))


def test_pdf_page_cap(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="too many pages"):
        read(_pdf(tmp_path / "long.pdf", ["KE HOACH"], pages=3), pdf_max_pages=2)


def test_pdf_time_cap(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="timed out"):
        read(_pdf(tmp_path / "slow.pdf", ["KE HOACH"], pages=2), pdf_timeout=0.0)


def test_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2048)
    with pytest.raises(ReadError, match="too large"):
        read(path, max_bytes=1024)


def test_zip_bomb(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<a>" + b" " * (20 * 1024 * 1024) + b"</a>")
    with pytest.raises(ReadError, match="zip bomb"):
        read(path)


def test_xml_entities_are_refused(tmp_path: Path) -> None:
    body = '<!DOCTYPE x [<!ENTITY a "aaaa">]><w:document ' + W_NS + "><w:body/></w:document>"
    path = tmp_path / "ent.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", body)
    with pytest.raises(ReadError, match="entities"):
        read(path)


def test_corrupt_containers(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(ReadError):
        read(bad)
    pdf = tmp_path / "bad.pdf"
    pdf.write_bytes(b"%PDF-1.4 garbage")
    with pytest.raises(ReadError):
        read(pdf)
    with pytest.raises(ReadError, match="cannot open"):
        read(tmp_path / "missing.txt")


def test_doc_without_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(ReadError, match="LibreOffice is required"):
        read(path)


@pytest.mark.slow
def test_doc_through_libreoffice(tmp_path: Path) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Đổi mới công tác tư tưởng")
    source = tmp_path / "src.docx"
    document.save(str(source))
    subprocess.run(
        [
            office,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/p",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    converted = tmp_path / "src.doc"
    if not converted.exists():
        pytest.skip("LibreOffice could not write a .doc here")
    assert read(converted).splitlines()[:2] == ["KẾ HOẠCH", "Đổi mới công tác tư tưởng"]


def test_read_accepts_str_paths(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Số 1-KH/TU\n", encoding="utf-16")
    assert read(str(path)) == "Số 1-KH/TU\n"
    assert io.StringIO(read(path)).read() == "Số 1-KH/TU\n"
