"""Run every ``benchmarks/bench_*.py`` (or those named on the command line) and print a line a figure."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

import benchmarks
from benchmarks.common import write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all), e.g. parse")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument(
        "--ocr-cache",
        metavar="DIR",
        help="ocr: keep Tesseract's raw text of each document in DIR, and when DIR holds every "
        "document's, re-parse those instead of rendering and OCR-ing again (no timing figures)",
    )
    args = parser.parse_args(argv)
    found = sorted(
        m.name.removeprefix("bench_")
        for m in pkgutil.iter_modules(benchmarks.__path__)
        if m.name.startswith("bench_")
    )
    wanted = args.names or found
    unknown = set(wanted) - set(found)
    if unknown:
        parser.error(
            f"unknown benchmark(s): {', '.join(sorted(unknown))}; known: {', '.join(found)}"
        )
    for name in wanted:
        module = importlib.import_module(f"benchmarks.bench_{name}")
        print(f"== {name}", flush=True)
        figures = module.run(args)
        if not figures:
            print(f"   (skipped: {getattr(module, 'SKIP_REASON', 'nothing measured')})")
            continue
        path = write(name, figures)
        for figure in figures:
            print("  ", figure.line())
        print(f"   -> {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
