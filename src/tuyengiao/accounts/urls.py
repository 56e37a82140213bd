from django.urls import path

from . import security_views, views

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", views.LogoutView.as_view(), name="logout"),
    path("quen-mat-khau/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "quen-mat-khau/da-gui/", views.PasswordResetDoneView.as_view(), name="password_reset_done"
    ),
    path(
        "dat-lai/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "dat-lai/xong/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"
    ),
    path("xac-thuc-hai-lop/", security_views.two_factor_verify, name="two_factor_verify"),
    path("xac-thuc-hai-lop/cai-dat/", security_views.two_factor_setup, name="two_factor_setup"),
    path(
        "xac-thuc-hai-lop/cai-dat/xac-nhan/",
        security_views.two_factor_confirm,
        name="two_factor_confirm",
    ),
    path("bao-mat/", security_views.security, name="security"),
    path("bao-mat/ma-du-phong/", security_views.backup_codes, name="backup_codes"),
    path("", views.user_list, name="user_list"),
    path("them/", views.user_edit, name="user_create"),
    path("<int:user_pk>/", views.user_edit, name="user_edit"),
    path("<int:user_pk>/mo-khoa/", security_views.user_unlock, name="user_unlock"),
    path(
        "<int:user_pk>/dat-lai-xac-thuc/",
        security_views.user_second_factor_reset,
        name="user_second_factor_reset",
    ),
    path("nhat-ky/", views.audit_log, name="audit_log"),
]
