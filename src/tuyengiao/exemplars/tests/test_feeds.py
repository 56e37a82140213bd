"""Recognised models feed the monthly bulletin (a part of their own, in scope, in the month) and
the interim/final reviews (a count for the span, equal to one computed from the table)."""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.utils import timezone
from docx import Document

from tuyengiao.accounts.models import User
from tuyengiao.events.models import BulletinPart
from tuyengiao.events.services import bulletins
from tuyengiao.exemplars import services
from tuyengiao.exemplars.models import Exemplar
from tuyengiao.exemplars.testing import make_exemplar
from tuyengiao.inspections import reviews
from tuyengiao.inspections.models import ReviewReport
from tuyengiao.inspections.review_docx import TABLE_HEADERS, build_review_report
from tuyengiao.orgs.models import Unit
from tuyengiao.testing import Tree

pytestmark = pytest.mark.django_db


def _recognised(unit: Unit, title: str, on: date) -> Exemplar:
    return services.recognise(
        make_exemplar(unit, title=title, place="Phường Hòa Bình"), None, today=on
    )


def test_the_bulletin_lists_the_models_recognised_in_the_month_in_scope(
    tree: Tree, users: dict[str, User]
) -> None:
    _recognised(tree.base1, "Học Bác mỗi ngày", date(2027, 2, 3))
    _recognised(tree.cell1, "Tủ sách điện tử", date(2027, 2, 28))
    _recognised(tree.base2, "Dân vận khéo ở trạm y tế", date(2027, 2, 10))
    _recognised(tree.base1, "Tháng trước", date(2027, 1, 31))
    make_exemplar(tree.base1, title="Chưa công nhận")
    parts = bulletins.parts_for(users["coso1"], 2027, 2)
    models = [(h, b) for part, h, b in parts if part == BulletinPart.EXEMPLARS]
    assert [h for h, _ in models] == ["Học Bác mỗi ngày", "Tủ sách điện tử"]
    assert models[0][1].startswith(f"{tree.base1.name} — Phường Hòa Bình.")
    bloc_parts = bulletins.parts_for(users["khoi"], 2027, 2)
    assert [h for p, h, _ in bloc_parts if p == BulletinPart.EXEMPLARS] == [
        "Học Bác mỗi ngày",
        "Dân vận khéo ở trạm y tế",
        "Tủ sách điện tử",
    ]
    bulletin, made = bulletins.assemble(tree.bloc, users["khoi"], 2027, 2)
    assert made
    text = "\n".join(p.text for p in Document(BytesIO(bulletins.docx(bulletin))).paragraphs)
    assert "MÔ HÌNH, ĐIỂN HÌNH ĐƯỢC CÔNG NHẬN TRONG THÁNG" in text.upper()
    assert "Dân vận khéo ở trạm y tế" in text


def test_reviews_prefill_the_count_of_recognised_models_for_the_span(tree: Tree) -> None:
    today = timezone.localdate()
    start, end = today - timedelta(days=365), today + timedelta(days=60)
    _recognised(tree.base1, "Trong kỳ", today - timedelta(days=10))
    _recognised(tree.cell1, "Của chi bộ, trong kỳ", today - timedelta(days=100))
    _recognised(tree.base1, "Trước kỳ", start - timedelta(days=1))
    _recognised(tree.base2, "Đơn vị khác", today)
    make_exemplar(tree.base1, title="Chưa công nhận")
    review = reviews.open_review(
        unit=tree.bloc,
        user=None,
        kind="so_ket_1n",
        title="một năm",
        plan=None,
        span_start=start,
        span_end=end,
        due_date=today,
        outline="Kết quả",
        units=[tree.base1, tree.base2],
    )
    for unit in (tree.base1, tree.base2):
        expected = sum(
            1
            for e in Exemplar.objects.select_related("unit")
            if e.recognised
            and e.unit.path.startswith(unit.path)
            and e.recognised_on is not None
            and start <= e.recognised_on <= end
        )
        figures = ReviewReport.objects.get(review=review, unit=unit).figures
        assert figures["exemplars_recognised"] == expected
    assert (
        ReviewReport.objects.get(review=review, unit=tree.base1).figures["exemplars_recognised"]
        == 2
    )
    doc = Document(BytesIO(build_review_report(review, today)))
    table = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == TABLE_HEADERS)
    assert TABLE_HEADERS[-1] == "Mô hình được công nhận"
    assert [r.cells[-1].text for r in table.rows[1:]] == ["2", "1"]
