"""Demo data of the activity register: a year of the units' own communication work — conferences,
talks, exhibitions, banners, their news items and Zalo posts, loudspeaker broadcasts, contests,
film screenings — for the bloc and its base units, with places in the demo province's communes
and wards, the people who carried them out, a few photos, some linked to the bloc plan's tasks;
and two indicators of the bloc's quarterly report bound to the register."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from tuyengiao.core.demo_context import DemoContext
from tuyengiao.orgs.models import Person, Unit
from tuyengiao.plans.models import TaskAssignment

from .kinds import seed_kinds
from .models import Activity, ActivityKind, Evidence
from .services import tallies
from .testing import PNG

SEED = 2026
PLACES = [
    ("phường Bình An", "Hội trường cơ quan"),
    ("phường Tân Thành", "Nhà văn hóa khu phố 2"),
    ("phường Hòa Phú", "Trụ sở cơ quan"),
    ("xã An Phú", "Nhà văn hóa ấp Tân Lập"),
    ("xã Hòa Lợi", "Sân Ủy ban nhân dân xã"),
    ("xã Tân Hưng", "Trường Tiểu học Tân Hưng"),
    ("xã Phước Long", "Nhà văn hóa xã"),
    ("xã Long Hải", "Khu dân cư ven biển"),
]
# (month, topic) — anniversaries and campaigns of the year, and topics of every month
TOPICS = [
    (1, "Mừng Đảng, mừng Xuân"),
    (2, "Kỷ niệm ngày thành lập Đảng Cộng sản Việt Nam 3/2"),
    (3, "Tháng Thanh niên, kỷ niệm ngày thành lập Đoàn 26/3"),
    (4, "Kỷ niệm ngày Giải phóng miền Nam, thống nhất đất nước 30/4"),
    (5, "Kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh 19/5"),
    (6, "Tuyên truyền phòng, chống ma túy"),
    (7, "Kỷ niệm ngày Thương binh - Liệt sĩ 27/7"),
    (8, "Kỷ niệm Cách mạng Tháng Tám thành công"),
    (9, "Kỷ niệm Quốc khánh 2/9"),
    (10, "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    (11, "Ngày Pháp luật Việt Nam 9/11"),
    (12, "Kỷ niệm ngày thành lập Quân đội nhân dân Việt Nam 22/12"),
]
ALL_YEAR = [
    "Chuyển đổi số và an toàn thông tin",
    "Bảo vệ nền tảng tư tưởng của Đảng",
    "Tuyên truyền chủ quyền biển, đảo",
]
AUDIENCES = [
    "Đảng viên, công chức",
    "Đoàn viên thanh niên",
    "Nhân dân địa bàn",
    "Cán bộ, người lao động",
]
# kind name → (weight, typical people reached)
KIND_REACH = {
    "Hội nghị (quán triệt, triển khai, sơ kết, tổng kết)": (4, (40, 200)),
    "Nói chuyện chuyên đề": (4, (30, 150)),
    "Triển lãm": (1, (200, 1500)),
    "Panô, áp phích, khẩu hiệu, băng rôn": (3, (300, 3000)),
    "Tin bài trên trang thông tin của đơn vị": (6, (100, 2000)),
    "Phát thanh, loa truyền thanh": (2, (500, 5000)),
    "Sân khấu hóa, văn nghệ": (1, (100, 600)),
    "Chiếu phim": (1, (80, 400)),
    "Cuộc thi": (1, (50, 800)),
    "Mạng nội bộ, nhóm Zalo của đơn vị": (5, (20, 200)),
}


def _topic(rng: random.Random, day: date) -> str:
    if rng.random() < 0.3:
        return rng.choice(ALL_YEAR)
    return next(t for m, t in TOPICS if m == day.month)


def load(ctx: DemoContext) -> None:
    seed_kinds()
    rng = random.Random(SEED)
    today = timezone.localdate()
    kinds = {k.name: k for k in ActivityKind.objects.filter(name__in=KIND_REACH)}
    names = [n for n in KIND_REACH if n in kinds]
    weights = [KIND_REACH[n][0] for n in names]
    bloc = Unit.objects.get(pk=ctx.objects["bloc"].pk)
    units = [bloc, *Unit.objects.filter(pk__in=[u.pk for u in ctx.objects["base_units"]])]
    recorders = {u.unit_id: u for u in ctx.objects.get("users", {}).values() if u.unit_id}
    assignments = _assignments(ctx)
    made: list[Activity] = []
    for unit in units:
        people = list(Person.objects.filter(unit__path__startswith=unit.path, active=True)[:30])
        cells = list(Unit.objects.filter(path__startswith=unit.path, depth=unit.depth + 1)[:4])
        quiet = rng.random() < 0.15  # a few units record little: the dashboard flags them
        for _ in range(rng.randint(2, 4) if quiet else rng.randint(10, 24)):
            day = today - timedelta(days=rng.randint(0, 364))
            name = rng.choices(names, weights)[0]
            low, high = KIND_REACH[name][1]
            commune, place = rng.choice(PLACES)
            owner = rng.choice(cells) if cells and rng.random() < 0.25 else unit
            activity = Activity(
                unit=owner,
                kind=kinds[name],
                topic=_topic(rng, day),
                held_on=day,
                place=place if kinds[name].counts_items is False else "",
                commune=commune if rng.random() < 0.7 else "",
                audience=rng.choice(AUDIENCES),
                reached=rng.randint(low, high),
                link=(
                    f"https://binhan.example.vn/tin-tuc/{unit.code.lower()}-{day:%Y%m%d}"
                    if kinds[name].counts_items
                    else ""
                ),
                created_by=recorders.get(unit.pk),
            )
            pick = assignments.get(owner.pk)
            if pick and rng.random() < 0.3:
                activity.assignment = rng.choice(pick)
            activity.save()
            if people:
                activity.people.set(rng.sample(people, k=min(len(people), rng.randint(1, 3))))
            made.append(activity)
    for activity in rng.sample(made, k=min(12, len(made))):
        evidence = Evidence(activity=activity, name=f"anh-{activity.pk}.png")
        evidence.file.save(evidence.name, ContentFile(PNG), save=False)
        evidence.save()
    # a year of activities written at once: the monthly counters are computed once at the end
    tallies.rebuild()
    _bind_quarterly_report(ctx)
    ctx.log(
        f"Sổ hoạt động tuyên truyền: {len(made)} hoạt động của {len(units)} đơn vị trong 12 tháng qua"
    )


def _assignments(ctx: DemoContext) -> dict[int, list[TaskAssignment]]:
    plan = ctx.objects.get("plans", {}).get("bloc_plan")
    if plan is None:
        return {}
    out: dict[int, list[TaskAssignment]] = {}
    for a in TaskAssignment.objects.filter(task__plan=plan):
        out.setdefault(a.unit_id, []).append(a)
    return out


def _bind_quarterly_report(ctx: DemoContext) -> None:
    """The bloc's quarterly report counts activities and people reached from the register."""
    from tuyengiao.reports.models import DataSource, Indicator

    rt = ctx.objects.get("reports", {}).get("quarterly")
    if rt is None:
        return
    last = rt.indicators.order_by("-order").first()
    order = (last.order if last else 0) + 1
    for code, label, source, measure in (
        ("so-hoat-dong-tt", "Số hoạt động tuyên truyền", DataSource.ACTIVITY_COUNT, "hoạt động"),
        (
            "so-nguoi-duoc-tt",
            "Số lượt người được tuyên truyền",
            DataSource.ACTIVITY_REACHED,
            "lượt",
        ),
    ):
        Indicator.objects.get_or_create(
            report_type=rt,
            code=code,
            defaults={
                "order": order,
                "label": label,
                "measure": measure,
                "required": False,
                "source": source,
            },
        )
        order += 1
