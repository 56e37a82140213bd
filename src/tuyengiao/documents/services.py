"""What the library does, apart from the web: keep drafts of uploads for review, save documents
with their corrections, resolve references, import folders, reparse originals.

Reading a file (limits, kinds, text and structure) is :mod:`.reading`; its names used by other
apps and the views are re-exported here. Every failure a person can cause raises
:class:`UploadError` with a Vietnamese message *before* anything is stored.
"""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q

import vanban

from .models import (
    EDITABLE_FIELDS,
    Document,
    FieldCorrection,
    Reference,
    RefKind,
    SignatureStatus,
    UploadDraft,
    blob_path,
)
from .reading import (
    NeedsOcr,
    UploadError,
    check_kind,
    max_zip_total_bytes,
    parse_iso_date,
    parse_text,
    read_and_parse,
    read_scan,
    safe_zip_members,
    sha256_of,
    size_text,
)
from .signals import document_saved

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User
    from tuyengiao.orgs.models import Unit


# --- storing ------------------------------------------------------------------------------------


def store_blob(data: bytes, filename: str, sha256: str | None = None) -> str:
    """Store the bytes once under their content address; return the storage name."""
    sha256 = sha256 or sha256_of(data)
    name = blob_path(sha256, filename)
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(data))
    return name


def _file_fields(filename: str, data: bytes, sha256: str) -> dict[str, Any]:
    """What a draft and a document record of the file itself (its blob is ``store_blob``'s)."""
    return {
        "sha256": sha256,
        "filename": Path(filename).name[:255],
        "mime": mimetypes.guess_type(filename)[0] or "application/octet-stream",
        "size": len(data),
    }


# --- drafts -------------------------------------------------------------------------------------


@dataclass
class UploadOutcome:
    drafts: list[UploadDraft] = field(default_factory=list)
    duplicates: list[tuple[str, Document]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    scans: list[tuple[str, bytes]] = field(default_factory=list)  # to read by OCR in a job

    def add(self, name: str, result: UploadDraft | Document) -> None:
        """A file read: a new draft, or the document already holding the same bytes."""
        if isinstance(result, Document):
            self.duplicates.append((name, result))
        else:
            self.drafts.append(result)


def existing_document(unit: Unit, sha256: str) -> Document | None:
    return Document.objects.filter(unit=unit, sha256=sha256).first()


def _draft(unit: Unit, user: User | None, filename: str, data: bytes) -> UploadDraft | Document:
    sha = sha256_of(data)
    existing = existing_document(unit, sha)
    if existing is not None:
        return existing
    # An upload interrupted before its review (a killed request, a closed tab) left drafts:
    # the same file again is the same draft, not a second one.
    pending = UploadDraft.objects.filter(unit=unit, sha256=sha).first()
    if pending is not None:
        return pending
    text, parsed = read_and_parse(data, filename)  # raises before anything is stored
    draft = UploadDraft(
        unit=unit, uploaded_by=user, text=text, parsed=parsed, **_file_fields(filename, data, sha)
    )
    draft.file.name = store_blob(data, filename, sha)
    draft.save()
    return draft


def upload(unit: Unit, user: User | None, filename: str, data: bytes) -> UploadOutcome:
    """One file, or a .zip of many, read and parsed into drafts awaiting review.

    A bad single file or a hostile archive raises :class:`UploadError` with nothing stored; in a
    sound archive, each unreadable member is reported and the others become drafts."""
    outcome = UploadOutcome()
    if filename.lower().endswith(".zip") or (
        data[:4] == b"PK\x03\x04" and not filename.lower().endswith((".docx", ".odt"))
    ):
        if len(data) > max_zip_total_bytes():
            raise UploadError(
                f"Tệp .zip quá lớn ({size_text(len(data))}); "
                f"giới hạn {size_text(max_zip_total_bytes())}."
            )
        members = safe_zip_members(data)
        for name, content in members:
            try:
                result = _draft(unit, user, name, content)
            except NeedsOcr:
                outcome.scans.append((name, content))
                continue
            except UploadError as exc:
                outcome.failures.append((name, str(exc)))
                continue
            outcome.add(name, result)
        return outcome
    check_kind(filename)
    try:
        outcome.add(filename, _draft(unit, user, filename, data))
    except NeedsOcr:
        outcome.scans.append((filename, data))
    return outcome


def draft_from_scan(
    unit: Unit,
    user: User | None,
    filename: str,
    data: bytes,
    progress: Callable[[int, int], None] | None = None,
) -> UploadDraft | Document:
    """A scan read by OCR into a draft for review (the background job's work): the page images
    are stored beside it for the review screen (``parsed["ocr"]["page_images"]``)."""
    sha = sha256_of(data)
    existing = (
        existing_document(unit, sha) or UploadDraft.objects.filter(unit=unit, sha256=sha).first()
    )
    if existing is not None:
        return existing
    text, parsed, images = read_scan(data, filename, progress)
    parsed["ocr"]["page_images"] = [
        store_blob(png, f"trang-{index}.png") for index, png in enumerate(images, 1)
    ]
    draft = UploadDraft(
        unit=unit, uploaded_by=user, text=text, parsed=parsed, **_file_fields(filename, data, sha)
    )
    draft.file.name = store_blob(data, filename, sha)
    draft.save()
    return draft


def discard_draft(draft: UploadDraft) -> None:
    name = draft.file.name or ""
    pages = page_images(draft.parsed)
    draft.delete()
    _drop_blob_if_unused(name)
    # page images are named by their content, like the original: kept while the same scan is
    # held by a document or another draft
    if not (
        Document.objects.filter(sha256=draft.sha256).exists()
        or UploadDraft.objects.filter(sha256=draft.sha256).exists()
    ):
        for page in pages:
            default_storage.delete(page)


def page_images(parsed: dict[str, Any] | None) -> list[str]:
    """Storage names of the page images of a text read by OCR (none for other texts)."""
    ocr = (parsed or {}).get("ocr") or {}
    return [
        str(name) for name in ocr.get("page_images") or [] if str(name).startswith("documents/")
    ]


def _drop_blob_if_unused(name: str) -> None:
    if (
        name
        and not Document.objects.filter(file=name).exists()
        and not UploadDraft.objects.filter(file=name).exists()
    ):
        default_storage.delete(name)


# --- fields, corrections ------------------------------------------------------------------------


def field_text(field_name: str, value: Any) -> str:
    """A field value as text (dates ISO), the form FieldCorrection keeps."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _set_field(doc: Document, field_name: str, text: str) -> None:
    limit = {"title": None}.get(field_name, doc._meta.get_field(field_name).max_length)  # type: ignore[union-attr]
    if field_name == "date":
        doc.date = parse_iso_date(text)
    else:
        setattr(doc, field_name, text[:limit] if limit else text)


def apply_parsed(doc: Document, parsed: dict[str, Any], keep: Iterable[str] = ()) -> None:
    """Fill the metadata columns from ``parsed`` except the fields in ``keep`` (corrected ones)."""
    doc.parsed = parsed
    doc.signature_status = parsed.get("signature_status") or SignatureStatus.UNSIGNED
    kept = set(keep)
    for name in EDITABLE_FIELDS:
        if name not in kept:
            _set_field(doc, name, field_text(name, parsed.get(name)))


def corrected_fields(doc: Document) -> set[str]:
    return set(doc.corrections.values_list("field", flat=True))


def correct_field(
    doc: Document, field_name: str, value: Any, user: User | None
) -> FieldCorrection | None:
    """Record a correction (if the value changes) and apply it to the column."""
    new = field_text(field_name, value)
    old = field_text(field_name, getattr(doc, field_name))
    if new == old:
        return None
    correction = FieldCorrection.objects.create(
        document=doc,
        field=field_name,
        parsed_value=field_text(field_name, doc.parsed_value(field_name)),
        corrected_value=new,
        by=user,
    )
    _set_field(doc, field_name, new)
    return correction


# --- references ---------------------------------------------------------------------------------


def _agree(ref: Reference, doc: Document) -> bool:
    """Issuer and date must agree where both are known (a matching date settles it)."""
    if ref.date and doc.date:
        # same symbol and same date: the issuer is written in too many ways to overrule that
        return ref.date == doc.date
    names = [doc.issuer, doc.parent_issuer, doc.on_behalf]
    # "T/M BỘ CHÍNH TRỊ" under a "BAN CHẤP HÀNH TRUNG ƯƠNG" header: the body that signs counts too
    folded = [_ISSUER_PREFIX.sub("", " ".join(vanban.fold(n).split())) for n in names if n]
    a = " ".join(vanban.fold(ref.issuer or "").split())
    if a and folded:
        return any(b and (a in b or b in a) for b in folded)
    return True


_ISSUER_PREFIX = re.compile(r"^(t/m|k/t|tm\.?|kt\.?|tl\.?|tuq\.?|q\.)\s*")


def resolve(ref: Reference, candidates: list[Document] | None = None) -> Document | None:
    if not ref.number_key:
        return None
    if candidates is None:
        candidates = list(
            Document.objects.filter(number_key=ref.number_key)
            .exclude(pk=ref.citing_id)
            .order_by("id")
        )
    for doc in candidates:
        if doc.pk != ref.citing_id and _agree(ref, doc):
            return doc
    return None


def build_references(doc: Document) -> None:
    """(Re)create the references of ``doc`` from its parsed structure and resolve them."""
    parsed = doc.parsed or {}
    implements = {vanban.normalize_symbol(n) for n in parsed.get("implements") or [] if n}
    wanted: dict[tuple[str, str], Reference] = {}
    for item in parsed.get("references") or []:
        number = (item.get("number") or "").strip()
        key = vanban.normalize_symbol(number) if number else ""
        if not key or key == doc.number_key:
            continue
        kind = RefKind.IMPLEMENTS if key in implements else RefKind.CITES
        if (key, kind) in wanted:
            continue
        wanted[(key, kind)] = Reference(
            citing=doc,
            kind=kind,
            number=number[:100],
            number_key=key[:100],
            date=parse_iso_date(item.get("date")),
            issuer=(item.get("issuer") or "")[:255],
            doc_type=(item.get("type") or "")[:100],
        )
    for number in parsed.get("implements") or []:
        key = vanban.normalize_symbol(number)
        if key and (key, RefKind.IMPLEMENTS) not in wanted and key != doc.number_key:
            wanted[(key, RefKind.IMPLEMENTS)] = Reference(
                citing=doc, kind=RefKind.IMPLEMENTS, number=number[:100], number_key=key[:100]
            )
    doc.references.all().delete()
    keys = {key for key, _ in wanted}
    pool: dict[str, list[Document]] = {}
    for target in Document.objects.filter(number_key__in=keys).exclude(pk=doc.pk).order_by("id"):
        pool.setdefault(target.number_key, []).append(target)
    refs = list(wanted.values())
    for ref in refs:
        found = resolve(ref, pool.get(ref.number_key, []))
        ref.target = found
    Reference.objects.bulk_create(refs)


def resolve_pending_for(doc: Document) -> int:
    """References waiting for ``doc``'s number now point at it; returns how many."""
    if not doc.number_key:
        return 0
    count = 0
    for ref in Reference.objects.filter(number_key=doc.number_key, target__isnull=True).exclude(
        citing=doc
    ):
        if _agree(ref, doc):
            ref.target = doc
            ref.save(update_fields=["target"])
            count += 1
    return count


def _after_save(doc: Document, created: bool) -> None:
    build_references(doc)
    resolve_pending_for(doc)
    transaction.on_commit(
        lambda: document_saved.send(sender=Document, document=doc, created=created)
    )


# --- saving -------------------------------------------------------------------------------------


def may_be_visible_to_all(unit: Unit) -> bool:
    return bool(unit.publishes_to_all)


@transaction.atomic
def confirm_draft(
    draft: UploadDraft,
    user: User | None,
    values: dict[str, Any],
    visible_to_all: bool | None = None,
    published_down: bool = True,
) -> Document:
    """Save the reviewed draft as a document; fields the officer changed become corrections."""
    existing = existing_document(draft.unit, draft.sha256)
    if existing is not None:
        draft.delete()
        return existing
    doc = Document(
        unit=draft.unit,
        sha256=draft.sha256,
        filename=draft.filename,
        mime=draft.mime,
        size=draft.size,
        text=draft.text,
        uploaded_by=user or draft.uploaded_by,
        published_down=published_down,
        visible_to_all=bool(
            may_be_visible_to_all(draft.unit) if visible_to_all is None else visible_to_all
        )
        and may_be_visible_to_all(draft.unit),
    )
    doc.file.name = draft.file.name
    apply_parsed(doc, draft.parsed)
    doc.save()
    for name in EDITABLE_FIELDS:
        if name in values:
            correct_field(doc, name, values[name], user)
    doc.save()
    draft.delete()
    _after_save(doc, created=True)
    return doc


@transaction.atomic
def update_fields(
    doc: Document, user: User | None, values: dict[str, Any], **flags: bool
) -> Document:
    """Corrections made later on the document page."""
    old_key = doc.number_key
    for name in EDITABLE_FIELDS:
        if name in values:
            correct_field(doc, name, values[name], user)
    for flag, value in flags.items():
        if flag == "visible_to_all":
            value = value and may_be_visible_to_all(doc.unit)
        setattr(doc, flag, value)
    doc.save()
    if doc.number_key != old_key:
        Reference.objects.filter(target=doc).update(target=None)
        for ref in Reference.objects.filter(number_key=old_key, target__isnull=True):
            ref.target = resolve(ref)
            ref.save(update_fields=["target"])
    _after_save(doc, created=False)
    return doc


@transaction.atomic
def create_document(
    unit: Unit,
    user: User | None,
    filename: str,
    data: bytes,
    *,
    text: str,
    parsed: dict[str, Any],
    **flags: Any,
) -> Document:
    """Save a document straight away (bulk import: no review step)."""
    sha = sha256_of(data)
    doc = Document(
        unit=unit,
        **_file_fields(filename, data, sha),
        text=text,
        uploaded_by=user,
        visible_to_all=may_be_visible_to_all(unit) and flags.get("visible_to_all", True),
        published_down=flags.get("published_down", True),
    )
    apply_parsed(doc, parsed)
    doc.file.name = store_blob(data, filename, sha)
    doc.save()
    _after_save(doc, created=True)
    return doc


def store_file(
    unit: Unit, user: User | None, filename: str, data: bytes, **flags: Any
) -> tuple[Document, bool]:
    """A file saved as a document of ``unit`` without review, and whether it is new: the same
    bytes already stored for ``unit`` are that document (nothing is read twice)."""
    existing = existing_document(unit, sha256_of(data))
    if existing is not None:
        return existing, False
    text, parsed = read_and_parse(data, filename)
    return create_document(unit, user, filename, data, text=text, parsed=parsed, **flags), True


# --- bulk import and reparse ----------------------------------------------------------------------


@dataclass
class ImportSummary:
    imported: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)


def document_files(directory: Path) -> list[Path]:
    """Files under ``directory`` (recursively), sorted, hidden ones left out; every kind is
    listed, so that a file the library does not take is reported, not skipped in silence."""
    return sorted(p for p in directory.rglob("*") if p.is_file() and not p.name.startswith("."))


def import_one(
    unit: Unit, user: User | None, name: str, data: bytes, summary: ImportSummary
) -> None:
    if name.lower().endswith(".zip"):
        try:
            members = safe_zip_members(data)
        except UploadError as exc:
            summary.failures.append((name, str(exc)))
            return
        for member, content in members:
            import_one(unit, user, f"{name}/{member}", content, summary)
        return
    try:
        _, created = store_file(unit, user, name, data)
    except NeedsOcr:  # the import is already a background job: the scan is read here
        try:
            _, created = store_scan(unit, user, name, data)
        except UploadError as exc:
            summary.failures.append((name, str(exc)))
            return
    except UploadError as exc:
        summary.failures.append((name, str(exc)))
        return
    (summary.imported if created else summary.duplicates).append(name)


def store_scan(unit: Unit, user: User | None, filename: str, data: bytes) -> tuple[Document, bool]:
    """A scan read by OCR and saved as a document of ``unit`` without review (bulk import)."""
    existing = existing_document(unit, sha256_of(data))
    if existing is not None:
        return existing, False
    text, parsed, images = read_scan(data, filename)
    parsed["ocr"]["page_images"] = [
        store_blob(png, f"trang-{index}.png") for index, png in enumerate(images, 1)
    ]
    return create_document(unit, user, filename, data, text=text, parsed=parsed), True


def import_directory(
    unit: Unit,
    user: User | None,
    directory: Path,
    progress: Callable[[int, int, str], None] | None = None,
) -> ImportSummary:
    """Import every document file under ``directory`` for ``unit``; idempotent (hash dedupe)."""
    files = document_files(directory)
    summary = ImportSummary()
    for index, path in enumerate(files, 1):
        rel = str(path.relative_to(directory))
        try:
            data = path.read_bytes()
        except OSError as exc:
            summary.failures.append((rel, f"Không mở được tệp: {exc.strerror}"))
        else:
            import_one(unit, user, rel, data, summary)
        if progress:
            progress(index, len(files), rel)
    return summary


def reparse(doc: Document) -> bool:
    """Re-read the stored original with the current ``vanban``; corrected fields are kept.
    Returns whether anything parsed changed."""
    try:
        with doc.file.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError):
        data = b""
    ocr = (doc.parsed or {}).get("ocr")
    if data and not ocr:
        text, parsed = read_and_parse(data, doc.filename or doc.file.name or "tep")
    else:  # no original, or a scan: its OCR text is parsed again, not OCR'd again
        text = doc.text
        parsed = parse_text(text, source=doc.filename)
        if ocr:
            parsed["ocr"] = ocr
    changed = parsed != doc.parsed or text != doc.text
    if changed:
        doc.text = text
        apply_parsed(doc, parsed, keep=corrected_fields(doc))
        doc.save()
        build_references(doc)
        resolve_pending_for(doc)
    return changed


def visible_documents_q(unit: Unit) -> Q:  # pragma: no cover - convenience for other apps
    return Q(unit__path__startswith=unit.path) | Q(visible_to_all=True)
