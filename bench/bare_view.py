"""The yardstick of bench/throughput.py: a bare Django view that answers each request with
the bytes the site gave for the same address, read once at start, through no middleware:
PEI_BARE_BODIES is a folder holding index.json ({address: file name}) and the files; an
address not in it gets the home page's bytes. Served by gunicorn as
`bench.bare_view:application`, as the site is."""

import json
import os
from pathlib import Path

import django
from django.conf import settings
from django.http import HttpResponse
from django.urls import re_path

FOLDER = Path(os.environ["PEI_BARE_BODIES"])
BODIES = {
    address: (FOLDER / name).read_bytes()
    for address, name in json.loads((FOLDER / "index.json").read_text()).items()
}


def bare(request, rest=""):
    body = BODIES.get(request.get_full_path()) or BODIES["/"]
    return HttpResponse(body, content_type="text/html; charset=utf-8")


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
