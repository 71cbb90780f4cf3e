"""CSRF protection for pages sent with `Referrer-Policy: no-referrer`.

Under that policy a browser sends `Origin: null` with every form POST from the page (the Fetch
standard serialises the origin as "null" for no-referrer), and Django's CSRF middleware
rejects that Origin. These views therefore use Django's own check with one change: an Origin
of "null" is let through to the token check, which still needs the CSRF cookie (SameSite=Lax,
so never sent on a cross-site POST) and the matching form token.

What this gives up is the Origin check's defence against someone who can plant a CSRF cookie
(a sibling subdomain, say). It protects nothing here: these pages grant nothing on the
strength of a cookie. Answering and withdrawing need the token in the address, and whoever has
that can act without borrowing anyone's browser; the new link form only ever emails the
address on the submission.
"""

from django.middleware.csrf import CsrfViewMiddleware
from django.utils.decorators import decorator_from_middleware
from django.views.decorators.csrf import csrf_exempt

NULL_ORIGIN = "null"


class NullOriginCsrfMiddleware(CsrfViewMiddleware):
    """Django's CSRF check, accepting the "null" Origin of a no-referrer page."""

    def _origin_verified(self, request):
        if request.META.get("HTTP_ORIGIN") == NULL_ORIGIN:
            return True
        return super()._origin_verified(request)


_protect = decorator_from_middleware(NullOriginCsrfMiddleware)


def csrf_protect_no_referrer(view):
    """Replace the site-wide CSRF check on `view` with NullOriginCsrfMiddleware's."""
    return csrf_exempt(_protect(view))
