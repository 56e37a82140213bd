"""Signed PDFs (vanban.signatures): PDFs signed in the test by a throw-away CA."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pypdf import PdfWriter

import vanban
from vanban.signatures import fill_from_signature, load_roots, read_signatures, summary_status

NOW = datetime.now(UTC)


@dataclass
class Party:
    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate


def _name(common: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Ban Cơ yếu Chính phủ (thử)"),
            x509.NameAttribute(NameOID.COMMON_NAME, common),
        ]
    )


def make_ca(common: str) -> Party:
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(common)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=3650))
        .not_valid_after(NOW + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return Party(key, cert)


def make_signer(ca: Party, common: str, *, valid_from: datetime, valid_to: datetime) -> Party:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common))
        .issuer_name(ca.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(valid_from)
        .not_valid_after(valid_to)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .sign(ca.key, hashes.SHA256())
    )
    return Party(key, cert)


def pem(party: Party) -> bytes:
    return party.cert.public_bytes(serialization.Encoding.PEM)


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def sign(pdf: bytes, party: Party, ca: Party, tmp_path: Path, field: str = "Signature1") -> bytes:
    key_file = tmp_path / f"{field}-key.pem"
    cert_file = tmp_path / f"{field}-cert.pem"
    ca_file = tmp_path / f"{field}-ca.pem"
    key_file.write_bytes(
        party.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_file.write_bytes(pem(party))
    ca_file.write_bytes(pem(ca))
    signer = signers.SimpleSigner.load(str(key_file), str(cert_file), ca_chain_files=[str(ca_file)])
    assert signer is not None
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    out = signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name=field), signer=signer)
    return out.getvalue()


@pytest.fixture(scope="module")
def ca() -> Party:
    return make_ca("CA thử nghiệm Tuyên giáo")


@pytest.fixture(scope="module")
def officer(ca: Party) -> Party:
    return make_signer(
        ca, "Nguyễn Văn An", valid_from=NOW - timedelta(days=30), valid_to=NOW + timedelta(days=365)
    )


def test_valid_signature_shows_signer_issuer_time(
    ca: Party, officer: Party, tmp_path: Path
) -> None:
    signed = sign(blank_pdf(), officer, ca, tmp_path)
    [info] = read_signatures(signed, trust_roots=load_roots(pem(ca)))
    assert info.signer == "Nguyễn Văn An"
    assert info.issuer == "CA thử nghiệm Tuyên giáo"
    assert info.signing_time is not None
    assert abs(info.signing_time - datetime.now(UTC)) < timedelta(hours=1)
    assert (info.intact, info.modified_after_signing, info.trusted, info.expired) == (
        True,
        False,
        True,
        False,
    )
    assert info.status == "valid" and info.status_text.startswith("Hợp lệ")
    assert summary_status([info]) == "valid"
    assert info.to_dict()["status"] == "valid"


def test_modified_after_signing(ca: Party, officer: Party, tmp_path: Path) -> None:
    signed = sign(blank_pdf(), officer, ca, tmp_path)
    # a later revision that changes the page's content: not allowed after a signature
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    from pyhanko.pdf_utils import generic

    page = writer.root["/Pages"]["/Kids"][0].get_object()
    stream = generic.StreamObject(stream_data=b"BT /F1 12 Tf 72 720 Td (So 99) Tj ET")
    page["/Contents"] = writer.add_object(stream)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    [info] = read_signatures(out.getvalue(), trust_roots=load_roots(pem(ca)))
    assert info.modified_after_signing and info.status == "modified"
    assert "sửa sau khi ký" in info.status_text
    # bytes of the signed revision altered
    tampered = bytearray(signed)
    at = tampered.index(b"/MediaBox")
    tampered[at + 11 : at + 12] = b"1" if tampered[at + 11 : at + 12] != b"1" else b"2"
    [broken] = read_signatures(bytes(tampered), trust_roots=load_roots(pem(ca)))
    assert not broken.intact and broken.status == "modified"
    assert summary_status([broken]) == "invalid"


def test_untrusted_root(ca: Party, officer: Party, tmp_path: Path) -> None:
    signed = sign(blank_pdf(), officer, ca, tmp_path)
    other = make_ca("CA khác")
    [info] = read_signatures(signed, trust_roots=load_roots(pem(other)))
    assert info.intact and not info.modified_after_signing
    assert not info.trusted and info.status == "untrusted"
    [none_configured] = read_signatures(signed)
    assert none_configured.status == "untrusted"


def test_expired_certificate(ca: Party, tmp_path: Path) -> None:
    old = make_signer(
        ca,
        "Trần Thị Bình",
        valid_from=NOW - timedelta(days=800),
        valid_to=NOW - timedelta(days=400),
    )
    signed = sign(blank_pdf(), old, ca, tmp_path)
    [info] = read_signatures(signed, trust_roots=load_roots(pem(ca)))
    assert info.expired and not info.trusted
    assert info.status == "expired" and "hết hạn" in info.status_text


def test_unsigned_pdf_has_no_signatures(tmp_path: Path) -> None:
    path = tmp_path / "plain.pdf"
    path.write_bytes(blank_pdf())
    assert read_signatures(path) == []
    assert summary_status([]) == "unsigned"


def test_roots_bundle_from_a_file(ca: Party, tmp_path: Path) -> None:
    bundle = tmp_path / "roots.pem"
    bundle.write_bytes(pem(make_ca("CA một")) + pem(ca))
    assert len(load_roots(bundle)) == 2


def test_signing_time_fills_a_blank_day(ca: Party, officer: Party, tmp_path: Path) -> None:
    signed = sign(blank_pdf(), officer, ca, tmp_path)
    signatures = read_signatures(signed, trust_roots=load_roots(pem(ca)))
    assert signatures[0].signing_time is not None
    local = signatures[0].signing_time.astimezone(vanban.signatures.VIETNAM)
    text = (
        "ĐẢNG BỘ TỈNH KHÁNH HÒA\nĐẢNG ỦY XÃ CÔNG HẢI\n*\nSố -TB/ĐU\n"
        f"Công Hải, ngày   tháng {local.month} năm {local.year}\n\n"
        "THÔNG BÁO\nKết luận của Ban Thường vụ Đảng ủy\n\nNội dung thông báo.\n"
    )
    doc = vanban.parse(text)
    assert doc.date is None
    fill_from_signature(doc, signatures)
    assert doc.date == local.date().isoformat()
    assert doc.from_signature == ["date"]
    # a printed month that disagrees leaves the date blank
    wrong = vanban.parse(text.replace(f"tháng {local.month} ", f"tháng {local.month % 12 + 1} "))
    fill_from_signature(wrong, signatures)
    assert wrong.date is None and wrong.from_signature == []
