"""Fixtures of the speakers tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """The study check-in limit counts in the cache: no test inherits another's wrong codes."""
    cache.clear()
    yield
    cache.clear()
