"""Reading a plan's text as written: the block of text of each parsed item (``item_blocks``), the
numbered paragraphs of a directive without task sections (``numbered_paragraphs``) and the
directive a news page publishes (``published_directive``). Used by ``proposals`` (tasks proposed
from a parsed plan) and by the upload paths that decide whether a document is a plan."""

from __future__ import annotations

import re
from typing import Any

from vanban import join_broken_lines

from .timeframes import _fold

# --- item blocks from the text ------------------------------------------------------------------

_MARKUP = re.compile(r"[*_`#>]+")
_SEP = r"\s*[.\-–—:)]\s*"


def clean_line(line: str) -> str:
    """The line without Markdown marks and with single spaces."""
    return " ".join(_MARKUP.sub("", line).split())


def _starts_with(line_folded: str, label: str, title_folded: str) -> bool:
    m = re.match(rf"{re.escape(label.lower())}{_SEP}", line_folded)
    if not m:
        return False
    rest = line_folded[m.end() :]
    probe = title_folded[:24]
    return bool(probe) and (
        rest.startswith(probe) or (probe.startswith(rest[: len(probe)]) and len(rest) >= 4)
    )


def item_blocks(text: str, parsed: dict[str, Any]) -> dict[tuple[str, str | None], str]:
    """Cut ``text`` into the full text of each item (and of each section, keyed (label, None))."""
    lines = [clean_line(line) for line in text.splitlines()]
    folded = [_fold(line) for line in lines]
    starts: list[tuple[int, tuple[str, str | None]]] = []
    cursor = 0
    items_by_section: dict[str, list[dict[str, Any]]] = {}
    for item in parsed.get("items") or []:
        items_by_section.setdefault(str(item.get("section")), []).append(item)
    for section in parsed.get("sections") or []:
        label, title = (
            str(section.get("label") or ""),
            _fold(clean_line(str(section.get("title") or ""))),
        )
        for i in range(cursor, len(lines)):
            if _starts_with(folded[i], label, title):
                starts.append((i, (label, None)))
                cursor = i + 1
                break
        for item in items_by_section.get(label, []):
            ilabel, ititle = (
                str(item.get("label") or ""),
                _fold(clean_line(str(item.get("title") or ""))),
            )
            for i in range(cursor, len(lines)):
                if _starts_with(folded[i], ilabel, ititle):
                    starts.append((i, (label, ilabel)))
                    cursor = i + 1
                    break
    blocks: dict[tuple[str, str | None], str] = {}
    if not starts:
        return blocks
    ends = [s for s, _ in starts[1:]] + [_text_end(folded)]
    for (start, key), end in zip(starts, ends, strict=True):
        body = [line for line in lines[start:end] if line]
        blocks[key] = "\n".join(body)
    return blocks


def _text_end(folded: list[str]) -> int:
    """The item text stops at the closing lines ("Trên đây là …", "Nơi nhận")."""
    for i, line in enumerate(folded):
        if line.startswith(("noi nhan", "tren day la")):
            return i
    return len(folded)


# Lines that end the list of items: the signature block, a news page's footer.
_END_OF_ITEMS = re.compile(
    r"^(noi nhan|tren day|noi dung chi tiet|tac gia|nguon:|tong so diem|click|tin lien quan)"
)


# --- documents without task sections: numbered paragraphs --------------------------------------

_NUMBERED = re.compile(r"^\s*\**\s*(\d{1,2})\s*[.)]\s+(\S.*)$")


def numbered_paragraphs(text: str) -> list[tuple[str, str, str]]:
    """(label, heading, block) of the body's numbered paragraphs 1., 2., 3. … in sequence — the
    tasks of a Kết luận, Chỉ thị or Nghị quyết that has no sections, or of one published as a
    news page. The block runs to the next number or to the end of the body (signature block,
    "Nội dung chi tiết …", the page's sidebar)."""
    lines = join_broken_lines(text).split("\n")
    found: list[tuple[str, str, list[str]]] = []
    want = 1
    for line in lines:
        clean = clean_line(line)
        if found and _END_OF_ITEMS.match(_fold(clean)):
            break
        m = _NUMBERED.match(clean)
        if m and int(m.group(1)) == want and len(m.group(2)) >= 12:
            found.append((m.group(1), m.group(2), [clean]))
            want += 1
            continue
        if m and found and int(m.group(1)) != want:
            break  # another numbering (the page's sidebar, a list of links)
        if found and clean:
            found[-1][2].append(clean)
    if len(found) < 2:
        return []
    return [(label, heading, "\n".join(block)) for label, heading, block in found]


def published_directive(text: str) -> tuple[str, str] | None:
    """(document type, number) of the directive a news page publishes ("Ban Thường vụ Tỉnh ủy
    ban hành Kết luận số 88-KL/TU …"), looked for in its first paragraphs."""
    head = " ".join((text or "")[:2000].split())
    folded = _fold(head)
    m = re.search(
        r"\bban hanh (ket luan|chi thi|nghi quyet|ke hoach|chuong trinh hanh dong)"
        r"(?: so)?\s+(\d+[^\s,;]*)",
        folded,
    )
    if not m:
        return None
    doc_type = head[m.start(1) : m.end(1)]
    return doc_type[:1].upper() + doc_type[1:], head[m.start(2) : m.end(2)]
