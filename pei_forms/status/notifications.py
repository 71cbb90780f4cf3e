"""Sending a new status link when a practitioner asks for one.

The request only queues `send_status_link` with the reference and a keyed hash of the address
typed in; everything that depends on whether the submission exists happens here, in the
worker. So the web request does the same work, and answers the same, for a known and an
unknown address, and the queue never holds an address that nobody submitted with.

The token is made when the email is sent, not when it is queued, and is never stored in the
queue: a retry mints another one. Minting it replaces the submission's old token, so the link
in any earlier email stops working.
"""

import logging

from django.utils.crypto import constant_time_compare, salted_hmac

from pei_workflow.email_tasks import email_task
from pei_workflow.mail import send_or_try_again
from pei_workflow.models import CafEscalation, GapInService, Submission
from pei_workflow.tokens import issue_status_token

from ..notifications import email_to_practitioner, status_url
from ..protection import allow

logger = logging.getLogger(__name__)

EMAIL_DIGEST_SALT = "pei_forms.status.resend_link"
# However many addresses ask, one submission gets at most this many new links a day: enough
# for a practitioner who lost two emails, too few to flood their inbox or keep killing their
# link.
LINKS_PER_SUBMISSION = 3
LINKS_WINDOW_SECONDS = 24 * 60 * 60


def email_digest(email: str) -> str:
    """A keyed hash of an email address, compared without case or surrounding spaces."""
    return salted_hmac(EMAIL_DIGEST_SALT, email.strip().lower(), algorithm="sha256").hexdigest()


def submission_for_request(reference: str, digest: str) -> Submission | None:
    """The submission with this reference, if it was sent from the address behind `digest`."""
    for model in (GapInService, CafEscalation):
        submission = model.objects.filter(reference=reference).first()
        if submission is not None:
            if constant_time_compare(email_digest(submission.email), digest):
                return submission
            return None
    return None


@email_task
def send_status_link(*, reference: str, email_digest: str, attempt: int = 1):
    """Email a new status link to the practitioner, if the reference and address match."""
    submission = submission_for_request(reference, email_digest)
    if submission is None:
        return
    if attempt == 1 and not allow(
        f"status-link:{submission._meta.label_lower}:{submission.pk}",
        limit=LINKS_PER_SUBMISSION,
        window=LINKS_WINDOW_SECONDS,
    ):
        logger.warning("Too many new links asked for %s today; none sent", submission.reference)
        return

    token = issue_status_token(submission)
    message = email_to_practitioner(
        submission,
        subject=f"Your new link for {submission.reference}",
        template="pei_forms/status/email/new_link.txt",
        context={
            "submission": submission,
            "kind": submission.kind.label,
            "status_url": status_url(token),
        },
    )
    # On a mail failure the next attempt mints and sends a fresh link.
    send_or_try_again(
        message,
        send_status_link,
        attempt=attempt,
        what=f"a new status link for {submission.reference}",
        reference=reference,
        email_digest=email_digest,
    )
