"""Forms of the exemplars app (labels and messages in Vietnamese)."""

from __future__ import annotations

from typing import Any

from django import forms

from tuyengiao.accounts.models import User
from tuyengiao.accounts.scoping import scoped
from tuyengiao.core import uploads
from tuyengiao.core.uploads import CheckedFileField
from tuyengiao.emulation.models import Entry
from tuyengiao.orgs.models import Unit
from tuyengiao.orgs.picker import UnitPickField

from .models import Sector
from .services import ExemplarError, parse_figures

MAX_BYTES = 20 * 1024 * 1024


def attachment_field(required: bool = False) -> CheckedFileField:
    return CheckedFileField(
        uploads.ATTACHMENTS,
        label="Ảnh, tài liệu",
        required=required,
        max_bytes=MAX_BYTES,
        help_text="Ảnh chụp (.jpg, .png) hoặc tài liệu (.pdf, .docx, .xlsx …), tối đa 20 MB.",
    )


class EntryChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Entry) -> str:
        total = f", {obj.total} điểm" if obj.total is not None else ""
        return f"{obj.movement.title} ({obj.movement.year}{total})"


class ExemplarForm(forms.Form):
    title = forms.CharField(label="Tên mô hình, điển hình", max_length=300)
    sector = forms.ModelChoiceField(
        label="Lĩnh vực",
        queryset=Sector.objects.filter(active=True),
        error_messages={"invalid_choice": "Lĩnh vực không có trong danh sách."},
    )
    place = forms.CharField(label="Nơi thực hiện", max_length=255)
    description = forms.CharField(
        label="Nội dung, cách làm", widget=forms.Textarea(attrs={"rows": 5})
    )
    results = forms.CharField(label="Kết quả, hiệu quả", widget=forms.Textarea(attrs={"rows": 4}))
    figures = forms.CharField(
        label="Số liệu kết quả (mỗi dòng: Chỉ số | giá trị)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "Số hộ tham gia | 120"}),
    )
    entry = EntryChoice(
        label="Gắn với kết quả thi đua (nếu có)",
        queryset=Entry.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Kết quả thi đua không thuộc đơn vị đề xuất."},
    )
    attachment = attachment_field()

    def __init__(self, *args: Any, user: User, unit: Unit, with_file: bool = True, **kw: Any):
        super().__init__(*args, **kw)
        entry = self.fields["entry"]
        assert isinstance(entry, forms.ModelChoiceField)
        entry.queryset = scoped(Entry, user).filter(unit=unit).select_related("movement")
        if not with_file:
            del self.fields["attachment"]

    def clean_figures(self) -> list[list[str]]:
        try:
            return parse_figures(self.cleaned_data.get("figures") or "")
        except ExemplarError as exc:
            raise forms.ValidationError(str(exc)) from exc


class AttachmentForm(forms.Form):
    attachment = attachment_field(required=True)


class ReviewForm(forms.Form):
    note = forms.CharField(
        label="Ý kiến của cấp xét", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReturnForm(forms.Form):
    note = forms.CharField(
        label="Nội dung cần bổ sung",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Hãy ghi rõ nội dung cần bổ sung khi trả lại."},
    )


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label="Tìm (không cần dấu)", required=False, max_length=200)
    sector = forms.ModelChoiceField(
        label="Lĩnh vực",
        queryset=Sector.objects.all(),
        required=False,
        empty_label="— Tất cả —",
        error_messages={"invalid_choice": "Lĩnh vực không có trong danh sách."},
    )
    unit = UnitPickField(label="Đơn vị (cả cấp dưới)", required=False)
    place = forms.CharField(label="Nơi thực hiện có chữ", required=False, max_length=100)
    year = forms.IntegerField(
        label="Năm công nhận",
        required=False,
        min_value=2000,
        max_value=2100,
        error_messages={"invalid": "Năm phải là một số, ví dụ 2026."},
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        assert isinstance(field, UnitPickField)
        field.for_user(user)


class SectorForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Sector
        fields = ["name", "order", "active"]
        error_messages = {"name": {"unique": "Đã có lĩnh vực tên này."}}
