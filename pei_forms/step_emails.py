"""Emails to the practitioner when the EIDO takes a step they need to know about.

pei_workflow announces each committed step (`transition_committed`); this module queues one
durable email for the steps in STEP_EMAILS. The email says what happened and sends the
practitioner to their status page for the detail: the detail (the EIDO's question, a decline
reason) stays behind the private link, and the email holds no link token, so an email read
over a shoulder or forwarded gives little away.
"""

from django.apps import apps
from django.conf import settings
from django.urls import reverse

from pei_workflow.email_tasks import email_task
from pei_workflow.mail import send_or_try_again
from pei_workflow.models import TransitionLog
from pei_workflow.states import NEXT_STEPS, practitioner_state_label

from .notifications import email_to_practitioner

# Subject line for each step that is emailed. Steps not listed are not emailed.
STEP_EMAILS = {
    "request_information": "We need more information about {reference}",
    "decline": "{reference} has been declined",
    "signpost": "A decision about {reference}",
    "record_panel_decision": "A decision about {reference}",
    "record_sub_group_decision": "A decision about {reference}",
    "record_trust_board_decision": "A decision about {reference}",
    "record_county_response": "A decision about {reference}",
    "withdraw": "{reference} has been withdrawn",
    "close": "{reference} is closed",
    "reopen": "{reference} has been reopened",
}


def queue_step_email(sender, *, submission, log, **kwargs) -> None:
    """Listener for `transition_committed`: queue the practitioner's email for a staff step.
    Steps the practitioner took themselves are not emailed back to them."""
    if log.transition not in STEP_EMAILS or log.actor_id is None:
        return
    email_practitioner_about_step.enqueue(
        model_label=submission._meta.label_lower, pk=submission.pk, log_pk=log.pk
    )


def new_link_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("pei_forms:resend_link")


@email_task
def email_practitioner_about_step(*, model_label: str, pk: int, log_pk: int, attempt: int = 1):
    """Tell the practitioner that a step was taken on their form."""
    submission = apps.get_model(model_label).objects.select_related("district").get(pk=pk)
    log = TransitionLog.objects.get(pk=log_pk)
    context = {
        "submission": submission,
        "kind": submission._meta.verbose_name,
        "step": log.transition,
        "state_label": practitioner_state_label(submission.state),
        "next_steps": NEXT_STEPS.get(log.to_state, ""),
        "new_link_url": new_link_url(),
    }
    message = email_to_practitioner(
        submission,
        subject=STEP_EMAILS[log.transition].format(reference=submission.reference),
        template="pei_forms/email/step.txt",
        context=context,
    )
    send_or_try_again(
        message,
        email_practitioner_about_step,
        attempt=attempt,
        what=f"the {log.transition} email for {submission.reference}",
        model_label=model_label,
        pk=pk,
        log_pk=log_pk,
    )
