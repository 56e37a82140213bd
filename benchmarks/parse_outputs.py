"""Dump ``vanban.parse(...).to_dict(include_text=True)`` of every known text, and of mutated
copies of each, to a directory: run it with one version of ``vanban`` on the path, then with
another, and ``diff -r`` the two directories. A speed change must leave them identical.

    PYTHONPATH=src python -m benchmarks.parse_outputs /tmp/out-new
    PYTHONPATH=/tmp/old/src python benchmarks/parse_outputs.py /tmp/out-old

Texts: the dev corpus (``../shared/corpus/dev``), ``tests/vanban/fixtures`` and its ``real/``
folder. Mutations (seeded, so the same on every run) put in the defects the normaliser and the
parser repair or meet: a flattened text, glued words, letter-spaced capitals, a symbol split over
lines, CRLF and invisible characters, NFD, lost or doubled lines, upper-cased lines, a cut text.
"""

from __future__ import annotations

import json
import random
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT.parent / "shared" / "corpus" / "dev",
    ROOT / "tests" / "vanban" / "fixtures",
    ROOT / "tests" / "vanban" / "fixtures" / "real",
]


def texts() -> Iterator[tuple[str, str]]:
    """(name, text) of every source text, in a fixed order."""
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            yield f"{folder.name}-{path.stem}", path.read_text(encoding="utf-8")


def _flatten(text: str, rng: random.Random) -> str:
    return " ".join(text.split())


def _glue(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    return "".join(w + ("" if rng.random() < 0.08 else " ") for w in words)


def _letter_space(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    out = [" ".join(w) if w.isupper() and rng.random() < 0.3 else w for w in words]
    return " ".join(out)


def _split_symbols(text: str, rng: random.Random) -> str:
    out = []
    for word in text.split(" "):
        if "-" in word and "/" in word and word[:1].isdigit() and rng.random() < 0.7:
            at = word.index("-") + 1
            word = word[:at] + "\n" + word[at:]
        out.append(word)
    return " ".join(out)


def _crlf_invisible(text: str, rng: random.Random) -> str:
    text = text.replace("\n", "\r\n")
    chars = list(text)
    for _ in range(max(1, len(chars) // 200)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice("\u200b\u00a0\ufeff\t\x0c"))
    return "".join(chars)


def _nfd(text: str, rng: random.Random) -> str:
    return unicodedata.normalize("NFD", text)


def _drop_lines(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    return "\n".join(line for line in lines if rng.random() >= 0.1)


def _double_lines(text: str, rng: random.Random) -> str:
    out = []
    for line in text.split("\n"):
        out.append(line)
        if rng.random() < 0.05:
            out.append(line)
    return "\n".join(out)


def _upper_lines(text: str, rng: random.Random) -> str:
    return "\n".join(line.upper() if rng.random() < 0.15 else line for line in text.split("\n"))


def _cut(text: str, rng: random.Random) -> str:
    return text[: rng.randrange(len(text) + 1)]


def _trailing_blanks(text: str, rng: random.Random) -> str:
    return "\n".join(line + " " * rng.randrange(3) for line in text.split("\n"))


def _swap_lines(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    for _ in range(3):
        if len(lines) > 2:
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def _blank_number_and_day(text: str, rng: random.Random) -> str:
    import re

    text = re.sub(r"(Số:?\s*)\d+", r"\1", text, count=1)
    text = re.sub(r"ngày\s+\d{1,2}(\s+tháng)", r"ngày  \1", text, count=1)
    return text + "\nĐẢNG UỶ XÃ\n28-11-2025 16:29:44 +07:00\n"


MUTATIONS: dict[str, Callable[[str, random.Random], str]] = {
    "flat": _flatten,
    "glue": _glue,
    "spaced": _letter_space,
    "splitsym": _split_symbols,
    "crlf": _crlf_invisible,
    "nfd": _nfd,
    "drop": _drop_lines,
    "double": _double_lines,
    "upper": _upper_lines,
    "cut": _cut,
    "trail": _trailing_blanks,
    "swap": _swap_lines,
    "stamp": _blank_number_and_day,
}
SEEDS = 3  # copies of each mutation, each from its own seed


def cases() -> Iterator[tuple[str, str]]:
    """The source texts, then every mutated copy."""
    sources = list(texts())
    yield from sources
    for name, text in sources:
        for kind, mutate in MUTATIONS.items():
            for seed in range(SEEDS):
                rng = random.Random(f"{name}/{kind}/{seed}")
                yield f"{name}~{kind}{seed}", mutate(text, rng)


def main(argv: list[str]) -> int:
    from vanban import parse

    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, text in cases():
        data = parse(text, source=name).to_dict(include_text=True)
        (out / f"{name}.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8"
        )
        count += 1
    print(f"{count} outputs in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
