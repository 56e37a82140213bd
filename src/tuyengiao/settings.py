"""Settings, all read from the environment (12-factor).

DATABASE_URL    default: SQLite at var/tuyengiao.sqlite3; PostgreSQL in production.
SECRET_KEY      required when DEBUG is off; with DEBUG on, one is generated into var/secret_key.
DEBUG           "1"/"true" to turn on (the demo does).
ALLOWED_HOSTS   comma-separated.
EMAIL_URL-like  EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS,
                DEFAULT_FROM_EMAIL; EMAIL_BACKEND defaults to the console in DEBUG, SMTP otherwise
                (all read into MAILERS["default"]).
TRUSTED_PROXY_COUNT  reverse proxies in front of the site (client address from X-Forwarded-For).
TUYENGIAO_VAR   where the database, uploads and generated files live (default: <repo>/var).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


PACKAGE_DIR = Path(__file__).resolve().parent
_repo_root = PACKAGE_DIR.parent.parent
VAR_DIR = Path(
    os.environ.get(
        "TUYENGIAO_VAR",
        _repo_root / "var" if (_repo_root / "pyproject.toml").exists() else Path.cwd() / "var",
    )
)
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    key_file = VAR_DIR / "secret_key"
    if key_file.exists():
        SECRET_KEY = key_file.read_text().strip()
    elif DEBUG:
        SECRET_KEY = secrets.token_urlsafe(50)
        key_file.write_text(SECRET_KEY)
        key_file.chmod(0o600)
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY chưa được đặt. Đặt biến môi trường SECRET_KEY (bắt buộc khi DEBUG tắt). "
            "SECRET_KEY is required when DEBUG is off."
        )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "treebeard",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "auditlog",
    # static files only: the rich-text editor's bundle (ProseMirror), used by core.richtext
    "django_prose_editor",
    # Before django_tasks_db: its `db_worker` command is ours (a worker that stays up, see ops).
    "tuyengiao.ops",
    "django_tasks_db",
    # Our apps, one per domain. Order matters for the demo data (each app's demo.py runs in turn).
    "tuyengiao.core",
    "tuyengiao.orgs",
    "tuyengiao.accounts",
    "tuyengiao.documents",
    "tuyengiao.plans",
    "tuyengiao.reports",
    "tuyengiao.study",
    "tuyengiao.speakers",
    "tuyengiao.activities",
    "tuyengiao.privacy",
    "tuyengiao.notifications",
    "tuyengiao.events",
    "tuyengiao.inspections",
    "tuyengiao.emulation",
    "tuyengiao.exemplars",
    "tuyengiao.surveys",
    "tuyengiao.news",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files from the application server itself (`gunicorn tuyengiao.wsgi` serves a complete
    # site, no separate web server needed); right after SecurityMiddleware so HTTPS redirects apply.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Django's SessionMiddleware, pushing an idle session's expiry forward without a write per request
    "tuyengiao.accounts.middleware.IdleSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "tuyengiao.accounts.middleware.RequireTwoFactorForAdminsMiddleware",
    # A member's own account opens the member pages only (accounts.permissions.member_may_open).
    "tuyengiao.accounts.middleware.MemberAreaMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # axes must be last: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tuyengiao.urls"
WSGI_APPLICATION = "tuyengiao.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "tuyengiao.core.context_processors.shell",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'tuyengiao.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers go on while one writer writes; IMMEDIATE avoids "database is locked"
        # on read-then-write transactions.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
# Streaming replicas of the primary for the read-heavy pages (ops.replicas); none by default.
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    DATABASES[f"replica{_number}"] = {
        **dj_database_url.parse(_url, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"]),
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["tuyengiao.ops.replicas.ReplicaRouter"] if len(DATABASES) > 1 else []

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "tuyengiao.accounts.backends.UnitModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login throttling (django-axes, see tuyengiao.accounts.throttle). Failures are counted per
# username + client address (AXES_FAILURE_LIMIT) and per address over all usernames
# (AXES_ADDRESS_FAILURE_LIMIT), never per username alone: nobody can lock a user out from another
# address. Each lockout of the day doubles the cool-off, from LOGIN_COOLOFF_MINUTES up to
# LOGIN_COOLOFF_MAX_MINUTES. Behind reverse proxies, set TRUSTED_PROXY_COUNT to their number: the
# client address is then the Nth entry from the right of X-Forwarded-For (0: REMOTE_ADDR).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "tuyengiao.accounts.throttle.client_ip"
AXES_HANDLER = "tuyengiao.accounts.throttle.EscalatingAxesHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_ADDRESS_FAILURE_LIMIT = int(os.environ.get("AXES_ADDRESS_FAILURE_LIMIT", "50"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
LOGIN_COOLOFF_MINUTES = int(os.environ.get("LOGIN_COOLOFF_MINUTES", "5"))
LOGIN_COOLOFF_MAX_MINUTES = int(os.environ.get("LOGIN_COOLOFF_MAX_MINUTES", "60"))
AXES_COOLOFF_TIME = "tuyengiao.accounts.throttle.cool_off"
AXES_USE_ATTEMPT_EXPIRATION = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # the lockouts of the day, which set the cool-off
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "tuyengiao.accounts.throttle.lockout_response"
AXES_RESET_ON_SUCCESS = True
# Password-reset mails per hour: per e-mail address asked for, and per client address (counted in
# Django's default cache: per worker process unless CACHES names a shared one).
# The cache holds those counters (and the check-in throttle's): it must be shared by every web
# worker of the server, or each counts on its own. Files under $TUYENGIAO_VAR/cache do that on one
# server; several servers point CACHE_DIR at a shared folder or set CACHES in their own settings.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("CACHE_DIR", str(VAR_DIR / "cache")),
    }
}
PASSWORD_RESET_MAILS_PER_EMAIL = int(os.environ.get("PASSWORD_RESET_MAILS_PER_EMAIL", "3"))
PASSWORD_RESET_MAILS_PER_ADDRESS = int(os.environ.get("PASSWORD_RESET_MAILS_PER_ADDRESS", "10"))

# Idle sessions expire: requests push the expiry forward, at most once per SESSION_REFRESH_SECONDS
# (tuyengiao.accounts.middleware.IdleSessionMiddleware; a session idle for SESSION_COOKIE_AGE
# seconds is always gone, one idle for SESSION_COOKIE_AGE - SESSION_REFRESH_SECONDS may be).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_SECONDS", str(30 * 60)))
SESSION_REFRESH_SECONDS = min(60, SESSION_COOKIE_AGE // 30)
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True

OTP_TOTP_ISSUER = "Tuyên giáo"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["tuyengiao.formats"]
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"]

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed copies made by `tuyengiao collectstatic` (the demo runs it): browsers may
    # cache them forever, and a page never pairs new HTML with an old script.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background work (mail, imports, exports) goes through Django's tasks framework; the database
# backend (django-tasks-db) is served by `tuyengiao db_worker`. TASKS_IMMEDIATE=1 runs inline.
TASKS = {
    "default": {
        "BACKEND": (
            "django.tasks.backends.immediate.ImmediateBackend"
            if env_bool("TASKS_IMMEDIATE", DEBUG)
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# The document library's trusted roots for digital signatures: a PEM bundle of the certificate
# authorities whose signatures count as trusted (e.g. the Government Cipher Committee's root CA);
# empty = no root configured, every signature shows as "not trusted" (vanban.signatures).
DOCUMENTS_TRUSTED_ROOTS = os.environ.get("DOCUMENTS_TRUSTED_ROOTS", "")

# A running job's lease: its worker renews it every third of this; a job whose worker is gone is
# run again (at most JOBS_MAX_ATTEMPTS runs in all) or failed with its reason (core.job_recovery).
JOBS_LEASE_SECONDS = int(os.environ.get("JOBS_LEASE_SECONDS", "60"))
JOBS_MAX_ATTEMPTS = int(os.environ.get("JOBS_MAX_ATTEMPTS", "3"))

# Mail through Django 6.1's MAILERS (the EMAIL_* settings are deprecated); the environment keeps
# its EMAIL_* names. SMTP takes the server's options; the console backend (DEBUG) takes none.
_MAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
_SMTP_OPTIONS = {
    "host": os.environ.get("EMAIL_HOST", "localhost"),
    "port": int(os.environ.get("EMAIL_PORT", "25")),
    "username": os.environ.get("EMAIL_HOST_USER", ""),
    "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
    "use_tls": env_bool("EMAIL_USE_TLS"),
}
MAILERS = {
    "default": {
        "BACKEND": _MAIL_BACKEND,
        **({"OPTIONS": _SMTP_OPTIONS} if _MAIL_BACKEND.endswith("smtp.EmailBackend") else {}),
    }
}
# The site's public address, for links in e-mails sent by background tasks (no request there).
SITE_URL = os.environ.get("SITE_URL", "")
# Notifications older than this many days are removed by the daily `tuyengiao notify_scan`.
NOTIFICATIONS_KEEP_DAYS = int(os.environ.get("NOTIFICATIONS_KEEP_DAYS", "180"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Tuyên giáo <no-reply@localhost>")

# The personal-data controller (bên kiểm soát dữ liệu cá nhân) named on the privacy notice, and
# whom a person asks about their data (privacy app; Luật BVDLCN 91/2025/QH15).
PRIVACY_CONTROLLER_NAME = os.environ.get(
    "PRIVACY_CONTROLLER_NAME", "Ban Tuyên giáo và Dân vận Tỉnh ủy (bên kiểm soát dữ liệu cá nhân)"
)
PRIVACY_CONTACT = os.environ.get(
    "PRIVACY_CONTACT", "Văn phòng cơ quan — địa chỉ, điện thoại và thư điện tử do đơn vị công bố"
)

# Content-Security-Policy (Django's own middleware): scripts and <style> blocks only from our static
# files or carrying the request's nonce (`<script nonce="{{ csp_nonce }}">`), no plugins, no framing,
# forms post to this site only. style-src-attr allows inline style *attributes*: the progress bars
# and tree indents carry computed widths (`style="width: 40%"`); they cannot run code, and every
# <style> element still needs the nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "style-src-attr": [CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
# The other security headers, spelled out although most are Django's defaults, so that a change of
# default never loosens them silently.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # pyHanko logs a warning with a traceback for every certificate it cannot chain to a root;
    # with only the office's own roots and no fetching that is most signatures, and the
    # outcome is shown on the document's page (vanban.signatures) instead
    "loggers": {
        "pyhanko": {"level": "ERROR"},
        "pyhanko_certvalidator": {"level": "ERROR"},
    },
}
