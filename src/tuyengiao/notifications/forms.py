from __future__ import annotations

from typing import Any

from django import forms

from .models import Delivery, Kind


class FilterForm(forms.Form):
    kind = forms.ChoiceField(
        label="Loại", required=False, choices=[("", "— Tất cả các loại —"), *Kind.choices]
    )
    unread = forms.BooleanField(label="Chỉ thông báo chưa đọc", required=False)


class PreferencesForm(forms.Form):
    """One choice of delivery per kind of notice."""

    def __init__(self, *args: Any, initial_choices: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind, label in Kind.choices:
            self.fields[kind] = forms.ChoiceField(
                label=label,
                choices=Delivery.choices,
                initial=initial_choices.get(kind),
                widget=forms.RadioSelect,
            )

    def chosen(self) -> dict[str, str]:
        return {kind: str(self.cleaned_data[kind]) for kind in Kind.values}
