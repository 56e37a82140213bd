"""The shared attempt counter: counts per key, one window opened by the first attempt."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from tuyengiao.core.attempts import attempts, count_attempt
from tuyengiao.surveys import throttle


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    cache.clear()


def test_attempts_count_per_key() -> None:
    assert attempts("k:a") == 0
    assert [count_attempt("k:a", 60) for _ in range(3)] == [1, 2, 3]
    assert count_attempt("k:b", 60) == 1
    assert attempts("k:a") == 3 and attempts("k:b") == 1


def test_a_window_that_ends_between_add_and_incr_starts_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    count_attempt("k:c", 60)

    def expired(*args: Any, **kwargs: Any) -> int:
        cache.delete("k:c")
        raise ValueError("key expired")

    monkeypatch.setattr(cache, "incr", expired)
    assert count_attempt("k:c", 60) == 1
    assert attempts("k:c") == 1


def test_the_public_pages_refuse_an_address_after_the_limit() -> None:
    one = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    other = RequestFactory().post("/", REMOTE_ADDR="203.0.113.8")
    for _ in range(throttle.LIMIT):
        assert not throttle.is_refused(one, "box:1")
        throttle.count(one, "box:1")
    assert throttle.is_refused(one, "box:1")
    assert not throttle.is_refused(one, "survey:1") and not throttle.is_refused(other, "box:1")
