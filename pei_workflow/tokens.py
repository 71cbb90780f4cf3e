"""Private status links. A token carries 256 random bits from `secrets`; only its SHA-256 hash
is stored, so a copy of the database cannot be turned back into working links.

A link stops working PEI_STATUS_LINK_DAYS after its case ended (closed, declined or
withdrawn; the same ending the retention schedule counts from), and at once when the
practitioner's email address is corrected (`services.editing.correct_answers`): a link sent
to a wrong address must not go on working for whoever has it.
"""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Submission
from .states import ENDED_STATES

TOKEN_BYTES = 32


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_status_token(submission: Submission) -> str:
    """Give the submission a new status link token and return it; any earlier link stops
    working. The caller puts the token in an email and nowhere else."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with transaction.atomic():
        type(submission).objects.filter(pk=submission.pk).update(
            status_token_hash=hash_token(token)
        )
    submission.status_token_hash = hash_token(token)
    return token


def submission_for_token(token: str, models: list[type[Submission]]) -> Submission | None:
    """The submission a token opens, or None for a wrong, old or malformed token. Every
    failure looks the same to the caller, so a guess learns nothing."""
    if not token or len(token) > 100:
        return None
    digest = hash_token(token)
    for model in models:
        submission = (
            model.objects.select_related("district").filter(status_token_hash=digest).first()
        )
        if submission is not None:
            return None if _expired(submission) else submission
    return None


def _expired(submission: Submission) -> bool:
    if submission.state not in ENDED_STATES:
        return False
    from .services.retention import ended_cases  # the ending the retention schedule counts

    ended_at = (
        ended_cases(type(submission))
        .filter(pk=submission.pk)
        .values_list("ended_at", flat=True)
        .first()
    )
    days = datetime.timedelta(days=settings.PEI_STATUS_LINK_DAYS)
    return ended_at is not None and timezone.now() - ended_at > days
