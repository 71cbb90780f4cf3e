"""The yardstick of bench/throughput.py: a bare Django view that answers every request with
the bytes of a file read once at start (PEI_BARE_BODY), through no middleware. Served by
gunicorn as `bench.bare_view:application`, as the site is."""

import os

import django
from django.conf import settings
from django.http import HttpResponse
from django.urls import re_path

BODY = open(os.environ["PEI_BARE_BODY"], "rb").read()  # noqa: SIM115 (read once, kept)


def bare(request, rest=""):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [re_path(r"^(?P<rest>.*)$", bare)]

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-only",  # noqa: S106
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)
django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
