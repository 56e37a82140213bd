"""The regular expressions of the parser, one named constant per pattern.

Each constant says what it matches, with an example of text it matches. Unless a comment says
otherwise, a pattern is written for the *folded* text (:func:`vanban.normalize.fold_aligned`:
lower case, no diacritics, "đ" -> "d", same offsets as the original), so "NƠI NHẬN" is found by
``noi[ \\t]+nhan``; a pattern compiled with :func:`vanban.normalize.vi_regex` is written in that
folded form too but matches the original text whatever its case and diacritics.

Line patterns (``*_LINES``) come in pairs: the first is tried at the start of the text, the
second finds the other lines after their "\\n". A literal first character lets the regex engine
skip to candidate lines at C speed; see :func:`vanban.lines.line_matches`.

Several patterns are written in a roundabout form for speed (alternatives grouped by their first
letter, possessive quantifiers, look-aheads that turn most lines down at once); the comment of
each gives the plain pattern it matches the same text as.
"""

from __future__ import annotations

import re

from vanban.normalize import alternation, vi_regex

# Type words, folded (lower case, no diacritics), longest first.
TYPE_WORDS: dict[str, str] = {
    "chuong trinh hanh dong": "Chương trình hành động",
    "nghi quyet lien tich": "Nghị quyết liên tịch",
    "nghi quyet trung uong": "Nghị quyết Trung ương",
    "thong tu lien tich": "Thông tư liên tịch",
    "nghi quyet": "Nghị quyết",
    "chi thi": "Chỉ thị",
    "ket luan": "Kết luận",
    "quy dinh": "Quy định",
    "quyet dinh": "Quyết định",
    "ke hoach": "Kế hoạch",
    "chuong trinh": "Chương trình",
    "huong dan": "Hướng dẫn",
    "cong van": "Công văn",
    "cong dien": "Công điện",
    "thong bao": "Thông báo",
    "thong tri": "Thông tri",
    "de an": "Đề án",
    "phap lenh": "Pháp lệnh",
    "luat": "Luật",
    "nghi dinh": "Nghị định",
    "thong tu": "Thông tư",
    "bao cao": "Báo cáo",
    "to trinh": "Tờ trình",
    "quy che": "Quy chế",
    "giay moi": "Giấy mời",
    "van ban": "Văn bản",
    "ket luan hoi nghi": "Kết luận",
}
assert not any(a != b and a.endswith(" " + b) for a in TYPE_WORDS for b in TYPE_WORDS)
# The type words as one alternation, longest first (folded text).
TYPE_ALT = alternation(sorted(TYPE_WORDS, key=len, reverse=True))

# The Vietnamese capital letters (the body of a character class).
CAPITALS = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"


def _literal_first(branches: list[str]) -> str:
    """``(?<![a-z])(?:b1|b2|...)`` for branches that start with a literal lower-case letter,
    written so that every branch starts with that letter (the check of the character before it
    follows as a lookbehind): the regex engine then skips to those letters. Branches sharing a
    first letter keep their order, so the matches are the same."""
    groups: dict[str, list[str]] = {}
    for branch in branches:
        groups.setdefault(branch[0], []).append(branch[1:])
    return (
        "(?:"
        + "|".join(
            f"{first}(?<![a-z]{first})(?:" + "|".join(rests) + ")"
            for first, rests in groups.items()
        )
        + ")"
    )


def _word_start_alternation(words: list[str]) -> str:
    """``(?<![\\w])(?:w1|w2|...)`` for plain lower-case words (their blanks matching any run of
    blanks), written so that every branch
    starts with a literal letter (the check of the character before it follows as a
    lookbehind): the regex engine then skips to those letters. Words sharing a first letter are
    grouped in their order, so the matches are the same."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word)
    return (
        "(?:"
        + "|".join(
            f"{first}(?<!\\w{first})(?:"
            # (words of a justified line may stand two blanks apart: "tổng  hợp")
            + "|".join(w[1:].replace(" ", "[ \\t]+") for w in group)
            + ")"
            for first, group in groups.items()
        )
        + ")"
    )


# --- letters and words (original text) ---------------------------------------------------------

# A letter: "a", "Ấ", "đ" (not a digit, not "_").
LETTER_RE = re.compile(r"[^\W\d_]")
# A word of letters (a news page's date line has few beside its date and time).
LETTER_WORD_RE = re.compile(r"[^\W\d_]+")
# A word: any run of non-blanks, "Đồng," or "**Xoài**".
WORD_RE = re.compile(r"\S+")
# A digit anywhere: "3" in "Ban 3".
DIGIT_RE = re.compile(r"\d")
# A parenthesis on one line: "(sau đây gọi tắt là Ban)".
PARENTHESIS_RE = re.compile(r"\([^()\n]{0,400}\)")

# --- header: type word, number, date, bodies ------------------------------------------------------

# The type words a header line can start with: those of citations and a few more, folded form
# -> the type as printed.
HEADER_TYPES = dict(TYPE_WORDS)
HEADER_TYPES.update(
    {
        "bien ban": "Biên bản",
        "phuong an": "Phương án",
        "de cuong": "Đề cương",
        "quy dinh": "Quy định",
        # types of Quy định 399-QĐ/TW (2026) not named above (as reported, see vanban.rules)
        "du an": "Dự án",
        "quy hoach": "Quy hoạch",
        "thong cao": "Thông cáo",
        # the rest of Nghị định 30/2020/NĐ-CP, article 7: letters and slips
        "thu cong": "Thư công",
        "thu ngo": "Thư ngỏ",
        "giay gioi thieu": "Giấy giới thiệu",
        "ban ghi nho": "Bản ghi nhớ",
    }
)
_HEADER_TYPE_ALT = alternation(sorted(HEADER_TYPES, key=len, reverse=True))
# The type line (original text): "KẾ HOẠCH", "QUYẾT ĐỊNH: Về việc ..."; group 1 the type
# word, group 2 what follows it on the line.
TYPE_LINE_RE = vi_regex(rf"({_HEADER_TYPE_ALT})(?![a-z])[ \t]*[:.]?[ \t]*(.*)$")
# A number written after the type word, which makes the line a citation, not the type line:
# "số 12", "số:12" in "KẾ HOẠCH số 12-KH/TU".
NUMBER_AFTER_TYPE_RE = re.compile(r"(?:so|so:)\s*\d")
# The national motto and the party's, the Youth Union's or the Young Pioneers' name printed in
# its place (original text): "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" ("VIỆT NAM DÂN CHỦ CỘNG HÒA"
# before 1976), "Độc lập - Tự do - Hạnh phúc", "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐOÀN TNCS HỒ CHÍ MINH",
# "ĐỘI TNTP HỒ CHÍ MINH".
# the letters folding to c, d, v
_MOTTO_C, _MOTTO_D, _MOTTO_V = (vi_regex(letter).pattern for letter in "cdv")
# One class of first letters, then the alternatives by that letter: a pattern that opens with a
# class is looked for from letter to letter, an alternation of words is tried at every
# position. (``(?<![^ \t].)`` after the "d" is ``(?<![^ \t])`` before it.)
MOTTO_RE = vi_regex(
    rf"[{_MOTTO_C[1:-1]}{_MOTTO_D[1:-1]}{_MOTTO_V[1:-1]}](?:(?<={_MOTTO_C})"
    r"ong[ \t]+hoa[ \t]+xa[ \t]+hoi[ \t]+chu[ \t]+nghia[ \t]+viet[ \t]+nam"
    # the national name of 1945-1976, on the documents of the Democratic Republic
    rf"|(?<={_MOTTO_V})iet[ \t]+nam[ \t]+dan[ \t]+chu[ \t]+cong[ \t]+hoa"
    rf"|(?<={_MOTTO_D})(?:"
    r"oc[ \t]+lap[ \t]*[-–—]?[ \t]*tu[ \t]+do[ \t]*[-–—]?[ \t]*hanh[ \t]+phuc"
    r"|ang[ \t]+cong[ \t]+san[ \t]+viet[ \t]+nam"
    # the Youth Union and the Young Pioneers (whose papers take the Union's form) print their
    # name where the motto stands, alone on its line
    r"|(?<![^ \t].)(?:oan[ \t]+(?:tncs|thanh[ \t]+nien[ \t]+cong[ \t]+san)"
    r"|oi[ \t]+(?:tntp|thieu[ \t]+nien[ \t]+tien[ \t]+phong))[ \t]+ho[ \t]+chi[ \t]+minh"
    r"(?=[ \t]*$|[ \t]{2,}|\t)))"
)
#: MOTTO_RE as first written (an alternation of the four names), for the tests.
MOTTO_PLAIN_RE = vi_regex(
    r"cong[ \t]+hoa[ \t]+xa[ \t]+hoi[ \t]+chu[ \t]+nghia[ \t]+viet[ \t]+nam"
    r"|viet[ \t]+nam[ \t]+dan[ \t]+chu[ \t]+cong[ \t]+hoa"
    r"|doc[ \t]+lap[ \t]*[-–—]?[ \t]*tu[ \t]+do[ \t]*[-–—]?[ \t]*hanh[ \t]+phuc"
    r"|dang[ \t]+cong[ \t]+san[ \t]+viet[ \t]+nam"
    r"|(?<![^ \t])(?:doan[ \t]+(?:tncs|thanh[ \t]+nien[ \t]+cong[ \t]+san)"
    r"|doi[ \t]+(?:tntp|thieu[ \t]+nien[ \t]+tien[ \t]+phong))[ \t]+ho[ \t]+chi[ \t]+minh"
    r"(?=[ \t]*$|[ \t]{2,}|\t)"
)
# What leads the document's number (original text): "Số: ", "SỐ ", "Số ......" before
# "30-KH/ĐUK" (the second "Số" is in decomposed form).
# It opens with the literal "S" (found by a fast search; an alternation after a lookbehind is
# tried at every position): ``(?<![\w])`` before the "S" is ``(?<!\w.)`` after it.
NUMBER_LEAD_RE = re.compile(r"S(?<!\w.)(?:ố|Ố|ố|o)[ \t]*[:.]?[ \t]*[.…_ \t]{0,20}")
#: NUMBER_LEAD_RE as first written, for the tests.
NUMBER_LEAD_PLAIN_RE = re.compile(r"(?<![\w])(?:Số|SỐ|Số|So)[ \t]*[:.]?[ \t]*[.…_ \t]{0,20}")
# The date of the header (original text): "ngày 15 tháng 3 năm 2023", "ngày .. tháng 9 năm
# 2023" (groups 1-3), "ngày 15/3/2023" (groups 4-6).
HEADER_DATE_RE = vi_regex(
    r"ngay[ \t]{1,6}(\d{1,2})?[ \t.…_]{0,20}thang[ \t]{1,6}(\d{1,2})?[ \t.…_]{0,20}nam[ \t]{1,6}(\d{4})(?!\d)"
    r"|ngay[ \t]{1,3}(\d{1,2})[ \t]?[/.\-][ \t]?(\d{1,2})[ \t]?[/.\-][ \t]?(\d{4})(?!\d)"
)
# A header date line the text gives only in part (a partial date, null): the year not in it, the
# line ending on "năm" (a signed PDF stamps the year into a signature widget): "ngày 07 tháng 10
# năm"; or the day or the month unreadable, handwritten into its blank and read by OCR as marks:
# "ngày (9 tháng 9 năm 2025", "ngày-1Atháng 9 năm 2025", "ngày À0 tháng AŨ năm 2025". Taken only
# after a place.
HEADER_DATE_PARTIAL_RE = vi_regex(
    r"ngay[ \t]{1,6}(?:\d{1,2})?[ \t.…_]{0,20}thang[ \t]{1,6}(?:\d{1,2})?[ \t.…_]{0,20}nam[ \t.…_]*$"
    r"|ngay[ \t-]{0,3}[^\s]{1,4}[ \t]{0,6}thang[ \t]{1,6}[^\s]{1,4}[ \t]{1,6}nam[ \t]{1,6}\d{4}(?!\d)"
)
# A date in figures: "15/03/2023", "1.9.2023", "01-9-2023".
NUMERIC_DATE_RE = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)")
# A line of rule characters only (original text): "-----", "___", "* * *".
SEPARATOR_LINE_RE = re.compile(r"^[-–—_=*.~ \t]{1,}$")
# The subject line of an official letter (original text): "V/v triển khai ...", "Về việc ...",
# "Về: tham gia ý kiến ...".
VV_RE = vi_regex(r"^v/v(?![a-z])|^ve[ \t]+viec(?![a-z])|^ve[ \t]?:")
# The salutation that ends the subject of a letter: "kính gửi".
KINH_GUI_RE = re.compile(r"kinh[ \t]+gui")
# Marks no body's name in a header has (original text): what OCR reads off a stamp or a seal
# ("CỔNG THÔNG TI ĐIỆN TỦ CHÑHPHỦ| Q\\ +. . Ô2///").
NOT_IN_BODY_NAME_RE = re.compile(r"[|\\/+#$%@{}<>=~^`]")
# A stretch of a header line that no other field took (those are blanked with "\0").
UNBLANKED_RUN_RE = re.compile(r"[^\x00]+")
# A piece of a header line (original text): "ỦY BAN NHÂN DÂN" in
# "ỦY BAN NHÂN DÂN       CỘNG HÒA ...": from a non-blank character to the first word end (after
# a second non-blank) followed by a tab, 3 blanks or the end, with no tab in between; else the
# character alone when such a gap follows it. That is r"\S(?:[^\t]*?\S)?(?=\s{3,}|\t|\s*$)",
# written to step a word and a gap at a time instead of a character at a time (a word ends only
# before a blank, and a gap that can be stepped has no tab and, after the first, at most 2
# blanks).
HEADER_PIECE_RE = re.compile(r"\S(?:(?:\S+|[^\S\t]+\S+)(?:[^\S\t]{1,2}\S+)*?)?(?=\s{3,}|\t|\s*$)")
# An abbreviation in a place name (original text): "TP.", "Tx", "TT." in "TP. Đồng Xoài".
PLACE_ABBREVIATION_RE = re.compile(r"(?:TP|Tp|TX|Tx|TT)\.?")
# A line of the title that starts the body instead: "Thực hiện ...", "Căn cứ ...",
# "Kính gửi: ...", "Xét ...", "Để ...", "Nhằm ...", "Theo ...".
BODY_START_RE = re.compile(r"(?:thuc hien|can cu|kinh gui|xet|de |nham |theo )")
# A sentence that opens a body on its meeting or on the time past (a line in sentence case):
# "Tại hội nghị ngày 28/3/2024, …", "Sau khi nghe …", "Ngày 20 tháng 6 năm 2024, …", "Thời
# gian qua, …", "Trong những năm qua, …".
MEETING_START_RE = re.compile(
    r"(?:tai (?:hoi nghi|ky hop|phien|cuoc hop|buoi)|sau khi |ngay \d{1,2}(?:[/.-]\d| thang )"
    r"|thoi gian qua|(?:trong )?(?:nhung|cac|nhieu) (?:nam|thang) (?:qua|gan day))"
)
# The office a decision's authority line names ("BỘ TRƯỞNG BỘ NỘI VỤ", "CHỦ TỊCH ỦY BAN NHÂN
# DÂN TỈNH …", "BAN THƯỜNG VỤ HUYỆN ỦY", "QUỐC HỘI NƯỚC …"), folded: the line's first words.
AUTHORITY_OFFICE_RE = re.compile(
    r"(?:chu tich|pho chu tich|bo truong|thu tuong|giam doc|tong giam doc|cuc truong"
    r"|vien truong|hieu truong|truong ban|chanh van phong|bi thu|uy ban|hoi dong|quoc hoi"
    r"|chinh phu|ban (?:thuong vu|chap hanh|can su|chi dao|to chuc|tuyen giao|dan van)"
    r"|(?:tinh|thanh|huyen|quan|thi|dang) uy|doan chu tich|thuong truc)(?![a-z])"
)
# A sentence break inside a line (original text): ". C" in "... năm 2024. Các cấp ủy ...".
SENTENCE_BREAK_RE = re.compile(rf"[.:;!?][ \t]+[{CAPITALS}]")

# --- sections, items, footnotes, bullets ------------------------------------------------------------

_SECTION_BODY = r"[ \t]*(?:[*#_]{1,4}[ \t]*)?(?:(?:PHẦN|Phần)[ \t]+)?([IVXL]{1,6})[ \t]*(?:[.\-–—:)]|/(?=[ \t]))[ \t]*([^\n]*)"
_ITEM_BODY = (
    r"[ \t]*(?:[*#_]{1,4}[ \t]*)?(\d{1,2})[ \t]*(?:\.(?!\d)|\)|-(?![\d-])|/(?=[ \t]))[ \t]*([^\n]*)"
)
_FOOTNOTE_BODY = r"[ \t]*([¹²³⁴⁵⁶⁷⁸⁹⁰]{1,4}|\[\d{1,3}\])[ \t]*(\S[^\n]*)"
_BULLET_BODY = r"[ \t]*([-+•–])[ \t]*(?:([-+])[ \t]*)?(\S[^\n]*)"
# After the "\n", a look-ahead for the characters a section or item line can start with turns
# most lines down at once, instead of after a try of each optional part.

# A section heading (original text): "I. MỤC ĐÍCH, YÊU CẦU", "**II- NỘI DUNG**",
# "PHẦN III: TỔ CHỨC THỰC HIỆN"; group 1 the Roman numeral, group 2 the title.
SECTION_LINES = (re.compile(_SECTION_BODY), re.compile("\n(?=[ \t*#_PIVXL])" + _SECTION_BODY))
# An item heading (original text): "1. Công tác tuyên truyền", "2) ...", "3- ..."; group 1 the
# number, group 2 the title.
ITEM_LINES = (re.compile(_ITEM_BODY), re.compile("\n(?=[ \t*#_\\d])" + _ITEM_BODY))
# A footnote (original text): "¹ Nghị quyết số 35-NQ/TW ...", "[2] Kết luận số 01-KL/TW ...";
# group 1 the label, group 2 the text.
FOOTNOTE_LINES = (re.compile(_FOOTNOTE_BODY), re.compile("\n" + _FOOTNOTE_BODY))
# A bullet line inside an item (original text): "- Như trên;", "+ Phòng Văn hóa", "- + Tổ ...";
# group 1 the marker, group 2 a second marker, group 3 the text.
BULLET_LINES = (re.compile(_BULLET_BODY), re.compile("\n" + _BULLET_BODY))
# A bullet line in the tail (original text; "*" is a marker too, the text may be missing):
# "- Lưu: VT.", "* Ban Tuyên giáo", "-".
BULLET_RE = re.compile(r"^[ \t]*([-+•–*])[ \t]*(?:([-+])[ \t]*)?(\S[^\n]*)?$")
# The "Trên đây là ..." line that closes the body (original text): "\nTrên đây là Kế hoạch ...".
TREN_DAY_LA_RE = vi_regex(r"\n[ \t*]*tren[ \t]+day[ \t]+la(?![a-z])")
# The "Nơi nhận" line (original text): "Nơi nhận:", "**Nơi nhận:** - Như trên;"; group 1 what
# follows it on the line.
NOI_NHAN_LINES = (
    vi_regex(r"[ \t*_#]*noi[ \t]+nhan[ \t*_]*:?[ \t*_]*([^\n]*)"),
    vi_regex(r"\n[ \t*_#]*noi[ \t]+nhan[ \t*_]*:?[ \t*_]*([^\n]*)"),
)

# --- opening: the documents carried out and the issuer ---------------------------------------------

# The start of the opening sentence, with the blanks after it: "thực hiện ",
# "để triển khai thực hiện ", "Theo đó, thực hiện " (a news item's second sentence), and
# "triển khai " alone before the document's type ("Triển khai Công văn số …").
OPENING_LEAD_RE = re.compile(
    # (a preamble printed as dashed paragraphs: "- Căn cứ …;" / "- Thực hiện Quy định số …;")
    r"^(?:[-+•–][ \t]*)?(?:theo[ \t]+do,?[ \t]+)?"
    # ("Để tiếp tục thực hiện nghiêm Chỉ thị số …": a purpose clause may say the work goes on,
    # and how well it is to be done, before the documents it carries out; without "Để" the
    # same words open a task, "Thực hiện nghiêm Quy định số …", not the document's purpose)
    r"(?:de[ \t]+(?:tiep[ \t]+tuc[ \t]+)?(?:trien[ \t]+khai[ \t]+)?thuc[ \t]+hien\b"
    r"(?:[ \t]+(?:nghiem(?:[ \t]+tuc)?|tot|(?:co[ \t]+)?hieu[ \t]+qua)\b)?"
    r"|(?:de[ \t]+)?(?:trien[ \t]+khai[ \t]+)?thuc[ \t]+hien\b"
    r"|trien[ \t]+khai(?=[ \t]+(?:" + TYPE_ALT + r")(?![a-z])))[ \t]*"
)
# Between the opening words and the first document carried out: "", "theo",
# "ý kiến chỉ đạo của Thường trực Tỉnh ủy tại".
IMPLEMENTS_FIRST_GAP_RE = re.compile(
    r"(?:(?:y[ \t]+kien[ \t]+)?chi[ \t]+dao[ \t]+cua[^,;]{0,120}?[ \t]+)?(?:tai|theo)?"
    # "Thực hiện" governing a list whose earlier items carry no number: "quy định của Luật …,
    # Điều lệ … và Điều 5 Quyết định số …" (an article of the document carried out)
    r"|[^.;:\n]{0,240}?(?:,|[ \t]va)[ \t]+"
    # (the verb said again before the numbered one: "Để thực hiện nghiêm các văn bản chỉ đạo …
    # và thực hiện Thông báo số …")
    r"(?:thuc[ \t]+hien(?:[ \t]+|$))?"
    r"(?:(?:khoan[ \t]+\d+[ \t]*,?[ \t]*)?dieu[ \t]+\d+(?:[ \t]+cua)?)?"
)
# Between two documents carried out: "", "và", "cùng", "và các".
IMPLEMENTS_NEXT_GAP_RE = re.compile(r"(?:va|cung|va[ \t]+cac)?")
# The subject of a document carried out, up to the next one: "về công tác tuyên truyền và",
# "về ..., " (but not "về thực hiện ...", which names a subject, not a second document).
IMPLEMENTS_AFTER_SUBJECT_RE = re.compile(
    # (a subject may be the document's title quoted, in italics: *“Về tiếp tục đổi mới …”*)
    r"[*_\"“‘'\s]*"
    # (a subject may open on what the document does: "ban hành Bộ tiêu chí …", "phê duyệt …")
    r"(?:ve|ban[ \t]+hanh|phe[ \t]+duyet|quy[ \t]+dinh|thanh[ \t]+lap|huong[ \t]+dan)[ \t]"
    # (a subject may hold a ";" of its own: the title of a plan that lists its aims, "… giai
    # đoạn 2021 - 2030; đề xuất nhiệm vụ, giải pháp …; Công văn số …")
    # (a subject that carries out a document it cites, "về thực hiện Nghị quyết số …", is that
    # document's; "sơ kết 05 năm thực hiện Chương trình tổng thể …" cites none; "căn cứ" opens
    # the grounds, whose documents are not carried out: "…, căn cứ quy định tại Luật …,
    # Quyết định số …")
    r"(?:(?!(?:thuc[ \t]+hien|trien[ \t]+khai|cu[ \t]+the[ \t]+hoa)[ \t]+(?:cac[ \t]+)?"
    r"(?:" + TYPE_ALT + r")[ \t]+so\b|can[ \t]+cu\b)[^.:\n])*?"
    r"(?:[ \t]+(?:va|cung)(?:[ \t]+cac)?|[ \t]*[,;])"
)
# Where the opening sentence ends (original text): "." before a capitalised word, or any ":".
SENTENCE_END_RE = re.compile(r"[.:](?=\s+[^\W\d_]*[A-ZĐ" + CAPITALS[3:] + r"])|:")

_ISSUE_DOC = (
    r"(?:ke[ \t]+hoach|chuong[ \t]+trinh|huong[ \t]+dan|de[ \t]+an|quy[ \t]+che|quy[ \t]+dinh|bao[ \t]+cao"
    r"|cong[ \t]+van|nghi[ \t]+quyet|chi[ \t]+thi|ket[ \t]+luan|thong[ \t]+bao|phuong[ \t]+an"
    r"|nghi[ \t]+dinh|thong[ \t]+tu|quyet[ \t]+dinh|quy[ \t]+dinh)"
)
_ISSUE_TALK = r"[^,.;:\n]{0,60}?(?::|nhu[ \t]+sau|cac[ \t]+cap)"
# The verb after the issuing body in the opening sentence: "xây dựng kế hoạch",
# "ban hành hướng dẫn", "kết luận như sau", "yêu cầu các".
ISSUER_VERB_RE = re.compile(
    _literal_first(
        [
            *(
                verb + r"[ \t]+" + _ISSUE_DOC
                for verb in (
                    r"xay[ \t]+dung",
                    r"ban[ \t]+hanh",
                    r"trien[ \t]+khai(?:[ \t]+xay[ \t]+dung)?",
                    r"de[ \t]+ra",
                )
            ),
            *(
                verb + _ISSUE_TALK
                for verb in (
                    r"yeu[ \t]+cau",
                    r"chi[ \t]+thi",
                    r"ket[ \t]+luan",
                    r"thong[ \t]+bao",
                    r"huong[ \t]+dan",
                    r"quyet[ \t]+dinh",
                    r"de[ \t]+nghi",
                    r"bao[ \t]+cao",
                )
            ),
            r"yeu[ \t]+cau[ \t]+cac[ \t]",
            r"de[ \t]+nghi[ \t]+cac[ \t]",
            # the guidance's own act, with its object: "Ban Thường vụ … hướng dẫn về việc tổ
            # chức Đại hội (…) của …, thành phố như sau:" (an aside and commas before "như sau")
            r"huong[ \t]+dan[ \t]+ve[ \t]+viec[ \t]",
        ]
    )
)
# A clause, not a body, before the verb: "thực hiện ...", "để ...", "căn cứ ...".
NOT_AN_ISSUER_RE = re.compile(r"(?:thuc hien|de |nham |can cu|theo )")
# An office holder, not a body: "chủ tịch" in "Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau",
# "phó giám đốc".
# An article of a decision or a regulation (folded): "điều 1.", "điều 12:".
ARTICLE_RE = re.compile(r"[ \t*]*dieu[ \t]+\d{1,3}[ \t]*[.:]")
# The grounds that follow a decision's authority line (folded): "căn cứ", "- căn cứ", "xét",
# "theo đề nghị".
GROUNDS_RE = re.compile(r"[-+•\s]*(?:can[ \t]+cu|xet|theo[ \t]+de[ \t]+nghi)(?![a-z])")
PERSON_TITLE_RE = re.compile(
    r"(?:pho[ \t]+)?(?:chu[ \t]+tich|giam[ \t]+doc|bi[ \t]+thu|truong[ \t]+ban|chanh[ \t]+van[ \t]+phong"
    r"|bo[ \t]+truong|thu[ \t]+truong|thu[ \t]+tuong|dong[ \t]+chi|cuc[ \t]+truong|vien[ \t]+truong)(?![a-z])"
)

# --- assignments ----------------------------------------------------------------------------------

# The title of the section that assigns the work: "Tổ chức thực hiện", "Trách nhiệm thực hiện",
# "Phân công thực hiện".
IMPLEMENTATION_SECTION_RE = re.compile(
    r"to[ \t]+chuc[ \t]+thuc[ \t]+hien|trach[ \t]+nhiem[ \t]+thuc[ \t]+hien|phan[ \t]+cong[ \t]+thuc[ \t]+hien"
)
# The line that starts a list of units (original text): "- Phân công thực hiện:",
# "Đơn vị thực hiện: Ban Tuyên giáo", "Cơ quan thực hiện".
PHAN_CONG_LINE_RE = vi_regex(
    r"^[-+•*\s]*(?:phan[ \t]+cong(?:[ \t]+thuc[ \t]+hien)?|don[ \t]+vi[ \t]+thuc[ \t]+hien|co[ \t]+quan[ \t]+thuc[ \t]+hien)[ \t]*:?"
)
# A line naming units by their role (original text): "- Chủ trì: Sở Nội vụ",
# "Đơn vị phối hợp: ...", "+ Thực hiện: ...".
UNIT_ROLE_LINE_RE = vi_regex(
    r"^[-+•*\s]*(?:(?:don[ \t]+vi|co[ \t]+quan)[ \t]+)?(?:chu[ \t]+tri|phoi[ \t]+hop|thuc[ \t]+hien)[ \t]*:"
)
# The period of an assignment (original text): "- Thời gian thực hiện: Quý III/2024",
# "Thời hạn hoàn thành: ...", "Tiến độ: ...".
PERIOD_LINE_RE = vi_regex(
    r"^[-+•*\s]*(?:thoi[ \t]+gian(?:[ \t]+thuc[ \t]+hien|[ \t]+hoan[ \t]+thanh)?|thoi[ \t]+han(?:[ \t]+hoan[ \t]+thanh)?|tien[ \t]+do(?:[ \t]+thuc[ \t]+hien)?)[ \t]*:[ \t]*"
)
# The start of a line PHAN_CONG_LINE_RE, PERIOD_LINE_RE or UNIT_ROLE_LINE_RE can match, a
# necessary condition (original text): "\n- Phân công", "\n+ Thời gian", "\nChủ trì".
# The leading blanks and markers are taken possessively: no word looked for starts with one,
# so giving some back could not make a match.
ASSIGNMENT_HINT_RE = vi_regex(
    r"\n(?:[^\S\n]|[-+•*#_>])*+(?:phan[ \t]+cong|(?:don[ \t]+vi|co[ \t]+quan)[ \t]+(?:thuc[ \t]+hien|chu[ \t]+tri|phoi[ \t]+hop)"
    r"|thoi[ \t]+gian|thoi[ \t]+han|tien[ \t]+do|chu[ \t]+tri|phoi[ \t]+hop|thuc[ \t]+hien)"
)

# Words that start the task after the unit(s) a sentence names (lower case, folded).
_VERBS = (
    "tham muu|xay dung|to chuc|chi dao|huong dan|theo doi|trien khai|thuc hien|chu tri|phoi hop"
    "|can cu|co trach nhiem|chiu trach nhiem|don doc|kiem tra|quan triet|tuyen truyen|bao cao"
    "|lanh dao|nghien cuu|bam sat|tiep tuc|dinh ky|thuong xuyen|can|phai|nam bat|tap trung|day manh"
    "|giup|la co quan|duoc giao|chuan bi|ra soat|cu the hoa|pho bien|bo tri|dam bao|bao dam"
    "|giam sat|tong hop|de xuat|tang cuong|quan tam|chu dong|van dong|cung cap|bien soan|nang cao"
    "|phat huy|duy tri|xac dinh|ban hanh|lua chon|lam tot|tich cuc|kip thoi|khan truong|nghiem tuc"
    "|truc tiep|phan cong|sau khi|hang nam|hang quy|hang thang|hoan thanh|gui|lap|cu|tu chuc"
    "|tien hanh"
)
# A verb that starts the task after the units: "tham mưu" in "Ban Tuyên giáo tham mưu ...",
# "chủ trì", "phối hợp", "tổ chức".
TASK_VERB_RE = re.compile(_word_start_alternation(_VERBS.split("|")) + r"(?![\w])")
# A noun after "tổ chức", which makes it a noun, not the verb: " đảng" in "tổ chức đảng",
# " cơ sở", " đoàn thể".
TO_CHUC_NOUN_RE = re.compile(
    r"[ \t]+(?:dang|co[ \t]+so|chinh[ \t]+tri|doan[ \t]+the|hoi|thanh[ \t]+vien)(?![\w])"
)
# What leads the units of an item of "Tổ chức thực hiện": "đề nghị ", "giao cho ",
# "trách nhiệm của ", "đối với ".
ASSIGNEE_PREFIX_RE = re.compile(
    r"^(?:de[ \t]+nghi|giao(?:[ \t]+cho)?|yeu[ \t]+cau|trach[ \t]+nhiem[ \t]+cua|doi[ \t]+voi)[ \t]+"
)
# What an item of "Tổ chức thực hiện" may be about instead of a unit (folded): "Trách nhiệm",
# "Kinh phí", "Thời gian" before "thực hiện" name the item's topic; its units, if any, head its
# lettered sub-points ("a) Bộ Nội vụ: …").
TOPIC_NOUN_RE = re.compile(
    r"(?:trach[ \t]+nhiem|(?:nguon[ \t]+)?kinh[ \t]+phi|thoi[ \t]+gian|tien[ \t]+do"
    r"|che[ \t]+do[ \t]+bao[ \t]+cao)"
)
# A heading that is such a topic only (folded): "trách nhiệm thực hiện", "kinh phí:".
TOPIC_HEADING_RE = re.compile(
    TOPIC_NOUN_RE.pattern + r"(?:[ \t]+(?:thuc[ \t]+hien|trien[ \t]+khai))?[ \t.:]*"
)
# A lettered sub-point's marker (original text): "a) ", "đ) ".
LETTERED_POINT_RE = re.compile(r"^[ \t]*[a-zđ]\)[ \t]+")
# An apposition that gives a unit's role after its name (original text), which ends the name:
# ", cơ quan" in "Bộ Nội vụ, cơ quan chủ trì triển khai Đề án".
ROLE_APPOSITION_RE = re.compile(r",[ \t]+(?:cơ[ \t]+quan|đơn[ \t]+vị)[ \t]*$")
_COOPERATE_WITH = r"(?:chu[ \t]+tri,?[ \t]+)?phoi[ \t]+hop(?:[ \t]+voi)?[ \t]+"
# "phối hợp với" and the blanks after it, after the units that lead: "phối hợp với ",
# "chủ trì, phối hợp ".
COOPERATE_WITH_RE = re.compile(_COOPERATE_WITH)
# A separator of a unit list: ",", ";", " phối hợp với ", " chủ trì" in
# "Ban Tuyên giáo chủ trì, phối hợp với Văn phòng". The blanks both word separators start with
# are taken once, possessively (a word follows them, never a blank), instead of again for each
# alternative.
UNIT_SEPARATOR_RE = re.compile(r"[,;]|[ \t]++(?:" + _COOPERATE_WITH + r"|chu[ \t]+tri\b)")
# A role word ending a unit's name (original text): " thực hiện", " chủ trì.",
# " và các đơn vị liên quan".
UNIT_ROLE_TAIL_RE = re.compile(
    r"[ \t]+(?:thực hiện|chủ trì|phối hợp|và các đơn vị liên quan)[ \t.;,]*$"
)
# "và" or "cùng" leading a unit's name (original text, blanks collapsed): "và ", "cùng ".
LEADING_AND_RE = re.compile(r"^(?:và|cùng)[ \t]+")
# A word that starts a unit's name: "các", "ban", "sở", "ubnd", "trung tâm", "chi bộ".
UNIT_START_RE = re.compile(
    r"(?:cac|ban|so|cap uy|van phong|phong|chi bo|dang uy|doan|ubnd|uy ban|trung tam|cong doan|hoi|mat tran|dai|bao|truong|bo|cuc|to|thuong truc|lanh dao|chi uy)\b"
)
# A comma or semicolon before a letter (original text): ", " in "Ban Tuyên giáo, Văn phòng".
LIST_SEPARATOR_RE = re.compile(r"[ \t]*[,;][ \t]*(?=[^\W\d_])")
# A limiting word that ends the units a sentence names (original text): "theo", "được" in
# "Các đồng chí chi ủy viên theo lĩnh vực được phân công ...".
QUALIFIER_RE = re.compile(r"(?<!\w)(?:theo|được|đã|sẽ)(?!\w)", re.IGNORECASE)

# --- recipients and signature ---------------------------------------------------------------------

# Recipients run together on one line (original text): "; - " in "- Như trên; - Lưu: VT.".
RECIPIENT_SEPARATOR_RE = re.compile(r"(?<=[;,])[ \t]+[-+•][ \t]+(?=\S)")
# A body's term alone on a line under a signature's authority line (folded): "nhiệm kỳ 2019
# -2025", "khóa xv", "khoá iv (2020 - 2025)".
TERM_LINE_RE = re.compile(
    r"[ \t]*(?:nhiem[ \t]+ky|khoa)[ \t]+(?:[ivxlc]+|\d{4})"
    r"(?:[ \t]*\(?[ \t]*\d{4}[ \t]*[-–—][ \t]*\d{4}[ \t]*\)?|[ \t]*[-–—][ \t]*\d{4})?[ \t]*$"
)
# The authority line of a signature (original text): "T/M BAN THƯỜNG VỤ", "KT. GIÁM ĐỐC",
# "TL. CHỦ TỊCH", "TUQ. CHỦ TỊCH"; group 1 the mark, group 2 what follows. That is
# (?<![\w/.])(T/M|T\.M\.?|TM\.?|K/T|K\.T\.?|KT\.?|TL\.|T/L|TUQ\.?|Q\.): the alternatives
# grouped by their first letter (order kept), the lookbehind after it, so the regex engine
# skips to T, K, Q.
#
# A mark without a closing "." or "/" ends at a word boundary: "KTN" in "Lưu: VT, KTN (3)" is a
# unit's code, not "KT"; "KT/" (with a slash) is a form met in e-office output.
ON_BEHALF_RE = re.compile(
    r"(T(?<![\w/.]T)(?:/M|\.M\.?|M\.?|L\.|/L|UQ\.?)|K(?<![\w/.]K)(?:/T|\.T\.?|T[./]?)|Q(?<![\w/.]Q)\.)"
    r"(?:(?<=[./])|(?![^\W\d_]))"
    rf"[ \t]*([{CAPITALS}][^\n]{{0,100}})"
)
# A word of a signer's title: "bí thư", "giám đốc", "chánh văn phòng", "ủy viên".
SIGNER_TITLE_WORD_RE = re.compile(
    r"\b(?:"
    + alternation(
        [
            "bi thu",
            "giam doc",
            "chu tich",
            "truong ban",
            "truong phong",
            "truong khoa",
            "chanh van phong",
            "van phong",
            "tong bien tap",
            "hieu truong",
            "bo truong",
            "thu truong",
            "cuc truong",
            "vien truong",
            "chanh an",
            "chu nhiem",
            "truong doan",
            "thu tuong",
            "chanh thanh tra",
            "uy vien",
            "thuong truc",
            "truong",
            "chanh",
            "tong cuc truong",
        ]
    )
    + r")\b"
)
# The time of an e-signature stamp, last lines of a text signed in an e-office system:
# "28-11-2025 16:29:44 +07:00", "28/11/2025 16:29"; groups day, month, year.
STAMP_TIME_RE = re.compile(
    r"^[ \t]*(?:(?:Thời gian ký|Ngày ký|Ký ngày|Thời gian|Ngày giờ ký|Date)[ \t]*:[ \t]*)?"
    r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})[ \tT]+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:[ \t]*(?:[+-]\d{2}:?\d{2}|GMT[+-]?\d*|UTC))?[ \t]*$",
    re.MULTILINE,
)
# A date (and time) at the end of a news headline it was glued to: "... Chu Huy Mân03/03/2023
# 17:11", "... tỉnh - 27/05/2018", "... (27/05/2018)"; a date that closes a bracket opened before
# it is the headline's own: "... Hồ Chí Minh (19/5/1890- 19/5/2020)".
_GLUED_DATE = r"\d{1,2}/\d{1,2}/\d{4}(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?"
DATE_AT_END_RE = re.compile(rf"[ \t|–-]*(?:\({_GLUED_DATE}\)|{_GLUED_DATE})[ \t]*$")
# The first line of a text attached after the signature (folded): an appendix, a programme, a
# list, a second header, or the "(kèm theo …)" line under an attachment's title.
ATTACHMENT_START_RE = re.compile(
    r"[ \t*]*(?:phu[ \t]+luc|chuong[ \t]+trinh|danh[ \t]+sach|de[ \t]+cuong|bieu[ \t]+mau"
    r"|dang[ \t]+cong[ \t]+san[ \t]+viet[ \t]+nam|cong[ \t]+hoa[ \t]+xa[ \t]+hoi"
    r"|\((?:ban[ \t]+hanh[ \t]+)?kem[ \t]+theo)"
)
# The first line of an appendix (folded), which ends a signature block even without the
# signer's name: "Phụ lục", "PHỤ LỤC II", "Phụ lục 1.", or the "(kèm theo …)" line under an
# attachment's title. (Not a second national motto: a text layer may put the header's motto
# after the recipients, before the signature block.)
APPENDIX_START_RE = re.compile(
    r"[ \t*]*(?:phu[ \t]+luc(?:[ \t]+(?:\d{1,2}|[ivx]{1,4}))?[ \t.:]*$"
    r"|\((?:ban[ \t]+hanh[ \t]+)?kem[ \t]+theo\b)"
)
# A head's title alone after a "KT." mark (folded): "thu tuong", "chu tich", "bo truong".
# Nghị định 30/2020/NĐ-CP (appendix I) and Hướng dẫn 36-HD/VPTW: "KT." (ký thay) is signed by a
# deputy for the head, so the signer's title is the head's deputy — "PHÓ <head>", or "THỨ
# TRƯỞNG" for "BỘ TRƯỞNG" — which is how a scan whose seal hid the title line is still read.
HEAD_TITLE_RE = re.compile(
    r"(?:tong[ \t]+bien[ \t]+tap|(?:tong[ \t]+)?(?:thu[ \t]+tuong|chu[ \t]+tich|bo[ \t]+truong"
    r"|giam[ \t]+doc|truong[ \t]+ban|bi[ \t]+thu|chanh[ \t]+van[ \t]+phong|vien[ \t]+truong|hieu[ \t]+truong|cuc[ \t]+truong"
    r"|vu[ \t]+truong|chanh[ \t]+an|chu[ \t]+nhiem|truong[ \t]+phong"
    r"|chanh[ \t]+thanh[ \t]+tra|truong[ \t]+khoa))"
)
# The deputy's title that follows a "KT." authority on the same line (folded): "pho thu tuong".
DEPUTY_RE = re.compile(r"\bpho[ \t]+\w")
# A signer's title at the end of an authority line: " phó bí thư" in
# "t/m ban thuong vu pho bi thu".
TITLE_AT_END_RE = re.compile(
    # (not the body "Ban Bí thư": "T/M BAN BÍ THƯ" is an authority without a title)
    r"\b(?:pho[ \t]+)?(?<!\bban )(?:bi thu|giam doc|chu tich|truong ban|chanh van phong)$"
)
# The mark of a signature where the name would be: "(đã ký)", "(Ký, ghi rõ họ tên)", "[signed]".
SIGNED_MARK_RE = re.compile(
    r"^[(\[]?\s*(?:da ky|daky|ky|signed|ky ten|ky, ghi ro ho ten|da ky va dong dau)[^)\]]{0,40}[)\]]?$"
)
# A person's name (original text): "Nguyễn Văn An", "Lê Thị Thu Hà".
PERSON_NAME_RE = re.compile(rf"^[{CAPITALS}][\w'’]*(?:[ \t]+[{CAPITALS}][\w'’]*){{1,5}}$")
# A person's name ending a recipient segment after its ";" or "," (original text): the signer's
# name of the flattened two-column footer, "- Kiểm toán Nhà nước; Phạm Minh Chính".
NAME_AFTER_RECIPIENT_RE = re.compile(
    rf"([;,])[ \t]+([{CAPITALS}][^\W\d_]*(?:[ \t]+[{CAPITALS}][^\W\d_]*){{1,4}})[ \t.]*$"
)
# Capitals ending a recipient segment, a signer's title pasted on the line (original text):
# "   PHÓ BÍ THƯ" in "- Lưu VP.      PHÓ BÍ THƯ"; see :func:`vanban.lines.caps_tail`.
CAPS_TAIL_RE = re.compile(rf"[ \t]+((?:[{CAPITALS}]{{1,10}}+[ \t]*+){{1,6}}+)$")
# Capitals at the end of a line (original text): "GIÁM ĐỐC" in "- Lưu: VT.   GIÁM ĐỐC".
CAPS_AT_END_RE = re.compile(rf"((?:[{CAPITALS}]{{1,10}}[ \t]*){{1,6}})$")

# The signers' titles of the format (Nghị định 30/2020/NĐ-CP, Phụ lục I; Hướng dẫn 36-HD/VPTW):
# the heads' titles and their deputies', as OCR's mending and the signature's reading know them.
FORMAT_SIGNER_TITLES = (
    *(
        f"{deputy}{title}"
        for title in (
            "BÍ THƯ",
            "CHỦ TỊCH",
            "BỘ TRƯỞNG",
            "THỦ TƯỚNG",
            "GIÁM ĐỐC",
            "TRƯỞNG BAN",
            "CHÁNH VĂN PHÒNG",
            "CHỦ NHIỆM",
            "VỤ TRƯỞNG",
            "CỤC TRƯỞNG",
            "TRƯỞNG PHÒNG",
        )
        for deputy in ("", "PHÓ ")
    ),
    "TỔNG BÍ THƯ",
    "THỨ TRƯỞNG",
)
