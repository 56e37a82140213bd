"""Forms of the library: upload, review/correction of the parsed fields, list filters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from tuyengiao.core import uploads
from tuyengiao.orgs.models import Unit
from tuyengiao.orgs.picker import UnitPickField

from .models import FIELD_LABELS, SignatureStatus
from .reading import max_file_bytes, max_zip_files, max_zip_total_bytes


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class UploadForm(forms.Form):
    tep = MultipleFileField(
        label="Tệp văn bản",
        help_text="Một hoặc nhiều tệp .docx, .pdf, .txt, .odt, .html, hoặc một tệp .zip chứa nhiều văn bản.",
        error_messages={"required": "Hãy chọn ít nhất một tệp."},
    )
    unit = UnitPickField(
        label="Đơn vị lưu văn bản",
        error_messages={
            "invalid_choice": "Đơn vị không hợp lệ.",
            "required": "Hãy chọn đơn vị lưu văn bản.",
        },
    )

    def __init__(
        self, *args: Any, units: QuerySet[Unit], initial_unit: Unit | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = units
        if initial_unit is not None:
            field.initial = initial_unit.pk
        # The limits are told before sending (a bigger post is refused before any view runs);
        # the page's script also checks the count, in the same words.
        self.limits_text = uploads.bulk_limits_text(
            max_file_bytes(), max_zip_files(), max_zip_total_bytes()
        )
        self.max_files = uploads.max_files_per_request()
        self.too_many_files_text = uploads.too_many_files_text()
        files = self.fields["tep"]
        files.help_text = f"{files.help_text} {self.limits_text}"
        files.widget.attrs["accept"] = ",".join(uploads.LIBRARY_BULK.suffixes)


class DocumentFieldsForm(forms.Form):
    """The metadata an officer confirms or corrects (review of a draft, or later edits)."""

    number = forms.CharField(label=FIELD_LABELS["number"], max_length=100, required=False)
    doc_type = forms.CharField(label=FIELD_LABELS["doc_type"], max_length=100, required=False)
    issuer = forms.CharField(label=FIELD_LABELS["issuer"], max_length=255, required=False)
    parent_issuer = forms.CharField(
        label=FIELD_LABELS["parent_issuer"], max_length=255, required=False
    )
    place = forms.CharField(label=FIELD_LABELS["place"], max_length=100, required=False)
    date = forms.DateField(
        label=FIELD_LABELS["date"],
        required=False,
        help_text="dd/mm/yyyy",
        error_messages={
            "invalid": "Ngày không hợp lệ — nhập theo dạng ngày/tháng/năm, ví dụ 22/10/2018."
        },
    )
    title = forms.CharField(
        label=FIELD_LABELS["title"],
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Trích yếu không được để trống."},
    )
    signer_name = forms.CharField(label=FIELD_LABELS["signer_name"], max_length=255, required=False)
    signer_title = forms.CharField(
        label=FIELD_LABELS["signer_title"], max_length=255, required=False
    )
    on_behalf = forms.CharField(label=FIELD_LABELS["on_behalf"], max_length=255, required=False)
    visible_to_all = forms.BooleanField(
        label="Mọi đơn vị được xem (văn bản của Trung ương, Tỉnh ủy, UBND tỉnh)", required=False
    )
    published_down = forms.BooleanField(
        label="Đơn vị cấp dưới được xem", required=False, initial=True
    )

    def __init__(self, *args: Any, allow_visible_to_all: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not allow_visible_to_all:
            del self.fields["visible_to_all"]

    def field_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in FIELD_LABELS}


class FilterForm(forms.Form):
    q = forms.CharField(
        label="Tìm kiếm",
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": "vd: nghi quyet 35, 35-NQ/TW"}
        ),
    )
    doc_type = forms.ChoiceField(label="Loại", required=False)
    issuer = forms.CharField(label="Cơ quan ban hành", required=False)
    year = forms.IntegerField(
        label="Năm",
        required=False,
        min_value=1900,
        max_value=2100,
        error_messages={"invalid": "Năm phải là số, ví dụ 2023."},
    )
    unit = UnitPickField(label="Đơn vị", required=False)
    signature = forms.ChoiceField(
        label="Chữ ký số",
        required=False,
        choices=[("", "Tất cả"), *SignatureStatus.choices],
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], types: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit_field = self.fields["unit"]
        assert isinstance(unit_field, forms.ModelChoiceField)
        unit_field.queryset = units
        type_field = self.fields["doc_type"]
        assert isinstance(type_field, forms.ChoiceField)
        type_field.choices = [("", "Tất cả")] + [(t, t) for t in types]
