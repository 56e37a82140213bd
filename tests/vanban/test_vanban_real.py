"""Real documents (never written for the parser), labelled by hand, scored as score.py scores.

``fixtures/real/NAME.txt`` is a document as a public source gives it (its ``source`` URL is in
``NAME.json``), kept only when the source gave the whole text; ``NAME.json`` is its ground truth in
the corpus schema, with ``notes`` on the ambiguous calls. The test prints the per-field scores
(run with ``-s`` to see them) and holds the floor reached, so that a change that loses ground on
real documents fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

from scoring import score

from vanban import parse_file

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
FLOOR_OVERALL = 0.80
FLOOR_FIELD = 0.58


def test_real_fixtures_are_sourced_and_labelled() -> None:
    texts = sorted(REAL.glob("*.txt"))
    assert len(texts) >= 38
    for path in texts:
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert gold["source"].startswith("http"), path.name
        assert gold["notes"], path.name


def test_real_fixtures_score() -> None:
    scores, overall, errors = score(REAL, lambda p: parse_file(p).to_dict())
    print()
    for field, value in scores.items():
        print(f"{field:18} {value:6.3f}")
    print(f"overall            {overall:6.3f}")
    print("\n".join(errors))
    assert overall >= FLOOR_OVERALL, errors
    assert min(scores.values()) >= FLOOR_FIELD, scores
