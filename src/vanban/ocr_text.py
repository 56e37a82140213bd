"""Text from OCR made like every reader's text, and OCR's misreads mended by the format's grammar.

Tesseract reads a clean line well and a noisy one almost well: a speck becomes a full stop
("CỘNG HÒA XÃ HỘI CHỦ NGHĨA. VIỆT NAM"), the dot after a heading number a comma or a colon
("1, Mục đích", "II: TỔ CHỨC THỰC HIỆN", "7.. Xây dựng"), "IV" becomes "1V", "V/v" loses a letter,
"Số:" becomes "Sõ:". Each of these breaks the parser where it matters most (header, title,
sections), and each sits where the format (Nghị định 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW and
05-HD/VPTW) allows only a few fixed forms. So the repairs here are the format's own rules applied
to OCR's output, not a list of words:

* **fixed lines** — the national name, the motto and the party's name are compared letter by
  letter (accents kept, case and punctuation ignored) with a small edit distance, and replaced
  by their canonical form when they are a near miss;
* **numbering** — headings' and items' numbers that OCR misread ("1, Mục đích", "L MỤC ĐÍCH",
  "II. TỔ CHỨC THỰC HIỆN" after "II. NỘI DUNG", "1 Đổi mới", "Š." for 5), mended by the count
  the format keeps (:mod:`vanban.ocr_numbering`);
* **leads** — "V/v" and "Số:" at the start of a line, as OCR garbles them.

* **specks** after a line's last word ("… tư tưởng l : -");
* **wrapped items** — Tesseract keeps a paragraph's lines together, so a numbered or bulleted
  paragraph's line that reaches the page's edge is joined to the next even when that one opens
  with a capital ("… Nghị quyết" / "Đại hội XIII …");
* **flattened printouts** — a page whose first line already holds the number is a text that had
  no line breaks, put back on one line for :mod:`vanban.flat`;
* **tone marks** — the hook of hỏi misread, mended where one tone makes a word of the lexicon
  (:mod:`vanban.ocr_words`);
* **underscores and quotes** — underscores opening or closing a line ("___ Ngày …", "… HIỆN_."),
  marks before "Kính gửi", and a lone straight quote glued to a word ("Chủ tịch 'Hồ") are specks;
* **wrapped lines of any paragraph** — a line as wide as the page that ends no sentence goes on
  in the next line of its paragraph, whatever that starts with (a label such as "Kính gửi:"
  aside);
* **split words** — a comma or full stop that a speck put inside a two-syllable word ("tăng,
  cường", "chỉ. đạo") dropped (:func:`vanban.ocr_words.mend_split_words`);
* **numbers and lookalikes** — a space inside a number's body code closed ("7036/BGT VT-VP"),
  specks before an item's number dropped (":10."), the eth read for Đ, a euro sign for the c of
  "b/c" and a doubled colon made what they stand for.

* **signature block** — the body after an authority mark and the signer's title under it made
  the format's words where OCR gave a near miss ("T/M bu CHÍNH TRỊ", "PHO BÍ THƯ");
* **number lines and codes** — the header's number line never continued by the summary under
  it, a colon in a code ("454/UBND:NCTH"), a number cut at its hyphen at a line end, specks
  before the figures ("Số: .73", "số-104");
* **the footer** — the seal's debris after a recipient's closing ";" or count of copies, a
  near miss of a title over the signer's name, a mandate glued to its office
  (:mod:`vanban.ocr_footer`);
* **the unit "tỉnh"** read with another tone before a place the document names after "tỉnh"
  elsewhere; "(đế b/c)"; marks before "Nơi nhận"; "Ñ" for N.

Other words misread inside a sentence are left as read: guessing them would change what the
document says. None of this runs on text that did not come from OCR.
"""

from __future__ import annotations

import re
import unicodedata

from vanban.normalize import (
    _LIST_START,
    _is_heading,
    join_broken_lines,
    join_hard_breaks,
    normalize_text,
)
from vanban.ocr_distance import edit_distance, letters_only
from vanban.ocr_footer import (
    drop_recipient_debris,
    mend_title_over_name,
    split_glued_mandate,
)
from vanban.ocr_numbering import (
    mend_congress_numerals,
    mend_item_numbers,
    mend_misread_numerals,
    mend_number_delimiters,
    number_sections_in_order,
    renumber_sections,
)
from vanban.ocr_places import mend_province_names
from vanban.ocr_words import is_known_syllable, mend_split_words, mend_tones
from vanban.patterns import CAPITALS, FORMAT_SIGNER_TITLES

# Slashes OCR gives for the "/" of a number or a date ("743⁄QĐ-TTg"): fraction and division slash.
_SLASHES = str.maketrans({"\u2044": "/", "\u2215": "/"})
# A word hyphenated at a line end ("toàn-\ndiện").
_HYPHEN_END = re.compile(r"(?<=[a-zà-ỹđ])-\n(?=[a-zà-ỹđ])")
# A document number cut at its hyphen at a line end ("Kết luận số 75-" / "KL/TW, …"): the body's
# code after the figures and the hyphen goes on to its slash.
_NUMBER_HYPHEN_END = re.compile(r"(?<=\d)-[ \t]*\n(?=[A-ZĐ][\wĐ&.]*/)")
# A dash bullet read as a tilde or a long dash at the start of a line ("~ Chi bộ trực thuộc"),
# or with specks around it ("~TT. HĐND", ":- UBMTTQVN", "~' Thủ tướng", "_ hiện Nghị quyết"),
# an equals sign or a dot among them, a blank between them ("- =Lưu", ".~ Các", "_ -Các", "- =
# Website", "= Như trên", "-.~ Các": the dash's two ends read apart, or a speck beside it).
_DASH_MARKS = re.compile(
    r"^([~—_:;'‘’`\"=.-](?:[ \t]*[~—_:;'‘’`\"=.-]){0,2})[ \t]*(?=[^\W\d_])",
    re.MULTILINE,
)
# Underscores opening a line ("___ Ngày 23/11/2018", "_ Kính gửi:", "_3. Ủy ban"): specks on the
# baseline, not a bullet — OCR reads a dash bullet as "~" or "—", and a run of underscores with
# nothing else in it stood before lines that have no bullet.
_UNDERSCORE_LEAD = re.compile(r"^_+[ \t]*(?=[^\W_])", re.MULTILINE)
# Specks before an item's number at the start of a line (":10. Chú trọng", "'3. Tuyên truyền").
_NUMBER_SPECKS = re.compile(r"^[:;,'`_]{1,2}[ \t]*(?=\d{1,2}[.)][ \t])", re.MULTILINE)
# "V/v" as OCR may give it at the start of the summary line: "-V/ chương trình", "V/V.", "Vlv".
# ("V/%", the v read as a percent sign; "VW", the slash and the v read as one W)
_VV_LEAD = re.compile(
    r"^[-–—.~]?[ \t]*V(?:[ \t]?[/lI|][ \t]?[vV%]?|W)[.,:]?[ \t]+(?=[^\W\d_])", re.M
)
# "Số:" before the number, misread: "Sõ: 367", "S6: 12", "Sô 45" (after a space or a mark: "***Sõ:"),
# or with a speck before the figures ("Số: .73/UBND-TH").
_NUMBER_LEAD = re.compile(
    r"(?<![^\W\d_])S[ốõôóòỏọổỗộơ6][ \t]*[:.;]?[ \t]*(?:[.,'`:;_~][ \t]*)?(?=\d)"
)


# A speck read as a dash between "số" and the number it leads ("Chương trình hành động số-104-CTr/TU"):
# a number is cited as "số 104-CTr/TU", and its own dash comes after the figures.
_CITED_NUMBER_SPECK = re.compile(r"(?<![^\W\d_])([Ss]ố)[-~_](?=\d)")
# A recipient's purpose in brackets ("- Thường trực Tỉnh ủy (để b/c);", "(để biết)", "(để thực
# hiện)") with the hook of "để" read as an acute, a tilde or a grave: "đế", "đễ", "đề" open no
# such bracket.
_PURPOSE_LEAD = re.compile(
    r"(?<=\()([đĐ])[ếễề](?= (?:b/[cC]|biết|báo cáo|t/h|thực hiện|phối hợp|chỉ đạo))"
)
# "Kính gửi" and "Nơi nhận" open their lines in the format: marks before them are specks ("- Kính
# gửi:", "~ Kính gửi", "- Nơi nhận:").
_ADDRESS_LEAD = re.compile(r"^[^\w\n]*[ \t]*(?=Kính gửi|Nơi nhận)", re.M)
# A straight single quote or backtick glued to the front of a word, with no other in its line
# ("Chủ tịch 'Hồ Chí Minh", "'TP.Thuận An"): Vietnamese text quotes with “ ” or ‘ ’, and an
# apostrophe never opens a word of it, so a lone one is a speck.
_STRAY_QUOTE = re.compile(r"(?:^|(?<=[ \t]))['`](?=[^\W\d_])", re.M)
# An underscore glued to a line's last word ("TỔ CHỨC THỰC HIỆN_."): a speck on the baseline.
_GLUED_UNDERSCORE = re.compile(r"(?<=[^\W\d_])_+(?=[.:;,]?[ \t]*$)", re.M)
# Characters OCR gives for Vietnamese ones: the Icelandic eth for Đ (often beside the Đ it
# doubles: "QĐÐ/UBKTTW", "ÐĐU"), an N with a speck read as its tilde ("Ñghị quyết", "UBÑD": no
# Vietnamese letter is an n with a tilde), a euro sign for the c of an abbreviation ("(b/€)"), a doubled
# colon ("Lưu::VT").
_ETH_DOUBLE = re.compile("ĐÐ|ÐĐ|đð|ðđ|NÑ|ÑN|nñ|ñn")
_ETH = str.maketrans({"Ð": "Đ", "ð": "đ", "Ñ": "N", "ñ": "n"})
_EURO_LETTER = re.compile(r"(?<=[^\W\d_]/)€(?![^\W\d_])")
_DOUBLE_COLON = re.compile(r"(?<=[^\W\d_])::(?!:)")
# A space OCR put inside the issuing body's code of a document number ("7036/BGT VT-VP",
# "8224/V PUBND-TH"): the code after the slash is written in one piece up to its hyphen.
_SPLIT_CODE = re.compile(r"(?<=\d/)([A-ZĐ]+) (?=[A-ZĐ]+-[A-ZĐ])")
# A number's code cut after its figures' hyphen by a speck read as a blank ("Chỉ thị số 24- CT/HU"):
# the figures and the code of its kind are one token, "24-CT/HU".
_CODE_AFTER_HYPHEN = re.compile(r"(?<=\d)- (?=[A-ZĐ]{1,8}/[A-ZĐ])")
# ... or before the hyphen of its issuing body ("số 03/CT -UBND" for "03/CT-UBND").
_CODE_BEFORE_HYPHEN = re.compile(r"(\d/[A-ZĐ]{1,8}) -(?=[A-ZĐ]{2,}(?![^\W\d_]))")
# A speck read as a full stop or a comma glued to a line's first word, a capital
# (".Thực hiện Chỉ thị …"): no line of the format opens with a mark glued to a word.
_MARK_BEFORE_LINE = re.compile(rf"^[.,'`]+(?=[{CAPITALS}][^\W\d_])", re.MULTILINE)
# A number or a date put by the page's edge on the next line after the word that asks for it
# ("Quy định số" / "339-QĐ/TW", "Kế hoạch số 134-KH/TU ngày" / "-.29/12/2023"): "số" is followed
# by a number's code, "ngày" by a date, and a line opening with a figure is otherwise left apart
# (an item's "3." or a figure that opens a sentence), so these two are joined, specks before
# the figures dropped.
_NUMBER_ON_NEXT_LINE = re.compile(
    r"(?:(?<=(?<![^\W\d_])[Ss]ố)|(?<=(?<![^\W\d_])SỐ))[ \t]*\n(?:[ \t]*\n)?[-.~_,'` \t]{0,3}"
    r"(?=\d{1,5}(?:/\d{4})?[-/][A-ZĐ])"
    r"|(?<=(?<![^\W\d_])ngày)[ \t]*\n(?:[ \t]*\n)?[-.~_,'` \t]{0,3}(?=\d{1,2}/\d{1,2}/\d{4}(?!\d))"
)
# A line ending in a word that takes what follows it — a preposition or a plural's article
# ("… ngày 23/7/2025 của" / "" / "Ban Bí thư …") — ends no paragraph: OCR set its rest apart
# (a short line of a copy, a blank line read between two lines). Joined to the next line when
# that opens with a word, not a bullet, an item's number or a section's numeral.
# ("về", "theo", "cho" can close a phrase as verbs: "từ ngoài nước về", "kèm theo").
_TAKES_WHAT_FOLLOWS = ("của", "và", "tại", "các", "những")
_OPEN_PHRASE_END = re.compile(
    "(?:"
    + "|".join(rf"(?<=(?<![^\W\d_]){word})" for word in _TAKES_WHAT_FOLLOWS)
    + r")[ \t]*\n(?:[ \t]*\n)?[ \t]*(?=[^\W\d_])(?![IVXL]{1,4}[.\-–:)])"
)
# A colon or a semicolon read for the hyphen inside a number's code ("454/UBND:NCTH"): the code
# joins the issuing body and its unit with a hyphen, and no mark of a sentence stands between
# two capitals glued to it.
_CODE_COLON = re.compile(r"(?<=\d/)([A-ZĐ]{2,})[:;](?=[A-ZĐ]{2,}(?![^\W\d_]))")
# The fixed lines of a header, canonical: the national name and motto (state documents), the
# party's name (party documents).
FIXED_LINES = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
)
# Only the header carries them: the first lines of each page are enough.
_HEADER_LINES = 14


def normalize_ocr_text(raw: str) -> str:
    """Text from OCR made like every reader's text: NFC, page feeds → blank lines, OCR's
    misreads of the format's fixed parts mended, words hyphenated at a line end rejoined,
    specks dropped, paragraphs cut by a column or page break and lines wrapped inside a
    paragraph joined, misread tone marks and provinces' names mended, then
    :func:`vanban.normalize_text`."""
    text = unicodedata.normalize("NFC", raw).replace("\f", "\n").translate(_SLASHES)
    # the page's width, on its lines as read (before a number or a word cut at a line's end is
    # joined to the next line, which makes a line no page holds)
    page = _page_width(drop_trailing_specks(text))
    text = _ETH_DOUBLE.sub(lambda m: m.group()[0].translate(_ETH), text).translate(_ETH)
    text = _DOUBLE_COLON.sub(":", _EURO_LETTER.sub("c", text))
    text = _TILDE_BETWEEN_FIGURES.sub(" – ", text)
    text = _DOT_BEFORE_FIGURES.sub("", text)
    text = _HYPHEN_END.sub("", text)
    text = _NUMBER_HYPHEN_END.sub("-", text)
    text = _UNDERSCORE_LEAD.sub("", text)
    text = _NUMBER_SPECKS.sub("", text)
    text = number_sections_in_order(text)
    text = _DASH_MARKS.sub(_dash_marks, text)
    text = mend_misread_numerals(text)
    text = mend_number_delimiters(text)
    text = _VV_LEAD.sub("V/v ", text)
    text = _NUMBER_LEAD.sub("Số: ", text)
    text = _CITED_NUMBER_SPECK.sub(r"\1 ", text)
    text = mend_congress_numerals(text)
    text = _PURPOSE_LEAD.sub(r"\1ể", text)
    text = _ADDRESS_LEAD.sub("", text)
    text = _SPLIT_CODE.sub(r"\1", text)
    text = _CODE_AFTER_HYPHEN.sub("-", text)
    text = _CODE_BEFORE_HYPHEN.sub(r"\1-", text)
    text = _MARK_BEFORE_LINE.sub("", text)
    text = _CODE_COLON.sub(r"\1-", text)
    text = _DIGIT_LOOKALIKES.sub(_digit_lookalike, text)
    text = _PORTAL_MISREAD.sub(_portal, text)
    text = _GLUED_UNDERSCORE.sub("", text)
    text = "\n".join(_drop_stray_quote(line) for line in text.split("\n"))
    text = mend_fixed_lines(text)
    text = split_glued_mandate(text, [form for form, _letters, _size in _SIGNING_WORDS])
    text = mend_title_over_name(mend_signature_lines(text), FORMAT_SIGNER_TITLES)
    text = renumber_sections(text)
    text = mend_item_numbers(text)
    text = drop_trailing_specks(text)
    text = drop_recipient_debris(text)
    text = rejoin_flattened(text)
    text = _join_wrapped(text, page)
    text = join_hard_breaks(join_broken_lines(text))
    text = _OPEN_PHRASE_END.sub(" ", _NUMBER_ON_NEXT_LINE.sub(" ", text))
    text = mend_unit_before_place(mend_tones(mend_split_words(drop_glued_dots(text))))
    return normalize_text(mend_province_names(text))


# An en dash between two figures, as Tesseract reads it: a tilde ("2020 ~ 2025"; a hyphen it
# reads as a hyphen).
_TILDE_BETWEEN_FIGURES = re.compile(r"(?<=\d) ~ (?=\d)")


# A speck read as a full stop glued before a number after a word and a blank ("nghị quyết .57?"):
# a number is written with its figures first (a decimal's comma or a phone number's dots come after
# figures), so the dot is dropped unless more figures follow it.
_DOT_BEFORE_FIGURES = re.compile(r"(?<=[^\W\d_] )\.(?=\d+(?![\d.,/]))")


# A letter Tesseract reads for a figure beside other figures: "l8" for 18, "2O24" for 2024
# ("ngày l8 tháng 9" hides a cited document's date). A letter inside a word stays.
_DIGIT_LOOKALIKES = re.compile(r"(?<![^\W\d_])[lI](?=\d)|(?<=\d)[lI](?![^\W\d_])|(?<=\d)[Oo](?=\d)")
_LOOKALIKE_DIGIT = {"l": "1", "I": "1", "O": "0", "o": "0"}


# A full stop between two words with no blank on either side, a small letter after it.
_GLUED_DOT = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,})\.(?=([a-zà-ỹđ][^\W\d_]+)(?![^\W\d_]|\.\w))")


def drop_glued_dots(text: str) -> str:
    """A speck read as a full stop between two syllables, the blank between them lost ("tố.chức",
    "mạnh mẽ.công tác"), made the blank: both are syllables of the language (underthesea's
    lexicon), of two letters or more, and one of them carries a mark — a web address or a file's
    name glues plain letters ("chinhphu.vn", "index.html"), and a sentence's full stop has a blank
    after it. Without the lexicon nothing changes."""

    def one(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        if (first + second).isascii():
            return match.group()
        if not (is_known_syllable(first) and is_known_syllable(second)):
            return match.group()
        return first + " "

    return _GLUED_DOT.sub(one, text)


def _digit_lookalike(match: re.Match[str]) -> str:
    return _LOOKALIKE_DIGIT[match.group()]


def _drop_stray_quote(line: str) -> str:
    """A straight quote or backtick before a word dropped when it is the only one of its line
    (a pair is a quotation, left as written)."""
    if line.count("'") + line.count("`") != 1:
        return line
    return _STRAY_QUOTE.sub("", line)


def _dash_marks(match: re.Match[str]) -> str:
    """A bullet's dash before a capital ("- TT. HĐND"); before a small letter the marks are a
    speck at the start of a wrapped line, dropped so that the line joins its paragraph. A lone
    "-" is left as written, and marks without a dash (an opening quote) are no bullet."""
    marks = match.group(1)
    if marks == "-" or not any(ch in "~—_=-" for ch in marks):
        return match.group()
    if "." in marks and not any(ch in "~—=-" for ch in marks):
        return match.group()  # "._ Đài", "_. Đại hội": specks, no dash among them
    after = match.string[match.end() : match.end() + 1]
    if after.isupper():
        return "- "
    # an equals sign or a dot among the marks before a small letter: a rule's debris ("—=e-= |"
    # under the header), not a speck before a wrapped line's rest
    return match.group() if any(ch in "=." for ch in marks) else ""


_FIXED = tuple((line, letters_only(line), len(line.split())) for line in FIXED_LINES)


def mend_fixed_lines(text: str) -> str:
    """The header's national name, motto and party name in their canonical form where OCR gave
    a near miss of them: within two letters' edit distance (three for the long national name),
    case and punctuation aside. A line may hold two columns ("ỦY BAN NHÂN DÂN CỘNG HÒA …"):
    the fixed line is looked for as a run of words anywhere in it."""
    lines = text.split("\n")
    seen = 0
    for index, line in enumerate(lines):
        if seen >= _HEADER_LINES:
            # a new page starts again after a form feed (a blank run), but the header is only on
            # the first: stop at the first lines of text
            break
        if not line.strip():
            continue
        seen += 1
        lines[index] = _UNIT_MISREAD.sub("TỈNH", _mend_line(line))
    return "\n".join(lines)


# "TỈNH" of a header's body read with another tone ("ỦY BAN NHÂN DÂN" / "TÍNH HẬU GIANG"): in the
# header a body's line names its unit, and no other word spelt so stands before a place's name
# in capitals. Only the tones OCR reads for the hook (sắc, ngã) and a speck's dot below: "TÌNH
# HÌNH" heads a party resolution's first section.
_UNIT_MISREAD = re.compile(rf"(?<!\S)T[ÍĨỊ]NH(?=[ \t]+[{CAPITALS}]{{2}})")


# "Cổng" of a state portal's name read with the acute for its hook ("Cống TTĐT", "Cống Dịch vụ
# công quốc gia", "trang/cống thông tin"): the portals are named by law (Nghị định 42/2022/NĐ-CP
# "Cổng thông tin điện tử", Nghị định 61/2018/NĐ-CP "Cổng Dịch vụ công"), and "cống" (a culvert)
# never stands before these words.
_PORTAL_MISREAD = re.compile(
    r"(?<![^\W\d_])([Cc])ống(?=[ \t]+(?:[Tt]hông[ \t]+tin|THÔNG[ \t]+TIN|TTĐT|[Dd]ịch[ \t]+vụ"
    r"[ \t]+công|DỊCH[ \t]+VỤ))|(?<![^\W\d_])CỐNG(?=[ \t]+(?:THÔNG[ \t]+TIN|TTĐT|DỊCH[ \t]+VỤ))"
)


def _portal(match: re.Match[str]) -> str:
    return "CỔNG" if match.group(1) is None else match.group(1) + "ổng"


def _mend_line(line: str) -> str:
    words = line.split()
    for canonical, letters, size in _FIXED:
        limit = 3 if len(letters) > 24 else 2
        # the fixed line may have gained or lost a word boundary: try a word more and a word less
        windows = [
            words[start : start + width]
            for width in (size, size - 1, size + 1)
            for start in range(0, len(words) - width + 1)
        ]
        for window in windows:
            if letters_only(" ".join(window)) == letters:
                # every letter right: only a speck to drop, unless the case is not the fixed
                # line's ("Điều lệ Đảng Cộng sản Việt Nam;" names the party in a sentence)
                if _same_but_case(" ".join(window), canonical) or not _same_case(window, canonical):
                    return line
                return _replace_words(line, window, canonical)
        best = min(
            windows,
            key=lambda w: edit_distance(letters_only(" ".join(w)), letters, limit),
            default=None,
        )
        if (
            best is not None
            and edit_distance(letters_only(" ".join(best)), letters, limit) <= limit
        ):
            return _replace_words(line, best, canonical)
    return line


def _same_case(window: list[str], canonical: str) -> bool:
    """Whether the letters of ``window`` are in the case of ``canonical``'s, letter by letter."""
    found = [ch.isupper() for ch in " ".join(window) if ch.isalpha()]
    return found == [ch.isupper() for ch in canonical if ch.isalpha()]


def _same_but_case(found: str, canonical: str) -> bool:
    """Whether only case and dash forms differ (the motto is written "Độc Lập - Tự Do - …")."""
    fold = str.maketrans({"–": "-", "—": "-"})
    return " ".join(found.translate(fold).split()).casefold() == canonical.casefold()


def _replace_words(line: str, window: list[str], canonical: str) -> str:
    """``line`` with the run of words ``window`` replaced by ``canonical``, spacing kept."""
    pattern = r"[ \t]+".join(re.escape(word) for word in window)
    return re.sub(pattern, lambda _m: canonical, line, count=1)


# "tỉnh" read with another tone before a place's name of two words or more, in capitals or not
# ("THUỘC TÍNH SƠN LA", "tính Hậu Giang").
_UNIT_BEFORE_PLACE = re.compile(
    r"(?<![^\W\d_])(T[ÍĨỊ]NH|[Tt][íĩị]nh)[ \t]+([^\W\d_]+[ \t]+[^\W\d_]+)"
)


def mend_unit_before_place(text: str) -> str:
    """The unit "tỉnh" (province) before a place's name, where OCR gave it another tone, when
    the document itself writes "tỉnh" before the same name elsewhere ("… thuộc tỉnh Sơn La" in
    the body of "… THUỘC TÍNH SƠN LA") and never the word as read before it. The name must be
    written with capitals (two words, each opening with one). "tính Đảng" (a party's spirit)
    stays: no province is named so."""
    folded = text.casefold()

    def one(match: re.Match[str]) -> str:
        name = match.group(2)
        if not all(word[:1].isupper() for word in name.split()):
            return match.group()
        place = " ".join(name.split()).casefold()
        right = len(re.findall(rf"(?<!\w)tỉnh {re.escape(place)}(?!\w)", folded))
        read = len(
            re.findall(
                rf"(?<!\w){re.escape(match.group(1).casefold())} {re.escape(place)}(?!\w)", folded
            )
        )
        if right == 0 or read > 1:
            return match.group()
        unit = "TỈNH" if match.group(1).isupper() else match.group(1)[0] + "ỉnh"
        return f"{unit} {name}"

    return _UNIT_BEFORE_PLACE.sub(one, text)


# The signature block's fixed words (Nghị định 30/2020 Điều 12, Hướng dẫn 36-HD/VPTW): the bodies
# a signer signs for after "T/M" ("thay mặt") and the offices after "KT." ("ký thay"), "TL."
# ("thừa lệnh"), "TUQ." ("thừa ủy quyền"), and the signer's own title on the line under them.
_SIGNING_BODIES = (
    "BỘ CHÍNH TRỊ",
    "BAN BÍ THƯ",
    "BAN CHẤP HÀNH TRUNG ƯƠNG",
    "BAN CHẤP HÀNH",
    "BAN THƯỜNG VỤ",
    "BAN CÁN SỰ ĐẢNG",
    "ĐẢNG ĐOÀN",
    "ĐẢNG ỦY",
    "CHI ỦY",
    "CHI BỘ",
    "ỦY BAN NHÂN DÂN",
    "HỘI ĐỒNG NHÂN DÂN",
    "ỦY BAN KIỂM TRA",
    "CHÍNH PHỦ",
)
_SIGNING_WORDS = tuple(
    (form, letters_only(form), len(form.split())) for form in _SIGNING_BODIES + FORMAT_SIGNER_TITLES
)
# An authority mark, at a line's start (maybe behind specks: "**T/M") or after the left column's
# last recipient ("- Lưu VT. | T/M BỘ …").
_AUTHORITY = re.compile(r"(?<![\w/])(?:T/M|TM\.|KT\.|TL\.|TUQ\.)[ \t]+(?=\S)")


def mend_signature_lines(text: str) -> str:
    """The words of the signature block where OCR gave a near miss of them: after an authority
    mark ("T/M bu CHÍNH TRỊ" → "T/M BỘ CHÍNH TRỊ") and on the two lines under it, the signer's
    title ("PHO BÍ THƯ" → "PHÓ BÍ THƯ", "TỐNG BÍ THƯ" → "TỔNG BÍ THƯ"). The words are compared
    letter by letter (accents kept, case and punctuation not) with the format's bodies and titles,
    within one letter (two for a long one); a form read right, or two forms as near, leave the
    line as read."""
    lines = text.split("\n")
    under = 0  # lines of text still to look at under an authority mark
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        mark = _AUTHORITY.search(line)
        if mark is not None:
            lines[index] = line[: mark.end()] + _mend_signing_words(line[mark.end() :])
            under = 2
        elif under:
            under -= 1
            if line.upper() == line:
                lines[index] = _mend_signing_words(line)
    return "\n".join(lines)


def _mend_signing_words(part: str) -> str:
    """``part`` with its first words made the nearest body or title of the signature block."""
    words = part.split()
    best: list[tuple[int, str, list[str]]] = []
    for form, letters, size in _SIGNING_WORDS:
        window = words[:size]
        if len(window) < size:
            continue
        limit = 2 if len(letters) > 10 else 1
        distance = edit_distance(letters_only(" ".join(window)), letters, limit)
        if distance == 0:
            return part
        if distance <= limit:
            best.append((distance, form, window))
    if not best:
        return part
    # as near, a form that goes on where another stops is the one read ("BAN CHẮÁP HÀNH TRUNG
    # ƯƠNG": "BAN CHẤP HÀNH TRUNG ƯƠNG", not "BAN CHẤP HÀNH"); two others leave it as read
    best.sort(key=lambda found: (found[0], -len(found[1])))
    if (
        len(best) > 1
        and best[1][0] == best[0][0]
        and not all(best[0][1].startswith(other[1]) for other in best[1:] if other[0] == best[0][0])
    ):
        return part
    _nearest, form, window = best[0]
    return _replace_words(part, window, form)


# A line that ends a sentence or a clause the format ends lines with ("như sau:", "…;", "./.").
_LINE_END = re.compile(r"[.:;!?…]\W*$")
# Body lines are long: a header column or a signature line is far shorter than a page's width.
_FULL_LINE = 50
_FULL_SHARE = 0.75
_PAGE_SHARE = 0.9
_TOP_LINES = 5  # a headline stands among the first lines of a page
# A label opening its own line: a word or three and a colon ("Kính gửi:", "Nơi nhận:", "Nội dung:").
_LABEL_LEAD = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+){0,2}:")
# A dash before a small letter at the start of a line: a bullet, or a speck before a
# paragraph's rest.
_SPECK_DASH = re.compile(r"^[-–][ \t]*(?=[a-zà-ỹđ])")


def _page_width(text: str) -> int:
    """The width of a page's text: its widest line, in characters."""
    return max((len(line.strip()) for line in text.split("\n")), default=0)


def join_wrapped_lines(text: str, page: int | None = None) -> str:
    """Lines that Tesseract put in one numbered or bulleted paragraph (an item, a task) joined
    where the first was wrapped at the page's edge: it is nearly as long as the paragraph's
    longest line (and a body line's length), ends no sentence, and neither it nor the next is a
    heading in capitals or the next a list label. Tesseract separates its paragraphs by a blank
    line (see :func:`vanban.ocr.tsv_to_text`), so a wrapped line is known by the lines around it
    — which the parser cannot know for a line that starts with a capital ("… Nghị quyết" / "Đại
    hội XIII …"), and :func:`vanban.normalize.join_broken_lines` therefore leaves alone. Other
    paragraphs are joined only where the line is as wide as the page (``page``: its widest line,
    by default the text's) — a body line, not a title or a headline, which are followed in the
    same paragraph by a line of their own ("Kính gửi:", "Ngày cập nhật") — and never before a
    label ("Kính gửi:"). Widths are those of the lines as read, not of lines already joined."""
    return _join_wrapped(text, _page_width(text) if page is None else page, across=False)


def join_across_blank(text: str, page: int | None = None) -> str:
    """A line as wide as the page (``page``: its widest line, by default the text's) that ends
    in a word, and the line after the blank line that Tesseract put under it, joined when that
    one starts with a capital and is no heading, list label or label ("… Đại hội XIII của" / "" /
    "Đảng"): Tesseract took the rest of a wrapped line, or a paragraph's part on the next page,
    for a paragraph of its own. (A small letter after a blank line is joined by
    :func:`vanban.normalize.join_broken_lines` already; a line ending in a comma or another mark
    ends a paragraph of its own — "Căn cứ …," in a preamble.) At the top of the text, a line
    alone in its paragraph followed by a line as wide as the page is a headline over its body,
    and is left as read."""
    return _join_wrapped(text, _page_width(text) if page is None else page, within=False)


def _join_wrapped(text: str, page: int, *, within: bool = True, across: bool = True) -> str:
    """:func:`join_wrapped_lines` (``within``) and :func:`join_across_blank` (``across``) in one
    pass, each line measured as read."""
    lines = text.split("\n")
    block_of: list[int] = []  # the paragraph (run of lines between blank lines) of each line
    blocks: list[list[str]] = []
    for index, line in enumerate(lines):
        if line.strip() and (index == 0 or not lines[index - 1].strip() or not blocks):
            blocks.append([])
        if line.strip():
            blocks[-1].append(line.strip())
        block_of.append(len(blocks) - 1)
    out: list[tuple[list[str], int]] = []  # the pieces of each line out, and its last line read
    seen = 0  # lines of text before this one
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            out.append(([line], index))
            continue
        last = len(out) - 1
        while last >= 0 and not out[last][0][-1].strip():
            last -= 1
        if last >= 0 and _continues(
            lines, blocks, block_of, out[last], index, page, within, across, seen
        ):
            del out[last + 1 :]
            out[last][0].append(_SPECK_DASH.sub("", stripped))
            out[last] = (out[last][0], index)
        else:
            out.append(([line], index))
        seen += 1
    return "\n".join(
        pieces[0] if len(pieces) == 1 else " ".join([pieces[0].rstrip(), *pieces[1:]])
        for pieces, _last in out
    )


def _continues(
    lines: list[str],
    blocks: list[list[str]],
    block_of: list[int],
    previous: tuple[list[str], int],
    index: int,
    page: int,
    within: bool,
    across: bool,
    seen: int,
) -> bool:
    """Whether line ``index`` goes on the line out ``previous`` (its pieces, its last line)."""
    prev = previous[0][-1].strip()  # the last line as read, not what it was joined to
    stripped = lines[index].strip()
    if (
        across
        and previous[1] != index - 1
        and _SPECK_DASH.match(stripped)
        and prev[-1:].isalpha()
        and len(prev) >= max(_FULL_LINE, _PAGE_SHARE * page)
    ):
        # a page-wide line that ends in a word, and after the blank line a dash before a small
        # letter: a speck before the paragraph's rest, not a bullet (a list is opened by a colon)
        return True
    if (
        _LINE_END.search(prev)
        or _is_heading(prev)
        or _is_heading(stripped)
        or _LIST_START.match(stripped)
        or _LABEL_LEAD.match(stripped)
    ):
        return False
    block = blocks[block_of[index]]
    if previous[1] == index - 1:  # the same paragraph
        if not within:
            return False
        if _LIST_START.match(block[0]):
            longest = max(len(line) for line in block)
        else:
            # any other paragraph: only a line as wide as the page's text was wrapped
            longest = round(_PAGE_SHARE * page / _FULL_SHARE)
        return len(prev) >= max(_FULL_LINE, _FULL_SHARE * longest)
    if not across or not stripped[:1].isupper() or not prev[-1:].isalnum():
        return False
    if len(prev) < max(_FULL_LINE, _PAGE_SHARE * page):
        return False
    headline = (
        len(previous[0]) == 1
        and len(blocks[block_of[previous[1]]]) == 1
        and len(stripped) >= _PAGE_SHARE * page
        and seen <= _TOP_LINES
    )
    return not headline


# What a speck in the margin after a line's last word is read as: one to three marks, or one
# letter; a run of them at the end of a line ("… tư tưởng l : -", "… cơ quan. ï", "… quốc tế ệ",
# "… Tuyên Quang _": an underscore is a word character to a regular expression, not to a reader).
_TRAILING_SPECKS = re.compile(r"(?<=\S)((?:[ \t]+(?:(?:[^\w\s/]|_){1,3}|[^\W\d_]))+)[ \t]*$", re.M)


def drop_trailing_specks(text: str) -> str:
    """Specks after the last word of a line dropped. A lone letter is a speck only when it has
    a mark and is no syllable of the lexicon ("ệ", "ï", but not the "ý" of "đồng ý") — a plain
    one may be a clause's letter ("tại điểm a") — unless marks come with it; a slash is never one
    ("./."). After a line in capitals (a heading) a small letter is a speck too ("… VÀ TẦM
    NHÌN l")."""

    def one(match: re.Match[str]) -> str:
        tokens = match.group(1).split()
        if any(not t.isalpha() for t in tokens):
            return ""
        if any(not t.isascii() and not is_known_syllable(t) for t in tokens):
            return ""
        if any(t.islower() for t in tokens) and _in_capitals(match.string, match.start()):
            # a small letter after a line in capitals is no clause's letter
            return ""
        return match.group()

    return _TRAILING_SPECKS.sub(one, text)


def _in_capitals(text: str, end: int) -> bool:
    """Whether the line of ``text`` up to ``end`` is words in capitals, two or more."""
    line = text[text.rfind("\n", 0, end) + 1 : end]
    letters = [ch for ch in line if ch.isalpha()]
    return len(line.split()) >= 2 and len(letters) >= 6 and all(ch.isupper() for ch in letters)


# The number lead and the type words in capitals, as a header holds them.
_NUMBER_PART = re.compile(r"Số\s*:?\s*\d")
_TYPE_PART = re.compile(
    r"QUYẾT ĐỊNH|KẾ HOẠCH|THÔNG BÁO|NGHỊ QUYẾT|CHỈ THỊ|KẾT LUẬN|HƯỚNG DẪN|BÁO CÁO|CHƯƠNG TRÌNH"
)
_HEADER_REACH = 400


def rejoin_flattened(text: str) -> str:
    """A printout of a text that had no line breaks (a document copied from a web page as one
    line) put back on one line, for :mod:`vanban.flat` to reflow. Such a page is known by its
    first line: a real document opens with the body's name and the motto, and its number comes
    lines later, under the name; a flattened one opens with a line as wide as the page that
    already holds the number ("… TRUNG ƯƠNG***Số: 367 - QĐ/…"), with a type word close after.
    Everything else is left as read."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 2 or len(lines[0]) < _FULL_LINE or not _NUMBER_PART.search(lines[0]):
        return text
    if not _TYPE_PART.search(" ".join(lines)[:_HEADER_REACH]):
        return text
    return " ".join(lines)
