"""Tasks proposed from each plan of the dev corpus match its items, assignments and time frames.

The expected values are read from the corpus' hand-labelled JSON (the ground truth), not typed here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tuyengiao.plans.proposals import (
    COORDINATE,
    LEAD,
    REPORT,
    UnitMatcher,
    propose_tasks,
    unit_role,
)
from tuyengiao.plans.timeframes import _fold

CORPUS = Path(__file__).resolve().parents[5] / "shared" / "corpus" / "dev"
PLAN_FILES = sorted(CORPUS.glob("seed-*.json")) if CORPUS.is_dir() else []

TASK_WORDS = ("NHIỆM VỤ", "NỘI DUNG", "GIẢI PHÁP")


def _norm(value: str | None) -> str:
    return " ".join((value or "").replace("*", "").split()).rstrip(" .;:")


def expected_tasks(truth: dict[str, Any]) -> dict[tuple[str, str | None], dict[str, Any]]:
    """From the ground truth: one task per item of a task section, and per assigned item of
    "Tổ chức thực hiện" (one for that section when it assigns units without numbering them)."""
    section_titles = {s["label"]: s["title"].upper() for s in truth["sections"]}
    assigned: dict[tuple[str, str | None], dict[str, Any]] = {}
    for a in truth["assignments"]:
        entry = assigned.setdefault((a["section"], a["item"]), {"units": set(), "period": None})
        entry["units"] |= {_norm(u) for u in a["units"]}
        entry["period"] = entry["period"] or a["period"]
    out: dict[tuple[str, str | None], dict[str, Any]] = {}
    for item in truth["items"]:
        key = (item["section"], item["label"])
        title = section_titles[item["section"]]
        is_tasks = any(w in title for w in TASK_WORDS) and "TỔ CHỨC THỰC HIỆN" not in title
        if is_tasks or ("TỔ CHỨC THỰC HIỆN" in title and key in assigned):
            out[key] = {
                "title": item["title"],
                **assigned.get(key, {"units": set(), "period": None}),
            }
    for key, entry in assigned.items():
        if key[1] is None:
            out[key] = {"title": None, **entry}
    return out


def _check(tasks: list[Any], truth: dict[str, Any]) -> None:
    expected = expected_tasks(truth)
    # (numbered paragraphs of a document without sections are checked in test_proposals_seeds)
    got = {t.key: t for t in tasks if t.kind != REPORT and t.section}
    assert set(got) == set(expected), truth["source"]
    assert [t.order for t in tasks] == list(range(1, len(tasks) + 1))
    for key, exp in expected.items():
        task = got[key]
        # An item whose heading only names its assignee is proposed as that unit's duties.
        bare = (
            _norm(exp["title"] or "") in exp["units"]
            or ":" in (exp["title"] or "")
            or _fold(exp["title"] or "").startswith("doi voi ")
        )
        if exp["title"] is not None and not bare:
            # A heading cut by a page break ("… quy định về trách" / "nhiệm nêu gương …") is
            # proposed whole.
            assert _norm(task.title) == _norm(exp["title"]) or (
                _norm(task.title).startswith(_norm(exp["title"]) + " ")
                and not re.search(r"[.;:!?]$", exp["title"])
            ), key
        assert {_norm(u.name) for u in task.named_units} == exp["units"], key
        if exp["period"]:
            assert _norm(task.timeframe.raw) == _norm(exp["period"]), key
        if exp["period"]:
            years = [int(y) for y in re.findall(r"(?:19|20)\d\d", exp["period"])]
            if years:
                assert task.timeframe.start is not None and task.timeframe.start.year == years[0]
                assert task.timeframe.end is not None and task.timeframe.end.year == years[-1]
        if task.units:
            assert any(u.role == LEAD for u in task.units)
        # "X phối hợp với Y": the units named after "phối hợp với" in the item's own words coordinate.
        heading = _fold(exp["title"] or "")
        if "phoi hop voi" in heading:
            after = heading.split("phoi hop voi", 1)[1]
            for unit in task.units:
                expected_role = COORDINATE if _fold(unit.name) in after else LEAD
                assert unit.role == expected_role, (key, unit.name)
        assert task.description.strip()


@pytest.mark.skipif(not PLAN_FILES, reason=f"dev corpus not found at {CORPUS}")
@pytest.mark.parametrize("json_path", PLAN_FILES, ids=lambda p: p.stem)
def test_corpus_plan_becomes_its_tasks(json_path: Path) -> None:
    truth = json.loads(json_path.read_text(encoding="utf-8"))
    text = json_path.with_suffix(".txt").read_text(encoding="utf-8")
    tasks = propose_tasks(truth, text)
    _check(tasks, truth)
    if truth["doc_type"] == "Kế hoạch" and truth["items"]:
        assert tasks, "a plan with items must propose tasks"


@pytest.mark.skipif(not PLAN_FILES, reason=f"dev corpus not found at {CORPUS}")
@pytest.mark.parametrize("json_path", PLAN_FILES, ids=lambda p: p.stem)
def test_corpus_plan_through_vanban(json_path: Path) -> None:
    vanban = pytest.importorskip("vanban")
    if not hasattr(vanban, "parse"):
        pytest.skip("vanban.parse is not available yet")
    text = json_path.with_suffix(".txt").read_text(encoding="utf-8")
    truth = json.loads(json_path.read_text(encoding="utf-8"))
    parsed = vanban.parse(text).to_dict()
    # The parser is scored separately; here the proposals must follow whatever items it found.
    if [(i["section"], i["label"]) for i in parsed["items"]] != [
        (i["section"], i["label"]) for i in truth["items"]
    ]:
        pytest.skip("vanban's items differ from the ground truth for this file")
    tasks = propose_tasks(parsed, text)
    assert {t.key for t in tasks if t.kind != REPORT and t.section} == set(expected_tasks(truth))


def test_roles_from_the_wording() -> None:
    text = "Ban Tuyên giáo chủ trì, phối hợp với Văn phòng Đảng ủy, Đoàn Khối thực hiện."
    assert unit_role("Ban Tuyên giáo", text) == LEAD
    assert unit_role("Văn phòng Đảng ủy", text) == COORDINATE
    assert unit_role("Đoàn Khối", text) == COORDINATE
    assert unit_role("Không có trong văn bản", text) == LEAD


def test_period_line_and_indicators_in_item_text() -> None:
    parsed = {
        "sections": [
            {"label": "II", "title": "NHIỆM VỤ, GIẢI PHÁP"},
            {"label": "III", "title": "TỔ CHỨC THỰC HIỆN"},
        ],
        "items": [{"section": "II", "label": "1", "title": "Học tập nghị quyết"}],
        "assignments": [],
    }
    text = (
        "II. NHIỆM VỤ, GIẢI PHÁP\n1. Học tập nghị quyết\n- Tỷ lệ đảng viên tham gia học tập ≥ 98%.\n"
        "- Thời gian thực hiện: Quý II/2024\nIII. TỔ CHỨC THỰC HIỆN\nCác chi bộ thực hiện.\n"
    )
    (task,) = propose_tasks(parsed, text)
    assert task.collective_role == LEAD  # "Các chi bộ thực hiện": the units the plan reaches
    assert task.timeframe.raw == "Quý II/2024" and task.timeframe.end is not None
    assert task.timeframe.end.isoformat() == "2024-06-30"
    (ind,) = task.indicators
    assert (ind.target, ind.unit) == (98, "%")
    assert "Tỷ lệ đảng viên" in task.description


@pytest.mark.django_db
def test_units_matched_by_folded_name_or_short_name(tree: Any) -> None:
    matcher = UnitMatcher([tree.bloc, tree.base1, tree.base2, tree.department])
    assert matcher.match("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH") == tree.bloc
    assert matcher.match("dang bo so y te") == tree.base2
    assert matcher.match("các Đảng bộ Sở Y tế") == tree.base2
    assert matcher.match("STTTT") == tree.department
    assert matcher.match("Ban Dân vận") is None
    parsed = {
        "sections": [{"label": "III", "title": "TỔ CHỨC THỰC HIỆN"}],
        "items": [
            {"section": "III", "label": "1", "title": "Đảng bộ Sở Y tế phối hợp với Ban Dân vận"}
        ],
        "assignments": [
            {
                "section": "III",
                "item": "1",
                "units": ["Đảng bộ Sở Y tế", "Ban Dân vận"],
                "period": "hằng năm",
            }
        ],
    }
    (task,) = propose_tasks(parsed, None, matcher)
    lead, coord = task.units
    assert task.collective_role == ""
    assert (lead.unit_id, lead.role) == (tree.base2.pk, LEAD)
    assert (coord.unit_id, coord.name, coord.role) == (None, "Ban Dân vận", COORDINATE)
    assert task.timeframe.recurrence == "yearly"
