"""Helpers for tests: a throw-away certificate authority, certificates it issues, and PDFs
signed with them by pyHanko (:mod:`vanban.signatures`; the keys live in memory and the
certificates say so, "thử"); and LibreOffice's PDF of a document, for tests of what is read back
from a PDF (shared with the Django application's tests through :mod:`tuyengiao.testing`)."""

from __future__ import annotations

import io
import shutil
import subprocess
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pypdf import PdfWriter

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
    return bytes(out.getvalue())


def sign(
    pdf: bytes,
    party: Party,
    ca: Party,
    tmp_path: Path,
    field: str = "Signature1",
    *,
    md_algorithm: str | None = None,
) -> bytes:
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
    signer = signers.SimpleSigner.load(  # type: ignore[no-untyped-call]
        str(key_file), str(cert_file), ca_chain_files=[str(ca_file)]
    )
    assert signer is not None
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    meta = signers.PdfSignatureMetadata(field_name=field, md_algorithm=md_algorithm)
    out = signers.sign_pdf(writer, meta, signer=signer)
    return bytes(out.getvalue())


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(*sources: Path, outdir: Path | None = None, timeout: int = 180) -> list[Path]:
    """LibreOffice's PDF of each source (headless), written to ``outdir`` (default: beside the
    first source); the PDFs' paths in order. Each call has a throw-away user profile, so that
    conversions running at the same time do not share one. A test that needs it skips itself
    first when :data:`SOFFICE` is None."""
    assert SOFFICE is not None, "LibreOffice (soffice) is not installed"
    target = outdir or sources[0].parent
    profile = Path("/tmp") / f"lo-{uuid.uuid4().hex}"
    try:
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(target),
                *(str(source) for source in sources),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return [target / f"{source.stem}.pdf" for source in sources]
