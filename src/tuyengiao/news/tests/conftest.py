from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _seeded_kinds(db: None) -> None:
    """The kinds of migration 0002, again after another module's transactional test flushed them."""
    from tuyengiao.activities.kinds import seed_kinds

    seed_kinds()
