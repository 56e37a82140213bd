from __future__ import annotations

from typing import Any

from django import forms

from tuyengiao.core import uploads
from tuyengiao.core.uploads import CheckedFileField

from .models import CommRole, Person, Unit, UnitKind
from .picker import UnitPickField


class UnitForm(forms.ModelForm[Unit]):
    class Meta:
        model = Unit
        fields = [
            "kind",
            "code",
            "name",
            "short_name",
            "parent_body_name",
            "publishes_to_all",
            "active",
        ]


class PersonForm(forms.ModelForm[Person]):
    class Meta:
        model = Person
        fields = [
            "full_name",
            "unit",
            "position",
            "roles",
            "is_party_member",
            "birth_year",
            "party_admission_date",
            "email",
            "phone",
            "active",
        ]
        widgets = {
            "roles": forms.CheckboxSelectMultiple,
            "party_admission_date": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
        }

    def __init__(self, *args: Any, units: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        picked = UnitPickField(
            label=self.fields["unit"].label, help_text="Gõ tên đơn vị (không cần dấu) để tìm."
        )
        if user is not None:
            picked.for_user(user, queryset=units)
        else:
            picked.queryset = units
        self.fields["unit"] = picked

    def clean_birth_year(self) -> int | None:
        year: int | None = self.cleaned_data.get("birth_year")
        if year is not None and not 1900 <= year <= 2015:
            raise forms.ValidationError("Năm sinh phải trong khoảng 1900–2015.")
        return year


class PersonFilterForm(forms.Form):
    q = forms.CharField(label="Tìm theo tên", required=False)
    unit = UnitPickField(label="Thuộc đơn vị (cả cấp dưới)", required=False)
    role = forms.ModelChoiceField(label="Vai trò", queryset=CommRole.objects.all(), required=False)
    party = forms.ChoiceField(
        label="Đảng viên",
        required=False,
        choices=[("", "— Tất cả —"), ("1", "Đảng viên"), ("0", "Không")],
    )
    active = forms.ChoiceField(
        label="Trạng thái",
        required=False,
        choices=[("1", "Đang sinh hoạt"), ("0", "Đã chuyển/ngừng"), ("", "Tất cả")],
        initial="1",
    )


class UnitSearchForm(forms.Form):
    q = forms.CharField(label="Tìm đơn vị", required=False)
    kind = forms.ChoiceField(
        label="Loại", required=False, choices=[("", "— Tất cả —"), *UnitKind.choices]
    )
    history = forms.BooleanField(
        label="Cả đơn vị đã sáp nhập, chia tách, giải thể (lịch sử)", required=False
    )


class AsOfForm(forms.Form):
    """``?ngay=dd/mm/yyyy`` on a unit's page: its structure as it was that day."""

    ngay = forms.DateField(
        label="Cơ cấu tại ngày",
        required=False,
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
    )


class TransferForm(forms.Form):
    to_unit = UnitPickField(
        label="Đến đơn vị",
        error_messages={
            "required": "Hãy chọn đơn vị chuyển đến.",
            "invalid_choice": "Đơn vị đã chọn không thuộc phạm vi anh/chị được chuyển đến.",
        },
    )
    date = forms.DateField(
        label="Ngày chuyển", widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})
    )
    note = forms.CharField(label="Ghi chú", required=False, max_length=255)


class ImportForm(forms.Form):
    # The kind of file is checked at once (by content); its rows by the background job.
    file = CheckedFileField(uploads.IMPORTS, label="Tệp .xlsx hoặc .csv")
    valid_only = forms.BooleanField(
        label="Chỉ nhập các dòng hợp lệ (bỏ qua dòng lỗi)", required=False
    )
