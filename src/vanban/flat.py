"""Documents whose line breaks are gone: the whole text on one line, as many web pages and
forums give it when copied. The parser reads lines, so the lines are put back from the words,
by the parts every document has in a fixed order (Nghị định 30/2020/NĐ-CP, appendix I;
Hướng dẫn 36-HD/VPTW)::

    <body> [* / ***] <motto: CỘNG HÒA XÃ HỘI … / ĐẢNG CỘNG SẢN VIỆT NAM / ĐOÀN TNCS HỒ CHÍ MINH>
    Số: <symbol>   <place>, ngày … tháng … năm …   <TYPE WORD> <title> [-----]
    [<AUTHORITY IN CAPITALS>] - Căn cứ …; … <QUYẾT ĐỊNH:> Điều 1. … Điều 2. …
    Nơi nhận: - …; - …   <T/M|TM.|KT.|TL.|TUQ.> <BODY> <TITLE> [(đã ký)] <Name>

A break goes before each part that opens with a fixed word or mark; nothing else moves.
Only a text of at most a few lines, one of them long, with a "Số" and a type word in capitals
near its start, is reflowed.
"""

from __future__ import annotations

import re

_CAPS = "A-ZÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠ-Ỹ"
# Vietnamese capitals and small letters, one by one ("Ạ-Ỹ" as a range holds both cases).
_VI_LETTERS = [chr(c) for c in (*range(0xC0, 0x1B1), *range(0x1EA0, 0x1EFA))]
_UP = "A-Z" + "".join(c for c in _VI_LETTERS if c.isupper())
_LOW = "a-z" + "".join(c for c in _VI_LETTERS if c.islower())
_TYPES = (
    "QUYẾT ĐỊNH|KẾ HOẠCH|THÔNG BÁO|NGHỊ QUYẾT|CHỈ THỊ|KẾT LUẬN|QUY ĐỊNH|HƯỚNG DẪN|BÁO CÁO"
    "|CHƯƠNG TRÌNH HÀNH ĐỘNG|CHƯƠNG TRÌNH|TỜ TRÌNH|CÔNG VĂN|QUY CHẾ|NGHỊ ĐỊNH|THÔNG TƯ|ĐỀ ÁN|THƯ NGỎ|GIẤY MỜI"
)
# (the state's name also as the copies misspell it: "CÔNG HÒA"; the dashes of the motto also
# as en or em dashes)
_MOTTOS = (
    "C[ỘÔ]NG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM"
    "|ĐOÀN TNCS HỒ CHÍ MINH|Độc lập\\s*[-–—]\\s*Tự do\\s*[-–—]\\s*Hạnh phúc"
    "|VIỆT NAM DÂN CHỦ CỘNG H(?:ÒA|OÀ)"
)
# The rest of a word of a place's name: a dot only inside it ("Tp.Hồ"), not a sentence's end
# ("… Việt Nam. Hà Nội, ngày …").
_PLACE_WORD = r"(?:[^\s,.]|\.(?=\S))*"
# A header's superior body followed by the issuing one on the same line: "UBND TỈNH ĐỒNG NAI
# SỞ TƯ PHÁP", "ĐẢNG BỘ TỈNH BÌNH PHƯỚC TỈNH ỦY", "BỘ VĂN HÓA, … DU LỊCH CỤC VĂN HÓA CƠ SỞ": the
# issuing body opens with a word that opens a unit's name (Nghị định 30/2020/NĐ-CP, 36-HD/VPTW).
_PARENT_THEN_BODY = re.compile(
    rf"^(\s*(?:ĐẢNG BỘ|UBND|[ỦU][YỶ] BAN NHÂN DÂN|BỘ|(?:TỈNH|THÀNH|HUYỆN) [ỦU][YỶ]|HIỆP HỘI)"
    rf"(?:\s+[{_UP},]+){{1,7}}?)\s+"
    r"((?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|ĐẢNG) [ỦU][YỶ]\b|CHI BỘ\b|BAN\s|VĂN PHÒNG\b|SỞ\s|CỤC\s"
    r"|VỤ\s|TỔNG CỤC\s|CHI CỤC\s|PHÒNG\s|[ỦU][YỶ] BAN KIỂM TRA\b|HỘI ĐỒNG\s|TRUNG TÂM\s)"
)
# not the state's name inside a body's ("QUỐC HỘI NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
_MOTTO = re.compile(rf"(?<!NƯỚC)\s*(?<!NƯỚC )({_MOTTOS})\s*")
# A signer's title in capitals opening the signature block when no mark (TM., KT. …) does, as
# in the old decisions: "… thi hành quyết định này. BỘ TRƯỞNG BỘ NỘI VỤ Phan Kế Toại".
_SIGNER_TITLES = (
    "(?:PHÓ |TỔNG )?(?:BỘ TRƯỞNG|THỨ TRƯỞNG|CHỦ TỊCH|THỦ TƯỚNG|GIÁM ĐỐC|BÍ THƯ|TRƯỞNG BAN"
    "|CHÁNH VĂN PHÒNG|CỤC TRƯỞNG|VỤ TRƯỞNG|HIỆU TRƯỞNG|VIỆN TRƯỞNG)"
)
_SIGNER_TITLES_LOW = (
    "(?:Phó |Tổng )?(?:Bộ trưởng|Thứ trưởng|Chủ tịch|Thủ tướng|Giám đốc|Bí thư|Trưởng ban"
    "|Chánh Văn phòng|Cục trưởng|Vụ trưởng|Hiệu trưởng|Viện trưởng)"
)
# A person's name: two to four capitalised words.
_NAME_WORD = rf"[{_UP}][{_LOW}]+(?![{_UP}{_LOW}])"
_NAME = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}}"
# the end of a sentence (not of a mark: "KT." "TM."), or a line's start
_SENTENCE_END = rf"(?:(?<=[{_LOW}\d)][.;,:!])|(?<=\n))"
# The marks of signing for another (Nghị định 30/2020/NĐ-CP, 36-HD/VPTW), then a blank; "KT",
# "TM", "TL" also without their dot before an office or a body ("KT BỘ TRƯỞNG, CHỦ NHIỆM")
_MARKS = (
    rf"(?:T/M|TM\.|KT\.|K/T|TL\.|T/L|TUQ\.|Q\.)(?:\s|(?=[{_UP}]{{2,}}\s))"
    r"|(?:KT|TM|TL)\s(?=BỘ TRƯỞNG|CHỦ TỊCH|THỦ TƯỚNG|GIÁM ĐỐC|[ỦU][YỶ] BAN|UBND|BAN\s)"
)
# the number's label in a header
_NUMBER_IN_HEAD = re.compile(r"(?<!\S)Số\s*:?\s*\d")
_MOTTO_SECOND = r"(Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc)"
_MOTTO_SECOND_LINE = re.compile(rf"\s*{_MOTTO_SECOND}\s*")
# the capitals of a body's name, then the motto's second line
_BODY_THEN_MOTTO_LINE = re.compile(rf"((?:[{_UP}]+\s+){{1,6}}?){_MOTTO_SECOND}")
_HEAD = re.compile(rf"Số\s*:?\s*\d|(?:{_TYPES})")
# a blank line to be (a mark no text holds)
_BLANK = "\x00"
# Words that open a sentence of a heading's content and never a body's, a person's or a
# document's name, so that, capitalised after a heading's last word, they start its content:
# adverbials of time, place, purpose and condition, and the verbs a task opens with.
_ADVERBIAL_OPENERS = (
    "Trong|Trên cơ sở|Bên cạnh|Ngoài|Sau khi|Sau|Nhằm|Để|Theo(?! dõi)|Nếu|Hiện nay|Tất cả"
    "|Việc|Trường hợp|Nhìn chung|Tuy nhiên|Đồng thời|Qua|Từ ngày|Đến nay"
)
_VERB_OPENERS = (
    "Căn cứ|Thực hiện|Triển khai|Tham khảo|Thống nhất|Phối hợp|Phụ trách|Chịu trách nhiệm"
    "|Đẩy mạnh|Tiếp tục|Theo dõi"
)
# A section's or an item's mark, then its heading (not a point on an article, "20. Điều 21: …")
_HEADING_MARK = r"(?<=\n)((?:\d{1,2}|[IVX]{1,4})[.-]\s+(?!Điều\s+\d)"
_BREAKS: list[tuple[re.Pattern[str], str, str | None]] = [
    # the star under the body's name
    (re.compile(r"\s*(\*{1,3})\s*"), r"\n\1\n", "*"),
    # the number line
    (re.compile(r"\s*(Số\s*:?\s*(?=[\d/-]))"), r"\n\1", "Số"),
    # place and date: "Hà Nội, ngày 29 tháng 10 năm 2013" (not the body's name in capitals
    # before it: "… HUYỆN MAI CHÂU Mai Châu, ngày …")
    (
        re.compile(
            rf"\s+((?:TP\.?[ \t]|[{_CAPS}](?=[^\s,]*[{_LOW}]){_PLACE_WORD}[ \t]){{0,3}}(?![IVXL]+[ \t]?,)"
            rf"[{_CAPS}]{_PLACE_WORD}[ \t]?,[ \t]*ngày\s.{{0,30}}?năm\s+\d{{4}})\s*"
        ),
        r"\n\1\n",
        None,
    ),
    # a party document's number, then its type word: "Số 11-KH/BTGĐUK KẾ HOẠCH"
    (re.compile(rf"(?<=\n)(Số\s*:?\s*[^\s/]*/[^\s]+)\s+(?=(?:{_TYPES})\b)"), r"\1\n", None),
    # the type word in capitals after a web page's words ("Sign In QUYẾT ĐỊNH Về việc …")
    (re.compile(rf"(?<=[a-zà-ỹđ])\s+(?=(?:{_TYPES})\s+[{_CAPS}][a-zà-ỹđ])"), r"\n", None),
    # a letter's subject right after its number, with no "V/v" or in sentence case ("Số 2449
    # -CV/ĐU về việc triển khai …", "Số: 545 /HD-BTV Hướng dẫn một số …", "Số: 156 -CV/TĐTN
    # “V/v …”")
    (
        re.compile(
            rf"(?<=\n)(Số\s*:?\s*\d+\s*[^\s/]*/\S+)\s+"
            rf"(?=[Vv]ề việc\s|[“\"]?V/v\s|[{_UP}][{_LOW}]*\s[{_LOW}])"
        ),
        r"\1\n",
        None,
    ),
    # the type word in capitals, alone on its line (the title after it in sentence case, or in
    # small letters: "CHƯƠNG TRÌNH HÀNH ĐỘNG thực hiện Kết luận …")
    (re.compile(rf"(?<=\n)({_TYPES})\s+(?=[{_CAPS}]?[a-zà-ỹđ]|V/v)"), r"\1\n", None),
    # a letter's subject line and its addressees; the body's opening after the title
    (re.compile(r"\s+(?=V/v\s)"), r"\n", "V/v"),
    (re.compile(r"\s+(?=Về\s*:\s)"), r"\n", "Về"),
    (re.compile(r"\s+(?=Kính gửi\s*:)"), r"\n", "Kính gửi"),
    (
        re.compile(
            r"(?<=\S)\s+(?=(?:Thực hiện|Triển khai|Tại (?:hội nghị|phiên họp|cuộc họp|buổi làm việc)"
            r"|Sau khi|Nhằm|Thời gian qua|Vừa qua|Trong (?:thời gian|những năm) qua"
            # (a news lead's day, with its part of the day and the agency's tag before it:
            # "TTH - Sáng 23/3, …", "Ngày 24-10, …")
            r"|(?:[A-ZĐ]{2,5} [-–] )?(?:Ngày|Sáng|Chiều|Trưa|Tối|Đêm)"
            r" \d{1,2}(?: tháng|[/-]\d{1,2}(?:[/-]\d{4})?,))[\s,])"
        ),
        # (then a blank line: a paragraph of the body, not the title's next line)
        rf"\n{_BLANK}\n",
        None,
    ),
    # a section heading (Roman numeral, capitals) and the item or sentence after it; an item
    # "1." / "1-" after a sentence's end
    (re.compile(rf"\s+(?=[IVX]{{1,4}}[.-]\s+[{_UP}]{{2,}}\s)"), r"\n", None),
    (
        re.compile(
            rf"(?<=\n)([IVX]{{1,4}}[.-]\s+(?:[{_UP}0-9,–-]+\s+)*[{_UP}0-9]+)\s+"
            rf"(?=\d{{1,2}}[.-]\s|[{_UP}][{_LOW}])"
        ),
        r"\1\n",
        None,
    ),
    (re.compile(rf"(?<=[.;:])\s+(?=\d{{1,2}}[.-]\s+[{_UP}])"), r"\n", None),
    # a section in sentence case after a sentence's end ("… năm 2025. II. Địa điểm: …")
    (re.compile(rf"(?<=[.;:])\s+(?=[IVX]{{1,4}}[.-]\s+[{_UP}][{_LOW}])"), r"\n", None),
    # a sub-item's mark ("1.1.", "a)") before a capital: it opens its own line (not a cited
    # point, "tại mục 2.1. …")
    (
        re.compile(
            rf"(?<=[{_LOW}{_UP}\d:;.)”\"])(?<!mục)(?<!khoản)(?<!điểm)(?<!tiết)\s+"
            rf"(?=\d{{1,2}}\.\d{{1,2}}\.?\s+[{_UP}]|[a-zđ]\)\s+[{_UP}])"
        ),
        r"\n",
        None,
    ),
    # a section's or an item's short heading, then its first item or bullet ("II. Quản lý đảng
    # viên 1. Về hồ sơ …", "1. Mục đích - Quán triệt …"): a dash before a sentence (not a
    # name's "- Hải Phòng", the motto's "- Tự do")
    (
        re.compile(
            rf"(?<=\n)((?:\d{{1,2}}|[IVX]{{1,4}})[.-]\s+[^\n]{{1,80}}?[{_LOW}])\s+"
            rf"(?=-\s+(?!Tự do|Hạnh phúc)[{_UP}][{_LOW}]*\s+[{_LOW}])"
        ),
        r"\1\n",
        None,
    ),
    (
        re.compile(rf"(?<=\n)([IVX]{{1,4}}[.-]\s+[^\n]{{1,80}}?[{_LOW}])\s+(?=1[.-]\s+[{_UP}])"),
        r"\1\n",
        None,
    ),
    # a section's or an item's heading run into its content, which opens on a word that opens
    # a sentence and never a body's or a document's name ("2. Mô hình “Hồ sơ giấy một lần”
    # Trong thời gian thí điểm, …", "II. Những tồn tại, hạn chế: Bên cạnh …"): the content is a
    # paragraph of its own. After a colon a task's verb opens the content only under a topic's
    # heading ("I. Về sản phẩm chuẩn: Thống nhất chọn …"): after a body's name it is the task
    # given to it, printed on the same line ("3. Các phòng thuộc Sở: Theo dõi, quán triệt …");
    # and "II. Hình thức: Trực tiếp và trực tuyến" is a heading that is its content.
    (
        re.compile(
            rf"{_HEADING_MARK}[^\n:]{{1,100}}?[{_LOW}\d”\")])\s+"
            rf"(?=(?:{_ADVERBIAL_OPENERS}|{_VERB_OPENERS})[\s,])"
        ),
        rf"\1\n{_BLANK}\n",
        None,
    ),
    (
        re.compile(
            rf"{_HEADING_MARK}[^\n:]{{1,100}}?[{_LOW}\d”\")]:)\s+(?=(?:{_ADVERBIAL_OPENERS})[\s,])"
        ),
        rf"\1\n{_BLANK}\n",
        None,
    ),
    (
        re.compile(
            rf"{_HEADING_MARK}Về\s[^\n:]{{1,100}}?[{_LOW}\d”\")]:)\s+(?=(?:{_VERB_OPENERS})[\s,])"
        ),
        rf"\1\n{_BLANK}\n",
        None,
    ),
    # a rule under the title
    (re.compile(r"\s*-{3,}\s*"), r"\n", "---"),
    # grounds, articles, the operative word
    (re.compile(r"\s*(-\s*(?:Căn cứ|Xét|Theo đề nghị|Để))\s"), r"\n\1 ", "-"),
    # (not right after an item's mark: "1. Căn cứ và nguyên tắc …", "1.1. Căn cứ" are headings)
    (
        re.compile(
            r"(?<![-+•\s])(?<!\s\d\.)(?<!\s\d\d\.)(?<!\d\.\d\.)\s+(Căn cứ|Xét|Theo đề nghị)\s"
        ),
        r"\n\1 ",
        None,
    ),
    (re.compile(rf"\s+((?:{_TYPES})\s*:?)\s+(?=Điều\s+1\b)"), r"\n\1\n", None),
    (re.compile(r"\s+(Điều\s+\d{1,3}\.)"), r"\n\1", "Điều"),
    # recipients
    # (a blank line before, as printed: the footer apart from the body)
    (re.compile(r"\s*(Nơi nhận\s*:)\s*"), rf"\n{_BLANK}\n\1\n", "Nơi nhận"),
    (re.compile(r"(?<=[;,.:])\s+(-\s)"), r"\n\1", None),
    # the authority mark, the mark of signing, the name after it
    (re.compile(rf"\s+({_MARKS})"), r"\n\1", None),
    # a letter's closing words before the signer's title ("… cảm ơn! KÍNH THƯ PHÓ CHỦ TỊCH …")
    (
        re.compile(rf"{_SENTENCE_END}\s+(KÍNH THƯ|TRÂN TRỌNG)\s+(?={_SIGNER_TITLES}\s)"),
        r"\n\1\n",
        None,
    ),
    # the signature block of an old decision, no mark before it: the signer's title in
    # capitals after the last article's sentence, the name after it ("… quyết định này. BỘ
    # TRƯỞNG BỘ NỘI VỤ Phan Kế Toại"); a name, or a title (after the body's name, too), just
    # before "(Đã ký)" ("… quyết định này. Tố Hữu (Đã ký)", "… này. Phó Chủ tịch (Đã ký) Võ Văn
    # Kiệt", "… này. UBND thành phố Hồ Chí Minh Chủ tịch (Đã ký)")
    (
        re.compile(
            rf"{_SENTENCE_END}\s*({_SIGNER_TITLES}(?:\s+[{_UP},]+){{0,8}}?)\s+({_NAME})(?=\s|$)"
        ),
        r"\n\1\n\2\n",
        None,
    ),
    (
        re.compile(
            rf"(?:{_SENTENCE_END}\s+({_NAME})|\s+({_SIGNER_TITLES_LOW}))\s*(?=\((?:đã ký|Đã ký|ký)\))"
        ),
        r"\n\1\2\n",
        None,
    ),
    (re.compile(r"\s*(\((?:đã ký|Đã ký|ký)\))\s*"), r"\n\1\n", "("),
    # the signer's name right after the archive line ("- Lưu Văn phòng Tỉnh ủy. Hoàng Giang"),
    # the signature's other lines beside the recipients (see _footer_columns)
    (
        re.compile(
            rf"(\n-\s*Lưu\b[^\n]*?\.)\s+(?={_NAME}(?:\s*$|\s+[^{_LOW}\s]))",
        ),
        r"\1\n",
        None,
    ),
    # the signature block right after the archive line, when no mark opens it ("- Lưu: VT, CCHC. GIÁM ĐỐC …")
    (
        re.compile(rf"(\n-\s*Lưu\b[^\n.]*(?:\.(?!\s)[^\n.]*)*\.)\s+(?=[{_UP}]{{2,}}\s)"),
        r"\1\n",
        None,
    ),
]


def _break(pattern: re.Pattern[str], repl: str, text: str, literal: str | None) -> str:
    """``pattern.sub(repl, text)``. With a ``literal``, the pattern is blanks (``\\s*`` or
    ``\\s+``, no lookbehind) then that literal: a match can only begin where the blanks before
    an occurrence begin (or where the previous match ended), so it is tried there alone, the
    occurrences found by ``str.find`` (a pattern that opens with blanks gives the engine no
    first character to look for, and it would try every position)."""
    if literal is None:
        return pattern.sub(repl, text)
    out: list[str] = []
    last = 0
    at = text.find(literal)
    while at >= 0:
        start = at
        while start > last and text[start - 1].isspace():
            start -= 1
        found = pattern.match(text, start)
        if found is None:
            at = text.find(literal, at + 1)
            continue
        out.append(text[last:start])
        out.append(found.expand(repl))
        last = found.end()
        at = text.find(literal, last)
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


# A signer's title glued after the authority's body on its line: "… ĐOÀN BÍ THƯ THƯỜNG TRỰC",
# "TL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ TỔ CHỨC PHI CHÍNH PHỦ" (the title with its unit's name); a
# second title, the signer's other office, is a line of its own ("… CHỦ TỊCH GIÁM ĐỐC SỞ NỘI VỤ");
# not the name of a body that holds a title's words ("T/M BAN BÍ THƯ").
_TITLE_IN_CAPS = (
    r"(?:(?:PHÓ|TỔNG)\s+)?(?:BÍ THƯ|CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|THỨ TRƯỞNG"
    r"|THỦ TƯỚNG|CỤC TRƯỞNG|VỤ TRƯỞNG|HIỆU TRƯỞNG|VIỆN TRƯỞNG)(?:\s+THƯỜNG TRỰC)?"
    rf"(?:\s+(?:VỤ|CỤC|SỞ|BAN|VĂN PHÒNG)(?:\s+[{_UP},]+)+)?"
)
_AUTHORITY_TITLE = re.compile(
    rf"^((?:{_MARKS}).+?)(?!(?<=\sBAN)\s+BÍ THƯ)\s+({_TITLE_IN_CAPS})(?:\s+({_TITLE_IN_CAPS}))?$",
    re.MULTILINE,
)


def _authority_title_parted(line: str) -> str:
    """The mark's line, its authority and the signer's title (and other office) apart."""
    found = _AUTHORITY_TITLE.match(line)
    if found is None:
        return line
    return "\n".join(part for part in found.groups() if part)


def is_flat(text: str) -> bool:
    """A text of at most three lines, one of them long, opening with a document's header, or a
    news page's headline and date or body's opening words."""
    if len(text) < 400:
        # a short news page on one line: its headline, then its date or its lead
        return len(text) >= 200 and "\n" not in text.rstrip("\n") and _news_opened(text)
    text = _without_trailing_stamp(text)
    at = -1
    for _ in range(4):  # more than three line breaks: not flat (found without counting them all)
        at = text.find("\n", at + 1)
        if at < 0:
            break
    else:
        return False
    lines = text.split("\n")
    if len(lines[0]) >= 400 and _BREAKS[_OPENING_BREAK][0].search(lines[0][:300]):
        # a news page with no date: its headline, then the body's opening words, on its first
        # line (a headline on a line of its own is not flattened)
        return True
    return any(
        len(line) >= 400 and (_HEAD.search(line[:400]) or _NEWS_DATE.search(line[:300]))
        for line in lines
    )


def _without_trailing_stamp(text: str) -> str:
    """``text`` without an e-signature stamp's lines at its end (the signing time, and the
    signing body's name in capitals above it), which a flattened copy may keep on lines of
    their own."""
    # (imported here: vanban.patterns imports vanban.normalize, which imports this module)
    from vanban.patterns import STAMP_TIME_RE

    body = text.rstrip()
    last_break = body.rfind("\n")
    if last_break < 0 or STAMP_TIME_RE.match(body, last_break + 1) is None:
        return text
    body = body[:last_break].rstrip()
    above = body.rfind("\n")
    name = body[above + 1 :]
    if above >= 0 and len(name) <= 80 and name.isupper():
        body = body[:above]
    return body


def _news_opened(line: str) -> bool:
    """A headline followed by a news page's date line or the body's opening words."""
    return bool(_NEWS_DATE.search(line[:300]) or _BREAKS[_OPENING_BREAK][0].search(line[:300]))


def reflow(text: str) -> str:
    """Line breaks put back into a flattened document (unchanged if it is not one)."""
    if not is_flat(text):
        return text
    if not _HEAD.search(text[:400]):
        # a news page: its date line (label, time, date) apart from the headline and the body
        text = _NEWS_DATE.sub("\n\\1\n", text, count=1).strip()
        # and the body's opening words apart from the headline
        pattern, repl, _ = _BREAKS[_OPENING_BREAK]
        return "\n".join(p for p in pattern.sub(repl, text).split("\n") if p != _BLANK)
    # the motto of the header's right column, wherever it was glued in the header
    motto = _MOTTO.search(text, 0, 400)
    if motto:
        head, rest = text[: motto.start()], text[motto.end() :]
        motto_line = motto.group(1)
        number = _NUMBER_IN_HEAD.search(head)
        if number:
            # the left column's number and subject read before the right column's motto (a
            # letter's header, column after column): the motto goes back under the body
            head, rest = head[: number.start()], head[number.start() :] + " " + rest
            # and the motto's second line, read after the subject, goes with it
            second_line = _MOTTO_SECOND_LINE.search(rest, 0, 400)
            if second_line and not motto.group(1).startswith("Độc"):
                motto_line = motto.group(1) + "\n" + second_line.group(1)
                rest = rest[: second_line.start()] + "\n" + rest[second_line.end() :]
        elif not motto.group(1).startswith("Độc"):
            # the columns read line by line: "ỦY BAN NHÂN DÂN CỘNG HÒA … VIỆT NAM TỈNH HẬU
            # GIANG Độc lập …": the capitals before the motto's second line end the body's name
            second = _BODY_THEN_MOTTO_LINE.match(rest)
            if second:
                head, rest = head + " " + second.group(1), second.group(2) + rest[second.end() :]
        text = head + "\n" + motto_line + "\n" + rest
    for pattern, repl, literal in _BREAKS:
        text = _break(pattern, repl, text, literal)
    # the left column's two bodies, the superior one and the issuing one, on one line
    first_break = text.find("\n")
    head = text if first_break < 0 else text[:first_break]
    if len(head) <= 200:
        text = _PARENT_THEN_BODY.sub(r"\1\n\2", head, count=1) + text[len(head) :]
    text = _footer_columns(text)
    lines: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        after_archive = bool(lines) and _ARCHIVE.match(lines[-1]) is not None
        if _MARK.match(line) or (after_archive and line[:2].isupper()):
            lines.extend(_signature_lines(line))
        elif lines and _SIGNED.fullmatch(lines[-1]) and line[:1].isupper():
            # the name under "(đã ký)", then the signer's other office ("Nguyễn Long Hải Bí
            # thư Ban Chấp hành Trung ương Đoàn")
            lines.extend(_name_parted(line.split()))
        else:
            lines.append(line)
    lines = [part for line in lines for part in line.split("\n") if part]
    lines = ["" if line == _BLANK else line for line in lines]
    for index, line in enumerate(lines[:4]):
        if index + 1 < len(lines) and (
            _STAR.match(lines[index + 1]) or _MOTTO.match(lines[index + 1])
        ):
            # the body's name in capitals right above its star or the motto, after a web
            # page's words ("Hệ thống pháp luật BỘ NỘI VỤ"): a line of its own
            words = line.split()
            cut = len(words)
            while cut > 0 and words[cut - 1].isupper():
                cut -= 1
            if 0 < cut <= len(words) - 2:
                lines[index : index + 1] = [" ".join(words[:cut]), " ".join(words[cut:])]
            break
    out: list[str] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not following and index + 2 < len(lines):
            following = lines[index + 2]  # (after the blank line before the body)
        if _AFTER_AUTHORITY.match(following):
            # the authority line in capitals glued after the title: "… số tỉnh ỦY BAN NHÂN
            # DÂN TỈNH AN GIANG" before "Căn cứ …"
            words = line.split()
            cut = len(words)
            while cut > 0 and words[cut - 1].isupper():
                cut -= 1
            if cut <= len(words) - 3:
                if cut:
                    out.append(" ".join(words[:cut]))
                out.extend(_authority_parted(" ".join(words[cut:])))
                continue
        out.append(line)
    return "\n".join(out)


# The opening of an authority line, the longer names first ("HỘI ĐỒNG BỘ TRƯỞNG" before
# "BỘ TRƯỞNG"; a minister with the ministry's name, "BỘ TRƯỞNG BỘ NỘI VỤ", "BỘ TRƯỞNG PHỦ THỦ
# TƯỚNG", as one).
_AUTHORITY_OPENING = re.compile(
    r"(?<!\S)(?:[ỦU][YỶ] BAN THƯỜNG VỤ QUỐC HỘI|HỘI ĐỒNG (?:BỘ TRƯỞNG|CHÍNH PHỦ|NHÂN DÂN)"
    r"|(?:PHÓ )?CHỦ TỊCH|[ỦU][YỶ] BAN NHÂN DÂN|[ỦU][YỶ] BAN HÀNH CHÍNH"
    rf"|(?:BỘ TRƯỞNG|THỦ TRƯỞNG)(?: (?:BỘ|PHỦ) [{_UP}]+)?|(?:PHÓ )?THỦ TƯỚNG|QUỐC HỘI"
    r"|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|GIÁM ĐỐC)(?!\S)"
)
_OFFICE = re.compile(r"(?:PHÓ )?(?:CHỦ TỊCH|THỦ TƯỚNG)")
# the words a body's name follows inside a title ("… CỦA ỦY BAN NHÂN DÂN TỈNH …")
_TITLE_LINKS = frozenset(["CỦA", "CUẢ", "VỀ", "VỚI", "CHO", "VÀ", "TẠI", "THUỘC"])


def _authority_parted(line: str) -> list[str]:
    """A title in capitals with the authority line glued after it, before the grounds: "QUYẾT
    ĐỊNH VỀ VIỆC ĐỔI TÊN CÁC XÃ CỦA TỈNH HÀ-GIANG BỘ TRƯỞNG BỘ NỘI VỤ". The authority opens at
    the last name of a body or an office the line holds, unless a title's link word ("CỦA",
    "VỀ") stands before it."""
    found = list(_AUTHORITY_OPENING.finditer(line))
    if not found:
        return [line]
    start = found[-1].start()
    if len(found) > 1 and _OFFICE.fullmatch(found[-2].group()) and found[-2].end() + 1 == start:
        start = found[-2].start()  # "… CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG": an office of the body
    before = line[:start].split()
    tail = line[start:].split()
    if len(before) < 2 or len(tail) > 16 or before[-1] in _TITLE_LINKS:
        return [line]
    if _AUTHORITY_OPENING.fullmatch(" ".join(before)):
        return [line]  # "CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG": one authority
    # (a blank line between: the title ends there, as printed)
    parted = [" ".join(before), "", " ".join(tail)]
    # the state's name after the body's ("QUỐC HỘI NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") is
    # a line of its own
    return [part for p in parted for part in _STATE_NAME.split(p, maxsplit=1)]


_STATE_NAME = re.compile(r"\s+(?=NƯỚC CỘNG H[OÒ]A\b)")


# A signer's title in sentence case after the authority's body ("TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI
# Chủ tịch NÔNG ĐỨC MẠNH")
_TITLE_LOW_RE = re.compile(_SIGNER_TITLES_LOW + r"(?!\S)")


def _signature_lines(line: str) -> list[str]:
    """A signature block on one line, from its mark or after the archive line, in its lines:
    the authority, the signer's title, the name, and what follows the name."""
    words = line.split()
    # "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn Bình": the name (capitalised words, not
    # capitals) ends the line, the title ends what is left
    cut = len(words)
    while cut > 1 and _is_name_word(words[cut - 1]):
        cut -= 1
    if 2 <= len(words) - cut <= 5:
        return [_authority_title_parted(" ".join(words[:cut])), " ".join(words[cut:])]
    # else the name is inside the line, something after it ("… PHÓ CHỦ TỊCH Trần Thành Lập ;",
    # "… Chủ tịch NÔNG ĐỨC MẠNH Lưu tại …"): the first word in small letters after the mark
    # opens a title in sentence case or the name
    first = next((i for i in range(1, len(words)) if _is_name_word(words[i])), None)
    if first is None or "-" in words[:first]:  # (recipients beside it: a footer's columns)
        return [_authority_title_parted(line)]
    head = [_authority_title_parted(" ".join(words[:first]))]
    rest = " ".join(words[first:])
    title = _TITLE_LOW_RE.match(rest)
    if title:
        head.append(title.group())
        rest = rest[title.end() :].strip()
    return [*head, *_name_parted(rest.split())]


def _name_parted(names: list[str]) -> list[str]:
    """A name (two to four words, capitals or capitalised) at the start of a line, and what
    follows it, as two lines."""
    same = str.isupper if names and names[0].isupper() else _is_name_word
    end = 0
    while end < min(len(names), 4) and same(names[end]):
        end += 1
    if end < len(names) and names[end][:1].islower() and end > 2:
        end -= 1  # "Nguyễn Long Hải Bí thư …": the last capitalised word opens a title
    if end < 2:
        return [" ".join(names)]
    return [" ".join(names[:end]), " ".join(names[end:])]


_SIGNED = re.compile(r"\((?:đã ký|Đã ký|ký)\)")


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() and word.isalpha()


# A news page's date line flattened: a date in figures, with its label, time, weekday
# ("Ngày đăng 08/07/2014 | 00:00", "Cập nhật, 05:22, Thứ Sáu, 21/04/2017 (GMT+7)", "10:10,
# 09/10/2020", "23/03/2016 - 19:06")
_NEWS_DATE = re.compile(
    # (not a cited document's date: "… số 57-KH/HVCTQG ngày 05/02/2025 của …")
    r"(?:^|(?<![Nn]gày)\s+)((?:(?:Cập nhật|Ngày đăng|Ngày cập nhật)(?: lúc)?\s*[:,]?\s*)?"
    r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*,?\s*)?(?:Thứ \w+,?\s*)?\d{1,2}([/-])\d{1,2}\2\d{4}"
    r"(?:\s*[|,-]\s*\d{1,2}:\d{2}(?::\d{2})?)*(?:\s*\(GMT\+7\))?(?:\s*\|?\s*Lượt xem:\s*\d+)?"
    # (or the page's view count alone)
    r"|Lượt xem:\s*\d+)\s+"
)
# the rule that parts the body's opening words from the title
_OPENING_BREAK = next(i for i, (p, _, _) in enumerate(_BREAKS) if "Triển khai" in p.pattern)
_STAR = re.compile(r"\*{1,3}$")
_MARK = re.compile(_MARKS)
_ARCHIVE = re.compile(r"-\s*Lưu\b")
# what follows the authority line: the grounds, or an old resolution's "Sau khi nghe …"
_AFTER_AUTHORITY = re.compile(r"-?\s*(?:Căn cứ|Xét|Theo đề nghị|Sau khi)\b")


# A piece of the signature in capitals read between the recipients, as a two-column footer
# (recipients left, signature right; Nghị định 30/2020/NĐ-CP, 36-HD/VPTW) reads line by line:
# "Nơi nhận: T/M TỈNH ỦY - Ban Bí thư …; - Văn phòng …; PHÓ BÍ THƯ THƯỜNG TRỰC - Bộ …" (a page
# number, figures alone, may follow it)
_SIGNATURE_PIECE = re.compile(
    rf"(?:(?<=\n)|(?<=[;,.:])[ \t]+)((?:{_MARKS})?[{_UP}][{_UP}/.]*(?:[ \t]+[{_UP}][{_UP}/.,]*)+)"
    r"(?:[ \t]+\d{1,3})?[ \t]+(?=-[ \t])"
)
_SIGNER_TITLE_IN = re.compile(_SIGNER_TITLES)


def _footer_columns(text: str) -> str:
    """The signature's mark and title read between the recipients put after the archive line
    ("- Lưu …"), above the signer's name, where a one-column copy prints them."""
    at = text.rfind("\nNơi nhận")
    if at < 0:
        return text
    archive = _ARCHIVE_LINE.search(text, at)
    if archive is None:
        return text
    pieces: list[str] = []

    def taken(found: re.Match[str]) -> str:
        piece = found.group(1)
        if not (_MARK.match(piece) or _SIGNER_TITLE_IN.search(piece)):
            return found.group()
        pieces.append(piece)
        return "\n"

    block = _SIGNATURE_PIECE.sub(taken, text[at : archive.end()])
    if not pieces:
        return text
    rest = text[archive.end() :].lstrip("\n")
    next_line, _, after = rest.partition("\n")
    words = next_line.split()
    if words and _is_name_word(words[0]):
        next_line = "\n".join(_name_parted(words))
    return "\n".join([text[:at] + block, *pieces, next_line, after])


_ARCHIVE_LINE = re.compile(r"\n-\s*Lưu\b[^\n]*")
