"""Removing someone's second factor (django-otp's devices), for a lost phone: a county lead or
an operator does it, with a reason from a fixed list, and it is in the audit log. The person
then sets up a new one the next time they sign in (`pei_site.second_factor`).

Every device the person has goes: the authenticator app, any set-up not finished, and the
backup codes, so that no old code works once the phone is gone. Every session signed in as
them ends too: a browser left signed in (perhaps on the lost phone itself) would otherwise
be sent to set up a new app with no password asked, so whoever held it could.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django_otp import device_classes
from django_otp.plugins.otp_totp.models import TOTPDevice

from .. import audit
from ..choices import SecondFactorRemoval
from ..permissions import is_county_lead
from ..sessions import end_every_session

REFUSAL = "Only a county lead or an operator can remove someone's second factor."
OPERATORS_ONLY = "Only an operator can remove an operator's second factor."


@dataclass(frozen=True)
class SecondFactor:
    person: object  # the user
    set_up: object  # datetime, or None for a device made before django-otp kept it
    last_used: object  # datetime or None


def may_remove(user) -> bool:
    return is_county_lead(user)


def may_remove_for(actor, person) -> bool:
    """Only an operator (a superuser) changes an operator's sign-in, as with their roles."""
    return may_remove(actor) and (actor.is_superuser or not person.is_superuser)


def second_factors() -> list[SecondFactor]:
    """Everyone with an authenticator app set up, by name."""
    devices = (
        TOTPDevice.objects.filter(confirmed=True, user__is_active=True)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "user__username", "pk")
    )
    found, seen = [], set()
    for device in devices:
        if device.user_id not in seen:
            seen.add(device.user_id)
            found.append(SecondFactor(device.user, device.created_at, device.last_used_at))
    return found


def people_with_second_factor():
    """The accounts `second_factors` lists, as a queryset (for the screen's 404 rule)."""
    ids = TOTPDevice.objects.filter(confirmed=True).values("user_id")
    return get_user_model().objects.filter(pk__in=ids, is_active=True)


def remove_second_factor(*, actor, person, reason: str) -> None:
    """Delete every django-otp device `person` has, and record who did it and why."""
    if not may_remove_for(actor, person):
        raise PermissionDenied(OPERATORS_ONLY if may_remove(actor) else REFUSAL)
    if reason not in SecondFactorRemoval.values:
        raise ValidationError({"reason": "Choose why you are removing it."})
    with transaction.atomic():
        removed = 0
        for model in device_classes():
            count, _ = model.objects.filter(user=person).delete()
            removed += count
        if not removed:
            raise ValidationError("They have no second factor to remove.")
        signed_out = end_every_session(person)
        audit.record(
            actor,
            audit.SECOND_FACTOR_REMOVED,
            person,
            district=None,
            data={"reason": reason, "sessions_ended": signed_out},
        )
