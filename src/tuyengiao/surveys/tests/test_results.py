"""The figures: counts and shares per kind of question, matrix, ranking, scale mean, skip logic
and the share a report indicator can read."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from tuyengiao.testing import Tree

from ..forms import AnswerForm
from ..models import Participation, QuestionKind
from ..services import builder, responding, results
from .conftest import TODAY, people


def test_every_kind_is_counted(tree: Tree) -> None:
    persons = people(tree.cell1, 10)
    survey = builder.create_survey(
        tree.base1, None, title="Đủ loại", closes_on=TODAY + timedelta(days=5)
    )
    single = builder.add_question(survey, kind=QuestionKind.SINGLE, text="Một", options=["A", "B"])
    multi = builder.add_question(
        survey, kind=QuestionKind.MULTIPLE, text="Nhiều", options=["X", "Y", "Z"]
    )
    scale = builder.add_question(survey, kind=QuestionKind.SCALE, text="Thang")
    rank = builder.add_question(survey, kind=QuestionKind.RANKING, text="Xếp", options=["P", "Q"])
    matrix = builder.add_question(
        survey, kind=QuestionKind.MATRIX, text="Bảng", options=["Tốt", "Chưa"], rows=["r1", "r2"]
    )
    follow = builder.add_question(
        survey, kind=QuestionKind.SHORT, text="Vì sao B?", show_if=single, show_if_option=1
    )
    survey.audience_units.set([tree.base1])
    builder.open_survey(survey, TODAY)
    for n, person in enumerate(persons):
        data = {
            f"q{single.pk}": str(n % 2),
            f"q{multi.pk}": ["0", "2"] if n < 5 else ["1"],
            f"q{scale.pk}": str(n % 5),
            f"q{rank.pk}_0": "1" if n < 7 else "2",
            f"q{rank.pk}_1": "2" if n < 7 else "1",
            f"q{matrix.pk}_0": "0",
            f"q{matrix.pk}_1": str(n % 2),
            f"q{follow.pk}": f"lý do {n}",
        }
        form = AnswerForm(data, survey=survey)
        assert form.is_valid(), form.errors
        payload = form.cleaned_data["payload"]
        # Skip logic: the follow-up is kept only for those who chose B.
        assert (str(follow.pk) in payload) == (n % 2 == 1)
        p = Participation.objects.get(survey=survey, person=person)
        responding.submit_member(p, p.token, payload, TODAY)
    r = results.results(survey)
    assert r.shown and r.total == 10
    by = {qr.question.pk: qr for qr in r.questions}
    assert [(o.label, o.count, o.share) for o in by[single.pk].options] == [
        ("A", 5, Decimal("50.00")),
        ("B", 5, Decimal("50.00")),
    ]
    assert by[multi.pk].answered == 10
    assert [o.count for o in by[multi.pk].options] == [5, 5, 5]
    assert by[scale.pk].mean == Decimal("3.00")
    assert by[rank.pk].ranking[0] == ("P", Decimal("1.30"))
    assert by[matrix.pk].matrix[0][1][0].count == 10 and by[matrix.pk].matrix[1][1][1].count == 5
    assert sorted(by[follow.pk].texts) == sorted(f"lý do {n}" for n in range(1, 10, 2))
    assert results.share_of(survey, single, [0]) == Decimal("50.00")


def test_ranking_must_be_a_permutation_and_required_kept(tree: Tree) -> None:
    survey = builder.create_survey(tree.base1, None, title="x", closes_on=TODAY)
    rank = builder.add_question(
        survey, kind=QuestionKind.RANKING, text="Xếp", options=["P", "Q"], required=True
    )
    form = AnswerForm({f"q{rank.pk}_0": "1", f"q{rank.pk}_1": "1"}, survey=survey)
    assert not form.is_valid()
    assert "thứ tự khác nhau" in str(form.errors)


def test_share_of_is_none_under_k(tree: Tree) -> None:
    survey = builder.create_survey(tree.base1, None, title="x", closes_on=TODAY)
    q = builder.add_question(survey, kind=QuestionKind.YES_NO, text="?")
    assert results.share_of(survey, q, [0]) is None
