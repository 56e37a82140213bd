"""The command line: one JSON object per file, in argument order; unreadable files reported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from vanban import parse_file
from vanban.cli import main


def _write(tmp_path: Path) -> tuple[Path, Path, Path]:
    first = tmp_path / "b.txt"
    first.write_text("Số 30-KH/ĐUK\n\nKẾ HOẠCH\nĐổi mới công tác tư tưởng\n", encoding="utf-8")
    second = tmp_path / "a.txt"
    second.write_text("Số: 289/KH-UBND\n\nKẾ HOẠCH\nChuyển đổi số\n", encoding="utf-8")
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(b"%PDF-1.4 not really a pdf")
    return first, second, scanned


def test_jsonl_in_argument_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second, _ = _write(tmp_path)
    assert main(["parse", "--jsonl", str(first), str(second)]) == 0
    lines = capsys.readouterr().out.splitlines()
    objects = [json.loads(line) for line in lines]
    assert [o["file"] for o in objects] == [str(first), str(second)]
    assert [o["number"] for o in objects] == ["30-KH/ĐUK", "289/KH-UBND"]
    assert objects[0]["title"] == "Đổi mới công tác tư tưởng"


def test_unreadable_file_reported_others_parsed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, scanned = _write(tmp_path)
    assert main(["parse", "--jsonl", str(first), str(scanned), str(second)]) == 1
    captured = capsys.readouterr()
    assert [json.loads(line)["file"] for line in captured.out.splitlines()] == [
        str(first),
        str(second),
    ]
    errors = captured.err.strip().splitlines()
    assert len(errors) == 1 and str(scanned) in errors[0]


def test_pretty_json_and_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, _, _ = _write(tmp_path)
    assert main(["parse", str(first)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("{\n") and json.loads(out)["doc_type"] == "Kế hoạch"
    assert main(["read", str(first)]) == 0
    assert capsys.readouterr().out.startswith("Số 30-KH/ĐUK\n")


def test_console_script(tmp_path: Path) -> None:
    first, _, _ = _write(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "vanban", "parse", "--jsonl", str(first)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["number"] == "30-KH/ĐUK"


def test_a_signed_pdf_lists_its_signatures_against_the_given_roots(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import timedelta

    from vanban.testing import NOW, blank_pdf, make_ca, make_signer, pem, sign

    ca = make_ca("CA thử nghiệm")
    officer = make_signer(
        ca, "Nguyễn Văn An", valid_from=NOW - timedelta(days=3), valid_to=NOW + timedelta(days=30)
    )
    pdf = tmp_path / "signed.pdf"
    pdf.write_bytes(sign(blank_pdf(), officer, ca, tmp_path))
    roots = tmp_path / "roots.pem"
    roots.write_bytes(pem(ca))
    assert main(["parse", "--trust-roots", str(roots), str(pdf)]) == 0
    [signature] = json.loads(capsys.readouterr().out)["signatures"]
    assert (signature["signer"], signature["status"]) == ("Nguyễn Văn An", "valid")
    # without the roots the same signature is untrusted; an unreadable bundle is refused
    assert main(["parse", str(pdf)]) == 0
    assert json.loads(capsys.readouterr().out)["signatures"][0]["status"] == "untrusted"
    (tmp_path / "bad.pem").write_bytes(b"not a certificate")
    assert main(["parse", "--trust-roots", str(tmp_path / "bad.pem"), str(pdf)]) == 2
    assert "chứng thư gốc" in capsys.readouterr().err


def test_ocr_text_option_mends_a_text_that_ocr_made_elsewhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ocr = tmp_path / "ocr.txt"
    ocr.write_text(
        "Số 31-CTr/TW\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nvề bảo vệ môi trường\n\n"
        "1- MỤC ĐÍCH, YÊU CẦU\n\n1. Cụ thể hoá Kết luận.\n\n"
        "II- NHIỆM VỤ CHỦ YẾU\n\n1. Tăng cường sự lãnh đạo.\n\n"
        "HI- TỔ CHỨC THỰC HIỆN\n\n1. Đảng uỷ Quốc hội\n",
        encoding="utf-8",
    )
    assert main(["parse", "--jsonl", str(ocr)]) == 0
    typed = json.loads(capsys.readouterr().out)
    assert main(["parse", "--jsonl", "--ocr-text", str(ocr)]) == 0
    mended = json.loads(capsys.readouterr().out)
    # read as typed, the misread numerals "1-" and "HI-" are no section headings
    assert [s["label"] for s in typed["sections"]] == ["II"]
    assert [s["label"] for s in mended["sections"]] == ["I", "II", "III"]
    assert [i["section"] for i in mended["items"]] == ["I", "II", "III"]


def test_a_text_named_ocr_txt_is_read_as_ocr_output(tmp_path: Path) -> None:
    body = "Số 31-CTr/TW\n\nCHƯƠNG TRÌNH\nvề môi trường\n\n1- MỤC ĐÍCH\n\nII- NHIỆM VỤ\n"
    typed, ocr = tmp_path / "ctr.txt", tmp_path / "ctr.ocr.txt"
    for path in (typed, ocr):
        path.write_text(body, encoding="utf-8")
    assert [s.label for s in parse_file(typed).sections] == ["II"]
    assert [s.label for s in parse_file(ocr).sections] == ["I", "II"]
    # saying it again changes nothing: the text is mended once
    assert parse_file(ocr, ocr_text=True).to_dict() == parse_file(ocr).to_dict()
