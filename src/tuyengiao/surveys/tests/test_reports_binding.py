"""Survey results feed report indicators (``reports.services.sources``): the response rate of a
reporting unit, and the share of its respondents choosing given options — only where the survey's
results show that unit's group (≥ k answers, not merged); below k the indicator is left for the
unit to fill in, with a message."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from tuyengiao.reports.forms import IndicatorForm
from tuyengiao.reports.models import (
    DataSource,
    Indicator,
    Period,
    PeriodKind,
    ReportType,
    Submission,
)
from tuyengiao.reports.services import sources
from tuyengiao.reports.services.recipients import set_recipients
from tuyengiao.testing import Tree

from ..models import Participation, QuestionKind, Survey
from ..services import builder, responding, results
from .conftest import TODAY, open_member_survey, people

pytestmark = pytest.mark.django_db


def _answered(tree: Tree) -> tuple[Survey, Any]:
    """A bloc survey: 6 of 8 members of cell1 (base1) answer, 4 of them choosing the first option; 5 members of
    the bloc's own office and the 4 members of cell2 (base2) answer too."""
    cell1 = people(tree.cell1, 8)
    office = people(tree.bloc, 5, "Cán bộ Khối")
    cell2 = people(tree.cell2, 4)
    survey = open_member_survey(tree.bloc, [tree.bloc])
    single = survey.questions.filter(kind=QuestionKind.SINGLE).first()
    assert single is not None
    for n, person in enumerate(cell1[:6] + office + cell2):
        p = Participation.objects.get(survey=survey, person=person)
        responding.submit_member(p, p.token, {str(single.pk): 0 if n < 4 else 1}, TODAY)
    builder.close_survey(survey)
    return survey, single


def _report(tree: Tree, survey: Survey, single: Any) -> dict[str, Any]:
    rt = ReportType.objects.create(unit=tree.bloc, title="Báo cáo kết quả học tập Nghị quyết")
    rate = Indicator.objects.create(
        report_type=rt, order=1, code="tra-loi", label="Tỷ lệ đảng viên trả lời khảo sát",
        kind="percent", integer=False, source=DataSource.SURVEY_RATE, source_survey=survey,
    )  # fmt: skip
    share = Indicator.objects.create(
        report_type=rt, order=2, code="nam-tot", label="Tỷ lệ nắm được nội dung Nghị quyết",
        kind="percent", integer=False, source=DataSource.SURVEY_SHARE, source_survey=survey,
        source_question=single, source_options="1",
    )  # fmt: skip
    year = TODAY.year
    period = Period.objects.create(
        report_type=rt, kind=PeriodKind.QUARTER, year=year, index=4,
        start=date(year, 10, 1), end=date(year, 12, 31), due_date=date(year + 1, 1, 15),
    )  # fmt: skip
    set_recipients(rt, [tree.base1, tree.base2])
    return {"rt": rt, "period": period, "rate": rate, "share": share}


def test_a_unit_over_k_gets_its_figures_one_under_k_fills_it_in(
    tree: Tree, users: Any, client_as: Any
) -> None:
    survey, single = _answered(tree)
    q = _report(tree, survey, single)
    rate, share = q["rate"], q["share"]
    # base1's group is shown (6 answers); base2's 4 are merged with the bloc's office.
    assert results.group_allowed(survey, tree.base1)
    assert not results.group_allowed(survey, tree.base2)

    sub1 = Submission.objects.get(period=q["period"], unit=tree.base1)
    got = sources.figures(sub1, [rate, share])
    assert got[rate.pk].value == 75.0  # 6 of the 8 asked in base1 answered
    assert got[share.pk].value == pytest.approx(66.67)  # 4 of base1's 6 chose option 1
    assert got[share.pk].note == ""
    html = (
        client_as("coso1")
        .get(reverse("reports:submission", kwargs={"submission_pk": sub1.pk}))
        .content.decode()
    )
    assert f'name="{share.key}" id="id_{share.key}" value="66,67"' in html

    sub2 = Submission.objects.get(period=q["period"], unit=tree.base2)
    got = sources.figures(sub2, [rate, share])
    assert got[rate.pk].value == 100.0  # participation is counted, not the answers
    assert got[share.pk].value is None and got[share.pk].text == ""
    assert "dưới 5 phiếu" in got[share.pk].note and "đơn vị tự điền" in got[share.pk].note
    html = (
        client_as("coso2")
        .get(reverse("reports:submission", kwargs={"submission_pk": sub2.pk}))
        .content.decode()
    )
    assert "đơn vị tự điền chỉ tiêu này" in html
    assert f'name="{share.key}" id="id_{share.key}" value=""' in html or (
        f'name="{share.key}" id="id_{share.key}">' in html
    )


def test_the_indicator_form_checks_the_survey_binding(tree: Tree) -> None:
    survey, single = _answered(tree)
    rt = ReportType.objects.create(unit=tree.bloc, title="Báo cáo")
    base = {
        "i-order": "1", "i-code": "ty-le", "i-label": "Tỷ lệ", "i-kind": "percent",
        "i-required": "on", "i-aggregate": "mean", "i-source": "survey_share",
        "i-source_survey": str(survey.pk), "i-source_question": str(single.pk),
    }  # fmt: skip
    form = IndicatorForm({**base, "i-source_options": "1, 2"}, prefix="i", report_type=rt)
    assert form.is_valid(), form.errors
    indicator = form.save(commit=False)
    assert indicator.survey_option_indexes() == [0, 1]
    too_far = len(single.choice_labels()) + 1
    form = IndicatorForm({**base, "i-source_options": f"1, {too_far}"}, prefix="i", report_type=rt)
    assert not form.is_valid() and "số thứ tự phương án" in str(form.errors)
    form = IndicatorForm({**base, "i-source_survey": ""}, prefix="i", report_type=rt)
    assert not form.is_valid() and "Hãy chọn cuộc khảo sát" in str(form.errors)
    # A survey of a unit below the report's owner is not offered (nor one out of scope).
    other = open_member_survey(tree.base1, [tree.base1])
    base1_rt = ReportType.objects.create(unit=tree.province, title="Báo cáo tỉnh")
    form = IndicatorForm(
        {**base, "i-source_survey": str(other.pk), "i-source_options": "1"},
        prefix="i",
        report_type=base1_rt,
    )
    assert not form.is_valid() and "source_survey" in form.errors
