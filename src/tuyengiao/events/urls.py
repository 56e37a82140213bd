from django.urls import path

from .views import bulletins, calendar, manage

app_name = "events"

urlpatterns = [
    path("", calendar.month, name="month"),
    path("tuan/", calendar.week, name="week"),
    path("danh-sach/", calendar.agenda_list, name="list"),
    path("dang-ky/", calendar.feed_page, name="feed"),
    path("dang-ky/tao-moi/", calendar.feed_renew, name="feed_renew"),
    path("dang-ky/<str:user_feed_token>.ics", calendar.ics_feed, name="ics"),
    path("ngay-ky-niem/", manage.anniversary_list, name="anniversary_list"),
    path("ngay-ky-niem/them/", manage.anniversary_create, name="anniversary_create"),
    path("ngay-ky-niem/<int:anniversary_pk>/", manage.anniversary_edit, name="anniversary_edit"),
    path(
        "ngay-ky-niem/<int:anniversary_pk>/xoa/",
        manage.anniversary_delete,
        name="anniversary_delete",
    ),
    path("dot-tuyen-truyen/", manage.campaign_list, name="campaign_list"),
    path("dot-tuyen-truyen/them/", manage.campaign_create, name="campaign_create"),
    path("dot-tuyen-truyen/<int:campaign_pk>/", manage.campaign_detail, name="campaign_detail"),
    path("dot-tuyen-truyen/<int:campaign_pk>/sua/", manage.campaign_edit, name="campaign_edit"),
    path(
        "dot-tuyen-truyen/<int:campaign_pk>/cong-bo/",
        manage.campaign_publish,
        name="campaign_publish",
    ),
    path("su-kien/them/", manage.event_create, name="event_create"),
    path("su-kien/<int:unit_event_pk>/", manage.event_edit, name="event_edit"),
    path("su-kien/<int:unit_event_pk>/xoa/", manage.event_delete, name="event_delete"),
    path("thong-tin/", bulletins.bulletin_list, name="bulletin_list"),
    path("thong-tin/lap/", bulletins.bulletin_create, name="bulletin_create"),
    path("thong-tin/<int:bulletin_pk>/", bulletins.bulletin_detail, name="bulletin_detail"),
    path("thong-tin/<int:bulletin_pk>/muc/", bulletins.bulletin_item_add, name="bulletin_item_add"),
    path(
        "thong-tin/muc/<int:bulletin_item_pk>/sua/",
        bulletins.bulletin_item_edit,
        name="bulletin_item_edit",
    ),
    path(
        "thong-tin/muc/<int:bulletin_item_pk>/xoa/",
        bulletins.bulletin_item_delete,
        name="bulletin_item_delete",
    ),
    path("thong-tin/<int:bulletin_pk>/phat-hanh/", bulletins.bulletin_issue, name="bulletin_issue"),
    path(
        "thong-tin/<int:bulletin_pk>/thong-tin-sinh-hoat.docx",
        bulletins.bulletin_docx,
        name="bulletin_docx",
    ),
]
