"""Digital signatures of PDFs (PAdES, as Vietnamese e-office systems issue them), with pyHanko.

For each signature of a PDF, :func:`read_signatures` says who signed (the certificate's
subject), who issued the certificate, when it was signed (a timestamp token's time when there
is one, else the time the signer's software wrote), whether the file was changed after signing
(bytes of the signed revision altered, or a later revision changing more than form fields,
annotations or validation data — pyHanko's difference analysis), and whether the certificate
chains to a root the administrator trusts. Difference analysis is pyHanko's standard policy
with one setting relaxed: a later revision may free objects (``reject_object_freeing=False``).
E-office systems free the objects of the signature appearance they redraw when they stamp the
number, the day or the organisation's signature in later revisions; on the first 12 signed
e-office PDFs of ``tests/vanban/fixtures/real`` the strict setting called 21 of 53 signatures
"modified", 5 of them signatures whose later revisions only fill forms. What the later
revision changes is still analysed as before. A signature whose document was changed
afterwards lists the later signatures that are themselves unchanged (``changes_signed_by``):
the change was signed by them, which a reader may want to know before calling the document
tampered with. Each signature that is not valid says why in words (``problem``): the first
change the difference analysis could not explain (a page box written back rounded, an update
after a certification signature, an object replaced, the signed bytes altered), or a SHA-1
hash that today's policy refuses; pyHanko's own message is kept beside it
(``problem_detail``). The roots are a parameter (``trust_roots``, read
from a PEM bundle with :func:`load_roots`): nothing is fetched from the network
(``allow_fetching=False``) and the system's roots are not used, so "trusted" means "trusted by
this office". A certificate that had expired (or was not yet valid) at the signing time is
shown as such.

:func:`fill_from_signature` gives a parsed document whose text left the day blank (e-signed
party documents: "ngày   tháng 11 năm 2025") the signing date, when the printed month and year
agree, and lists it in ``from_signature`` — the same rule as the signing stamp's text.

Nothing here runs on the plain-text path: only a caller holding a PDF asks for it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from vanban.errors import ReadError
from vanban.model import ParsedDocument
from vanban.normalize import fold

VIETNAM = timezone(timedelta(hours=7))

# What each status means, for the people who read it (Vietnamese first).
STATUS_TEXT = {
    "valid": "Hợp lệ — valid",
    "modified": "Văn bản đã bị sửa sau khi ký — modified after signing",
    "expired": "Chứng thư số đã hết hạn khi ký — certificate expired at signing time",
    "untrusted": "Chứng thư số không thuộc tổ chức chứng thực được tin cậy — untrusted root",
    "invalid": "Chữ ký không hợp lệ — invalid signature",
}


@dataclass(frozen=True)
class SignatureInfo:
    field_name: str
    signer: str
    issuer: str
    signing_time: datetime | None  # aware
    intact: bool  # the signed bytes are unchanged and the cryptography checks out
    modified_after_signing: bool
    trusted: bool  # chains to a configured root, and the chain is valid at the signing time
    expired: bool  # the signer's certificate was not valid at the signing time
    status: str  # one of STATUS_TEXT
    # signers of later, unchanged signatures, when this one's document was changed afterwards
    changes_signed_by: tuple[str, ...] = ()
    # why a signature is not valid, in Vietnamese, for the person who reads it ("" when valid
    # or when the status says it all), and pyHanko's own words when it gave any
    problem: str = ""
    problem_detail: str = ""

    @property
    def status_text(self) -> str:
        return STATUS_TEXT[self.status]

    @property
    def is_valid(self) -> bool:
        return self.status == "valid"

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field_name,
            "signer": self.signer,
            "issuer": self.issuer,
            "signing_time": (
                self.signing_time.astimezone(VIETNAM).isoformat() if self.signing_time else None
            ),
            "intact": self.intact,
            "modified_after_signing": self.modified_after_signing,
            "trusted": self.trusted,
            "expired": self.expired,
            "status": self.status,
            "status_text": self.status_text,
            "changes_signed_by": list(self.changes_signed_by),
            "problem": self.problem,
            "problem_detail": self.problem_detail,
        }


def load_roots(source: str | Path | bytes) -> list[Any]:
    """The certificates of a PEM bundle (a path or its bytes), as asn1crypto certificates."""
    from asn1crypto import pem, x509

    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    roots = []
    if pem.detect(data):
        for _kind, _headers, der in pem.unarmor(data, multiple=True):
            roots.append(x509.Certificate.load(der))
    elif data:
        roots.append(x509.Certificate.load(data))
    return roots


def _name(name: Any) -> str:
    """The common name of an X.509 name, else its organisation, else the whole name."""
    native = name.native
    for key in ("common_name", "organization_name"):
        value = native.get(key)
        if value:
            return str(value if isinstance(value, str) else value[0])
    return str(name.human_friendly)


_NUMBER_RE = re.compile(r"-?\d+(?:\.\d+)?")
# the page boxes pyHanko compares number by number; e-office software writes them back rounded
_BOX_CHANGE_RE = re.compile(
    r"Values for dict key (/\w+Box) differ:\s*(\[[^\]]*\]) changed to (\[[^\]]*\])"
)


def _why_modified(message: str, intact: bool) -> str:
    """What the first suspicious change found after a signature was, in words an office reads.

    pyHanko's difference analysis stops at the first change it cannot explain, so this names
    that change only; it never says the rest of the revision is harmless."""
    if not intact:
        return (
            "Các byte đã ký không còn khớp với chữ ký: nội dung đã ký bị thay đổi hoặc tệp bị hỏng."
        )
    box = _BOX_CHANGE_RE.search(message)
    if box:
        old = [float(n) for n in _NUMBER_RE.findall(box.group(2))]
        new = [float(n) for n in _NUMBER_RE.findall(box.group(3))]
        if len(old) == len(new) and all(abs(a - b) < 0.01 for a, b in zip(old, new, strict=True)):
            return (
                f"Lần cập nhật sau khi ký ghi lại khung trang ({box.group(1)}) với số làm tròn "
                f"({box.group(2)} → {box.group(3)}); việc kiểm tra dừng ở thay đổi đầu tiên này."
            )
        return f"Lần cập nhật sau khi ký đổi khung trang ({box.group(1)}): kích thước trang khác."
    if "certification signature" in message:
        return (
            "Chữ ký này là chữ ký chứng thực (certification); lần cập nhật sau đó sửa một "
            "đối tượng mà chuẩn chỉ cho phép sửa sau chữ ký phê duyệt."
        )
    if "unexplained xrefs" in message or "without precise justification" in message:
        return (
            "Lần cập nhật sau khi ký thay thế đối tượng của tệp mà không rõ mục đích "
            "(không phải điền biểu mẫu, thêm chữ ký hay dữ liệu kiểm chứng)."
        )
    if "coverage" in message:
        return "Chữ ký không phủ toàn bộ tệp tại thời điểm ký."
    return (
        "Lần cập nhật sau khi ký có thay đổi ngoài điền biểu mẫu, thêm chữ ký hay dữ liệu "
        "kiểm chứng."
    )


def _why_not_verified(signature: Any, context: Any, verdict: str) -> str:
    """Why an intact signature does not verify ("invalid") or does not chain to a trusted root
    ("untrusted"): a hash algorithm the default policy refuses (SHA-1, still used by some older
    certificates and timestamp servers) is told apart from the rest by checking the signature
    again with SHA-1 allowed."""
    import asyncio

    from pyhanko.sign.validation.pdf_embedded import async_validate_pdf_signature
    from pyhanko.sign.validation.utils import CMSAlgorithmUsagePolicy
    from pyhanko_certvalidator.policy_decl import DisallowWeakAlgorithmsPolicy

    weak = frozenset({"md5", "md2"})  # the default's weak hashes without SHA-1
    policy = DisallowWeakAlgorithmsPolicy(weak)  # type: ignore[no-untyped-call]
    sha1_allowed = CMSAlgorithmUsagePolicy.lift_policy(policy)
    try:  # the synchronous wrapper takes no algorithm policy
        again = asyncio.run(
            async_validate_pdf_signature(
                signature, context, skip_diff=True, algorithm_policy=sha1_allowed
            )
        )
    except Exception:
        again = None
    if again is not None and again.valid and (verdict == "invalid" or again.trusted):
        return (
            "Chữ ký, chứng thư hoặc dấu thời gian dùng thuật toán băm SHA-1, đã lỗi thời và "
            "không còn được chấp nhận."
        )
    if verdict == "invalid":
        return "Không kiểm tra được chữ ký bằng chứng thư số kèm theo."
    return ""


def _status(intact: bool, modified: bool, expired: bool, trusted: bool, valid: bool) -> str:
    if not intact or modified:
        return "modified"
    if not valid:
        return "invalid"
    if expired:
        return "expired"
    if not trusted:
        return "untrusted"
    return "valid"


def read_signatures(
    source: str | Path | bytes, *, trust_roots: Iterable[Any] = ()
) -> list[SignatureInfo]:
    """Every signature of the PDF at ``source`` (a path or the bytes), checked against
    ``trust_roots`` (asn1crypto certificates, see :func:`load_roots`). A PDF without signatures
    gives ``[]``; a file pyHanko cannot read raises :class:`ReadError`."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import (
        DEFAULT_DIFF_POLICY,
        ModificationLevel,
        StandardDiffPolicy,
    )
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    if b"/ByteRange" not in data and b"/ObjStm" not in data:
        # no signature dictionary in sight, and no compressed object stream that could hold
        # one (a file rewritten after signing packs them there): spare the parse
        return []
    roots = list(trust_roots)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as exc:
        raise ReadError(
            f"Không đọc được chữ ký số của tệp PDF — cannot read the PDF's signatures "
            f"({type(exc).__name__})"
        ) from exc
    diff_policy = StandardDiffPolicy(
        DEFAULT_DIFF_POLICY.global_rules,
        DEFAULT_DIFF_POLICY.form_rule,
        reject_object_freeing=False,
    )
    found: list[SignatureInfo] = []
    for signature in embedded:
        cert = signature.signer_cert
        claimed = signature.self_reported_timestamp
        context = ValidationContext(
            trust_roots=roots,
            allow_fetching=False,
            revocation_mode="soft-fail",
            moment=claimed,
        )
        try:
            status = validate_pdf_signature(signature, context, diff_policy=diff_policy)
        except Exception as exc:  # a malformed signature is shown as invalid, never a crash
            found.append(
                SignatureInfo(
                    signature.field_name or "",
                    _name(cert.subject) if cert is not None else "",
                    _name(cert.issuer) if cert is not None else "",
                    claimed,
                    False,
                    False,
                    False,
                    False,
                    "invalid",
                    problem="Chữ ký hỏng hoặc không đọc được.",
                    problem_detail=f"{type(exc).__name__}: {exc}"[:300],
                )
            )
            continue
        when = (
            status.timestamp_validity.timestamp
            if status.timestamp_validity is not None
            else status.signer_reported_dt
        )
        level = status.modification_level
        modified = level is None or level == ModificationLevel.OTHER or status.docmdp_ok is False
        validity = cert["tbs_certificate"]["validity"]
        not_before = validity["not_before"].native
        not_after = validity["not_after"].native
        at = when or datetime.now(UTC)
        expired = not (not_before <= at <= not_after)
        verdict = _status(
            bool(status.intact), bool(modified), expired, bool(status.trusted), bool(status.valid)
        )
        detail = str(getattr(status.diff_result, "args", [""])[0] or "") if modified else ""
        if verdict == "modified":
            problem = _why_modified(detail, bool(status.intact))
        elif verdict == "invalid" or (verdict == "untrusted" and roots):
            # without configured roots every signature is untrusted: nothing more to explain
            problem = _why_not_verified(signature, context, verdict)
        else:
            problem = ""
        found.append(
            SignatureInfo(
                field_name=signature.field_name or "",
                signer=_name(cert.subject),
                issuer=_name(cert.issuer),
                signing_time=when,
                intact=bool(status.intact and status.valid),
                modified_after_signing=bool(modified),
                trusted=bool(status.trusted) and not expired,
                expired=expired,
                status=verdict,
                problem=problem,
                problem_detail=detail[:300],
            )
        )
    return _with_later_signers(found)


def _with_later_signers(found: list[SignatureInfo]) -> list[SignatureInfo]:
    """Each signature whose intact document was changed afterwards, with the signers of the
    later signatures (pyHanko lists them in signing order) that are intact and unchanged."""
    out = []
    for index, info in enumerate(found):
        if info.intact and info.modified_after_signing:
            later = tuple(
                dict.fromkeys(
                    s.signer
                    for s in found[index + 1 :]
                    if s.intact and not s.modified_after_signing
                )
            )
            info = replace(info, changes_signed_by=later)
        out.append(info)
    return out


def summary_status(signatures: Sequence[SignatureInfo]) -> str:
    """One word for a document: "unsigned", "valid" (every signature valid) or "invalid"."""
    if not signatures:
        return "unsigned"
    return "valid" if all(s.is_valid for s in signatures) else "invalid"


def fill_from_signature(doc: ParsedDocument, signatures: Sequence[SignatureInfo]) -> None:
    """Give ``doc`` the signing date (Vietnam time) of the first signature when its text left
    the date blank and the month and year it prints, if any, agree; the field is then listed in
    ``doc.from_signature``."""
    if doc.date is not None or doc.doc_type == "Tin bài":
        return
    when = next((s.signing_time for s in signatures if s.signing_time is not None), None)
    if when is None:
        return
    local = when.astimezone(VIETNAM)
    raw = fold(doc.date_raw or "")
    month = re.search(r"thang\s+(\d{1,2})", raw)
    year = re.search(r"nam\s+(\d{4})", raw)
    if (month and int(month.group(1)) != local.month) or (
        year and int(year.group(1)) != local.year
    ):
        return
    doc.date = local.date().isoformat()
    if "date" not in doc.from_signature:
        doc.from_signature.append("date")


__all__ = [
    "STATUS_TEXT",
    "SignatureInfo",
    "fill_from_signature",
    "load_roots",
    "read_signatures",
    "summary_status",
]
