"""``core.widgets.Select`` writes the HTML Django's template-rendered ``forms.Select`` writes."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.utils.safestring import mark_safe

from tuyengiao.core.widgets import Select

CHOICES: list[Any] = [
    ("", "Tất cả"),
    ("on_time", "Đúng hạn"),
    (3, 'Chi bộ <Trường> & "Phòng" số 2'),
    ("safe", mark_safe("<b>đã an toàn</b>")),
    ("Nhóm <1>", [("a", "Một"), ("b", "Hai & ba")]),
    ("z", "Cuối"),
]


@pytest.mark.parametrize(
    ("value", "attrs"),
    [
        (None, None),
        ("on_time", None),
        (3, {"id": "id_x", "class": "wide", "disabled": True, "hidden": False}),
        ("b", {"data-q": 'a"b<c>'}),
    ],
)
def test_select_matches_django(value: Any, attrs: dict[str, Any] | None) -> None:
    ours = Select(choices=CHOICES).render("status", value, attrs)
    django = forms.Select(choices=CHOICES).render("status", value, attrs)
    assert ours == django
    assert ours.count("<option") == 7 and ours.count(" selected") == 1  # None selects ""


def test_select_in_a_form_matches_django() -> None:
    class Ours(forms.Form):
        kind = forms.ChoiceField(choices=CHOICES[:3], required=False, widget=Select)

    class Theirs(forms.Form):
        kind = forms.ChoiceField(choices=CHOICES[:3], required=False)

    assert str(Ours({"kind": "3"})["kind"]) == str(Theirs({"kind": "3"})["kind"])
