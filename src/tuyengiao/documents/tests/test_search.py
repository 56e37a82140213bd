"""Search: every folding rule and every symbol form, on whichever backend the suite runs on
(SQLite FTS5 by default; PostgreSQL full-text search when DATABASE_URL points to PostgreSQL)."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from tuyengiao.accounts.scoping import scoped
from tuyengiao.documents.models import Document
from tuyengiao.documents.search import highlight, plan_query, search
from tuyengiao.documents.testing import make_document
from tuyengiao.testing import make_user

NQ35 = """BAN CHẤP HÀNH TRUNG ƯƠNG
Số 35-NQ/TW
Hà Nội, ngày 22 tháng 10 năm 2018
NGHỊ QUYẾT
Về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới
Giữ vững hòa bình, ổn định; chăm lo sức khỏe nhân dân; phát triển thủy lợi.
"""
PLAN = """ĐẢNG ỦY KHỐI
Số 12-KH/ĐUK
KẾ HOẠCH
Thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị về bảo vệ nền tảng tư tưởng
Đảng ủy Khối xây dựng kế hoạch. Nghị quyết số 35-NQ/TW được quán triệt.
"""
OTHER = """Số 36-NQ/TW
NGHỊ QUYẾT
Về phát triển bền vững kinh tế biển; nghị quyết số 7 và 35 chương trình.
"""


@pytest.fixture
def docs(tree):
    nq = make_document(
        tree.province,
        "35-NQ/TW",
        NQ35,
        visible_to_all=True,
        date=date(2018, 10, 22),
        title="Về tăng cường bảo vệ nền tảng tư tưởng của Đảng",
        doc_type="Nghị quyết",
    )
    plan = make_document(tree.bloc, "12-KH/ĐUK", PLAN, date=date(2019, 1, 5), published_down=True)
    other = make_document(
        tree.province, "36-NQ/TW", OTHER, visible_to_all=True, date=date(2018, 10, 22)
    )
    return {"nq": nq, "plan": plan, "other": other}


def numbers(query: str, qs=None) -> list[str]:
    qs = qs if qs is not None else Document.objects.all()
    return [hit.document.number for hit in search(qs, query).hits]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "nghi quyet 35",
        "Nghị quyết 35",
        "35-NQ/TW",
        "35/NQ-TW",
        "NQ 35",
        "35 - nq/tw",
        "nq/tw 35",
        "nghị quyết số 35",
    ],
)
def test_symbol_forms_find_the_resolution_first(docs, query):
    found = numbers(query)
    assert found[0] == "35-NQ/TW", found
    assert search(Document.objects.all(), query).hits[0].exact_number


@pytest.mark.django_db
def test_symbol_query_also_lists_documents_citing_it(docs):
    found = numbers("35-NQ/TW")
    assert "12-KH/ĐUK" in found
    assert found.index("35-NQ/TW") < found.index("12-KH/ĐUK")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dang uy khoi", "12-KH/ĐUK"),  # đ → d
        ("ĐẢNG ỦY KHỐI", "12-KH/ĐUK"),  # upper case with marks
        ("Đảng ủy khối", "12-KH/ĐUK"),
        ("DANG UY KHOI", "12-KH/ĐUK"),
        ("hoà bình", "35-NQ/TW"),  # new tone placement in the query, old in the text
        ("hòa binh", "35-NQ/TW"),
        ("thuỷ lợi", "35-NQ/TW"),  # thuỷ / thủy
        ("sức khoẻ", "35-NQ/TW"),  # khoẻ / khỏe
        ("bao ve nen tang tu tuong", "35-NQ/TW"),
        ("kinh te bien", "36-NQ/TW"),
    ],
)
def test_folding_rules(docs, query, expected):
    assert expected in numbers(query)
    # the same query written decomposed (NFD, as some keyboards send it) finds the same
    assert expected in numbers(unicodedata.normalize("NFD", query))


@pytest.mark.django_db
def test_text_with_new_tone_placement_is_found_by_old(tree):
    make_document(
        tree.base1, "1-TB/ĐU", "Số 1-TB/ĐU\nTHÔNG BÁO\nVề hoà giải và thuỷ sản, khoẻ mạnh"
    )
    assert numbers("hòa giải thủy sản khỏe") == ["1-TB/ĐU"]


@pytest.mark.django_db
def test_no_match_and_empty_query(docs):
    assert numbers("khong co tu nay trong van ban") == []
    assert search(Document.objects.all(), "  ").hits == []
    assert search(Document.objects.all(), "!!! ???").total == 0


@pytest.mark.django_db
def test_ranked_with_highlighted_snippet(docs):
    hit = search(Document.objects.all(), "bao ve nen tang").hits[0]
    assert "<mark>bảo</mark> <mark>vệ</mark> <mark>nền</mark> <mark>tảng</mark>" in hit.snippet
    assert isinstance(hit.rank, float)


@pytest.mark.django_db
def test_search_combines_with_filters_and_scope(docs, users):
    assert numbers("nghi quyet 35", Document.objects.filter(date__year=2019)) == ["12-KH/ĐUK"]
    assert numbers("nghi quyet", Document.objects.filter(doc_type="Nghị quyết")) == ["35-NQ/TW"]
    # coso2 (base2) sees the province's documents marked for all, and the bloc plan published down
    assert set(numbers("35", scoped(Document, users["coso2"]))) >= {"35-NQ/TW", "12-KH/ĐUK"}


@pytest.mark.django_db
def test_search_respects_scope(tree, users):
    make_document(tree.base1, "5-KH/ĐU", "Số 5-KH/ĐU\nKẾ HOẠCH\nVề tuyên truyền biển đảo")
    assert numbers("tuyen truyen bien dao", scoped(Document, users["coso2"])) == []
    assert numbers("tuyen truyen bien dao", scoped(Document, users["coso1"])) == ["5-KH/ĐU"]
    assert numbers("5-KH/ĐU", scoped(Document, users["coso2"])) == []


@pytest.mark.django_db
def test_scope_keys_are_exactly_what_each_user_may_view(tree, users):
    """``view_keys`` (index-served branches, used by the search to materialise a scope) gives the
    very documents ``scoped`` and ``can(view)`` allow: own subtree, ancestors' documents published
    down, and documents visible to all."""
    from tuyengiao.accounts.scoping import can, view_keys

    for i, unit in enumerate(
        [tree.province, tree.bloc, tree.base1, tree.base2, tree.cell1, tree.state, tree.department]
    ):
        for published in (True, False):
            for to_all in (True, False):
                make_document(
                    unit,
                    f"{i}{int(published)}{int(to_all)}-KH/X",
                    f"Số {i}{int(published)}{int(to_all)}-KH/X\nKẾ HOẠCH\nVề phạm vi xem",
                    published_down=published,
                    visible_to_all=to_all,
                )
    everything = list(Document.objects.select_related("unit"))
    for name, user in users.items():
        expected = {d.pk for d in everything if can(user, "view", d)}
        assert set(scoped(Document, user).values_list("pk", flat=True)) == expected, name
        keys = view_keys(Document, user)
        if keys is not None:
            assert set(Document.objects.filter(pk__in=keys).values_list("pk", flat=True)) == (
                expected
            ), name
        hits = search(scoped(Document, user), "pham vi xem", 100, user=user).hits
        assert {h.document.pk for h in hits} == expected, name
    # the cell's officer: its own, its ancestors' published ones, and the ones visible to all
    cell_officer = make_user("cell1", tree.cell1)
    cell_keys = view_keys(Document, cell_officer)
    assert cell_keys is not None  # only a system admin gets None (everything)
    assert view_keys(Document, users["admin"]) is None
    seen = set(Document.objects.filter(pk__in=cell_keys).values_list("number", flat=True))
    assert seen == set(scoped(Document, cell_officer).values_list("number", flat=True))
    assert {"411-KH/X", "410-KH/X", "401-KH/X", "400-KH/X"} <= seen  # its own
    assert {"211-KH/X", "111-KH/X", "011-KH/X", "010-KH/X"} <= seen  # above it, published down
    assert "201-KH/X" in seen and "200-KH/X" not in seen  # above it, not published down
    assert "501-KH/X" in seen and "500-KH/X" not in seen and "310-KH/X" not in seen


@pytest.mark.django_db
def test_index_follows_updates_and_deletes(tree):
    doc = make_document(tree.base1, "6-KH/ĐU", "Số 6-KH/ĐU\nKẾ HOẠCH\nVề chuyển đổi số")
    assert numbers("chuyen doi so") == ["6-KH/ĐU"]
    doc.text = "Số 6-KH/ĐU\nKẾ HOẠCH\nVề cải cách hành chính"
    doc.save()
    assert numbers("chuyen doi so") == []
    assert numbers("cai cach hanh chinh") == ["6-KH/ĐU"]
    doc.delete()
    assert numbers("cai cach hanh chinh") == []


def test_query_plan_recognises_symbols():
    assert plan_query("35/NQ-TW").symbol_keys == ["35/nq/tw"]
    assert "35/nq" in plan_query("NQ 35").symbol_prefixes
    assert "35/nq" in plan_query("nghị quyết số 35").symbol_prefixes
    assert "289/kh" in plan_query("Kế hoạch 289").symbol_prefixes
    assert plan_query("bảo vệ nền tảng").symbol_prefixes == []


def test_highlight_keeps_original_accents():
    text = "Tăng cường ĐẢNG ủy và Đảng bộ; hoà bình."
    html = highlight(text, ["dang", "hoa"])
    assert (
        "<mark>ĐẢNG</mark>" in html and "<mark>Đảng</mark>" in html and "<mark>hoà</mark>" in html
    )
    assert highlight("<script>đảng</script>", ["dang"]).startswith(
        "&lt;script&gt;<mark>đảng</mark>"
    )


@pytest.mark.django_db
def test_broad_query_ranks_the_newest_candidates_and_caps_the_count(tree, monkeypatch):
    from tuyengiao.documents.search import bounds

    monkeypatch.setattr(bounds, "CANDIDATES", 2)
    monkeypatch.setattr(bounds, "COUNT_CAP", 3)
    for n in range(1, 6):  # added in date order, so "newest" means the same on both backends
        make_document(
            tree.province, f"{n}-TB/TU", f"Thông báo {n} về chuyển đổi số", date=date(2024, 1, n)
        )
    # a page no longer than the candidates: ranked among the 2 newest matches only
    results = search(Document.objects.all(), "chuyen doi so", limit=2)
    assert results.capped and results.total == 3
    assert sorted(hit.document.number for hit in results.hits) == ["4-TB/TU", "5-TB/TU"]


@pytest.mark.django_db
@pytest.mark.parametrize("cap", [3, 100])
def test_recent_window_gives_the_same_results_as_the_whole_library(tree, monkeypatch, cap):
    """PostgreSQL looks for a broad query's newest matches among the newest documents first
    (``bounds.RECENT_WINDOW``); whatever the window, the page and the count must not change.
    (SQLite has no window: there the test checks the bounds alone.)"""
    from tuyengiao.documents.search import bounds

    monkeypatch.setattr(bounds, "CANDIDATES", 2)
    monkeypatch.setattr(bounds, "COUNT_CAP", cap)
    days = [5, 1, 9, 3, 7, 2, 8]
    for n, day in enumerate(days, start=1):
        matching = n % 3 != 0  # some recent documents do not match
        words = "chuyển đổi số" if matching else "an sinh xã hội"
        make_document(
            tree.province, f"{n}-TB/TU", f"Thông báo {n} về {words}", date=date(2024, 1, day)
        )
    make_document(tree.province, "8-TB/TU", "Thông báo 8 về chuyển đổi số")  # no date: newest
    seen = []
    for window in [1, 2, 3, 5, 100]:
        monkeypatch.setattr(bounds, "RECENT_WINDOW", window)
        for limit in [0, 1, 2, 4]:
            r = search(Document.objects.all(), "chuyen doi so", limit=limit)
            seen.append((window, limit, r.total, r.capped, [h.document.number for h in r.hits]))
    by_limit: dict[int, set] = {}
    for _window, limit, total, capped, hits in seen:
        by_limit.setdefault(limit, set()).add((total, capped, tuple(sorted(hits))))
    assert all(len(answers) == 1 for answers in by_limit.values()), by_limit
    total, capped, hits = next(iter(by_limit[2]))
    assert (total, capped) == ((3, True) if cap == 3 else (6, False))
    # the two newest matches: the undated document, then 8 January's (the 9th's does not match);
    # on SQLite the two most recently added, the same two here
    assert hits == ("7-TB/TU", "8-TB/TU")


@pytest.mark.django_db
def test_documents_naming_the_query_in_type_and_title_come_first(tree):
    news = make_document(
        tree.province,
        "5-TB/TU",
        "Thông báo. Nghị quyết, nghị quyết và nghị quyết: tin về việc học tập nghị quyết. " * 5,
        doc_type="Thông báo",
        title="Tin hoạt động tháng 3",
        date=date(2024, 3, 1),
    )
    resolution = make_document(
        tree.province,
        "7-NQ/TU",
        "Nghị quyết về chuyển đổi số trong cơ quan Đảng.",
        doc_type="Nghị quyết",
        title="Về chuyển đổi số",
        date=date(2023, 1, 1),
    )
    hits = search(Document.objects.all(), "nghị quyết").hits
    assert [h.document.pk for h in hits] == [resolution.pk, news.pk]
