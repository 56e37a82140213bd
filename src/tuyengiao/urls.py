"""Root URLs: each app mounts its own ``urls.py`` under a prefix named after it."""

from django.apps import apps
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("tuyengiao.core.urls")),
    path("quan-tri/", admin.site.urls),
    path("i18n/setlang/", set_language, name="set_language"),
]

# A post Django refuses before any view (too many files …) gets a Vietnamese page, not "Bad Request".
handler400 = "tuyengiao.core.errors.bad_request"

# Apps declare ``url_prefix`` on their AppConfig ("don-vi/", "tai-lieu/" …) and are mounted here,
# so a new app joins the URL tree (and the scoping test that walks it) by existing.
for config in apps.get_app_configs():
    prefix = getattr(config, "url_prefix", None)
    if prefix is not None:
        urlpatterns.append(path(prefix, include(f"{config.name}.urls")))
