"""Hand-written documents of forms the dev corpus does not cover, compared field by field.

Each ``fixtures/NAME.txt`` is a document written from the official formats (Nghị định
30/2020/NĐ-CP for state documents, Hướng dẫn 36-HD/VPTW for party documents); ``NAME.json`` holds
its fields in the corpus schema, read off the text by hand (``notes`` says why for the ambiguous
ones). Values are compared the way the corpus scorer compares them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from vanban import parse_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"
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


def _number(value: Any) -> str:
    return re.sub(r"\s+", "", _norm(value).upper())


def _lists(doc: dict[str, Any]) -> dict[str, list[Any]]:
    return {
        "recipients": sorted(_norm(r).lstrip("-+• ").strip() for r in doc["recipients"]),
        "references": sorted(
            (_number(r["number"]), _norm(r["date"]), _norm(r["issuer"])) for r in doc["references"]
        ),
        "implements": sorted(_number(n) for n in doc["implements"]),
        "sections": sorted((_norm(s["label"]), _norm(s["title"])) for s in doc["sections"]),
        "items": sorted(
            (_norm(i["section"]), _norm(i["label"]), _norm(i["title"])) for i in doc["items"]
        ),
        "assignments": sorted(
            (
                _norm(a["section"]),
                _norm(a["item"]),
                tuple(sorted(_norm(u) for u in a["units"])),
                _norm(a["period"]),
            )
            for a in doc["assignments"]
        ),
    }


CASES = sorted(FIXTURES.glob("*.txt"))


def test_fixture_set_covers_many_forms() -> None:
    assert len(CASES) >= 12
    kinds = {json.loads(p.with_suffix(".json").read_text("utf-8"))["doc_type"] for p in CASES}
    assert len(kinds) >= 8


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_fixture_fields(path: Path) -> None:
    gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    got = parse_file(path).to_dict()
    wrong = {
        field: (gold[field], got[field])
        for field in SCALARS
        if _norm(gold[field]) != _norm(got[field])
    }
    gold_lists, got_lists = _lists(gold), _lists(got)
    wrong.update(
        {
            field: (gold_lists[field], got_lists[field])
            for field in gold_lists
            if gold_lists[field] != got_lists[field]
        }
    )
    assert not wrong, wrong
