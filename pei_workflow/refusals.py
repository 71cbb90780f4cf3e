"""The one page every casework admin screen answers a refusal with.

Wagtail turns PermissionDenied in its admin into a redirect to the dashboard with a message,
which hides from people (and tests) that the request was refused. These screens answer 403
instead, with a page that says who may do it and that nothing changed.
"""

from django.template.response import TemplateResponse
from django.urls import reverse


def refused(request, reason: str, *, back_url: str = "", advice: str = "") -> TemplateResponse:
    """A 403 page saying why, and that nothing has been changed."""
    context = {
        "refusal": reason,
        "advice": advice,
        "back_url": back_url or reverse("wagtailadmin_home"),
    }
    return TemplateResponse(request, "pei_workflow/admin/refused.html", context, status=403)
