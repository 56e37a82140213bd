"""Lines of a Markdown copy read as the document's lines.

A legal library's page copied as Markdown (and texts pasted from one) keeps the document's bold
and italic runs as ``**…**`` and ``*…*`` and the header's table as cells, but breaks the lines
where the page's HTML source broke them, inside a run as anywhere else: ``**THỦ TƯỚNG CHÍNH`` /
``PHỦ**``, ``*Hà Nội, ngày 16`` / ``tháng 11 năm 2025*``, ``**I. MỤC`` / ``ĐÍCH, YÊU CẦU**``.
A run is one piece of the document's typography — the name of a body in the header, the date
line, a heading — so a run opened on a line and closed on one of the next lines, with no blank
line between, is one line of the document. And a line holding only ``|`` is the edge between two
of the table's cells, so it parts what is above from what is below as a blank line does.

A signature block set in bold is the exception: its lines are the document's own ("**KT. CHỦ
TỊCH`` / ``PHÓ CHỦ TỊCH**``, ``**T/M BAN THƯỜNG VỤ`` / ``PHÓ BÍ THƯ**``), so a line in capitals
is not joined to a next one that opens with an authority mark or a signer's title; joined, a
scan that lost the mark ("M BAN THƯỜNG VỤ PHÓ BÍ THƯ") could no longer be parted.

Nothing else changes: a line that is only asterisks (the star under a party document's header,
``*`` or ``***``), a bullet's leading ``*``, a footnote mark ``(*)`` and a run that nothing
closes within a few lines are left as they are.
"""

from __future__ import annotations

import re

from vanban.normalize import fold
from vanban.patterns import DEPUTY_RE, HEAD_TITLE_RE, ON_BEHALF_RE

# A line holding only the edge of a table's cell.
_CELL_EDGE = re.compile(r"^[ \t]*\|[ \t]*$", re.MULTILINE)
# Asterisks that open or close no run: a bullet's, a footnote mark's, a party star's.
_NOT_A_MARKER = re.compile(r"^\s*\*\s+|\(\*+\)|\*{3,}")
# The most lines one run is looked for over (a heading or a body's name wraps onto two or three).
_RUN_LINES = 4


def _open_runs(line: str) -> tuple[bool, bool]:
    """Whether ``line`` leaves a bold run, an italic run open (an odd count of its markers)."""
    marks = _NOT_A_MARKER.sub(" ", line)
    bold = marks.count("**")
    italic = marks.replace("**", "").count("*")
    return bold % 2 == 1, italic % 2 == 1


def _only_marks(line: str) -> bool:
    return not line.strip(" \t*")


def _signature_lines(line: str, nxt: str) -> bool:
    """``line`` in capitals, ended, and ``nxt`` opening with an authority mark or a signer's
    title: two lines of a signature block."""
    line, nxt = line.strip(" \t*"), nxt.strip(" \t*")
    if not line.isupper() or not nxt.isupper() or line.endswith((",", "-", "–")):
        # (a title wrapped after its comma goes on: "KT. BỘ TRƯỞNG," / "CHỦ NHIỆM")
        return False
    folded = fold(nxt).lower()
    return bool(ON_BEHALF_RE.match(nxt) or DEPUTY_RE.match(folded) or HEAD_TITLE_RE.match(folded))


def read_markup(text: str) -> str:
    """``text`` with each emphasis run wrapped over lines put on one line and each lone ``|``
    line blank (unchanged when it holds neither)."""
    if "*" not in text and "|" not in text:
        return text
    if "|" in text:
        text = _CELL_EDGE.sub("", text)
    if "*" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        bold, italic = _open_runs(line) if "*" in line and not _only_marks(line) else (False, False)
        if bold or italic:
            # the lines up to the one that closes the run, if one does within reach
            joined = line.rstrip()
            for j in range(i + 1, min(i + _RUN_LINES, len(lines))):
                nxt = lines[j].strip()
                if not nxt or (_only_marks(nxt) and nxt != "**"):
                    break  # a blank line, or a party star: the run is no run
                if _signature_lines(lines[j - 1], nxt):
                    break
                joined += " " + nxt
                bold, italic = _open_runs(joined)
                if not bold and not italic:
                    out.append(joined)
                    i = j + 1
                    break
            else:
                out.append(line)
                i += 1
                continue
            if bold or italic:
                out.append(line)
                i += 1
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


__all__ = ["read_markup"]
