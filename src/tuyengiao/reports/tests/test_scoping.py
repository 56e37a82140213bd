"""Every reports URL with kwargs, opened by an officer of a sibling unit, answers 403/404, and no
list page shows the sibling's objects."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, get_resolver, reverse

from tuyengiao.reports.testing import PUBLIC_URL_NAMES, url_kwarg_factories
from tuyengiao.testing import SECRET_MARK

pytestmark = pytest.mark.django_db


def _patterns() -> list[URLPattern]:
    resolver = get_resolver()
    for p in resolver.url_patterns:
        if getattr(p, "namespace", None) == "reports":
            return [q for q in p.url_patterns if isinstance(q, URLPattern)]  # type: ignore[union-attr]
    raise AssertionError("reports URLs are not mounted")


def test_sibling_unit_cannot_reach_objects(tree: Any, client_as: Any) -> None:
    factories = url_kwarg_factories()
    client = client_as("coso1")
    checked = 0
    for pattern in _patterns():
        name = f"reports:{pattern.name}"
        kwargs_names = list(pattern.pattern.regex.groupindex)
        if not kwargs_names or name in PUBLIC_URL_NAMES:
            continue
        kwargs = {k: factories[k](tree.base2) for k in kwargs_names}
        url = reverse(name, kwargs=kwargs)
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code in (403, 404, 405), (name, method, response.status_code)
            assert SECRET_MARK not in response.content.decode(errors="ignore")
        checked += 1
    assert checked >= 10


def test_lists_do_not_show_sibling_objects(tree: Any, client_as: Any) -> None:
    for factory in url_kwarg_factories().values():
        factory(tree.base2)
    client = client_as("coso1")
    for name in ("inbox", "type_list", "matrix", "calendar"):
        response = client.get(reverse(f"reports:{name}"), {"show": "all"})
        assert response.status_code == 200
        assert SECRET_MARK not in response.content.decode()
