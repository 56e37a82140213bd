"""Forms of the privacy app (labels and messages in Vietnamese)."""

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from django import forms
from django.db.models import QuerySet

from tuyengiao.accounts.forms import AuditFilterForm
from tuyengiao.accounts.models import User
from tuyengiao.core.listing import UnitFilterField
from tuyengiao.orgs.models import Unit

from .access_log import LABELS
from .models import RequestKind, RequestStatus


class RequestForm(forms.Form):
    kind = forms.ChoiceField(label="Loại yêu cầu", choices=RequestKind.choices)
    details = forms.CharField(
        label="Nội dung yêu cầu",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Dữ liệu nào, cần làm gì. Không ghi ý kiến, quan điểm của người yêu cầu.",
    )
    received_on = forms.DateField(
        label="Ngày nhận", required=False, help_text="Để trống: hôm nay (dd/mm/yyyy)."
    )
    third_party = forms.BooleanField(
        label="Cần bên xử lý hoặc bên thứ ba cùng thực hiện (hạn 20 ngày)", required=False
    )


class MemberRequestForm(forms.Form):
    kind = forms.ChoiceField(label="Đồng chí muốn", choices=RequestKind.choices)
    details = forms.CharField(
        label="Nội dung",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Ví dụ: số điện thoại cần sửa, dữ liệu cần xóa.",
    )


class AssignForm(forms.Form):
    assigned_to: forms.ModelChoiceField[User] = forms.ModelChoiceField(
        label="Người xử lý", queryset=User.objects.none()
    )

    def __init__(self, *args: Any, candidates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = candidates  # type: ignore[attr-defined]
        self.fields["assigned_to"].error_messages["invalid_choice"] = (
            "Người được chọn không thuộc đơn vị của đồng chí."
        )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label="Nội dung trả lời", max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label="Tôi xác nhận xóa những dữ liệu được phép xóa của người này (không hoàn tác được)",
        error_messages={"required": "Hãy đánh dấu xác nhận trước khi xóa."},
    )


class RequestFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Trạng thái", required=False, choices=[("", "Tất cả"), *RequestStatus.choices]
    )
    kind = forms.ChoiceField(
        label="Loại", required=False, choices=[("", "Tất cả"), *RequestKind.choices]
    )
    overdue = forms.BooleanField(label="Chỉ quá hạn", required=False)
    unit = UnitFilterField(label="Đơn vị", queryset=Unit.objects.none(), required=False)


class AccessLogFilterForm(AuditFilterForm):
    kind = forms.ChoiceField(
        label="Loại truy cập", required=False, choices=[("", "Tất cả"), *LABELS.items()]
    )
    q = forms.CharField(label="Tìm (người thực hiện, đối tượng)", required=False)
    field_order = ["kind", "q", "unit", "date_from", "date_to"]

    def filter(self, entries: QuerySet[LogEntry]) -> QuerySet[LogEntry]:
        entries = super().filter(entries)
        if self.is_valid() and self.cleaned_data["kind"]:
            entries = entries.filter(additional_data__access=self.cleaned_data["kind"])
        return entries
