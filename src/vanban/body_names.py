"""Names of bodies in running text: where the name after "của" ends.

A cited document's issuer, a body that acts in a sentence, the header's bodies: each is a run
of capitalised words that ends before a word no body's name holds ("về", "khóa", a verb, a type
word), with commas inside one name ("Sở Văn hóa, Thể thao và Du lịch") told from commas between
names ("Sở Nội vụ, Sở Tài chính và …") by the head word of the next body.

Split from :mod:`vanban.citations`, which reads citations with it; the header and the signature
use its head words too.
"""

from __future__ import annotations

import re

from vanban.normalize import alternation, vi_regex
from vanban.patterns import CAPITALS, TYPE_ALT

# Words that end an issuer's name (lower case, old tone placement).
_STOP_WORDS = frozenset(
    [
        "về",
        "khóa",
        "khoá",
        "nhiệm",
        "lần",
        "tại",
        "trong",
        "đến",
        "nhằm",
        "để",
        "đã",
        "đối",
        "với",
        "theo",
        "cho",
        "năm",
        "ngày",
        "Ngày",  # a date (label) starting the next line: "... của Thành ủy Hà Nội / Ngày đăng ..."
        "số",
        "gồm",
        "là",
        "có",
        "được",
        "này",
        "đó",
        "như",
        "sau",
        "kèm",
        "từ",
        "giai",
        "thực",
        "sửa",
        "bổ",
        "hướng",
        "quy",
        "phê",
        "lãnh",
        "tiếp",
        "yêu",
        "đề",
        "xây",
        "nêu",
        "ký",
        "vừa",
        "xin",  # "Tờ trình số 34/… của Đoàn Luật sư tỉnh Lâm Đồng xin phê duyệt …"
        "sẽ",
        "đang",
        "chưa",  # "… của Bộ trưởng Bộ Tư pháp chưa quy định …": an aspect word before a verb
        "mà",
        "thì",
        "nên",
        "ở",
        "trên",
        "dưới",
        "quyết",
        "kết",
        "phân",
        "giao",
        "chủ",
        "tăng",
        "đẩy",
        "nâng",
        "cùng",
        "cũng",
        "gắn",
        "tuyên",
        "gửi",
    ]
)
# Words that end a name only with the next word: "ban hành" (but "Ủy ban nhân dân"), "chỉ đạo",
# "tổ chức" (but "Ban Tổ chức").
# ("triển khai", "phát triển" end a name, but not "Phát triển" in "Bộ Nông nghiệp và Phát triển
# nông thôn": the pairs are matched with their case)
_STOP_PAIRS = {
    "ban": "hành",
    # the subject of a cited document opened by its verb, capitalised, with no "về việc" before
    # it: "Quyết định số … của UBND tỉnh Nghệ An Ban hành Quy chế …" (no body is "Ban hành …")
    "Ban": "hành",
    "chỉ": "đạo",
    "tổ": "chức",
    "báo": "cáo",
    "triển": "khai",
    "phát": "triển",
    "thi": "hành",  # "của Ban Chấp hành Trung ương Đảng thi hành Điều lệ Đảng"
    # "của Hội đồng Chính phủ ủy nhiệm cho Phủ Thủ tướng …" ("Tỉnh ủy" keeps its "ủy")
    "ủy": "nhiệm",
    "uỷ": "nhiệm",
    # the salutation on the line after a letter's subject, which cites a document: "V/v …
    # Nghị quyết số 76/NQ-CP của Chính phủ" / "Kính gửi:" (a PDF's header read column by column)
    "Kính": "gửi",
    "kính": "gửi",
}
_TOKEN = re.compile(r"[^\W\d_]+|\d+|\S")
TERM = re.compile(
    r"[ \t]*\(?[ \t]*(?:khóa|khoá|Khóa|Khoá|KHÓA|KHOÁ)[ \t]{1,3}([IVXLC]{1,7}|\d{1,2})\b\)?"
)


# A comma inside one body's name: "Sở Văn hóa, Thể thao và Du lịch", "Bộ Lao động, Thương binh
# và Xã hội". After the comma come a few words, the first capitalised and not the head word of a
# new body ("Sở Nội vụ, Sở Tài chính và ..." lists two bodies), then "và" and a capitalised word.
_NAME_COMMA = re.compile(r",[ \t]*([^\W\d_]+)((?:[ \t]+[^\W\d_]+){0,3}?)[ \t]+và[ \t]+([^\W\d_]+)")
_BODY_HEADS = frozenset(
    [
        "Sở",
        "Ban",
        "Bộ",
        "Phòng",
        "Ủy",
        "Uỷ",
        "UBND",
        "HĐND",
        "Hội",
        "Đoàn",
        "Chi",
        "Đảng",
        "Cục",
        "Viện",
        "Trường",
        "Báo",
        "Đài",
        "Tòa",
        "Toà",
        "Các",
        "Tổng",
        "Huyện",
        "Tỉnh",
        "Thành",
        "Quận",
        "Xã",
        "Phường",
        "Bệnh",
        "Ngân",
        "Kho",
        "Thường",
        "Lãnh",
        "Hạt",
        "Đội",
        "Học",
        "Cấp",
        "Công",
        "Văn",
        "Trung",
        "Mặt",
        "Chính",
        "Thanh",
        "Kiểm",
        "Nhà",
        "Thị",
        "Liên",
    ]
)


BODY_HEADS = _BODY_HEADS  # the first words of bodies' names (no person's name starts so)


def comma_in_name(text: str, pos: int) -> bool:
    """True when the comma at ``pos`` is inside one body's name."""
    match = _NAME_COMMA.match(text, pos)
    if match is None:
        return False
    first, rest, after = match.group(1), match.group(2), match.group(3)
    if not (first[0].isupper() and after[0].isupper()) or first in _BODY_HEADS:
        return False
    return not any(w in _STOP_WORDS or w in _NOT_IN_NAME for w in rest.split())


def _tasks_comma(before: str, after: str) -> bool:
    """True when a comma joins two tasks in one body's name: "Hội đồng thẩm định, đánh giá chỉ
    số …", "Ban chỉ đạo phòng, chống …". A body named by its task writes the task in lower case,
    so the name before the comma ends with two to four lower-case syllables (a task of a word or
    two, the kind's own second syllable included: "đồng thẩm định") after a capitalised one,
    and the words after it are lower case too, none that no name holds ("của Hội đồng thẩm
    định, các sở …" lists)."""
    words = before.split()
    if not words[0][0].isupper() or not after[0].islower():
        return False
    lower = 0
    for word in reversed(words):
        if word[0].isupper():
            break
        lower += 1
    if not 2 <= lower <= 4:
        return False
    return not any(w in _NOT_IN_NAME for w in after.split())


_NOT_IN_NAME = frozenset(["các", "của", "những", "cơ", "đơn", "vị", "quan", "liên"])


# A run of name words: each word is letters only, words are separated by blanks, and the run
# stops before a lower-case stop word, a stop pair ("ban hành") or "và" before a type word.
_STOP_AHEAD = (
    "(?:"
    + alternation(sorted(_STOP_WORDS - {"số"}, key=len, reverse=True))
    # "số" (number) ends a name, but not in the word "chỉ số" (index): "Hội đồng thẩm định,
    # đánh giá chỉ số cải cách hành chính tỉnh"
    + "|(?<![cC]hỉ[ \t])(?<![cC]hỉ[ \t]{2})số"
    + "|"
    + "|".join(f"{first}\\s+{second}" for first, second in _STOP_PAIRS.items())
    + ")(?![^\\W\\d_])"
    + r"|[vV][àÀ](?![^\W\d_])\s*(?:"
    + vi_regex(rf"(?:{TYPE_ALT})(?![a-z])").pattern
    + ")"
)
_LETTERS = "[^\\W\\d_¹²³⁰⁴⁵⁶⁷⁸⁹]+"  # footnote marks are word characters, not letters
# Possessive repeats: the pattern ends with the run, so the engine never needs to give back a
# blank or a letter (a shorter word would be followed by a letter, not a blank or the end);
# not keeping backtracking points makes each word cheaper. (``{_LETTERS}+`` reads "[...]++".)
_NAME_RUN = re.compile(rf"\s*+((?!{_STOP_AHEAD}){_LETTERS}+(?:\s++(?!{_STOP_AHEAD}){_LETTERS}+)*+)")
_NAME_GLUE = re.compile(r"\s*(?:(,)|[-–](?=\s?[^\W\d_]))")
# A body or a place named as it was before a merger of provinces or communes (Nghị quyết
# 202/2025/QH15 and the arrangements after it): "(cũ)" (former) or "(mới)" (new) closes the
# name it qualifies: "UBND tỉnh Lâm Đồng (cũ)".
_QUALIFIER = re.compile(r"\s*\((?:cũ|mới|Cũ|Mới)\)")
# The former places one body's name lists, the qualifier closing the list: "Đoàn Luật sư tỉnh
# Lâm Đồng, Bình Thuận, Đắk Nông (cũ)" — after the comma only capitalised words (place names),
# in one to four groups parted by "," or "và", then the qualifier.
_UPPER_WORD = rf"[{CAPITALS}][^\W\d_]*"
_FORMER_PLACES = re.compile(
    rf"(?:\s*(?:,|\svà)\s+{_UPPER_WORD}(?:\s+{_UPPER_WORD}){{0,3}}){{1,4}}"
    rf"(?={_QUALIFIER.pattern})"
)
# After a qualified name, the next one qualified too: the former bodies a merger joins, named
# together as one ("Đoàn Luật sư tỉnh Lâm Đồng (cũ), Đoàn Luật sư tỉnh Bình Thuận (cũ)").
_NEXT_FORMER = re.compile(rf"\s*(?:,|\svà)\s+(?=[{CAPITALS}])")
_QUALIFIED_ENDS = ("(cũ)", "(mới)", "(Cũ)", "(Mới)")
_WORD_RUN = re.compile(_LETTERS)
_NAME_TAIL = ("và", "các", "của")


# A title or a heading set in capitals cites documents in capitals too ("THỰC HIỆN CHỈ THỊ SỐ
# 05-CT/TW … CỦA BỘ CHÍNH TRỊ VỀ ĐẨY MẠNH …"), where the small stop words above cannot end the
# name. In capitals, after a word in capitals, these end it: words no body's name holds (not
# "CHỦ" of "CHỦ TỊCH", "GIAO" of "GIAO THÔNG", "ĐỐI" of "ĐỐI NGOẠI", "XÂY" of "XÂY DỰNG", "QUY"
# of "QUY HOẠCH", "TIẾP" of "TIẾP CÔNG DÂN", which end a name only in small letters), and pairs
# none holds ("TỔ CHỨC", "CHỈ ĐẠO", "PHÁT TRIỂN" are in names: "BAN TỔ CHỨC", "BAN CHỈ ĐẠO",
# "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"; "BAN HÀNH" but in "ỦY BAN HÀNH CHÍNH").
_CAPS_STOPS = frozenset(
    [
        "VỀ",
        "KHÓA",
        "KHOÁ",
        "TẠI",
        "ĐÃ",
        "ĐƯỢC",
        "CÓ",
        "NÀY",
        "SỐ",
        "NGÀY",
        "NĂM",
        "THEO",
        "NHẰM",
        "ĐỂ",
        "SẼ",
        "ĐANG",
        "CHƯA",
        "LÀ",
        "GỒM",
        "KÈM",
        "VỪA",
        "ĐẾN",
        "TRONG",
        "VỚI",
    ]
)
_CAPS_STOP_PAIRS = frozenset(
    [
        ("QUY", "ĐỊNH"),
        ("SỬA", "ĐỔI"),
        ("BỔ", "SUNG"),
        ("PHÊ", "DUYỆT"),
        ("PHÊ", "CHUẨN"),
        ("THI", "HÀNH"),
        ("TRIỂN", "KHAI"),
        ("CÔNG", "BỐ"),
        ("ỦY", "NHIỆM"),
        ("UỶ", "NHIỆM"),
        ("THỰC", "HIỆN"),
        ("CHO", "Ý"),
        ("BAN", "HÀNH"),  # (not before "CHÍNH": see below)
    ]
)


# (a blank after a capital, then the stop word or pair in capitals, as a whole word)
_CAPS_STOP_RE = re.compile(
    rf"(?<=[{CAPITALS}])\s+(?:"
    + alternation(sorted(_CAPS_STOPS, key=len, reverse=True))
    + "|"
    + "|".join(
        rf"{first}\s+{second}" + (r"(?!\s+CHÍNH)" if (first, second) == ("BAN", "HÀNH") else "")
        for first, second in sorted(_CAPS_STOP_PAIRS)
    )
    + r")(?![^\W\d_])"
)


def _caps_stop(text: str, start: int, end: int) -> int:
    """``end`` moved back before the first word in capitals, after a word in capitals, that no
    name in capitals holds (:data:`_CAPS_STOPS`, :data:`_CAPS_STOP_PAIRS`); "ỦY BAN HÀNH
    CHÍNH" (the old administrative committees) is a name."""
    found = _CAPS_STOP_RE.search(text, start, end)
    return end if found is None else found.start()


def read_issuer(text: str, pos: int, limit: int = 15) -> tuple[str | None, int, int]:
    """The body name starting at ``pos`` (after "của"): (name or None, start, end)."""
    stop = min(len(text), pos + 400)
    run = _NAME_RUN.match(text, pos, stop)
    if run is None or not run.group(1)[0].isupper():
        return None, pos, pos
    start = run.start(1)
    end = run.end()
    count = len(run.group(1).split())
    while count < limit:
        places = _FORMER_PLACES.match(text, end, stop)
        if places is not None:
            # "… tỉnh Lâm Đồng, Bình Thuận, Đắk Nông (cũ)": the list ends with the qualifier
            end = places.end()
        qualifier = _QUALIFIER.match(text, end, stop)
        if qualifier is not None:
            end = qualifier.end()
            following = _NEXT_FORMER.match(text, end, stop)
            if following is not None:
                # the next former body, qualified too, goes on the name (each within the limit)
                after, _, after_end = read_issuer(text, following.end(), limit)
                if after is not None and after.endswith(_QUALIFIED_ENDS):
                    end = after_end
            return " ".join(text[start:end].split()), start, end
        # "Sở Văn hóa, Thể thao và Du lịch", "Bộ Lao động - Thương binh và Xã hội"
        glue = _NAME_GLUE.match(text, end, stop)
        if glue is None:
            break
        before = run.group(1)
        if glue.group(1) is None and not text[glue.end() : glue.end() + 2].strip()[:1].isupper():
            break
        run = _NAME_RUN.match(text, glue.end(), stop)
        if run is None:
            break
        if (
            glue.group(1) is not None
            and not comma_in_name(text, glue.start(1))
            and not _tasks_comma(before, run.group(1))
        ):
            break
        end = run.end()
        if glue.group(1) is None and run.group(1).split(maxsplit=1)[0] in _BODY_HEADS:
            # "Bộ Giáo dục và Đào tạo – Cục Khảo thí ...": a unit named after its ministry;
            # the word limit holds for each body's name
            count = 0
        count += len(run.group(1).split())
    if count > limit:  # cut after the limit-th word
        words = list(_WORD_RUN.finditer(text, start, end))
        end = words[limit - 1].end()
    end = _caps_stop(text, start, end)
    if text[end : end + 1] == "/":
        # "UBND tỉnh Quảng Ninh V/v ...": the word before a slash begins an abbreviation or a
        # symbol, never a name
        cut = text.rfind(" ", start, end)
        if cut <= start:
            return None, pos, pos
        end = cut
    value = text[start:end].split()
    if value and value[-1].lower() not in _NAME_TAIL:
        # the run ends with a letter: its last word ends at ``end``, which the search below
        # would find again
        return " ".join(value), start, end
    while value and value[-1].lower() in _NAME_TAIL:
        value.pop()
    if not value:
        return None, pos, pos
    end = text.rfind(value[-1], start, end) + len(value[-1])
    return " ".join(text[start:end].split()), start, end
