"""The upload form of certificate templates: a .docx checked by content (``core.uploads``), then
its placeholders (``certificate_template.check_template``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms

from tuyengiao.core import uploads
from tuyengiao.core.uploads import CheckedFileField

from .certificate_template import TemplateError, allowed_text, check_template
from .models import AwardForm


class TemplateUploadForm(forms.Form):
    name = forms.CharField(label="Tên mẫu", max_length=200)
    form = forms.ModelChoiceField(
        label="Dùng cho hình thức",
        queryset=AwardForm.objects.all(),
        required=False,
        empty_label="— Mọi hình thức chưa có mẫu riêng —",
    )
    file = CheckedFileField(
        uploads.ATTACHMENTS,
        label="Tệp mẫu (.docx)",
        max_bytes=10 * 1024 * 1024,
        help_text=f"Văn bản Word (.docx) có các trường: {allowed_text()}.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".docx"
        self.placeholders: list[str] = []

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = Path(upload.name or "tep").name
        if Path(name).suffix.lower() != ".docx":
            raise forms.ValidationError(
                f"Không nhận tệp “{name}”: mẫu giấy chứng nhận phải là văn bản Word (.docx)."
            )
        upload.seek(0)
        try:
            self.placeholders = check_template(upload)
        except TemplateError as exc:
            raise forms.ValidationError(f"Không nhận tệp “{name}”: {exc}") from exc
        finally:
            upload.seek(0)
        return upload
