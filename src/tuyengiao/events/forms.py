"""Forms of the calendar. Messages in Vietnamese; what the user typed is kept on error."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from tuyengiao.accounts.scoping import scoped
from tuyengiao.core.richtext import RichTextField

from .anniversaries import LUNAR_DAYS_TEXT, lunar_supported
from .models import Anniversary, Campaign, Category, UnitEvent
from .services.agenda import KIND_LABELS

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AnniversaryForm(forms.ModelForm[Anniversary]):
    class Meta:
        model = Anniversary
        fields = [
            "title",
            "category",
            "day",
            "month",
            "lunar",
            "year",
            "source",
            "note",
            "active",
            "published_down",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, month, lunar = data.get("day"), data.get("month"), data.get("lunar")
        if day and month:
            if lunar and not lunar_supported(day, month):
                self.add_error(
                    "day",
                    "Hệ thống mới tính được các ngày âm lịch sau sang dương lịch: "
                    f"{LUNAR_DAYS_TEXT}. Hãy nhập ngày dương lịch tương ứng hoặc chọn một trong "
                    "các ngày này.",
                )
            elif not lunar:
                try:
                    date(2000, month, day)  # 2000 is a leap year: 29/02 is a real day
                except ValueError:
                    self.add_error("day", f"Tháng {month} không có ngày {day}.")
        year = data.get("year")
        if year and year > date.today().year + 1:
            self.add_error("year", "Năm diễn ra sự kiện chưa tới.")
        return data


class CampaignForm(forms.ModelForm[Campaign]):
    class Meta:
        model = Campaign
        fields = ["title", "theme", "starts_on", "ends_on", "slogans", "anniversary", "documents"]
        widgets = {
            "starts_on": DATE_INPUT,
            "ends_on": DATE_INPUT,
            "theme": forms.Textarea(attrs={"rows": 4}),
            "slogans": forms.Textarea(attrs={"rows": 5}),
            "documents": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from tuyengiao.documents.models import Document

        self.fields["anniversary"].queryset = scoped(Anniversary, user).filter(  # type: ignore[attr-defined]
            active=True
        )
        self.fields["documents"].queryset = scoped(Document, user).order_by("-id")  # type: ignore[attr-defined]
        self.fields[
            "documents"
        ].help_text = "Giữ phím Ctrl (Cmd trên máy Mac) để chọn nhiều văn bản trong thư viện."

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.")
        return data


class UnitEventForm(forms.ModelForm[UnitEvent]):
    class Meta:
        model = UnitEvent
        fields = [
            "title",
            "kind",
            "starts_on",
            "ends_on",
            "place",
            "campaign",
            "note",
            "published_down",
        ]
        widgets = {
            "starts_on": DATE_INPUT,
            "ends_on": DATE_INPUT,
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = scoped(Campaign, user)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.")
        return data


class AgendaFilterForm(forms.Form):
    """The list view's filters: a date range and the kinds of entries."""

    tu = forms.DateField(label="Từ ngày", required=False, widget=DATE_INPUT)
    den = forms.DateField(label="Đến ngày", required=False, widget=DATE_INPUT)
    loai = forms.MultipleChoiceField(
        label="Loại",
        required=False,
        choices=list(KIND_LABELS.items()),
        widget=forms.CheckboxSelectMultiple,
    )
    q = forms.CharField(label="Tìm theo tên", required=False, max_length=100)

    MAX_DAYS = 800

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("tu"), data.get("den")
        if start and end:
            if end < start:
                self.add_error("den", "“Đến ngày” phải sau hoặc trùng “Từ ngày”.")
            elif (end - start).days > self.MAX_DAYS:
                self.add_error("den", "Khoảng thời gian tối đa là 26 tháng; hãy thu hẹp lại.")
        return data


class AnniversaryFilterForm(forms.Form):
    loai = forms.ChoiceField(
        label="Loại", required=False, choices=[("", "Tất cả"), *Category.choices]
    )
    tron = forms.BooleanField(label="Chỉ năm chẵn trong 24 tháng tới", required=False)


class BulletinMonthForm(forms.Form):
    thang = forms.CharField(
        label="Tháng (mm/yyyy)",
        max_length=7,
        widget=forms.TextInput(attrs={"placeholder": "12/2026", "inputmode": "numeric"}),
    )

    def clean_thang(self) -> tuple[int, int]:
        raw = self.cleaned_data["thang"].strip()
        parts = raw.replace("-", "/").split("/")
        if len(parts) == 2 and all(p.isdigit() for p in parts):
            month, year = int(parts[0]), int(parts[1])
            if 1 <= month <= 12 and 2000 <= year <= 2100:
                return year, month
        raise forms.ValidationError("Hãy nhập tháng theo dạng mm/yyyy, ví dụ 12/2026.")


class BulletinItemForm(forms.Form):
    """A part of the bulletin: its heading and its body, typed in the rich-text editor (cleaned
    to sanitised HTML by ``core.richtext``)."""

    heading = forms.CharField(label="Tiêu đề", max_length=300)
    body = RichTextField(label="Nội dung", required=False)
