"""Settings for the test suite: the real settings with fast hashing, inline tasks and mail kept in memory."""

import os

os.environ.setdefault("SECRET_KEY", "only-for-tests-not-a-secret-" + "x" * 30)
os.environ.setdefault(
    "TUYENGIAO_VAR", str(__import__("pathlib").Path(__file__).resolve().parents[2] / "var" / "test")
)

from tuyengiao.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
SECURE_SSL_REDIRECT = False
MEDIA_ROOT = VAR_DIR / "media"  # noqa: F405
AXES_ENABLED = True
