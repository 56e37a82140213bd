"""Opening a survey tells the officers of the units whose members are asked, never who answered."""

from __future__ import annotations

from typing import Any

import pytest

from tuyengiao.notifications.models import Kind, Notification
from tuyengiao.orgs.models import Person
from tuyengiao.testing import Tree, logged_in_client, make_user

from .conftest import open_member_survey

pytestmark = pytest.mark.django_db


def test_opening_tells_the_officers_of_each_unit_asked(
    tree: Tree, members: dict[str, list[Person]], django_capture_on_commit_callbacks: Any
) -> None:
    cell_officer = make_user("bithu_chibo1", tree.cell1)
    make_user("bithu_chibo2", tree.cell2)
    make_user("vanphong_coso2", tree.base2)
    with django_capture_on_commit_callbacks(execute=True):
        survey = open_member_survey(tree.bloc, [tree.base1])
    told = Notification.objects.filter(kind=Kind.SURVEY_OPENED)
    # the members asked are those of base1, all in cell1; base2 and its cell were not asked
    assert {n.recipient.username for n in told} == {"bithu_chibo1"}
    notice = told.get(recipient=cell_officer)
    assert survey.title in notice.title and f"{survey.closes_on:%d/%m/%Y}" in notice.title
    assert logged_in_client(cell_officer).get(notice.url).status_code == 200
