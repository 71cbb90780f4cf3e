from .base import *  # noqa: F403
from .base import ENV

DEBUG = True
# Development only: a key that is obviously not secret. Production refuses to start without one.
SECRET_KEY = ENV["SECRET_KEY"] or "django-insecure-development-only-key-do-not-use-in-production"
ALLOWED_HOSTS = ["*"]
PEI_ALLOW_DEMO_ACCOUNTS = True
