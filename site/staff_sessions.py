"""Staff sessions end after PEI_STAFF_IDLE_SECONDS (30 minutes) without a request; a
practitioner's half-filled form keeps the session's usual SESSION_COOKIE_AGE (a day).

A practitioner never signs in, so only a signed-in person who may use the admin gets the
short expiry. Django slides an expiry set with `set_expiry(seconds)` each time the session is
saved; renewing it once a minute, not on every request, keeps a busy page from writing its
session each time, at the cost of ending a session up to a minute early.

Admin pages carry a small script (`pei_site/js/staff-timeout.js`, from the
`insert_global_admin_js` hook) that warns a few minutes before the end, so nobody loses a
half-written form, and offers to stay signed in: `keep_alive` renews the session.
"""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

#: When the session was last renewed, in seconds since the epoch.
RENEWED = "pei_staff_renewed_at"
RENEW_EVERY = 60


def is_staff(user) -> bool:
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def idle_seconds() -> int:
    return settings.PEI_STAFF_IDLE_SECONDS


def renew(request) -> None:
    request.session.set_expiry(idle_seconds())
    request.session[RENEWED] = int(time.time())


def _signed_in(sender, request, user, **kwargs):
    """The short expiry starts at sign-in, not at the first page after it."""
    if request is not None and hasattr(request, "session") and is_staff(user):
        renew(request)


def connect() -> None:
    user_logged_in.connect(_signed_in, dispatch_uid="pei_site.staff_sessions.signed_in")


class StaffIdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_staff(request.user):
            renewed = request.session.get(RENEWED, 0)
            if time.time() - renewed >= min(RENEW_EVERY, idle_seconds() // 10):
                renew(request)
        return self.get_response(request)


@never_cache
@require_GET
def keep_alive(request):
    """204 and a renewed session for signed-in staff ("Stay signed in"); 403 for others. A
    GET, as any admin page renews the session when it is read."""
    if not is_staff(request.user):
        return HttpResponse(status=403)
    renew(request)
    return HttpResponse(status=204)
