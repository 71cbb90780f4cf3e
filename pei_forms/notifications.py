"""The practitioner's acknowledgement email: their reference, what happens next, and the
private link to follow the form.

The status link's token is made here, when the email is sent, and put in the email and
nowhere else: the queued task holds only the submission's model and id, the database only the
token's hash. If the mail server refuses the message, the task queues itself to try again
later, and the retry makes a new token, so only the link in the email that arrives works.
"""

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from pei_workflow.email_tasks import email_task
from pei_workflow.mail import send_or_try_again
from pei_workflow.states import NEXT_STEPS
from pei_workflow.tokens import issue_status_token


def status_url(token: str) -> str:
    """The full address of the status page for a token."""
    path = reverse("pei_forms:status", kwargs={"token": token})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def email_to_practitioner(submission, *, subject: str, template: str, context: dict):
    """A plain-text email to the practitioner who sent the submission."""
    return EmailMessage(
        subject=subject,
        body=render_to_string(template, context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[submission.email],
    )


@email_task
def acknowledge_submission(*, model_label: str, pk: int, attempt: int = 1):
    """Email the practitioner their reference and a new private status link."""
    submission = apps.get_model(model_label).objects.select_related("district").get(pk=pk)
    token = issue_status_token(submission)
    context = {
        "submission": submission,
        "kind": submission._meta.verbose_name,
        "next_steps": NEXT_STEPS["submitted"],
        "status_url": status_url(token),
    }
    message = email_to_practitioner(
        submission,
        subject=f"We have received your form: {submission.reference}",
        template="pei_forms/email/acknowledgement.txt",
        context=context,
    )
    # A retry mints a new token, so only the link in the email that arrives works.
    send_or_try_again(
        message,
        acknowledge_submission,
        attempt=attempt,
        what=f"the acknowledgement of {submission.reference}",
        model_label=model_label,
        pk=pk,
    )
