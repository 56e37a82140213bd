"""Contests: each juror scores each entry on the rubric independently (a level per criterion);
a juror's weighted total is Σ weight × points; an entry's score is the mean of its jurors'
totals; a juror whose total lies more than the contest's limit from the mean of the other jurors
is flagged; the ranking gives equal scores the same place (1, 1, 3)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

from ..models import Contest, ContestRound, Criterion, CriterionLevel, Entry, Juror, Score
from . import SpeakersError

TWO = Decimal("0.01")


@transaction.atomic
def save_scores(juror: Juror, entry: Entry, levels: Mapping[int, int]) -> int:
    """Save the juror's level (id) for each criterion (id) of the entry; every criterion needed."""
    contest_round = entry.contest_round
    if contest_round.closed:
        raise SpeakersError("Vòng thi đã khóa điểm; không sửa được.")
    if juror.contest_id != contest_round.contest_id:
        raise SpeakersError("Đồng chí không thuộc ban giám khảo của hội thi này.")
    criteria = {c.pk: c for c in Criterion.objects.filter(contest=juror.contest_id)}
    if set(levels) != set(criteria):
        raise SpeakersError("Phải chọn mức cho tất cả các tiêu chí.")
    valid = {
        (lv.criterion_id, lv.pk)
        for lv in CriterionLevel.objects.filter(criterion__in=list(criteria))
    }
    for criterion_id, level_id in levels.items():
        if (criterion_id, level_id) not in valid:
            raise SpeakersError(f"Mức đã chọn không thuộc tiêu chí “{criteria[criterion_id]}”.")
    for criterion_id, level_id in levels.items():
        Score.objects.update_or_create(
            entry=entry, juror=juror, criterion_id=criterion_id, defaults={"level_id": level_id}
        )
    return len(levels)


def juror_totals(contest_round: ContestRound) -> dict[int, dict[int, Decimal]]:
    """entry id → juror id → weighted total, for the jurors who scored every criterion."""
    n_criteria = Criterion.objects.filter(contest=contest_round.contest_id).count()
    sums: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for entry_id, juror_id, weight, points in Score.objects.filter(
        entry__contest_round=contest_round
    ).values_list("entry_id", "juror_id", "criterion__weight", "level__points"):
        sums[(entry_id, juror_id)] += weight * points
        counts[(entry_id, juror_id)] += 1
    out: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for (entry_id, juror_id), total in sums.items():
        if counts[(entry_id, juror_id)] == n_criteria:
            out[entry_id][juror_id] = total
    return out


@dataclass
class ResultRow:
    entry: Entry
    totals: dict[int, Decimal]  # juror id → total
    score: Decimal | None
    rank: int | None = None
    tied: bool = False
    flagged: set[int] = field(default_factory=set)  # juror ids off the others by > limit


def flag_spread(totals: Mapping[int, Decimal], limit: Decimal) -> set[int]:
    """Jurors whose total differs from the mean of the other jurors' totals by more than limit."""
    flagged: set[int] = set()
    if len(totals) < 2:
        return flagged
    for juror_id, total in totals.items():
        others = [t for j, t in totals.items() if j != juror_id]
        mean = sum(others, Decimal(0)) / len(others)
        if abs(total - mean) > limit:
            flagged.add(juror_id)
    return flagged


def results(contest_round: ContestRound) -> list[ResultRow]:
    """Every entry of the round, best first: mean of the jurors' totals (two decimals), the
    rank (equal means share the place and are marked tied; unscored entries last, no rank) and
    the flagged jurors."""
    contest: Contest = contest_round.contest
    totals = juror_totals(contest_round)
    rows = []
    for entry in contest_round.entries.select_related("person", "entrant_unit"):
        t = totals.get(entry.pk, {})
        score = (
            (sum(t.values(), Decimal(0)) / len(t)).quantize(TWO, rounding=ROUND_HALF_UP)
            if t
            else None
        )
        rows.append(ResultRow(entry, t, score, flagged=flag_spread(t, contest.spread_limit)))
    rows.sort(key=lambda r: (r.score is None, -(r.score or 0), r.entry.pk))
    place = 0
    previous: Decimal | None = None
    for index, row in enumerate(rows, start=1):
        if row.score is None:
            continue
        if row.score != previous:
            place = index
        row.rank = place
        previous = row.score
    ranks: dict[int, int] = defaultdict(int)
    for row in rows:
        if row.rank is not None:
            ranks[row.rank] += 1
    for row in rows:
        row.tied = row.rank is not None and ranks[row.rank] > 1
    return rows


def close_round(contest_round: ContestRound) -> None:
    if contest_round.closed:
        raise SpeakersError("Vòng thi đã khóa điểm.")
    if not contest_round.entries.exists():
        raise SpeakersError("Vòng thi chưa có bài dự thi.")
    contest_round.closed = True
    contest_round.save(update_fields=["closed"])


def scored_count(contest_round: ContestRound) -> dict[int, int]:
    """juror id → entries fully scored in the round (progress shown to organisers while open)."""
    out: dict[int, int] = defaultdict(int)
    for entry_totals in juror_totals(contest_round).values():
        for juror_id in entry_totals:
            out[juror_id] += 1
    return out
