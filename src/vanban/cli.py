"""Command line: ``vanban parse [--jsonl] FILE...`` and ``vanban read FILE``.

Scans (.png/.jpg/.tif, PDFs without a text layer) are read by OCR (:mod:`vanban.ocr`) unless
``--no-ocr``; the page count is shown on stderr as pages are read, and the JSON says
``"ocr": {...}`` (engine, pages, mean confidence) for a text that came from OCR."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from vanban import ReadError, ScannedError, parse, read
from vanban.ocr import OcrResult, read_scan


def _stdout_utf8() -> None:
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8")


def _progress(name: str) -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        if sys.stderr.isatty() or done == total:
            end = "\n" if done == total else "\r"
            print(f"vanban: {name}: OCR {done}/{total} trang (pages)", end=end, file=sys.stderr)

    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="vanban",
        description="Đọc văn bản hành chính tiếng Việt — read Vietnamese administrative documents.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    p_parse = commands.add_parser(
        "parse", help="metadata and structure as JSON, one object per file"
    )
    p_parse.add_argument("--jsonl", action="store_true", help="one JSON object per line")
    p_parse.add_argument("--text", action="store_true", help="include the normalised text")
    p_parse.add_argument("files", nargs="+", metavar="FILE")
    p_read = commands.add_parser("read", help="print the normalised text of a file")
    p_read.add_argument("files", nargs="+", metavar="FILE")
    for sub in (p_parse, p_read):
        sub.add_argument(
            "--no-ocr", action="store_true", help="refuse scans instead of reading them by OCR"
        )
    args = parser.parse_args(argv)
    _stdout_utf8()
    failed = False
    for name in args.files:
        ocr: OcrResult | None = None
        try:
            try:
                text = read(name)
            except ScannedError:
                if args.no_ocr:
                    raise
                ocr = read_scan(name, progress=_progress(name))
                text = ocr.text
        except ReadError as exc:
            print(f"vanban: {name}: {exc}", file=sys.stderr)
            failed = True
            continue
        if args.command == "read":
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
            continue
        result = {"file": name}
        result.update(parse(text, source=Path(name).name).to_dict(include_text=args.text))
        if ocr is not None:
            result["ocr"] = ocr.summary()
        if args.jsonl:
            print(json.dumps(result, ensure_ascii=False))
        else:
            print(json.dumps(result, ensure_ascii=False, indent=2))
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
