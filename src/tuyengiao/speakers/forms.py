"""Forms of the speakers app (labels and messages in Vietnamese)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet

from tuyengiao.core import uploads
from tuyengiao.core.uploads import CheckedFileField
from tuyengiao.documents.models import Document
from tuyengiao.orgs.models import CommRole, Person, Unit
from tuyengiao.orgs.picker import UnitPickField

from .models import Contest, CourseFormat, EndReason, EntryKind

DATE_WIDGET = forms.DateInput(
    format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}
)


def _date(label: str, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DATE_WIDGET)


class RosterFilterForm(forms.Form):
    unit = UnitPickField(label="Đơn vị quản lý (cả cấp dưới)", required=False)
    role = forms.ModelChoiceField(
        label="Vai trò", queryset=CommRole.objects.all(), required=False, empty_label="Tất cả"
    )
    status = forms.ChoiceField(
        label="Trạng thái",
        required=False,
        choices=[("active", "Đang làm nhiệm vụ"), ("ended", "Đã thôi"), ("all", "Tất cả")],
    )
    q = forms.CharField(label="Tìm", required=False, max_length=100)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        assert isinstance(field, UnitPickField)
        field.for_user(user)


class AppointForm(forms.Form):
    person = forms.ModelChoiceField(label="Người", queryset=Person.objects.none())
    role = forms.ModelChoiceField(label="Vai trò", queryset=CommRole.objects.all())
    decision_number = forms.CharField(label="Số quyết định", max_length=60, required=False)
    decision_date = _date("Ngày quyết định", required=False)
    term_start = _date("Nhiệm kỳ từ")
    term_end = _date("Nhiệm kỳ đến", required=False)
    expertise = forms.CharField(label="Lĩnh vực chuyên sâu", max_length=255, required=False)
    contact = forms.CharField(label="Liên hệ (nếu khác hồ sơ)", max_length=120, required=False)

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


class EndForm(forms.Form):
    ended_on = _date("Ngày thôi")
    reason = forms.ChoiceField(
        label="Lý do",
        choices=[(v, label) for v, label in EndReason.choices if v != EndReason.REAPPOINTED],
    )


class TermChangeForm(forms.Form):
    """The new term for the whole list; ``keep`` = the appointments reappointed (ticked)."""

    role = forms.ModelChoiceField(
        label="Vai trò",
        queryset=CommRole.objects.all(),
        required=False,
        empty_label="Tất cả vai trò",
    )
    term_start = _date("Nhiệm kỳ mới từ")
    term_end = _date("Nhiệm kỳ mới đến", required=False)
    decision_number = forms.CharField(label="Số quyết định công nhận", max_length=60)
    decision_date = _date("Ngày quyết định", required=False)
    keep = forms.TypedMultipleChoiceField(
        label="Công nhận lại", coerce=int, required=False, choices=[]
    )

    def __init__(self, *args: Any, appointment_ids: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["keep"].choices = [(i, str(i)) for i in appointment_ids]  # type: ignore[attr-defined]
        self.fields["keep"].error_messages["invalid_choice"] = (
            "Có người được chọn không thuộc danh sách đang hoạt động."
        )


class ImportForm(forms.Form):
    file = CheckedFileField(
        uploads.IMPORTS,
        label="Danh sách (.xlsx hoặc .csv)",
        help_text="Cột bắt buộc: Họ và tên, Vai trò, Nhiệm kỳ từ; nên có Năm sinh, Đơn vị sinh hoạt.",
    )


class RequirementForm(forms.Form):
    hours_per_year = forms.DecimalField(
        label="Số giờ bồi dưỡng tối thiểu mỗi năm",
        min_value=Decimal(0),
        max_digits=6,
        decimal_places=1,
    )


class YearForm(forms.Form):
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100, required=False)
    below = forms.BooleanField(label="Chỉ người chưa đủ giờ", required=False)


class CourseForm(forms.Form):
    title = forms.CharField(label="Tên lớp bồi dưỡng", max_length=255)
    organiser = forms.CharField(label="Đơn vị tổ chức", max_length=255, required=False)
    starts_on = _date("Từ ngày")
    ends_on = _date("Đến ngày")
    hours = forms.DecimalField(
        label="Số giờ", min_value=Decimal("0.5"), max_digits=6, decimal_places=1
    )
    format = forms.ChoiceField(label="Hình thức", choices=CourseFormat.choices)
    documents = forms.ModelMultipleChoiceField(
        label="Tài liệu (thư viện)", queryset=Document.objects.none(), required=False
    )

    def __init__(self, *args: Any, documents: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["documents"].queryset = documents  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", "Ngày kết thúc phải sau ngày bắt đầu.")
        return data


class EnrolForm(forms.Form):
    people = forms.ModelMultipleChoiceField(
        label="Ghi danh", queryset=Person.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = people  # type: ignore[attr-defined]
        self.fields["people"].error_messages["invalid_choice"] = (
            "Có người được chọn không thuộc danh sách lực lượng của đơn vị."
        )


class BriefingForm(forms.Form):
    title = forms.CharField(label="Tên hội nghị", max_length=255)
    held_on = _date("Ngày tổ chức")
    roles = forms.ModelMultipleChoiceField(
        label="Mời (vai trò)",
        queryset=CommRole.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Không chọn: báo cáo viên.",
    )
    outline = forms.CharField(
        label="Đề cương tóm tắt, nội dung định hướng",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=20000,
    )
    documents = forms.ModelMultipleChoiceField(
        label="Tài liệu (thư viện)", queryset=Document.objects.none(), required=False
    )

    def __init__(self, *args: Any, documents: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["documents"].queryset = documents  # type: ignore[attr-defined]


class TalkForm(forms.Form):
    given_on = _date("Ngày nói chuyện")
    audience = forms.CharField(
        label="Nói cho ai (đối tượng, đơn vị)",
        max_length=255,
        widget=forms.TextInput(
            attrs={"placeholder": "Ví dụ: Chi bộ thôn Đông, hội viên Hội Phụ nữ"}
        ),
    )
    listeners = forms.IntegerField(label="Số người nghe", min_value=1, max_value=100000)
    topic = forms.CharField(label="Chủ đề", max_length=255)


class ContestForm(forms.ModelForm[Contest]):
    rubric = forms.CharField(
        label="Tiêu chí chấm",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=(
            "Mỗi dòng một tiêu chí: Tên | trọng số | mức:điểm, mức:điểm … "
            "Ví dụ: Nội dung | 2 | Tốt:10, Khá:7, Đạt:5"
        ),
    )

    class Meta:
        model = Contest
        fields = ["title", "kind", "year", "spread_limit"]

    def clean_rubric(self) -> list[tuple[str, Decimal, list[tuple[str, Decimal]]]]:
        out = []
        for number, line in enumerate(str(self.cleaned_data["rubric"]).splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 3 or not parts[0]:
                raise forms.ValidationError(
                    f"Dòng {number}: cần 3 phần “Tên | trọng số | mức:điểm, …”."
                )
            try:
                weight = Decimal(parts[1].replace(",", "."))
                levels = []
                for chunk in parts[2].split(","):
                    label, _, points = chunk.rpartition(":")
                    levels.append((label.strip(), Decimal(points.strip().replace(",", "."))))
            except ArithmeticError as exc:
                raise forms.ValidationError(f"Dòng {number}: trọng số và điểm phải là số.") from exc
            if weight <= 0 or not levels or any(not label for label, _ in levels):
                raise forms.ValidationError(
                    f"Dòng {number}: trọng số phải dương và mỗi mức phải có tên và điểm."
                )
            out.append((parts[0][:255], weight, levels))
        if not out:
            raise forms.ValidationError("Hãy nhập ít nhất một tiêu chí.")
        return out


class RoundForm(forms.Form):
    name = forms.CharField(label="Tên vòng thi", max_length=120)


class JurorForm(forms.Form):
    person = forms.ModelChoiceField(
        label="Giám khảo (trong danh sách lực lượng)", queryset=Person.objects.none()
    )

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


class EntryForm(forms.Form):
    person = forms.ModelChoiceField(
        label="Người dự thi (để trống nếu đơn vị dự thi)",
        queryset=Person.objects.none(),
        required=False,
    )
    entrant_unit = forms.ModelChoiceField(
        label="Đơn vị dự thi", queryset=Unit.objects.none(), required=False
    )
    kind = forms.ChoiceField(label="Loại bài", choices=EntryKind.choices)
    title = forms.CharField(label="Tên bài dự thi", max_length=255)
    link = forms.URLField(label="Đường dẫn", required=False, assume_scheme="https")

    def __init__(
        self, *args: Any, people: QuerySet[Person], units: QuerySet[Unit], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]
        self.fields["entrant_unit"].queryset = units  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("person") and not data.get("entrant_unit"):
            raise forms.ValidationError("Hãy chọn người dự thi hoặc đơn vị dự thi.")
        return data


class ScoreForm(forms.Form):
    """One choice of level per criterion of the contest's rubric."""

    def __init__(
        self, *args: Any, criteria: list[Any], initial_levels: dict[int, int], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for c in criteria:
            self.fields[f"c{c.pk}"] = forms.TypedChoiceField(
                label=f"{c.name} (trọng số {c.weight:g})".replace(".", ","),
                coerce=int,
                choices=[
                    (lv.pk, f"{lv.label} — {lv.points:g} điểm".replace(".", ","))
                    for lv in c.levels.all()
                ],
                widget=forms.RadioSelect,
                initial=initial_levels.get(c.pk),
                error_messages={"required": f"Hãy chọn mức cho tiêu chí “{c.name}”."},
            )

    def levels(self) -> dict[int, int]:
        return {int(k[1:]): int(v) for k, v in self.cleaned_data.items()}
