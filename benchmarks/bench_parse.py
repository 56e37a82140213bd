"""vanban parse throughput: documents per second on one core over the dev corpus.

The dev corpus (``../shared/corpus/dev`` beside the repository) is repeated until at least
1,000 documents have been parsed. The baseline, measured in the same run over the same texts, is
the floor any parser pays: reading each file and normalising it to NFC. ``ratio`` is
value / baseline_value, the share of the floor's speed that parsing keeps (1.0 would mean
parsing is free; 0.05 means parsing costs twenty times the floor).

Times are CPU seconds of this process (``time.process_time``): the work runs on one core, and
other jobs on a shared machine do not distort the figure the way wall-clock time would.
"""

from __future__ import annotations

import argparse
import time
import unicodedata
from pathlib import Path

from benchmarks.common import Figure

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
SKIP_REASON = f"corpus not found at {CORPUS}"
GOAL = 1000.0


def _files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


def _floor(files: list[Path]) -> list[str]:
    return [unicodedata.normalize("NFC", f.read_text(encoding="utf-8")) for f in files]


# Texts built to make a careless pattern backtrack (the same kinds as the property tests').
ADVERSARIAL = {
    "digits": "1234567890" * 10,
    "slashes": "/" * 100,
    "roman": "I. II- III. IV.\nV. VI.\n",
    "symbols": "35-NQ/TW/",
    "mixed": "1/2/3-4/5- số 12-KH/ 1. I.\n",
    "caps": "T/M KT. TL. ",
}
ADVERSARIAL_BYTES = 5_000_000


def _adversarial(quick: bool) -> Figure:
    """The slowest of the adversarial texts at 5 MB (0.5 MB with --quick), in MB/s of CPU time,
    against NFC normalisation of the same text."""
    from vanban import parse

    size = ADVERSARIAL_BYTES // 10 if quick else ADVERSARIAL_BYTES
    worst_name, worst, floor = "", float("inf"), float("inf")
    for name, unit in ADVERSARIAL.items():
        text = unit * (size // len(unit))
        start = time.process_time()
        parse(text)
        seconds = time.process_time() - start
        start = time.process_time()
        unicodedata.normalize("NFC", text + "\u0301")  # a combining mark: no quick-check exit
        floor = min(floor, time.process_time() - start)
        if len(text) / 1e6 / seconds < worst:
            worst_name, worst = name, len(text) / 1e6 / seconds
    baseline = size / 1e6 / max(floor, 1e-6)
    return Figure(
        name="parse_adversarial",
        metric="worst_megabytes_per_second",
        value=worst,
        unit=f"MB/s (slowest: {worst_name!r}, {size / 1e6:.1f} MB each, one core)",
        baseline="nfc_megabytes_per_second",
        baseline_value=baseline,
        ratio=worst / baseline,
        goal=">= 2.5 MB/s (5 MB in under 2 s)",
    )


def run(args: argparse.Namespace) -> list[Figure]:
    from vanban import parse, read

    files = _files()
    if not files:
        return [_adversarial(getattr(args, "quick", False))]
    minimum = 100 if getattr(args, "quick", False) else 1000
    rounds = -(-minimum // len(files))
    batch = files * rounds
    for f in files:  # warm-up: imports, regex compilation, caches
        parse(read(f))
    start = time.process_time()
    texts = _floor(batch)
    floor_seconds = time.process_time() - start
    start = time.process_time()
    for f in batch:
        parse(read(f))
    parse_seconds = time.process_time() - start
    value = len(batch) / parse_seconds
    baseline = len(texts) / floor_seconds
    return [
        Figure(
            name="parse",
            metric="documents_per_second",
            value=value,
            unit=f"documents/s ({len(batch)} documents, read + parse, one core)",
            baseline="read_and_nfc_documents_per_second",
            baseline_value=baseline,
            ratio=value / baseline,
            goal=f">= {GOAL:.0f} documents/s",
        ),
        _adversarial(getattr(args, "quick", False)),
    ]
