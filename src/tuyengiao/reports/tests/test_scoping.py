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


def test_matrix_lists_the_periods_of_sent_types_the_unit_owns(tree: Any, users: Any) -> None:
    from tuyengiao.accounts.models import User
    from tuyengiao.reports.calendar import generate_year
    from tuyengiao.reports.matrix import period_choices
    from tuyengiao.reports.models import ReportType
    from tuyengiao.reports.services.recipients import set_recipients

    received = ReportType.objects.create(unit=tree.bloc, title="Của Khối", due_day=15)
    generate_year(received, 2025)
    set_recipients(received, [tree.base1, tree.cell1])
    own = ReportType.objects.create(unit=tree.base1, title="Của cơ sở", due_day=15)
    generate_year(own, 2025)
    set_recipients(own, [tree.cell1])
    unsent = ReportType.objects.create(unit=tree.base1, title="Chưa gửi", due_day=15)
    generate_year(unsent, 2025)
    sibling = ReportType.objects.create(unit=tree.base2, title="Của đơn vị bạn", due_day=15)
    generate_year(sibling, 2025)
    set_recipients(sibling, [tree.cell2])

    def titles(username: str) -> set[str]:
        _, by_key = period_choices(User.objects.get(username=username))
        return {p.report_type.title for ps in by_key.values() for p in ps}

    assert titles("coso1") == {"Của cơ sở"}  # not the bloc's type it receives, not unsent ones
    assert titles("khoi") == {"Của Khối", "Của cơ sở", "Của đơn vị bạn"}
