"""Every plans URL with a kwarg, opened by a user of a sibling branch, is 403/404; list pages never
show the sibling's objects (the same walk the project-wide test does, for this app alone)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tuyengiao.plans.testing import url_kwarg_factories
from tuyengiao.testing import SECRET_MARK

pytestmark = pytest.mark.django_db


def _plans_patterns() -> list[URLPattern]:
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and entry.namespace == "plans":
            return [p for p in entry.url_patterns if isinstance(p, URLPattern)]
    raise AssertionError("plans URLs are not mounted")


def test_sibling_objects_are_out_of_reach(tree: Any, users: Any, client_as: Any) -> None:
    from tuyengiao.documents.testing import url_kwarg_factories as library_factories

    factories = {**library_factories(), **url_kwarg_factories()}
    client = client_as("coso1")
    walked = 0
    for owner in (tree.base2, tree.cell2):
        values = {name: make(owner) for name, make in factories.items()}
        for pattern in _plans_patterns():
            kwargs = list(pattern.pattern.regex.groupindex)
            if not kwargs:
                continue
            assert set(kwargs) <= set(values), f"no factory for {kwargs} of {pattern.name}"
            url = reverse(f"plans:{pattern.name}", kwargs={k: values[k] for k in kwargs})
            for method in ("get", "post"):
                response = getattr(client, method)(url)
                assert response.status_code in (403, 404, 405), (method, url, response.status_code)
                walked += 1
    assert walked >= 16
    for pattern in _plans_patterns():
        if not pattern.pattern.regex.groupindex:
            page = client.get(reverse(f"plans:{pattern.name}"))
            assert SECRET_MARK not in page.content.decode(), pattern.name


def test_recipient_sees_only_its_own_part_of_the_parent_plan(tree: Any, client_as: Any) -> None:
    from tuyengiao.plans.models import Plan, Task, TaskAssignment

    plan = Plan.objects.create(unit=tree.bloc, number="9-KH/ĐUK", title="Kế hoạch chung")
    task = Task.objects.create(plan=plan, order=1, title="Nhiệm vụ chung")
    TaskAssignment.objects.create(task=task, unit=tree.base1)
    TaskAssignment.objects.create(task=task, unit=tree.base2)
    page = (
        client_as("coso1")
        .get(reverse("plans:plan_detail", kwargs={"plan_pk": plan.pk}))
        .content.decode()
    )
    assert tree.base1.name in page and tree.base2.name not in page
    page = (
        client_as("khoi")
        .get(reverse("plans:plan_detail", kwargs={"plan_pk": plan.pk}))
        .content.decode()
    )
    assert tree.base1.name in page and tree.base2.name in page
