"""Forms of the inspections app (labels and messages in Vietnamese)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from tuyengiao.accounts.models import User
from tuyengiao.accounts.scoping import scoped
from tuyengiao.core import uploads
from tuyengiao.core.uploads import CheckedFileField
from tuyengiao.orgs.models import Person, Unit
from tuyengiao.orgs.picker import UnitPickerField
from tuyengiao.plans.models import Plan

from .models import Finding, Kind, ReviewKind

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
RECOMMENDATION_ROWS = 6


class PersonChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.full_name}{' — ' + obj.position if obj.position else ''}"


class PeopleChoice(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.full_name}{' — ' + obj.position if obj.position else ''}"


class InspectionForm(forms.Form):
    kind = forms.ChoiceField(label="Hình thức", choices=Kind.choices)
    title = forms.CharField(label="Nội dung kiểm tra", max_length=500)
    plan = forms.ModelChoiceField(
        label="Kế hoạch được kiểm tra",
        queryset=Plan.objects.none(),
        required=False,
        help_text="Để trống: kiểm tra mọi nhiệm vụ có hạn trong kỳ.",
    )
    units = UnitPickerField(
        label="Đơn vị được kiểm tra",
        error_messages={"required": "Hãy chọn ít nhất một đơn vị được kiểm tra."},
    )
    period_start = forms.DateField(label="Kỳ kiểm tra từ ngày", widget=DATE_INPUT)
    period_end = forms.DateField(label="Đến ngày", widget=DATE_INPUT)
    planned_on = forms.DateField(label="Ngày kiểm tra dự kiến", widget=DATE_INPUT)
    head = PersonChoice(label="Trưởng đoàn", queryset=Person.objects.none(), required=False)
    members = PeopleChoice(
        label="Thành viên đoàn",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def __init__(self, *args: Any, user: User, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["units"]
        assert isinstance(field, UnitPickerField)
        field.for_user(user, within=unit, below_only=True)
        plan_field = self.fields["plan"]
        assert isinstance(plan_field, forms.ModelChoiceField)
        plan_field.queryset = scoped(Plan, user).order_by("-issued_on", "-id")
        people: QuerySet[Person] = scoped(Person, user).filter(unit=unit).order_by("full_name")
        for name in ("head", "members"):
            people_field = self.fields[name]
            assert isinstance(people_field, forms.ModelChoiceField)
            people_field.queryset = people

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "Ngày kết thúc kỳ kiểm tra phải sau ngày bắt đầu.")
        return data


class YearFilterForm(forms.Form):
    year = forms.TypedChoiceField(label="Năm", coerce=int, required=False, empty_value=None)
    kind = forms.ChoiceField(
        label="Hình thức", choices=[("", "Mọi hình thức"), *Kind.choices], required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        field = self.fields["year"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [(y, str(y)) for y in range(this_year + 1, this_year - 6, -1)]


class FindingForm(forms.Form):
    finding = forms.ChoiceField(
        label="Kết quả", choices=[("", "— Chưa đánh giá —"), *Finding.choices], required=False
    )
    note = forms.CharField(label="Nhận xét", required=False, max_length=4000)
    evidence = CheckedFileField(
        uploads.ATTACHMENTS, label="Minh chứng bổ sung", required=False, max_bytes=20 * 1024 * 1024
    )


class AddLineForm(forms.Form):
    requirement = forms.CharField(label="Nội dung cần kiểm tra thêm", max_length=2000)


class ConclusionForm(forms.Form):
    conclusion = forms.CharField(
        label="Kết luận chung", widget=forms.Textarea(attrs={"rows": 5}), max_length=20000
    )

    def __init__(self, *args: Any, initial_recommendations: list[str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        proposals = initial_recommendations or []
        for i in range(max(RECOMMENDATION_ROWS, len(proposals))):
            self.fields[f"rec_{i}"] = forms.CharField(
                label=f"Kiến nghị {i + 1}",
                required=False,
                max_length=1000,
                initial=proposals[i] if i < len(proposals) else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"due_{i}"] = forms.DateField(
                label=f"Hạn khắc phục {i + 1}", required=False, widget=DATE_INPUT
            )

    def recommendation_pairs(self) -> list[tuple[str, date]]:
        data = self.cleaned_data
        i, pairs = 0, []
        while f"rec_{i}" in self.fields:
            text = (data.get(f"rec_{i}") or "").strip()
            if text:
                pairs.append((text, data[f"due_{i}"]))
            i += 1
        return pairs

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        today = timezone.localdate()
        i = 0
        while f"rec_{i}" in self.fields:
            text = (data.get(f"rec_{i}") or "").strip()
            due = data.get(f"due_{i}")
            if text and due is None and f"due_{i}" not in self.errors:
                self.add_error(f"due_{i}", "Hãy chọn hạn khắc phục cho kiến nghị này.")
            elif text and due is not None and due < today:
                self.add_error(f"due_{i}", "Hạn khắc phục không được ở trong quá khứ.")
            i += 1
        return data


class SendBackForm(forms.Form):
    reason = forms.CharField(label="Lý do chưa chấp nhận", max_length=2000)


class ReviewForm(forms.Form):
    kind = forms.ChoiceField(label="Loại", choices=ReviewKind.choices)
    title = forms.CharField(label="Sơ kết, tổng kết việc thực hiện", max_length=500)
    plan = forms.ModelChoiceField(
        label="Nghị quyết, kế hoạch", queryset=Plan.objects.none(), required=False
    )
    units = UnitPickerField(
        label="Đơn vị báo cáo",
        error_messages={"required": "Hãy chọn ít nhất một đơn vị báo cáo."},
    )
    span_start = forms.DateField(label="Từ ngày", widget=DATE_INPUT)
    span_end = forms.DateField(label="Đến ngày", widget=DATE_INPUT)
    due_date = forms.DateField(label="Hạn gửi báo cáo", widget=DATE_INPUT)
    outline = forms.CharField(
        label="Đề cương (mỗi dòng một phần)",
        widget=forms.Textarea(attrs={"rows": 5}),
        initial="Công tác lãnh đạo, chỉ đạo, quán triệt\nKết quả thực hiện nhiệm vụ\n"
        "Hạn chế, nguyên nhân\nPhương hướng, nhiệm vụ thời gian tới",
    )

    def __init__(self, *args: Any, user: User, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["units"]
        assert isinstance(field, UnitPickerField)
        field.for_user(user, within=unit, below_only=True)
        plan_field = self.fields["plan"]
        assert isinstance(plan_field, forms.ModelChoiceField)
        plan_field.queryset = scoped(Plan, user).order_by("-issued_on", "-id")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("span_start"), data.get("span_end")
        if start and end and end < start:
            self.add_error("span_end", "Ngày cuối kỳ sơ kết, tổng kết phải sau ngày đầu.")
        return data


class ReviewReportForm(forms.Form):
    commendations = forms.CharField(
        label="Ghi chú về khen thưởng",
        required=False,
        help_text="Đề nghị khen thưởng từng tập thể, cá nhân: nút “+ Đề nghị khen thưởng” ở trên "
        "(cấp tổ chức sơ kết, tổng kết quyết định và ghi vào sổ khen thưởng).",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, sections: list[str], values: dict[str, str], **kw: Any):
        super().__init__(*args, **kw)
        for i, title in enumerate(sections):
            self.fields[f"section_{i}"] = forms.CharField(
                label=title,
                required=False,
                max_length=50000,
                initial=values.get(str(i), ""),
                widget=forms.Textarea(attrs={"rows": 5}),
            )
        self.order_fields([f"section_{i}" for i in range(len(sections))] + ["commendations"])

    def section_values(self) -> dict[str, str]:
        return {
            name.removeprefix("section_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("section_")
        }
