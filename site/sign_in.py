"""django-axes' two hooks (settings.sign_in): the username it counts failures against, and
what a locked sign-in is told."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import render
from django.utils.crypto import salted_hmac

from pei_forms.client_address import UNREADABLE, client_address, client_group
from pei_workflow.services.sign_in_locks import NO_ACCOUNT_PREFIX

#: What an address that cannot be read is counted as: one address, shared by them all.
UNREADABLE_ADDRESS = "0.0.0.0"  # noqa: S104 (a value stored, not an address bound to)


def sign_in_address(request) -> str:
    """AXES_CLIENT_IP_CALLABLE: the client as the public forms' limits see it (through the
    trusted proxies only), an IPv6 client by its /64 (written as the network's first address,
    which axes can store), so a client cannot escape a lock by moving within its /64."""
    group = client_group(client_address(request))
    if group == UNREADABLE:
        return UNREADABLE_ADDRESS
    return group.partition("/")[0]


def tracked_username(request, credentials=None) -> str:
    """AXES_USERNAME_CALLABLE: the username typed, when it names an account; otherwise a keyed
    hash of it. People type their password into the username box, and axes keeps what it
    counts against for as long as the cool-off: a name that is no account's is not kept as
    typed (the audit log keeps nothing of it). Each typed name still counts on its own, so a
    name that is no account's is locked just as an account is, and the lock tells nobody
    which names are accounts."""
    field = get_user_model().USERNAME_FIELD
    typed = (credentials or {}).get(field) or (credentials or {}).get("username")
    if typed is None and request is not None:
        typed = request.POST.get("username", "")
    if not typed:
        return ""
    users = get_user_model()
    if users._default_manager.filter(**{field: typed}).exists():
        return typed
    return NO_ACCOUNT_PREFIX + salted_hmac("pei_site.sign_in", typed).hexdigest()[:32]


def wait_words(cool_off: datetime.timedelta | None) -> str:
    """ "1 hour", "30 minutes", "1 hour and 30 minutes"."""
    if not cool_off:
        return ""
    hours, rest = divmod(int(cool_off.total_seconds()) // 60, 60)
    parts = [
        f"{n} {unit}{'' if n == 1 else 's'}" for n, unit in ((hours, "hour"), (rest, "minute")) if n
    ]
    return " and ".join(parts) or "a minute"


def locked_out(request, original_response=None, credentials=None):
    """429: signing in is locked for this account or address; it names neither."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "wait": wait_words(settings.AXES_COOLOFF_TIME),
    }
    return render(
        request, "pei_site/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
