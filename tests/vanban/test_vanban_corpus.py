"""The dev corpus beside the repository, scored field by field the way score.py does it."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from vanban import parse_file

SCALARS = [
    "number",
    "doc_type",
    "issuer",
    "parent_issuer",
    "place",
    "date",
    "title",
    "signer_name",
    "signer_title",
    "on_behalf",
]


def _norm(value: Any) -> str:
    text = unicodedata.normalize("NFC", "" if value is None else str(value))
    return re.sub(r"\s+", " ", text).strip().casefold().rstrip(" .,;:")


def test_dev_corpus_fields(corpus_dir: Path) -> None:
    right = total = 0
    for path in sorted(corpus_dir.glob("*.txt")):
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        got = parse_file(path).to_dict()
        for field in SCALARS:
            total += 1
            right += _norm(gold[field]) == _norm(got[field])
        assert sorted(_norm(r["number"]).replace(" ", "") for r in got["references"]) == sorted(
            _norm(r["number"]).replace(" ", "") for r in gold["references"]
        ), path.name
    assert right / total >= 0.9
