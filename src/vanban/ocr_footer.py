"""OCR's debris in the footer's recipients (``Nơi nhận``, "where it is sent"), dropped by the
format's grammar; the signature column's title and mandate as OCR garbles them, mended.

A scan's footer has the seal and the signature beside the recipients: Tesseract reads the ink of
the stamp and the handwriting as marks, digits and stray letters, and puts them on the line of the
recipient beside it ("- Lưu: VT, KTTH (2). 44", "- Lưu: VT, QHĐP (3)vqr.4§", "- TTgCP, các PTTg;
ủ", "- Như Điều 3; ; 9"), or on a line of their own between two recipients ("\\ ị"). The format
(Nghị định 30/2020/NĐ-CP, Phụ lục I; Hướng dẫn 36-HD/VPTW) closes each recipient: its line ends
with ";" (the last, the archive's "Lưu", with "."), the archive line with the count of copies in
brackets ("(2)", "(3b)"), and a purpose in brackets ("(để b/c)") ends the recipient it follows.
So what a recipient's line holds after such a closure is the next recipient run on, the signature
column flattened beside it ("- Kiểm toán Nhà nước; Phạm Minh Chính"), or debris — and debris is
known by its tokens: it reads as no words (no two words side by side: a word is a syllable of
the lexicon the project uses, :func:`vanban.ocr_words.is_known_syllable`, or an abbreviation in
capitals) and holds at least one token that no text writes there (marks, digits, letters mixed
with either, small letters that are no syllable, a lone letter with a mark). Such debris is
dropped; a name or a title after it (two words or more closing the line) stays for the parser's
own rules on the signature column. A line between two recipients that holds no word at all is
debris too, and so is what follows "Nơi nhận:" on its line when it holds no capital (a recipient
and the signature column's words open with one: "Nơi nhận: đốm uống" is the seal read), or the
marks before the signature column's words ("Nơi nhận: _—_ KT …").

Two repairs of the signature column go with it: a near miss of one of the format's titles on the
line over the signer's name, with no authority mark over it ("HÚ TƯỚNG" → "THỦ TƯỚNG",
:func:`mend_title_over_name`), and a mandate glued to the office it stands before ("KTTRƯỞNG BAN"
→ "K/T TRƯỞNG BAN" in a party document, "KT. …" in a state one, :func:`split_glued_mandate`).
No title is inferred where the seal took the line.

Only OCR's text is mended so (:func:`vanban.ocr_text.normalize_ocr_text`): a typist's text has
no seal. Without the lexicon nothing is dropped (every small word would look like debris).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence

from vanban.ocr_distance import edit_distance, letters_only
from vanban.ocr_words import is_known_syllable, lexicon_path

# The "Nơi nhận" line, as OCR may read its accents ("Nơi nhân:"), with what follows on it.
_RECIPIENTS_LINE = re.compile(
    r"^([^\w\n]*N[ơo]i[ \t]+nh[ậâạaấ]n[ \t]*(?:[:;.]|$))(.*)$", re.IGNORECASE
)
# A recipient's line: a bullet opens it (OCR's tildes and long dashes are made dashes before).
_BULLET = re.compile(r"^[ \t]*[-+•–][ \t]*\S")
# Where a recipient closes: after ";", after a closing bracket ("(2)", "(3b)", "(để b/c)"),
# after a full stop that no letter or figure follows (not "TP.HCM", "P. TH").
# A dash between blanks opens another recipient run on ("- Lưu: VT, TCCB, - ò Phạm Minh Chính").
_CLOSURE = re.compile(r";|\)|\.(?=[ \t]*[^\w \t])|(?<=[ \t])[-–](?=[ \t])")
# The archive's line, the list's last ("- Lưu: VT, …", "- Lưu VT").
_ARCHIVE = re.compile(r"^[ \t]*[-+•–][ \t]*L[ưu]u\b", re.IGNORECASE)
# A semicolon between two codes in capitals on the archive's line ("Lưu: VT; QHQT (2)"): the
# form (Nghị định 30/2020/NĐ-CP, Phụ lục I) parts the archive's units by commas, and OCR reads a
# comma's tail as a semicolon's dot.
_ARCHIVE_SEMICOLON = re.compile(r"(?<=[A-ZĐ])[ \t]*;[ \t]*(?=[A-ZĐ]{2})")
# The archive's label with its capital L read as a small letter with a stem ("bưu", "kưu") or
# its colon read as a semicolon ("Lưu;"), before a code in capitals: "Bưu" (a post office) is
# no unit's code's label, and is never followed by a colon and a code.
_ARCHIVE_LABEL = re.compile(r"(?<=[-+•–] )(?:[bk]ưu[:;]|Lưu;)(?=[ \t]*[A-ZĐ]{2})")
# A comma between two words with no blank after it, in a recipient's line.
_GLUED_COMMA = re.compile(r"(?<=[^\W\d_]),(?=[^\W\d_])")
# A count of copies closing the archive's line ("(2)", "(3b)", "(02)").
_COUNT_END = re.compile(r"\(\d{1,2}[a-zA-Z]?\)$")
# A count of copies whose opening bracket OCR lost, closing the archive's line ("QHĐP 3).").
_OPEN_COUNT = re.compile(r"(?<=[ \t])(\d{1,2}[a-zA-Z]?\))(?=[.;,]?[ \t]*(?:\n|$))")
# The authority marks that open the signature column ("T/M", "KT.", "TL.", "TUQ.").
_AUTHORITY_MARK = re.compile(r"T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.")
# A word of the recipient's before its closure.
_WORDLIKE = re.compile(r"[^\W\d_]{2}")
# A drafter's initials in small letters, which the Government Office writes after the count of
# copies ("- Lưu: VT, KTN (3) pvc").
_INITIALS = re.compile(r"[a-z]{2,4}")
_BRACKETED_INITIALS = re.compile(r"[.,;]*\([a-z]{2,5}\)[.,;]*")
# An abbreviation with a slash ("b/c", "p/h", "Đ/c"): one or a few letters each side.
_SLASHED = re.compile(r"[^\W\d_]{1,3}/[^\W\d_]{1,3}")
# The marks a word may carry at its ends in a recipient's line.
_EDGES = ".,;:!?\"'“”‘’()[]"
# Marks that end a line and are no debris ("…;", "… (2).", "… Đảng; :").
_LINE_END_MARKS = set(".,;: \t")
# The marks that close a line, right after a closure ("(2).", "(để b/c);").
_END_MARKS_LEAD = re.compile(r"[.;,]+(?=\s|$)")
# How far under "Nơi nhận" the recipients may run, in lines (the longest lists hold ~20 items,
# some wrapped over two lines, with the blank lines OCR puts between paragraphs).
_REACH = 80


def drop_recipient_debris(text: str) -> str:
    """The seal's and the signature's debris dropped from the recipients' lines of OCR's text
    (see the module's docstring): after a recipient's closure, between two recipients, and on
    the "Nơi nhận:" line."""
    if lexicon_path() is None:
        return text
    lines = text.split("\n")
    for start, line in enumerate(lines):
        found = _RECIPIENTS_LINE.match(line)
        if found is None:
            continue
        lines[start] = found.group(1) + _after_label(found.group(2))
        listed = False  # a bulleted recipient met: the lines from there on are the list's
        for index in range(start + 1, min(len(lines), start + 1 + _REACH)):
            current = lines[index]
            if not current.strip():
                continue
            if current.lstrip().startswith("====="):
                break  # a page's marker: what follows is the next page (an appendix)
            bulleted = bool(_BULLET.match(current))
            if not listed and not bulleted:
                continue  # the signature column's first lines, before the list
            listed = True
            if not bulleted and _no_word(current):
                lines[index] = ""  # debris on a line of its own among the recipients
                continue
            if bulleted:
                # "Lưu:" with its first letter or its colon misread ("- bưu: MTTQ", "- Lưu; VT")
                current = _ARCHIVE_LABEL.sub("Lưu:", current, count=1)
                # a comma glued to the next word ("VP,P.KT", "KGVX,TH")
                current = _GLUED_COMMA.sub(", ", current)
            if bulleted and _ARCHIVE.match(current):
                # the archive's units are parted by commas: a semicolon between two codes in
                # capitals is one OCR misread ("Lưu: VT; QHQT (2)") — not within brackets, where
                # some write the drafting units so ("Lưu (VP; KT&KĐCL)")
                bracket = current.find("(")
                head, tail = (
                    (current, "") if bracket < 0 else (current[:bracket], current[bracket:])
                )
                current = _ARCHIVE_SEMICOLON.sub(", ", head) + tail
            lines[index] = _AS_ADDRESSED.sub(
                _as_addressed, _column_beside(cut_debris(current)), count=1
            )
            if bulleted and _ARCHIVE.match(current):
                # the count of copies closing it, its opening bracket lost ("QHĐP 3)")
                lines[index] = _OPEN_COUNT.sub(r"(\1", lines[index], count=1)
                break  # the archive's line is the list's last
        break
    return "\n".join(lines)


# The recipient that sends a copy to those the letter is addressed to or named above ("Như kính
# gửi", "Như trên"): fixed words of the format after "Như", up to the recipient's end.
_AS_ADDRESSED = re.compile(
    r"^([ \t]*[-+•–][ \t]*Như[ \t]+)([^\W\d_]+(?:[ \t]+[^\W\d_]+)?)(?=[,;.]|[ \t]*$)"
)
_ADDRESSED_FORMS = ("kính gửi", "trên")


def _as_addressed(match: re.Match[str]) -> str:
    """ "Như" and a near miss of "kính gửi" or "trên" ("Như kinh gi,") made the format's words."""
    found = match.group(2)
    near = [form for form in _ADDRESSED_FORMS if found != form and _near_title(found, form)]
    return match.group(1) + near[0] if len(near) == 1 else match.group()


# A recipient's line that goes on below, with the signature column's words in capitals beside
# it behind the seal's marks ("- Các ban đảng, đảng uỷ ==ss„LONG BÌ THỨ" / "trực thuộc …;"):
# the recipient's last word in small letters, a token holding marks, capitals to the line's end.
_COLUMN_BESIDE = re.compile(
    r"^(?P<recipient>.*[^\W\d_])[ \t]+(?P<debris>[^\s]*?[^\w\s][^\s]*?)"
    r"(?P<column>[^\W\d_]{2,}(?:[ \t]+[^\W\d_]+)+)[ \t]*$"
)


def _column_beside(line: str) -> str:
    """The signature column's capitals put on a line of their own over the recipient's, and
    the seal's marks before them dropped, when a recipient's line in small letters that no
    closure ends holds them."""
    found = _COLUMN_BESIDE.match(line)
    if found is None or not found.group("recipient")[-1].islower():
        return line
    column = found.group("column")
    if not column.isupper() or _kind(found.group("debris") + column.split()[0]) != "junk":
        return line
    # above the recipient's line, not under it: the recipient goes on in the next line
    return column + "\n" + found.group("recipient")


def _after_label(rest: str) -> str:
    """What follows "Nơi nhận:" on its line, debris dropped: all of it when it holds no capital,
    else the marks before its first word."""
    if not rest.strip():
        return rest
    if not any(ch.isupper() for ch in rest):
        return ""
    while True:
        first = rest.split()[0]
        if any(ch.isalnum() for ch in first):
            return rest
        at = rest.index(first) + len(first)
        rest = rest[at:] if rest[at:].strip() else ""
        if not rest:
            return rest


def cut_debris(line: str) -> str:
    """``line`` (a recipient's) without the debris after its first closure that only debris
    follows; two words or more closing the line after the debris (a name, a title) are kept."""
    for closure in _CLOSURE.finditer(line):
        head = line[: closure.end()]
        if head.count("(") > head.count(")") or not _WORDLIKE.search(head):
            continue  # inside brackets ("Lưu (VP; KT&KĐCL)"), or before the recipient's words
        end = closure.end()
        tail = line[end:]
        if set(tail) <= _LINE_END_MARKS:
            return line
        tokens = tail.split()
        kinds = [_kind(token) for token in tokens]
        if _COUNT_END.search(line, 0, end):
            if _BRACKETED_INITIALS.fullmatch(tokens[0]) or (
                not tail[:1].strip() and _INITIALS.fullmatch(tokens[0])
            ):
                # the drafter's initials after the count ("KTN (3) pvc", "VT(1b),(hapt).")
                kinds[0] = "letter"
            elif tail[:1].strip() and kinds[0] != "letter":
                kinds[0] = "junk"  # glued to the count of copies ("(2).ND", "(3)vqr.4§")
        keep = len(tokens)
        while keep > 0 and kinds[keep - 1] == "word":
            keep -= 1
        if len(tokens) - keep < 2:
            # one word closing the line is no name or title: debris with the rest
            keep = len(tokens)
        debris = kinds[:keep]
        if "junk" not in debris or _two_words(debris):
            continue
        kept = tokens[keep:]
        marks = _END_MARKS_LEAD.match(tail)
        closing = marks.group() if marks else ""  # "(2)." keeps its full stop, "(để b/c);" its ";"
        if closure.group() in "-–":
            end, closing = closure.start(), ""
        # the words after the debris are the signature column's (a name, a title), which the
        # format writes in a column of its own: they go on a line of their own
        head = line[:end].rstrip() + closing
        return head + ("\n" + " ".join(kept) if kept else "")
    return line


def _kind(token: str) -> str:
    """Its kind: "word" (a syllable of the lexicon, an abbreviation in capitals), "letter" (a plain
    capital, as in "Bộ Y tế") or "junk" (anything no recipient's line writes)."""
    if token == "|" or set(token) <= _LINE_END_MARKS:
        return "letter"  # a bar parts a table's cells; a line's closing marks are no debris
    if _AUTHORITY_MARK.fullmatch(token):
        return "word"  # the signature column's authority mark is its words' ("| T/M BỘ CHÍNH TRỊ")
    core = token.strip(_EDGES)
    if len(core) == 1:
        return "letter" if "A" <= core <= "Z" else "junk"
    if (
        len(core) >= 2
        and core[0].isupper()
        and core[1].isupper()
        and re.sub(r"[&.-]", "", core).isalpha()
    ) or _SLASHED.fullmatch(core):
        return "word"  # "KTTH", "TTgCP", "UBND", "KT&KĐCL", "PCT.UBND", "VH-XH", "p/h"
    if len(core) < 2 or not core.isalpha():
        return "junk"
    return "word" if is_known_syllable(core) else "junk"


def _two_words(kinds: list[str]) -> bool:
    return any(a == b == "word" for a, b in itertools.pairwise(kinds))


def _no_word(line: str) -> bool:
    """Whether ``line`` holds no word and some junk (see :func:`_kind`): debris only."""
    kinds = [_kind(token) for token in line.split()]
    return "word" not in kinds and "junk" in kinds


# The signer's name under the title: two to four words, each a capital and small letters.
_NAME_LINE = re.compile(r"[^\W\d_][^\W\d_A-ZĐ]*(?: [^\W\d_][^\W\d_A-ZĐ]*){1,3}")
# The last lines of a text where the signature block stands (title, blank lines, name).
_FOOTER_LINES = 30


def mend_title_over_name(text: str, titles: Sequence[str]) -> str:
    """The signer's title on the line over the signer's name, where OCR gave a near miss of one
    of the format's titles (``titles``, in capitals) with no authority mark over it ("HÚ TƯỚNG"
    over "Phạm Minh Chính" → "THỦ TƯỚNG"): a line in capitals of at most five words, near one
    title only — one letter apart once the tone and vowel marks are set aside, two with them —
    and followed by a name. A title read right is left as read."""
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for at, index in enumerate(
        filled[-_FOOTER_LINES:-1], start=max(0, len(filled) - _FOOTER_LINES)
    ):
        line = lines[index].strip()
        letters = [ch for ch in line if ch.isalpha()]
        if not letters or not all(ch.isupper() for ch in letters) or len(line.split()) > 5:
            continue
        if not _NAME_LINE.fullmatch(lines[filled[at + 1]].strip()):
            continue
        if not all(word.isalpha() for word in line.split()):
            continue
        near = [title for title in titles if _near_title(line, title)]
        if len(near) == 1 and line not in titles:
            lines[index] = lines[index].replace(line, near[0])
    return "\n".join(lines)


def _bare(text: str) -> str:
    """Letters only, lower case, every mark off (đ kept apart from d)."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "\x00"))
    return "".join(ch for ch in decomposed if ch.isalpha() or ch == "\x00")


def _near_title(found: str, title: str) -> bool:
    return edit_distance(_bare(found), _bare(title), 1) <= 1 and (
        edit_distance(letters_only(found), letters_only(title), 2) <= 2
    )


# A mandate's letters glued to the office or body they stand before ("KTTRƯỞNG BAN"): OCR lost the
# slash or the full stop and the blank after it.
_GLUED_MANDATE = re.compile(r"(?<![^\W\d_])(KT|TM|TL)([^\W\d_]{2,})")
# A party document's header names the party (Hướng dẫn 36-HD/VPTW: "K/T", "T/M", "T/L"); a
# state one the nation (Nghị định 30/2020: "KT.", "TM.", "TL.").
_PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM"
_HEADER_CHARACTERS = 600


def split_glued_mandate(text: str, forms: Sequence[str]) -> str:
    """A mandate glued to what follows it ("KTTRƯỞNG BAN") split and written as the document's
    kind writes it — "K/T TRƯỞNG BAN" in a party document, "KT. TRƯỞNG BAN" in a state one —
    when the rest begins one of the signature block's forms (``forms``, in capitals: offices and
    bodies) word for word."""
    party = _PARTY_NAME in text[:_HEADER_CHARACTERS]

    def one(match: re.Match[str]) -> str:
        rest = match.group(2) + match.string[match.end() : match.end() + 40]
        if not match.group(2).isupper() or not any(rest.startswith(form) for form in forms):
            return match.group()
        mark = match.group(1)
        written = f"{mark[0]}/{mark[1]}" if party else f"{mark}."
        return f"{written} {match.group(2)}"

    return _GLUED_MANDATE.sub(one, text)
