"""The task pages of a plan with 50 tasks given to 173 units, on PostgreSQL.

Tree (173 units): Tỉnh ủy → Đảng ủy Khối → 35 base organisations → 136 cells (four each under 34
of them, namesakes included). The bloc's plan has 50 tasks given collectively ("các chi, đảng bộ
cơ sở") and is sent to the 171 units below the bloc: 8,550 task assignments made by the handoff
(``services.plan_sent_to_units``), a few with progress reports.

Figures (one run, same database):
* the plan page (GET as the bloc's officer: 50 tasks, each unit's part summed by status, the
  Gantt chart) — p95, against the bare SQL of the rows it needs (tasks + their assignments);
* the task review page (the formset of 50 tasks with the unit pickers) — p95, against the bare
  SQL of its rows (tasks + the units they name);
* building the task list of a real plan (seed 000: ``vanban.parse`` → proposals → tasks) —
  against parsing alone, to tell whether it needs a background job.

Runs in a child process with its own Django settings (database ``tg_bench_plan_tasks``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from benchmarks.common import (
    Figure,
    as_web_worker,
    bench_main,
    p95_figure,
    run_on_postgres,
    timings_ms,
)

DB_NAME = "tg_bench_plan_tasks"
DB_URL = os.environ.get(
    "BENCH_PLAN_TASKS_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
)
SKIP_REASON = ""
N_TASKS = 50
N_BASES = 35
CELLS_EACH = 4
SEED_FILE = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev" / "seed-1.txt"


def run(args: Any) -> list[Figure]:
    global SKIP_REASON
    figures, SKIP_REASON = run_on_postgres("benchmarks.bench_plan_tasks", DB_URL, args)
    return figures


# --- the child process --------------------------------------------------------------------------


def _seed() -> None:
    from datetime import timedelta

    from django.db import transaction
    from django.utils import timezone

    from tuyengiao.accounts.models import Role, User
    from tuyengiao.orgs.models import Unit, UnitKind
    from tuyengiao.plans import services
    from tuyengiao.plans.models import Plan, TaskAssignment
    from tuyengiao.plans.proposals import LEAD, ProposedTask, UnitRef
    from tuyengiao.plans.timeframes import parse_timeframe

    if Unit.objects.filter(code="BT-DUK").exists():
        return
    print(f"seeding {DB_NAME} …", file=sys.stderr)
    today = timezone.localdate()
    with transaction.atomic():
        province = Unit.objects.add_root(
            dict(kind=UnitKind.PARTY_COMMITTEE, code="BT-TU", name="Tỉnh ủy Thử nghiệm")
        )
        bloc = Unit.objects.add_child(
            province,
            dict(kind=UnitKind.PARTY_COMMITTEE, code="BT-DUK", name="Đảng ủy Khối thử nghiệm"),
        )
        below = []
        for i in range(N_BASES):
            base = Unit.objects.add_child(
                bloc,
                dict(
                    kind=UnitKind.BASE_ORGANISATION,
                    code=f"BT-DB{i:02d}",
                    name=f"Đảng bộ Sở thử nghiệm {i + 1}",
                ),
            )
            below.append(base)
            if i < N_BASES - 1:
                for j, cell in enumerate(
                    ["Văn phòng", "Phòng Tổng hợp", "Phòng Nghiệp vụ", "Thanh tra"][:CELLS_EACH]
                ):
                    below.append(
                        Unit.objects.add_child(
                            base,
                            dict(
                                kind=UnitKind.CELL, code=f"BT-CB{i:02d}-{j}", name=f"Chi bộ {cell}"
                            ),
                        )
                    )
        user = User.objects.create_user(
            "bench-khoi-tasks", password="x-bench-tasks-1", unit=bloc, role=Role.OFFICER
        )
        plan = Plan.objects.create(
            unit=bloc,
            number="9-KH/ĐUK",
            title="Kế hoạch thử nghiệm 50 nhiệm vụ",
            issued_on=today - timedelta(days=30),
        )
        proposals = [
            ProposedTask(
                section="II",
                label=str(i + 1),
                title=f"Nhiệm vụ thử nghiệm số {i + 1}: tuyên truyền, học tập nghị quyết",
                units=[UnitRef("Các chi, đảng bộ cơ sở", LEAD, collective=True)],
                timeframe=parse_timeframe(f"Quý {['I', 'II', 'III', 'IV'][i % 4]}/{today.year}"),
            )
            for i in range(N_TASKS)
        ]
        services.save_proposed_tasks(plan, proposals)
        services.send_down(plan, bloc, below, today + timedelta(days=20), user=user)
        for a in TaskAssignment.objects.filter(task__plan=plan)[::37]:
            services.record_update(a, user, 50, "Đã triển khai")
    print(f"seeded {TaskAssignment.objects.count()} assignments", file=sys.stderr)


def measure(quick: bool) -> list[Figure]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from tuyengiao.accounts.models import User
    from tuyengiao.orgs.models import Unit
    from tuyengiao.plans import services
    from tuyengiao.plans.models import Plan, TaskAssignment

    call_command("migrate", verbosity=0)
    _seed()
    as_web_worker()
    user = User.objects.get(username="bench-khoi-tasks")
    plan = Plan.objects.get(unit=user.unit, number="9-KH/ĐUK")
    n_tasks = plan.tasks.count()
    n_units = Unit.objects.filter(code__startswith="BT-").count()
    n_parts = TaskAssignment.objects.filter(task__plan=plan).count()
    client = Client()
    client.force_login(user)
    detail = reverse("plans:plan_detail", kwargs={"plan_pk": plan.pk})
    review = reverse("plans:plan_tasks", kwargs={"plan_pk": plan.pk})
    repeat = 10 if quick else 40

    def get(url: str) -> None:
        response = client.get(url)
        assert response.status_code == 200, response.status_code

    tasks_sql = 'SELECT * FROM plans_task WHERE plan_id = %s ORDER BY "order", id'
    parts_sql = """
        SELECT a.id, a.task_id, a.unit_id, a.role, a.progress, a.last_update_on, u.name
        FROM plans_taskassignment a JOIN plans_task t ON t.id = a.task_id
        JOIN orgs_unit u ON u.id = a.unit_id WHERE t.plan_id = %s
    """

    def bare(named_only: bool) -> None:
        with connection.cursor() as cur:
            cur.execute(tasks_sql, [plan.pk])
            cur.fetchall()
            cur.execute(parts_sql + (" AND NOT a.collective" if named_only else ""), [plan.pk])
            cur.fetchall()

    detail_ms = timings_ms(lambda: get(detail), repeat)
    bare_detail_ms = timings_ms(lambda: bare(False), repeat)
    review_ms = timings_ms(lambda: get(review), repeat)
    bare_review_ms = timings_ms(lambda: bare(True), repeat)
    figures = [
        p95_figure(
            f"plans: plan page, {n_tasks} tasks × {n_units} units ({n_parts} parts, PostgreSQL)",
            detail_ms,
            bare_detail_ms,
            baseline="bare SQL of its rows (tasks + assignments)",
            goal="< 300 ms",
        ),
        p95_figure(
            f"plans: task review page with unit pickers, {n_tasks} tasks, {n_units} units",
            review_ms,
            bare_review_ms,
            baseline="bare SQL of its rows (tasks + named units)",
            goal="< 300 ms",
        ),
    ]
    if SEED_FILE.is_file():
        import vanban
        from tuyengiao.plans.proposals import propose_tasks

        text = vanban.read(SEED_FILE)
        assert user.unit is not None
        matcher = services.matcher_for(user.unit)

        def build() -> None:
            parsed = vanban.parse(text).to_dict()
            propose_tasks(parsed, text, matcher)

        build_ms = timings_ms(build, 5 if quick else 20)
        parse_ms = timings_ms(lambda: vanban.parse(text).to_dict(), 5 if quick else 20)
        figures.append(
            p95_figure(
                "plans: task list of seed 000 built (parse → proposals)",
                build_ms,
                parse_ms,
                baseline="parsing alone",
                goal="< 1 s in the request, else a background job",
            )
        )
    return figures


if __name__ == "__main__":
    bench_main("benchmarks.bench_plan_tasks")
