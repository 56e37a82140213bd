"""Settings for the test suite: the real settings with fast hashing, inline tasks and mail kept in memory."""

import os

os.environ.setdefault("SECRET_KEY", "only-for-tests-not-a-secret-" + "x" * 30)
os.environ.setdefault(
    "TUYENGIAO_VAR", str(__import__("pathlib").Path(__file__).resolve().parents[2] / "var" / "test")
)

from tuyengiao.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
SECURE_SSL_REDIRECT = False
MEDIA_ROOT = VAR_DIR / "media"  # noqa: F405
AXES_ENABLED = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Plain storage: tests render {% static %} without a collectstatic run (the manifest storage of
# production is tested by core/tests/test_production_server.py, which runs collectstatic itself).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 - WhiteNoise warns about a missing one

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's shared-cache in-memory database: the browser tests' live server answers
    # overlapping requests (autosave beside submit), and shared-cache SQLite fails those at once with
    # "database table is locked" instead of waiting as WAL with busy_timeout does in production.
    # One file per process, so that two test runs in one checkout never meet.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}  # noqa: F405
