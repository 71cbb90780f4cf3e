"""Private status links. A token carries 256 random bits from `secrets`; only its SHA-256 hash
is stored, so a copy of the database cannot be turned back into working links."""

import hashlib
import secrets

from django.db import transaction

from .models import Submission

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
            return submission
    return None
