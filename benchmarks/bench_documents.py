"""Document library: search over 100,000 documents, and the implementation tree of a resolution
carried out by 5,000 plans over three levels — on SQLite (FTS5) and on PostgreSQL.

Data (made once per database, reused on later runs): Tỉnh ủy → 20 district-level committees →
200 base organisations each (4,000) → one cell under 1,180 of them. Nghị quyết 35-NQ/TW is carried
out by 20 district plans, 3,800 base plans (190 of 200 bases per district: 10 missing each) and
1,180 cell plans = 5,000 implementing plans. Then ``seed_documents`` fills the library up to
100,000 realistic synthetic documents (metadata, sections, citations of 35-NQ/TW and others).

Figures (one run per database, same process, same data; the searches after one warm-up pass of
the eight queries, each search timed right before its bare SQL replay):
* search p95 over eight queries ("nghi quyet 35", "35-NQ/TW", "35/NQ-TW", "NQ 35", words …), as a
  system admin (whole library) — the whole ``documents.search.search`` call (symbol lookup, ranked
  page of 20 with its count, loading the 20 documents, snippets) against the bare SQL it needs (the
  very statements it sends, captured once and replayed on a raw cursor);
* the same as an officer of one base organisation (scoped library: ``search(..., user=...)``
  materialises the officer's scope from index lookups, ``accounts.scoping.view_keys``);
* the implementation tree (``documents.graph.implementation_tree`` + rows for the page) against
  the bare SQL of the tree (the per-level joins and the per-level unit query, raw cursor);
* the implementation-tree page (GET, rendered with all 5,000 plans and the units not yet issued).

Each database is measured in a child process so that its settings do not leak between them.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import (
    ChildFailed,
    Figure,
    as_web_worker,
    bench_main,
    ensure_postgres_database,
    p95,
    run_in_child,
    timings_ms,
)

PG_DB = "tg_bench_documents"
PG_URL = os.environ.get(
    "BENCH_DOCUMENTS_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
)
SQLITE_PATH = Path(
    os.environ.get(
        "BENCH_DOCUMENTS_SQLITE", Path(tempfile.gettempdir()) / "tg_bench_documents.sqlite3"
    )
)
SKIP_REASON = ""
TOTAL = 100_000
QUERIES = [
    "nghi quyet 35",
    "35-NQ/TW",
    "35/NQ-TW",
    "NQ 35",
    "bảo vệ nền tảng tư tưởng",
    "sinh hoat chi bo",
    "chuyển đổi số trong hoạt động",
    "ke hoach 1234",
]


def _run_child(label: str, database_url: str, quick: bool) -> list[Figure]:
    return run_in_child(
        "benchmarks.bench_documents",
        database_url,
        label,
        quick=quick,
        timeout=7200,
        extra_env={"TUYENGIAO_VAR": str(Path(tempfile.gettempdir()) / "tg_bench_documents_var")},
    )


def run(args: Any) -> list[Figure]:
    global SKIP_REASON
    quick = bool(getattr(args, "quick", False))
    figures: list[Figure] = []
    reasons = []
    try:
        figures += _run_child("SQLite", f"sqlite:///{SQLITE_PATH}", quick)
    except ChildFailed as exc:
        reasons.append(f"SQLite: {exc}")
    problem = ensure_postgres_database(PG_URL)
    if problem:
        reasons.append(problem)
    else:
        try:
            figures += _run_child("PostgreSQL", PG_URL, quick)
        except ChildFailed as exc:
            reasons.append(f"PostgreSQL: {exc}")
    SKIP_REASON = "; ".join(reasons)
    if reasons:
        print("bench_documents: " + SKIP_REASON, file=sys.stderr)
    return figures


# --- the child process --------------------------------------------------------------------------

DISTRICTS, BASES, ISSUING_BASES, CELL_PLANS = 20, 200, 190, 1180


def _seg(i: int) -> str:
    """The path step of the ``i``-th child (treebeard's encoding)."""
    from tuyengiao.orgs.synthetic import child_path

    return child_path("", i)


def _seed(total: int) -> None:
    import hashlib
    from datetime import date, timedelta

    from django.db import transaction

    from tuyengiao.accounts.models import Role, User
    from tuyengiao.core.text import fold
    from tuyengiao.documents.models import Document, Reference, RefKind
    from tuyengiao.documents.search import search_document_text
    from tuyengiao.documents.seeding import seed
    from tuyengiao.orgs.models import Unit, UnitKind
    from vanban import normalize_symbol

    if Unit.objects.filter(code="BENCH-TU").exists():
        missing = total - Document.objects.count()
        if missing > 0:
            seed(
                missing,
                list(
                    Unit.objects.filter(path__startswith=Unit.objects.get(code="BENCH-TU").path)[
                        :500
                    ]
                ),
            )
        return
    print("seeding the document library benchmark …", file=sys.stderr)
    with transaction.atomic():
        province = Unit.objects.add_root(
            dict(
                kind=UnitKind.PARTY_COMMITTEE,
                code="BENCH-TU",
                name="Tỉnh ủy Thử nghiệm",
                short_name="TU",
                publishes_to_all=True,
            )
        )

        def unit(
            parent: Unit, i: int, kind: str, code: str, name: str, short: str, numchild: int
        ) -> Unit:
            return Unit(
                kind=kind,
                code=code,
                name=name,
                short_name=short,
                name_folded=fold(name),
                path=parent.path + _seg(i),
                depth=parent.depth + 1,
                numchild=numchild,
                parent_body_name=parent.name.upper(),
            )

        Unit.objects.bulk_create(
            [
                unit(
                    province,
                    d + 1,
                    UnitKind.PARTY_COMMITTEE,
                    f"B-H{d}",
                    f"Huyện ủy {d}",
                    "HU",
                    BASES,
                )
                for d in range(DISTRICTS)
            ]
        )
        districts = list(
            Unit.objects.filter(depth=2, path__startswith=province.path).order_by("path")
        )
        Unit.objects.bulk_create(
            [
                unit(
                    dist,
                    b + 1,
                    UnitKind.BASE_ORGANISATION,
                    f"{dist.code}-{b}",
                    f"Đảng bộ cơ sở {dist.code}-{b}",
                    "ĐU",
                    0,
                )
                for dist in districts
                for b in range(BASES)
            ],
            batch_size=2000,
        )
        bases = list(Unit.objects.filter(depth=3, path__startswith=province.path).order_by("path"))
        cell_parents = [b for i, b in enumerate(bases) if i % BASES < ISSUING_BASES][:CELL_PLANS]
        Unit.objects.bulk_create(
            [
                unit(base, 1, UnitKind.CELL, f"{base.code}-C", f"Chi bộ {base.code}", "CB", 0)
                for base in cell_parents
            ],
            batch_size=2000,
        )
        Unit.objects.filter(pk__in=[b.pk for b in cell_parents]).update(numchild=1)
        cells = list(Unit.objects.filter(depth=4, path__startswith=province.path).order_by("path"))
        base_unit = bases[0]
        User.objects.create_user(
            "bench-admin",
            password="x-bench-docs-1",
            unit=None,
            role=Role.SYSTEM_ADMIN,
            is_staff=True,
            is_superuser=True,
        )
        User.objects.create_user(
            "bench-coso", password="x-bench-docs-1", unit=base_unit, role=Role.OFFICER
        )

        def doc(
            u: Unit, number: str, doc_type: str, title: str, day: date, **extra: Any
        ) -> Document:
            text = (
                f"{u.parent_body_name}\n{u.name.upper()}\nSố {number}\n{doc_type.upper()}\n{title}\n"
                "Thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị về tăng cường bảo vệ nền tảng tư tưởng của Đảng.\n"
                "I. MỤC ĐÍCH, YÊU CẦU\nII. NHIỆM VỤ, GIẢI PHÁP\nIII. TỔ CHỨC THỰC HIỆN\n"
            )
            d = Document(
                unit=u,
                sha256=hashlib.sha256(f"tree:{u.code}:{number}".encode()).hexdigest(),
                filename=f"{u.code}.txt",
                size=len(text),
                text=text,
                number=number,
                number_key=normalize_symbol(number),
                doc_type=doc_type,
                issuer=u.name,
                date=day,
                title=title,
                parsed={"number": number},
                **extra,
            )
            d.search_folded = search_document_text(d)
            return d

        nq = doc(
            province,
            "35-NQ/TW",
            "Nghị quyết",
            "Về tăng cường bảo vệ nền tảng tư tưởng của Đảng",
            date(2018, 10, 22),
            visible_to_all=True,
        )
        nq.save()
        start = date(2019, 1, 1)
        level1 = [
            doc(
                u,
                f"10-KH/HU{i}",
                "Kế hoạch",
                "Kế hoạch thực hiện Nghị quyết 35",
                start + timedelta(days=i),
            )
            for i, u in enumerate(districts)
        ]
        Document.objects.bulk_create(level1)
        level1 = list(Document.objects.filter(unit__in=districts).order_by("unit__path"))
        by_unit = {d.unit_id: d for d in level1}
        refs = [
            Reference(
                citing=d,
                kind=RefKind.IMPLEMENTS,
                number="35-NQ/TW",
                number_key="35/nq/tw",
                target=nq,
            )
            for d in level1
        ]
        issuing = [b for i, b in enumerate(bases) if i % BASES < ISSUING_BASES]
        level2 = [
            doc(
                b,
                f"{i + 1}-KH/ĐU",
                "Kế hoạch",
                "Kế hoạch thực hiện Nghị quyết 35",
                start + timedelta(days=30 + i % 300),
            )
            for i, b in enumerate(issuing)
        ]
        Document.objects.bulk_create(level2, batch_size=2000)
        parent_of = {b.pk: b.path[: -Unit.steplen] for b in issuing}
        district_by_path = {u.path: u for u in districts}
        level2 = list(Document.objects.filter(unit__in=issuing))
        for d in level2:
            parent = by_unit[district_by_path[parent_of[d.unit_id]].pk]
            refs.append(
                Reference(
                    citing=d,
                    kind=RefKind.IMPLEMENTS,
                    number=parent.number,
                    number_key=parent.number_key,
                    target=parent,
                )
            )
        base_doc = {d.unit_id: d for d in level2}
        base_by_path = {b.path: b for b in bases}
        level3 = [
            doc(
                c,
                f"{i + 1}-KH/CB",
                "Kế hoạch",
                "Kế hoạch thực hiện Nghị quyết 35 của chi bộ",
                start + timedelta(days=90 + i % 300),
            )
            for i, c in enumerate(cells)
        ]
        Document.objects.bulk_create(level3, batch_size=2000)
        for d in Document.objects.filter(unit__in=cells).select_related("unit"):
            parent = base_doc[base_by_path[d.unit.path[: -Unit.steplen]].pk]
            refs.append(
                Reference(
                    citing=d,
                    kind=RefKind.IMPLEMENTS,
                    number=parent.number,
                    number_key=parent.number_key,
                    target=parent,
                )
            )
        Reference.objects.bulk_create(refs, batch_size=5000)
    seeded_units = [province, *districts, *bases[:400]]
    left = total - Document.objects.count()
    chunk = 10_000
    while left > 0:
        with transaction.atomic():
            seed(min(chunk, left), seeded_units, seed_value=left)
        left = total - Document.objects.count()
        print(f"  {Document.objects.count()} documents", file=sys.stderr)


def measure(quick: bool, label: str) -> list[Figure]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    from tuyengiao.accounts.models import User
    from tuyengiao.accounts.scoping import scoped
    from tuyengiao.documents import graph
    from tuyengiao.documents.models import Document
    from tuyengiao.documents.search import search

    call_command("migrate", verbosity=0)
    total = 5_000 if quick else TOTAL
    _seed(total)
    if connection.vendor == "sqlite":
        with connection.cursor() as cur:
            cur.execute("PRAGMA optimize")
            cur.execute("INSERT INTO documents_fts(documents_fts) VALUES('optimize')")
    else:
        # the steady state autovacuum keeps in production: statistics and a current visibility map
        # (without it, index-only scans fetch every heap row of the freshly seeded tables)
        with connection.cursor() as cur:
            cur.execute("VACUUM ANALYZE")
    as_web_worker()
    count = Document.objects.count()
    admin = User.objects.get(username="bench-admin")
    officer = User.objects.get(username="bench-coso")
    nq = Document.objects.get(number="35-NQ/TW", unit__code="BENCH-TU")
    repeat = 3 if quick else 8

    def measure(user: Any) -> tuple[list[float], list[float]]:
        """Per query: the whole ``search`` call, then the very statements it sent (captured once,
        after a warm-up pass) replayed raw — interleaved, so load on the shared machine hits
        both alike."""
        from django.test.utils import CaptureQueriesContext

        qs = scoped(Document, user)
        per_q: list[list[str]] = []
        for q in QUERIES:  # warm-up pass, capturing the statements
            with CaptureQueriesContext(connection) as captured:
                search(qs, q, limit=20, user=user)
            per_q.append([c["sql"] for c in captured.captured_queries])
        out: list[float] = []
        bare: list[float] = []
        with connection.cursor() as cur:
            for _ in range(repeat):
                for q, statements in zip(QUERIES, per_q, strict=True):
                    start = time.perf_counter()
                    search(qs, q, limit=20, user=user)
                    out.append((time.perf_counter() - start) * 1000)
                    start = time.perf_counter()
                    for sql in statements:
                        cur.execute(sql)
                        cur.fetchall()
                    bare.append((time.perf_counter() - start) * 1000)
        return out, bare

    search_admin, bare_admin = measure(admin)
    search_officer, bare_officer = measure(officer)

    visible = Document.objects.all()
    tree = graph.implementation_tree(nq, visible)

    def tree_fn() -> None:
        t = graph.implementation_tree(nq, visible)
        graph.flatten(t)

    # the bare SQL of the tree: the very statements implementation_tree sends, replayed raw
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        graph.implementation_tree(nq, visible)
    statements = [q["sql"] for q in captured.captured_queries]

    def bare_tree() -> None:
        with connection.cursor() as cur:
            for sql in statements:
                cur.execute(sql)
                cur.fetchall()

    tree_ms = timings_ms(tree_fn, repeat)
    bare_tree_ms = timings_ms(bare_tree, repeat)

    client = Client()
    client.force_login(admin)
    device, _ = StaticDevice.objects.get_or_create(
        user=admin, name="bench", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    url = reverse("documents:document_tree", kwargs={"document_pk": nq.pk})

    def page() -> None:
        response = client.get(url)
        assert response.status_code == 200, response.status_code

    page_ms = timings_ms(page, repeat)

    tag = f"({label}, {count:,} documents)".replace(",", " ")
    figures = [
        Figure(
            f"documents: search as system admin {tag}",
            "p95 latency per search",
            p95(search_admin),
            "ms",
            "bare SQL of the search (same statements, raw)",
            p95(bare_admin),
            p95(search_admin) / max(p95(bare_admin), 1e-9),
            "< 100 ms",
        ),
        Figure(
            f"documents: search as a base unit's officer (scoped) {tag}",
            "p95 latency per search",
            p95(search_officer),
            "ms",
            "bare SQL of the search (same statements, raw)",
            p95(bare_officer),
            p95(search_officer) / max(p95(bare_officer), 1e-9),
            "< 100 ms",
        ),
        Figure(
            f"documents: implementation tree of 35-NQ/TW, {tree.total} implementing plans over {tree.levels} levels, "
            f"{tree.missing} units not yet issued {tag}",
            "p95 latency",
            p95(tree_ms),
            "ms",
            "bare SQL of the tree (the same per-level statements, raw)",
            p95(bare_tree_ms),
            p95(tree_ms) / max(p95(bare_tree_ms), 1e-9),
            "< 300 ms",
        ),
        Figure(
            f"documents: implementation tree page rendered ({tree.total} plans) {tag}",
            "p95 latency",
            p95(page_ms),
            "ms",
            "bare SQL of the tree",
            p95(bare_tree_ms),
            p95(page_ms) / max(p95(bare_tree_ms), 1e-9),
            "< 300 ms",
        ),
    ]
    return figures


if __name__ == "__main__":
    bench_main("benchmarks.bench_documents")
