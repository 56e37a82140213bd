"""OCR under a red seal: colour scans with a seal over the signer's name, read in plain grey and
through the red channel (:mod:`vanban.ocr_dropout`), scored.

The labelled typed documents that name a signer (and fit a page or two: at most 6,000
characters) are laid out by LibreOffice as :mod:`benchmarks.bench_ocr` does, rendered at
200 dpi, and made to look like colour scans: skewed, grainy, a little blurred, saved as colour
JPEG pages in a PDF. On the page where the signer's name stands (found in the laid-out PDF's
text) a round seal in red ink (215, 60, 65) is multiplied onto the paper, centred a little
left of and above the name, over the signer's title and name as seals are pressed. Each scan is
read three ways, through :func:`vanban.ocr.render_pdf` and :func:`vanban.ocr.ocr_images`: the
same pages with no seal (the ceiling), sealed in plain grey (``dropout=False``: what the reader
did before dropout) and sealed through the red channel (what it does now). The figures are
score.py's overall score and the share of the source text's words that the OCR text matches in
order.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks import bench_ocr
from benchmarks.common import Figure

if TYPE_CHECKING:
    from PIL import Image

SEAL_RED = (215, 60, 65)
MAX_CHARS = 6000


def _documents(quick: bool) -> list[Path]:
    chosen = []
    for text in bench_ocr._documents(False):
        gold = json.loads(text.with_suffix(".json").read_text(encoding="utf-8"))
        if gold.get("signer_name") and len(text.read_text(encoding="utf-8")) <= MAX_CHARS:
            chosen.append(text)
    return chosen[:3] if quick else chosen


def _signer_at(pdf: Path, name: str) -> tuple[int, int, int] | None:
    """(page index, x, y in 200-dpi pixels) of the last place the signer's name is printed."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        for index in reversed(range(len(document))):
            page = document[index]
            textpage = page.get_textpage()
            hit = textpage.search(name, match_case=False).get_next()
            if hit:
                start, count = hit
                boxes = [textpage.get_charbox(i) for i in range(start, start + count)]
                scale = bench_ocr.DPI / 72
                left, top = min(b[0] for b in boxes), max(b[3] for b in boxes)
                return index, int(left * scale), int((page.get_height() - top) * scale)
    finally:
        document.close()
    return None


def colour_scan(
    page: Image.Image, rng: random.Random, seal_at: tuple[int, int] | None
) -> Image.Image:
    """A grey page as a colour scan: a red seal centred at ``seal_at`` (when given), grain, a
    little blur, a skew of 1–2° either way (the same draws of ``rng`` with or without seal)."""
    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    image = page.convert("RGB")
    if seal_at is not None:
        seal = Image.new("RGB", image.size, (255, 255, 255))
        pen = ImageDraw.Draw(seal)
        (cx, cy), r = seal_at, int(bench_ocr.DPI * 0.8)
        pen.ellipse((cx - r, cy - r, cx + r, cy + r), outline=SEAL_RED, width=10)
        pen.ellipse((cx - r + 28, cy - r + 28, cx + r - 28, cy + r - 28), outline=SEAL_RED, width=4)
        pen.regular_polygon((cx, cy, r // 4), 5, fill=SEAL_RED)
        image = ImageChops.multiply(image, seal.filter(ImageFilter.GaussianBlur(1.5)))
    noise = Image.effect_noise(image.size, 40).point(lambda v: 0 if v < 20 else 255)
    image = ImageChops.darker(image, noise.filter(ImageFilter.MinFilter(1)).convert("RGB"))
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    angle = rng.choice((-1, 1)) * rng.uniform(1.0, 2.0)
    return image.rotate(
        angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=(255, 255, 255)
    )


def _word_share(source: str, read: str) -> tuple[int, int]:
    truth, got = source.split(), read.split()
    matcher = difflib.SequenceMatcher(None, truth, got, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()), len(truth)


def run(args: argparse.Namespace) -> list[Figure]:
    if not bench_ocr._ready():
        return []
    import vanban
    from vanban.ocr import ocr_images, render_pdf

    texts = _documents(getattr(args, "quick", False))
    ways = ("no seal", "plain grey", "red channel")
    predictions: dict[str, list[tuple[Path, dict[str, object]]]] = {way: [] for way in ways}
    words = {way: [0, 0] for way in ways}
    with tempfile.TemporaryDirectory(prefix="bench-seal-") as tmp:
        work = Path(tmp)
        for text, pdf in bench_ocr.to_pdfs(texts, work).items():
            gold = json.loads(text.with_suffix(".json").read_text(encoding="utf-8"))
            where = _signer_at(pdf, gold["signer_name"])
            if where is None:
                continue
            index, x, y = where
            pages = bench_ocr.render(pdf)
            source = vanban.read(text)
            for sealed in (False, True):
                rng = random.Random(text.name)
                scan = bench_ocr.save_scan(
                    [
                        colour_scan(p, rng, (x + 40, y - 60) if sealed and i == index else None)
                        for i, p in enumerate(pages)
                    ],
                    work / f"{text.stem}-{sealed}.pdf",
                )
                for way, dropout in (
                    (("plain grey", False), ("red channel", True))
                    if sealed
                    else (("no seal", True),)
                ):
                    read = ocr_images(render_pdf(scan, dropout=dropout)).text
                    doc = vanban.parse(read, source=text.name).to_dict()
                    predictions[way].append((text, {"file": text.name, **doc}))
                    same, total = _word_share(source, read)
                    words[way][0] += same
                    words[way][1] += total
            print(f"   {text.name}: seal on page {index + 1} of {len(pages)}", flush=True)
        scores = {
            way: bench_ocr.score(predictions[way], work / f"score-{i}")
            for i, way in enumerate(ways)
            if predictions[way]
        }
    if not scores:
        return []
    for way, figures in scores.items():
        share = words[way][0] / words[way][1] if words[way][1] else 0.0
        print(
            f"   {way}: words {share:.4f}, "
            + ", ".join(f"{k} {v:.3f}" for k, v in figures.items()),
            flush=True,
        )
    count = len(predictions["red channel"])
    grey = scores["plain grey"].get("overall", 0.0)
    red = scores["red channel"].get("overall", 0.0)
    ceiling = scores["no seal"].get("overall", 0.0)
    return [
        Figure(
            name="ocr_red_seal",
            metric="overall",
            value=red,
            unit=f"score.py overall, {count} colour scans, a red seal over the signer's name, "
            "read through the red channel",
            baseline="the same scans read in plain grey",
            baseline_value=grey,
            ratio=red / grey if grey else 0.0,
            goal=f"the same pages without seal: {ceiling:.3f}",
        )
    ]
