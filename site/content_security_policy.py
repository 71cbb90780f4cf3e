"""The Content-Security-Policy header: the public site's strict policy, and the admin's.

django-csp's middleware sends one policy from settings, and its decorators change it per
view. The admin is hundreds of Wagtail's views (and wagtail-modeladmin's, and ours), none of
which we can decorate, so the policy is chosen by path instead, through the hook django-csp
documents for this: a subclass overriding `get_policy_parts`. A view that uses django-csp's
own decorators (`csp_update`, `csp_replace`, `csp_exempt`) still gets what it asked for,
because the decorators work on the policy chosen here.
"""

from functools import cache

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse


@cache
def admin_prefix() -> str:
    """Where Wagtail's admin is mounted, from the URLconf rather than typed out again."""
    return reverse("wagtailadmin_home")


def is_admin_path(path: str) -> bool:
    return path.startswith(admin_prefix())


def is_framed_by_the_admin(response) -> bool:
    """Wagtail's preview views (the live preview panel, a StreamField block's preview) mark
    their answers X-Frame-Options: SAMEORIGIN because the editor shows them in an iframe; CSP's
    frame-ancestors overrides X-Frame-Options in browsers, so it must agree with Wagtail."""
    return response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"


class SitePolicyMiddleware(CSPMiddleware):
    """Sends `PEI_CSP_ADMIN_DIRECTIVES` under the admin's prefix and the settings' policy
    (`PEI_CSP_PUBLIC_DIRECTIVES`) everywhere else, enforced or report-only as
    `PEI_CSP_REPORT_ONLY` says."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # Only the header the settings switch on is sent: the other setting is left empty.
        if report_only != settings.PEI_CSP_REPORT_ONLY:
            return parts
        if parts.config is None and is_admin_path(request.path):
            parts.config = default_config(settings.PEI_CSP_ADMIN_DIRECTIVES)
        if is_framed_by_the_admin(response):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts
