"""The document library: documents (văn bản), the corrections officers make to what the parser
read, the references between documents and pending uploads under review.

* ``Document`` — one stored original (content-addressed by SHA-256 through Django's storage
  API), its text, the parsed structure as ``vanban`` gave it (``parsed``) and the effective
  metadata as columns (the parsed value, or the officer's correction when there is one).
* ``FieldCorrection`` — a correction of one field: parsed value and corrected value side by side,
  so the parsed value stays visible in the history. ``reparse`` never overwrites corrected fields.
* ``Reference`` — a document cited by a document ("cites") or carried out by it ("implements").
  It points at a library document when its normalised symbol matches, else it stays pending and
  resolves by itself when that document is added.
* ``UploadDraft`` — an uploaded file already read and parsed, waiting for the officer's review;
  nothing is lost between upload and confirmation.

A bulk import from the web ("Nhập nhiều tệp") is a ``core.Job`` of kind "documents.import"
(``documents/tasks.py``).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q

from tuyengiao.core.scoping_spec import Scoping
from tuyengiao.orgs.models import Unit

# Metadata fields an officer may review and correct (name -> label).
FIELD_LABELS: dict[str, str] = {
    "number": "Số ký hiệu",
    "doc_type": "Loại văn bản",
    "issuer": "Cơ quan ban hành",
    "parent_issuer": "Cơ quan cấp trên",
    "place": "Địa danh",
    "date": "Ngày ban hành",
    "title": "Trích yếu",
    "signer_name": "Người ký",
    "signer_title": "Chức vụ người ký",
    "on_behalf": "Thẩm quyền ký",
}
EDITABLE_FIELDS = tuple(FIELD_LABELS)


class SignatureStatus(models.TextChoices):
    """What the digital signatures of a stored PDF say (``vanban.signatures``)."""

    UNSIGNED = "unsigned", "Không có chữ ký số"
    VALID = "valid", "Chữ ký số hợp lệ"
    INVALID = "invalid", "Chữ ký số không hợp lệ"


def _visible_to_all() -> Q:
    return Q(visible_to_all=True)


def blob_path(sha256: str, filename: str) -> str:
    """Content address of an original: documents/ab/cd/<sha256><ext>."""
    ext = ""
    if "." in filename:
        ext = "." + filename.rsplit(".", 1)[1].lower()[:10]
        ext = "".join(ch for ch in ext if ch.isalnum() or ch == ".")
    return f"documents/{sha256[:2]}/{sha256[2:4]}/{sha256}{ext}"


def _upload_to(instance: Any, filename: str) -> str:
    return blob_path(instance.sha256, filename)


class Document(models.Model):
    """A document of the library, owned by the unit that uploaded it."""

    scoping = Scoping(
        unit_field="unit", published_field="published_down", extra_visible=_visible_to_all
    )

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="documents", verbose_name="đơn vị"
    )
    file = models.FileField("tệp gốc", upload_to=_upload_to, max_length=255, blank=True)
    sha256 = models.CharField(max_length=64, db_index=True, editable=False)
    filename = models.CharField("tên tệp", max_length=255, blank=True)
    mime = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    text = models.TextField("toàn văn", blank=True)
    parsed = models.JSONField(default=dict, blank=True)

    number = models.CharField("số ký hiệu", max_length=100, blank=True)
    number_key = models.CharField(max_length=100, blank=True, db_index=True, editable=False)
    doc_type = models.CharField("loại văn bản", max_length=100, blank=True, db_index=True)
    issuer = models.CharField("cơ quan ban hành", max_length=255, blank=True, db_index=True)
    parent_issuer = models.CharField("cơ quan cấp trên", max_length=255, blank=True)
    place = models.CharField("địa danh", max_length=100, blank=True)
    date = models.DateField("ngày ban hành", null=True, blank=True, db_index=True)
    title = models.TextField("trích yếu", blank=True)
    signer_name = models.CharField("người ký", max_length=255, blank=True)
    signer_title = models.CharField("chức vụ người ký", max_length=255, blank=True)
    on_behalf = models.CharField("thẩm quyền ký", max_length=255, blank=True)
    # the signatures themselves are in ``parsed["signatures"]``; this column filters the list
    signature_status = models.CharField(
        "chữ ký số",
        max_length=10,
        choices=SignatureStatus.choices,
        default=SignatureStatus.UNSIGNED,
        db_index=True,
    )

    # Folded (lower case, no diacritics, đ→d), punctuation-free words of the metadata and text;
    # SQLite's FTS5 table and PostgreSQL's tsvector column are built from it (see search/).
    search_folded = models.TextField(blank=True, editable=False)

    visible_to_all = models.BooleanField(
        "mọi đơn vị được xem",
        default=False,
        help_text="Văn bản của Trung ương, Tỉnh ủy, UBND tỉnh: mọi đơn vị đều xem được.",
    )
    published_down = models.BooleanField("đơn vị cấp dưới được xem", default=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        constraints = [
            models.UniqueConstraint(fields=["unit", "sha256"], name="documents_unique_per_unit")
        ]
        indexes = [
            models.Index(fields=["unit", "date"]),
            # the visible_to_all branch of a user's scope (see ``accounts.scoping.view_keys``)
            models.Index(
                fields=["date"], condition=Q(visible_to_all=True), name="documents_visible_to_all"
            ),
            # the ancestors' branch (published down), answered from the index alone
            models.Index(
                fields=["unit"], condition=Q(published_down=True), name="documents_published_down"
            ),
        ]

    def __str__(self) -> str:
        head = f"{self.doc_type} {self.number}".strip() or self.filename
        return f"{head} — {self.title[:80]}" if self.title else head

    def save(self, *args: Any, **kwargs: Any) -> None:
        from vanban import normalize_symbol

        from .search import search_document_text

        self.number_key = normalize_symbol(self.number)[:100] if self.number else ""
        self.search_folded = search_document_text(self)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "number_key", "search_folded"}
        super().save(*args, **kwargs)

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    def parsed_value(self, field: str) -> Any:
        return (self.parsed or {}).get(field)


class FieldCorrection(models.Model):
    """An officer's correction of a field the parser read (the newest one per field counts)."""

    scoping = Scoping(unit_field="document__unit")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="corrections")
    field = models.CharField(max_length=40, choices=list(FIELD_LABELS.items()))
    parsed_value = models.TextField(blank=True)
    corrected_value = models.TextField(blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.field}: {self.parsed_value!r} → {self.corrected_value!r}"


class RefKind(models.TextChoices):
    CITES = "cites", "Trích dẫn"
    IMPLEMENTS = "implements", "Thực hiện"


class Reference(models.Model):
    """A document cited (or carried out) by ``citing``; ``target`` once it is in the library."""

    scoping = Scoping(unit_field="citing__unit")

    citing = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="references")
    kind = models.CharField(max_length=12, choices=RefKind.choices, default=RefKind.CITES)
    number = models.CharField("số ký hiệu", max_length=100)
    number_key = models.CharField(max_length=100, db_index=True)
    date = models.DateField(null=True, blank=True)
    issuer = models.CharField(max_length=255, blank=True)
    doc_type = models.CharField(max_length=100, blank=True)
    target = models.ForeignKey(
        Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="cited_by_refs"
    )

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["target", "kind"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"


class UploadDraft(models.Model):
    """An uploaded, read and parsed file awaiting review (stored file + parsed JSON)."""

    scoping = Scoping(unit_field="unit")

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="document_drafts")
    file = models.FileField(upload_to=_upload_to, max_length=255)
    sha256 = models.CharField(max_length=64, editable=False)
    filename = models.CharField(max_length=255)
    mime = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    text = models.TextField(blank=True)
    parsed = models.JSONField(default=dict, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["unit", "sha256"], name="documents_draft_unit_sha")]

    def __str__(self) -> str:
        return self.filename
