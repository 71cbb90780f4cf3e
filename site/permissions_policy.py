"""The Permissions-Policy header: the browser features no page of the site uses, switched off.

Nothing on the site, public or admin, uses a camera, a microphone, the reader's location,
payments, USB or other devices, so a script that got in (or a frame) cannot ask for them
either. `interest-cohort=()` and `browsing-topics=()` keep the pages out of browsers' ad
interest groups: a council site about families with needs should not feed them.
"""

from django.conf import settings


def permissions_policy_header(features: list[str]) -> str:
    """`camera=(), microphone=()...`: an empty allow list switches a feature off for the page
    and every frame in it."""
    return ", ".join(f"{feature}=()" for feature in features)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PEI_PERMISSIONS_POLICY_OFF)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
