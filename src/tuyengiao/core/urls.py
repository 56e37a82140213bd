from django.urls import path

from tuyengiao.ops.views import healthz

from . import views

app_name = "core"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    # For the load balancer; kept at the root and under core's name (the 2FA gate lets it through).
    path("healthz", healthz, name="healthz"),
]
