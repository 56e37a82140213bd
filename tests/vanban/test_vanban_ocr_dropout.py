"""Colour dropout (vanban.ocr_dropout): a red seal over black text fades in the red channel that
OCR reads, the text under it stays, and the page shown for review keeps its seal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from vanban import ocr
from vanban.ocr_dropout import channel_rows, has_red_ink, red_channel_of_image_file

PIL = pytest.importorskip("PIL")
from PIL import Image, ImageChops, ImageDraw, ImageFont  # noqa: E402

needs_tesseract = pytest.mark.skipif(
    not ocr.available(), reason="Tesseract with the Vietnamese model is not installed"
)

FONT_BOLD = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf")
SEAL_RED = (215, 60, 65)  # a seal's red ink; its luminance is about 107 of 255
SEAL_CENTRE = (900, 420)
SIGNATURE = [
    ("Số: 25/KH-UBND", 120, 100),
    ("TM. ỦY BAN NHÂN DÂN", 760, 300),
    ("CHỦ TỊCH", 850, 360),
    ("Trần Tuệ Hiền", 800, 520),
]


def sealed_page() -> Image.Image:
    """A colour page (1654 × 800 at 200 dpi) with a signature block in black and a red round
    seal pressed over it, the ink multiplied with the paper as a colour scan sees it."""
    page = Image.new("RGB", (1654, 800), (255, 255, 255))
    pen = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT_BOLD), 40)
    for text, left, top in SIGNATURE:
        pen.text((left, top), text, font=font, fill=(0, 0, 0))
    seal = Image.new("RGB", page.size, (255, 255, 255))
    stamp = ImageDraw.Draw(seal)
    x, y, r = *SEAL_CENTRE, 170
    stamp.ellipse((x - r, y - r, x + r, y + r), outline=SEAL_RED, width=14)
    stamp.ellipse((x - r + 30, y - r + 30, x + r - 30, y + r - 30), outline=SEAL_RED, width=6)
    stamp.regular_polygon((x, y, 45), 5, fill=SEAL_RED)
    return ImageChops.multiply(page, seal)


def seal_pixels(image: Image.Image) -> list[int]:
    """Grey values, in ``image``, of points on the seal's outer ring away from any text."""
    x, y = SEAL_CENTRE
    grey = image.tobytes()
    return [grey[y * image.width + x - 163], grey[(y + 10) * image.width + x + 163]]


def text_pixels(image: Image.Image) -> int:
    """How many dark pixels (< 100) the signer's name has in ``image``."""
    box = image.crop((800, 520, 1100, 570))
    return sum(1 for v in box.tobytes() if v < 100)


def test_channel_rows_takes_one_channel_and_skips_a_padded_stride() -> None:
    # two rows of two BGR pixels, each row padded to 8 bytes
    rows = bytes([1, 2, 3, 4, 5, 6, 0, 0, 7, 8, 9, 10, 11, 12, 0, 0])
    assert channel_rows(rows, 2, 2, 8, 3, 2) == bytes([3, 6, 9, 12])
    assert channel_rows(rows, 2, 2, 8, 3, 0) == bytes([1, 4, 7, 10])
    assert channel_rows(bytes([1, 2, 3, 4, 5, 6]), 2, 1, 6, 3, 1) == bytes([2, 5])


def test_red_ink_is_a_share_of_pixels_of_a_seals_red() -> None:
    white, seal, pink, blue_ink = (255, 255, 255), (215, 60, 65), (235, 150, 150), (30, 60, 160)

    def page(*pixels: tuple[tuple[int, int, int], int]) -> tuple[bytes, bytes, bytes]:
        flat = [colour for colour, count in pixels for _ in range(count)]
        return tuple(bytes(c[i] for c in flat) for i in range(3))  # type: ignore[return-value]

    assert has_red_ink(*page((white, 9_000), (seal, 1_000)))
    assert has_red_ink(*page((white, 9_000), (pink, 1_000)))
    assert not has_red_ink(*page((white, 9_000), (blue_ink, 1_000)))
    assert not has_red_ink(*page((white, 9_999), (seal, 1)))  # a speck: under 1 in 2,000
    assert not has_red_ink(*page(((200, 225, 245), 10_000)))  # pale blue paper


def test_pdf_page_is_read_through_its_red_channel(tmp_path: Path) -> None:
    pdf = tmp_path / "sealed.pdf"
    sealed_page().save(pdf, "PDF", resolution=200)
    dropped, plain = ocr.render_pdf(pdf), ocr.render_pdf(pdf, dropout=False)
    red = Image.open(io.BytesIO(dropped[0]))
    grey = Image.open(io.BytesIO(plain[0]))
    assert red.mode == grey.mode == "L" and red.size == grey.size
    assert all(v > 190 for v in seal_pixels(red))  # red ink is near white in the red channel
    assert all(v < 150 for v in seal_pixels(grey))  # and a dark grey ring in plain grey
    assert text_pixels(red) > 500  # the black name under the seal stays dark


def test_page_without_red_ink_is_read_in_plain_grey(tmp_path: Path) -> None:
    grey, band = tmp_path / "grey.pdf", tmp_path / "band.pdf"
    sealed_page().convert("L").save(grey, "PDF", resolution=200)
    # black text on a pale blue band: in the red channel the band is darker than in plain grey
    # (200 against 220), and Tesseract's page-wide threshold lost the text in it
    page = Image.new("RGB", (1654, 800), (255, 255, 255))
    pen = ImageDraw.Draw(page)
    pen.rectangle((0, 250, 1654, 620), fill=(200, 225, 245))
    pen.text((800, 520), "Trần Tuệ Hiền", font=ImageFont.truetype(str(FONT_BOLD), 40), fill=0)
    page.save(band, "PDF", resolution=200)
    for pdf in (grey, band):
        assert ocr.render_pdf(pdf) == ocr.render_pdf(pdf, dropout=False)
        assert ocr.render_pdf_pages(pdf, keep_shown=True)[0][1] is None  # the read page shown


def test_colour_image_file_gives_red_channel_frames_and_grey_ones_none(tmp_path: Path) -> None:
    colour, grey = tmp_path / "colour.png", tmp_path / "grey.png"
    sealed_page().save(colour)
    sealed_page().convert("L").save(grey)
    frames = red_channel_of_image_file(colour, keep_shown=True)
    assert frames is not None and len(frames) == 1
    read, shown = frames[0]
    assert read.startswith(b"P5 1654 800 255\n")
    assert all(v > 190 for v in seal_pixels(Image.open(io.BytesIO(read))))
    assert shown is not None
    assert all(v < 150 for v in seal_pixels(Image.open(io.BytesIO(shown))))
    assert red_channel_of_image_file(colour)[0][1] is None  # type: ignore[index]
    assert red_channel_of_image_file(grey) is None


@needs_tesseract
def test_signer_under_a_red_seal_is_read_and_the_kept_page_shows_the_seal(
    tmp_path: Path,
) -> None:
    pdf = tmp_path / "sealed.pdf"
    sealed_page().save(pdf, "PDF", resolution=200)
    result = ocr.read_scan(pdf, keep_images=True)
    assert "Trần Tuệ Hiền" in result.text and "CHỦ TỊCH" in result.text
    png = result.pages[0].image_png
    assert png is not None and png.startswith(b"\x89PNG")
    kept = Image.open(io.BytesIO(png))
    assert kept.mode == "L" and all(v < 150 for v in seal_pixels(kept))


@needs_tesseract
def test_colour_image_file_is_read_through_its_red_channel(tmp_path: Path) -> None:
    image = tmp_path / "sealed.jpg"
    sealed_page().save(image, quality=90)
    result = ocr.read_scan(image, keep_images=True)
    assert "Trần Tuệ Hiền" in result.text
    assert result.pages[0].image_png is not None
