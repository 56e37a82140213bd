"""Forms of the activity register: the quick phone form, the filters, evidence, the kinds."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from tuyengiao.accounts.scoping import scoped
from tuyengiao.core import uploads
from tuyengiao.core.uploads import CheckedFileField
from tuyengiao.orgs.models import Person, Unit
from tuyengiao.orgs.picker import UnitPickField

from .models import Activity, ActivityKind

DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%Y-%m-%d"]
DATE_WIDGET = forms.DateInput(
    format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}
)
EVIDENCE_MAX_BYTES = 20 * 1024 * 1024
DOCUMENT_CHOICES = 200  # the newest library documents offered in the select


def evidence_field(label: str = "Ảnh, tệp minh chứng", required: bool = False) -> CheckedFileField:
    return CheckedFileField(
        uploads.ATTACHMENTS,
        label=label,
        required=required,
        max_bytes=EVIDENCE_MAX_BYTES,
        help_text="Ảnh chụp (.jpg, .png) hoặc tệp (.pdf, .docx …), tối đa 20 MB.",
    )


def _assignment_label(a: Any) -> str:
    return f"{a.task.plan.display_number}: {a.task.title[:90]}"


class ActivityForm(forms.ModelForm):  # type: ignore[type-arg]
    """One activity: the first fields are all a phone needs; the rest is under "Thêm chi tiết"."""

    QUICK = ("kind", "topic", "held_on", "place", "reached", "evidence")

    held_on = forms.DateField(
        label="Ngày thực hiện",
        input_formats=DATE_FORMATS,
        widget=DATE_WIDGET,
        error_messages={"invalid": "Ngày chưa đúng: hãy nhập theo dạng ngày/tháng/năm."},
    )
    evidence = evidence_field()

    class Meta:
        model = Activity
        fields = [
            "kind",
            "topic",
            "held_on",
            "place",
            "reached",
            "commune",
            "district",
            "audience",
            "people",
            "link",
            "assignment",
            "document",
            "campaign",
            "note",
        ]
        widgets = {
            "people": forms.CheckboxSelectMultiple,
            "note": forms.Textarea(attrs={"rows": 3}),
            "reached": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
        }
        error_messages = {
            "kind": {"required": "Hãy chọn loại hoạt động."},
            "topic": {"required": "Hãy ghi nội dung, chủ đề của hoạt động."},
            "reached": {"invalid": "Số người phải là số nguyên, ví dụ 120."},
            "link": {"invalid": "Đường dẫn chưa đúng: hãy dán cả “https://…”."},
        }

    def __init__(self, *args: Any, unit: Unit, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from tuyengiao.documents.models import Document
        from tuyengiao.plans.models import TaskAssignment

        self.unit = unit
        kinds = self.fields["kind"]
        assert isinstance(kinds, forms.ModelChoiceField)
        kinds.queryset = ActivityKind.objects.filter(active=True)
        if self.instance.pk:
            kinds.queryset = ActivityKind.objects.filter(active=True) | ActivityKind.objects.filter(
                pk=self.instance.kind_id
            )
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("held_on", timezone.localdate())
        people = self.fields["people"]
        assert isinstance(people, forms.ModelMultipleChoiceField)
        people.queryset = Person.objects.filter(unit__path__startswith=unit.path, active=True)
        assignment = self.fields["assignment"]
        assert isinstance(assignment, forms.ModelChoiceField)
        assignment.queryset = TaskAssignment.objects.filter(unit=unit).select_related("task__plan")
        setattr(assignment, "label_from_instance", _assignment_label)  # noqa: B010
        document = self.fields["document"]
        assert isinstance(document, forms.ModelChoiceField)
        documents: QuerySet[Document] = scoped(Document, user)
        document.queryset = documents
        offered = list(documents.order_by("-id")[:DOCUMENT_CHOICES])
        current = self.instance.document if self.instance.pk else None
        if current is not None and current not in offered:
            offered.insert(0, current)
        document.widget.choices = [("", "— Chọn —")] + [(d.pk, str(d)) for d in offered]
        from tuyengiao.events.models import Campaign

        campaign = self.fields["campaign"]
        assert isinstance(campaign, forms.ModelChoiceField)
        campaigns: QuerySet[Campaign] = scoped(Campaign, user)
        campaign.queryset = campaigns.order_by("-starts_on", "-id")
        for name in ("topic", "place", "reached"):
            self.fields[name].widget.attrs["class"] = "big"
        self.fields["topic"].widget.attrs["list"] = "topics"
        self.fields["reached"].required = False
        if not self.instance.pk:
            self.fields["reached"].initial = None
        else:
            del self.fields["evidence"]

    def clean_reached(self) -> int:
        value = self.cleaned_data.get("reached")
        return int(value or 0)

    def clean_held_on(self) -> date:
        held_on: date = self.cleaned_data["held_on"]
        if held_on.year < 1945:
            raise forms.ValidationError("Ngày thực hiện chưa đúng năm.")
        return held_on

    def quick_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.QUICK if name in self.fields]

    def more_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name not in self.QUICK]


class EvidenceForm(forms.Form):
    file = evidence_field(label="Thêm ảnh, tệp minh chứng", required=True)


class FilterForm(forms.Form):
    """The list's and the roll-up's filters: a subtree, a kind, a topic, a period."""

    unit = UnitPickField(label="Đơn vị (cả cấp dưới)", required=False)
    kind = forms.ModelChoiceField(
        label="Loại hoạt động",
        queryset=ActivityKind.objects.all(),
        required=False,
        empty_label="— Tất cả —",
        error_messages={"invalid_choice": "Loại hoạt động không có trong danh sách."},
    )
    topic = forms.CharField(label="Chủ đề có chữ", required=False, max_length=100)
    start = forms.DateField(
        label="Từ ngày",
        required=False,
        input_formats=DATE_FORMATS,
        widget=DATE_WIDGET,
        error_messages={"invalid": "“Từ ngày” chưa đúng: hãy nhập theo dạng ngày/tháng/năm."},
    )
    end = forms.DateField(
        label="Đến ngày",
        required=False,
        input_formats=DATE_FORMATS,
        widget=DATE_WIDGET,
        error_messages={"invalid": "“Đến ngày” chưa đúng: hãy nhập theo dạng ngày/tháng/năm."},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            raise forms.ValidationError("“Từ ngày” phải trước “Đến ngày”.")
        return data


class KindForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = ActivityKind
        fields = ["name", "order", "counts_items", "active"]
        error_messages = {"name": {"unique": "Đã có loại hoạt động tên này."}}
