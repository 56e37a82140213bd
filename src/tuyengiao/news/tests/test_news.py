"""Unit news pages: officers draft, the unit's administrator publishes (one POST per action); the
public sees only published items of units that opened their page — never drafts, in the page, the
item pages and the RSS/Atom feeds; Open Graph tags; issued bulletins; the link to an activity."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tuyengiao.activities.testing import PNG, make_activity
from tuyengiao.events.models import Bulletin
from tuyengiao.news import services
from tuyengiao.news.models import NewsItem, NewsPage, Status
from tuyengiao.news.testing import make_item, make_page
from tuyengiao.testing import Tree

pytestmark = pytest.mark.django_db


def test_an_officer_drafts_and_only_the_administrator_publishes(
    tree: Tree, users: Any, client_as: Any
) -> None:
    officer = client_as("coso1")
    response = officer.post(
        reverse("news:item_create"),
        {
            "title": "Hội nghị quán triệt",
            "summary": "Tóm tắt",
            "body": "Đoạn một.\n\nĐoạn <script>hai</script>.",
            "picture_upload": SimpleUploadedFile("anh.png", PNG, content_type="image/png"),
        },
    )
    item = NewsItem.objects.get(title="Hội nghị quán triệt")
    assert response.status_code == 302 and item.status == Status.DRAFT and item.picture
    assert item.unit == tree.base1 and item.created_by == users["coso1"]
    # the officer cannot publish (MANAGE): out of scope looks like missing
    assert officer.post(reverse("news:item_publish", kwargs={"item_pk": item.pk})).status_code in (403, 404)  # fmt: skip
    item.refresh_from_db()
    assert item.status == Status.DRAFT
    # the bloc's administrator (above the base) publishes it
    admin = client_as("khoi")
    admin.post(reverse("news:item_publish", kwargs={"item_pk": item.pk}))
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED and item.published_by == users["khoi"]
    # a published item is not edited until unpublished
    html = officer.post(
        reverse("news:item_edit", kwargs={"item_pk": item.pk}),
        {"title": "Đổi", "summary": "", "body": "x"},
    ).content.decode()
    assert "gỡ tin xuống" in html
    item.refresh_from_db()
    assert item.title == "Hội nghị quán triệt"
    # the body is shown escaped: no markup from the text
    html = officer.get(reverse("news:item_detail", kwargs={"item_pk": item.pk})).content.decode()
    assert "&lt;script&gt;hai&lt;/script&gt;" in html and "<script>hai" not in html


def test_a_picture_that_is_not_one_is_refused_and_nothing_is_lost(client_as: Any) -> None:
    html = (
        client_as("coso1")
        .post(
            reverse("news:item_create"),
            {
                "title": "Tin có ảnh hỏng",
                "summary": "",
                "body": "Nội dung giữ nguyên",
                "picture_upload": SimpleUploadedFile(
                    "anh.png", b"not a png", content_type="image/png"
                ),
            },
        )
        .content.decode()
    )
    assert "Không đọc được tệp “anh.png”" in html
    assert "Tin có ảnh hỏng" in html and "Nội dung giữ nguyên" in html
    assert not NewsItem.objects.exists()


def test_the_public_sees_only_published_items_of_opted_in_units(tree: Tree) -> None:
    page = make_page(tree.base1, public=True)
    published = make_item(tree.base1, published=True, title="Tin đã đăng")
    draft = make_item(tree.base1, title="Bản nháp bí mật", body="Nháp nội bộ")
    anon = Client()
    url = reverse("news:public_page", kwargs={"slug": page.slug})
    html = anon.get(url).content.decode()
    assert "Tin đã đăng" in html and "Bản nháp bí mật" not in html
    assert anon.get(reverse("news:public_item", kwargs={"slug": page.slug, "item_pk": draft.pk})).status_code == 404  # fmt: skip
    assert anon.get(reverse("news:public_item", kwargs={"slug": page.slug, "item_pk": published.pk})).status_code == 200  # fmt: skip
    for name, ns in (("public_rss", ""), ("public_atom", "{http://www.w3.org/2005/Atom}")):
        response = anon.get(reverse(f"news:{name}", kwargs={"slug": page.slug}))
        assert response.status_code == 200
        body = response.content.decode()
        assert "Tin đã đăng" in body and "Bản nháp" not in body and "Nháp nội bộ" not in body
        root = ET.fromstring(response.content)
        titles = [t.text for t in root.iter(f"{ns}title")]
        assert "Tin đã đăng" in titles
    # another unit's item is not shown under this unit's page
    other = make_item(tree.base2, published=True, title="Tin của đơn vị khác")
    assert anon.get(reverse("news:public_item", kwargs={"slug": page.slug, "item_pk": other.pk})).status_code == 404  # fmt: skip
    # a closed page shows nothing, feeds included
    page.public = False
    page.save()
    for name in ("public_page", "public_rss", "public_atom"):
        assert anon.get(reverse(f"news:{name}", kwargs={"slug": page.slug})).status_code == 404
    assert anon.get(reverse("news:public_item", kwargs={"slug": page.slug, "item_pk": published.pk})).status_code == 404  # fmt: skip


def test_item_pages_carry_open_graph_tags(tree: Tree) -> None:
    page = make_page(tree.base1)
    item = make_item(tree.base1, published=True, title="Triển lãm ảnh", summary="Mở cửa cả tuần")
    item.picture.save("anh.png", SimpleUploadedFile("anh.png", PNG))
    url = reverse("news:public_item", kwargs={"slug": page.slug, "item_pk": item.pk})
    html = Client().get(url).content.decode()
    assert '<meta property="og:title" content="Triển lãm ảnh">' in html
    assert '<meta property="og:description" content="Mở cửa cả tuần">' in html
    picture = reverse("news:public_picture", kwargs={"slug": page.slug, "item_pk": item.pk})
    assert f'<meta property="og:image" content="http://testserver{picture}">' in html
    response = Client().get(picture)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PNG  # type: ignore[attr-defined]


def test_the_page_lists_issued_bulletins_of_the_unit_and_above(tree: Tree) -> None:
    page = make_page(tree.base1)
    issued = Bulletin.objects.create(unit=tree.bloc, year=2026, month=5, number=3, published_down=True)  # fmt: skip
    Bulletin.objects.create(unit=tree.bloc, year=2026, month=6)  # a draft
    sibling = Bulletin.objects.create(unit=tree.base2, year=2026, month=5, published_down=True)
    html = Client().get(reverse("news:public_page", kwargs={"slug": page.slug})).content.decode()
    assert "tháng 05/2026" in html and "tháng 06/2026" not in html
    ok = reverse("news:public_bulletin", kwargs={"slug": page.slug, "bulletin_pk": issued.pk})
    assert Client().get(ok).status_code == 200
    other = reverse("news:public_bulletin", kwargs={"slug": page.slug, "bulletin_pk": sibling.pk})
    assert Client().get(other).status_code == 404


def test_only_the_administrator_opens_the_page_and_slugs_are_checked(
    tree: Tree, client_as: Any
) -> None:
    url = reverse("news:page_settings")
    assert client_as("coso1").get(url).status_code == 403
    admin = client_as("khoi")
    data = {"public": "on", "slug": "quan-ly", "intro": "", "show_bulletins": "on"}
    html = admin.post(url, data).content.decode()
    assert "đã dành cho trang quản lý" in html and not NewsPage.objects.exists()
    make_page(tree.base1).slug  # noqa: B018
    taken = NewsPage.objects.get(unit=tree.base1).slug
    html = admin.post(url, {**data, "slug": taken}).content.decode()
    assert "đã có đơn vị khác dùng" in html
    admin.post(url, {**data, "slug": "dang-uy-khoi"})
    page = NewsPage.objects.get(unit=tree.bloc)
    assert page.public and page.slug == "dang-uy-khoi"


def test_an_officer_links_a_published_item_to_an_activity(tree: Tree, client_as: Any) -> None:
    page = make_page(tree.base1)
    item = make_item(tree.base1, published=True)
    activity = make_activity(tree.base1, held_on=date(2026, 5, 2))
    elsewhere = make_activity(tree.base2, held_on=date(2026, 5, 2))
    officer = client_as("coso1")
    url = reverse("news:item_link_activity", kwargs={"item_pk": item.pk})
    officer.post(url, {"activity": elsewhere.pk}, follow=True)
    item.refresh_from_db()
    assert item.activity is None
    officer.post(url, {"activity": activity.pk})
    item.refresh_from_db()
    activity.refresh_from_db()
    assert item.activity == activity
    assert activity.link == f"http://testserver/tin/{page.slug}/{item.pk}/"
    draft = make_item(tree.base1)
    with pytest.raises(services.NewsError):
        services.link_activity(draft, activity, "http://x")


def test_rich_text_is_saved_sanitised_and_shown_escaped_on_the_page_and_in_the_feeds(
    tree: Tree, users: Any, client_as: Any
) -> None:
    officer = client_as("coso1")
    form = officer.get(reverse("news:item_create")).content.decode()
    assert 'data-richtext=""' in form and '<script type="importmap" nonce="' in form
    officer.post(
        reverse("news:item_create"),
        {
            "title": "Hội nghị <b>quán triệt</b>",
            "summary": "",
            "body": (
                "<p>Sáng nay, <strong>chi bộ</strong> họp &amp; thảo luận."
                '<img src="x" onerror="alert(1)"></p><ul><li><p>Ý kiến <em>một</em></p></li></ul>'
                '<p><a href="javascript:alert(2)">xem</a> <a href="https://x.vn/a">nguồn</a></p>'
            ),
        },
    )
    item = NewsItem.objects.get()
    assert item.body == (
        "<p>Sáng nay, <strong>chi bộ</strong> họp &amp; thảo luận.</p>"
        "<ul><li><p>Ý kiến <em>một</em></p></li></ul>"
        '<p><a rel="noopener">xem</a> <a href="https://x.vn/a" rel="noopener">nguồn</a></p>'
    )
    services.publish(item, users["khoi"])
    page = make_page(tree.base1)
    anon = Client()
    html = anon.get(
        reverse("news:public_item", kwargs={"slug": page.slug, "item_pk": item.pk})
    ).content.decode()
    assert "<strong>chi bộ</strong>" in html and "<em>một</em>" in html
    assert "onerror" not in html and "javascript:" not in html
    assert "Hội nghị &lt;b&gt;quán triệt&lt;/b&gt;" in html  # the title is text
    # Open Graph: the body's words, no tags
    assert (
        '<meta property="og:description" content="Sáng nay, chi bộ họp &amp; thảo luận. '
        'Ý kiến một xem nguồn">' in html
    )
    # the feeds carry the words as text (escaped once by the feed, read back without tags)
    for name, ns in (("public_rss", ""), ("public_atom", "{http://www.w3.org/2005/Atom}")):
        root = ET.fromstring(anon.get(reverse(f"news:{name}", kwargs={"slug": page.slug})).content)
        tag = "description" if not ns else f"{ns}summary"
        texts = [t.text for t in root.iter(tag) if t.text and "Sáng nay" in t.text]
        assert texts == ["Sáng nay, chi bộ họp & thảo luận. Ý kiến một xem nguồn"]
    # an item written before the editor (plain text) still reads as paragraphs, escaped
    old = make_item(tree.base1, published=True, body="Đoạn một.\n\nĐoạn <i>hai</i>.")
    html = anon.get(
        reverse("news:public_item", kwargs={"slug": page.slug, "item_pk": old.pk})
    ).content.decode()
    assert "<p>Đoạn một.</p><p>Đoạn &lt;i&gt;hai&lt;/i&gt;.</p>" in html
