from django.urls import path

from . import public, views

app_name = "news"

urlpatterns = [
    # the officers' pages ("quan-ly" is reserved: no unit's page can take it)
    path("quan-ly/", views.item_list, name="item_list"),
    path("quan-ly/them/", views.item_create, name="item_create"),
    path("quan-ly/trang/", views.page_settings, name="page_settings"),
    path("quan-ly/<int:item_pk>/", views.item_detail, name="item_detail"),
    path("quan-ly/<int:item_pk>/sua/", views.item_edit, name="item_edit"),
    path("quan-ly/<int:item_pk>/dang/", views.item_publish, name="item_publish"),
    path("quan-ly/<int:item_pk>/go/", views.item_unpublish, name="item_unpublish"),
    path("quan-ly/<int:item_pk>/xoa/", views.item_delete, name="item_delete"),
    path("quan-ly/<int:item_pk>/hoat-dong/", views.item_link_activity, name="item_link_activity"),
    path("quan-ly/<int:item_pk>/anh/", views.item_picture, name="item_picture"),
    # the public page of a unit that opened it
    path("<slug:slug>/", public.public_page, name="public_page"),
    path("<slug:slug>/rss/", public.public_rss, name="public_rss"),
    path("<slug:slug>/atom/", public.public_atom, name="public_atom"),
    path("<slug:slug>/<int:item_pk>/", public.public_item, name="public_item"),
    path("<slug:slug>/<int:item_pk>/anh/", public.public_picture, name="public_picture"),
    path(
        "<slug:slug>/thong-tin/<int:bulletin_pk>/", public.public_bulletin, name="public_bulletin"
    ),
]
