"""Locked sign-ins (django-axes, settings.sign_in): which accounts and addresses are locked
now, and the unlock a county lead or an operator gives. Every unlock is in the audit log.

Axes counts failures in rows of (username, address); an account is locked when its rows
within the cool-off hold AXES_FAILURE_LIMIT failures, an address likewise. A username that
names no account is kept only as a keyed hash (`pei_site.sign_in.tracked_username`): it is
never listed here, since there is no account to unlock.
"""

from dataclasses import dataclass

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone

from .. import audit
from ..models.audit import AuditLogEntry
from ..permissions import is_county_lead

#: The prefix `tracked_username` gives a username that names no account.
NO_ACCOUNT_PREFIX = "unknown:"

REFUSAL = "Only a county lead or an operator can see and unlock locked sign-ins."


@dataclass(frozen=True)
class Lock:
    key: str  # the username or the address
    failures: int
    last_attempt: object  # datetime


def may_unlock(user) -> bool:
    return is_county_lead(user)


def _recent():
    attempts = AccessAttempt.objects.all()
    if settings.AXES_COOLOFF_TIME:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    return attempts


def _locked(field: str) -> list[Lock]:
    rows = (
        _recent()
        .exclude(**{f"{field}__isnull": True})
        .values(field)
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last")
    )
    return [Lock(row[field], row["failures"], row["last"]) for row in rows]


def locked_accounts() -> list[Lock]:
    return [lock for lock in _locked("username") if not lock.key.startswith(NO_ACCOUNT_PREFIX)]


def locked_addresses() -> list[Lock]:
    return _locked("ip_address")


def unlock_account(*, actor, username: str) -> None:
    """Forget the account's failures, from every address."""
    if not may_unlock(actor):
        raise PermissionDenied(REFUSAL)
    users = get_user_model()
    account = users._default_manager.filter(**{users.USERNAME_FIELD: username}).first()
    if account is None or username not in {lock.key for lock in locked_accounts()}:
        raise ValidationError("That account is not locked.")
    with transaction.atomic():
        reset(username=username)
        audit.record(actor, audit.SIGN_IN_UNLOCKED, account, district=None)


def unlock_address(*, actor, address: str) -> None:
    """Forget the address's failures, for every account."""
    if not may_unlock(actor):
        raise PermissionDenied(REFUSAL)
    if address not in {lock.key for lock in locked_addresses()}:
        raise ValidationError("That address is not locked.")
    with transaction.atomic():
        reset(ip=address)
        # The audit log names people and records, not where anyone signed in from.
        AuditLogEntry.objects.write_about(
            get_user_model(), audit.SIGN_IN_UNLOCKED, label="An address", user=actor
        )
