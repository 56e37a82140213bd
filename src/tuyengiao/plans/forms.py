"""Forms of the plans app. Messages in Vietnamese; what the user typed is kept on error."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import QuerySet
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils import timezone

from tuyengiao.core import uploads
from tuyengiao.core.uploads import CheckedFileField
from tuyengiao.orgs.models import Unit, UnitKind
from tuyengiao.orgs.picker import UnitPickerField, prime_widgets, scoped_units

from .models import CascadeState, Plan, PlanKind, Task
from .timeframes import Indicator, extract_indicators, parse_timeframe

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlanForm(forms.ModelForm[Plan]):
    """A plan of the user's unit: from a file (read by vanban) or typed in."""

    file = CheckedFileField(
        uploads.LIBRARY,
        label="Tệp kế hoạch (.docx, .pdf, .odt, .txt)",
        required=False,
        help_text="Hệ thống đọc số, ngày, trích yếu và đề xuất danh sách nhiệm vụ để anh/chị rà soát.",
    )
    text = forms.CharField(
        label="Hoặc dán nội dung văn bản", required=False, widget=forms.Textarea(attrs={"rows": 6})
    )

    class Meta:
        model = Plan
        fields = ["kind", "number", "title", "issued_on", "issuer_name", "published_down"]
        widgets = {"issued_on": DATE_INPUT}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = "Để trống để lấy từ văn bản."

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("file") and not (data.get("text") or "").strip() and not data.get("title"):
            raise forms.ValidationError(
                "Hãy chọn tệp kế hoạch, dán nội dung hoặc nhập ít nhất trích yếu."
            )
        return data


class TaskForm(forms.ModelForm[Task]):
    """One row of the task review: the parsed values, editable."""

    leads = UnitPickerField(required=False, label="Đơn vị chủ trì")
    coordinating = UnitPickerField(required=False, label="Đơn vị phối hợp")
    indicators_text = forms.CharField(
        label="Chỉ tiêu (mỗi dòng một chỉ tiêu)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Ví dụ: tỷ lệ đảng viên tham gia học tập ≥ 98%",
    )

    class Meta:
        model = Task
        fields = [
            "order",
            "title",
            "description",
            "collective_role",
            "timeframe_text",
            "start_date",
            "end_date",
        ]
        widgets = {
            "start_date": DATE_INPUT,
            "end_date": DATE_INPUT,
            "title": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "timeframe_text": "Ví dụ: Quý II/2024, giai đoạn 2023–2025, hằng năm, thường xuyên."
        }

    def __init__(
        self,
        *args: Any,
        user: User | None = None,
        units: QuerySet[Unit] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False
        if user is not None:
            for name in ("leads", "coordinating"):
                field = self.fields[name]
                assert isinstance(field, UnitPickerField)
                field.for_user(user, queryset=units)
        if self.instance.pk:
            assignments = list(self.instance.assignments.all())
            named = [a for a in assignments if not a.collective]
            self.fields["leads"].initial = [a.unit_id for a in named if a.role == "lead"]
            self.fields["coordinating"].initial = [
                a.unit_id for a in named if a.role == "coordinate"
            ]
            self.fields["indicators_text"].initial = "\n".join(self.instance.indicator_labels())

    def clean_indicators_text(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for i, line in enumerate(
            (self.cleaned_data.get("indicators_text") or "").splitlines(), start=1
        ):
            if not line.strip():
                continue
            found = extract_indicators(line)
            if not found:
                raise forms.ValidationError(
                    f"Dòng {i} (“{line.strip()}”) chưa có chỉ tiêu đo được, ví dụ: tỷ lệ … ≥ 98%."
                )
            rows.extend(ind.to_dict() for ind in found)
        return rows

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and start > end:
            self.add_error("end_date", "Hạn hoàn thành phải sau ngày bắt đầu.")
        leads = set(data.get("leads") or [])
        if leads & set(data.get("coordinating") or []):
            self.add_error(
                "coordinating", "Một đơn vị không thể vừa chủ trì vừa phối hợp cùng một nhiệm vụ."
            )
        return data

    def save(self, commit: bool = True) -> Task:
        task: Task = super().save(commit=False)
        tf = parse_timeframe(task.timeframe_text)
        changed_text = "timeframe_text" in self.changed_data
        # Dates typed by hand win; otherwise they follow the time-frame text.
        if changed_text or not self.instance.pk:
            typed_start = (
                self.cleaned_data.get("start_date") if "start_date" in self.changed_data else None
            )
            typed_end = (
                self.cleaned_data.get("end_date") if "end_date" in self.changed_data else None
            )
            task.start_date = typed_start or tf.start
            task.end_date = typed_end or tf.end
            task.recurrence, task.ongoing = tf.recurrence, tf.ongoing
        task.indicators = self.cleaned_data.get("indicators_text") or []
        if commit:
            task.save()
        return task


class BaseTaskFormSet(BaseModelFormSet[Task, TaskForm]):
    def __init__(self, *args: Any, user: User | None = None, **kwargs: Any) -> None:
        self.user = user
        # One queryset of the units the user may pick, shared by every form's pickers.
        self.units = scoped_units(user, {}) if user is not None else None
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        kwargs = super().get_form_kwargs(index)
        kwargs["user"] = self.user
        kwargs["units"] = self.units
        return kwargs

    def prime_pickers(self) -> None:
        """Names and paths of every unit the forms show, in one query for the whole page."""
        ids: set[int] = set()
        fields = []
        for form in self.forms:
            for name in ("leads", "coordinating"):
                fields.append(form.fields[name])
                ids.update(int(v) for v in form[name].value() or [] if str(v).isdigit())
        prime_widgets(fields, ids)


TaskFormSet = modelformset_factory(
    Task, form=TaskForm, formset=BaseTaskFormSet, extra=1, can_delete=True
)


class SendDownForm(forms.Form):
    units = UnitPickerField(
        label="Đơn vị nhận",
        help_text="Gõ tên để tìm (không cần dấu), hoặc mở cây; “+ cả cây con” chọn một đơn vị "
        "và mọi đơn vị cấp dưới; lọc “chỉ tổ chức cơ sở” / “chỉ chi bộ”.",
        error_messages={"required": "Hãy chọn ít nhất một đơn vị nhận."},
    )
    due_date = forms.DateField(label="Hạn ban hành kế hoạch thực hiện", widget=DATE_INPUT)
    message = forms.CharField(
        label="Lời nhắn", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, user: User, within: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["units"]
        assert isinstance(field, UnitPickerField)
        field.for_user(user, within=within, below_only=True)

    def clean_due_date(self) -> Any:
        due = self.cleaned_data["due_date"]
        if due < timezone.localdate():
            raise forms.ValidationError("Hạn ban hành không được ở trong quá khứ.")
        return due


class BoardFilterForm(forms.Form):
    state = forms.ChoiceField(
        choices=[("", "Mọi trạng thái"), *CascadeState.choices], required=False, label="Trạng thái"
    )
    kind = forms.ChoiceField(
        choices=[("", "Mọi loại"), *UnitKind.choices], required=False, label="Loại đơn vị"
    )
    level = forms.TypedChoiceField(
        choices=[("", "Mọi cấp"), ("1", "Cấp 1"), ("2", "Cấp 2"), ("3", "Cấp 3")],
        coerce=int,
        empty_value=None,
        required=False,
        label="Cấp",
    )
    q = forms.CharField(required=False, label="Tên đơn vị")


class UploadSignedPlanForm(forms.Form):
    file = CheckedFileField(uploads.LIBRARY, label="Kế hoạch đã ký (.docx, .pdf, .odt)")


class TaskUpdateForm(forms.Form):
    progress = forms.IntegerField(label="Tiến độ (%)", min_value=0, max_value=100, required=False)
    note = forms.CharField(
        label="Nội dung đã thực hiện", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    evidence = CheckedFileField(
        uploads.ATTACHMENTS, label="Minh chứng (tệp)", required=False, max_bytes=20 * 1024 * 1024
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("progress") is None
            and not (data.get("note") or "").strip()
            and not data.get("evidence")
        ):
            raise forms.ValidationError("Hãy nhập tiến độ, nội dung hoặc chọn tệp minh chứng.")
        return data


class MyTasksFilterForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            ("", "Mọi trạng thái"),
            ("not_started", "Chưa thực hiện"),
            ("in_progress", "Đang thực hiện"),
            ("done", "Hoàn thành"),
            ("overdue", "Quá hạn"),
        ],
        required=False,
        label="Trạng thái",
    )
    kind = forms.ChoiceField(
        choices=[("", "Mọi loại"), *PlanKind.choices], required=False, label="Loại kế hoạch"
    )


__all__ = ["Indicator", "TaskFormSet"]
