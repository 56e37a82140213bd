"""Cascade board of a plan that reached 5,050 units over three levels, on PostgreSQL.

Tree: Tỉnh ủy → Đảng ủy Khối → 50 base organisations → 10 units each (500) → 12 each (6,000).
The bloc's plan is sent to the 50; nine in ten issue an implementing plan and send it to their
10, of whom nine in ten issue theirs and send it to their 12 (three in four of those issue):
5,360 recipient records in one cascade, at three levels, a quarter of the bottom one pending or overdue.

Figures (one run, same database):
* the board page (GET as the bloc's officer: filters, summary counts over all 5,050, first page
  of 100 rows, rendered) — p95, against the bare SQL that page needs (the page's rows and the
  counts, raw cursor, no ORM, no template);
* the whole board materialised (all 5,050 rows with their state, as the .xlsx export reads them),
  against the bare SQL fetching the same rows.

The measurement runs in a child process so that its Django settings (PostgreSQL database
``tg_bench_plans``) do not depend on what other benchmarks of ``make bench`` configured.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from benchmarks.common import (
    Figure,
    as_web_worker,
    bench_main,
    bulk_levels,
    p95_figure,
    run_on_postgres,
    timings_ms,
)

DB_NAME = "tg_bench_plans"
DB_URL = os.environ.get("BENCH_PLANS_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DB_NAME}")
SKIP_REASON = ""
LEVELS = (50, 10, 12)


def run(args: Any) -> list[Figure]:
    global SKIP_REASON
    figures, SKIP_REASON = run_on_postgres("benchmarks.bench_plans", DB_URL, args)
    return figures


# --- the child process --------------------------------------------------------------------------


def _seed(levels: tuple[int, ...]) -> None:
    from datetime import timedelta

    from django.db import transaction
    from django.utils import timezone

    from tuyengiao.accounts.models import Role, User
    from tuyengiao.orgs.models import Unit, UnitKind
    from tuyengiao.plans.models import CascadeDispatch, CascadeRecipient, Plan
    from tuyengiao.plans.services import normalize_number

    if Unit.objects.filter(code="BENCH-DUK").exists():
        return
    print(f"seeding {DB_NAME} …", file=sys.stderr)
    today = timezone.localdate()
    with transaction.atomic():
        province = Unit.objects.add_root(
            dict(
                kind=UnitKind.PARTY_COMMITTEE,
                code="BENCH-TU",
                name="Tỉnh ủy Thử nghiệm",
                short_name="TU",
            )
        )
        bloc = Unit.objects.add_child(
            province,
            dict(
                kind=UnitKind.PARTY_COMMITTEE,
                code="BENCH-DUK",
                name="Đảng ủy Khối thử nghiệm",
                short_name="ĐUK",
            ),
        )
        User.objects.create_user(
            "bench-khoi", password="x-bench-plans-1", unit=bloc, role=Role.OFFICER
        )
        kinds = [UnitKind.BASE_ORGANISATION, UnitKind.CELL, UnitKind.CELL]
        units_by_level = bulk_levels(bloc, levels, kinds, batch_size=2000)

        top = Plan.objects.create(
            unit=bloc,
            number="1-KH/ĐUK",
            title="Kế hoạch thử nghiệm phân cấp",
            issued_on=today - timedelta(days=60),
        )
        plans_of: dict[int, Plan] = {bloc.pk: top}
        n = 0
        for depth_index in range(len(levels)):
            parents = units_by_level[depth_index]
            children_by_path: dict[str, list[Unit]] = {}
            for child in units_by_level[depth_index + 1]:
                children_by_path.setdefault(child.path[: -Unit.steplen], []).append(child)
            recipients = []
            for parent in parents:
                plan = plans_of.get(parent.pk)
                if plan is None:
                    continue  # this unit has not issued its plan: nothing sent further down
                dispatch = CascadeDispatch.objects.create(
                    plan=plan, sender=parent, due_date=today + timedelta(days=(n % 3) * 20 - 10)
                )
                for child in children_by_path.get(parent.path, []):
                    n += 1
                    issued = n % (4 if depth_index == len(levels) - 1 else 10) != 0
                    recipients.append(CascadeRecipient(dispatch=dispatch, unit=child))
                    if issued:
                        child_plan = Plan(
                            unit=child,
                            number=f"{n}-KH/ĐU",
                            title=f"Thực hiện {plan.number}",
                            parent=plan,
                            issued_on=today - timedelta(days=n % 30),
                        )
                        plans_of[child.pk] = child_plan
            new_plans = [
                plans_of[c.pk] for c in units_by_level[depth_index + 1] if c.pk in plans_of
            ]
            for p in new_plans:
                p.number_key = normalize_number(p.number)
            Plan.objects.bulk_create(new_plans, batch_size=2000)
            for p in new_plans:
                assert p.parent is not None
                p.chain = f"{p.parent.chain}{p.pk}/"
            Plan.objects.bulk_update(new_plans, ["chain"], batch_size=2000)
            for r in recipients:
                plan = plans_of.get(r.unit_id)
                if plan is not None:
                    r.implementing_plan = plan
                    r.issued_on = plan.issued_on
            CascadeRecipient.objects.bulk_create(recipients, batch_size=2000)
    print(f"seeded {CascadeRecipient.objects.count()} recipients", file=sys.stderr)


def measure(quick: bool) -> list[Figure]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from tuyengiao.accounts.models import User
    from tuyengiao.plans import services
    from tuyengiao.plans.models import CascadeRecipient, Plan

    call_command("migrate", verbosity=0)
    _seed(LEVELS)
    as_web_worker()
    user = User.objects.get(username="bench-khoi")
    top = Plan.objects.get(unit=user.unit, number="1-KH/ĐUK")
    total = CascadeRecipient.objects.filter(dispatch__plan__chain__startswith=top.chain).count()
    client = Client()
    client.force_login(user)
    url = reverse("plans:plan_board", kwargs={"plan_pk": top.pk})
    today = timezone.localdate()
    repeat = 10 if quick else 60

    def page() -> None:
        response = client.get(url)
        assert response.status_code == 200, response.status_code

    rows_sql = """
        SELECT r.id, u.name, u.depth, u.path, d.due_date, r.issued_on, p2.number, s.name, p.number
        FROM plans_cascaderecipient r
        JOIN plans_cascadedispatch d ON d.id = r.dispatch_id
        JOIN plans_plan p ON p.id = d.plan_id
        JOIN orgs_unit u ON u.id = r.unit_id
        JOIN orgs_unit s ON s.id = d.sender_id
        LEFT JOIN plans_plan p2 ON p2.id = r.implementing_plan_id
        WHERE p.chain LIKE %s
        ORDER BY u.path, d.created_at
    """
    counts_sql = """
        SELECT count(*),
               count(*) FILTER (WHERE r.implementing_plan_id IS NOT NULL),
               count(*) FILTER (WHERE r.implementing_plan_id IS NULL AND d.due_date >= %s),
               count(*) FILTER (WHERE r.implementing_plan_id IS NULL AND d.due_date < %s)
        FROM plans_cascaderecipient r
        JOIN plans_cascadedispatch d ON d.id = r.dispatch_id
        JOIN plans_plan p ON p.id = d.plan_id
        WHERE p.chain LIKE %s
    """
    prefix = top.chain + "%"

    def bare_page() -> None:
        with connection.cursor() as cur:
            cur.execute(rows_sql + " LIMIT 100", [prefix])
            cur.fetchall()
            cur.execute(counts_sql, [today, today, prefix])
            cur.fetchall()

    def full_board() -> None:
        values = services.board_queryset(top, None, today).values_list(*services.BOARD_COLUMNS)
        rows = [
            (r.unit_name, r.state, r.days_taken) for r in services.board_rows(values, top, today)
        ]
        assert len(rows) == total

    def bare_full() -> None:
        with connection.cursor() as cur:
            cur.execute(rows_sql, [prefix])
            assert len(cur.fetchall()) == total

    page_ms = timings_ms(page, repeat)
    bare_page_ms = timings_ms(bare_page, repeat)
    full_ms = timings_ms(full_board, repeat)
    bare_full_ms = timings_ms(bare_full, repeat)
    figures = [
        p95_figure(
            f"plans: cascade board page, {total} receiving units over 3 levels (PostgreSQL)",
            page_ms,
            bare_page_ms,
            baseline="bare SQL of the page (rows + counts)",
            goal="< 300 ms",
        ),
        p95_figure(
            f"plans: whole cascade board materialised, {total} rows with state (PostgreSQL)",
            full_ms,
            bare_full_ms,
            baseline="bare SQL of the same rows",
            goal="< 300 ms",
        ),
    ]
    return figures


if __name__ == "__main__":
    bench_main("benchmarks.bench_plans")
