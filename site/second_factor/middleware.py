"""With settings.PEI_REQUIRE_SECOND_FACTOR on, a signed-in session that has not given a code
this time opens no admin page: it is sent to enter one, or, for someone without a second
factor yet, to set one up. Installed after django-otp's OTPMiddleware, which tells whether the
session has given a code (`request.user.is_verified()`).

Only the admin (everything under /admin/) is kept behind it. Practitioners never sign in,
so the public site and status pages are untouched, as are static files (not under /admin/).
The few admin pages a session needs before its code stay open: signing in and out, the
password reset, the second-factor pages, and the admin's icons and script translations that
those pages load.

It decides in `process_view`, once the URL is resolved, so that it goes by the page's name
rather than by a path that could be spelled another way.
"""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from . import devices, urls

OPEN_BEFORE_A_CODE = urls.PAGES | {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
}


class SecondFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Read each time, so that tests can switch it with override_settings.
        if not settings.PEI_REQUIRE_SECOND_FACTOR:
            return None
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        if request.resolver_match.view_name in OPEN_BEFORE_A_CODE:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        page = urls.CHECK if devices.has_second_factor(user) else urls.SET_UP
        # Back to the page asked for afterwards, unless it was a form sent (sent again
        # later it could act twice).
        next_url = request.get_full_path() if request.method == "GET" else ""
        return redirect(urls.with_next(page, next_url))
