from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("chuong/", views.bell, name="bell"),
    path("<int:notification_pk>/da-doc/", views.mark_read, name="mark_read"),
    path("da-doc-tat-ca/", views.mark_all_read, name="mark_all_read"),
    path("cach-nhan/", views.preferences, name="preferences"),
]
