"""The parser on the labelled texts as other ways of reaching us would give them (see
:mod:`distortions`): each distortion is applied to every typed labelled text (the fixtures, the
real documents that are not scans), scored as score.py scores, and held to the floor reached.
A rule fitted to the layout of one fixture loses ground here; a rule of the format does not.

Run with ``-s`` to see each distortion's per-field scores and wrong fields."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from distortions import DISTORTIONS, Distortion
from scoring import kept_as_ocr_text, score

import vanban

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The floor of each distortion's overall score on the typed fixtures and real documents, a little
# under what was measured when it was set (docs/vanban.md, "Độ bền"). Set on 45 texts; on
# 2026-12-04 the 15 fresh state documents (old decisions of the legal libraries, portal
# letters, which score 0.932 undistorted) made the set 60 texts and the floors were set again
# under what was measured then (the 45 score as before on each distortion). One line raised
# the same day to 0.93 (0.941 reached by the flattened text's rules of the old decisions and
# of news pages' date lines). On 2026-12-05 (branch unseen28) twenty-one documents parsed
# unseen were added, sixteen of them a legal library's Markdown copies whose typography (cell
# edges "|", bold runs wrapped over lines) several distortions break (0.937 undistorted): the
# floors below the old ones are set under what the whole set reaches now; the documents held
# before score above every old floor (rewrap 0.976, blank lost at line ends 0.971, before
# capitals 0.943, header columns 0.992, footer columns 0.986, windows 0.992, side by side 0.991).
# Raised again the same day after the plans' assignments and the Markdown reading were mended
# (the 163 texts reached rewrap 0.974, blank lost at line ends 0.959, before capitals 0.921,
# symbol split 0.980, header columns 0.980, footer columns 0.972, e-signature stamp 0.976, one
# line 0.924, windows 0.981, side by side 0.976, paragraphs without blanks 0.971).
FLOORS = {
    "rewrap": 0.96,
    "blank_lost_at_line_ends": 0.95,
    "blank_lost_before_capitals": 0.91,
    "symbol_split_over_lines": 0.94,
    "header_columns": 0.975,
    # (party28: the six central party documents of a library's copies, three of them whole
    # pages, bring these three under the old floors, 0.959, 0.924 and 0.963; the documents held
    # before still pass 0.96, 0.93 and 0.965)
    "footer_columns": 0.965,
    "esignature_stamp": 0.96,
    "one_line": 0.92,
    "windows_and_invisible": 0.975,
    "columns_side_by_side": 0.97,
    "paragraphs_without_blanks": 0.96,
}


def labelled_texts() -> list[Path]:
    texts = sorted(FIXTURES.glob("*.txt")) + sorted((FIXTURES / "real").glob("*.txt"))
    # a scan's text is OCR's already (its PDF beside it, or a copy's OCR text kept alone): its
    # line breaks and blanks are not the document's
    return [
        p
        for p in texts
        if p.with_suffix(".json").exists()
        and not p.with_suffix(".pdf").exists()
        and not kept_as_ocr_text(p)
    ]


def distorted_set(distortion: Distortion, folder: Path) -> Path:
    for path in labelled_texts():
        rng = random.Random(f"{path.name}:{distortion.name}")
        text = distortion.apply(path.read_text(encoding="utf-8"), rng)
        name = f"{path.parent.name}-{path.stem}"
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        (folder / f"{name}.json").write_text(
            path.with_suffix(".json").read_text(encoding="utf-8"), encoding="utf-8"
        )
    return folder


@pytest.mark.parametrize("distortion", DISTORTIONS, ids=lambda d: d.name)
def test_parser_holds_on_distorted_texts(distortion: Distortion, tmp_path: Path) -> None:
    folder = distorted_set(distortion, tmp_path)
    scores, _, errors = score(
        folder, lambda p: vanban.parse(p.read_text(encoding="utf-8")).to_dict()
    )
    kept = {f: v for f, v in scores.items() if f not in distortion.unscored}
    overall = sum(kept.values()) / len(kept)
    print(f"\n{distortion.name}: {overall:.3f}")
    for field, value in kept.items():
        print(f"  {field:18} {value:6.3f}")
    wrong = [e for e in errors if e.split(": ")[1] not in distortion.unscored]
    print("\n".join(wrong))
    assert overall >= FLOORS[distortion.name], wrong


def test_distortions_change_the_text_and_keep_its_words() -> None:
    """Each distortion does what it says on a labelled text, and loses no letter."""
    text = (FIXTURES / "kh-so-quyen.txt").read_text(encoding="utf-8")
    letters = sorted(c for c in text if c.isalnum())
    for distortion in DISTORTIONS:
        changed = distortion.apply(text, random.Random(1))
        assert changed != text, distortion.name
        kept = sorted(c for c in changed if c.isalnum())
        if distortion.name == "esignature_stamp":
            assert json.dumps(kept) != json.dumps(letters)  # the day and number are blanked
        else:
            assert kept == letters, distortion.name
