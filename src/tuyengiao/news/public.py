"""The public side of a unit's news page (no sign-in): the page, an item with its Open Graph
tags, its picture, an issued bulletin, and the RSS and Atom feeds. Only published items of units
that opened their page are ever shown (``services.public_items``); anything else is a 404."""

from __future__ import annotations

from typing import Any

from django.contrib.syndication.views import Feed
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_GET

from tuyengiao.core.listing import paginate
from tuyengiao.events.models import Bulletin

from . import services
from .models import NewsItem, NewsPage

FEED_ITEMS = 30


def _page(slug: str) -> NewsPage:
    page = services.public_page(slug)
    if page is None:
        raise Http404("Đơn vị này chưa mở trang tin công khai.")
    return page


def _item(page: NewsPage, item_pk: int) -> NewsItem:
    item = services.public_items(page).filter(pk=item_pk).first()
    if item is None:
        raise Http404("Không có tin này trên trang.")
    return item


@require_GET
def public_page(request: HttpRequest, slug: str) -> HttpResponse:
    page = _page(slug)
    return render(
        request,
        "news/public_page.html",
        {
            "news_page": page,
            "bulletins": services.public_bulletins(page)[: services.BULLETIN_LIMIT],
            **paginate(request, services.public_items(page)),
        },
    )


@require_GET
def public_item(request: HttpRequest, slug: str, item_pk: int) -> HttpResponse:
    page = _page(slug)
    item = _item(page, item_pk)
    url = request.build_absolute_uri()
    picture = (
        request.build_absolute_uri(
            reverse("news:public_picture", kwargs={"slug": slug, "item_pk": item.pk})
        )
        if item.picture
        else ""
    )
    return render(
        request,
        "news/public_item.html",
        {"news_page": page, "item": item, "og_url": url, "og_image": picture},
    )


@require_GET
def public_picture(request: HttpRequest, slug: str, item_pk: int) -> HttpResponseBase:
    item = _item(_page(slug), item_pk)
    if not item.picture:
        raise Http404("Tin này không có ảnh.")
    return FileResponse(item.picture.open("rb"))


@require_GET
def public_bulletin(request: HttpRequest, slug: str, bulletin_pk: int) -> HttpResponse:
    page = _page(slug)
    bulletin: Bulletin | None = services.public_bulletins(page).filter(pk=bulletin_pk).first()
    if bulletin is None:
        raise Http404("Không có thông tin này trên trang.")
    return render(
        request,
        "news/public_bulletin.html",
        {"news_page": page, "bulletin": bulletin, "items": bulletin.items.all()},
    )


class NewsFeed(Feed):  # type: ignore[type-arg]
    """RSS 2.0 of a unit's published items (the Atom feed below is the same, in Atom)."""

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> NewsPage:
        return _page(kwargs["slug"])

    def title(self, obj: NewsPage) -> str:
        return f"Tin của {obj.unit.name}"

    def link(self, obj: NewsPage) -> str:
        return reverse("news:public_page", kwargs={"slug": obj.slug})

    def description(self, obj: NewsPage) -> str:
        return obj.intro or f"Tin bài do {obj.unit.name} đăng."

    def items(self, obj: NewsPage) -> list[NewsItem]:
        return list(services.public_items(obj)[:FEED_ITEMS])

    def item_title(self, item: NewsItem) -> str:
        return item.title

    def item_description(self, item: NewsItem) -> str:
        return item.description[:300]

    def item_link(self, item: NewsItem) -> str:
        page = item.unit.news_page
        return reverse("news:public_item", kwargs={"slug": page.slug, "item_pk": item.pk})

    def item_pubdate(self, item: NewsItem) -> Any:
        return item.published_at


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: NewsPage) -> str:
        return self.description(obj)


public_rss = require_GET(NewsFeed())
public_atom = require_GET(AtomNewsFeed())
