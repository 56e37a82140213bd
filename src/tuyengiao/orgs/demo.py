"""Demo data: the fictional province of Bình An, as of today (two-level local government since
1/7/2025: Nghị quyết 202/2025/QH15, Hướng dẫn 31-HD/BTCTW).

Tỉnh ủy Bình An (publishes to all) → Ban Tuyên giáo và Dân vận Tỉnh ủy; its two party committees
of agencies — Đảng ủy Ủy ban nhân dân tỉnh and Đảng ủy các cơ quan Đảng tỉnh — with about 40 base
organisations between them (đảng bộ / chi bộ cơ sở of the provincial departments, boards,
colleges, the newspaper, the broadcaster …), each with 2–5 cells, about 1,500 fictional members;
and communes and wards (Đảng bộ xã, phường) directly under the Tỉnh ủy. The state side: UBND
tỉnh → a few Sở → phòng.

The seeds' bloc committee, Đảng ủy Khối các cơ quan tỉnh ("ĐUK", 2021–2023), stays as history:
the tree is first built as it was, then reshaped on 1/7/2025 by a reorganisation sheet run
through ``orgs.reorg_import`` — the bloc renamed Đảng ủy Ủy ban nhân dân tỉnh (its state-side
bases stay; the demo accounts ``khoi``, ``coso1``, ``coso2`` with them), its party-side bases
moved to the new Đảng ủy các cơ quan Đảng tỉnh — so the unit pages show the old name and places,
and roll-ups of periods before the date follow the old tree. ``ctx.objects["bloc"]`` is that unit
(renamed), ``ctx.objects["base_units"]`` its bases today.

Every name is invented; the random choices use a fixed seed, so each run builds the same province.
"""

from __future__ import annotations

import datetime as dt
import random

from tuyengiao.core.demo_context import DemoContext
from tuyengiao.core.text import fold

from .models import CommRole, Person, Unit, UnitKind

SEED = 2026
PROVINCE = "Bình An"
BLOC_HEADER = "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH"

# (code, name, kind of the organisation behind it) — "Đảng bộ …" bases have chi bộ cells,
# "Chi bộ …" bases (chi bộ cơ sở) have tổ đảng (party groups), also kept as cells.
BASES: list[tuple[str, str, str]] = [
    ("SNV", "Sở Nội vụ", "so"),
    ("STP", "Sở Tư pháp", "so"),
    ("STC", "Sở Tài chính", "so"),
    ("SCT", "Sở Công Thương", "so"),
    ("SNNMT", "Sở Nông nghiệp và Môi trường", "so"),
    ("SXD", "Sở Xây dựng", "so"),
    ("SKHCN", "Sở Khoa học và Công nghệ", "so"),
    ("SGDDT", "Sở Giáo dục và Đào tạo", "so"),
    ("SYT", "Sở Y tế", "so"),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "so"),
    ("SDTTG", "Sở Dân tộc và Tôn giáo", "so"),
    ("SNGV", "Sở Ngoại vụ", "so"),
    ("VPUBND", "Văn phòng UBND tỉnh", "so"),
    ("TTT", "Thanh tra tỉnh", "so"),
    ("BQLKCN", "Ban Quản lý các khu công nghiệp", "ban"),
    ("BQLDA", "Ban Quản lý dự án đầu tư xây dựng tỉnh", "ban"),
    ("BTCTU", "Ban Tổ chức Tỉnh ủy", "ban"),
    ("BNCTU", "Ban Nội chính Tỉnh ủy", "ban"),
    ("UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy", "ban"),
    ("VPTU", "Văn phòng Tỉnh ủy", "ban"),
    ("VPDDBQH", "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "ban"),
    ("CDSP", "Trường Cao đẳng Sư phạm Bình An", "truong"),
    ("CDYT", "Trường Cao đẳng Y tế Bình An", "truong"),
    ("CDKTCN", "Trường Cao đẳng Kỹ thuật - Công nghệ Bình An", "truong"),
    ("TCT", "Trường Chính trị tỉnh Bình An", "truong"),
    ("BAOBA", "Báo Bình An", "bao"),
    ("PTTH", "Đài Phát thanh và Truyền hình Bình An", "dai"),
    ("BVDK", "Bệnh viện Đa khoa tỉnh Bình An", "benhvien"),
    ("BVYHCT", "Bệnh viện Y học cổ truyền tỉnh", "benhvien"),
    ("KBNN", "Kho bạc Nhà nước khu vực Bình An", "nganh"),
    ("THUE", "Thuế tỉnh Bình An", "nganh"),
    ("BHXH", "Bảo hiểm xã hội tỉnh", "nganh"),
    ("NHNN", "Ngân hàng Nhà nước chi nhánh Bình An", "nganh"),
    ("TKE", "Thống kê tỉnh Bình An", "nganh"),
    ("MTTQ", "Cơ quan Ủy ban MTTQ Việt Nam tỉnh", "doanthe"),
    ("LDLD", "Liên đoàn Lao động tỉnh", "doanthe"),
    ("TDTN", "Tỉnh đoàn Bình An", "doanthe"),
    ("HLHPN", "Hội Liên hiệp Phụ nữ tỉnh", "doanthe"),
    ("LMHTX", "Liên minh Hợp tác xã tỉnh", "doanthe"),
    ("HVHNT", "Hội Văn học Nghệ thuật tỉnh", "doanthe"),
    ("QDTPT", "Quỹ Đầu tư phát triển tỉnh", "nganh"),
]

# The bigger organisations are đảng bộ cơ sở; the small ones chi bộ cơ sở.
SMALL_KINDS = {"doanthe", "ban"}

CELLS: dict[str, list[str]] = {
    "so": [
        "Văn phòng Sở",
        "Phòng Kế hoạch - Tài chính",
        "Thanh tra Sở",
        "Phòng Tổ chức cán bộ",
        "Phòng Quản lý chuyên ngành",
        "Trung tâm trực thuộc Sở",
    ],
    "ban": ["Văn phòng", "Phòng Nghiệp vụ 1", "Phòng Nghiệp vụ 2", "Phòng Tổng hợp"],
    "truong": [
        "Khoa Khoa học cơ bản",
        "Khoa Chuyên ngành",
        "Phòng Đào tạo",
        "Phòng Hành chính - Quản trị",
        "Khoa Lý luận chính trị",
    ],
    "bao": ["Ban Thời sự", "Ban Kinh tế", "Ban Văn hóa - Xã hội", "Ban Trị sự"],
    "dai": [
        "Phòng Thời sự",
        "Phòng Biên tập",
        "Phòng Kỹ thuật - Công nghệ",
        "Phòng Chuyên đề",
        "Phòng Hành chính",
    ],
    "benhvien": [
        "Khối Nội",
        "Khối Ngoại",
        "Khối Cận lâm sàng",
        "Phòng Kế hoạch tổng hợp",
        "Khối Hành chính",
    ],
    "nganh": ["Văn phòng", "Phòng Nghiệp vụ", "Phòng Kiểm tra", "Phòng Tổng hợp"],
    "doanthe": ["Văn phòng", "Ban Tuyên giáo", "Ban Tổ chức - Kiểm tra", "Ban Phong trào"],
}

POSITIONS: dict[str, list[str]] = {
    "so": [
        "Chuyên viên",
        "Chuyên viên chính",
        "Phó Trưởng phòng",
        "Trưởng phòng",
        "Kế toán",
        "Thanh tra viên",
    ],
    "ban": ["Chuyên viên", "Chuyên viên chính", "Phó Trưởng phòng", "Trưởng phòng"],
    "truong": ["Giảng viên", "Giảng viên chính", "Trưởng khoa", "Chuyên viên", "Kế toán"],
    "bao": ["Phóng viên", "Biên tập viên", "Trưởng ban", "Thư ký tòa soạn", "Kỹ thuật viên"],
    "dai": ["Phóng viên", "Biên tập viên", "Kỹ thuật viên", "Phát thanh viên", "Trưởng phòng"],
    "benhvien": ["Bác sĩ", "Điều dưỡng", "Dược sĩ", "Trưởng khoa", "Kỹ thuật viên y"],
    "nganh": ["Chuyên viên", "Kiểm soát viên", "Kế toán viên", "Phó Trưởng phòng", "Trưởng phòng"],
    "doanthe": ["Chuyên viên", "Ủy viên Ban Thường vụ", "Trưởng ban", "Phó Trưởng ban"],
}

SURNAMES = (
    ["Nguyễn"] * 12
    + ["Trần"] * 4
    + ["Lê"] * 3
    + ["Phạm"] * 3
    + [
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Đinh",
        "Trương",
        "Lương",
        "Tạ",
    ]
)
MALE_MIDDLE = [
    "Văn",
    "Hữu",
    "Đức",
    "Minh",
    "Quang",
    "Công",
    "Thanh",
    "Xuân",
    "Ngọc",
    "Đình",
    "Quốc",
    "Hoàng",
]
FEMALE_MIDDLE = ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Minh", "Hồng", "Phương", "Thùy", "Bích"]
MALE_GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Dương",
    "Hải",
    "Hiếu",
    "Hùng",
    "Huy",
    "Khánh",
    "Long",
    "Minh",
    "Nam",
    "Nghĩa",
    "Phong",
    "Phúc",
    "Quân",
    "Sơn",
    "Tài",
    "Thắng",
    "Thành",
    "Toàn",
    "Trung",
    "Tuấn",
    "Việt",
    "Vinh",
]
FEMALE_GIVEN = [
    "Anh",
    "Chi",
    "Dung",
    "Giang",
    "Hà",
    "Hạnh",
    "Hằng",
    "Hiền",
    "Hoa",
    "Hương",
    "Lan",
    "Liên",
    "Linh",
    "Loan",
    "Mai",
    "Ngân",
    "Nhung",
    "Oanh",
    "Phượng",
    "Quyên",
    "Thảo",
    "Thủy",
    "Trang",
    "Vân",
    "Yến",
]

STATE_DEPARTMENTS = [
    (
        "SVHTTDL-NN",
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Bình An",
        "SVHTTDL",
        ["Phòng Quản lý Văn hóa", "Phòng Thông tin - Báo chí"],
    ),
    (
        "SGDDT-NN",
        "Sở Giáo dục và Đào tạo tỉnh Bình An",
        "SGDĐT",
        ["Phòng Giáo dục Trung học", "Phòng Chính trị tư tưởng"],
    ),
    ("SYT-NN", "Sở Y tế tỉnh Bình An", "SYT", ["Phòng Nghiệp vụ Y", "Văn phòng Sở"]),
    (
        "SNV-NN",
        "Sở Nội vụ tỉnh Bình An",
        "SNV",
        ["Phòng Tổ chức, Biên chế", "Phòng Công chức, Viên chức"],
    ),
]


def person_name(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(SURNAMES)} {rng.choice(MALE_MIDDLE)} {rng.choice(MALE_GIVEN)}"
    return f"{rng.choice(SURNAMES)} {rng.choice(FEMALE_MIDDLE)} {rng.choice(FEMALE_GIVEN)}"


def load(ctx: DemoContext) -> None:
    rng = random.Random(SEED)
    province = Unit.objects.add_root(
        dict(
            kind=UnitKind.PARTY_COMMITTEE,
            code="TU",
            name=f"Tỉnh ủy {PROVINCE}",
            short_name="TU",
            parent_body_name=f"ĐẢNG BỘ TỈNH {PROVINCE.upper()}",
            publishes_to_all=True,
        )
    )
    board = Unit.objects.add_child(
        province,
        dict(
            kind=UnitKind.PARTY_BOARD,
            code="BTGDVTU",
            name="Ban Tuyên giáo và Dân vận Tỉnh ủy",
            short_name="BTGDVTU",
            parent_body_name=f"ĐẢNG BỘ TỈNH {PROVINCE.upper()}",
        ),
    )
    bloc = Unit.objects.add_child(
        province,
        dict(
            kind=UnitKind.PARTY_COMMITTEE,
            code="DUK",
            name="Đảng ủy Khối các cơ quan tỉnh",
            short_name="ĐUK",
            parent_body_name=f"ĐẢNG BỘ TỈNH {PROVINCE.upper()}",
        ),
    )

    base_units: list[Unit] = []
    cells_of: dict[int, list[Unit]] = {}
    kind_of: dict[int, str] = {}
    for code, org, org_kind in BASES:
        is_cell_base = org_kind in SMALL_KINDS
        base = Unit.objects.add_child(
            bloc,
            dict(
                kind=UnitKind.BASE_ORGANISATION,
                code=f"{'CB' if is_cell_base else 'DB'}-{code}",
                name=f"{'Chi bộ' if is_cell_base else 'Đảng bộ'} {org}",
                short_name="CB" if is_cell_base else "ĐU",
                parent_body_name=BLOC_HEADER,
            ),
        )
        base_units.append(base)
        kind_of[base.pk] = org_kind
        header = base.name.upper()
        options = CELLS[org_kind]
        cells = []
        for i, cell_name in enumerate(
            rng.sample(options, rng.randint(2, min(5, len(options)))), start=1
        ):
            cells.append(
                Unit.objects.add_child(
                    base,
                    dict(
                        kind=UnitKind.CELL,
                        code=f"{base.code}-{i:02d}",
                        name=f"{'Tổ đảng' if is_cell_base else 'Chi bộ'} {cell_name}",
                        short_name="TĐ" if is_cell_base else "CB",
                        parent_body_name=header,
                    ),
                )
            )
        cells_of[base.pk] = cells

    state = Unit.objects.add_root(
        dict(
            kind=UnitKind.STATE_BODY,
            code="UBND",
            name=f"Ủy ban nhân dân tỉnh {PROVINCE}",
            short_name="UBND",
            publishes_to_all=True,
        )
    )
    departments = []
    for code, name, short, offices in STATE_DEPARTMENTS:
        dept = Unit.objects.add_child(
            state,
            dict(
                kind=UnitKind.STATE_BODY,
                code=code,
                name=name,
                short_name=short,
                parent_body_name=f"UBND TỈNH {PROVINCE.upper()}",
            ),
        )
        departments.append(dept)
        for i, office in enumerate(offices, start=1):
            Unit.objects.add_child(
                dept,
                dict(
                    kind=UnitKind.STATE_BODY,
                    code=f"{code}-P{i}",
                    name=office,
                    short_name="",
                    parent_body_name=name.upper(),
                ),
            )

    people = _members(rng, base_units, cells_of, kind_of)
    communes = _communes(rng, province)
    agencies = _two_level(province, bloc, base_units, kind_of)
    bloc.refresh_from_db()
    staying = [b for b in base_units if bloc.contains(Unit.objects.get(pk=b.pk))]
    ctx.objects.update(
        province=province,
        board=board,
        bloc=bloc,
        party_agencies=agencies,
        base_units=[Unit.objects.get(pk=b.pk) for b in staying],
        communes=communes,
        state=state,
        departments=departments,
        cells_of=cells_of,
    )
    ctx.log(f"{Unit.objects.count()} đơn vị, {people} người (tỉnh {PROVINCE} — hư cấu).")


TWO_LEVEL_DAY = dt.date(2025, 7, 1)
# the bases of the party, the Front and the mass organisations, the press and the school of
# politics go to the committee of the party's agencies; the departments' stay with the bloc,
# renamed the committee of the provincial People's Committee
PARTY_SIDE = {"ban", "doanthe", "bao", "dai"}
PARTY_SIDE_CODES = {"TCT"}

COMMUNES: list[tuple[str, str]] = [
    ("P-BINHAN", "phường Bình An"),
    ("P-TANTHANH", "phường Tân Thành"),
    ("P-HOAPHU", "phường Hòa Phú"),
    ("X-ANPHU", "xã An Phú"),
    ("X-HOALOI", "xã Hòa Lợi"),
    ("X-TANHUNG", "xã Tân Hưng"),
    ("X-PHUOCLONG", "xã Phước Long"),
    ("X-LONGHAI", "xã Long Hải"),
]


def _communes(rng: random.Random, province: Unit) -> list[Unit]:
    """Communes and wards directly under the Tỉnh ủy (since 1/7/2025), each with a few cells
    (chi bộ ấp, khu phố) and their members."""
    communes = []
    people: list[Person] = []
    for code, name in COMMUNES:
        province.refresh_from_db()
        commune = Unit.objects.add_child(
            province,
            dict(
                kind=UnitKind.BASE_ORGANISATION,
                code=f"DB-{code}",
                name=f"Đảng bộ {name}",
                short_name="ĐU",
                parent_body_name=f"ĐẢNG BỘ TỈNH {PROVINCE.upper()}",
                started_on=TWO_LEVEL_DAY,
            ),
        )
        communes.append(commune)
        quarter = "khu phố" if code.startswith("P-") else "ấp"
        for i in range(1, rng.randint(3, 4) + 1):
            cell = Unit.objects.add_child(
                commune,
                dict(
                    kind=UnitKind.CELL,
                    code=f"{commune.code}-{i:02d}",
                    name=f"Chi bộ {quarter} {i}",
                    short_name="CB",
                    parent_body_name=commune.name.upper(),
                    started_on=TWO_LEVEL_DAY,
                ),
            )
            for j in range(rng.randint(6, 10)):
                full = person_name(rng)
                people.append(
                    Person(
                        unit=cell,
                        full_name=full,
                        name_folded=fold(full),
                        position="Bí thư chi bộ" if j == 0 else "Đảng viên",
                        birth_year=rng.randint(1960, 2000),
                    )
                )
    Person.objects.bulk_create(people, batch_size=500)
    return communes


def _two_level(province: Unit, bloc: Unit, base_units: list[Unit], kind_of: dict[int, str]) -> Unit:
    """The reorganisation of 1/7/2025 as a sheet: the bloc renamed, its party-side bases moved to
    the new committee of the party's agencies (see the module docstring)."""
    import io

    from tuyengiao.core.spreadsheets import csv_bytes

    from .reorg_import import HEADERS, import_sheet

    province.refresh_from_db()
    agencies = Unit.objects.add_child(
        province,
        dict(
            kind=UnitKind.PARTY_COMMITTEE,
            code="DUCQD",
            name="Đảng ủy các cơ quan Đảng tỉnh",
            short_name="ĐU",
            parent_body_name=f"ĐẢNG BỘ TỈNH {PROVINCE.upper()}",
            started_on=TWO_LEVEL_DAY,
        ),
    )
    day = TWO_LEVEL_DAY.strftime("%d/%m/%Y")
    rows = [[bloc.code, "", "đổi tên", day, "Đảng ủy Ủy ban nhân dân tỉnh", "ĐU", ""]]
    for base in base_units:
        if kind_of[base.pk] in PARTY_SIDE or base.code.split("-", 1)[1] in PARTY_SIDE_CODES:
            rows.append([base.code, agencies.code, "chuyển", day, "", "", ""])
    result = import_sheet(
        io.BytesIO(csv_bytes(HEADERS, rows)), "sap-xep-2025.csv", user=None, dry_run=False
    )
    if not result.applied:
        raise RuntimeError("; ".join(str(e) for e in result.errors))
    agencies.refresh_from_db()
    result_unit: Unit = agencies
    return result_unit


def _members(
    rng: random.Random,
    base_units: list[Unit],
    cells_of: dict[int, list[Unit]],
    kind_of: dict[int, str],
) -> int:
    """About 1,500 members spread over the cells, with positions and some communication roles."""
    roles = {r.code: r for r in CommRole.objects.all()}
    people: list[Person] = []
    role_codes: list[list[str]] = []
    for base in base_units:
        org_kind = kind_of[base.pk]
        for n_cell, cell in enumerate(cells_of[base.pk]):
            size = rng.randint(7, 14)
            for i in range(size):
                name = person_name(rng)
                if n_cell == 0 and i == 0:
                    position = "Bí thư " + ("đảng ủy" if base.short_name == "ĐU" else "chi bộ")
                elif i == 0:
                    position = "Bí thư chi bộ" if cell.short_name == "CB" else "Tổ trưởng tổ đảng"
                elif i == 1:
                    position = "Phó Bí thư chi bộ" if cell.short_name == "CB" else "Tổ phó tổ đảng"
                else:
                    position = rng.choice(POSITIONS[org_kind])
                birth_year = rng.randint(1966, 2000)
                is_member = rng.random() < 0.93
                admission = None
                if is_member:
                    year = rng.randint(birth_year + 20, min(birth_year + 35, 2025))
                    admission = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
                codes: list[str] = []
                if "Phóng viên" in position:
                    codes.append("phong-vien")
                if "Biên tập" in position:
                    codes.append("bien-tap-vien")
                if "Giảng viên" in position and rng.random() < 0.4:
                    codes.append("giang-vien-kiem-chuc")
                if position.startswith("Bí thư") and rng.random() < 0.6:
                    codes.append("bao-cao-vien")
                draw = rng.random()
                if draw < 0.10:
                    codes.append("tuyen-truyen-vien")
                elif draw < 0.16:
                    codes.append("cong-tac-vien-du-luan")
                elif draw < 0.18:
                    codes.append("can-bo-tuyen-giao")
                slug = fold(name).replace(" ", ".")
                people.append(
                    Person(
                        unit=cell,
                        full_name=name,
                        name_folded=fold(name),
                        position=position,
                        is_party_member=is_member,
                        birth_year=birth_year,
                        party_admission_date=admission,
                        email=f"{slug}{len(people)}@binhan.example.vn"
                        if rng.random() < 0.5
                        else "",
                    )
                )
                role_codes.append(codes)
    created = Person.objects.bulk_create(people, batch_size=500)
    through = Person.roles.through
    links = [
        through(person_id=p.pk, commrole_id=roles[c].pk)
        for p, codes in zip(created, role_codes, strict=True)
        for c in dict.fromkeys(codes)
        if c in roles
    ]
    through.objects.bulk_create(links, batch_size=1000)
    return len(created)
