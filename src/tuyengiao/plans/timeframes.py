"""Time frames and indicators read from the Vietnamese text of a plan.

``parse_timeframe("Quý II/2024")`` → TimeFrame(start=2024-04-01, end=2024-06-30, …). Any text is
accepted: what is not understood keeps its raw text and no dates (the officer fills them in).

``extract_indicators("tỷ lệ đảng viên tham gia học tập ≥ 98%")`` → [Indicator(name="tỷ lệ đảng viên
tham gia học tập", comparator=">=", target=98, unit="%")]. Indicators are targets a plan sets for a
task; the reports app collects the values achieved.

Both work on the accent-folded text (``fold``: lower case, no tone marks, đ→d) so that "hằng năm",
"hàng năm" and "HẰNG NĂM" read alike; positions in the folded text match the original because
folding keeps one character per character for Vietnamese letters (spaces are collapsed first).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

NONE = "none"
YEARLY = "yearly"
QUARTERLY = "quarterly"
MONTHLY = "monthly"
RECURRENCES = (NONE, YEARLY, QUARTERLY, MONTHLY)
RECURRENCE_LABELS = {
    NONE: "Một lần",
    YEARLY: "Hằng năm",
    QUARTERLY: "Hằng quý",
    MONTHLY: "Hằng tháng",
}


@dataclass
class TimeFrame:
    """When a task is to be done. ``start``/``end`` are None when the text does not say."""

    raw: str = ""
    start: date | None = None
    end: date | None = None
    recurrence: str = NONE
    ongoing: bool = False  # "thường xuyên": a standing duty with no end

    @property
    def understood(self) -> bool:
        return bool(self.start or self.end or self.recurrence != NONE or self.ongoing)

    def label(self) -> str:
        """A short Vietnamese description: "01/04/2024 – 30/06/2024, hằng quý"."""
        parts: list[str] = []
        if self.start and self.end:
            parts.append(f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}")
        elif self.end:
            parts.append(f"đến {self.end:%d/%m/%Y}")
        elif self.start:
            parts.append(f"từ {self.start:%d/%m/%Y}")
        if self.recurrence != NONE:
            parts.append(RECURRENCE_LABELS[self.recurrence].lower())
        if self.ongoing:
            parts.append("thường xuyên")
        return ", ".join(parts) or self.raw

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["start"] = self.start.isoformat() if self.start else None
        data["end"] = self.end.isoformat() if self.end else None
        return data


def _fold(text: str) -> str:
    """Lower case, tone marks and vowel marks removed, đ→d; one char per char (no collapsing):
    ``vanban``'s aligned fold of the NFC text (a table look-up per word, cached)."""
    from vanban.normalize import fold_aligned

    return fold_aligned(unicodedata.normalize("NFC", text))


_DASH = r"[-–—‐‑−]"
_YEAR = r"((?:19|20)\d\d)"
_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_EVERY = r"(?:hang|dinh ky hang|dinh ky|moi)"


def _day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


_DATE = rf"(\d{{1,2}})\s*(?:/|{_DASH}|\.)\s*(\d{{1,2}})\s*(?:/|{_DASH}|\.)\s*{_YEAR}"
_DATE_WORDS = rf"(\d{{1,2}})\s+thang\s+(\d{{1,2}})\s+nam\s+{_YEAR}"


def _find_dates(folded: str) -> list[tuple[int, date]]:
    found: list[tuple[int, date]] = []
    for pattern in (_DATE, _DATE_WORDS):
        for m in re.finditer(pattern, folded):
            d = _day(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            if d:
                found.append((m.start(), d))
    return sorted(found)


def parse_timeframe(text: str | None) -> TimeFrame:
    """Read a Vietnamese time-frame phrase. Never raises; unknown text keeps ``raw`` only."""
    raw = " ".join((text or "").split())
    tf = TimeFrame(raw=raw)
    if not raw:
        return tf
    try:
        _fill(tf, _fold(raw))
    except Exception:  # pragma: no cover - a parser of free text must never break a page
        return TimeFrame(raw=raw)
    return tf


def _fill(tf: TimeFrame, s: str) -> None:
    # Recurrence words.
    if re.search(rf"\b{_EVERY}\s+nam\b|\bhang nam\b|nhung nam tiep theo|cac nam tiep theo", s):
        tf.recurrence = YEARLY
    elif re.search(rf"\b{_EVERY}\s+quy\b|\bhang quy\b|\btheo quy\b", s):
        tf.recurrence = QUARTERLY
    elif re.search(rf"\b{_EVERY}\s+thang\b|\bhang thang\b|\btheo thang\b", s):
        tf.recurrence = MONTHLY
    if re.search(r"\bthuong xuyen\b|\blien tuc\b", s):
        tf.ongoing = True

    dates = _find_dates(s)
    # "từ ngày a đến ngày b" / two explicit dates: a range.
    if len(dates) >= 2 and re.search(r"\btu\b|\bden\b|" + _DASH, s):
        tf.start, tf.end = dates[0][1], dates[-1][1]
        return
    if not dates and (re.search(_DATE, s) or re.search(_DATE_WORDS, s)):
        return  # a date that does not exist ("31/2/2024"): leave it to the officer
    if len(dates) == 1:
        pos, d = dates[0]
        before = s[:pos]
        if re.search(r"\btu( ngay)?\s*$|\bbat dau( tu)?( ngay)?\s*$|\bsau( ngay)?\s*$", before):
            tf.start = d
        else:  # "trước ngày 30/6/2024", "chậm nhất ngày …", "hoàn thành ngày …", bare date
            tf.end = d
        return

    # Quarter: "quý II/2024", "quý 2 năm 2024", "quý IV-2023".
    m = re.search(rf"\bquy\s+(iv|iii|ii|i|[1-4])\b\s*(?:/|{_DASH}|nam)?\s*{_YEAR}", s)
    if m:
        q, y = _ROMAN_Q[m.group(1)], int(m.group(2))
        tf.start = date(y, 3 * q - 2, 1)
        end_m = re.search(
            rf"\bden\s+(?:het\s+)?quy\s+(iv|iii|ii|i|[1-4])\b\s*(?:/|{_DASH}|nam)?\s*{_YEAR}",
            s[m.end() :],
        )
        if end_m:
            q2, y2 = _ROMAN_Q[end_m.group(1)], int(end_m.group(2))
            tf.end = _month_end(y2, 3 * q2)
        else:
            tf.end = _month_end(y, 3 * q)
        return

    # Half year: "6 tháng đầu năm 2024", "6 tháng cuối năm 2024".
    m = re.search(rf"\b6 thang (dau|cuoi) nam\s+{_YEAR}", s)
    if m:
        y = int(m.group(2))
        tf.start, tf.end = (
            (date(y, 1, 1), date(y, 6, 30))
            if m.group(1) == "dau"
            else (date(y, 7, 1), date(y, 12, 31))
        )
        return

    # Month: "tháng 9/2023", "tháng 9 năm 2023", "trong tháng 09-2023".
    m = re.search(rf"\bthang\s+(\d{{1,2}})\s*(?:/|{_DASH}|nam)\s*{_YEAR}", s)
    if m and not 1 <= int(m.group(1)) <= 12:
        return
    if m:
        y, mo = int(m.group(2)), int(m.group(1))
        before = s[: m.start()]
        if re.search(r"\b(truoc|cham nhat|den|hoan thanh)\b[^,;]*$", before):
            tf.end = _month_end(y, mo)
        else:
            tf.start, tf.end = date(y, mo, 1), _month_end(y, mo)
        return

    years = [(mm.start(), int(mm.group(1))) for mm in re.finditer(rf"(?<!\d){_YEAR}(?!\d)", s)]
    # Period: "giai đoạn 2023–2025", "2023 - 2025", "từ năm 2023 đến năm 2025", "nhiệm kỳ 2020-2025".
    m = re.search(rf"{_YEAR}\s*(?:{_DASH}|den(?: het)?(?: nam)?)\s*{_YEAR}", s)
    if m and int(m.group(1)) <= int(m.group(2)):
        tf.start, tf.end = date(int(m.group(1)), 1, 1), date(int(m.group(2)), 12, 31)
        return
    if len(years) >= 2 and re.search(r"\btu\b.*\bden\b", s) and years[0][1] <= years[-1][1]:
        tf.start, tf.end = date(years[0][1], 1, 1), date(years[-1][1], 12, 31)
        return
    if years:
        pos, y = years[0]
        before = s[:pos]
        # "năm 2024 và những năm tiếp theo": from 2024 on, every year.
        if re.search(r"(nhung|cac) nam tiep theo|tro di|ve sau", s[pos:]):
            tf.start = date(y, 1, 1)
            tf.recurrence = YEARLY
            return
        # "từ nay đến 2025", "đến năm 2025", "trước năm 2025".
        if re.search(r"\b(den|truoc|cham nhat)\b(\s+(het|cuoi))?(\s+nam)?\s*$", before):
            tf.end = (
                date(y, 12, 31)
                if not re.search(r"\btruoc\s+(nam\s+)?$", before)
                else date(y - 1, 12, 31)
            )
            return
        if re.search(r"\btu\b(\s+nam)?\s*$", before):
            tf.start = date(y, 1, 1)
            return
        # "trong năm 2023", "năm 2023", "cuối năm 2023" (end of year) …
        if re.search(r"\bcuoi\s+(nam\s+)?$", before):
            tf.end = date(y, 12, 31)
            tf.start = date(y, 10, 1)
            return
        tf.start, tf.end = date(y, 1, 1), date(y, 12, 31)


# --- time phrases inside running text ------------------------------------------------------------

_PHRASES = [
    # "trước ngày 15/12/2024", "chậm nhất ngày 30/6", "hoàn thành trước 31/12/2023"
    rf"\b(?:hoan thanh |xong )?(?:truoc|cham nhat(?: la)?|han chot)(?: ngay)? \d{{1,2}}\s*/\s*\d{{1,2}}(?:\s*/\s*{_YEAR})?",
    rf"\b(?:trong |tu |den |truoc )?quy (?:iv|iii|ii|i|[1-4])\b\s*(?:/|{_DASH}|nam)\s*{_YEAR}",
    rf"\b(?:trong )?6 thang (?:dau|cuoi) nam {_YEAR}",
    rf"\b(?:trong |truoc |den |cuoi )?thang \d{{1,2}}\s*(?:/|{_DASH}|nam)\s*{_YEAR}",
    rf"\bgiai doan\s+{_YEAR}\s*{_DASH}\s*{_YEAR}",
    rf"\btu (?:nay|nam {_YEAR}) den (?:het )?(?:nam )?{_YEAR}",
    rf"\bnam {_YEAR} va (?:nhung|cac) nam tiep theo",
    rf"\b(?:trong|ca|cuoi) nam {_YEAR}(?!\s*(?:{_DASH}|den))",
    r"\b(?:dinh ky )?(?:hang|moi) (?:nam|quy|thang)\b|\bdinh ky 6 thang(?:,? hang nam)?\b",
]
_PHRASE_RE = [re.compile(p) for p in _PHRASES]
_ONGOING_START = re.compile(
    r"^(?:[-+•*–]\s*)?(thuong xuyen|hang nam|hang quy|hang thang|dinh ky)\b"
)


def find_timeframe(text: str | None, *, standing: bool = False) -> str | None:
    """The first time-frame phrase of running text, as printed ("trong năm 2023", "giai đoạn
    2023 - 2025", "trước ngày 15/12/2024", "hằng quý"), or None.

    Dates cited with a document ("Kế hoạch số 293-KH/TU, ngày 20/7/2023") are no time frame and
    are not looked for. "Thường xuyên" (standing) counts only when ``standing`` is set (a
    section's or document's own frame) or when a sentence starts with it."""
    if not text:
        return None
    raw = " ".join(text.split())
    folded = _fold(raw)
    best: tuple[int, int] | None = None
    for pattern in _PHRASE_RE:
        m = pattern.search(folded)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end())
    if best is None:
        m = _ONGOING_START.match(folded)
        if m:
            best = m.span(1)
        elif standing:
            m = re.search(r"\bthuong xuyen\b", folded)
            if m:
                best = m.span()
    if best is None:
        return None
    return raw[best[0] : best[1]].strip(" ,.;:")


# --- indicators -------------------------------------------------------------------------------

GE, GT, LE, LT, EQ = ">=", ">", "<=", "<", "="
COMPARATOR_LABELS = {GE: "≥", GT: ">", LE: "≤", LT: "<", EQ: "="}


@dataclass
class Indicator:
    """A measurable target of a task: "tỷ lệ đảng viên tham gia học tập ≥ 98%"."""

    name: str
    comparator: str
    target: float
    unit: str = ""
    raw: str = field(default="", compare=False)

    def label(self) -> str:
        target = f"{self.target:g}".replace(".", ",")
        unit = self.unit if self.unit in ("", "%") else f" {self.unit}"
        return f"{self.name} {COMPARATOR_LABELS.get(self.comparator, self.comparator)} {target}{unit}".strip()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Indicator:
        return cls(
            name=str(data.get("name", "")),
            comparator=str(data.get("comparator", GE)),
            target=float(data.get("target", 0)),
            unit=str(data.get("unit", "")),
            raw=str(data.get("raw", "")),
        )


# Comparator phrases (folded), longest first; each maps to a comparator.
_COMPARATOR_WORDS: list[tuple[str, str]] = [
    (r"≥|>=|=>", GE),
    (r"≤|<=|=<", LE),
    (
        r"dat\s+it\s+nhat(?:\s+tu)?|it\s+nhat(?:\s+la|\s+tu)?|toi\s+thieu(?:\s+la)?|tu|khong\s+duoi|khong\s+thap\s+hon|dat\s+tren|dat\s+tu",
        GE,
    ),
    (r"toi\s+da(?:\s+la)?|khong\s+qua|khong\s+vuot\s+qua|duoi\s+muc", LE),
    (r"tren|hon|vuot|>", GT),
    (r"duoi|<", LT),
    (r"dat", GE),  # "đạt 100%": reach at least
    (r"bang|=|la", EQ),
]
_NUMBER = r"(\d{1,3}(?:[.,]\d+)?)"
_UNITS = r"(%|phan\s+tram|nguoi|dang\s+vien|lop|hoi\s+nghi|buoi|bai|tin\s+bai|lan|chi\s+bo|co\s+so|don\s+vi)"
_IND_RE = re.compile(
    r"(?P<cmp>"
    + "|".join(p for p, _ in _COMPARATOR_WORDS)
    + r")\s*"
    + _NUMBER
    + r"\s*"
    + _UNITS
    + r"(?P<after>\s+tro\s+len)?"
)
_NAME_LEADS = re.compile(r"\b(ty\s+le|so\s+luong)\b")
_SENTENCE_BREAK = re.compile(r"[.;:!?\n]\s|[;:\n]")
_CLAUSE_BREAK = re.compile(r"[.;:!?\n]|,\s|\s-\s|\(")


def _comparator_for(word: str) -> str:
    for pattern, cmp in _COMPARATOR_WORDS:
        if re.fullmatch(pattern, word.strip()):
            return cmp
    return EQ


def extract_indicators(text: str | None) -> list[Indicator]:
    """Targets stated in a task's text ("≥ 98%", "đạt 100%", "trên 95%", "ít nhất 2 lớp")."""
    if not text:
        return []
    original = " ".join(unicodedata.normalize("NFC", text).split())
    folded = _fold(original)
    found: list[Indicator] = []
    for m in _IND_RE.finditer(folded):
        # The comparator must start on a word boundary (not inside "tu" of "tuyen").
        if m.start() > 0 and folded[m.start() - 1].isalnum() and m.group("cmp")[0].isalpha():
            continue
        cmp = _comparator_for(m.group("cmp"))
        if m.group("after"):
            cmp = GE  # "từ 98% trở lên", "đạt 98% trở lên"
        number = float(m.group(2).replace(",", "."))
        unit_word = m.group(3)
        unit = "%" if unit_word in ("%", "phan tram") else original[m.start(3) : m.end(3)]
        name = _indicator_name(original, folded, m.start())
        if not name and unit != "%":
            name = unit
        found.append(
            Indicator(
                name=name,
                comparator=cmp,
                target=number,
                unit=unit,
                raw=original[m.start() : m.end()],
            )
        )
    return found


def _indicator_name(original: str, folded: str, end: int) -> str:
    """The words before the comparator: from "tỷ lệ"/"số lượng" in the same sentence, else the clause."""
    sentence_start = 0
    for br in _SENTENCE_BREAK.finditer(folded, 0, end):
        sentence_start = br.end()
    leads = list(_NAME_LEADS.finditer(folded, sentence_start, end))
    if leads:
        start = leads[-1].start()
    else:
        start = sentence_start
        for br in _CLAUSE_BREAK.finditer(folded, sentence_start, end):
            start = br.end()
    phrase = original[start:end].strip(" ,-–:")
    # Drop trailing verbs that belong to the comparator: "phấn đấu đạt", "phải đạt".
    phrase = re.sub(
        r"(\s+(phấn đấu|phần đầu|phải|cần|đều|luôn|được|đạt|là))+\s*$",
        "",
        " " + phrase,
        flags=re.IGNORECASE,
    ).strip()
    words = phrase.split()
    if len(words) > 30:
        phrase = " ".join(words[-30:])
    return phrase
