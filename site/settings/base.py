"""Settings shared by every environment.

The environment is read here, once. The other modules only adjust what differs between
development, tests and production.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "site"


def env_bool(name: str, default: bool | None = False) -> bool | None:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_count(name: str, default: int = 0) -> int:
    """A whole number of things, 0 or more; anything else stops the site with one line."""
    value = os.environ.get(name, str(default)).strip()
    if not (value.isascii() and value.isdigit()):
        raise ImproperlyConfigured(f"{name} must be a whole number, 0 or more, not {value!r}.")
    return int(value)


# The old setting named a header and took its last address. It is refused rather than read
# or ignored: ignored, every client behind the load balancer would share one rate limit.
if os.environ.get("PEI_TRUSTED_PROXY_HEADER"):
    raise ImproperlyConfigured(
        "PEI_TRUSTED_PROXY_HEADER is no longer read: remove it and set PEI_TRUSTED_PROXY_HOPS "
        "to the number of proxies in front of the site (1 for one load balancer)."
    )


ENV = {
    "SECRET_KEY": os.environ.get("SECRET_KEY", ""),
    # Old keys, still accepted for signed values (sessions, password-reset links) meanwhile.
    "SECRET_KEY_FALLBACKS": env_list("SECRET_KEY_FALLBACKS"),
    "DEBUG": env_bool("DEBUG", False),
    "ALLOWED_HOSTS": env_list("ALLOWED_HOSTS", "127.0.0.1,localhost"),
    "CSRF_TRUSTED_ORIGINS": env_list("CSRF_TRUSTED_ORIGINS"),
    "DATABASE_URL": os.environ.get("DATABASE_URL", ""),
    "REDIS_URL": os.environ.get("REDIS_URL", ""),
    "BASE_URL": os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000"),
    "EMAIL_URL_HOST": os.environ.get("EMAIL_HOST", ""),
    "EMAIL_PORT": int(os.environ.get("EMAIL_PORT", "25")),
    "EMAIL_HOST_USER": os.environ.get("EMAIL_HOST_USER", ""),
    "EMAIL_HOST_PASSWORD": os.environ.get("EMAIL_HOST_PASSWORD", ""),
    # None when unset: production then defaults to TLS, development to none.
    "EMAIL_USE_TLS": env_bool("EMAIL_USE_TLS", None),
    "EMAIL_USE_SSL": env_bool("EMAIL_USE_SSL", False),
    "DEFAULT_FROM_EMAIL": os.environ.get("DEFAULT_FROM_EMAIL", "pei@example.org"),
    "EMAIL_TIMEOUT": int(os.environ.get("EMAIL_TIMEOUT", "20")),
    # The first wait before an email that failed is tried again; it doubles each time.
    "PEI_EMAIL_FIRST_RETRY_SECONDS": int(os.environ.get("PEI_EMAIL_FIRST_RETRY_SECONDS", "60")),
    "MEDIA_ROOT": os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media")),
    "STATIC_ROOT": os.environ.get("STATIC_ROOT", str(BASE_DIR / "staticfiles")),
    "SQLITE_PATH": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
    "SECURE_SSL_REDIRECT": env_bool("SECURE_SSL_REDIRECT", True),
    "SECURE_HSTS_SECONDS": int(os.environ.get("SECURE_HSTS_SECONDS", "31536000")),
    "SECURE_HSTS_PRELOAD": env_bool("SECURE_HSTS_PRELOAD", True),
    "PEI_SUBMISSION_RATE_LIMIT": os.environ.get("PEI_SUBMISSION_RATE_LIMIT", "10/hour"),
    "PEI_TRUSTED_PROXY_HOPS": env_count("PEI_TRUSTED_PROXY_HOPS"),
}

SECRET_KEY = ENV["SECRET_KEY"]
SECRET_KEY_FALLBACKS = ENV["SECRET_KEY_FALLBACKS"]
DEBUG = ENV["DEBUG"]
ALLOWED_HOSTS = ENV["ALLOWED_HOSTS"]
CSRF_TRUSTED_ORIGINS = ENV["CSRF_TRUSTED_ORIGINS"]

INSTALLED_APPS = [
    "pei_site",
    "page_serving",
    "guidance_pages",
    "pei_workflow",
    "pei_forms",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "axes",
    # The second factor: django-otp, its authenticator app (TOTP) and backup code devices.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: a reader's page from the cache skips everything below (page_serving/page_cache.py).
    "page_serving.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outermost after SecurityMiddleware, so that every answer gets the headers, WhiteNoise's
    # static files and redirects included (see "Security headers" below).
    "pei_site.content_security_policy.SitePolicyMiddleware",
    "pei_site.permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After the user is known: whether this session has checked a second factor, then the
    # admin kept behind it (settings.PEI_REQUIRE_SECOND_FACTOR).
    "django_otp.middleware.OTPMiddleware",
    "pei_site.second_factor.middleware.SecondFactorRequiredMiddleware",
    "pei_site.staff_sessions.StaffIdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Which site and page an address is, remembered per generation (page_serving/routing.py).
    "page_serving.routing.RoutingMiddleware",
    # Last, as its documentation asks: it turns a locked sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "pei_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "pei_site.wsgi.application"

if ENV["DATABASE_URL"]:
    DATABASES = {"default": dj_database_url.parse(ENV["DATABASE_URL"], conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": ENV["SQLITE_PATH"],
            # Wait rather than fail when the email worker and the web server write at once.
            "OPTIONS": {"timeout": 20},
            # Kept open between requests, as PostgreSQL's is above: a new SQLite connection
            # reads the whole schema before its first query, 2 to 3 ms of every request.
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if ENV["REDIS_URL"]:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": ENV["REDIS_URL"],
            # A Redis that stops answering fails a request in seconds rather than hanging
            # every worker; a slow command still has time.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
# The compiled front end (frontend/, built by `make static`) lands in frontend/build; it is
# not committed, so it is only listed once it has been built.
FRONTEND_BUILD_DIR = BASE_DIR / "frontend" / "build"
STATICFILES_DIRS = [FRONTEND_BUILD_DIR] if FRONTEND_BUILD_DIR.is_dir() else []
STATIC_ROOT = ENV["STATIC_ROOT"]
STATIC_URL = "/static/"
MEDIA_ROOT = ENV["MEDIA_ROOT"]
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = "Lancashire Prevention and Early Intervention"
WAGTAILADMIN_BASE_URL = ENV["BASE_URL"]
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {
    # The database backend picks PostgreSQL's full text search on PostgreSQL and SQLite's
    # FTS5 on SQLite.
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "pdf", "pptx", "rtf", "txt", "xlsx", "odt", "ods"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

# Background work. Wagtail's own tasks (search index, reference index) go to the default
# backend and run in the request, so the site behaves the same with or without a worker.
# Work that must survive a failure, such as email, goes to "durable", a database queue that
# `manage.py db_worker` drains and retries.
# Correction and redaction reasons are sentences, longer than the default 100 characters.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "durable": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]},
}

# Email
if ENV["EMAIL_URL_HOST"]:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = ENV["EMAIL_URL_HOST"]
    EMAIL_PORT = ENV["EMAIL_PORT"]
    EMAIL_HOST_USER = ENV["EMAIL_HOST_USER"]
    EMAIL_HOST_PASSWORD = ENV["EMAIL_HOST_PASSWORD"]
    EMAIL_USE_TLS = bool(ENV["EMAIL_USE_TLS"])
    EMAIL_USE_SSL = ENV["EMAIL_USE_SSL"]
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = ENV["DEFAULT_FROM_EMAIL"]
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Seconds the worker waits on each answer from the mail server. Django's default is to wait
# for ever: a mail server that stops answering would hold the worker (and the queue row it
# keeps locked while it sends, pei_workflow/email_tasks.py) until someone restarts it.
EMAIL_TIMEOUT = ENV["EMAIL_TIMEOUT"]
PEI_EMAIL_FIRST_RETRY_SECONDS = ENV["PEI_EMAIL_FIRST_RETRY_SECONDS"]

# Public forms: sends allowed per client address, and how many proxies (load balancers) in
# front of the site add to X-Forwarded-For; 0 means the client is REMOTE_ADDR
# (pei_forms/client_address.py).
PEI_SUBMISSION_RATE_LIMIT = ENV["PEI_SUBMISSION_RATE_LIMIT"]
PEI_TRUSTED_PROXY_HOPS = ENV["PEI_TRUSTED_PROXY_HOPS"]
# A half-filled form waits in the session for at most a day; a member of staff's session
# ends after 30 minutes without a request (pei_site/staff_sessions.py).
SESSION_COOKIE_AGE = 24 * 60 * 60
PEI_STAFF_IDLE_SECONDS = 30 * 60

# Public pages for readers without a session, from the shared cache (page_serving/page_cache.py):
# how long an entry lasts (0 switches it off), and which cache holds them.
PEI_PAGE_CACHE_SECONDS = int(os.environ.get("PEI_PAGE_CACHE_SECONDS", "600"))
PEI_PAGE_CACHE_ALIAS = "default"
# What pages are drawn from, worked out once per generation of the public site rather than
# on every request (page_serving/memo.py: the site, which page an address is, the
# menu, footer and contacts): how long this process keeps each at most, for a change made
# outside the models, which starts no generation. It applies with the page cache off too.
PEI_PER_GENERATION_SECONDS = int(os.environ.get("PEI_PER_GENERATION_SECONDS", "600"))

# How long a case's personal data is kept after it is closed, declined or withdrawn, in years:
# the practitioner's contact details, then the free text. `manage.py apply_retention` (daily)
# removes them, and the privacy notice states these same periods.
PEI_RETENTION = {"contact_details_years": 2, "free_text_years": 6}

# A practitioner's status link stops working this many days after their case ended.
PEI_STATUS_LINK_DAYS = 90

# Security headers: Content-Security-Policy (django-csp 4) and Permissions-Policy; HSTS,
# nosniff, Referrer-Policy and X-Frame-Options are in production.py. README, "Running it in
# production", has the roll-out. The switch is read here rather than in ENV above so that
# this section stays one block.
from csp.constants import NONE, SELF, UNSAFE_INLINE  # noqa: E402

# PEI_CSP_REPORT_ONLY=1 sends the same policies as Content-Security-Policy-Report-Only: the
# browser reports what it would block and blocks nothing.
PEI_CSP_REPORT_ONLY = env_bool("PEI_CSP_REPORT_ONLY", False)
# Where browsers send their violation reports, if anywhere (a collector's address).
PEI_CSP_REPORT_URI = os.environ.get("PEI_CSP_REPORT_URI", "")
_CSP_ALWAYS = {
    "default-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "frame-ancestors": [NONE],
    "form-action": [SELF],
    "report-uri": [PEI_CSP_REPORT_URI] if PEI_CSP_REPORT_URI else None,
}
# The public site: no inline script or style, nothing from another origin.
PEI_CSP_PUBLIC_DIRECTIVES = {**_CSP_ALWAYS}
# The admin (under Wagtail's prefix, pei_site/content_security_policy.py): Wagtail 8's own
# screens need each allowance below, found by loading them in Chromium and collecting the
# violations (README, "Running it in production").
PEI_CSP_ADMIN_DIRECTIVES = {
    **_CSP_ALWAYS,
    # Wagtail's date and time widgets and inline panels write <script>init...()</script>
    # into the page, and its jQuery runs the scripts in the HTML it inserts (choosers,
    # inline forms). No nonce can be given to them. Inline event handlers stay blocked.
    "script-src": [SELF, UNSAFE_INLINE],
    "script-src-attr": [NONE],
    # The page editor's scripts (Draftail, the side panels) insert <style> elements, and
    # wagtail-modeladmin's empty list has a style attribute.
    "style-src": [SELF, UNSAFE_INLINE],
    # The multiple image upload shows each chosen file from a blob: address before it is sent.
    "img-src": [SELF, "blob:"],
}
_CSP_SETTING = {"DIRECTIVES": PEI_CSP_PUBLIC_DIRECTIVES}
CONTENT_SECURITY_POLICY = None if PEI_CSP_REPORT_ONLY else _CSP_SETTING
CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP_SETTING if PEI_CSP_REPORT_ONLY else None
# django-csp's app only registers its system checks (old-style CSP_* settings are an error).
INSTALLED_APPS = [*INSTALLED_APPS, "csp"]
# Wagtail shows staff avatars from Gravatar by default: that sends a hash of each staff
# member's email address to another company and needs img-src to allow it. Wagtail's own
# default avatar is served from here instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Features no page uses (pei_site/permissions_policy.py).
PEI_PERMISSIONS_POLICY_OFF = [
    "accelerometer",
    "browsing-topics",
    "camera",
    "geolocation",
    "gyroscope",
    "interest-cohort",
    "magnetometer",
    "microphone",
    "payment",
    "usb",
]

# Demo accounts are refused unless a settings module switches them on (dev only).
PEI_ALLOW_DEMO_ACCOUNTS = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A status link's token is a secret in a URL: every handler takes it out of what it logs.
    "filters": {"redact_status_tokens": {"()": "pei_forms.logging.RedactStatusTokens"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_status_tokens"]},
        # runserver's access log, as Django sets it up, plus the filter.
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["redact_status_tokens"],
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
    },
}

# Staff sign-in: the lockout after repeated failures and the password reset's limits.
from .sign_in import *  # noqa: E402, F403
