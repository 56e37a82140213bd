"""Forms of the surveys app: the survey and its questions, the answer form built from the
questions (with skip logic and required answers checked in ``clean``), the public challenge,
and the suggestion box."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from django import forms
from django.core import signing

from tuyengiao.orgs.models import CommRole, Unit
from tuyengiao.orgs.picker import UnitPickerField

from .models import (
    MIN_K,
    AudienceKind,
    Question,
    QuestionKind,
    Section,
    Survey,
    SurveyStatus,
    Topic,
)
from .services.builder import TEMPLATES

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class SurveyForm(forms.ModelForm):  # type: ignore[type-arg]
    template = forms.ChoiceField(
        label="Bắt đầu từ mẫu",
        required=False,
        choices=[("", "— Phiếu trống —"), *((k, t.title) for k, t in TEMPLATES.items())],
    )
    closes_on = forms.DateField(label="Hạn trả lời", widget=DATE_INPUT, input_formats=DATE_FORMATS)
    audience_units = UnitPickerField(label="Đơn vị được hỏi (cả cấp dưới)", required=False)
    audience_roles = forms.ModelMultipleChoiceField(
        label="Chỉ những người có vai trò",
        queryset=CommRole.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Để trống: mọi đảng viên của các đơn vị được chọn.",
    )

    class Meta:
        model = Survey
        fields = [
            "title",
            "purpose",
            "closes_on",
            "k_threshold",
            "audience",
            "audience_units",
            "audience_roles",
        ]
        error_messages = {
            "k_threshold": {"min_value": f"Ngưỡng ẩn danh không được nhỏ hơn {MIN_K}."},
        }

    def __init__(
        self, *args: Any, user: User, within: Unit, with_template: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["audience_units"]
        assert isinstance(field, UnitPickerField)
        field.for_user(user, within=within)
        self.fields["title"].required = False
        if not with_template:
            del self.fields["template"]
        else:
            self.order_fields(["template"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("title") and not data.get("template"):
            self.add_error("title", "Hãy đặt tên cho cuộc khảo sát hoặc chọn một mẫu.")
        if data.get("audience") == AudienceKind.MEMBERS and not data.get("audience_units"):
            self.add_error("audience_units", "Hãy chọn ít nhất một đơn vị được hỏi.")
        return data


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label="Loại câu hỏi", choices=QuestionKind.choices)
    text = forms.CharField(label="Câu hỏi", max_length=500)
    options = forms.CharField(
        label="Các lựa chọn (mỗi dòng một lựa chọn; với câu dạng bảng: các cột)",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    rows = forms.CharField(
        label="Các dòng (chỉ với câu dạng bảng)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    required = forms.BooleanField(label="Bắt buộc trả lời", required=False)
    section = forms.ModelChoiceField(
        label="Thuộc phần", queryset=Section.objects.none(), required=False
    )
    show_if = forms.ModelChoiceField(
        label="Chỉ hỏi khi câu", queryset=Question.objects.none(), required=False
    )
    show_if_option = forms.IntegerField(
        label="được trả lời bằng lựa chọn số (1 = lựa chọn đầu tiên)", min_value=1, required=False
    )

    def __init__(
        self, *args: Any, survey: Survey, exclude: Question | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = survey.sections.all()  # type: ignore[attr-defined]
        earlier = survey.questions.filter(
            kind__in=[QuestionKind.SINGLE, QuestionKind.YES_NO, QuestionKind.SCALE]
        )
        if exclude is not None:
            earlier = earlier.exclude(pk=exclude.pk)
        self.fields["show_if"].queryset = earlier  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["options"] = _lines(data.get("options") or "")
        data["rows"] = _lines(data.get("rows") or "")
        show_if: Question | None = data.get("show_if")
        option = data.get("show_if_option")
        if show_if is not None:
            if option is None or option > len(show_if.choice_labels()):
                self.add_error(
                    "show_if_option", "Hãy ghi số thứ tự của một lựa chọn có trong câu đó."
                )
            else:
                data["show_if_option"] = option - 1
        else:
            data["show_if_option"] = None
        return data

    @staticmethod
    def initial_for(question: Question) -> dict[str, Any]:
        return {
            "kind": question.kind,
            "text": question.text,
            "options": "\n".join(str(o) for o in question.options),
            "rows": "\n".join(str(r) for r in question.rows),
            "required": question.required,
            "section": question.section_id,
            "show_if": question.show_if_id,
            "show_if_option": question.show_if_option + 1
            if question.show_if_option is not None
            else None,
        }


class SectionForm(forms.Form):
    title = forms.CharField(label="Tên phần", max_length=255)
    description = forms.CharField(
        label="Hướng dẫn", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


REQUIRED = "Câu hỏi này cần được trả lời."


class AnswerForm(forms.Form):
    """The answer form of a survey, one field (or one per matrix row / ranking place) a question."""

    def __init__(self, *args: Any, survey: Survey, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.questions = list(survey.questions.select_related("section").order_by("order", "id"))
        for n, q in enumerate(self.questions, start=1):
            label = f"{n}. {q.text}"
            labels = q.choice_labels()
            choices = [(str(i), lbl) for i, lbl in enumerate(labels)]
            name = f"q{q.pk}"
            if q.kind in (QuestionKind.SINGLE, QuestionKind.YES_NO, QuestionKind.SCALE):
                self.fields[name] = forms.ChoiceField(
                    label=label, choices=choices, widget=forms.RadioSelect, required=False
                )
            elif q.kind == QuestionKind.MULTIPLE:
                self.fields[name] = forms.MultipleChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                    required=False,
                )
            elif q.kind == QuestionKind.RANKING:
                places = [("", "—"), *((str(i), str(i)) for i in range(1, len(labels) + 1))]
                for i, lbl in enumerate(labels):
                    self.fields[f"{name}_{i}"] = forms.ChoiceField(
                        label=f"{label} — {lbl}" if i == 0 else lbl, choices=places, required=False
                    )
            elif q.kind == QuestionKind.MATRIX:
                for r, row in enumerate(q.rows):
                    self.fields[f"{name}_{r}"] = forms.ChoiceField(
                        label=f"{label} — {row}" if r == 0 else str(row),
                        choices=choices,
                        widget=forms.RadioSelect,
                        required=False,
                    )
            elif q.kind == QuestionKind.SHORT:
                self.fields[name] = forms.CharField(label=label, max_length=500, required=False)
            else:
                self.fields[name] = forms.CharField(
                    label=label,
                    widget=forms.Textarea(attrs={"rows": 4}),
                    max_length=5000,
                    required=False,
                )

    def groups(self) -> list[tuple[Question, list[forms.BoundField]]]:
        """Each question with its fields, for the template (sections shown as headings)."""
        out = []
        for q in self.questions:
            prefix = f"q{q.pk}"
            out.append(
                (q, [self[n] for n in self.fields if n == prefix or n.startswith(prefix + "_")])
            )
        return out

    def _value(self, q: Question) -> Any:
        data = self.cleaned_data
        name = f"q{q.pk}"
        if q.kind in (QuestionKind.SINGLE, QuestionKind.YES_NO, QuestionKind.SCALE):
            return int(data[name]) if data.get(name) not in (None, "") else None
        if q.kind == QuestionKind.MULTIPLE:
            return [int(v) for v in data.get(name) or []]
        if q.kind == QuestionKind.RANKING:
            places = {i: data.get(f"{name}_{i}") for i in range(len(q.choice_labels()))}
            chosen = {i: int(p) for i, p in places.items() if p}
            if not chosen:
                return []
            if len(chosen) != len(places) or len(set(chosen.values())) != len(places):
                self.add_error(
                    f"{name}_0", "Hãy xếp mỗi lựa chọn vào một thứ tự khác nhau (1, 2, 3 …)."
                )
                return []
            return [i for i, _ in sorted(chosen.items(), key=lambda item: item[1])]
        if q.kind == QuestionKind.MATRIX:
            return {
                str(r): int(data[f"{name}_{r}"])
                for r in range(len(q.rows))
                if data.get(f"{name}_{r}")
            }
        return (data.get(name) or "").strip()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        payload: dict[str, Any] = {}
        values = {q.pk: self._value(q) for q in self.questions}
        for q in self.questions:
            if q.show_if_id is not None and values.get(q.show_if_id) != q.show_if_option:
                continue  # skipped: not asked, not required, not stored
            value = values[q.pk]
            if q.required and value in (None, "", [], {}):
                first = next(
                    (n for n in self.fields if n == f"q{q.pk}" or n.startswith(f"q{q.pk}_")), None
                )
                if first:
                    self.add_error(first, REQUIRED)
                continue
            if q.kind == QuestionKind.MATRIX and q.required and len(value) < len(q.rows):
                self.add_error(f"q{q.pk}_0", "Hãy chọn cho mọi dòng của bảng.")
            if value not in (None, "", [], {}):
                payload[str(q.pk)] = value
        data["payload"] = payload
        return data


CHALLENGE_SALT = "tuyengiao.surveys.challenge"
CHALLENGE_MAX_AGE = 2 * 60 * 60


class ChallengeMixin(forms.Form):
    """A sum to work out and a field only robots fill (hidden from people), against bots."""

    sum_answer = forms.IntegerField(label="Kiểm tra chống máy tự động", required=True)
    website = forms.CharField(
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        label="Để trống ô này",
    )
    challenge = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
        token = signing.dumps({"a": a, "b": b}, salt=CHALLENGE_SALT)
        if self.is_bound:
            token = str(self.data.get("challenge", ""))
            try:
                saved = signing.loads(token, salt=CHALLENGE_SALT, max_age=CHALLENGE_MAX_AGE)
                a, b = int(saved["a"]), int(saved["b"])
            except (signing.BadSignature, KeyError, TypeError, ValueError):
                pass
        self.fields["challenge"].initial = token
        self.fields["sum_answer"].label = f"Kiểm tra chống máy tự động: {a} cộng {b} bằng mấy?"
        self.fields["sum_answer"].error_messages["required"] = "Hãy ghi kết quả phép cộng."
        self.fields["sum_answer"].error_messages["invalid"] = "Hãy ghi kết quả bằng chữ số."

    def clean_website(self) -> str:
        value = str(self.cleaned_data.get("website") or "")
        if value:
            raise forms.ValidationError("Phiếu không gửi được (ô cuối cần để trống).")
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        try:
            saved = signing.loads(
                str(data.get("challenge", "")), salt=CHALLENGE_SALT, max_age=CHALLENGE_MAX_AGE
            )
            expected = int(saved["a"]) + int(saved["b"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            self.add_error("sum_answer", "Trang đã mở quá lâu; hãy làm lại phép cộng mới.")
            return data
        if data.get("sum_answer") is not None and data["sum_answer"] != expected:
            self.add_error("sum_answer", "Kết quả phép cộng chưa đúng.")
        return data


class PublicAnswerForm(ChallengeMixin, AnswerForm):
    pass


class SuggestionForm(forms.Form):
    text = forms.CharField(
        label="Câu hỏi hoặc góp ý",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
        error_messages={"required": "Hãy viết câu hỏi hoặc góp ý."},
    )
    contact = forms.CharField(
        label="Liên hệ để trả lời riêng (không bắt buộc)",
        max_length=200,
        required=False,
        help_text="Để trống nếu không cần trả lời riêng. Hộp thư không ghi tên, tài khoản hay địa chỉ máy của người gửi.",
    )


class MemberSuggestionForm(SuggestionForm):
    unit = forms.ModelChoiceField(label="Gửi tới", queryset=Unit.objects.none(), empty_label=None)

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.order_fields(["unit", "text", "contact"])


class PublicSuggestionForm(ChallengeMixin, SuggestionForm):
    pass


class AnswerSuggestionForm(forms.Form):
    answer = forms.CharField(
        label="Trả lời",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Hãy viết nội dung trả lời."},
    )


class PublishForm(forms.Form):
    question_public = forms.CharField(
        label="Câu hỏi khi công bố (có thể biên tập lại, không ghi tên ai)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class TopicForm(forms.Form):
    topic = forms.ChoiceField(label="Chủ đề", choices=Topic.choices, required=False)


class MergeForm(forms.Form):
    into = forms.IntegerField(
        label="Gộp vào câu hỏi số",
        min_value=1,
        error_messages={"required": "Hãy ghi số của câu hỏi trùng."},
    )


class BoxForm(forms.Form):
    public = forms.BooleanField(
        label="Nhận câu hỏi, góp ý của người dân qua đường dẫn công khai", required=False
    )
    intro = forms.CharField(
        label="Lời giới thiệu", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class SurveyFilterForm(forms.Form):
    q = forms.CharField(label="Tìm", required=False)
    status = forms.ChoiceField(
        label="Trạng thái", choices=[("", "Tất cả"), *SurveyStatus.choices], required=False
    )
    year = forms.IntegerField(label="Năm", required=False, min_value=2000, max_value=2100)


class SuggestionFilterForm(forms.Form):
    q = forms.CharField(label="Tìm", required=False)
    status = forms.ChoiceField(label="Trạng thái", choices=[("", "Tất cả")], required=False)
    topic = forms.ChoiceField(
        label="Chủ đề", choices=[("all", "Tất cả"), *Topic.choices], required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from .models import SuggestionStatus

        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "Tất cả"), *SuggestionStatus.choices]  # type: ignore[attr-defined]
