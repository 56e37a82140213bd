"""The unit picker: accent-free search, full paths for namesakes, the tree level by level, "cả cây
con", "chỉ tổ chức cơ sở" / "chỉ chi bộ", recent choices, dissolved units on request, and never a
unit outside the user's scope (a forged scope included)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from tuyengiao.orgs import picker
from tuyengiao.orgs.models import RecentUnitChoice, Unit, UnitKind

pytestmark = pytest.mark.django_db

URL = reverse("orgs:unit_picker")


def _namesakes(tree: Any) -> tuple[Unit, Unit]:
    """Two "Tổ đảng Phòng Tổng hợp", one under each base organisation."""
    a = Unit.objects.add_child(
        tree.cell1, dict(kind=UnitKind.CELL, code="TD-1", name="Tổ đảng Phòng Tổng hợp")
    )
    b = Unit.objects.add_child(
        tree.cell2, dict(kind=UnitKind.CELL, code="TD-2", name="Tổ đảng Phòng Tổng hợp")
    )
    return a, b


def _picks(html: str) -> list[str]:
    return re.findall(r'class="picker-pick" data-pk="(\d+)"', html)


def test_search_without_accents_shows_full_paths(tree: Any, client_as: Any) -> None:
    a, b = _namesakes(tree)
    html = client_as("khoi").get(URL, {"q": "to dang phong tong hop", "ten": "units"})
    text = html.content.decode()
    assert _picks(text) == [str(a.pk), str(b.pk)]
    # The two namesakes are told apart by their paths.
    assert "Đảng bộ Sở Thông tin và Truyền thông › Chi bộ Văn phòng Sở TTTT" in text
    assert "Đảng bộ Sở Y tế › Chi bộ Văn phòng Sở Y tế" in text
    assert picker.unit_labels([a])[a.pk].endswith("Chi bộ Văn phòng Sở TTTT")


def test_only_units_in_scope_even_with_a_forged_scope(tree: Any, client_as: Any) -> None:
    _namesakes(tree)
    client = client_as("coso1")
    text = client.get(URL, {"q": "tong hop", "ten": "units"}).content.decode()
    assert len(_picks(text)) == 1  # only the one under coso1's own base organisation
    forged = picker.sign_scope(tree.province, False, True)[:-3] + "xyz"
    text = client.get(URL, {"q": "dang bo", "s": forged, "ten": "units"}).content.decode()
    assert str(tree.base2.pk) not in _picks(text)
    # A genuine scope of another branch still stops at what coso1 may see.
    other = picker.sign_scope(tree.base2, False, True)
    assert _picks(client.get(URL, {"q": "", "s": other}).content.decode()) == []
    # A whole subtree asked for outside the scope gives nothing.
    assert client.get(URL, {"cay-con": tree.base2.pk, "ten": "units"}).content.strip() == b""


def test_tree_levels_kinds_subtree_and_dissolved(tree: Any, client_as: Any) -> None:
    a, _b = _namesakes(tree)
    client = client_as("khoi")
    scope = picker.sign_scope(tree.bloc, True, True)
    top = client.get(URL, {"s": scope, "ten": "units"}).content.decode()
    assert _picks(top) == [str(tree.base1.pk), str(tree.base2.pk)]
    assert "▸ cấp dưới" in top and "+ cả cây con" in top
    opened = client.get(URL, {"s": scope, "ten": "units", "mo": tree.base1.pk}).content.decode()
    assert _picks(opened) == [str(tree.cell1.pk)]
    cells = client.get(URL, {"s": scope, "pham-vi": "chi-bo"}).content.decode()
    assert set(_picks(cells)) == {str(tree.cell1.pk), str(tree.cell2.pk), str(a.pk), str(_b.pk)}
    bases = client.get(URL, {"s": scope, "pham-vi": "co-so"}).content.decode()
    assert set(_picks(bases)) == {str(tree.base1.pk), str(tree.base2.pk)}
    # "cả cây con": the unit and everything below it, as chips of the field, minus those chosen.
    chips = client.get(
        URL, {"s": scope, "ten": "units", "cay-con": tree.base1.pk, "units": [tree.cell1.pk]}
    ).content.decode()
    assert re.findall(r'name="units" value="(\d+)"', chips) == [str(tree.base1.pk), str(a.pk)]
    # A dissolved unit is offered only when asked for.
    Unit.objects.filter(pk=a.pk).update(active=False)
    assert str(a.pk) not in _picks(client.get(URL, {"q": "tong hop"}).content.decode())
    shown = client.get(URL, {"q": "tong hop", "giai-the": "1"}).content.decode()
    assert str(a.pk) in _picks(shown) and "đã giải thể" in shown
    # A unit the reorganisation history ended (merged, dissolved) is hidden the same way.
    from datetime import timedelta

    from django.utils import timezone

    Unit.objects.filter(pk=_b.pk).update(ended_on=timezone.localdate() - timedelta(days=1))
    assert str(_b.pk) not in _picks(client.get(URL, {"q": "tong hop"}).content.decode())
    assert str(_b.pk) in _picks(
        client.get(URL, {"q": "tong hop", "giai-the": "1"}).content.decode()
    )


def test_recent_choices_per_user(tree: Any, users: Any, client_as: Any) -> None:
    field = picker.UnitPickerField()
    field.for_user(users["khoi"])
    assert list(field.clean([str(tree.base2.pk)])) == [tree.base2]
    assert RecentUnitChoice.objects.filter(user=users["khoi"], unit=tree.base2).exists()
    text = client_as("khoi").get(URL, {"ten": "units"}).content.decode()
    assert "Gần đây" in text and f'data-pk="{tree.base2.pk}"' in text
    # Another user does not see khoi's choices.
    assert "Gần đây" not in client_as("coso1").get(URL, {"ten": "units"}).content.decode()


def test_field_refuses_units_out_of_scope_and_keeps_the_choice_visible(
    tree: Any, users: Any
) -> None:
    from django import forms

    class Form(forms.Form):
        units = picker.UnitPickerField()

    form = Form({"units": [str(tree.cell1.pk), str(tree.cell2.pk)]})
    form.fields["units"].for_user(users["coso1"])  # type: ignore[attr-defined]
    assert not form.is_valid()
    assert "không thuộc phạm vi" in str(form.errors["units"])
    html = str(form["units"])
    # The in-scope choice is kept as a chip; the out-of-scope unit's name is never shown.
    assert f'value="{tree.cell1.pk}" checked' in html and tree.cell2.name not in html


def test_names_echoed_into_the_markup_are_identifiers(tree: Any, client_as: Any) -> None:
    text = client_as("khoi").get(
        URL, {"ten": 'units", "x": "1', "o": "id_units'><script>", "q": "dang bo"}
    )
    html = text.content.decode()
    assert "<script>" not in html and '"x"' not in html and "&quot;x&quot;" not in html
    assert "#id_units-chosen" in html
