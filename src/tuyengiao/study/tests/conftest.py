"""Fixtures of the study tests: a round of the bloc over base1 and base2 with members."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone

from tuyengiao.orgs.models import Person
from tuyengiao.study.models import StudyRound, StudySession
from tuyengiao.study.services import rounds


@pytest.fixture(autouse=True)
def _fresh_cache() -> Any:
    """The check-in limit counts in the cache: no test inherits another's wrong codes."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def members(tree: Any) -> dict[str, list[Person]]:
    return {
        "base1": [
            Person.objects.create(unit=tree.base1, full_name=n, birth_year=1980 + i)
            for i, n in enumerate(
                ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"]
            )
        ],
        "cell1": [
            Person.objects.create(unit=tree.cell1, full_name=n)
            for n in ["Võ Thị Giang", "Đặng Văn Hùng"]
        ],
        "base2": [
            Person.objects.create(unit=tree.base2, full_name=n)
            for n in ["Bùi Văn Khoa", "Ngô Thị Lan"]
        ],
    }


@pytest.fixture
def study_round(tree: Any, members: Any) -> StudyRound:
    return rounds.open_round(
        unit=tree.bloc,
        title="Học tập, quán triệt Nghị quyết Đại hội XIII",
        document_title="Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
        starts_on=date.today() - timedelta(days=1),
        ends_on=date.today() + timedelta(days=30),
        covered_units=[tree.base1, tree.base2],
    )


@pytest.fixture
def session1(study_round: StudyRound, tree: Any) -> StudySession:
    now = timezone.now()
    return StudySession.objects.create(
        round=study_round,
        unit=tree.base1,
        starts_at=now - timedelta(minutes=10),
        ends_at=now + timedelta(hours=2),
    )
