"""Per-survey tallies: the results read running counts instead of grouping the answers.

Each batch written by ``responding.flush`` adds its counts to ``Tally`` rows in the same
transaction (the survey row is locked first, so two batches never add at once). A tally row is
keyed by the response's already-coarsened unit cell, so it holds nothing the answer rows do not.
``rebuild`` recomputes a survey's tallies from its answer rows (a survey answered before tallies
existed, or a repair: ``manage.py rebuild_survey_tallies``); ``ensure`` does it lazily when a
survey has responses and no tallies.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Count, Sum

NONE = -1
_shuffle = random.SystemRandom().shuffle
# (unit_path, question_id or None, row, option) -> [count, rank_sum]
Key = tuple[str, int | None, int, int]


def _new() -> defaultdict[Key, list[int]]:
    return defaultdict(lambda: [0, 0])


def batch_counts(responses: Iterable[Any], answers: Iterable[Any]) -> dict[Key, list[int]]:
    """The counts of one batch of unsaved ``Response``/``Answer`` objects."""
    out = _new()
    path_of: dict[Any, str] = {}
    for response in responses:
        path_of[response.pk] = response.unit_path
        out[(response.unit_path, None, NONE, NONE)][0] += 1
    answered: set[tuple[Any, int]] = set()
    for a in answers:
        path = path_of[a.response_id]
        if (a.response_id, a.question_id) not in answered:
            answered.add((a.response_id, a.question_id))
            out[(path, a.question_id, NONE, NONE)][0] += 1
        if a.option is None:
            continue
        cell = out[(path, a.question_id, NONE if a.row is None else a.row, a.option)]
        cell[0] += 1
        cell[1] += a.rank or 0
    return out


def add(survey_id: int, counts: dict[Key, list[int]], tally_model: Any = None) -> None:
    """Add ``counts`` to the survey's tally rows (inside the caller's transaction, with the
    survey row locked)."""
    if tally_model is None:
        from ..models import Tally as tally_model
    if not counts:
        return
    paths = {key[0] for key in counts}
    existing = {
        (t.unit_path, t.question_id, t.row, t.option): t
        for t in tally_model.objects.filter(survey_id=survey_id, unit_path__in=paths)
    }
    changed, new = [], []
    for key, (n, rank_sum) in counts.items():
        row = existing.get(key)
        if row is None:
            new.append(
                tally_model(
                    survey_id=survey_id,
                    unit_path=key[0],
                    question_id=key[1],
                    row=key[2],
                    option=key[3],
                    count=n,
                    rank_sum=rank_sum,
                )
            )
        else:
            row.count += n
            row.rank_sum += rank_sum
            changed.append(row)
    tally_model.objects.bulk_update(changed, ["count", "rank_sum"], batch_size=500)
    _shuffle(new)  # new rows in no meaningful order, as the answers
    tally_model.objects.bulk_create(new, batch_size=500)


def counts_from_answers(
    survey_id: int, response_model: Any, answer_model: Any
) -> dict[Key, list[int]]:
    """The tallies of a survey recomputed from its response and answer rows (GROUP BY)."""
    out = _new()
    for path, n in (
        response_model.objects.filter(survey_id=survey_id)
        .values_list("unit_path")
        .annotate(n=Count("pk"))
        .values_list("unit_path", "n")
    ):
        out[(path, None, NONE, NONE)][0] += n
    answers = answer_model.objects.filter(response__survey_id=survey_id)
    for path, qid, n in (
        answers.values_list("response__unit_path", "question_id")
        .annotate(n=Count("response_id", distinct=True))
        .values_list("response__unit_path", "question_id", "n")
    ):
        out[(path, qid, NONE, NONE)][0] += n
    for path, qid, row, option, n, rank_sum in (
        answers.filter(option__isnull=False)
        .values_list("response__unit_path", "question_id", "row", "option")
        .annotate(n=Count("pk"), s=Sum("rank"))
        .values_list("response__unit_path", "question_id", "row", "option", "n", "s")
    ):
        cell = out[(path, qid, NONE if row is None else row, option)]
        cell[0] += n
        cell[1] += rank_sum or 0
    return out


def rebuild(survey_id: int, models: Any = None) -> int:
    """Recompute a survey's tallies from its answer rows; returns the number of tally rows.
    ``models`` is (Survey, Response, Answer, Tally) — a migration passes its historical ones."""
    if models is None:
        from ..models import Answer, Response, Survey, Tally

        models = (Survey, Response, Answer, Tally)
    survey_model, response_model, answer_model, tally_model = models
    with transaction.atomic():
        survey_model.objects.select_for_update().filter(pk=survey_id).first()
        tally_model.objects.filter(survey_id=survey_id).delete()
        counts = counts_from_answers(survey_id, response_model, answer_model)
        add(survey_id, counts, tally_model)
        return len(counts)


def ensure(survey: Any) -> bool:
    """Build the tallies of a survey answered before they existed (no tally, some responses);
    whether it did."""
    from ..models import Response, Tally

    if Tally.objects.filter(survey=survey).exists():
        return False
    if not Response.objects.filter(survey=survey).exists():
        return False
    rebuild(survey.pk)
    return True
