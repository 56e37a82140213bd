"""OCR of scans (vanban.ocr): images and image-only PDFs drawn in the test, read by Tesseract."""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

import pytest

import vanban
from vanban import ocr, ocr_numbering, ocr_text
from vanban.cli import main

PIL = pytest.importorskip("PIL")
from PIL import Image, ImageDraw, ImageFont  # noqa: E402

needs_tesseract = pytest.mark.skipif(
    not ocr.available(), reason="Tesseract with the Vietnamese model is not installed"
)

FONT = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf")

PAGE_ONE = [
    ("ỦY BAN NHÂN DÂN", True, 180),
    ("TỈNH BÌNH PHƯỚC", True, 190),
    ("Số: 25/KH-UBND", False, 200),
    ("Bình Phước, ngày 12 tháng 3 năm 2024", False, 200),
    ("", False, 0),
    ("KẾ HOẠCH", True, 700),
    ("Tuyên truyền phòng, chống tác hại của thuốc lá năm 2024", True, 300),
    ("", False, 0),
    ("Thực hiện Kế hoạch số 10/KH-BYT ngày 05/01/2024 của Bộ Y tế,", False, 200),
    ("Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:", False, 200),
    ("I. MỤC ĐÍCH, YÊU CẦU", True, 200),
]
PAGE_TWO = [
    ("II. NỘI DUNG", True, 200),
    ("1. Tuyên truyền trên báo chí và mạng xã hội.", False, 200),
    ("", False, 0),
    ("TM. ỦY BAN NHÂN DÂN", True, 1000),
    ("CHỦ TỊCH", True, 1100),
    ("", False, 0),
    ("Trần Tuệ Hiền", True, 1060),
]


def draw_page(lines: list[tuple[str, bool, int]]) -> Image.Image:
    """An A4 page at 200 dpi with the lines typed in Liberation Serif 13 pt."""
    page = Image.new("L", (1654, 2339), 255)
    pen = ImageDraw.Draw(page)
    regular = ImageFont.truetype(str(FONT), 36)
    bold = ImageFont.truetype(str(FONT_BOLD), 36)
    y = 180
    for text, is_bold, x in lines:
        if text:
            pen.text((x, y), text, font=bold if is_bold else regular, fill=0)
        y += 60
    return page


def save_pdf(pages: list[Image.Image], path: Path) -> Path:
    pages[0].save(path, "PDF", resolution=200, save_all=True, append_images=pages[1:])
    return path


def test_tsv_to_text_keeps_lines_and_paragraphs() -> None:
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t96\tSố",
        "5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t90\t25/KH-UBND",
        "5\t1\t2\t1\t1\t1\t0\t0\t1\t1\t80\tKẾ",
        "5\t1\t2\t1\t1\t2\t0\t0\t1\t1\t70\tHOẠCH",
        "5\t1\t2\t1\t2\t1\t0\t0\t1\t1\t60\tnăm",
        "4\t1\t2\t1\t2\t0\t0\t0\t1\t1\t-1\t",
    ]
    text, confidence = ocr.tsv_to_text("\n".join([header, *rows]))
    assert text == "Số 25/KH-UBND\n\nKẾ HOẠCH\nnăm"
    assert confidence == 79.2


def test_ocr_text_is_normalised_like_other_readers() -> None:
    raw = unicodedata.normalize(
        "NFD",
        "Kế hoạch tuyên truyền công tác phòng, chống tác hại của thuốc\n\nlá trong cơ quan, đơn vị",
    )
    raw += "\n\nNâng cao nhận thức về xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh toàn-\ndiện."
    text = ocr.normalize_ocr_text(raw)
    assert unicodedata.is_normalized("NFC", text)
    # the paragraph cut by a column break is one line again; the word hyphenated at the line
    # end is rejoined, and the syllable grammar sets its two syllables apart again
    assert "tác hại của thuốc lá trong cơ quan" in text
    assert "vững mạnh toàn diện." in text


def test_ocr_misreads_of_bullets_and_section_numbers_are_mended() -> None:
    raw = "L MỤC ĐÍCH, YÊU CẦU\nIL. NHIỆM VỤ\nHI. TỔ CHỨC THỰC HIỆN\n1. KẾT QUẢ\nNơi nhận:\n~ Chi bộ trực thuộc;\n— Lưu VT."
    text = ocr.normalize_ocr_text(raw)
    assert text.splitlines() == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NHIỆM VỤ",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. KẾT QUẢ",
        "Nơi nhận:",
        "- Chi bộ trực thuộc;",
        "- Lưu VT.",
    ]


def test_read_refuses_images_and_image_only_pdfs_as_scans(tmp_path: Path) -> None:
    image = tmp_path / "scan.png"
    draw_page(PAGE_ONE).save(image)
    with pytest.raises(vanban.ScannedError, match="OCR"):
        vanban.read(image)
    pdf = save_pdf([draw_page(PAGE_ONE)], tmp_path / "scan.pdf")
    with pytest.raises(vanban.ScannedError, match="ảnh quét"):
        vanban.read(pdf)
    # a ScannedError is a ReadError: callers that only know ReadError still refuse it cleanly
    assert issubclass(vanban.ScannedError, vanban.ReadError)


def test_cli_says_clearly_when_tesseract_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    image = tmp_path / "scan.jpg"
    draw_page(PAGE_ONE).save(image)
    monkeypatch.setattr(ocr, "_tesseract", lambda: None)
    assert main(["parse", str(image)]) == 1
    err = capsys.readouterr().err
    assert "Chưa cài Tesseract" in err and "Tesseract OCR is not installed" in err
    assert "tesseract-ocr-vie" in err
    assert main(["parse", "--no-ocr", str(image)]) == 1
    assert "cần nhận dạng ký tự (OCR)" in capsys.readouterr().err


def test_png_writer_round_trips_through_pillow() -> None:
    rows = bytes(range(256)) * 3
    png = ocr.png_grey(256, 3, rows, 256)
    image = Image.open(io.BytesIO(png))
    assert image.size == (256, 3) and image.mode == "L"
    assert image.getpixel((200, 2)) == 200


@needs_tesseract
def test_image_is_read_by_ocr_and_parsed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    image = tmp_path / "ke-hoach.png"
    draw_page(PAGE_ONE + PAGE_TWO).save(image)
    assert main(["parse", "--jsonl", str(image)]) == 0
    out = capsys.readouterr()
    result = json.loads(out.out)
    assert result["number"] == "25/KH-UBND"
    assert result["doc_type"] == "Kế hoạch"
    assert result["issuer"].casefold() == "ủy ban nhân dân tỉnh bình phước"
    assert result["date"] == "2024-03-12"
    assert result["signer_name"] == "Trần Tuệ Hiền"
    assert result["ocr"]["pages"] == 1 and result["ocr"]["confidence"] > 70
    assert result["ocr"]["engine"].startswith("tesseract")
    assert "OCR 1/1" in out.err


@needs_tesseract
def test_scanned_pdf_is_read_page_by_page_with_progress(tmp_path: Path) -> None:
    pdf = save_pdf([draw_page(PAGE_ONE), draw_page(PAGE_TWO)], tmp_path / "scan.pdf")
    calls: list[tuple[int, int]] = []
    result = ocr.read_scan(
        pdf, progress=lambda done, total: calls.append((done, total)), keep_images=True, workers=2
    )
    assert calls == [(0, 2), (1, 2), (2, 2)]
    assert [p.number for p in result.pages] == [1, 2]
    assert all(p.image_png and p.image_png.startswith(b"\x89PNG") for p in result.pages)
    assert "25/KH-UBND" in result.pages[0].text and "Trần Tuệ Hiền" in result.pages[1].text
    doc = vanban.parse_file(pdf, ocr=True)
    assert (doc.number, doc.doc_type, doc.signer_name) == (
        "25/KH-UBND",
        "Kế hoạch",
        "Trần Tuệ Hiền",
    )
    assert doc.on_behalf and doc.on_behalf.startswith("TM.")
    assert [s.label for s in doc.sections] == ["I", "II"]


def test_near_misses_of_the_header_fixed_lines_take_their_canonical_form() -> None:
    raw = (
        "VĂN PHÒNG CHÍNH PHỦ\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA. VIỆT NAM\n"
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘl CHỦ NGHỈA VIỆT NAM\n"
        "TỈNH HẬU GIANG Độc Lập - Tự Do - Hạnh Phúc\n"
        "Độc lập — Tự đo - Hạnh phúe\n"
        "ĐẢNG BỘ TỈNH NAM ĐỊNH ĐÁNG CỘNG SÁN VIỆT NAM\n"
        "ĐẢNG BỘ TỈNH NAM ĐỊNH"
    )
    assert ocr_text.mend_fixed_lines(raw).splitlines() == [
        "VĂN PHÒNG CHÍNH PHỦ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        # only case differs: left as printed
        "TỈNH HẬU GIANG Độc Lập - Tự Do - Hạnh Phúc",
        "Độc lập - Tự do - Hạnh phúc",
        "ĐẢNG BỘ TỈNH NAM ĐỊNH ĐẢNG CỘNG SẢN VIỆT NAM",
        # not a near miss of any fixed line
        "ĐẢNG BỘ TỈNH NAM ĐỊNH",
    ]


def test_misread_heading_delimiters_and_leads_are_mended() -> None:
    raw = (
        "Sõ: 367-QĐ/TWĐTN\n-V/ chương trình phát triển\n1, Mục đích\n7.. Xây dựng văn hóa\n"
        "10: Chú trọng công tác\n1V: TỔ CHỨC THỰC HIỆN\n2, các đơn vị\n15:30 họp"
    )
    assert ocr_text.normalize_ocr_text(raw).splitlines() == [
        "Số: 367-QĐ/TWĐTN",
        "V/v chương trình phát triển",
        "1. Mục đích",
        "7. Xây dựng văn hóa",
        "10. Chú trọng công tác",
        "IV. TỔ CHỨC THỰC HIỆN",
        # a small letter after the comma: a list, not a heading; a time is not a number
        "2, các đơn vị",
        "15:30 họp",
    ]


def test_the_subject_lead_misread_as_a_percent_sign_or_a_w() -> None:
    raw = "V/% cử lãnh đạo Ban\nVW cử đại diện\nVWXYZ không phải\nV/% 12"
    assert ocr_text.normalize_ocr_text(raw).splitlines()[:2] == [
        "V/v cử lãnh đạo Ban",
        "V/v cử đại diện",
    ]
    # a word that only starts so, or a figure after the lead, is left
    assert ocr_text._VV_LEAD.sub("V/v ", "VWXYZ không phải\nV/% 12") == "VWXYZ không phải\nV/% 12"


def test_section_numerals_that_lost_a_stroke_are_renumbered_in_order() -> None:
    raw = "I. MỤC ĐÍCH\nII. NỘI DUNG\n1. Tổ chức\nII. TỔ CHỨC THỰC HIỆN\nV. KINH PHÍ\nV. KHÁC"
    assert ocr_numbering.renumber_sections(raw).splitlines() == [
        "I. MỤC ĐÍCH",
        "II. NỘI DUNG",
        "1. Tổ chức",
        "III. TỔ CHỨC THỰC HIỆN",
        # "V" is "IV" with a stroke less: the expected fourth section
        "IV. KINH PHÍ",
        "V. KHÁC",
    ]
