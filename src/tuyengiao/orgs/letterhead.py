"""Who issues a unit's documents, and how the header and signature name it.

The party's issuing bodies are not the units of the tree as such: a "Đảng bộ Sở Nội vụ" issues
its documents as its committee, "ĐẢNG ỦY SỞ NỘI VỤ", signed "T/M ĐẢNG ỦY"; a provincial
committee as "TỈNH ỦY" under "ĐẢNG BỘ TỈNH …", signed "T/M BAN THƯỜNG VỤ"; a board of the
committee under the committee's name ("TỈNH ỦY BÌNH AN" / "BAN TUYÊN GIÁO VÀ DÂN VẬN"), its head
signing directly. Rules: Hướng dẫn 36-HD/VPTW điểm 1.2.1 (tên cơ quan ban hành) and 1.7.1 (T/M,
K/T), carried into 05-HD/VPTW — see ``vanban.rules`` (``issuer_name``, ``signature_collective``,
``signature_deputy``, ``signature_seal``) and docs/the-thuc.md.

The five issuing kinds of the party side (:data:`PARTY_KINDS`):

=====================  =========================================  ========================
kind                   units                                      signature
=====================  =========================================  ========================
``ban_thuong_vu``      a committee above the base (Tỉnh ủy,       T/M BAN THƯỜNG VỤ
                       Đảng ủy Khối, Đảng ủy xã as a committee)
``dang_uy``            a đảng bộ cơ sở ("Đảng bộ …")              T/M ĐẢNG ỦY
``chi_bo_co_so``       a chi bộ cơ sở ("Chi bộ …" at the base)    T/M CHI BỘ
``chi_bo_truc_thuoc``  a chi bộ under a đảng bộ cơ sở (a cell)    T/M CHI BỘ, no seal
``ban_dang``           a board of a committee (Ban Tuyên giáo …)  TRƯỞNG BAN / K/T
=====================  =========================================  ========================

State bodies (UBND, Sở, phòng) follow Nghị định 30/2020/NĐ-CP. A "Tổ đảng" issues no documents:
its chi bộ does.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Literal

from tuyengiao.core.official_docx import Letterhead, rules_for

if TYPE_CHECKING:
    from .models import Unit

IssuingKind = Literal[
    "ban_thuong_vu", "dang_uy", "chi_bo_co_so", "chi_bo_truc_thuoc", "ban_dang", "state"
]
Signer = Literal["head", "deputy", "by_order"]
PARTY_KINDS: tuple[IssuingKind, ...] = (
    "ban_thuong_vu",
    "dang_uy",
    "chi_bo_co_so",
    "chi_bo_truc_thuoc",
    "ban_dang",
)
KIND_LABELS: dict[str, str] = {
    "ban_thuong_vu": "Ban Thường vụ cấp ủy",
    "dang_uy": "Đảng ủy cơ sở",
    "chi_bo_co_so": "Chi bộ cơ sở",
    "chi_bo_truc_thuoc": "Chi bộ trực thuộc",
    "ban_dang": "Ban của cấp ủy",
    "state": "Cơ quan nhà nước",
}
# The row of the authority table (Quy định 399-QĐ/TW Điều 11, 13 as reported) each kind falls
# under; None: the table held has no row for it.
AUTHORITY_ROWS: dict[str, str | None] = {
    "ban_thuong_vu": None,
    "dang_uy": "đảng ủy cơ sở",
    "chi_bo_co_so": "chi bộ",
    "chi_bo_truc_thuoc": "chi bộ",
    "ban_dang": None,
    "state": None,
}
# The documents the product drafts.
DRAFTED_TYPES = ("Kế hoạch", "Báo cáo", "Công văn")

_TERRITORIAL_RE = re.compile(
    r"^(Tỉnh|Thành|Huyện|Quận|Thị|Xã|Phường|Đặc khu)\s+(ủy|uỷ)\s+(?P<place>.+)$", re.IGNORECASE
)
_TERRITORY_WORD = {
    "tỉnh": "TỈNH",
    "thành": "THÀNH PHỐ",
    "huyện": "HUYỆN",
    "quận": "QUẬN",
    "thị": "THỊ XÃ",
    "xã": "XÃ",
    "phường": "PHƯỜNG",
    "đặc khu": "ĐẶC KHU",
}
_LEAD_RE = re.compile(r"^(Đảng bộ|Đảng ủy|Đảng uỷ|Chi bộ|Tổ đảng)\s+", re.IGNORECASE)
_LOCAL_RE = re.compile(r"^(xã|phường|thị trấn|đặc khu)\s+(?P<place>[^,]+)$", re.IGNORECASE)
_PROVINCE_PREFIXES = re.compile(
    r"^(tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ|ủy ban nhân dân (tỉnh|thành phố)|uỷ ban nhân dân "
    r"(tỉnh|thành phố)|ubnd (tỉnh|thành phố)|đảng bộ tỉnh)\s+",
    re.IGNORECASE,
)


def issuing_kind(unit: Unit) -> IssuingKind:
    from .models import UnitKind

    if unit.kind == UnitKind.PARTY_COMMITTEE:
        return "ban_thuong_vu"
    if unit.kind == UnitKind.PARTY_BOARD:
        return "ban_dang"
    if unit.kind == UnitKind.BASE_ORGANISATION:
        return "chi_bo_co_so" if unit.name.lower().startswith("chi bộ") else "dang_uy"
    if unit.kind == UnitKind.CELL:
        return "chi_bo_truc_thuoc"
    return "state"


def _issuing_unit(unit: Unit) -> Unit:
    """A tổ đảng issues no documents: its chi bộ does."""
    from .models import UnitKind

    if unit.kind == UnitKind.CELL and unit.name.lower().startswith("tổ đảng") and unit.depth > 1:
        parent = unit.superior()
        if parent is not None:
            return parent
    return unit


def _rest(name: str) -> str:
    return _LEAD_RE.sub("", name.strip()).strip()


def party_body_line(unit: Unit) -> str:
    """The đảng bộ (or chi bộ) a party unit leads, as the header's upper line names it:
    "Tỉnh ủy Bình An" → "ĐẢNG BỘ TỈNH BÌNH AN", "Đảng ủy Khối các cơ quan tỉnh" → "ĐẢNG BỘ KHỐI
    CÁC CƠ QUAN TỈNH", "Đảng bộ Sở Y tế" → "ĐẢNG BỘ SỞ Y TẾ", "Chi bộ Ban Nội chính" → itself."""
    name = unit.name.strip()
    territorial = _TERRITORIAL_RE.match(name)
    if territorial:
        word = _TERRITORY_WORD[territorial.group(1).lower()]
        return f"ĐẢNG BỘ {word} {territorial.group('place')}".upper()
    if name.lower().startswith("chi bộ"):
        return name.upper()
    return f"ĐẢNG BỘ {_rest(name)}".upper()


def committee_name(unit: Unit) -> str:
    """The committee leading a đảng bộ, in running text: "Đảng bộ Sở Y tế" → "Đảng ủy Sở Y tế";
    a committee or a chi bộ keeps its name."""
    if unit.name.lower().startswith("đảng bộ"):
        return "Đảng ủy " + _rest(unit.name)
    return unit.name


def place_of(unit: Unit) -> str:
    """The place of the date line: the commune's (ward's) name for the bodies of a commune and
    those below it, else the province's name from the root of the unit's tree."""
    from .models import Unit as UnitModel

    lineage = list(UnitModel.objects.filter(path__in=unit.ancestor_paths(include_self=True)))
    lineage.sort(key=lambda u: -u.depth)  # the unit first, then up to the root
    for body in lineage:
        local = _LOCAL_RE.match(_rest(body.name))
        if local:
            return local.group("place").strip()
    root = lineage[-1] if lineage else unit
    name = _PROVINCE_PREFIXES.sub("", root.name).strip()
    return name or root.name


def _board_issuer(unit: Unit, parent: Unit | None) -> str:
    name = unit.name
    if parent is not None:
        for suffix in (parent.name, "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Đảng ủy"):
            if name.endswith(" " + suffix):
                name = name[: -len(suffix) - 1]
                break
    return name.upper()


def signature(kind: IssuingKind, unit_name: str, signer: Signer = "head") -> tuple[str, str]:
    """(authority line, signer's title) of the signature block.

    A committee and a chi bộ sign as a collective, "T/M …" (36-HD/VPTW điểm 1.7.1): the
    secretary or a deputy secretary, never "K/T". A board's head signs directly, a deputy
    "K/T TRƯỞNG BAN"; the office signs "T/L BAN THƯỜNG VỤ" by order of the standing committee.
    State bodies: "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC" (NĐ 30/2020 Điều 13)."""
    secretary = "PHÓ BÍ THƯ" if signer == "deputy" else "BÍ THƯ"
    if kind == "ban_thuong_vu":
        if signer == "by_order":
            return "T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"
        return "T/M BAN THƯỜNG VỤ", secretary
    if signer == "by_order":
        raise ValueError("Chỉ Ban Thường vụ cấp ủy có văn bản ký thừa lệnh (T/L).")
    if kind == "dang_uy":
        return "T/M ĐẢNG ỦY", secretary
    if kind in ("chi_bo_co_so", "chi_bo_truc_thuoc"):
        return "T/M CHI BỘ", secretary
    if kind == "ban_dang":
        return ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN") if signer == "deputy" else ("", "TRƯỞNG BAN")
    lowered = unit_name.lower()
    if lowered.startswith(("ủy ban nhân dân", "uỷ ban nhân dân", "ubnd")):
        return (
            ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
            if signer == "deputy"
            else (
                "TM. ỦY BAN NHÂN DÂN",
                "CHỦ TỊCH",
            )
        )
    head = (
        "GIÁM ĐỐC"
        if lowered.startswith("sở ")
        else ("TRƯỞNG PHÒNG" if lowered.startswith("phòng ") else "THỦ TRƯỞNG")
    )
    if signer == "deputy":
        return f"KT. {head}", f"PHÓ {head}"
    return "", head


def letterhead_for(unit: Unit, signer: Signer = "head") -> Letterhead:
    """The letterhead of ``unit``'s documents (see the module's table)."""
    unit = _issuing_unit(unit)
    kind = issuing_kind(unit)
    parent = unit.superior() if unit.depth > 1 else None
    code = unit.short_name or unit.code
    on_behalf, title = signature(kind, unit.name, signer)
    place = place_of(unit)
    if kind == "state":
        return Letterhead(
            kind="state",
            # the header line the unit declares (e.g. "UBND TỈNH …"), else its parent's name
            superior=unit.parent_body_name.upper() or (parent.name.upper() if parent else ""),
            issuer=unit.name.upper(),
            name=unit.name,
            code=code,
            place=place,
            superior_name=parent.name if parent else "",
            on_behalf=on_behalf,
            signer_title=title,
            subordinates="các phòng, đơn vị trực thuộc",
        )
    superior_name = ""
    if kind == "ban_dang":
        superior = parent.name.upper() if parent else unit.parent_body_name.upper()
        issuer = _board_issuer(unit, parent)
        name = unit.name
        superior_name = f"Thường trực {parent.name}" if parent else ""
    else:
        territorial = _TERRITORIAL_RE.match(unit.name.strip())
        if (
            kind == "ban_thuong_vu"
            and territorial
            and territorial.group(1).lower()
            in (
                "tỉnh",
                "thành",
                "huyện",
                "quận",
                "thị",
            )
        ):
            # a territorial committee above the base: "ĐẢNG BỘ TỈNH BÌNH AN" / "TỈNH ỦY"
            superior = party_body_line(unit)
            issuer = f"{territorial.group(1)} {territorial.group(2)}".upper()
        else:
            superior = (
                party_body_line(parent)
                if parent is not None and parent.is_party
                else unit.parent_body_name.upper()
            )
            issuer = committee_name(unit).upper()
        name = committee_name(unit)
        if kind == "ban_thuong_vu":
            name = f"Ban Thường vụ {unit.name}"
        if parent is not None and parent.is_party:
            superior_name = (
                f"Ban Thường vụ {parent.name}"
                if issuing_kind(parent) == "ban_thuong_vu"
                else committee_name(parent)
            )
    subordinates = {
        "ban_thuong_vu": "các tổ chức đảng trực thuộc",
        "dang_uy": "các chi bộ trực thuộc",
        "chi_bo_co_so": "các đảng viên trong chi bộ",
        "chi_bo_truc_thuoc": "các đảng viên trong chi bộ",
        "ban_dang": "các cơ quan, đơn vị liên quan",
    }[kind]
    office = {
        "chi_bo_co_so": "Chi bộ",
        "chi_bo_truc_thuoc": "Chi bộ",
        "dang_uy": "Đảng ủy",
        "ban_dang": "Văn phòng Ban",
    }.get(kind, "Văn phòng")
    return Letterhead(
        kind="party",
        superior=superior,
        issuer=issuer,
        name=name,
        code=code,
        place=place,
        superior_name=superior_name,
        on_behalf=on_behalf,
        signer_title=title,
        has_seal=kind != "chi_bo_truc_thuoc",
        body=AUTHORITY_ROWS[kind],
        subordinates=subordinates,
        office=office,
    )


def may_issue(letterhead: Letterhead, type_name: str, on: date) -> bool:
    """False only when the authority table in force on ``on`` says the body may not issue the
    type; True when it may, or when the table held has no row for the body."""
    if letterhead.body is None:
        return True
    return rules_for(letterhead, on).may_issue(letterhead.body, type_name) is not False


def types_for(unit: Unit, on: date, candidates: tuple[str, ...] = DRAFTED_TYPES) -> list[str]:
    """The types among ``candidates`` ``unit`` may issue on ``on`` (authority table)."""
    letterhead = letterhead_for(unit)
    return [t for t in candidates if may_issue(letterhead, t, on)]
