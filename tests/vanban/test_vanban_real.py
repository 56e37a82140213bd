"""Real documents (never written for the parser), labelled by hand, scored as score.py scores.

``fixtures/real/NAME.txt`` is a document as a public source gives it (its ``source`` URL is in
``NAME.json``), kept only when the source gave the whole text; ``NAME.json`` is its ground truth in
the corpus schema, with ``notes`` on the ambiguous calls. A document taken from a PDF keeps
the PDF beside its text (``NAME.pdf``); the text is what ``vanban read`` gives from it (by OCR
for a scan), the labels are read off the page. The test prints the per-field scores
(run with ``-s`` to see them) and holds the floor reached, so that a change that loses ground on
real documents fails here.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pypdf
from scoring import kept_as_ocr_text, score

from vanban import ScannedError, parse_file, read
from vanban.signatures import read_signatures

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
# The floors reached (2026-12-04, second session), for the documents whose text was typed (78:
# state and party letters, plans, decisions, guidance, old decisions, news pages; 24 of them
# text-layer PDFs, 22 signed) and for the ones read by OCR (12: 9 scans kept with their PDF,
# whose signature block lies under the seal, and 3 party documents kept as a copy's OCR text).
# Typed: 0.978 overall, no field under 0.929; OCR: 0.606, sections and items near 0.12.
# Third session: the 3 OCR texts named "….ocr.txt", so read as OCR's output (as their notes say
# they are), and their item titles labelled as whole paragraphs like the typed ones; the rules
# of that session: typed 0.987, no field under 0.962; OCR 0.697; all 0.937.
# 2026-12-04, fifth session (branch state26): seven more from the same office's files, four
# typed (a telegram, a ministry's decision, an association's guidance and its committee's
# review) and three scans (a party board's and two mass organisations' letters, number and day
# handwritten, the seal over the signature, read by OCR with letters lost: "LÂM ĐÔNG", "Sé z0
# -CV/…"), with the rules of that session (a date line with its year or day unreadable still
# gives the place): typed 0.987 on 98, OCR 0.695 on 15 (0.680 at main before the rules).
FLOOR_TYPED = 0.98
FLOOR_TYPED_FIELD = 0.95
FLOOR_OCR = 0.69
# 2026-12-05, seventh session (branch unseen28): twenty-one documents of 2025–2026 parsed
# unseen (sixteen Markdown copies of a legal library, five Word files of a commune Front and a
# commune election sub-committee), 0.725 at main, 0.933 with that session's rules. They are
# held apart from the typed documents above, whose floors they would lower (their assignments
# — units named in long sentences after "Cơ quan thực hiện:" — score 0.45): a floor of their own.
UNSEEN_28 = frozenset(
    [
        "cd-ttg-217",
        "ct-ubnd-quang-tri-06",
        "cv-cucthue-5680",
        "cv-thue-vinh-long-1539",
        "hd-btgdvtw-37",
        "kh-mttq-luong-minh-hiep-thuong-2",
        "kh-mttq-luong-minh-kiem-tra",
        "kh-mttq-luong-minh-tiep-cong-dan",
        "kh-tbtt-pho-bang-01",
        "kh-ubnd-hcm-172",
        "kh-ubnd-lai-chau-7360",
        "nq-hdnd-hue-36",
        "nq-ubtvqh-1661",
        "qd-mttq-luong-minh-to-tcd",
        "qd-ttg-2500",
        "qd-ubnd-can-tho-2519",
        "qd-ubnd-dak-lak-032",
        "qd-ubnd-dong-nai-63",
        "qd-ubnd-nghe-an-97",
        "qd-ubnd-phu-tho-105",
        "tb-vpcp-636",
    ]
)
FLOOR_UNSEEN_28 = 0.93
# 2026-12-05, seventh session (later; branch unseen29): nine papers of a private university
# (2025), scans all — five of them PDFs whose text layer is the scanner's own OCR without
# Vietnamese, read by OCR since that session — their numbers, days and signers' names
# handwritten in ink that OCR loses. Parsed unseen: 0.446 at main (0.452 with the plan's issuer
# relabelled to the corpus's convention), 0.585 once their layers are read as scans, 0.614 with
# that session's rules. Held apart from the OCR documents above (15,
# floor 0.69), whose floor they would lower: a floor of their own.
UNSEEN_29 = frozenset(
    [
        "u29-cv-dhtd-1135",
        "u29-kh-dct-753.ocr",
        "u29-kh-dhtd-1146.ocr",
        "u29-qd-dhtd-539",
        "u29-qd-dhtd-62",
        "u29-tb-dhtd-1144",
        "u29-tb-dhtd-1145",
        "u29-tb-dhtd-534",
        "u29-tb-dhtd-561",
        "u29-tb-dhtd-731.ocr",
    ]
)
# A tenth, labelled after those rules were made: another university's 2026 plan (a scan, kept as
# its OCR text), 0.452 at main and after. The ten: 0.459 at main, 0.604 after.
FLOOR_UNSEEN_29 = 0.60


def test_real_fixtures_are_sourced_and_labelled() -> None:
    texts = sorted(REAL.glob("*.txt"))
    assert len(texts) >= 91
    for path in texts:
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert gold["source"].startswith("http"), path.name
        assert gold["notes"], path.name


def test_pdfs_are_kept_beside_their_text() -> None:
    """Each PDF sits beside its text and labels. A text-layer PDF's text is what ``vanban.read``
    gives from it now (so a change of the reader shows here and the text is taken again); a
    scan's is its OCR. A PDF carrying a signature field is read as signed — each signature with
    its signer and signing time — and its notes say so; an unsigned text PDF may be kept too."""
    pdfs = sorted(REAL.glob("*.pdf"))
    assert len(pdfs) >= 34
    texts = signed = 0
    for path in pdfs:
        assert path.stat().st_size <= 1_000_000, path.name
        assert path.with_suffix(".txt").exists() and path.with_suffix(".json").exists()
        notes = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["notes"]
        fields = pypdf.PdfReader(path).get_fields() or {}
        signatures = read_signatures(path)
        if any(f.get("/FT") == "/Sig" for f in fields.values()):
            signed += 1
            assert signatures and all(s.signer and s.signing_time for s in signatures), path.name
            assert "signed pdf" in notes.lower(), path.name
        else:
            assert not signatures, path.name
        if "Tesseract, digits only" in notes and shutil.which("tesseract") is None:
            continue  # its stamped figures are pictures, read only where Tesseract is installed
        try:
            text = read(path)
        except ScannedError:
            assert "OCR" in notes, path.name
            continue
        texts += 1
        kept = path.with_suffix(".txt").read_text(encoding="utf-8")
        assert text.rstrip("\n") == kept.rstrip("\n"), path.name  # `vanban read` adds one
    assert texts >= 25 and signed >= 31


def _read_by_ocr(path: Path) -> bool:
    """A scan kept with its PDF, or a copy's OCR text kept alone ("OCR text as …" notes)."""
    notes = str(json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["notes"])
    return kept_as_ocr_text(path) or (path.with_suffix(".pdf").exists() and "OCR" in notes)


def test_real_fixtures_score(tmp_path: Path) -> None:
    typed, ocr, unseen = tmp_path / "typed", tmp_path / "ocr", tmp_path / "unseen28"
    unseen29 = tmp_path / "unseen29"
    for folder in (typed, ocr, unseen, unseen29):
        folder.mkdir()
    for text in sorted(REAL.glob("*.txt")):
        folder = (
            unseen29
            if text.stem in UNSEEN_29
            else ocr
            if _read_by_ocr(text)
            else unseen
            if text.stem in UNSEEN_28
            else typed
        )
        for path in (text, text.with_suffix(".json")):
            (folder / path.name).write_bytes(path.read_bytes())
    results = {}
    groups = (("all", REAL), ("typed", typed), ("OCR", ocr), ("unseen28", unseen))
    for name, folder in (*groups, ("unseen29", unseen29)):
        scores, overall, errors = score(folder, lambda p: parse_file(p).to_dict())
        results[name] = (scores, overall, errors)
        print(f"\n{name}: {len(list(folder.glob('*.txt')))} documents")
        for field, value in scores.items():
            print(f"{field:18} {value:6.3f}")
        print(f"overall            {overall:6.3f}")
    print("\n".join(results["all"][2]))
    scores, overall, errors = results["typed"]
    assert overall >= FLOOR_TYPED, errors
    assert min(scores.values()) >= FLOOR_TYPED_FIELD, scores
    assert results["OCR"][1] >= FLOOR_OCR, results["OCR"][2]
    assert len(list(unseen.glob("*.txt"))) == len(UNSEEN_28)
    assert results["unseen28"][1] >= FLOOR_UNSEEN_28, results["unseen28"][2]
    assert len(list(unseen29.glob("*.txt"))) == len(UNSEEN_29)
    assert results["unseen29"][1] >= FLOOR_UNSEEN_29, results["unseen29"][2]
