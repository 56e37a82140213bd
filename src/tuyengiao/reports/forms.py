"""Forms of the reports app. The submission form itself is rendered from the type's fields; its
POSTs (a save, the reconcile screen) are parsed by ``SaveForm`` and ``ReconcileForm``, which
collect those fields (``ind_…``, ``sec_…``, ``task_…``) from the data rather than declare them."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from tuyengiao.core import uploads
from tuyengiao.core.uploads import CheckedFileField
from tuyengiao.core.widgets import Select
from tuyengiao.orgs.models import Unit, UnitKind
from tuyengiao.orgs.picker import UnitPickerField

from .models import (
    ACTIVITY_SOURCES,
    STUDY_SOURCES,
    SURVEY_SOURCES,
    DataSource,
    Indicator,
    IndicatorKind,
    ReportType,
    Section,
)


class ReportTypeForm(forms.ModelForm):
    class Meta:
        model = ReportType
        fields = ["title", "period_kind", "due_day", "due_month_offset", "plan"]

    def __init__(self, *args: Any, plans: QuerySet[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plan_field = self.fields["plan"]
        assert isinstance(plan_field, forms.ModelChoiceField)
        if plans is not None:
            plan_field.queryset = plans
        plan_field.required = False

    def clean_due_day(self) -> int:
        day = self.cleaned_data["due_day"]
        if not 1 <= day <= 31:
            raise forms.ValidationError("Ngày phải từ 1 đến 31.")
        return int(day)

    def clean_due_month_offset(self) -> int:
        offset = self.cleaned_data["due_month_offset"]
        if not -11 <= offset <= 12:
            raise forms.ValidationError("Chỉ nhận từ -11 đến 12 tháng.")
        return int(offset)


class SectionForm(forms.ModelForm):
    class Meta:
        model = Section
        fields = ["order", "title", "guidance"]
        widgets = {"guidance": forms.Textarea(attrs={"rows": 2})}


class SurveyQuestionField(forms.ModelChoiceField):
    """A survey's question, named with its survey."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.survey.title} — {obj.text}"


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "order",
            "code",
            "label",
            "kind",
            "measure",
            "required",
            "integer",
            "min_value",
            "max_value",
            "aggregate",
            "numerator",
            "denominator",
            "source",
            "source_round",
            "source_activity_kind",
            "source_survey",
            "source_question",
            "source_options",
        ]
        field_classes = {"source_question": SurveyQuestionField}

    def __init__(self, *args: Any, report_type: ReportType, **kwargs: Any) -> None:
        from tuyengiao.study.models import StudyRound
        from tuyengiao.surveys.models import (
            TEXT_KINDS,
            Question,
            QuestionKind,
            Survey,
            SurveyStatus,
        )

        super().__init__(*args, **kwargs)
        self.report_type = report_type
        others = report_type.indicators.filter(kind=IndicatorKind.NUMBER)
        for name in ("numerator", "denominator"):
            f = self.fields[name]
            assert isinstance(f, forms.ModelChoiceField)
            f.queryset = others
        rounds = self.fields["source_round"]
        assert isinstance(rounds, forms.ModelChoiceField)
        # the rounds of the requesting unit and of the units above it
        rounds.queryset = StudyRound.objects.filter(
            unit__in=report_type.unit.ancestors(include_self=True)
        ).order_by("-starts_on")
        # the surveys of the requesting unit and of the units above it, and their questions
        surveys = self.fields["source_survey"]
        questions = self.fields["source_question"]
        assert isinstance(surveys, forms.ModelChoiceField)
        assert isinstance(questions, forms.ModelChoiceField)
        surveys.queryset = Survey.objects.filter(
            unit__in=report_type.unit.ancestors(include_self=True)
        ).exclude(status=SurveyStatus.DRAFT)
        questions.queryset = (
            Question.objects.filter(survey__in=surveys.queryset)
            .exclude(kind__in=[*TEXT_KINDS, QuestionKind.MATRIX, QuestionKind.RANKING])
            .select_related("survey")
        )

    def _clean_survey_source(self, data: dict[str, Any]) -> None:
        survey, question = data.get("source_survey"), data.get("source_question")
        if survey is None:
            self.add_error("source_survey", "Hãy chọn cuộc khảo sát để lấy số liệu.")
            return
        if data.get("source") != DataSource.SURVEY_SHARE:
            return
        if question is None:
            self.add_error("source_question", "Hãy chọn câu hỏi của khảo sát.")
            return
        if question.survey_id != survey.pk:
            self.add_error("source_question", "Câu hỏi này không thuộc cuộc khảo sát đã chọn.")
            return
        typed = str(data.get("source_options") or "")
        parts = [p.strip() for p in typed.replace(";", ",").split(",") if p.strip()]
        count = len(question.choice_labels())
        if not parts or not all(p.isdigit() and 1 <= int(p) <= count for p in parts):
            self.add_error(
                "source_options",
                f"Hãy ghi số thứ tự phương án từ 1 đến {count}, cách nhau bởi dấu phẩy "
                "(ví dụ “1, 2”).",
            )
            return

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        qs = self.report_type.indicators.filter(code=code)
        if self.instance.pk:
            qs = qs.exclude(pk=self.instance.pk)
        if qs.exists():
            raise forms.ValidationError("Mã này đã dùng cho chỉ tiêu khác của báo cáo.")
        return str(code)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        source = data.get("source") or ""
        if data.get("source_activity_kind") and source not in ACTIVITY_SOURCES:
            self.add_error(
                "source_activity_kind",
                "Loại hoạt động chỉ dùng khi lấy số liệu từ sổ hoạt động tuyên truyền.",
            )
        if source:
            if data.get("kind") not in (IndicatorKind.NUMBER, IndicatorKind.PERCENT):
                self.add_error(
                    "source", "Chỉ chỉ tiêu kiểu Số hoặc Tỷ lệ (%) mới lấy số liệu từ hệ thống."
                )
            if source in STUDY_SOURCES and not data.get("source_round"):
                self.add_error("source_round", "Hãy chọn đợt học tập để lấy số liệu.")
            if source in SURVEY_SOURCES:
                self._clean_survey_source(data)
            plan_source = source not in (STUDY_SOURCES | ACTIVITY_SOURCES | SURVEY_SOURCES)
            if plan_source and self.report_type.plan_id is None:
                self.add_error(
                    "source",
                    "Loại báo cáo chưa gắn với kế hoạch nào: chưa lấy được số liệu nhiệm vụ.",
                )
        if data.get("kind") == IndicatorKind.RATE and not (
            data.get("numerator") and data.get("denominator")
        ):
            raise forms.ValidationError("Tỷ lệ tính cần chọn chỉ tiêu tử số và mẫu số.")
        lo, hi = data.get("min_value"), data.get("max_value")
        if lo is not None and hi is not None and lo > hi:
            self.add_error("max_value", "Giá trị lớn nhất phải không nhỏ hơn giá trị nhỏ nhất.")
        return data


class SendForm(forms.Form):
    mode = forms.ChoiceField(
        label="Gửi cho",
        choices=[("kind", "Mọi đơn vị cấp dưới thuộc loại"), ("pick", "Các đơn vị được chọn")],
        widget=forms.RadioSelect,
        initial="kind",
    )
    kind = forms.ChoiceField(
        label="Loại đơn vị",
        choices=[("", "Mọi loại"), *UnitKind.choices],
        required=False,
        widget=Select,
    )
    units = UnitPickerField(label="Đơn vị (khi chọn từng đơn vị)", required=False)

    def __init__(
        self,
        *args: Any,
        units: QuerySet[Unit],
        user: Any = None,
        within: Unit | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        f = self.fields["units"]
        assert isinstance(f, UnitPickerField)
        if user is not None:
            f.for_user(user, within=within, below_only=True, queryset=units)
        else:
            f.queryset = units

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("mode") == "pick" and not data.get("units"):
            self.add_error("units", "Chọn ít nhất một đơn vị.")
        return data


class YearForm(forms.Form):
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100)


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label="Nhận xét", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class MatrixFilterForm(forms.Form):
    period = forms.ChoiceField(label="Kỳ báo cáo", required=False, widget=Select)
    status = forms.ChoiceField(
        label="Trạng thái",
        required=False,
        widget=Select,
        choices=[
            ("", "Tất cả"),
            ("on_time", "Đúng hạn"),
            ("late", "Nộp muộn"),
            ("missing", "Chưa nộp (quá hạn)"),
            ("pending", "Chưa nộp"),
            ("returned", "Trả lại"),
            ("accepted", "Đã tiếp nhận"),
        ],
    )
    kind = forms.ChoiceField(
        label="Loại đơn vị",
        choices=[("", "Mọi loại"), *UnitKind.choices],
        required=False,
        widget=Select,
    )
    q = forms.CharField(label="Tên đơn vị", required=False)

    def __init__(self, *args: Any, periods: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        f = self.fields["period"]
        assert isinstance(f, forms.ChoiceField)
        f.choices = periods


class AttachmentForm(forms.Form):
    """A file attached to a submission: documents, spreadsheets, images, checked by content."""

    file = CheckedFileField(
        uploads.ATTACHMENTS,
        label="Tệp đính kèm",
        max_bytes=20 * 1024 * 1024,
        error_messages={"required": "Chưa chọn tệp."},
    )


class ImportForm(forms.Form):
    file = CheckedFileField(uploads.IMPORTS, label="Tệp .xlsx đã điền")
    valid_only = forms.BooleanField(label="Chỉ nhập các dòng hợp lệ", required=False)


class ReturnForm(ReviewForm):
    """Returning a report for correction: the unit must be told what to correct."""

    comment = forms.CharField(
        label="Nhận xét",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Khi trả lại, hãy ghi nhận xét để đơn vị biết cần sửa gì."},
    )


class RemindForm(MatrixFilterForm):
    """The matrix's reminder button: the period shown, and its filters to come back to."""

    def __init__(self, *args: Any, periods: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, periods=periods, **kwargs)
        f = self.fields["period"]
        f.required = True
        f.error_messages["required"] = "Chọn kỳ báo cáo cần nhắc."
        f.error_messages["invalid_choice"] = "Kỳ báo cáo không còn trong danh sách; hãy tải lại."


# A PositiveIntegerField holds up to this on every database.
SEQ_MAX = 2_147_483_647
DATA_PREFIXES = ("ind_", "sec_", "task_")


def _version(text: str | None) -> int:
    """A version that is not a number matches no saved version: the reconcile screen then shows
    both sides, so nothing typed is lost (no error to show)."""
    try:
        return int(text or "0")
    except ValueError:
        return 0


class SaveForm(forms.Form):
    """One save of the submission form: what was typed, the version it was typed on, the render
    token of the page, and the page's save sequence number (1, 2, … per attempt; 0 without
    script), which lets the server drop an older save that arrives after a newer one."""

    version = forms.CharField(required=False)
    token = forms.CharField(
        required=False,
        max_length=64,
        error_messages={"max_length": "Mã của trang nhập không hợp lệ; hãy tải lại trang."},
    )
    seq = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=SEQ_MAX,
        error_messages={
            "invalid": "Số thứ tự lần lưu không hợp lệ; hãy tải lại trang.",
            "min_value": "Số thứ tự lần lưu không hợp lệ; hãy tải lại trang.",
            "max_value": "Số thứ tự lần lưu không hợp lệ; hãy tải lại trang.",
        },
    )

    def clean_version(self) -> int:
        return _version(self.cleaned_data.get("version"))

    def clean_seq(self) -> int:
        return int(self.cleaned_data.get("seq") or 0)

    @property
    def values(self) -> dict[str, str]:
        """The report's fields as typed (available even when the form is invalid, to keep them)."""
        return {k: str(v) for k, v in self.data.items() if k.startswith(DATA_PREFIXES)}

    @property
    def message(self) -> str:
        return " ".join(str(e) for errors in self.errors.values() for e in errors)

    def attempt(self) -> dict[str, Any]:
        """What a save or a submit needs of this form, as the services' keyword arguments."""
        return {
            "data": self.values,
            "version": self.cleaned_data["version"],
            "token": self.cleaned_data["token"],
            "seq": self.cleaned_data["seq"],
        }


class ReconcileForm(forms.Form):
    """The field-by-field choice between my values and the saved ones: for each field ``key``,
    ``mine_key`` (what I had typed), ``pick_key`` (mine, theirs or custom) and ``custom_key``."""

    version = forms.CharField(required=False)

    def __init__(self, *args: Any, keys: list[str], saved: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.keys = keys
        self.saved = saved

    def clean_version(self) -> int:
        return _version(self.cleaned_data.get("version"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        mine: dict[str, str] = {}
        merged: dict[str, str] = {}
        for key in self.keys:
            mine[key] = str(self.data.get(f"mine_{key}", ""))
            pick = self.data.get(f"pick_{key}", "mine")
            if pick == "mine":
                merged[key] = mine[key]
            elif pick == "custom":
                merged[key] = str(self.data.get(f"custom_{key}", ""))
            else:  # "theirs" (anything else keeps the saved value: nothing is overwritten)
                merged[key] = self.saved.get(key, "")
        data["mine"] = mine
        data["merged"] = merged
        return data
