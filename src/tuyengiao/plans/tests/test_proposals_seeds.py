"""The five seed documents (the demo's plans), read as the library reads them (``vanban.read`` +
``vanban.parse``), proposed as the plans app proposes: every seed gives tasks, each with a unit
or a collective assignee and the time frame its text states; no task is a fragment; and the
share of proposed tasks an officer keeps unedited, measured against the hand-labelled JSON.

"Kept unedited" (a task whose item is labelled in ``seed-N.json``):

* its title is the labelled item title (after normalisation: NFC, whitespace collapsed, case
  folded, trailing punctuation stripped) — or, for an item whose labelled title only names its
  assignee ("2. Ban Tổ chức Đảng ủy Khối", "Văn phòng Sở: …"), one whole duty paragraph of that
  item as printed;
* the units it names are exactly the labelled assignment's units (none when none is labelled);
* its time frame is the labelled period when one is labelled.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from tuyengiao.plans.proposals import REPORT, ProposedTask, propose_tasks
from tuyengiao.plans.timeframes import find_timeframe

vanban = pytest.importorskip("vanban")

CORPUS = Path(__file__).resolve().parents[5] / "shared" / "corpus" / "dev"
SEEDS = sorted(CORPUS.glob("seed-*.txt")) if CORPUS.is_dir() else []
pytestmark = pytest.mark.skipif(not SEEDS, reason=f"dev corpus not found at {CORPUS}")

# Measured on the five seeds when this test was written: 42/42 (100 %) of the tasks of labelled
# items (docs/huong-dan/ke-hoach.md); a change of the proposals that lowers it must say why.
KEPT_FLOOR = 0.90


def norm(value: str | None) -> str:
    value = unicodedata.normalize("NFC", (value or "").replace("*", ""))
    return " ".join(value.split()).casefold().rstrip(" .;:,")


def _proposals(path: Path) -> tuple[list[ProposedTask], dict[str, Any], str]:
    text = vanban.read(path)
    parsed = vanban.parse(text, source=path.name).to_dict()
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    return propose_tasks(parsed, text), truth, text


def _paragraphs(text: str) -> set[str]:
    joined = vanban.join_broken_lines(text)
    out = set()
    for line in joined.split("\n"):
        line = re.sub(r"^\s*(?:\d{1,3}\s*[.)]\s*)?(?:[-+•–]\s*)*", "", line.replace("*", ""))
        if ": " in line:
            out.add(norm(line.split(": ", 1)[1]))
        out.add(norm(line))
    return out


def kept_unedited(task: ProposedTask, truth: dict[str, Any], paragraphs: set[str]) -> bool | None:
    """True/False for a task of a labelled item, None when the labels do not cover it."""
    items = {(i["section"], i["label"]): i for i in truth["items"]}
    item = items.get((task.section, task.label))
    if item is None:
        return None
    labelled_units: set[str] = set()
    period = None
    for a in truth["assignments"]:
        if (a["section"], a["item"]) == (task.section, task.label):
            labelled_units |= {norm(u) for u in a["units"]}
            period = period or a["period"]
    label_title = norm(item["title"])
    bare = (
        label_title in labelled_units
        or any(label_title.startswith(u + ":") for u in labelled_units)
        or label_title.startswith("đối với ")  # "Đối với cấp ủy cơ sở …": an addressee
    )
    whole = norm(task.title) == label_title or (
        # the labelled title is the heading's first line, cut by a page break: proposed whole
        norm(task.title).startswith(label_title + " ")
        and not re.search(r"[.;:!?]$", item["title"].strip())
    )
    after_colon = item["title"].split(": ", 1)[1] if ": " in item["title"] else None
    title_ok = (
        whole
        or (bare and norm(task.title) in paragraphs)
        or (after_colon is not None and norm(task.title) == norm(after_colon))  # "X: duty"
    )
    units_ok = {norm(u.name) for u in task.named_units} == labelled_units
    frame_ok = period is None or norm(task.timeframe.raw) == norm(period)
    if not (title_ok and units_ok and frame_ok):
        print(
            f"  edited: {task.section}.{task.label} {task.title[:60]!r} {title_ok} {units_ok} {frame_ok}"
        )
    return title_ok and units_ok and frame_ok


def test_every_seed_gives_tasks_with_assignees_and_time_frames() -> None:
    for path in SEEDS:
        tasks, truth, _text = _proposals(path)
        work = [t for t in tasks if t.kind != REPORT]
        assert work, f"{path.name}: no task proposed"
        doc_frame = find_timeframe(truth["title"], standing=True)
        for task in work:
            assert task.units, f"{path.name}: {task.title[:60]} has no assignee"
            assert any(u.collective or u.name for u in task.lead_units)
            if doc_frame:  # the document states a frame: every task carries one
                assert task.timeframe.raw, f"{path.name}: {task.title[:60]} has no time frame"
            for piece in [task, *task.subtasks]:
                assert piece.title[:1].isupper() or piece.title[:1].isdigit(), (
                    f"{path.name}: a fragment proposed: {piece.title[:60]!r}"
                )
        for a in truth["assignments"]:
            if a["period"]:
                matching = [t for t in work if (t.section, t.label) == (a["section"], a["item"])]
                assert matching and all(
                    norm(t.timeframe.raw) == norm(a["period"]) for t in matching
                )


def test_a_conclusion_published_as_a_news_page_gives_its_tasks() -> None:
    (path,) = [
        p for p in SEEDS if json.loads(p.with_suffix(".json").read_text())["doc_type"] == "Tin bài"
    ]
    tasks, _truth, text = _proposals(path)
    from tuyengiao.plans.plan_text import published_directive

    assert published_directive(text) == ("Kết luận", "88-KL/TU")
    work = [t for t in tasks if t.kind != REPORT]
    assert [t.label for t in work] == [str(i) for i in range(1, len(work) + 1)] and len(work) >= 5
    assert all(t.collective_role for t in work)  # "yêu cầu các cấp ủy, tổ chức đảng … thực hiện"
    assert not any("Tác giả" in t.description or "GM/ĐUK" in t.description for t in work)


def test_share_of_tasks_kept_unedited(capsys: pytest.CaptureFixture[str]) -> None:
    judged = kept = 0
    lines = []
    for path in SEEDS:
        tasks, truth, text = _proposals(path)
        paragraphs = _paragraphs(text)
        verdicts = [kept_unedited(t, truth, paragraphs) for t in tasks]
        n = sum(v is not None for v in verdicts)
        k = sum(v is True for v in verdicts)
        judged, kept = judged + n, kept + k
        lines.append(f"{path.stem}: {k}/{n}")
    share = kept / judged
    with capsys.disabled():
        print(f"\nkept unedited: {kept}/{judged} = {share:.0%} ({', '.join(lines)})")
    assert judged >= 30
    assert share >= KEPT_FLOOR


FIXTURES = Path(__file__).resolve().parents[4] / "tests" / "vanban" / "fixtures"
TASK_DOC_TYPES = {"Kế hoạch", "Chương trình hành động", "Kết luận", "Chỉ thị", "Nghị quyết"}


def _fixture_docs() -> list[Path]:
    out = []
    for path in sorted(FIXTURES.glob("*.txt")) if FIXTURES.is_dir() else []:
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        if truth.get("doc_type") in TASK_DOC_TYPES:
            out.append(path)
    return out


@pytest.mark.parametrize("path", _fixture_docs(), ids=lambda p: p.stem)
def test_other_real_documents_give_tasks_too(path: Path) -> None:
    """The same rules on the parser's other real documents (plans, programmes, a district's
    conclusion, a provincial directive, a cell's resolution): tasks, each with an assignee, none
    a fragment, the labelled periods kept."""
    tasks, truth, _text = _proposals(path)
    work = [t for t in tasks if t.kind != REPORT]
    assert work, path.name
    for task in work:
        assert task.units and task.lead_units, (path.name, task.title[:60])
        assert task.title[:1].isupper() or task.title[:1].isdigit(), task.title[:60]
    for a in truth["assignments"]:
        if a["period"]:
            matching = [t for t in work if (t.section, t.label) == (a["section"], a["item"])]
            assert all(norm(t.timeframe.raw) == norm(a["period"]) for t in matching), a
