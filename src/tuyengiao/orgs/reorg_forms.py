"""Forms of the reorganisation pages: one per kind of change, each giving a ``Change``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import QuerySet

from tuyengiao.core import uploads
from tuyengiao.core.uploads import CheckedFileField

from .models import Person, ReorganisationKind, Unit, UnitKind, current_q
from .reorg_change import Change, NewUnit

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User

DATE_WIDGET = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})
MAX_SPLIT = 6


def manageable_units(user: User) -> QuerySet[Unit]:
    """Units the user may reorganise: current units strictly below its own (all for a system
    administrator), whose parents are then in its subtree too."""
    from tuyengiao.accounts.scoping import Action, is_system_admin, scoped

    qs = scoped(Unit, user, Action.MANAGE).filter(current_q())
    if not is_system_admin(user) and user.unit is not None:
        qs = qs.exclude(pk=user.unit.pk)
    return qs.order_by("path")


def parent_units(user: User) -> QuerySet[Unit]:
    """Units a unit may be placed under: current units of the user's subtree."""
    from tuyengiao.accounts.scoping import Action, scoped

    return scoped(Unit, user, Action.MANAGE).filter(current_q()).order_by("path")


class _ChangeForm(forms.Form):
    kind: str = ""

    date = forms.DateField(label="Ngày hiệu lực", widget=DATE_WIDGET)
    document = forms.ModelChoiceField(
        label="Văn bản quyết định (trong thư viện)",
        queryset=Unit.objects.none(),
        required=False,
        help_text="Quyết định, nghị quyết về việc sắp xếp; tải văn bản lên thư viện trước.",
    )
    note = forms.CharField(label="Ghi chú", required=False, max_length=255)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        from tuyengiao.accounts.scoping import scoped
        from tuyengiao.documents.models import Document

        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["document"].queryset = scoped(Document, user).order_by("-date", "-id")  # type: ignore[attr-defined]
        for name in ("source", "sources", "successor"):
            if name in self.fields:
                self.fields[name].queryset = manageable_units(user)  # type: ignore[attr-defined]
        for name in ("parent", "new_parent"):
            if name in self.fields:
                self.fields[name].queryset = parent_units(user)  # type: ignore[attr-defined]

    def _common(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "date": data["date"],
            "document": data.get("document"),
            "note": data.get("note", ""),
        }

    def change(self) -> Change:
        raise NotImplementedError


class MergeForm(_ChangeForm):
    kind = ReorganisationKind.MERGE

    sources = forms.ModelMultipleChoiceField(
        label="Các đơn vị sáp nhập, hợp nhất", queryset=Unit.objects.none()
    )
    successor = forms.ModelChoiceField(
        label="Sáp nhập vào đơn vị hiện có",
        queryset=Unit.objects.none(),
        required=False,
        help_text="Để trống khi hợp nhất thành đơn vị mới (điền mã, tên bên dưới).",
    )
    new_code = forms.CharField(label="Mã đơn vị mới", required=False, max_length=40)
    new_name = forms.CharField(label="Tên đơn vị mới", required=False, max_length=255)
    new_short_name = forms.CharField(label="Tên viết tắt", required=False, max_length=40)
    new_kind = forms.ChoiceField(
        label="Loại đơn vị mới", choices=UnitKind.choices, initial=UnitKind.BASE_ORGANISATION
    )
    parent = forms.ModelChoiceField(
        label="Trực thuộc",
        queryset=Unit.objects.none(),
        required=False,
        help_text="Để trống: cấp trên của đơn vị đầu tiên.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("successor") and not (data.get("new_code") and data.get("new_name")):
            raise forms.ValidationError(
                "Chọn đơn vị nhận sáp nhập, hoặc điền mã và tên của đơn vị mới hợp nhất."
            )
        return data

    def change(self) -> Change:
        d = self.cleaned_data
        new = (
            []
            if d.get("successor")
            else [
                NewUnit(
                    d["new_code"], d["new_name"], d["new_short_name"], d["new_kind"], d["parent"]
                )
            ]
        )
        return Change(
            kind=self.kind,
            sources=list(d["sources"]),
            successor=d.get("successor"),
            new_units=new,
            **self._common(),
        )


def parse_new_units(text: str) -> list[tuple[str, str, str]]:
    """Lines "mã | tên | tên viết tắt" (the short name optional) → tuples; raises on a bad line."""
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) < 2 or not parts[0] or not parts[1]:
            raise forms.ValidationError(
                f"Dòng {number}: cần “mã | tên” (tên viết tắt tùy chọn, sau dấu | thứ hai)."
            )
        out.append((parts[0], parts[1], parts[2] if len(parts) > 2 else ""))
    return out


class SplitForm(_ChangeForm):
    """Split one unit; the cells and the members attached to it directly are each given to one
    of the new units (fields ``cell_<pk>`` / ``member_<pk>``, built for the chosen unit)."""

    kind = ReorganisationKind.SPLIT

    source = forms.ModelChoiceField(label="Đơn vị chia tách", queryset=Unit.objects.none())
    new_units = forms.CharField(
        label="Các đơn vị mới",
        widget=forms.Textarea(attrs={"rows": 4, "placeholder": "XA-01A | Xã An Bình A | XAB-A"}),
        help_text="Mỗi dòng một đơn vị: mã | tên | tên viết tắt. Đơn vị thứ nhất nhận các việc đang dở.",
    )
    new_kind = forms.ChoiceField(
        label="Loại đơn vị mới", choices=UnitKind.choices, initial=UnitKind.BASE_ORGANISATION
    )
    parent = forms.ModelChoiceField(
        label="Trực thuộc",
        queryset=Unit.objects.none(),
        required=False,
        help_text="Để trống: cấp trên của đơn vị chia tách.",
    )

    def __init__(self, *args: Any, user: User, source: Unit | None = None, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.mapped_source = source
        choices = [(str(i), f"Đơn vị mới thứ {i + 1}") for i in range(MAX_SPLIT)]
        if source is not None:
            for cell in Unit.objects.get_children(source).current():
                self.fields[f"cell_{cell.pk}"] = forms.TypedChoiceField(
                    label=f"{cell.name} chuyển về", choices=choices, coerce=int, initial="0"
                )
            for person in Person.objects.filter(unit=source, active=True).order_by("name_folded"):
                self.fields[f"member_{person.pk}"] = forms.TypedChoiceField(
                    label=f"{person.full_name} chuyển về", choices=choices, coerce=int, initial="0"
                )

    def clean_new_units(self) -> list[tuple[str, str, str]]:
        units = parse_new_units(self.cleaned_data["new_units"])
        if len(units) > MAX_SPLIT:
            raise forms.ValidationError(f"Tối đa {MAX_SPLIT} đơn vị mới.")
        return units

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        src = data.get("source")
        if src is not None and self.mapped_source is not None and src.pk != self.mapped_source.pk:
            raise forms.ValidationError(
                "Đơn vị chia tách đã đổi: hãy phân bổ lại chi bộ và nhân sự."
            )
        n = len(data.get("new_units") or [])
        for name, value in data.items():
            if (name.startswith("cell_") or name.startswith("member_")) and value >= max(n, 1):
                self.add_error(name, f"Chỉ có {n} đơn vị mới.")
        return data

    def change(self) -> Change:
        d = self.cleaned_data
        return Change(
            kind=self.kind,
            sources=[d["source"]],
            new_units=[NewUnit(c, n, s, d["new_kind"], d["parent"]) for c, n, s in d["new_units"]],
            cell_map={int(k[5:]): v for k, v in d.items() if k.startswith("cell_")},
            member_map={int(k[7:]): v for k, v in d.items() if k.startswith("member_")},
            **self._common(),
        )


class MoveForm(_ChangeForm):
    kind = ReorganisationKind.MOVE

    source = forms.ModelChoiceField(label="Đơn vị chuyển", queryset=Unit.objects.none())
    new_parent = forms.ModelChoiceField(
        label="Cấp trên trực tiếp mới", queryset=Unit.objects.none()
    )

    def change(self) -> Change:
        d = self.cleaned_data
        return Change(
            kind=self.kind, sources=[d["source"]], new_parent=d["new_parent"], **self._common()
        )


class RenameForm(_ChangeForm):
    kind = ReorganisationKind.RENAME

    source = forms.ModelChoiceField(label="Đơn vị", queryset=Unit.objects.none())
    new_name = forms.CharField(label="Tên mới", max_length=255)
    new_short_name = forms.CharField(label="Tên viết tắt mới", required=False, max_length=40)
    new_code = forms.CharField(
        label="Mã mới", required=False, max_length=40, help_text="Để trống: giữ mã cũ."
    )

    def change(self) -> Change:
        d = self.cleaned_data
        return Change(
            kind=self.kind,
            sources=[d["source"]],
            new_name=d["new_name"],
            new_short_name=d["new_short_name"],
            new_code=d["new_code"],
            **self._common(),
        )


class DissolveForm(_ChangeForm):
    kind = ReorganisationKind.DISSOLVE

    source = forms.ModelChoiceField(label="Đơn vị giải thể", queryset=Unit.objects.none())
    successor = forms.ModelChoiceField(
        label="Đơn vị tiếp nhận",
        queryset=Unit.objects.none(),
        required=False,
        help_text="Nhận chi bộ, nhân sự và các việc đang dở; bắt buộc khi đơn vị còn nhân sự.",
    )

    def change(self) -> Change:
        d = self.cleaned_data
        return Change(
            kind=self.kind, sources=[d["source"]], successor=d.get("successor"), **self._common()
        )


class ReorganisationImportForm(forms.Form):
    file = CheckedFileField(uploads.IMPORTS, label="Tệp .xlsx hoặc .csv")
