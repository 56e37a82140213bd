"""Forms of the study app (labels and messages in Vietnamese)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.http import QueryDict

from tuyengiao.accounts.models import User
from tuyengiao.core import uploads
from tuyengiao.core.uploads import CheckedFileField
from tuyengiao.orgs.models import Person, Unit
from tuyengiao.orgs.picker import UnitPickerField

from .models import (
    ExemptionCategory,
    QuestionKind,
    SessionMode,
    StudyRound,
    StudySession,
    StudyTest,
)

DATE_WIDGET = forms.DateInput(
    format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}
)
DATETIME_FORMATS = ["%d/%m/%Y %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class RoundForm(forms.ModelForm):
    covered_units = UnitPickerField(
        label="Đơn vị thực hiện (gồm cả cấp dưới)",
        error_messages={"required": "Hãy chọn ít nhất một đơn vị thực hiện."},
    )

    class Meta:
        model = StudyRound
        fields = [
            "title",
            "document",
            "document_title",
            "number",
            "target_rate",
            "starts_on",
            "ends_on",
            "covered_units",
        ]
        widgets = {"starts_on": DATE_WIDGET, "ends_on": DATE_WIDGET}

    def __init__(
        self,
        *args: Any,
        units: QuerySet[Unit],
        documents: QuerySet[Any],
        user: Any = None,
        within: Unit | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        covered = self.fields["covered_units"]
        assert isinstance(covered, UnitPickerField)
        if user is not None:
            covered.for_user(user, within=within, below_only=True, queryset=units)
        self.fields["document"].queryset = documents  # type: ignore[attr-defined]
        self.fields["document"].help_text = "Văn bản được học tập, chọn trong thư viện (nếu đã có)."
        self.fields["covered_units"].queryset = units  # type: ignore[attr-defined]
        self.fields["title"].widget.attrs["placeholder"] = (
            "Học tập, quán triệt Nghị quyết Đại hội XIII"
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", "Ngày kết thúc phải sau ngày bắt đầu.")
        if not data.get("document") and not (data.get("document_title") or "").strip():
            self.add_error(
                "document_title", "Hãy chọn văn bản trong thư viện hoặc ghi tên văn bản."
            )
        rate = data.get("target_rate")
        if rate is not None and not 0 < rate <= 100:
            self.add_error("target_rate", "Chỉ tiêu phải trong khoảng 0–100 %.")
        return data


class SessionForm(forms.ModelForm):
    starts_at = forms.DateTimeField(
        label="Bắt đầu",
        input_formats=DATETIME_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    ends_at = forms.DateTimeField(
        label="Kết thúc",
        input_formats=DATETIME_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    class Meta:
        model = StudySession
        fields = ["title", "mode", "place", "starts_at", "ends_at", "presenter", "is_makeup"]

    def __init__(self, *args: Any, presenters: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["presenter"].queryset = presenters  # type: ignore[attr-defined]
        self.fields[
            "presenter"
        ].help_text = "Báo cáo viên trong danh sách nhân sự có vai trò Báo cáo viên."
        self.fields["mode"].choices = SessionMode.choices  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", "Giờ kết thúc phải sau giờ bắt đầu.")
        return data


class CheckinForm(forms.Form):
    code = forms.CharField(
        label="Mã điểm danh",
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    @classmethod
    def from_link(cls, query: Mapping[str, Any]) -> CheckinForm:
        """The unbound form, the code filled in from the QR link's ``?ma=``."""
        return cls(initial={"code": query.get("ma", "")})


class ImportForm(forms.Form):
    file = CheckedFileField(
        uploads.IMPORTS,
        label="Bảng ký tên (.xlsx hoặc .csv)",
        help_text="Cột bắt buộc: Họ và tên; nên có Năm sinh.",
    )
    valid_rows_only = forms.BooleanField(label="Chỉ nhập các dòng hợp lệ", required=False)


class TestForm(forms.ModelForm):
    class Meta:
        model = StudyTest
        fields = ["title", "time_limit_minutes", "pass_score", "shuffle", "is_open"]


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label="Loại câu hỏi", choices=QuestionKind.choices)
    text = forms.CharField(label="Câu hỏi", widget=forms.Textarea(attrs={"rows": 2}))
    choices = forms.CharField(
        label="Phương án (mỗi dòng một phương án; đánh dấu * ở đầu phương án đúng)",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Câu Đúng/Sai: để trống và ghi * vào ô đáp án đúng bên dưới bằng chữ Đúng hoặc Sai.",
    )
    accepted = forms.CharField(
        label="Đáp án (trả lời ngắn hoặc Đúng/Sai; mỗi dòng một đáp án)",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        lines = [ln.strip() for ln in (data.get("choices") or "").splitlines() if ln.strip()]
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            correct = [ln for ln in lines if ln.startswith("*")]
            if len(lines) < 2:
                self.add_error("choices", "Cần ít nhất hai phương án.")
            elif not correct:
                self.add_error("choices", "Hãy đánh dấu * trước phương án đúng.")
            elif kind == QuestionKind.SINGLE and len(correct) > 1:
                self.add_error("choices", "Câu một lựa chọn chỉ có một phương án đúng.")
        if kind == QuestionKind.TRUE_FALSE and (data.get("accepted") or "").strip().lower() not in (
            "đúng",
            "sai",
        ):
            self.add_error("accepted", "Ghi “Đúng” hoặc “Sai”.")
        if kind == QuestionKind.SHORT and not (data.get("accepted") or "").strip():
            self.add_error("accepted", "Cần ít nhất một đáp án chấp nhận.")
        data["choice_lines"] = lines
        return data


class EssayForm(forms.Form):
    text = forms.CharField(
        label="Nội dung bài thu hoạch", widget=forms.Textarea(attrs={"rows": 12}), required=False
    )
    file = CheckedFileField(
        uploads.LIBRARY,
        label="Hoặc tệp đính kèm (.docx, .pdf)",
        required=False,
        max_bytes=10 * 1024 * 1024,
    )


def _keyed(data: Mapping[str, Any], prefix: str) -> dict[int, str]:
    """Values of the inputs named ``<prefix><pk>`` (one per row of a table form), by pk."""
    return {
        int(key[len(prefix) :]): str(data.get(key, ""))
        for key in data
        if key.startswith(prefix) and key[len(prefix) :].isdigit()
    }


class SearchForm(forms.Form):
    """``?q=`` of a list page."""

    q = forms.CharField(required=False)

    def query(self) -> str:
        return self.cleaned_data.get("q", "") if self.is_valid() else ""


class ExportForm(forms.Form):
    """``?export=xlsx`` on a page that also offers its table as a spreadsheet."""

    export = forms.ChoiceField(choices=[("xlsx", "xlsx")], required=False)

    def wants_xlsx(self) -> bool:
        return self.is_valid() and self.cleaned_data["export"] == "xlsx"


class ExemptionsForm(forms.Form):
    """The member list's selects ``ex_<eligibility pk>``: the exemption category of each row."""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = _keyed(self.data, "ex_")
        if any(v and v not in ExemptionCategory.values for v in chosen.values()):
            raise forms.ValidationError("Lý do miễn không hợp lệ.")
        data["exemptions"] = chosen
        return data


class IdListField(forms.Field):
    """Repeated inputs of one name (checkboxes) holding ids. Anything not a number is dropped:
    the page never sends one, and the service ignores ids outside the list anyway."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[int]:
        return [int(v) for v in value or [] if str(v).isdigit()]


class AttendanceListForm(forms.Form):
    """The session's checkbox list: the person ids ticked present."""

    p = IdListField(required=False)


class AnswersForm(forms.Form):
    """An online attempt's answers, ``q<question pk>`` per question of the attempt."""

    def __init__(self, data: QueryDict, *, question_ids: Iterable[int]) -> None:
        super().__init__(data)
        self.posted = data  # a QueryDict: a question with several choices has several values
        self.question_ids = list(question_ids)

    def answers(self) -> dict[int, Any]:
        """Choice ids as a list; a typed short answer as its text."""
        out: dict[int, Any] = {}
        for qid in self.question_ids:
            values = self.posted.getlist(f"q{qid}")
            out[qid] = values if len(values) != 1 or values[0].isdigit() else values[0]
        return out


class PaperScoresForm(forms.Form):
    """Scores of paper tests typed per row (``s_<eligibility pk>``), 0–100 with , or . decimals."""

    def typed(self) -> dict[int, str]:
        """What was typed, by row, to show back as it was."""
        return _keyed(self.data, "s_")

    def scores(self) -> dict[int, Decimal | None]:
        """The non-empty entries by row; None where the text is not a number."""
        out: dict[int, Decimal | None] = {}
        for pk, raw in self.typed().items():
            text = raw.strip().replace(",", ".")
            if not text:
                continue
            try:
                score: Decimal | None = Decimal(text)
            except InvalidOperation:
                score = None
            out[pk] = score if score is not None and score.is_finite() else None
        return out


class CriterionForm(forms.Form):
    """A rubric criterion and its levels, one “Label: points” per line."""

    criterion = forms.CharField(label="Tiêu chí mới", required=False)
    levels = forms.CharField(label="Các mức", required=False, widget=forms.Textarea)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        levels = []
        for line in (data.get("levels") or "").splitlines():
            label, _, points = line.rpartition(":")
            if label.strip() and points.strip().isdigit():
                levels.append((label.strip(), int(points)))
        if not (data.get("criterion") or "").strip() or not levels:
            raise forms.ValidationError(
                "Cần tên tiêu chí và các mức dạng “Tốt: 3” (mỗi dòng một mức)."
            )
        data["parsed_levels"] = levels
        return data


class GradeForm(forms.Form):
    """A grader's pick of one level per criterion (radios ``c_<criterion pk>``) and a comment."""

    comment = forms.CharField(required=False, strip=False)

    def level_ids(self) -> list[int]:
        return [int(v) for v in _keyed(self.data, "c_").values() if v.isdigit()]


class AssignGradersForm(forms.Form):
    graders = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(),
        required=False,
        error_messages={
            "invalid_choice": "Người được chọn không thể chấm bài này.",
            "invalid_pk_value": "Lựa chọn người chấm không hợp lệ.",
        },
    )

    def __init__(self, *args: Any, candidates: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["graders"].queryset = candidates  # type: ignore[attr-defined]
