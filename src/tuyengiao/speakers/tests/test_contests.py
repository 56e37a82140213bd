"""Contests: three jurors scoring five entries give the ranking computed independently here; a
juror more than the limit from the others is flagged; ties share a place; a closed round refuses
new scores."""

from __future__ import annotations

from decimal import Decimal
from itertools import product

import pytest

from tuyengiao.orgs.models import Person
from tuyengiao.speakers.models import Criterion, CriterionLevel, Entry, EntryKind, Juror
from tuyengiao.speakers.services import SpeakersError
from tuyengiao.speakers.services.contests import close_round, flag_spread, results, save_scores
from tuyengiao.speakers.testing import make_contest
from tuyengiao.testing import Tree

pytestmark = pytest.mark.django_db

# The rubric of make_contest: Nội dung weight 2 (10/7/5), Trình bày weight 1 (10/6/3).
# Each juror's choice per entry: (content points, presentation points).
MARKS = {
    "J1": [(10, 10), (7, 6), (7, 10), (5, 3), (10, 6)],
    "J2": [(10, 6), (7, 6), (10, 3), (5, 6), (7, 10)],
    "J3": [(10, 10), (7, 10), (7, 6), (10, 10), (10, 3)],  # entry 4: J3 far above the others
}


def test_three_jurors_five_entries(tree: Tree) -> None:
    contest = make_contest(tree.bloc, spread_limit=Decimal("8"))
    contest_round = contest.rounds.get()
    content, presentation = Criterion.objects.filter(contest=contest).order_by("order")
    level = {
        (c.pk, int(lv.points)): lv.pk
        for c in (content, presentation)
        for lv in CriterionLevel.objects.filter(criterion=c)
    }
    entries = [
        Entry.objects.create(
            contest_round=contest_round,
            person=Person.objects.create(unit=tree.cell1, full_name=f"Thí sinh {i}"),
            entrant_unit=tree.cell1,
            kind=EntryKind.TALK,
            title=f"Bài {i}",
        )
        for i in range(1, 6)
    ]
    jurors = {
        name: Juror.objects.create(
            contest=contest, person=Person.objects.create(unit=tree.bloc, full_name=name)
        )
        for name in MARKS
    }
    for (name, marks), (i, entry) in product(MARKS.items(), enumerate(entries)):
        c_pts, p_pts = marks[i]
        save_scores(
            jurors[name],
            entry,
            {
                content.pk: level[(content.pk, c_pts)],
                presentation.pk: level[(presentation.pk, p_pts)],
            },
        )

    # Independently: total = 2 × content + presentation; the entry's score is the jurors' mean.
    expected_totals = {
        i: [2 * MARKS[j][i][0] + MARKS[j][i][1] for j in ("J1", "J2", "J3")] for i in range(5)
    }
    # entry 0: 30, 26, 30 → 28.67; entry 1: 20, 20, 24 → 21.33; entry 2: 24, 23, 20 → 22.33
    # entry 3: 13, 16, 30 → 19.67; entry 4: 26, 24, 23 → 24.33
    expected_scores = {
        i: (Decimal(sum(t)) / 3).quantize(Decimal("0.01")) for i, t in expected_totals.items()
    }
    order = sorted(range(5), key=lambda i: -expected_scores[i])
    rows = results(contest_round)
    assert [r.entry.pk for r in rows] == [entries[i].pk for i in order]
    assert [r.score for r in rows] == [expected_scores[i] for i in order]
    assert [r.rank for r in rows] == [1, 2, 3, 4, 5]
    flagged = {r.entry.title: r.flagged for r in rows}
    # Entry 4 ("Bài 4"): J3 gave 30 against the others' mean 14.5 → flagged; J1 (13) is 10 below
    # the mean of J2 and J3 (23) → flagged too; J2 (16) is 5.5 below 21.5 → not flagged.
    assert flagged["Bài 4"] == {jurors["J3"].pk, jurors["J1"].pk}
    assert all(not f for t, f in flagged.items() if t != "Bài 4")

    close_round(contest_round)
    with pytest.raises(SpeakersError, match="khóa điểm"):
        save_scores(
            jurors["J1"],
            entries[0],
            {content.pk: level[(content.pk, 5)], presentation.pk: level[(presentation.pk, 3)]},
        )


def test_ties_share_a_place_and_unscored_come_last(tree: Tree) -> None:
    contest = make_contest(tree.bloc)
    contest_round = contest.rounds.get()
    content, presentation = Criterion.objects.filter(contest=contest).order_by("order")
    top_c = CriterionLevel.objects.get(criterion=content, points=10).pk
    top_p = CriterionLevel.objects.get(criterion=presentation, points=10).pk
    low_p = CriterionLevel.objects.get(criterion=presentation, points=3).pk
    juror = Juror.objects.create(
        contest=contest, person=Person.objects.create(unit=tree.bloc, full_name="GK")
    )
    made = [
        Entry.objects.create(
            contest_round=contest_round, entrant_unit=tree.base1, kind=EntryKind.ARTICLE, title=t
        )
        for t in ("A", "B", "C", "D")
    ]
    save_scores(juror, made[0], {content.pk: top_c, presentation.pk: top_p})
    save_scores(juror, made[1], {content.pk: top_c, presentation.pk: top_p})
    save_scores(juror, made[2], {content.pk: top_c, presentation.pk: low_p})
    with pytest.raises(SpeakersError, match="tất cả các tiêu chí"):
        save_scores(juror, made[3], {content.pk: top_c})
    with pytest.raises(SpeakersError, match="không thuộc tiêu chí"):
        save_scores(juror, made[3], {content.pk: top_p, presentation.pk: top_p})
    rows = results(contest_round)
    assert [(r.entry.title, r.rank, r.tied) for r in rows] == [
        ("A", 1, True),
        ("B", 1, True),
        ("C", 3, False),
        ("D", None, False),
    ]


def test_flag_spread_needs_two_jurors() -> None:
    assert flag_spread({1: Decimal(30)}, Decimal(1)) == set()
    assert flag_spread({1: Decimal(30), 2: Decimal(10)}, Decimal(19)) == {1, 2}
    assert flag_spread({1: Decimal(30), 2: Decimal(10)}, Decimal(20)) == set()
