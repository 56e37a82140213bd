"""Forms of the emulation app (labels and messages in Vietnamese)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from tuyengiao.accounts.models import User
from tuyengiao.accounts.scoping import scoped
from tuyengiao.core import uploads
from tuyengiao.core.uploads import CheckedFileField
from tuyengiao.orgs.models import Person, Unit
from tuyengiao.orgs.picker import UnitPickerField, UnitPickField

from .models import AwardForm, Criterion, Movement, NominationStatus

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MovementForm(forms.Form):
    title = forms.CharField(label="Tên phong trào", max_length=500)
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100)
    criteria = forms.CharField(
        label="Tiêu chí (mỗi dòng: Tên tiêu chí | điểm tối đa)",
        widget=forms.Textarea(attrs={"rows": 5}),
        initial="Thực hiện nhiệm vụ chính trị | 40\nCông tác tuyên truyền | 30\n"
        "Học tập, quán triệt nghị quyết | 30",
    )
    units = UnitPickerField(label="Đơn vị tham gia")

    def __init__(self, *args: Any, user: User, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year
        field = self.fields["units"]
        assert isinstance(field, UnitPickerField)
        field.for_user(user, within=unit, below_only=True)


def points_fields(form: forms.Form, criteria: list[Criterion], values: dict[str, Any]) -> None:
    for c in criteria:
        form.fields[f"c{c.pk}"] = forms.IntegerField(
            label=f"{c.name} (tối đa {c.max_points})",
            min_value=0,
            max_value=c.max_points,
            initial=values.get(str(c.pk), 0),
            error_messages={"max_value": f"Tối đa {c.max_points} điểm."},
        )


def points_of(form: forms.Form) -> dict[str, int]:
    return {
        name[1:]: int(value)
        for name, value in form.cleaned_data.items()
        if name.startswith("c") and name[1:].isdigit()
    }


class SelfAssessmentForm(forms.Form):
    note = forms.CharField(
        label="Thuyết minh thành tích", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    evidence = CheckedFileField(
        uploads.ATTACHMENTS, label="Minh chứng", required=False, max_bytes=20 * 1024 * 1024
    )

    def __init__(self, *args: Any, criteria: list[Criterion], values: dict[str, Any], **kw: Any):
        super().__init__(*args, **kw)
        points_fields(self, criteria, values)


class ScoreForm(forms.Form):
    def __init__(self, *args: Any, criteria: list[Criterion], values: dict[str, Any], **kw: Any):
        super().__init__(*args, **kw)
        points_fields(self, criteria, values)


class PersonChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.full_name} — {obj.unit.name}"


def offer_recipients(form: forms.Form, user: User, unit: Unit) -> None:
    """Limit a commendation's or a nomination's choices to what ``user`` reaches below ``unit``:
    the unit picked, the person (of ``unit``'s subtree) and the emulation movement."""
    field = form.fields["subject_unit"]
    assert isinstance(field, UnitPickField)
    field.for_user(user, within=unit)
    person = form.fields["person"]
    assert isinstance(person, forms.ModelChoiceField)
    person.queryset = (
        scoped(Person, user).filter(unit__path__startswith=unit.path).select_related("unit")
    )
    movement = form.fields["movement"]
    assert isinstance(movement, forms.ModelChoiceField)
    movement.queryset = scoped(Movement, user)


class CommendationForm(forms.Form):
    form = forms.ModelChoiceField(label="Hình thức", queryset=AwardForm.objects.all())
    subject_unit = UnitPickField(label="Tập thể được khen", required=False)
    person = PersonChoice(
        label="Hoặc cá nhân được khen", queryset=Person.objects.none(), required=False
    )
    decision_number = forms.CharField(label="Số quyết định", max_length=60)
    decision_date = forms.DateField(label="Ngày quyết định", widget=DATE_INPUT)
    reason = forms.CharField(label="Thành tích", max_length=1000)
    movement = forms.ModelChoiceField(
        label="Phong trào thi đua", queryset=Movement.objects.none(), required=False
    )

    def __init__(self, *args: Any, user: User, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_recipients(self, user, unit)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("subject_unit") and not data.get("person"):
            raise forms.ValidationError("Hãy chọn tập thể hoặc cá nhân được khen thưởng.")
        return data


class RegisterFilterForm(forms.Form):
    year = forms.IntegerField(label="Năm", required=False, min_value=2000, max_value=2100)
    unit = UnitPickField(label="Đơn vị (cả cấp dưới)", required=False)
    q = forms.CharField(label="Tên cá nhân, tập thể", required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        assert isinstance(field, UnitPickField)
        field.for_user(user)


DECIDE_OWN, DECIDE_SUPERIOR = "own", "superior"


class NominationForm(forms.Form):
    form = forms.ModelChoiceField(label="Hình thức khen thưởng", queryset=AwardForm.objects.all())
    subject_unit = UnitPickField(label="Tập thể được đề nghị", required=False)
    person = PersonChoice(
        label="Hoặc cá nhân được đề nghị", queryset=Person.objects.none(), required=False
    )
    reason = forms.CharField(label="Thành tích", max_length=1000)
    decider = forms.ChoiceField(label="Cấp quyết định")
    movement = forms.ModelChoiceField(
        label="Phong trào thi đua", queryset=Movement.objects.none(), required=False
    )

    def __init__(
        self, *args: Any, user: User, unit: Unit, fixed_decider: Unit | None = None, **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        offer_recipients(self, user, unit)
        decider = self.fields["decider"]
        assert isinstance(decider, forms.ChoiceField)
        superior = unit.superior()
        if fixed_decider is not None:
            decider.choices = [(DECIDE_SUPERIOR, fixed_decider.name)]
        else:
            decider.choices = (
                [(DECIDE_SUPERIOR, f"Đề nghị {superior.name} quyết định")] if superior else []
            ) + [(DECIDE_OWN, f"{unit.name} quyết định")]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("subject_unit") and not data.get("person"):
            raise forms.ValidationError("Hãy chọn tập thể hoặc cá nhân được đề nghị khen thưởng.")
        return data


class ApproveForm(forms.Form):
    decision_number = forms.CharField(
        label="Số quyết định",
        max_length=60,
        error_messages={"required": "Hãy nhập số quyết định."},
    )
    decision_date = forms.DateField(
        label="Ngày quyết định",
        widget=DATE_INPUT,
        error_messages={
            "required": "Hãy nhập ngày quyết định.",
            "invalid": "Ngày quyết định chưa đúng.",
        },
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label="Lý do không duyệt",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Hãy ghi lý do không duyệt."},
    )


class NominationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Trạng thái",
        required=False,
        choices=[("", "— Tất cả —"), *NominationStatus.choices],
    )
    year = forms.IntegerField(label="Năm đề nghị", required=False, min_value=2000, max_value=2100)
