"""Every study URL with a kwarg, opened by a user of a sibling branch, is 403/404; list pages never
show the sibling's objects (the walk the project-wide test does, for this app alone)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tuyengiao.study.testing import url_kwarg_factories
from tuyengiao.testing import SECRET_MARK

pytestmark = pytest.mark.django_db


def _patterns() -> list[URLPattern]:
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and entry.namespace == "study":
            return [p for p in entry.url_patterns if isinstance(p, URLPattern)]
    raise AssertionError("study URLs are not mounted")


def test_sibling_objects_are_out_of_reach(tree: Any, users: Any, client_as: Any) -> None:
    factories = url_kwarg_factories()
    client = client_as("coso1")
    walked = 0
    for owner in (tree.base2, tree.cell2):
        values = {name: make(owner) for name, make in factories.items()}
        for pattern in _patterns():
            kwargs = list(pattern.pattern.regex.groupindex)
            if not kwargs:
                continue
            assert set(kwargs) <= set(values), f"no factory for {kwargs} of {pattern.name}"
            url = reverse(f"study:{pattern.name}", kwargs={k: values[k] for k in kwargs})
            for method in ("get", "post"):
                response = getattr(client, method)(url)
                assert response.status_code in (403, 404, 405), (method, url, response.status_code)
                walked += 1
    assert walked >= 28
    for pattern in _patterns():
        if not pattern.pattern.regex.groupindex:
            html = client.get(reverse(f"study:{pattern.name}")).content.decode()
            assert SECRET_MARK not in html, pattern.name
