"""The POST actions that had shared a view with others, each at its own URL: a bad input comes back
with a Vietnamese message and what was typed; a good one does its one thing."""

from __future__ import annotations

from typing import Any

import pytest

from tuyengiao.study.models import RubricCriterion
from tuyengiao.study.services.essays import submit_essay
from tuyengiao.testing import logged_in_client, make_user

pytestmark = pytest.mark.django_db


def test_rubric_criterion_added_or_sent_back_as_typed(study_round: Any, client_as: Any) -> None:
    url = f"/hoc-tap/{study_round.pk}/thu-hoach/tieu-chi/"
    khoi = client_as("khoi")
    bad = khoi.post(url, {"criterion": "Hiểu nội dung", "levels": "Tốt bốn điểm"})
    html = bad.content.decode()
    assert bad.status_code == 400 and "Cần tên tiêu chí và các mức" in html
    assert 'value="Hiểu nội dung"' in html and "Tốt bốn điểm" in html
    assert not RubricCriterion.objects.exists()
    done = khoi.post(url, {"criterion": " Hiểu nội dung ", "levels": "Tốt: 4\nChưa đạt: 0"})
    assert done.status_code == 302
    criterion = RubricCriterion.objects.get()
    assert criterion.name == "Hiểu nội dung"
    assert [(lv.label, lv.points) for lv in criterion.levels.order_by("-points")] == [
        ("Tốt", 4),
        ("Chưa đạt", 0),
    ]
    # A base unit's officer sees the round but does not set its rubric.
    assert client_as("coso1").post(url, {"criterion": "X", "levels": "A: 1"}).status_code == 403


def test_graders_assigned_by_the_units_officer_only_among_candidates(
    study_round: Any, members: Any, tree: Any, users: Any, client_as: Any
) -> None:
    essay = submit_essay(study_round, members["base1"][0], "Kế hoạch hành động")
    grader = make_user("nguoi-cham", tree.base1, "viewer")
    url = f"/hoc-tap/thu-hoach/{essay.pk}/phan-cong/"
    coso1 = client_as("coso1")
    assert coso1.post(url, {"graders": [grader.pk]}).status_code == 302
    assert list(essay.graders.all()) == [grader]
    # Someone of another branch is no candidate: refused with a message, the assignment unchanged.
    refused = coso1.post(url, {"graders": [users["coso2"].pk]})
    assert "không thể chấm bài này" in refused.content.decode()
    assert list(essay.graders.all()) == [grader]
    # The grader reads the essay but does not assign.
    assert logged_in_client(grader).post(url, {"graders": []}).status_code == 403


def test_list_refresh_returns_to_the_filtered_list(study_round: Any, client_as: Any) -> None:
    response = client_as("coso1").post(f"/hoc-tap/{study_round.pk}/danh-sach/bo-sung/?q=an")
    assert response.status_code == 302
    assert response["Location"] == f"/hoc-tap/{study_round.pk}/danh-sach/?q=an"
    assert (
        client_as("viewer1").post(f"/hoc-tap/{study_round.pk}/danh-sach/bo-sung/").status_code
        == 403
    )


def test_a_round_with_its_own_list_never_takes_the_whole_membership(
    tree: Any, members: Any, client_as: Any
) -> None:
    """A speakers' briefing keeps its attendance in a study round listing only its speakers: the
    study page's "add the unit's new members" must not invite every party member to it."""
    from datetime import date

    from tuyengiao.study.models import Eligibility
    from tuyengiao.study.services import StudyError
    from tuyengiao.study.services.rounds import open_listed_round, snapshot_members

    speaker = members["base1"][0]
    briefing = open_listed_round(
        unit=tree.base1,
        title="Hội nghị báo cáo viên tháng 11",
        starts_on=date(2026, 11, 5),
        ends_on=date(2026, 11, 5),
        people=[speaker],
    )
    assert briefing.listed_only
    with pytest.raises(StudyError, match="lớp bồi dưỡng"):
        snapshot_members(briefing)
    response = client_as("coso1").post(f"/hoc-tap/{briefing.pk}/danh-sach/bo-sung/", follow=True)
    assert "không bổ sung toàn bộ đảng viên" in response.content.decode()
    assert list(Eligibility.objects.filter(round=briefing).values_list("person", flat=True)) == [
        speaker.pk
    ]
    page = client_as("coso1").get(f"/hoc-tap/{briefing.pk}/danh-sach/").content.decode()
    assert "danh-sach/bo-sung/" not in page
