"""Colour dropout for OCR: a page read through its red channel, so that a red seal (con dấu đỏ,
the office's stamp pressed over the signer's title and name) fades away from the text it covers.

Vietnamese documents are printed in black, seals are red and signatures often blue. In the red
channel red ink is nearly as light as the paper, while black and blue ink stay dark; in the plain
grey (luminance) image the same seal is a dark grey ring and star that Tesseract reads as debris,
or that makes it drop the whole signature column. The red channel is taken by slicing the
rendered bitmap's bytes (C speed, no numpy, no Pillow): every third (or fourth) byte of a BGR (or
BGRx) row, row by row so that a stride padded past ``width × channels`` is skipped.

What it cannot do: a scan already made black and white (a fax-style 1-bit image, like the Prime
Minister's office's signed scans among the real fixtures) has no colour left, and its seal is as
black as the text; there the red channel is the grey image byte for byte, and OCR reads what it
read before. A page printed with black text on a saturated blue or green background would lose
that text in the red channel, and a pale blue band behind black text, though still light in
the red channel, made Tesseract's page-wide threshold drop the text in it (measured on a drawn
page: read in plain grey, lost through the red channel). So a page is read through its red
channel only when it has red ink on it (:func:`has_red_ink`, a sample of its pixels); any other
page is read in plain grey, exactly as before dropout.
"""

from __future__ import annotations

from pathlib import Path

# Red ink: a pixel whose red is at least half-bright and 80 levels above both its green and its
# blue (a seal's ink on paper scans about (215, 60, 65); a faded one (235, 150, 150)). A page
# is read through its red channel only when such pixels make at least 1 in 2,000 of it (a seal
# at 200 dpi covers 15,000 pixels or more of the page's 3.9 million; a colour scan's fringes
# along black strokes are fainter and fewer).
RED_INK_LEVEL = 128
RED_INK_MARGIN = 80
RED_INK_SHARE = 1 / 2000
_SAMPLE_STEP = 13  # every 13th pixel is looked at (prime, so no column pattern is favoured)


def channel_rows(
    buffer: bytes, width: int, height: int, stride: int, channels: int, offset: int
) -> bytes:
    """The ``offset``-th channel of each pixel of a packed bitmap (``channels`` bytes a pixel,
    ``stride`` bytes a row), as ``width × height`` bytes of 8-bit grey."""
    span = width * channels
    if stride == span:
        return buffer[offset : span * height : channels]
    return b"".join(
        buffer[row + offset : row + span : channels] for row in range(0, stride * height, stride)
    )


def has_red_ink(red: bytes, green: bytes, blue: bytes) -> bool:
    """Whether a page, given as its three channels (a byte a pixel each), has red ink on it:
    enough pixels of a seal's red (:data:`RED_INK_SHARE` of a sample of them) for the red
    channel to be worth reading instead of the plain grey."""
    if red == green == blue:  # a page without colour (compared at C speed: no sampling)
        return False
    step = _SAMPLE_STEP
    found = sum(
        1
        for r, g, b in zip(red[::step], green[::step], blue[::step], strict=True)
        if r >= RED_INK_LEVEL and r - g >= RED_INK_MARGIN and r - b >= RED_INK_MARGIN
    )
    return found >= RED_INK_SHARE * len(red) / step


def red_channel_of_image_file(
    path: str | Path, *, keep_shown: bool = False
) -> list[tuple[bytes, bytes | None]] | None:
    """Each frame of an image file with red ink as (the PGM to read: its red channel, or its
    plain grey for a frame with no red ink; its plain grey as a PNG when ``keep_shown``, to
    show), or None — read the file as it is — for a file with no red ink on any frame
    (:func:`has_red_ink`; a 1-bit or grey file has none), one Pillow cannot open, or when Pillow
    is not installed.

    Pillow is imported here and only here: ``vanban`` does not require it (PDF pages are
    rendered by pypdfium2 without it), and without Pillow an image file goes to Tesseract as it
    is, as it always did — the seal is not faded, nothing else is lost.
    """
    try:
        from PIL import Image, ImageSequence
    except ImportError:
        return None
    import io

    frames: list[tuple[bytes, bytes | None]] = []
    any_red_ink = False
    try:
        with Image.open(path) as image:
            if image.mode in _GREY_MODES:
                return None
            for frame in ImageSequence.Iterator(image):
                rgb = frame.convert("RGB")
                data = rgb.tobytes()
                width, height = rgb.size
                span = width * 3
                red = channel_rows(data, width, height, span, 3, 0)
                green = channel_rows(data, width, height, span, 3, 1)
                blue = channel_rows(data, width, height, span, 3, 2)
                grey = rgb.convert("L")
                if has_red_ink(red, green, blue):
                    any_red_ink = True
                else:
                    red = grey.tobytes()
                shown = None
                if keep_shown:
                    png = io.BytesIO()
                    grey.save(png, "PNG")
                    shown = png.getvalue()
                frames.append((b"P5 %d %d 255\n" % (width, height) + red, shown))
    except Exception:  # Tesseract, given the file itself, says what is wrong with it
        return None
    # with no red ink anywhere the file is read as it always was (Tesseract reads it directly)
    return frames if any_red_ink else None


_GREY_MODES = frozenset({"1", "L", "LA", "I", "I;16", "F"})
