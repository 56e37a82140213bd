"""Signed PDFs (vanban.signatures): PDFs signed in the test by a throw-away CA."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

import vanban
from vanban.signatures import fill_from_signature, load_roots, read_signatures, summary_status
from vanban.testing import NOW, Party, blank_pdf, make_ca, make_signer, pem, sign


@pytest.fixture(scope="module")
def ca() -> Party:
    return make_ca("CA thử nghiệm Tuyên giáo")


@pytest.fixture(scope="module")
def officer(ca: Party) -> Party:
    return make_signer(
        ca, "Nguyễn Văn An", valid_from=NOW - timedelta(days=30), valid_to=NOW + timedelta(days=365)
    )


def with_page_changed(signed: bytes) -> bytes:
    """``signed`` with a later revision that replaces its page's content (a number stamped in)."""
    from pyhanko.pdf_utils import generic

    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    stream = generic.StreamObject(stream_data=b"BT /F1 12 Tf 72 720 Td (So 99) Tj ET")
    page["/Contents"] = writer.add_object(stream)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


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
    [info] = read_signatures(with_page_changed(signed), trust_roots=load_roots(pem(ca)))
    assert info.modified_after_signing and info.status == "modified"
    assert "sửa sau khi ký" in info.status_text
    # the first change pyHanko could not explain, in words and in its own
    assert info.problem.startswith("Lần cập nhật sau khi ký")
    assert info.problem_detail and info.to_dict()["problem"] == info.problem
    # bytes of the signed revision altered
    tampered = bytearray(signed)
    at = tampered.index(b"/MediaBox")
    tampered[at + 11 : at + 12] = b"1" if tampered[at + 11 : at + 12] != b"1" else b"2"
    [broken] = read_signatures(bytes(tampered), trust_roots=load_roots(pem(ca)))
    assert not broken.intact and broken.status == "modified"
    assert "byte đã ký không còn khớp" in broken.problem
    assert summary_status([broken]) == "invalid"


def test_a_sha1_signature_says_why_it_is_not_trusted(
    ca: Party, officer: Party, tmp_path: Path
) -> None:
    # some older certificates and timestamp servers still hash with SHA-1
    signed = sign(blank_pdf(), officer, ca, tmp_path, md_algorithm="sha1")
    [info] = read_signatures(signed, trust_roots=load_roots(pem(ca)))
    assert info.intact and not info.trusted and info.status == "untrusted"
    assert "SHA-1" in info.problem
    # the same key and certificate with SHA-256 verify
    [good] = read_signatures(
        sign(blank_pdf(), officer, ca, tmp_path), trust_roots=load_roots(pem(ca))
    )
    assert good.status == "valid" and good.problem == ""


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


def test_a_change_signed_later_names_its_signers(ca: Party, officer: Party, tmp_path: Path) -> None:
    # an e-office's order: the officer signs, the office changes the page and signs it in turn
    signed = sign(blank_pdf(), officer, ca, tmp_path)
    changed = with_page_changed(signed)
    office = make_signer(
        ca,
        "Văn phòng Tỉnh ủy",
        valid_from=NOW - timedelta(days=30),
        valid_to=NOW + timedelta(days=365),
    )
    both = sign(changed, office, ca, tmp_path, field="Signature2")
    first, second = read_signatures(both, trust_roots=load_roots(pem(ca)))
    assert first.status == "modified" and first.changes_signed_by == ("Văn phòng Tỉnh ủy",)
    assert first.to_dict()["changes_signed_by"] == ["Văn phòng Tỉnh ủy"]
    assert second.status == "valid" and second.changes_signed_by == ()
    # a change nobody signed afterwards names no one
    [alone] = read_signatures(changed, trust_roots=load_roots(pem(ca)))
    assert alone.status == "modified" and alone.changes_signed_by == ()


def test_an_e_office_stamping_later_revisions_is_not_called_modified() -> None:
    # a real letter of the Bộ Nội vụ: the organisation's later signatures only fill the form's
    # fields, freeing the appearance objects they replace (pyHanko's strict policy rejects that)
    pdf = Path(__file__).parent / "fixtures" / "real" / "cv-bnv-11902.pdf"
    signatures = read_signatures(pdf)
    assert len(signatures) == 4
    assert [s.modified_after_signing for s in signatures] == [True, False, False, False]
    assert signatures[0].changes_signed_by == ("Bộ Nội vụ",)
    assert all(s.intact for s in signatures)


def test_a_page_box_written_back_rounded_is_named() -> None:
    # a real letter of a Sở of Lâm Đồng: a later revision writes the page's MediaBox back
    # rounded (595.34997559 → 595.35); the explanation names that change and the numbers
    pdf = Path(__file__).parent / "fixtures" / "real" / "cv-snnmt-lam-dong-4186.pdf"
    first = read_signatures(pdf)[0]
    assert first.status == "modified"
    assert "khung trang (/MediaBox) với số làm tròn" in first.problem
    assert "595.34997559" in first.problem and "595.35" in first.problem


def test_signatures_packed_into_an_object_stream_are_read() -> None:
    # a real decision of a provincial UBND (2022), rewritten with iText after it was signed:
    # its two signature dictionaries sit in a compressed object stream, so the literal
    # "/ByteRange" never occurs in the file's bytes; the rewrite broke the signed byte ranges
    pdf = Path(__file__).parent / "fixtures" / "real" / "qd-ubnd-binh-thuan-779.pdf"
    assert b"/ByteRange" not in pdf.read_bytes()
    signatures = read_signatures(pdf)
    assert [s.signer for s in signatures] == ["Nguyễn Minh", "Ủy ban Nhân dân tỉnh Bình Thuận"]
    assert all(s.signing_time and s.status == "modified" and not s.intact for s in signatures)
