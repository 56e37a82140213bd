"""OCR of scans: the labelled documents printed, "scanned" and read back, scored and timed.

Every labelled document of ``tests/vanban/fixtures/real`` and of the dev corpus
(``../shared/corpus/dev``) is laid out by LibreOffice (text → PDF), its pages rendered at
200 dpi (pypdfium2) and made to look scanned with Pillow: a skew of 1–2° either way, grain
(speckle noise), and a round stamp-like blot in grey over the signature area of the last page.
The pages are saved as an image-only PDF, read through the same path as any upload
(:func:`vanban.ocr.read_any`: no text layer → OCR), parsed, and scored with
``../shared/corpus/score.py`` against the documents' own labels. The baseline is the same
documents' text parsed directly (what OCR costs in score). Goal: overall ≥ 0.90.

The second figure is the wall-clock time to OCR a 10-page scanned PDF (pages of the longest
documents) with two workers — the goal is under 60 s on 2 cores; the baseline is the time the
pages take to render, the part that is not OCR. Wall clock, not CPU time: Tesseract runs in
child processes, and the goal is what a person waits.

``--ocr-cache DIR`` keeps what Tesseract read of each document (its raw text, before
:func:`vanban.ocr.normalize_ocr_text`) in DIR; a document whose text DIR holds is re-parsed
from it through the normalisation and the parser instead of being printed and OCR-ed again
(seconds instead of minutes, for work on the OCR repairs), and only the others are scanned.
Each document's scan is drawn from its own name (skew, grain, the seal's place), so what is
kept stays valid as documents are added, and a figure does not move because another fixture
came. Timing figures come only from a run that scanned pages.

A Markdown copy (a legal library's page: ``**bold**``, ``*italic*``, the header table's cells
parted by lone ``|`` lines) is printed as its words, without its markup, each emphasis run
the copy wrapped over lines on one line as the document prints it (:func:`printed`): a scan is
of the printed document, not of its source.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.common import BENCH_DIR, Figure

if TYPE_CHECKING:
    from PIL import Image

    from vanban.ocr import OcrResult

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SOURCES = [ROOT / "tests" / "vanban" / "fixtures" / "real", CORPUS / "dev"]
SCORE = CORPUS / "score.py"
DPI = 200
SKIP_REASON = "needs Tesseract (vie), LibreOffice, Pillow and ../shared/corpus/score.py"


def _ready() -> bool:
    try:
        import PIL  # noqa: F401

        from vanban import ocr
    except ImportError:
        return False
    return ocr.available() and shutil.which("soffice") is not None and SCORE.exists()


def _documents(quick: bool) -> list[Path]:
    """The labelled documents whose text was typed: a fixture kept beside its scanned PDF, or
    kept as a copy's OCR text, has OCR's text already, and printing it to OCR it again would
    measure nothing (those scans are read as they are, by :func:`_real_scans`)."""
    texts = []
    for folder in SOURCES:
        texts += sorted(
            p
            for p in folder.glob("*.txt")
            if p.with_suffix(".json").exists()
            and not p.with_suffix(".pdf").exists()
            and not _ocr_text(p)
        )
    return texts[:3] if quick else texts


def _ocr_text(path: Path) -> bool:
    """A copy's OCR text kept without its scan (its notes say so): OCR read it already."""
    notes = json.loads(path.with_suffix(".json").read_text(encoding="utf-8")).get("notes", "")
    return str(notes).startswith("OCR text")


def _real_scans() -> list[Path]:
    """Real scanned PDFs with their labels (read off the page images)."""
    return sorted(p for p in SOURCES[0].glob("*.pdf") if p.with_suffix(".json").exists())


def to_pdfs(texts: list[Path], out: Path) -> dict[Path, Path]:
    """Each text laid out by LibreOffice as a PDF (one call for all)."""
    office = shutil.which("soffice") or "soffice"
    staging = out / "txt"
    staging.mkdir()
    names = {}
    for index, text in enumerate(texts):
        copy = staging / f"{index:03d}-{text.name}"
        copy.write_text(printed(text.read_text(encoding="utf-8")), encoding="utf-8")
        names[text] = out / (copy.stem + ".pdf")
    subprocess.run(
        [
            office,
            "--headless",
            f"-env:UserInstallation=file://{out}/profile",
            "--infilter=Text (encoded):UTF8,LF,Liberation Serif,vi",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *sorted(str(p) for p in staging.iterdir()),
        ],
        capture_output=True,
        timeout=600,
        check=False,
    )
    return {text: pdf for text, pdf in names.items() if pdf.exists()}


# Markdown's emphasis marks ("**THỦ TƯỚNG**", "*Hà Nội, ngày …*"), not a footnote's "(*)" nor a
# line of asterisks (the star under a party document's header); a line holding only a table
# cell's edge "|".
_EMPHASIS = re.compile(r"(?<!\()\*{1,3}(?=\S)(?!\))|(?<=\S)(?<!\()\*{1,3}(?!\))")
_CELL_EDGE = re.compile(r"^[ \t]*\|[ \t]*$", re.MULTILINE)


def printed(text: str) -> str:
    """What a page printed from ``text`` shows: a Markdown copy of a legal library's page (its
    bold and italic runs marked with asterisks, its header table's cells parted by lone "|"
    lines) prints its words, not its markup — a scan is of the printed document."""
    if "*" not in text and "|" not in text:
        return text
    from vanban.markup import read_markup

    # a run the copy wrapped over lines ("**THỦ TƯỚNG CHÍNH" / "PHỦ**") is one printed line
    lines = _CELL_EDGE.sub("", read_markup(text)).split("\n")
    return "\n".join(line if not line.strip(" \t*") else _EMPHASIS.sub("", line) for line in lines)


def render(pdf: Path) -> list[Image.Image]:
    """The pages of a PDF as Pillow greyscale images at 200 dpi."""
    import pypdfium2 as pdfium
    from PIL import Image

    document = pdfium.PdfDocument(str(pdf))
    pages = []
    for index in range(len(document)):
        bitmap = document[index].render(scale=DPI / 72, grayscale=True)
        pages.append(
            Image.frombuffer(
                "L",
                (bitmap.width, bitmap.height),
                bytes(bitmap.buffer),
                "raw",
                "L",
                bitmap.stride,
                1,
            ).copy()
        )
    document.close()
    return pages


def degrade(page: Image.Image, rng: random.Random, *, stamp: bool) -> Image.Image:
    """A page made to look scanned: skewed 1–2°, grainy, and (last page) a stamp-like blot."""
    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    image = page.copy()
    width, height = image.size
    if stamp:
        # a round seal in grey (a red ink stamp as a grey scanner sees it) where a signature
        # usually stands, over whatever text is there
        blot = Image.new("L", image.size, 255)
        pen = ImageDraw.Draw(blot)
        cx, cy, r = int(width * 0.68), int(height * rng.uniform(0.55, 0.8)), int(DPI * 0.8)
        pen.ellipse((cx - r, cy - r, cx + r, cy + r), outline=150, width=10)
        pen.ellipse((cx - r + 28, cy - r + 28, cx + r - 28, cy + r - 28), outline=150, width=4)
        pen.regular_polygon((cx, cy, r // 4), 5, fill=170)
        image = ImageChops.darker(image, blot.filter(ImageFilter.GaussianBlur(1.5)))
    # grain: about one pixel in 256 black (Pillow's effect_noise draws from C's rand(), whose
    # sequence runs on across documents: drawn from ``rng``, one document's scan is the same
    # whatever other documents the run holds)
    grain = Image.frombytes("L", image.size, rng.randbytes(width * height))
    noise = grain.point(lambda v: 0 if v < 1 else 255)
    image = ImageChops.darker(image, noise.filter(ImageFilter.MinFilter(1)))
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    angle = rng.choice((-1, 1)) * rng.uniform(1.0, 2.0)
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)


def save_scan(pages: list[Image.Image], path: Path) -> Path:
    first, *rest = pages
    first.save(path, "PDF", resolution=DPI, save_all=True, append_images=rest)
    return path


def score(predictions: list[tuple[Path, dict[str, object]]], work: Path) -> dict[str, float]:
    """score.py's per-field figures and overall score of ``(labelled text, prediction)`` pairs,
    through its ``--pred`` mode (the predictions name their files)."""
    gold = work / "gold"
    gold.mkdir(parents=True)
    for text, _pred in predictions:
        shutil.copyfile(text, gold / text.name)
        shutil.copyfile(text.with_suffix(".json"), gold / text.with_suffix(".json").name)
    jsonl = work / "predictions.jsonl"
    jsonl.write_text(
        "".join(json.dumps(p, ensure_ascii=False) + "\n" for _t, p in predictions),
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, str(SCORE), str(gold), "--pred", str(jsonl)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    figures = {}
    for line in out.splitlines():
        found = re.match(r"([a-z_]+):?\s+([01]\.\d{3})\b", line)
        if found:
            figures[found.group(1)] = float(found.group(2))
    return figures


# the first line of a kept real PDF's text that came from OCR (the rest is to normalise)
_SCANNED = "#scanned\n"


def _raw_path(cache: Path, text: Path) -> Path:
    """Where ``--ocr-cache`` keeps the raw OCR text (before :func:`normalize_ocr_text`) of a
    labelled document (``text``: its .txt) or of a real scan (its .txt beside the PDF)."""
    return cache / f"{text.parent.name}--{text.stem}.raw.txt"


def _raw_text(result: OcrResult) -> str:
    """What Tesseract read of a scan, as :func:`vanban.ocr.ocr_images` gives it to the
    normalisation."""
    return "\n\n".join(page.text for page in result.pages)


def run(args: argparse.Namespace) -> list[Figure]:
    if not _ready():
        return []
    import vanban
    from vanban.ocr import normalize_ocr_text, read_any, read_scan

    quick = getattr(args, "quick", False)
    texts = _documents(quick)
    scans = _real_scans()[:1] if quick else _real_scans()
    cache = Path(args.ocr_cache) if getattr(args, "ocr_cache", None) else None
    # a document whose raw OCR text is kept is re-parsed from it; the others are printed,
    # scanned and read (each document's scan is drawn from its own name: what is kept stays
    # valid as documents are added)
    cached = [t for t in texts if cache is not None and _raw_path(cache, t).exists()]
    to_scan = [t for t in texts if t not in cached]
    reparse = not to_scan and all(
        cache is not None and _raw_path(cache, p.with_suffix(".txt")).exists() for p in scans
    )
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as tmp:
        work = Path(tmp)
        ocr_preds: list[tuple[Path, dict[str, object]]] = []
        text_preds: list[tuple[Path, dict[str, object]]] = []
        all_pages: list[Image.Image] = []
        raw_of: dict[Path, str] = {}
        for text in cached:
            assert cache is not None
            raw_of[text] = _raw_path(cache, text).read_text(encoding="utf-8")
        if cached:
            print(f"   {len(cached)} documents re-parsed from {cache}", flush=True)
        pdfs = to_pdfs(to_scan, work) if to_scan else {}
        for text, pdf in pdfs.items():
            pages = render(pdf)
            # each document's own draw (its name the seed): adding a fixture leaves the
            # others' scans as they were
            rng = random.Random(f"24/{text.name}")
            scanned = [degrade(p, rng, stamp=i == len(pages) - 1) for i, p in enumerate(pages)]
            all_pages += scanned
            scan = save_scan(scanned, work / f"scan-{pdf.stem}.pdf")
            _read, result = read_any(scan)
            assert result is not None, f"{scan.name} was not read by OCR"
            raw_of[text] = _raw_text(result)
            if cache is not None:
                _raw_path(cache, text).write_text(raw_of[text], encoding="utf-8")
            print(
                f"   {text.name}: {len(pages)} page(s), confidence {result.confidence}",
                flush=True,
            )
        documents = len(raw_of)
        for text in texts:
            if text not in raw_of:
                continue  # LibreOffice could not print it
            read = normalize_ocr_text(raw_of[text])
            doc = vanban.parse(read, source=text.name).to_dict(include_text=True)
            ocr_preds.append((text, {"file": text.name, **doc}))
            clean = vanban.parse(vanban.read(text), source=text.name).to_dict()
            text_preds.append((text, {"file": text.name, **clean}))
        merged_ocr = score(ocr_preds, work / "score-ocr")
        # what OCR read, for a look at its errors (score.py --pred var/bench/ocr_predictions.jsonl)
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(
            work / "score-ocr" / "predictions.jsonl", BENCH_DIR / "ocr_predictions.jsonl"
        )
        merged_text = score(text_preds, work / "score-text")
        scan_preds: list[tuple[Path, dict[str, object]]] = []
        for pdf in scans:
            text = pdf.with_suffix(".txt")
            if cache is not None and _raw_path(cache, text).exists():
                read = _raw_path(cache, text).read_text(encoding="utf-8")
                if read.startswith(_SCANNED):
                    read = normalize_ocr_text(read.removeprefix(_SCANNED))
            else:
                read, scan_result = read_any(pdf)
                if cache is not None:
                    # a PDF with a text layer is kept as read; a scan as Tesseract read it
                    kept = read if scan_result is None else _SCANNED + _raw_text(scan_result)
                    _raw_path(cache, text).write_text(kept, encoding="utf-8")
            scan_preds.append(
                (text, {"file": text.name, **vanban.parse(read, source=text.name).to_dict()})
            )
        merged_scans = score(scan_preds, work / "score-scans") if scan_preds else {}
        if merged_scans:
            print(
                "   real scans by field: "
                + ", ".join(f"{k} {v:.3f}" for k, v in merged_scans.items())
            )
        print("   OCR by field: " + ", ".join(f"{k} {v:.3f}" for k, v in merged_ocr.items()))
        print("   text by field: " + ", ".join(f"{k} {v:.3f}" for k, v in merged_text.items()))
        seconds = render_seconds = cpu_seconds = 0.0
        if all_pages:
            ten = (all_pages * 10)[:10]
            scan10 = save_scan(ten, work / "ten-pages.pdf")
            started = time.perf_counter()
            from vanban.ocr import render_pdf

            render_pdf(scan10)
            render_seconds = time.perf_counter() - started
            seen: list[tuple[int, int]] = []
            children_before = _children_cpu()
            own_before = time.process_time()
            started = time.perf_counter()
            read_scan(scan10, workers=2, progress=lambda d, t: seen.append((d, t)))
            seconds = time.perf_counter() - started
            # CPU seconds do not grow with the other jobs of a shared machine: the work divided
            # by the two cores is what the wall clock would be on a quiet one
            cpu_seconds = _children_cpu() - children_before + time.process_time() - own_before
            print(f"   10-page scan: progress {seen[1:]}", flush=True)
    overall_ocr = merged_ocr.get("overall", 0.0)
    overall_text = merged_text.get("overall", 0.0)
    figures = []
    if merged_scans:
        figures.append(
            Figure(
                name="ocr_real_scans",
                metric="overall",
                value=merged_scans.get("overall", 0.0),
                unit=f"score.py overall, {len(scan_preds)} real scanned (signed) PDFs read by OCR",
                baseline="the rendered documents' OCR score",
                baseline_value=overall_ocr,
                ratio=merged_scans.get("overall", 0.0) / overall_ocr if overall_ocr else 0.0,
                goal="none set: handwritten numbers and a seal over the signature",
            )
        )
    figures.append(
        Figure(
            name="ocr_score",
            metric="overall",
            value=overall_ocr,
            unit=f"score.py overall, {documents} documents rendered, skewed, noised, stamped, "
            + ("OCR'd" if not reparse else "their kept OCR text re-parsed"),
            baseline="same documents' text parsed directly",
            baseline_value=overall_text,
            ratio=overall_ocr / overall_text if overall_text else 0.0,
            goal=">= 0.90",
        )
    )
    if not all_pages:
        return figures
    return [
        *figures,
        Figure(
            name="ocr_10_pages",
            metric="seconds",
            value=seconds,
            unit="s wall clock, 10-page scanned PDF, 2 Tesseract workers",
            baseline="rendering the 10 pages",
            baseline_value=render_seconds,
            ratio=seconds / render_seconds if render_seconds else 0.0,
            goal="< 60 s on 2 cores",
        ),
        Figure(
            name="ocr_10_pages_cpu",
            metric="cpu_seconds_per_core",
            value=cpu_seconds / 2,
            unit="CPU s (Tesseract children + this process) / 2 cores, the same 10 pages",
            baseline="wall clock of the same run",
            baseline_value=seconds,
            ratio=cpu_seconds / 2 / seconds if seconds else 0.0,
            goal="< 60 s on 2 cores",
        ),
    ]


def _children_cpu() -> float:
    """CPU seconds (user + system) of the child processes waited for so far."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
