"""Command line: ``vanban parse [--jsonl] FILE...`` and ``vanban read FILE``.

Scans (.png/.jpg/.tif, PDFs without a text layer) are read by OCR (:mod:`vanban.ocr`) unless
``--no-ocr``; a text file that is OCR's output made elsewhere is mended as OCR's own with
``--ocr-text``; the page count is shown on stderr as pages are read, and the JSON says
``"ocr": {...}`` (engine, pages, mean confidence) for a text that came from OCR. A signed PDF's
signatures are listed (``"signatures": [...]``: signer, certificate issuer, signing time,
status and why it is not valid), checked against the roots of ``--trust-roots PEM`` if given, and
a day the text left blank is taken from the signing time (``"from_signature"``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from vanban import ReadError, ScannedError, parse, read
from vanban.ocr import OcrResult, read_scan
from vanban.signatures import fill_from_signature, load_roots, read_signatures


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
    p_parse.add_argument(
        "--trust-roots",
        metavar="PEM",
        help="certificates of the roots a signed PDF's signatures must chain to",
    )
    p_parse.add_argument("files", nargs="+", metavar="FILE")
    p_read = commands.add_parser("read", help="print the normalised text of a file")
    p_read.add_argument("files", nargs="+", metavar="FILE")
    for sub in (p_parse, p_read):
        sub.add_argument(
            "--no-ocr", action="store_true", help="refuse scans instead of reading them by OCR"
        )
        sub.add_argument(
            "--ocr-text",
            action="store_true",
            help="the text files are OCR output made elsewhere: mend OCR's misreads first",
        )
    args = parser.parse_args(argv)
    _stdout_utf8()
    failed = False
    roots: list[Any] = []
    if getattr(args, "trust_roots", None):
        try:
            roots = load_roots(args.trust_roots)
        except (OSError, ValueError) as exc:
            print(
                f"vanban: {args.trust_roots}: không đọc được chứng thư gốc — "
                f"cannot read the roots ({exc})",
                file=sys.stderr,
            )
            return 2
    for name in args.files:
        ocr: OcrResult | None = None
        try:
            try:
                text = read(name, ocr_text=args.ocr_text)
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
        result: dict[str, Any] = {"file": name}
        doc = parse(text, source=Path(name).name)
        signatures = []
        if Path(name).suffix.lower() == ".pdf":
            try:
                signatures = read_signatures(name, trust_roots=roots)
            except ReadError as exc:
                print(f"vanban: {name}: {exc}", file=sys.stderr)
            fill_from_signature(doc, signatures)
        result.update(doc.to_dict(include_text=args.text))
        if signatures:
            result["signatures"] = [s.to_dict() for s in signatures]
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
