"""The two pages every change to a submission answers with: its form (again, with errors or a
refusal), and the 403 page when the change is not this person's to make. The step screens
and the correction and themes screens share them."""

from django.template.response import TemplateResponse

from ...models import Submission
from ..base import refused
from ..urls import inspect_url
from .actions import safe_next_url


def form_page(
    request, submission: Submission, title: str, form, *, refusal="", status=200, **extra
) -> TemplateResponse:
    """The change's form; `refusal` is shown above it when the change was refused."""
    next_url = safe_next_url(request)
    context = {
        "submission": submission,
        "step_label": title,
        "form": form,
        "refusal": refusal,
        "next_url": next_url,
        "back_url": next_url or inspect_url(submission),
        "action_url": request.get_full_path(),
        **extra,
    }
    return TemplateResponse(request, "pei_workflow/admin/step_form.html", context, status=status)


def refused_page(request, submission: Submission, title: str, reason: str) -> TemplateResponse:
    """403: this change is not this person's to make now, and why (the one refusal page)."""
    return refused(
        request,
        reason,
        subject=submission.reference,
        heading=title,
        back_url=inspect_url(submission),
        back_label=f"Back to {submission.reference}",
    )
