"""Who a plan gives its work to, read from its wording.

* ``is_collective("các chi, đảng bộ cơ sở")`` — a name for a class of units rather than one unit:
  such a task goes to every unit the plan is sent to;
* ``split_assignee("Văn phòng Sở: Theo dõi, quán triệt …")`` — an item that starts with its
  assignee (a bare unit name, "X: duty", "Đối với X");
* ``addressed_units(text)`` — the units a document addresses as a whole ("Ban Thường vụ Tỉnh ủy
  yêu cầu các cấp ủy, tổ chức đảng … thực hiện", "Cấp ủy các chi bộ căn cứ Kế hoạch này …");
* ``reporting_duties(text)`` — "báo cáo kết quả về … trước ngày …" sentences.

Everything works on accent-folded text (``timeframes._fold``: one character per character), so
that the phrases are cut from the original with their accents.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .timeframes import _fold, find_timeframe

# Nouns naming a kind of unit, and words that make a name plural or generic.
_UNIT_CLASS = (
    r"(?:chi bo|dang bo|cap uy|chi uy|dang uy|to chuc(?: co so)? dang|co so dang|to dang|"
    r"don vi|co quan|phong|chi, dang bo|to chuc co so)"
)
_COLLECTIVE_RE = re.compile(
    rf"^(?:(?:cac|moi|tat ca(?: cac)?|toan the(?: cac)?)\s+(?:cap uy\s+)?{_UNIT_CLASS}"
    rf"|cap uy\s+(?:cac\s+(?:co so|chi bo|dang bo)|co so|chi, dang bo)"
    rf"|cap uy,\s*to chuc dang|(?:dang bo|chi bo|to chuc dang) co so"
    rf"|(?:chi bo|dang bo|don vi|co quan) truc thuoc|cap duoi)\b"
)
_NAME_PREFIX = re.compile(r"^(?:de nghi|yeu cau|doi voi|giao)\s+")


def _clean(text: str) -> str:
    return " ".join(text.replace("*", "").split()).strip(" .;:,")


def is_collective(name: str) -> bool:
    """A name for a class of units ("các đảng bộ cơ sở", "cấp ủy cơ sở", "các đơn vị trực
    thuộc", "Cấp ủy các chi bộ"), not one unit."""
    folded = _NAME_PREFIX.sub("", _fold(_clean(name)))
    return bool(_COLLECTIVE_RE.match(folded))


_PARTS = re.compile(r"\s*(?:,|;|\bva\b)\s*")
_VERBISH = re.compile(
    r"\b(?:thuc hien|trien khai|to chuc|tham muu|xay dung|chi dao|phoi hop|theo doi|"
    r"quan triet|tuyen truyen|bao cao|lanh dao|huong dan|kiem tra|day manh|tang cuong|nang cao)\b"
)


_UNIT_NOUN = re.compile(
    r"^(?:cac |moi )?(?:ban|van phong|phong|so|uy ban|dang uy|dang bo|chi bo|chi uy|cap uy|doan|hoi|"
    r"trung tam|to chuc dang|co quan|don vi|mat tran|cong doan|huyen uy|tinh uy|thanh uy|"
    r"quan uy|thi uy|thu vien|bao|dai|vien|truong|cuc|chi cuc|tong cong ty|cong ty)\b"
)


def looks_like_unit(name: str) -> bool:
    """A name a sentence starts with that can be a unit: two words or more, holding a unit
    noun ("Ban …", "Văn phòng …", "Đảng ủy …"), not a verb phrase ("Tổ chức", "Lãnh đạo")."""
    folded = _fold(_clean(name))
    words = folded.split()
    if len(words) < 2 or _VERBISH.match(folded):
        return False
    return is_collective(name) or bool(_UNIT_NOUN.search(folded))


@dataclass
class Assignee:
    """The assignee an item starts with, and the duty that follows it on the same line."""

    name: str
    duty: str = ""


def _names_a_unit(text: str, known: Iterable[str], match: Callable[[str], object] | None) -> bool:
    folded = _NAME_PREFIX.sub("", _fold(_clean(text)))
    if not folded or len(folded.split()) > 16:
        return False
    known_folded = {_NAME_PREFIX.sub("", _fold(_clean(k))) for k in known}
    if folded in known_folded:
        return True
    # "Cấp ủy Chi bộ, Ban chấp hành các đoàn thể": every part a unit we know of.
    parts = [p for p in _PARTS.split(folded) if p]
    if len(parts) > 1 and all(p in known_folded or _COLLECTIVE_RE.match(p) for p in parts):
        return True
    if _VERBISH.search(folded):
        return False
    if is_collective(text):
        return True
    return match is not None and match(text) is not None


def split_assignee(
    heading: str, known: Iterable[str] = (), match: Callable[[str], object] | None = None
) -> Assignee | None:
    """The assignee an item's heading starts with: the whole heading when it is only a unit's
    name ("Ban Tổ chức Đảng ủy Khối", "Cấp ủy cơ sở"), "X: duty", or "Đối với X …".
    ``known`` are the unit names the parser found for the item; ``match`` finds a Unit by name."""
    heading = " ".join(heading.split())
    known = list(known)
    bare = _clean(heading)
    if not bare:
        return None
    if _fold(bare).startswith("doi voi "):
        return Assignee(name=bare[len("đối với ") :].strip())
    if _names_a_unit(bare, known, match):
        return Assignee(name=bare)
    if ": " in heading:
        left, right = heading.split(": ", 1)
        if right.strip() and _names_a_unit(left, known, match):
            duty = right.strip()
            return Assignee(name=_clean(left), duty=duty[:1].upper() + duty[1:])
    return None


# --- the units a whole document addresses -------------------------------------------------------

_ADDRESS_RE = re.compile(
    r"\b(?:yeu cau|de nghi|giao)\s+(?P<who>(?:cac|cap uy|moi|tat ca|to chuc)[^.;:]{2,160}?)"
    r"(?<!,)\s+(?:tiep tuc\s+|nghiem tuc\s+|khan truong\s+|chu dong\s+)?"
    r"(?:thuc hien|trien khai|quan triet|to chuc(?! (?:co so )?dang)|tap trung|xay dung|"
    r"lanh dao|can cu|chi dao)\b"
)
_BASED_ON_RE = re.compile(
    r"(?:^|\n|[.;]\s)(?P<who>[^.;:\n]{3,100}?)\s+can cu\s+"
    r"(?:vao\s+)?(?:ke hoach|chuong trinh|ket luan|chi thi|nghi quyet|huong dan|de an)\s+nay\b"
)


def addressed_units(text: str) -> str | None:
    """The class of units a document addresses as a whole, as printed, or None."""
    if not text:
        return None
    raw = " ".join(text.replace("*", "").split(" "))
    folded = _fold(raw)
    found: list[tuple[int, str]] = []
    for pattern in (_BASED_ON_RE, _ADDRESS_RE):
        for m in pattern.finditer(folded):
            who = raw[m.start("who") : m.end("who")].strip(" ,-–+")
            if is_collective(who):
                found.append((m.start("who"), who))
                break
    if not found:
        return None
    return min(found)[1]


# --- reporting duties ---------------------------------------------------------------------------

_REPORT_RE = re.compile(
    r"\bbao cao(?: ket qua| tinh hinh| so ket| tong ket)[^.;:]{0,80}?\bve\s+"
    r"(?P<to>[^.;,()]{3,80}?)(?=\s+(?:truoc|de|theo|dinh ky|trong|cham nhat|hang)\b|\s*[.;,(]|$)"
)


@dataclass
class ReportDuty:
    """ "Báo cáo kết quả về <to> <when>": who receives it, when, and the clause as printed."""

    to: str
    clause: str
    timeframe: str | None


def reporting_duties(text: str) -> list[ReportDuty]:
    """Every "báo cáo kết quả … về X …" of the text, once per receiver and time frame."""
    out: list[ReportDuty] = []
    seen: set[tuple[str, str]] = set()
    if not text:
        return out
    raw = " ".join(text.replace("*", "").split())
    folded = _fold(raw)
    for m in _REPORT_RE.finditer(folded):
        end = len(folded)
        for stop in (".", ";", "\n"):
            pos = folded.find(stop, m.end())
            if 0 <= pos < end:
                end = pos
        clause = raw[m.start() : end].strip(" ,")
        # The time frame may come before ("định kỳ báo cáo …") or after the receiver.
        start = max(0, m.start() - 40)
        lead_in = raw[start : m.start()]
        when = find_timeframe(clause) or find_timeframe(lead_in.split(",")[-1])
        if when is None and re.search(r"\bdinh ky\s*$", _fold(lead_in)):
            when = lead_in.rstrip()[-len("định kỳ") :]  # "định kỳ báo cáo …": recurring
        to = raw[m.start("to") : m.end("to")].strip()
        key = (_fold(to), _fold(when or ""))
        if key in seen:
            continue
        seen.add(key)
        out.append(ReportDuty(to=to, clause=clause[:1].upper() + clause[1:], timeframe=when))
    return out
