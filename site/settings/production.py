from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ENV

if not ENV["SECRET_KEY"]:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")

# Rate limits (and, later, sign-in lockouts) are counters in the cache. With a cache in each
# process every app server would keep its own count, and a client spread over N servers would
# get N times the limit, so production has no fallback to a local cache.
if not ENV["REDIS_URL"]:
    raise ImproperlyConfigured(
        "Set REDIS_URL to the shared Redis cache (such as redis://cache.internal:6379/0): "
        "rate limits and lockouts must be counted in one place for every app server."
    )

# Without a mail server Django would print each email to the log, status links included.
if not ENV["EMAIL_URL_HOST"]:
    raise ImproperlyConfigured(
        "Set EMAIL_HOST to the mail server (such as smtp.internal): without one, emails and "
        "the status links in them would be written to the log."
    )

DEBUG = False
SECRET_KEY = ENV["SECRET_KEY"]
PEI_ALLOW_DEMO_ACCOUNTS = False
# Staff sign in with a password and a code from their phone (pei_site.second_factor).
PEI_REQUIRE_SECOND_FACTOR = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = ENV["SECURE_SSL_REDIRECT"]
SECURE_HSTS_SECONDS = ENV["SECURE_HSTS_SECONDS"]
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = ENV["SECURE_HSTS_PRELOAD"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# Mail goes over TLS unless it is switched off: STARTTLS (EMAIL_USE_TLS, port 587 or 25) by
# default, or TLS from the first byte (EMAIL_USE_SSL, port 465) instead. The emails carry
# status links, which are secrets. Django refuses both at once, but only when it first sends,
# so the site refuses to start instead.
EMAIL_USE_SSL = ENV["EMAIL_USE_SSL"]
EMAIL_USE_TLS = not EMAIL_USE_SSL if ENV["EMAIL_USE_TLS"] is None else ENV["EMAIL_USE_TLS"]
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured(
        "Set EMAIL_USE_TLS or EMAIL_USE_SSL, not both: they are two ways of encrypting mail."
    )
