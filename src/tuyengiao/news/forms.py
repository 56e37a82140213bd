"""Forms of the news pages (input parsing only)."""

from __future__ import annotations

from typing import Any

from django import forms

from tuyengiao.activities.models import Activity
from tuyengiao.core.richtext import RichTextField
from tuyengiao.core.uploads import CheckedFileField, Purpose

from .models import NewsItem, NewsPage

PICTURE = Purpose("ảnh", (".jpg", ".jpeg", ".png"))
PICTURE_MAX_BYTES = 5 * 1024 * 1024


class NewsItemForm(forms.ModelForm[NewsItem]):
    # rich text, cleaned to sanitised HTML (core.richtext)
    body = RichTextField(label="Nội dung")
    picture_upload = CheckedFileField(
        PICTURE, label="Ảnh (.jpg, .png, tối đa 5 MB)", required=False, max_bytes=PICTURE_MAX_BYTES
    )

    class Meta:
        model = NewsItem
        fields = ["title", "summary", "body"]


class NewsPageForm(forms.ModelForm[NewsPage]):
    class Meta:
        model = NewsPage
        fields = ["public", "slug", "intro", "show_bulletins"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].error_messages["invalid"] = (
            "Địa chỉ chỉ gồm chữ thường không dấu, số và dấu gạch ngang."
        )

    def validate_unique(self) -> None:  # the service says it in the page's words
        return None


class LinkActivityForm(forms.Form):
    activity: forms.ModelChoiceField[Activity] = forms.ModelChoiceField(
        queryset=None,
        label="Hoạt động trong sổ",
        error_messages={"invalid_choice": "Hoạt động này không thuộc đơn vị đăng tin."},
    )

    def __init__(self, *args: Any, activities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["activity"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = activities
