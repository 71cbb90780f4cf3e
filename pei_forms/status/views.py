"""The private status page, its two actions (answer, withdraw) and the "send me a new link"
form. The views parse input, call the pei_workflow services and render; the rules live in
the services."""

from functools import wraps

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from guidance_pages.models import ContactsPage
from pei_workflow.models import CafEscalation, GapInService
from pei_workflow.services import TransitionRefused, provide_information, withdraw_by_practitioner
from pei_workflow.tokens import submission_for_token

from ..protection import allow_client
from .forms import AnswerForm, ResendLinkForm
from .notifications import email_digest, send_status_link
from .presenters import INFORMATION_REQUESTED, no_longer_possible, step_refused, summarise

STATUS_MODELS = [GapInService, CafEscalation]

# The headers of every response from these views. The token is in the address, so the page
# must not be sent on to another site as a referrer, kept in a shared or browser cache, or
# indexed. "same-origin" sends the address only back to this site (whose logs redact tokens:
# pei_forms.logging), so browsers post these pages' forms with their real Origin and
# Django's own CSRF check, Origin included, applies as on every other page.
PRIVATE_HEADERS = {
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex",
}

RESEND_LIMIT = 5
RESEND_WINDOW_SECONDS = 60 * 60


def private(view):
    """Send the view's response, whatever its status, with PRIVATE_HEADERS."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        for header, value in PRIVATE_HEADERS.items():
            response.headers[header] = value
        return response

    return wrapped


def link_not_found(request):
    """The one answer to every link that opens nothing: wrong, old, malformed or guessed.

    It is rendered from the same template with the same context every time, so two failures
    cannot be told apart.
    """
    return render(request, "pei_forms/status/not_found.html", status=404)


@private
@require_http_methods(["GET", "POST"])
def status(request, token: str):
    """Show the submission's state and history; take the answer to an information request."""
    submission = submission_for_token(token, STATUS_MODELS)
    if submission is None:
        return link_not_found(request)

    form = AnswerForm()
    if request.method == "POST":
        if submission.state != INFORMATION_REQUESTED:
            messages.warning(request, no_longer_possible(submission))
            return redirect("pei_forms:status", token=token)
        form = AnswerForm(request.POST)
        if form.is_valid():
            try:
                provide_information(submission=submission, answer=form.cleaned_data["answer"])
            except TransitionRefused:
                messages.warning(request, step_refused(submission))
            else:
                messages.success(
                    request, "Your answer has been sent. The EIDO will carry on with the review."
                )
            return redirect("pei_forms:status", token=token)

    return render(
        request,
        "pei_forms/status/status.html",
        {
            "summary": summarise(submission),
            "form": form,
            "token": token,
            "contacts_page": contacts_page(),
        },
    )


@private
@require_http_methods(["GET", "POST"])
def withdraw(request, token: str):
    """Ask the practitioner to confirm, then withdraw the submission."""
    submission = submission_for_token(token, STATUS_MODELS)
    if submission is None:
        return link_not_found(request)

    if request.method == "POST":
        try:
            withdraw_by_practitioner(submission=submission)
        except TransitionRefused:
            messages.warning(request, step_refused(submission))
        else:
            messages.success(request, f"You have withdrawn {submission.reference}.")
        return redirect("pei_forms:status", token=token)

    if not submission.is_open:
        return redirect("pei_forms:status", token=token)
    return render(
        request,
        "pei_forms/status/withdraw.html",
        {"summary": summarise(submission), "token": token, "contacts_page": contacts_page()},
    )


@private
@require_http_methods(["GET", "POST"])
def resend_link(request):
    """Take a reference and an email address and queue a new link.

    Whatever the answer, the request does the same thing, queue one task, and redirects to
    the same page: only the worker finds out whether the submission exists.
    """
    form = ResendLinkForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not allow_client(request, "resend", limit=RESEND_LIMIT, window=RESEND_WINDOW_SECONDS):
            return render(request, "pei_forms/status/resend_limited.html", status=429)
        send_status_link.enqueue(
            reference=form.cleaned_data["reference"],
            email_digest=email_digest(form.cleaned_data["email"]),
        )
        return redirect("pei_forms:resend_link_sent")
    return render(
        request, "pei_forms/status/resend.html", {"form": form, "contacts_page": contacts_page()}
    )


@private
@require_http_methods(["GET"])
def resend_link_sent(request):
    """The same answer for every request for a new link."""
    return render(request, "pei_forms/status/resend_sent.html")


def contacts_page() -> Page | None:
    """The site's contacts page, if one is published."""
    return ContactsPage.objects.live().first()
