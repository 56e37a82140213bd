from django.urls import path

from . import views

app_name = "emulation"
urlpatterns = [
    path("", views.movement_list, name="movement_list"),
    path("moi/", views.movement_create, name="movement_create"),
    path("<int:movement_pk>/", views.movement_detail, name="movement_detail"),
    path("tu-cham/<int:entry_pk>/", views.entry_detail, name="entry_detail"),
    path("tu-cham/<int:entry_pk>/cham-diem/", views.entry_score, name="entry_score"),
    path("khen-thuong/", views.register, name="register"),
    path("khen-thuong/moi/", views.commendation_create, name="commendation_create"),
    path(
        "khen-thuong/<int:commendation_pk>/giay-chung-nhan.docx",
        views.certificate,
        name="certificate",
    ),
]
